"""A fault report, from the first answer to the errand it became, and its photos.

A report is a draft while the tenant answers the wizard, saved after every step.
Submitting turns it, in one transaction and with its photos, into an item of
the outbox: queued with an idempotency key until a worker has delivered it to
the landlord's system. If the backend refuses it, it becomes a draft again,
intact, with the backend's reason, for the tenant to correct.
"""

import uuid
from datetime import timedelta

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone

from portal.account_state import WatchedQuerySet

DRAFT_LIFETIME = timedelta(days=30)
# How long a delivered report is kept: the errand list and the receipt use it until then.
DELIVERED_RETENTION = timedelta(days=90)


class FaultReportQuerySet(WatchedQuerySet):
    def drafts(self) -> "FaultReportQuerySet":
        return self.filter(status=FaultReport.Status.DRAFT)

    def live_drafts(self, now=None, **lookups) -> "FaultReportQuerySet":
        """Drafts touched in the last 30 days; older ones are as good as gone. ``lookups`` narrow them further."""
        cutoff = (now or timezone.now()) - DRAFT_LIFETIME
        # One filter() for all of it: each call copies the query, which the overview pays on every visit.
        return self.filter(status=FaultReport.Status.DRAFT, updated_at__gt=cutoff, **lookups)

    def due(self, now) -> "FaultReportQuerySet":
        """Queued reports whose next attempt is due and that no worker holds right now."""
        return self.filter(status=FaultReport.Status.QUEUED, next_attempt_at__lte=now).filter(
            Q(lease_until__isnull=True) | Q(lease_until__lte=now)
        )


class FaultReport(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", "Utkast"
        QUEUED = "queued", "Mottagen"
        DELIVERED = "delivered", "Skickad"
        # A refused report is a draft again, with the backend's reason in ``refusal``.

    class Contact(models.TextChoices):
        CUSTOMER = "customer", "Hyresgästen själv"
        OTHER = "other", "Någon annan"

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    # Empty once the tenant deleted their portal account and chose to have a queued report delivered
    # still: the outbox needs only the customer number. Such a report goes as soon as it is delivered.
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="fault_reports"
    )
    # The backend customer the report is made for: the account's link may change later.
    customer_number = models.CharField(max_length=20)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.DRAFT)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    # A general errand (Allmänt ärende) instead of a fault report: its class, e.g. Störning. Blank: a fault report.
    errand_class = models.CharField(max_length=40, blank=True, help_text="NodKlass.SystemName, e.g. Storning.")
    errand_class_label = models.CharField(max_length=60, blank=True, help_text="NodKlass.Beteckning, e.g. Störning.")
    # A general errand's points in time, by ÄrendeTidpunktTypId: {"1": "2026-11-20T23:30:00+01:00"}.
    times = models.JSONField(default=dict, blank=True)

    # What the tenant answered, step by step.
    head_node_id = models.CharField(max_length=40, blank=True, help_text="The object's node (Avser, A03).")
    object_label = models.CharField(max_length=200, blank=True)
    node_path = models.CharField(max_length=400, blank=True, help_text="The joined node string, e.g. n1-n2-n3.")
    node_labels = models.JSONField(default=list, blank=True, help_text="Visningstext of each node of the path.")
    place_in_words = models.CharField(
        max_length=300, blank=True, help_text="Where, below the path, in the tenant's words: PM5 could not show it."
    )
    fault_type_id = models.IntegerField(null=True, blank=True)
    fault_type_label = models.CharField(max_length=100, blank=True)
    description = models.TextField(blank=True)
    key_handling_id = models.IntegerField(null=True, blank=True)
    key_handling_label = models.CharField(max_length=100, blank=True)
    key_note = models.CharField(max_length=200, blank=True)
    has_pets = models.BooleanField(null=True, blank=True, help_text="None until the tenant has answered.")
    pets = models.CharField(max_length=200, blank=True)
    contact = models.CharField(max_length=10, choices=Contact.choices, blank=True)
    contact_first_name = models.CharField(max_length=60, blank=True)
    contact_last_name = models.CharField(max_length=60, blank=True)
    contact_phone = models.CharField(max_length=30, blank=True)
    contact_email = models.EmailField(blank=True)
    photos_done = models.BooleanField(default=False, help_text="The tenant has been past the photo step.")
    # The backend's lists, as it offered them: objects, the nodes under each path,
    # fault types and key handling. Going back in the wizard reads them from here.
    catalogue = models.JSONField(default=dict, blank=True)

    # The outbox.
    idempotency_key = models.UUIDField(null=True, blank=True, unique=True)
    language = models.CharField(max_length=10, blank=True, help_text="The tenant's language when submitting.")
    submitted_at = models.DateTimeField(null=True, blank=True)
    attempts = models.PositiveIntegerField(default=0)
    first_attempt_at = models.DateTimeField(null=True, blank=True)
    next_attempt_at = models.DateTimeField(null=True, blank=True)
    lease_until = models.DateTimeField(null=True, blank=True, help_text="A worker is delivering it until then.")
    # An attempt whose answer never came: it may have created the errand (A09).
    outcome_unknown = models.BooleanField(default=False)
    last_error = models.CharField(max_length=100, blank=True, help_text="The error's class, never its text.")
    refused_at = models.DateTimeField(null=True, blank=True, help_text="When the backend last refused it.")
    refusal = models.TextField(blank=True, help_text="The backend's reason, as it gave it (may be empty).")
    errand_id = models.BigIntegerField(null=True, blank=True)
    errand_number = models.CharField(max_length=40, blank=True)
    delivered_at = models.DateTimeField(null=True, blank=True)

    objects = FaultReportQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["status", "next_attempt_at"])]
        constraints = [
            models.UniqueConstraint(
                fields=["customer_number", "errand_id"],
                condition=Q(errand_id__isnull=False),
                name="faults_one_report_per_errand",
            ),
        ]

    def __str__(self) -> str:
        return f"Fault report {self.public_id} ({self.status})"

    @property
    def is_general(self) -> bool:
        """A general errand (a disturbance, a request), not a fault report."""
        return bool(self.errand_class)

    @property
    def path_ids(self) -> list[str]:
        return self.node_path.split("-") if self.node_path else []

    @property
    def place_label(self) -> str:
        """Where the fault is, in words: "Kök / Kyl/Frys / Frys - Standard", and the tenant's own words if any."""
        return " / ".join([*self.node_labels[1:], *filter(None, [self.place_in_words])])

    @property
    def expires_at(self):
        return self.updated_at + DRAFT_LIFETIME


class Photo(models.Model):
    """A photo of a fault, re-encoded as JPEG by the portal (no EXIF, so no location)."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    report = models.ForeignKey(FaultReport, on_delete=models.CASCADE, related_name="photos")
    # Named by public_id, never by the tenant's file name, which can hold personal data.
    image = models.FileField(upload_to="faults/photos/")
    preview = models.FileField(upload_to="faults/photos/")
    size = models.PositiveIntegerField(help_text="Bytes of image, exactly as sent to the backend.")
    width = models.PositiveIntegerField()
    height = models.PositiveIntegerField()
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return f"Photo {self.public_id} of {self.report_id}"
