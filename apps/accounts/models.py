from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class CustomerLink(models.Model):
    """The one backend customer a portal account acts for.

    One account, one customer: both sides are unique. Staff accounts have none.
    """

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="customer_link")
    customer_number = models.CharField(_("kundnummer"), max_length=32, unique=True)
    linked_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("kundkoppling")
        verbose_name_plural = _("kundkopplingar")

    def __str__(self) -> str:
        return f"{self.user_id} → {self.customer_number}"
