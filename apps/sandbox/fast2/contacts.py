"""Kontaktpersoner of a work order (seed 7.7): list, read, create, update, delete.

The body's arbetsorderId, when sent, must equal the query's (contract ambiguity 28);
PUT is a partial update (ambiguity 13).
"""

from typing import Any

from apps.sandbox.fast2.wire import day, optional_date
from apps.sandbox.models import WorkOrderContact

FIELDS = {  # wire name → (model field, max length)
    "namn": ("name", 120),
    "epost": ("email", 254),
    "telefonMobil": ("mobile", 30),
    "telefonOvrig": ("other_phone", 30),
    "anmarkning": ("note", 200),
}


class ContactInvalid(Exception):
    pass


def contact(c: WorkOrderContact) -> dict:
    return {
        "id": c.pk,
        "arbetsorderId": c.row_id,
        "datumFom": day(c.valid_from),
        "datumTom": day(c.valid_to),
        "namn": c.name,
        "epost": c.email or None,
        "telefonMobil": c.mobile or None,
        "telefonOvrig": c.other_phone or None,
        "anmarkning": c.note or None,
    }


def apply(c: WorkOrderContact, body: dict[str, Any], *, partial: bool) -> None:
    if "arbetsorderId" in body and body["arbetsorderId"] is not None and str(body["arbetsorderId"]) != str(c.row_id):
        raise ContactInvalid("arbetsorderId i kroppen ska vara samma som i frågan.")
    for wire, (field, limit) in FIELDS.items():
        if wire in body or not partial:
            value = str(body.get(wire) or "").strip()
            if len(value) > limit:
                raise ContactInvalid(f"{wire} får vara högst {limit} tecken.")
            setattr(c, field, value)
    for wire, field in (("datumFom", "valid_from"), ("datumTom", "valid_to")):
        if wire in body or not partial:
            setattr(c, field, optional_date(body.get(wire), wire, ContactInvalid))
    if not c.name:
        raise ContactInvalid("namn krävs.")
    if c.valid_from and c.valid_to and c.valid_to < c.valid_from:
        raise ContactInvalid("datumTom ska vara samma dag som datumFom eller senare.")
