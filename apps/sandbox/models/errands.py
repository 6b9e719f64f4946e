"""Errands (fault reports and maintenance) and their rows.

Each errand row is also a FAST2 work order: it carries the work-order status
code and priority, and PM5's row status and process step are derived from
them (``pm5_status``), so the tenant's view and the staff's view of one fault
can never disagree.
"""

import uuid
from dataclasses import dataclass

from django.db import models

from apps.sandbox.models.customers import Customer
from apps.sandbox.models.estate import FaultDescriptionType, KeyHandlingType, Node, RentalObject


class WorkOrderStatus(models.TextChoices):
    """FAST2 arbetsorderstatus; the values are the seed's codes, Ö included."""

    REG = "REG", "Registrerad"
    GODK = "GODK", "Beställd"
    PAGAR = "PAGAR", "Accepterad"
    UTFORD = "UTFÖRD", "Utförd"
    MAK = "MAK", "Makulerad"
    OVERF = "ÖVERF", "Fakturerad"


class Priority(models.IntegerChoices):
    NORMAL = 10, "Normal"
    AKUT = 30, "Akut"


class Hold(models.TextChoices):
    """A PM5-only pause on an open row, which FAST2 has no status for."""

    NONE = "", "Ingen"
    VILANDE = "Vilande", "Vilande"
    VANTAR = "Vantar", "Väntar på användaren"


@dataclass(frozen=True)
class Pm5Code:
    reference: str
    label: str


# PM5 ÄrendeStatus and ÄrendeProcessteg per work-order status. The seed only
# gives examples of both; "Avslutad" is the sandbox's value for finished rows.
PAGAENDE = Pm5Code("Pagaende", "Pågående")
AVSLUTAD = Pm5Code("Avslutad", "Avslutad")
PM5_STATUS = {
    WorkOrderStatus.REG: (PAGAENDE, Pm5Code("Handlaggare", "Hos handläggare")),
    WorkOrderStatus.GODK: (PAGAENDE, Pm5Code("Leverantor", "Hos leverantör")),
    WorkOrderStatus.PAGAR: (PAGAENDE, Pm5Code("Leverantor", "Hos leverantör")),
    WorkOrderStatus.UTFORD: (AVSLUTAD, Pm5Code("Avslutad", "Avslutat")),
    WorkOrderStatus.OVERF: (AVSLUTAD, Pm5Code("Avslutad", "Avslutat")),
    WorkOrderStatus.MAK: (AVSLUTAD, Pm5Code("Annullerad", "Annullerad")),
}
OPEN_STATUSES = (WorkOrderStatus.REG, WorkOrderStatus.GODK, WorkOrderStatus.PAGAR)


def new_guid() -> str:
    """A Momentum GUID as Errands v2 writes them: 32 lower-case hex digits, no hyphens."""
    return uuid.uuid4().hex


class Errand(models.Model):
    """An errand (PM5 Ärende); its primary key is ÄrendeId."""

    class Kind(models.TextChoices):
        # Values: Ärende.TypReferensNamn; labels: Ärende.Typ.
        ORDER = "Order", "Order"
        UNDERHALL = "Underhall", "Underhåll"
        BESIKTNING = "Besiktning", "Besiktning"
        ALLMANT = "AllmantArende", "Allmänt ärende"

    class Source(models.TextChoices):
        MINA_SIDOR = "MinaSidor", "Mina sidor"
        INTERNT = "Internt", "Internt"
        KORNING = "Korning", "Körning"
        EXTERNT = "Externt", "Externt"

    number = models.CharField(max_length=20, unique=True, help_text="Shown to people, e.g. R-2201-5000.")
    customer = models.ForeignKey(Customer, on_delete=models.CASCADE, null=True, blank=True, related_name="errands")
    rental_object = models.ForeignKey(RentalObject, on_delete=models.PROTECT, related_name="errands")
    kind = models.CharField(max_length=20, choices=Kind.choices, default=Kind.ORDER)
    # A general errand's node class (Störning, Önskemål); an inspection's side: for the incoming
    # tenant (inflyttningsbesiktning) or the outgoing one (avflyttningsbesiktning).
    errand_class = models.ForeignKey(
        "sandbox.ErrandClass", on_delete=models.PROTECT, null=True, blank=True, related_name="errands"
    )
    moving_in = models.BooleanField(null=True, blank=True, help_text="Inspections: for the incoming tenant.")
    source = models.CharField(max_length=10, choices=Source.choices, default=Source.MINA_SIDOR)
    pets = models.CharField(max_length=200, blank=True, help_text="Husdjur; blank when there are none.")
    received_at = models.DateTimeField()
    due_at = models.DateTimeField(null=True, blank=True, help_text="ÄrendeKlarSenast.")
    planned_start = models.DateTimeField(null=True, blank=True)
    planned_finish = models.DateTimeField(null=True, blank=True)
    closed_at = models.DateTimeField(null=True, blank=True)
    offer_answer_by = models.DateField(
        null=True, blank=True, help_text="Last day to answer a maintenance offer (ErbjudandeEkonomiSerieSvarSenast)."
    )
    # Not PM5: the sandbox-only Idempotency-Key header of Skapa felanmälan (contract A09).
    idempotency_key = models.CharField(max_length=100, blank=True)
    # Errands v2: the errand's GUID, and FAST2's annanAnmalare when someone else than the customer reported it.
    guid = models.CharField(max_length=32, unique=True, default=new_guid)
    reporter_name = models.CharField(max_length=120, blank=True)
    reporter_phone = models.CharField(max_length=30, blank=True)
    reporter_email = models.EmailField(blank=True)

    class Meta:
        ordering = ["-received_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["customer", "idempotency_key"],
                condition=~models.Q(idempotency_key=""),
                name="sandbox_errand_one_per_idempotency_key",
            ),
        ]

    def __str__(self) -> str:
        return self.number


class ErrandRow(models.Model):
    """One fault or work item of an errand, and the FAST2 work order for it; pk is ÄrendeRad.Id."""

    class TimeUnit(models.TextChoices):
        # TidEnhet.ReferensNamn → (Beteckning, BeteckningPlural).
        AR = "ar", "år"
        TIMME = "timme", "timme"
        MINUT = "minut", "minut"

    TIME_UNIT_LABELS = {"ar": ("år", "år"), "timme": ("Timme", "Timmar"), "minut": ("minut", "minuter")}

    errand = models.ForeignKey(Errand, on_delete=models.CASCADE, related_name="rows")
    node = models.ForeignKey(Node, on_delete=models.PROTECT, related_name="errand_rows")
    # A general errand's row: the node of its class's tree below ``node`` (the object's root).
    class_node = models.ForeignKey(
        "sandbox.ErrandClassNode", on_delete=models.PROTECT, null=True, blank=True, related_name="errand_rows"
    )
    description = models.TextField(blank=True, help_text="The reporter's own words (SparaÄrendeRad.Beskrivning).")
    specification = models.CharField(max_length=200, blank=True)
    fault_type = models.ForeignKey(FaultDescriptionType, on_delete=models.PROTECT, null=True, blank=True)
    key_handling = models.ForeignKey(KeyHandlingType, on_delete=models.PROTECT, null=True, blank=True)
    key_note = models.CharField(max_length=200, blank=True)
    status = models.CharField(max_length=6, choices=WorkOrderStatus.choices, default=WorkOrderStatus.REG)
    priority = models.PositiveSmallIntegerField(choices=Priority.choices, default=Priority.NORMAL)
    hold = models.CharField(max_length=10, choices=Hold.choices, blank=True, default=Hold.NONE)
    occurred_at = models.DateTimeField(null=True, blank=True, help_text="When the fault happened (Inträffat).")
    registered_at = models.DateTimeField()
    ordered_at = models.DateTimeField(null=True, blank=True)
    accepted_at = models.DateTimeField(null=True, blank=True)
    planned_at = models.DateTimeField(null=True, blank=True)
    # The end of the booked time window (FAST2 planering.bokadTomTid); planned_at is its start.
    planned_until = models.DateTimeField(null=True, blank=True)
    # FAST2 SLA: ended by "Avsluta SLA" (slaFaktisktSlut); start and agreed end follow from priority.
    sla_closed_at = models.DateTimeField(null=True, blank=True)
    done_at = models.DateTimeField(null=True, blank=True)
    invoiced_at = models.DateTimeField(null=True, blank=True)
    cancelled_at = models.DateTimeField(null=True, blank=True)
    action = models.CharField(max_length=40, blank=True, help_text="E.g. Repareras, Målas.")
    action_code = models.CharField(max_length=40, blank=True, help_text="ASCII short name, e.g. Malas.")
    # Maintenance rows: how often the work recurs, and the tenant's share of it.
    interval = models.PositiveSmallIntegerField(null=True, blank=True)
    interval_unit = models.CharField(max_length=10, choices=TimeUnit.choices, blank=True)
    residual_value = models.DecimalField(max_digits=10, decimal_places=2, null=True, blank=True)
    discount = models.DecimalField(max_digits=10, decimal_places=2, null=True, blank=True)
    offer_accepted_on = models.DateField(null=True, blank=True, help_text="Set by Spara erbjudandesvar.")
    # FAST2 information.anmarkning: for the landlord's own staff only, never in a PM5 answer.
    remark = models.TextField(blank=True)
    # Errands v2: the row's GUID, its estimated cost (null: no accounting yet) and, once
    # sent to a supplier, its IB group.
    guid = models.CharField(max_length=32, unique=True, default=new_guid)
    estimated_cost = models.DecimalField(max_digits=12, decimal_places=4, null=True, blank=True)
    incoming_reference = models.ForeignKey(
        "sandbox.IncomingReference", on_delete=models.SET_NULL, null=True, blank=True, related_name="rows"
    )
    # FAST2's ekonomi and fakturera as staff set them, wire names as keys (fast2/economy.py derives the rest).
    economy = models.JSONField(default=dict, blank=True)
    invoicing = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(hold="") | models.Q(status__in=OPEN_STATUSES),
                name="sandbox_only_open_rows_are_on_hold",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.errand_id}/{self.pk} {self.status}"

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_STATUSES

    def pm5_status(self) -> tuple[Pm5Code, Pm5Code]:
        """PM5 (ÄrendeStatus, ÄrendeProcessteg) of this row."""
        status, step = PM5_STATUS[WorkOrderStatus(self.status)]
        if self.hold:
            status = Pm5Code(self.hold, Hold(self.hold).label)
        return status, step


class ErrandParticipant(models.Model):
    """A contact or case officer of an errand, or of one row (ÄrendeDeltagare)."""

    class Role(models.TextChoices):
        CONTACT = "contact", "Kontakt"
        HANDLER = "handler", "Handläggare"

    errand = models.ForeignKey(Errand, on_delete=models.CASCADE, related_name="participants")
    row = models.ForeignKey(ErrandRow, on_delete=models.CASCADE, null=True, blank=True, related_name="participants")
    role = models.CharField(max_length=10, choices=Role.choices)
    display_name = models.CharField(max_length=120)
    phone = models.CharField(max_length=30, blank=True)
    mobile = models.CharField(max_length=30, blank=True)
    email = models.EmailField(blank=True)

    class Meta:
        ordering = ["pk"]

    def __str__(self) -> str:
        return f"{self.get_role_display()}: {self.display_name}"


class ErrandRowHistoryEntry(models.Model):
    row = models.ForeignKey(ErrandRow, on_delete=models.CASCADE, related_name="history")
    label = models.CharField(max_length=120, help_text="E.g. Hos handläggare.")
    at = models.DateTimeField()
    user = models.CharField(max_length=120)
    # The same entries are FAST2's händelser: a type from the värdelista ("SYS" for the
    # ones the system writes on each status change) and the free text staff add.
    type_code = models.CharField(max_length=10, default="SYS")
    text = models.TextField(blank=True)
    # FAST2's aktivFrom/aktivTom (set only by PUT handelser/{id}) and who changed it last, when.
    active_from = models.DateField(null=True, blank=True)
    active_to = models.DateField(null=True, blank=True)
    modified_by = models.CharField(max_length=120, blank=True)
    modified_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name_plural = "errand row history entries"
        ordering = ["at", "pk"]

    def __str__(self) -> str:
        return f"{self.at} {self.label}"


class ErrandRowMedia(models.Model):
    """A photo of a row; its id is ÄrendeRadMedia.Id, the {FilesId} of Hämta Ärenderadfil."""

    row = models.ForeignKey(ErrandRow, on_delete=models.CASCADE, related_name="media")
    content_type = models.CharField(max_length=50)
    # Kept in the database: the backend's own store, seen by every process.
    content = models.BinaryField()
    note = models.CharField(max_length=200, blank=True)

    class Meta:
        verbose_name_plural = "errand row media"
        ordering = ["pk"]

    def __str__(self) -> str:
        return f"Media {self.pk} of row {self.row_id}"


class WorkOrderContact(models.Model):
    """A FAST2 kontaktperson of one work order (a site manager, the tenant's god man).

    Kept apart from ErrandParticipant, which PM5 shows the tenant as case officers.
    """

    row = models.ForeignKey(ErrandRow, on_delete=models.CASCADE, related_name="contacts")
    name = models.CharField(max_length=120)
    email = models.EmailField(blank=True)
    mobile = models.CharField(max_length=30, blank=True)
    other_phone = models.CharField(max_length=30, blank=True)
    note = models.CharField(max_length=200, blank=True)
    valid_from = models.DateField(null=True, blank=True)
    valid_to = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["pk"]

    def __str__(self) -> str:
        return self.name
