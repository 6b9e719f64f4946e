"""FAST2 wire JSON → the types of types.py. The seed's Swedish names end here.

Group names the seed spells two ways are read both ways (contract ambiguity 9).
"""

from datetime import date, datetime
from typing import Any

from apps.backends.errors import BackendInvalid
from apps.backends.fast2 import types as t
from apps.backends.fast2.codes import WorkOrderStatus
from apps.backends.wire import STOCKHOLM, Wire, code, each, read_list


def work_orders(data: Any) -> list[t.WorkOrder]:
    return each(data, work_order, "FAST2 arbetsorder")


def work_order(data: Any) -> t.WorkOrder:
    w = Wire(data, "Arbetsorder")
    information = w.group("information")
    prio = w.group("prio")
    kind = w.group("arbetsorderTyp")
    access = w.group("tilltrade", "Tilltrade")
    status = _status_code(w.group("status").text("statusKod", "statuskod"), "Arbetsorder: status.statusKod")
    object_id = w.group("objekt").text("id")
    if not object_id:
        raise BackendInvalid("Arbetsorder: objekt.id is missing")
    planning = w.get("planering")
    return t.WorkOrder(
        id=w.required_integer("id"),
        errand_number=w.text("externtNr"),
        object_id=object_id,
        customer_id=w.group("kund").integer("id"),
        status=status,
        kind_code=kind.text("arbetsordertypKod"),
        kind_label=kind.text("arbetsordertypBesk"),
        room=w.group("utrymme").text("beskrivning"),
        unit=w.group("enhet").text("beskrivning"),
        unit_note=w.group("enhet").text("enhetsNotering"),
        phrase=w.group("fras").text("frasBesk"),
        description=information.text("beskrivning"),
        comment=information.text("kommentar"),
        remark=information.text("anmarkning"),
        action_taken=information.text("atgard"),
        access=access.text("tilltradeBesk") or access.text("tilltradeKod"),
        priority_code=prio.text("prioKod"),
        priority_label=prio.text("prioBesk"),
        performer=w.group("utforare").text("namn"),
        performer_id=w.group("utforare").text("id"),
        access_code=access.text("tilltradeKod"),
        origin=w.text("ursprung"),
        registered_at=_moment(w.group("registrerad").text("datumregistrerad", "datumRegistrerad")),
        ordered_at=_moment(w.group("bestalld").text("datumBestalld")),
        accepted_at=_moment(w.group("accepterad").text("datumAccepterad")),
        done_at=_moment(w.group("utford").text("datumUtford")),
        modified_at=_moment(w.group("modifierad").text("datumModifierad")),
        planning=_planning(Wire(planning, "planering")) if isinstance(planning, dict) else None,
        files=read_list(w.get("filer"), _file, "Arbetsorder.filer"),
        external_id=w.text("externtId"),
        reporter=_reporter(w.group("annanAnmalare", "ananAnmalare")),
        room_id=w.group("utrymme").integer("id"),
        unit_id=w.group("enhet").integer("id"),
        phrase_id=w.group("fras").integer("frasKod"),
        economy=_economy(w.get("ekonomi")),
        # The seed's field list says faktura (001:1114), its subsection and the write shapes fakturera.
        invoicing=_invoicing(w.get("fakturera") if w.get("fakturera") is not None else w.get("faktura")),
    )


ECONOMY_WIRE = {
    "account": "konteringsKonto",
    "cost_centre": "konterinfRefKst",
    "property_code": "konteringFastighetsNr",
    "maintenance_or_fault": "konteringUhFel",
    "material_account": "konteringMaterialKonto",
    "project": "konteringProjekt",
    "operations_project": "konteringDriftProjekt",
    "material_cost": "materialkostnad",
    "cost": "kostnad",
}
AMOUNTS = ("material_cost", "cost")


def _economy(data: Any) -> t.Economy | None:
    if not isinstance(data, dict):
        return None
    w = Wire(data, "ekonomi")
    return t.Economy(
        **{name: w.decimal(wire) if name in AMOUNTS else w.text(wire) for name, wire in ECONOMY_WIRE.items()}
    )


def _invoicing(data: Any) -> t.Invoicing | None:
    if not isinstance(data, dict):
        return None
    w = Wire(data, "fakturera")
    return t.Invoicing(to_invoice=w.boolean("faktureras"), amount=w.decimal("fakturaBelopp"))


def _reporter(w: Wire) -> t.Reporter | None:
    name = (w.text("namn") or "").strip()
    if not name:
        return None
    return t.Reporter(name=name, phone=w.text("telefon"), email=w.text("epostAdress"))


def _file(w: Wire) -> t.WorkOrderFile:
    return t.WorkOrderFile(
        id=w.required_integer("id"),
        name=w.text("namn") or str(w.required_integer("id")),
        content_type=w.text("contentType") or "application/octet-stream",
        size=w.integer("storlek"),
    )


def status(data: Any) -> t.Status:
    w = Wire(data, "Status")
    found = _status_code(w.required_text("statuskod", "statusKod"), "Status: statuskod")
    return t.Status(code=found, label=w.text("beskrivning") or found.label)


def _status_code(value: str | None, where: str) -> WorkOrderStatus:
    """One of seed 2.1's statuses: the portal's rules (open, the next step) know no other."""
    if not value:
        raise BackendInvalid(f"{where} is missing")
    found = code(WorkOrderStatus, value)
    if found is None:
        raise BackendInvalid(f"{where}: {value!r} is not a status of seed 2.1")
    return found


def statuses(data: Any) -> list[t.Status]:
    return each(data, status, "FAST2 statuslista")


def events(data: Any) -> list[t.Event]:
    return each(data, event, "FAST2 händelser")


def event(data: Any) -> t.Event:
    return _event(Wire(data, "Handelse"))


def event_types(data: Any) -> list[t.EventType]:
    return each(data, event_type, "FAST2 händelsetyper")


def event_type(data: Any) -> t.EventType:
    w = Wire(data, "Handelsetyp")
    return t.EventType(code=w.required_text("id"), label=w.text("text") or w.required_text("id"))


def sla(data: Any) -> t.Sla:
    w = Wire(data, "Sla")
    return t.Sla(
        start=_moment(w.text("slaStart")),
        agreed_end=_moment(w.text("slaAvtalatSlut")),
        actual_end=_moment(w.text("slaFaktisktSlut")),
        difference_minutes=w.integer("slaDiff"),
    )


def contacts(data: Any) -> list[t.Contact]:
    return each(data, contact, "FAST2 kontaktpersoner")


def contact(data: Any) -> t.Contact:
    w = Wire(data, "Kontaktperson")
    return t.Contact(
        id=w.required_integer("id"),
        work_order_id=w.integer("arbetsorderId"),
        name=w.text("namn") or "",
        email=w.text("epost") or "",
        mobile=w.text("telefonMobil") or "",
        other_phone=w.text("telefonOvrig") or "",
        note=w.text("anmarkning") or "",
        valid_from=_date(w.text("datumFom")),
        valid_to=_date(w.text("datumTom")),
    )


def _date(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise BackendInvalid("FAST2: a date does not parse") from None


def created_id(data: Any) -> int:
    return Wire(data, "Created").required_integer("id")


def _event(w: Wire) -> t.Event:
    return t.Event(
        id=w.required_integer("id"),
        title=w.text("rubrik") or "",
        text=w.text("text"),
        type_code=w.text("typKod"),
        type_label=w.text("typBeskrivning"),
        created_by=w.text("skapadAv"),
        registered_at=_moment(w.text("datumRegistrerad")),
        modified_by=w.text("modifieradAv"),
        modified_at=_moment(w.text("datumModifierad")),
        active_from=_date(w.text("aktivFrom")),
        active_to=_date(w.text("aktivTom")),
    )


def _planning(w: Wire) -> t.Planning:
    day = w.text("bokadDatum")
    try:
        booked = date.fromisoformat(day) if day else None
    except ValueError:
        raise BackendInvalid("planering: bokadDatum is not a date") from None
    return t.Planning(day=booked, from_time=w.text("bokadFromTid"), to_time=w.text("bokadTomTid"))


def _moment(value: str | None) -> datetime | None:
    if not value:
        return None
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        raise BackendInvalid("FAST2: a date-time does not parse") from None
    # Without an offset the time is the landlord's local time (contract ambiguity 19).
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=STOCKHOLM)
