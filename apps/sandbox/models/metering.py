"""Individual metering (IMD): installations, meters and their monthly values."""

from django.db import models

from apps.sandbox.models.estate import RentalObject


class MeterInstallation(models.Model):
    """A metering installation of an object, e.g. "142-043-01 Vatten"."""

    rental_object = models.ForeignKey(RentalObject, on_delete=models.CASCADE, related_name="meter_installations")
    usage = models.CharField(max_length=40, help_text="E.g. Vatten.")
    label = models.CharField(max_length=80)

    class Meta:
        ordering = ["label"]

    def __str__(self) -> str:
        return self.label


class Meter(models.Model):
    installation = models.ForeignKey(MeterInstallation, on_delete=models.CASCADE, related_name="meters")
    usage = models.CharField(max_length=40, help_text="E.g. Varmvatten.")
    label = models.CharField(max_length=80)
    identity = models.CharField(max_length=20, help_text="The meter's own number (KällaIdentitet on notices).")
    location = models.CharField(max_length=40, help_text="Room it sits in (KällaBeteckning on notices).")
    unit = models.CharField(max_length=10, default="m³")

    class Meta:
        ordering = ["usage"]

    def __str__(self) -> str:
        return self.label


class MeterReading(models.Model):
    """One period's value of a meter (PM5 SessionMätdata)."""

    meter = models.ForeignKey(Meter, on_delete=models.CASCADE, related_name="readings")
    period_end = models.DateField(help_text="Last day of the consumption period (Tom).")
    read_at = models.DateTimeField()
    reading = models.DecimalField(max_digits=12, decimal_places=3)
    consumption = models.DecimalField(max_digits=12, decimal_places=3)
    unit_price = models.DecimalField(max_digits=10, decimal_places=2, null=True, blank=True)
    cost = models.DecimalField(max_digits=10, decimal_places=2, null=True, blank=True)
    charged = models.BooleanField(default=False)
    charge_from = models.DateField(null=True, blank=True, help_text="Charged no earlier than.")

    class Meta:
        ordering = ["meter", "period_end"]
        constraints = [
            models.UniqueConstraint(fields=["meter", "period_end"], name="sandbox_one_reading_per_meter_period"),
        ]

    def __str__(self) -> str:
        return f"{self.meter} {self.period_end}"
