"""Kobo Bolig (seed 004): Norwegian municipal housing as Kobo knows it, per FDVU system.

A unit is kept as its wire document (the seed's Kobobolig table, minus what the
sandbox derives: koboId, meta, utledetLedigFraDato), so every field the seed
lists survives a round trip without a column of its own. Cases (saker) are
Kobo's own; the FDVU system only refers to them. Webhook messages wait in an
outbox until the FDVU system has registered its key and is reachable.
"""

import uuid

from django.db import models
from django.db.models import Q


class KoboCase(models.Model):
    """A case (sak) in Kobo: a household that applied for municipal housing."""

    reference = models.CharField(max_length=40, unique=True, help_text="koboSaksreferanse.")
    household = models.JSONField(default=dict, help_text="HusstandTO: antallBarn and beboere.")

    def __str__(self) -> str:
        return self.reference


class KoboUnit(models.Model):
    kobo_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    system_id = models.CharField(max_length=60, help_text="The FDVU system that registered it (x-kobo-systemid).")
    supplier_id = models.CharField(max_length=60, help_text="leverandorBoligId: the PM5 object number in the demo.")
    document = models.JSONField(default=dict)
    deleted = models.BooleanField(default=False, help_text="Soft delete: kept, but no longer served.")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["system_id", "supplier_id"]
        constraints = [
            models.UniqueConstraint(
                fields=["system_id", "supplier_id"], condition=Q(deleted=False), name="sandbox_kobo_one_live_unit"
            )
        ]

    def __str__(self) -> str:
        return f"{self.system_id}:{self.supplier_id}"


class KoboWebhook(models.Model):
    """Where and with which key Kobo sends an FDVU system its messages (POST /fdvusystem/)."""

    system_id = models.CharField(max_length=60, unique=True)
    api_key = models.CharField(max_length=200)
    url = models.URLField(max_length=500, blank=True)
    registered_at = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        return self.system_id


class KoboMessage(models.Model):
    """One webhook message: a unit and a hint of what happened, delivered with retries."""

    message_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    system_id = models.CharField(max_length=60)
    kobo_id = models.UUIDField()
    hint = models.CharField(max_length=30)
    created_at = models.DateTimeField(auto_now_add=True)
    attempts = models.PositiveIntegerField(default=0)
    next_attempt_at = models.DateTimeField(null=True, blank=True)
    delivered_at = models.DateTimeField(null=True, blank=True)
    last_status = models.CharField(max_length=40, blank=True, help_text="HTTP status or the error's class.")

    class Meta:
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return f"{self.hint} {self.kobo_id}"
