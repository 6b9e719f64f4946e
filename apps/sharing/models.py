import secrets

from django.conf import settings
from django.db import models
from django.urls import reverse


def new_token() -> str:
    return secrets.token_urlsafe(32)


class ErrandShare(models.Model):
    """A read-only link to one of a tenant's errands, for a neighbour or a relative.

    The link carries the portal's own token; PM5's share key (Delningsnyckel) stays
    here, server-side, and never reaches a browser. So a link dies the moment its row
    is deleted, whether or not PM5 can be told at once, and nobody can read an
    errand from PM5 with a key lifted from a link. One link per account and errand.
    """

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="errand_shares")
    customer_number = models.CharField(max_length=20)
    errand_id = models.BigIntegerField(help_text="PM5 ÄrendeId.")
    errand_number = models.CharField(max_length=30)
    token = models.CharField(max_length=64, unique=True, default=new_token)
    backend_key = models.CharField(max_length=200, help_text="PM5 Delningsnyckel; never shown.")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "errand_id"], name="sharing_one_link_per_errand")]

    def __str__(self) -> str:
        return f"share of errand {self.errand_number}"

    def get_absolute_url(self) -> str:
        return reverse("sharing:shared", args=[self.token])
