"""The portal's side of Kobo Bolig: a copy of the landlord's units as Kobo has them, the webhook
messages received, and the tenants' notices of termination on their way to Kobo (an outbox)."""

import uuid
from datetime import date, timedelta

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.dateparse import parse_date

# A settled notice (registered and its last day past, refused, withdrawn) is kept this long for its receipt.
NOTICE_RETENTION = timedelta(days=90)


class UnitCopy(models.Model):
    """One unit as Kobo last answered GET /kobobolig/{koboId}, refreshed after each webhook message.

    Kobo has no list and no lookup by the landlord's object number (004: "kun ... koboBoligId"),
    so this copy is also how the portal finds the Kobo unit of a tenant's object.
    """

    kobo_id = models.UUIDField(unique=True)
    object_number = models.CharField(max_length=60, db_index=True, help_text="leverandorBoligId.")
    address = models.CharField(max_length=200, blank=True)
    status = models.CharField(max_length=40, blank=True, help_text="UnitStatus value.")
    status_date = models.DateField(null=True, blank=True)
    free_from = models.DateField(null=True, blank=True)
    reservations = models.JSONField(default=list, help_text='[{"case": ..., "on": "YYYY-MM-DD"}]')
    allocation_case = models.CharField(max_length=60, blank=True)
    allocated_at = models.DateTimeField(null=True, blank=True)
    # Set when Kobo allocates the unit to a case the portal had not seen; cleared when staff have seen it.
    allocation_new = models.BooleanField(default=False)
    lease_start = models.DateField(null=True, blank=True)
    lease_case = models.CharField(max_length=60, blank=True)
    notice_received_on = models.DateField(null=True, blank=True)
    notice_effective_from = models.DateField(null=True, blank=True)
    notice_by = models.CharField(max_length=20, blank=True, help_text="NoticeActor value.")
    household_size = models.PositiveSmallIntegerField(null=True, blank=True)
    deleted = models.BooleanField(default=False, help_text="Soft-deleted in Kobo.")
    refreshed_at = models.DateTimeField()

    class Meta:
        ordering = ["object_number"]

    def __str__(self) -> str:
        return self.object_number

    @property
    def reservation_list(self) -> list[tuple[str, date | None]]:
        return [(r["case"], parse_date(r["on"]) if r.get("on") else None) for r in self.reservations]


class WebhookMessage(models.Model):
    """A message Kobo sent; its id makes a repeated delivery a no-op."""

    message_id = models.CharField(max_length=100, unique=True)
    kobo_id = models.UUIDField()
    hint = models.CharField(max_length=40, blank=True)
    received_at = models.DateTimeField(auto_now_add=True)
    processed_at = models.DateTimeField(null=True, blank=True)
    attempts = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["received_at"]

    def __str__(self) -> str:
        return f"{self.hint} {self.kobo_id}"


class NoticeQuerySet(models.QuerySet):
    def due(self, now) -> "NoticeQuerySet":
        """Work a worker should do now: registering or withdrawing, due, and not held by another."""
        return self.filter(
            status__in=(Notice.Status.QUEUED, Notice.Status.WITHDRAWING), next_attempt_at__lte=now
        ).filter(Q(lease_until__isnull=True) | Q(lease_until__lte=now))


class Notice(models.Model):
    """A tenant's notice of termination: saved here first, then registered in Kobo by a task."""

    class Status(models.TextChoices):
        QUEUED = "queued", "Mottagen"
        REGISTERED = "registered", "Registrerad"
        REFUSED = "refused", "Avvisad"
        WITHDRAWING = "withdrawing", "Återkallas"
        WITHDRAWN = "withdrawn", "Återkallad"

    ACTIVE = (Status.QUEUED, Status.REGISTERED, Status.WITHDRAWING)

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    customer_number = models.CharField(max_length=20)
    object_number = models.CharField(max_length=60)
    kobo_id = models.UUIDField()
    status = models.CharField(max_length=12, choices=Status.choices, default=Status.QUEUED)
    received_on = models.DateField(help_text="oppsigelseMottattDato: the day the tenant gave notice.")
    effective_from = models.DateField(help_text="oppsagtFraDato: the lease's last day, as the tenant chose.")
    period = models.CharField(max_length=10, help_text="NoticePeriod value sent as oppsigelsestid.")
    other_period = models.CharField(max_length=200, blank=True)
    language = models.CharField(max_length=10, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    attempts = models.PositiveIntegerField(default=0)
    next_attempt_at = models.DateTimeField(null=True, blank=True)
    lease_until = models.DateTimeField(null=True, blank=True, help_text="A worker is sending it until then.")
    last_error = models.CharField(max_length=100, blank=True, help_text="The error's class, never its text.")
    refusal = models.TextField(blank=True, help_text="Kobo's reason, as it gave it.")
    registered_at = models.DateTimeField(null=True, blank=True)
    withdrawn_at = models.DateTimeField(null=True, blank=True)

    objects = NoticeQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["customer_number", "object_number"],
                condition=Q(status__in=("queued", "registered", "withdrawing")),
                name="kobo_one_active_notice_per_tenant_and_object",
            )
        ]

    def __str__(self) -> str:
        return f"{self.object_number} {self.status}"
