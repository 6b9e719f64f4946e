"""Tillväxtverket's register of cash services (seed 003): places, their services, and what they cost.

Reference data (service types and forms, organisations) is numbered in the
seed's table order (contract A4). A principal (huvudman) is an organisation
(A19); templates give a principal's defaults per service type and form, an
adaptation overrides them for one service (A21), a fee model is a bank's
fees for its customers at one principal (seed, "Modellens id").
"""

from django.db import models


class CashServiceType(models.Model):
    name = models.CharField(max_length=60, unique=True)

    class Meta:
        ordering = ["pk"]

    def __str__(self) -> str:
        return self.name


class CashServiceForm(models.Model):
    service_type = models.ForeignKey(CashServiceType, on_delete=models.CASCADE, related_name="forms")
    name = models.CharField(max_length=60)
    description = models.CharField(max_length=300, blank=True)

    class Meta:
        ordering = ["pk"]
        constraints = [models.UniqueConstraint(fields=["service_type", "name"], name="sandbox_cash_form_per_type")]

    def __str__(self) -> str:
        return f"{self.service_type}: {self.name}"


class CashOrganisation(models.Model):
    name = models.CharField(max_length=120)
    # A huvudman runs cash services; a supplier is a bank obliged to provide them.
    is_principal = models.BooleanField(default=False)
    is_supplier = models.BooleanField(default=False)

    class Meta:
        ordering = ["pk"]

    def __str__(self) -> str:
        return self.name


class CashProvider(models.Model):
    """A serviceplats. x/y: SWEREF 99 TM easting/northing in metres (contract A2)."""

    name = models.CharField(max_length=200)
    code = models.CharField(max_length=40, blank=True)
    x = models.DecimalField(max_digits=10, decimal_places=2)
    y = models.DecimalField(max_digits=10, decimal_places=2)
    visiting_address = models.CharField(max_length=200)
    postal_code = models.CharField(max_length=10)
    post_town = models.CharField(max_length=80)

    class Meta:
        ordering = ["pk"]

    def __str__(self) -> str:
        return self.name


class CashService(models.Model):
    provider = models.ForeignKey(CashProvider, on_delete=models.CASCADE, related_name="services")
    principal = models.ForeignKey(CashOrganisation, on_delete=models.PROTECT, related_name="services")
    service_type = models.ForeignKey(CashServiceType, on_delete=models.PROTECT)
    properties = models.JSONField(default=dict, blank=True)
    forms = models.JSONField(default=list, help_text="The form values as text, as the seed's forms array.")
    active = models.BooleanField(default=True)
    year = models.PositiveIntegerField(default=0, help_text="0 = the current year (seed).")
    timeliness_date = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["pk"]

    def __str__(self) -> str:
        return f"{self.service_type} at provider {self.provider_id}"


class CashTerms(models.Model):
    """Opening hours, fees, limits and access barrier: the fields a template and an adaptation share."""

    open_hours_per_week = models.PositiveSmallIntegerField(null=True, blank=True)
    closed_weeks_per_year = models.PositiveSmallIntegerField(null=True, blank=True)
    advanced_open_hour_description = models.CharField(max_length=500, blank=True)
    withdrawal_limit = models.PositiveIntegerField(null=True, blank=True)
    min_flat_fee = models.PositiveIntegerField(null=True, blank=True)
    min_percentage_fee = models.DecimalField(max_digits=5, decimal_places=2, null=True, blank=True)
    max_flat_fee = models.PositiveIntegerField(null=True, blank=True)
    max_percentage_fee = models.DecimalField(max_digits=5, decimal_places=2, null=True, blank=True)
    advanced_fee_description = models.CharField(max_length=500, blank=True)
    deposit_limit = models.PositiveIntegerField(null=True, blank=True)
    withdrawal_limit_description = models.CharField(max_length=500, blank=True)
    weekly_deposit_limit = models.PositiveIntegerField(null=True, blank=True)
    access_barrier = models.BooleanField(null=True, blank=True)
    access_barrier_description = models.CharField(max_length=500, blank=True)

    class Meta:
        abstract = True


class CashTemplate(CashTerms):
    principal = models.ForeignKey(CashOrganisation, on_delete=models.CASCADE, related_name="templates")
    service_type = models.ForeignKey(CashServiceType, on_delete=models.PROTECT)
    service_form = models.ForeignKey(CashServiceForm, on_delete=models.PROTECT)

    class Meta:
        ordering = ["pk"]

    def __str__(self) -> str:
        return f"Template of {self.principal_id} for form {self.service_form_id}"


class CashAdaptation(CashTerms):
    service = models.ForeignKey(CashService, on_delete=models.CASCADE, related_name="adaptations")
    service_form = models.ForeignKey(CashServiceForm, on_delete=models.PROTECT)

    class Meta:
        ordering = ["pk"]

    def __str__(self) -> str:
        return f"Adaptation of service {self.service_id} for form {self.service_form_id}"


class CashFeeModel(models.Model):
    supplier = models.ForeignKey(CashOrganisation, on_delete=models.CASCADE, related_name="supplied_fee_models")
    principal = models.ForeignKey(CashOrganisation, on_delete=models.CASCADE, related_name="fee_models")
    service_type = models.ForeignKey(CashServiceType, on_delete=models.PROTECT)
    service_form = models.ForeignKey(CashServiceForm, on_delete=models.PROTECT)
    min_flat_fee = models.PositiveIntegerField()
    min_percentage_fee = models.DecimalField(max_digits=5, decimal_places=2)
    max_flat_fee = models.PositiveIntegerField()
    max_percentage_fee = models.DecimalField(max_digits=5, decimal_places=2)
    advanced_withdrawal_fee_description = models.CharField(max_length=500, blank=True)
    withdrawal_limit = models.PositiveIntegerField(null=True, blank=True)
    weekly_deposit_limit = models.PositiveIntegerField(null=True, blank=True)
    deposit_limit = models.PositiveIntegerField(null=True, blank=True)
    withdrawal_limit_description = models.CharField(max_length=500, blank=True)
    included_service_ids = models.JSONField(default=list, blank=True)

    class Meta:
        ordering = ["pk"]

    def __str__(self) -> str:
        return f"Fees of {self.supplier_id} at {self.principal_id} for form {self.service_form_id}"
