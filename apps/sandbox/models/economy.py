"""Rent notices and invoices, their ledger items, payments and distribution.

A Notice (PM5 SessionAvisering) is what the tenant receives and pays: a rent
notice ("Avi") or an invoice ("Faktura"). Its amounts are printed facts, fixed
when it is issued; what is paid comes from its payments, so the remainder is
always derived and never stored twice. (Gross = net + VAT is checked by the
tests, not by CHECK constraints: SQLite compares decimals as floats.)
"""

from decimal import Decimal

from django.db import models

from apps.sandbox.checksums import validate_ocr
from apps.sandbox.models.customers import Customer
from apps.sandbox.models.estate import RentalObject

ZERO = Decimal("0.00")


class Notice(models.Model):
    """A rent notice or invoice; its primary key is PM5's AviseringId (contract A08).

    AviseringId and Avinummer are kept apart on purpose: ids are eight digits,
    numbers seven, so a client that mixes them up fails loudly.
    """

    class Kind(models.TextChoices):
        # Values: SessionAviseringTyp.Referensnamn (contract A27).
        AVI = "Avi", "Hyresavi"
        FAKTURA = "Faktura", "Faktura"

    # SessionAviseringTyp.Beteckning; the seed prints "F" for an invoice.
    KIND_CODES = {Kind.AVI: "A", Kind.FAKTURA: "F"}

    customer = models.ForeignKey(Customer, on_delete=models.CASCADE, related_name="notices")
    kind = models.CharField(max_length=10, choices=Kind.choices)
    number = models.CharField(max_length=20, unique=True, help_text="Avinummer, as printed.")
    ocr = models.CharField(max_length=25, validators=[validate_ocr], help_text="Betalningsreferens.")
    bankgiro = models.CharField(max_length=10, help_text="MottagareNummer, digits only.")
    issued_on = models.DateField()
    due_date = models.DateField()
    net = models.DecimalField(max_digits=12, decimal_places=2)
    vat = models.DecimalField(max_digits=12, decimal_places=2)
    gross = models.DecimalField(max_digits=12, decimal_places=2)
    # Payments made elsewhere and allocated to this notice (BetalningFördeladBelopp, A26).
    allocated_amount = models.DecimalField(max_digits=12, decimal_places=2, default=ZERO)

    class Meta:
        ordering = ["-due_date", "-pk"]
        indexes = [models.Index(fields=["customer", "due_date"])]

    def __str__(self) -> str:
        return f"{self.kind} {self.number}"

    @property
    def kind_code(self) -> str:
        return self.KIND_CODES[self.kind]

    @property
    def paid(self) -> Decimal:
        # Uses prefetched payments when the caller prefetched them.
        return sum((payment.amount for payment in self.payments.all()), ZERO)

    @property
    def remaining(self) -> Decimal:
        """What is still owed; negative for an unsettled credit invoice."""
        return self.gross - self.paid

    @property
    def to_pay(self) -> Decimal:
        """AttBetala (A26): a credit is never something to pay."""
        return max(self.remaining, ZERO)


class LedgerPeriod(models.Model):
    """One ledger item (reskontra) of a notice: one period of one rental object."""

    notice = models.ForeignKey(Notice, on_delete=models.CASCADE, related_name="periods")
    rental_object = models.ForeignKey(RentalObject, on_delete=models.PROTECT, related_name="ledger_periods")
    period_start = models.DateField(help_text="First day of the month it concerns; shown as YYYY-MM.")
    due_date = models.DateField()
    net = models.DecimalField(max_digits=12, decimal_places=2)
    vat = models.DecimalField(max_digits=12, decimal_places=2)
    gross = models.DecimalField(max_digits=12, decimal_places=2)
    sent_to_collection_on = models.DateField(null=True, blank=True, help_text="SkickadTillInkasso.")

    class Meta:
        ordering = ["period_start", "rental_object__number", "pk"]

    def __str__(self) -> str:
        return f"{self.notice} {self.period_start:%Y-%m}"


class LedgerRow(models.Model):
    period = models.ForeignKey(LedgerPeriod, on_delete=models.CASCADE, related_name="rows")
    text = models.CharField(max_length=120, help_text="Aviseringstext, e.g. Grundhyra.")
    net = models.DecimalField(max_digits=12, decimal_places=2)
    vat = models.DecimalField(max_digits=12, decimal_places=2)
    gross = models.DecimalField(max_digits=12, decimal_places=2)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["position", "pk"]

    def __str__(self) -> str:
        return self.text


class LedgerRowSpecification(models.Model):
    """How a consumption-based row was computed, e.g. metered hot water."""

    row = models.OneToOneField(LedgerRow, on_delete=models.CASCADE, related_name="specification")
    covers_from = models.DateField()
    covers_to = models.DateField()
    source_label = models.CharField(max_length=60, help_text="KällaBeteckning, e.g. Kök.")
    source_identity = models.CharField(max_length=20, help_text="KällaIdentitet, the meter number.")
    value_from = models.DecimalField(max_digits=12, decimal_places=3)
    value_to = models.DecimalField(max_digits=12, decimal_places=3)
    quantity = models.DecimalField(max_digits=12, decimal_places=3)
    unit = models.CharField(max_length=10)
    unit_price = models.DecimalField(max_digits=10, decimal_places=2)
    free_until = models.DateField(null=True, blank=True)
    free_net = models.DecimalField(max_digits=10, decimal_places=2, null=True, blank=True)
    free_vat = models.DecimalField(max_digits=10, decimal_places=2, null=True, blank=True)

    def __str__(self) -> str:
        return f"{self.source_label} {self.covers_from}–{self.covers_to}"


class Payment(models.Model):
    notice = models.ForeignKey(Notice, on_delete=models.CASCADE, related_name="payments")
    channel = models.CharField(max_length=80, help_text="Betalväg.")
    amount = models.DecimalField(max_digits=12, decimal_places=2)
    paid_on = models.DateField()
    booked_on = models.DateField()

    class Meta:
        ordering = ["paid_on", "pk"]

    def __str__(self) -> str:
        return f"{self.amount} on {self.paid_on}"


class Distribution(models.Model):
    """How and where a notice was sent."""

    class Channel(models.TextChoices):
        BREV = "brev.direkt", "Brev"
        EPOST = "epost", "E-post"

    notice = models.ForeignKey(Notice, on_delete=models.CASCADE, related_name="distributions")
    channel = models.CharField(max_length=20, choices=Channel.choices)
    address = models.CharField(max_length=255, help_text="The postal address or e-mail, as free text.")
    sent_at = models.DateTimeField()

    class Meta:
        ordering = ["sent_at", "pk"]

    def __str__(self) -> str:
        return f"{self.channel} {self.sent_at}"
