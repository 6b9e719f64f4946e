"""Errands v2's IB groups: what an errand's rows sent to a supplier are invoiced against.

Rows sent to one supplier share an IB number and a GUID; once an invoice has
arrived, rows sent later to the same supplier get the same IB number and a new
GUID (seed 002, the id parameter). So an IB number may name several groups,
and a group's GUID exactly one.
"""

from django.db import models

from apps.sandbox.models.errands import Errand, new_guid


class IncomingReference(models.Model):
    errand = models.ForeignKey(Errand, on_delete=models.CASCADE, related_name="incoming_references")
    reference = models.CharField(max_length=20, db_index=True, help_text="The IB number, e.g. IB-2201-10000.")
    guid = models.CharField(max_length=32, unique=True, default=new_guid)
    supplier = models.CharField(max_length=120)

    class Meta:
        ordering = ["pk"]

    def __str__(self) -> str:
        return f"{self.reference} ({self.supplier})"


class IncomingInvoice(models.Model):
    """A supplier's invoice received for an IB group."""

    reference = models.ForeignKey(IncomingReference, on_delete=models.CASCADE, related_name="invoices")
    guid = models.CharField(max_length=32, unique=True, default=new_guid)
    number = models.CharField(max_length=40, help_text="The supplier's own invoice number, e.g. INV000001.")

    class Meta:
        ordering = ["pk"]

    def __str__(self) -> str:
        return self.number
