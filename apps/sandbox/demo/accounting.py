"""Errands v2's side of the demo errands: GUIDs, estimated costs, IB groups and supplier invoices.

Nothing here draws from the run's random source, so adding it left every
other demo value as it was; what varies is taken from the row's id.
A row gets an estimated cost unless cancelled, an IB group once it is sent to
a supplier (one group per errand and supplier), and its group an invoice once
the row is invoiced (Fakturerad).
"""

import uuid
from decimal import Decimal

from apps.sandbox.demo.run import DemoRun
from apps.sandbox.models import ErrandRow, IncomingInvoice, IncomingReference, WorkOrderStatus

GUID_NAMESPACE = uuid.UUID("5f0c2f8e-5a56-4c1e-9d0f-2b7e52a0c003")
# What a visit of each trade is estimated at before the extras.
BASE_COST = {
    "vvs": Decimal("2400"),
    "el": Decimal("1850"),
    "vitvaror": Decimal("1600"),
    "las": Decimal("950"),
    "bygg": Decimal("3200"),
    "maleri": Decimal("4500"),
}
EXTRA_STEP = Decimal("125")
# Notes the landlord keeps for its own staff (FAST2 anmärkning), never shown to a tenant.
REMARKS = (
    "Samma fel anmält i fjol; kontrollera om garantin gäller.",
    "Hyresgästen har tackat nej till besök på förmiddagar.",
    "Leverantören fakturerar utryckning separat.",
)


def guid(kind: str, key: object) -> str:
    return uuid.uuid5(GUID_NAMESPACE, f"{kind}:{key}").hex


def remark_for(row_id: int) -> str:
    return REMARKS[(row_id // 6) % len(REMARKS)] if row_id % 6 == 0 else ""


class Accounting:
    def __init__(self, run: DemoRun):
        self.run = run
        self.groups: dict[tuple[int, str], IncomingReference] = {}
        self.invoices: dict[str, IncomingInvoice] = {}  # IB group GUID → its invoice

    def book(self, row: ErrandRow, supplier: str, trade: str) -> None:
        if row.status == WorkOrderStatus.MAK:
            return
        row.estimated_cost = BASE_COST.get(trade, BASE_COST["bygg"]) + EXTRA_STEP * (row.id % 4)
        if not row.ordered_at:
            return
        key = (row.errand.id, supplier)
        group = self.groups.get(key)
        if group is None:
            number = f"IB-{row.ordered_at:%y%m}-{self.run.next_id('ib_number')}"
            group = IncomingReference(errand=row.errand, reference=number, guid=guid("ib", number), supplier=supplier)
            self.groups[key] = group
        row.incoming_reference = group
        if row.status == WorkOrderStatus.OVERF and group.guid not in self.invoices:
            number = f"INV{self.run.next_id('incoming_invoice')}"
            self.invoices[group.guid] = IncomingInvoice(reference=group, number=number, guid=guid("invoice", number))

    def save(self) -> None:
        """Before the rows, which refer to the groups."""
        IncomingReference.objects.bulk_create(self.groups.values())
        IncomingInvoice.objects.bulk_create(self.invoices.values())
