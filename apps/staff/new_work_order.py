"""A new work order from FAST2's fixed structure: fastighet → objekt → utrymme → enhet → fras.

FAST2 1.1 has no list of fastigheter: they are read off the felanmälningsbara
objekt (relationer.fastighetNr), which come page by page (cursor ``after``).
Everything the walk reads is kept in the staff member's session, so each
step asks FAST2 for at most the one list it has not seen yet, and walking
back costs nothing. The structure changes seldom; a new login reads it anew.

For a tenant's phone call the customer is found by customer number, and the
walk starts from the objekt they rent. The customer number stays in the POST
body and the session, never in a URL or a log line.
"""

from dataclasses import dataclass, field
from typing import Any

from django.core.cache import cache
from django.utils.translation import gettext

from apps.backends import fast2
from apps.backends.fast2.types import EstateObject, NewWorkOrder
from apps.staff.audit import audit
from apps.staff.models import AuditEntry
from apps.staff.refusals import refusable
from apps.staff.services import COUNTS_GENERATION_KEY

SESSION_KEY = "staff:structure"
CUSTOMER_KEY = "staff:new-work-order-customer"
# One page is one round trip; a landlord with fewer objekt than this reads them all in one.
OBJECT_PAGE = 500
# The wire name a FAST2 refusal starts with → the form field it is shown at.
REFUSAL_FIELDS = {
    "objektId": "object_id",
    "utrymmesId": "room",
    "enhetsId": "unit",
    "frasNr": "phrase",
    "kundNr": "customer_number",
    "tilltradesKod": "access_code",
    "prioKod": "priority",
    "anmalare.namn": "reporter_name",
    "anmalare.telefon": "reporter_phone",
    "anmalare.epostAdress": "reporter_email",
    "information.beskrivning": "description",
}

Choice = tuple[str, str]


@dataclass(frozen=True)
class FoundCustomer:
    number: str  # as staff typed it; what kundNr takes
    id: int
    name: str
    object_ids: tuple[str, ...]  # the objekt they may report on, their home first


@dataclass
class Structure:
    """The part of the fixed structure read so far, kept in the session between the walk's steps."""

    session: Any
    data: dict = field(init=False)

    def __post_init__(self):
        self.data = self.session.get(SESSION_KEY) or {"objects": None, "rooms": {}, "units": {}, "phrases": {}}

    def _keep(self) -> None:
        self.session[SESSION_KEY] = self.data  # a new assignment, so the session is saved

    def objects(self) -> list[list]:
        """Every felanmälningsbart objekt as [id, label, fastighet, street, HG1/HG2 customer ids]."""
        if self.data["objects"] is None:
            client = fast2.get_client()
            found = [
                _object_entry(obj)
                for rentable in (True, False)
                for obj in client.all_reportable_objects(rentable=rentable, page_size=OBJECT_PAGE)
            ]
            self.data["objects"] = sorted(found, key=lambda entry: (entry[2], entry[0]))
            self._keep()
        return self.data["objects"]

    def properties(self) -> list[Choice]:
        streets: dict[str, list[str]] = {}
        for _, _, prop, street, _ in self.objects():
            if street and street not in streets.setdefault(prop, []):
                streets[prop].append(street)
        return [(prop, f"{prop}: {', '.join(names)}" if names else prop) for prop, names in streets.items()]

    def property_of(self, object_id: str) -> str | None:
        return next((prop for oid, _, prop, _, _ in self.objects() if oid == object_id), None)

    def objects_of(self, prop: str) -> list[Choice]:
        return [(oid, label) for oid, label, owner, _, _ in self.objects() if owner == prop]

    def rented_by(self, customer_id: int) -> tuple[str, ...]:
        """The objekt the customer rents (HG1 or HG2): what FAST2's kundId filter gives, already read."""
        return tuple(oid for oid, _, _, _, tenants in self.objects() if customer_id in tenants)

    def rooms(self, object_id: str) -> list[Choice]:
        return self._level("rooms", object_id, lambda: fast2.get_client().rooms(object_id), _room_label)

    def units(self, room_id: int) -> list[Choice]:
        return self._level("units", str(room_id), lambda: fast2.get_client().units(room_id), lambda u: u.name)

    def phrases(self, unit_id: int) -> list[Choice]:
        return self._level("phrases", str(unit_id), lambda: fast2.get_client().phrases(unit_id), lambda p: p.text)

    def _level(self, level: str, key: str, read, label) -> list[Choice]:
        kept = self.data[level]
        if key not in kept:
            kept[key] = [[str(item.id), label(item)] for item in read()]
            self._keep()
        return [(item_id, text) for item_id, text in kept[key]]


def find_customer(structure: Structure, number: str) -> FoundCustomer:
    """The customer with this customer number and the objekt they rent; BackendNotFound if there is none.

    One call: which objekt they rent is in the objekt the walk has read (kunder.id1/id2).
    """
    customer = fast2.get_client().customer_by_number(number)
    homes = structure.rented_by(customer.id)
    session = structure.session
    found = FoundCustomer(number=number, id=customer.id, name=customer.name or "", object_ids=homes)
    session[CUSTOMER_KEY] = {"number": number, "id": found.id, "name": found.name, "objects": list(homes)}
    return found


def found_customer(session, number: str) -> FoundCustomer | None:
    """The customer found earlier in this session, if staff still ask for the same number."""
    kept = session.get(CUSTOMER_KEY)
    if not kept or not number or kept["number"] != number:
        return None
    return FoundCustomer(kept["number"], kept["id"], kept["name"], tuple(kept["objects"]))


def forget_customer(session) -> None:
    session.pop(CUSTOMER_KEY, None)


def create(order: NewWorkOrder, *, by) -> int:
    """Register the work order in FAST2 and log who did; a refusal names the field its reason is about."""
    new_id = refusable(
        lambda: fast2.get_client().create_work_order(order),
        gettext("Arbetsordern kunde inte skapas."),
        REFUSAL_FIELDS,
    )
    audit(new_id, AuditEntry.Action.CREATED, by, before="", after=f"{order.object_id}: {order.description}")
    cache.delete(COUNTS_GENERATION_KEY)  # the counts per status have one more
    return new_id


def _object_entry(obj: EstateObject) -> list[str]:
    kind = " ".join(part for part in (obj.type_label, obj.apartment_number) if part)
    label = ", ".join(part for part in (kind, obj.street) if part)
    shown = f"{obj.id}: {label}" if label else obj.id
    return [obj.id, shown, obj.property_number or "–", obj.street or "", list(obj.tenant_ids)]


def _room_label(room) -> str:
    return f"{room.name} ({room.number})" if room.number else room.name
