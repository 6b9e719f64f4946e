from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from portal.account_state import WatchedQuerySet


class EmailChangeQuerySet(WatchedQuerySet):
    def pending(self) -> "EmailChangeQuerySet":
        """Not yet confirmed and not replaced; whether the link is still fresh is the signature's to say."""
        return self.filter(confirmed_at__isnull=True, cancelled_at__isnull=True)


class EmailChange(models.Model):
    """A new contact e-mail address, waiting for the tenant to follow the link sent to it.

    Only when the link is followed does the portal send the address to the
    landlord's system. The link is signed and expires (services.LINK_MAX_AGE);
    confirmed_at makes it good for one use, cancelled_at retires it when the
    tenant asks for a newer change or withdraws this one.
    """

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="email_changes")
    customer_number = models.CharField(_("kundnummer"), max_length=32)
    email = models.EmailField(_("ny e-postadress"))
    created_at = models.DateTimeField(auto_now_add=True)
    confirmed_at = models.DateTimeField(null=True, blank=True)
    cancelled_at = models.DateTimeField(null=True, blank=True)

    objects = EmailChangeQuerySet.as_manager()

    class Meta:
        verbose_name = _("ändring av e-postadress")
        verbose_name_plural = _("ändringar av e-postadress")
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["user", "confirmed_at", "cancelled_at"])]

    def __str__(self) -> str:
        return f"{self.user_id} → {self.email}"
