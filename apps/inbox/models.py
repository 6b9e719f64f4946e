from django.conf import settings
from django.db import models

from portal.account_state import WatchedQuerySet


class ReadMessage(models.Model):
    """A message from the landlord this account has opened in the portal.

    PM5 keeps no read flag for a message (Notifierad says only that a channel
    delivered it), so "read" is the portal's own: one row per account and
    MeddelandeUtgåendeId, gone with the account.
    """

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="read_messages")
    message_id = models.BigIntegerField(help_text="PM5 MeddelandeUtgåendeId.")
    read_at = models.DateTimeField(auto_now_add=True)

    objects = WatchedQuerySet.as_manager()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "message_id"], name="inbox_read_once_per_account")]

    def __str__(self) -> str:
        return f"{self.user_id} read {self.message_id}"
