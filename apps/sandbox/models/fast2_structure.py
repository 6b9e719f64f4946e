"""What FAST2 keeps about an enhet (seed 7.3) beyond PM5's node: dates, serial number, property.

An enhet is a unit node of an object's tree (estate.Node); its name stays the
node's label, so a rename through PUT /v1/fastastrukturen/enheter/{id} is what
the tenant sees in PM5 too. The rest of the seed's Enhet has no PM5 counterpart
and lives here, one row per node that has any of it.
"""

from django.db import models

from apps.sandbox.models.estate import Node


class UnitRecord(models.Model):
    node = models.OneToOneField(Node, on_delete=models.CASCADE, primary_key=True, related_name="unit_record")
    installed_on = models.DateField(null=True, blank=True, help_text="installationsdatum")
    maintained_on = models.DateField(null=True, blank=True, help_text="underhallsdatum: the latest maintenance.")
    serial_number = models.CharField(max_length=60, blank=True)
    attribute = models.CharField(max_length=120, blank=True, help_text="egenskap, e.g. a colour or a model.")
    warranty_months = models.PositiveSmallIntegerField(null=True, blank=True)
    quantity = models.DecimalField(max_digits=10, decimal_places=2, null=True, blank=True, help_text="mangd")
    note = models.CharField(max_length=200, blank=True, help_text="notering")

    def __str__(self) -> str:
        return f"Unit record of {self.node_id}"
