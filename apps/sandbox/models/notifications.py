"""Attachments of the customer's messages (NotifieringBilaga) and share keys of errands (Delningsnyckel)."""

import secrets

from django.db import models

from apps.sandbox.models.customers import CustomerMessage
from apps.sandbox.models.errands import Errand


class MessageAttachment(models.Model):
    """A file sent with a message; its primary key is ExterntId, the message's is MeddelandeUtgåendeId.

    The bytes live in Django's storage, like a document's, and are sent in base64
    inside NotifieringBilagaFil (contract A28) a chunk at a time.
    """

    message = models.ForeignKey(CustomerMessage, on_delete=models.CASCADE, related_name="attachments")
    name = models.CharField(max_length=120, help_text="ExterntNamn, e.g. Bilaga1.jpg.")
    content_type = models.CharField(max_length=100)
    file = models.FileField(upload_to="sandbox/attachments/", max_length=200)

    class Meta:
        ordering = ["pk"]

    def __str__(self) -> str:
        return self.name

    @property
    def extension(self) -> str:
        """Extension as NotifieringBilagaFil writes it: '.jpeg'."""
        _, dot, suffix = self.name.rpartition(".")
        return f".{suffix.lower()}" if dot else ""


def new_share_key() -> str:
    return secrets.token_urlsafe(24)


class ErrandShareKey(models.Model):
    """A Delningsnyckel: GET /arende/{key} answers the errand without a session (000:711).

    Not PM5 as documented: the seed never says how a key is made or withdrawn
    (A30), so the sandbox defines the smallest endpoints for both (README).
    """

    errand = models.ForeignKey(Errand, on_delete=models.CASCADE, related_name="share_keys")
    key = models.CharField(max_length=64, unique=True, default=new_share_key)
    created_at = models.DateTimeField(auto_now_add=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["pk"]

    def __str__(self) -> str:
        return f"share of {self.errand_id}"
