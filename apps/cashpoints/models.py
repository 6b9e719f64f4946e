"""The portal's copy of the cash-services register: the places near homes where cash is taken or paid out.

The register has no geographic search and changes slowly, so the sync copies
what the page needs once a day (register.py); the page reads only this table.
x/y are SWEREF 99 TM metres (east, north), so a distance is plain Pythagoras
and a bounding box is two range conditions on one index.
"""

from django.db import models


class CashPoint(models.Model):
    class Purpose(models.TextChoices):
        BILL_PAYMENT = "bill_payment", "Betala räkningar med kontanter"
        WITHDRAWAL = "withdrawal", "Ta ut kontanter"

    provider_id = models.PositiveIntegerField(help_text="The register's id of the service point.")
    purpose = models.CharField(max_length=20, choices=Purpose.choices)
    name = models.CharField(max_length=200)
    visiting_address = models.CharField(max_length=200)
    postal_code = models.CharField(max_length=10)
    post_town = models.CharField(max_length=80)
    x = models.FloatField()
    y = models.FloatField()
    # The forms, as the register names them ("Över disk hos ombud").
    forms = models.CharField(max_length=200)
    open_hours_per_week = models.PositiveSmallIntegerField(null=True)
    closed_weeks_per_year = models.PositiveSmallIntegerField(null=True)
    min_fee = models.PositiveIntegerField(null=True, help_text="Kronor; None: the register gives no fee.")
    max_fee = models.PositiveIntegerField(null=True)
    max_fee_percent = models.DecimalField(max_digits=5, decimal_places=2, null=True)
    access_restricted = models.BooleanField(default=False)
    synced_at = models.DateTimeField()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["provider_id", "purpose"], name="cashpoint_once_per_purpose")]
        indexes = [models.Index(fields=["purpose", "x", "y"], name="cashpoint_purpose_x_y")]

    def __str__(self) -> str:
        return f"{self.name} ({self.purpose})"


class RegisterCopy(models.Model):
    """How the last sync went; one row. The page is calm about an old copy only when the register fails."""

    SINGLETON_PK = 1

    last_success_at = models.DateTimeField(null=True)
    last_attempt_at = models.DateTimeField(null=True)
    last_error = models.CharField(max_length=200, blank=True)

    def __str__(self) -> str:
        return f"Register copy of {self.last_success_at}"

    @classmethod
    def current(cls) -> "RegisterCopy":
        return cls.objects.get_or_create(pk=cls.SINGLETON_PK)[0]
