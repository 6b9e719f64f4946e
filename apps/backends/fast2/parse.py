"""FAST2 wire JSON → the types of types.py. The seed's Swedish names end here.

Group names the seed spells two ways are read both ways (contract ambiguity 9).
"""

from datetime import date, datetime
from typing import Any

from apps.backends.errors import BackendInvalid
from apps.backends.fast2 import types as t
from apps.backends.pm5.parse import STOCKHOLM, Wire


def work_orders(data: Any) -> list[t.WorkOrder]:
    if not isinstance(data, list):
        raise BackendInvalid("FAST2 arbetsorder: expected a list")
    return [work_order(item) for item in data]


def work_order(data: Any) -> t.WorkOrder:
    w = Wire(data, "Arbetsorder")
    information = _group(w, "information")
    prio = _group(w, "prio")
    kind = _group(w, "arbetsorderTyp")
    access = _group(w, "tilltrade", "Tilltrade")
    status = _group(w, "status").text("statusKod", "statuskod")
    if not status:
        raise BackendInvalid("Arbetsorder: status.statusKod is missing")
    object_id = _group(w, "objekt").text("id")
    if not object_id:
        raise BackendInvalid("Arbetsorder: objekt.id is missing")
    planning = w.get("planering")
    return t.WorkOrder(
        id=w.required_integer("id"),
        errand_number=w.text("externtNr"),
        object_id=object_id,
        customer_id=_group(w, "kund").integer("id"),
        status=status,
        kind_code=kind.text("arbetsordertypKod"),
        kind_label=kind.text("arbetsordertypBesk"),
        room=_group(w, "utrymme").text("beskrivning"),
        unit=_group(w, "enhet").text("beskrivning"),
        unit_note=_group(w, "enhet").text("enhetsNotering"),
        phrase=_group(w, "fras").text("frasBesk"),
        description=information.text("beskrivning"),
        comment=information.text("kommentar"),
        remark=information.text("anmarkning"),
        action_taken=information.text("atgard"),
        access=access.text("tilltradeBesk") or access.text("tilltradeKod"),
        priority_code=prio.text("prioKod"),
        priority_label=prio.text("prioBesk"),
        performer=_group(w, "utforare").text("namn"),
        origin=w.text("ursprung"),
        registered_at=_moment(_group(w, "registrerad").text("datumregistrerad", "datumRegistrerad")),
        ordered_at=_moment(_group(w, "bestalld").text("datumBestalld")),
        accepted_at=_moment(_group(w, "accepterad").text("datumAccepterad")),
        done_at=_moment(_group(w, "utford").text("datumUtford")),
        modified_at=_moment(_group(w, "modifierad").text("datumModifierad")),
        planning=_planning(Wire(planning, "planering")) if isinstance(planning, dict) else None,
    )


def status(data: Any) -> t.Status:
    w = Wire(data, "Status")
    code = w.required_text("statuskod", "statusKod")
    return t.Status(code=code, label=w.text("beskrivning") or t.STATUS_LABELS.get(code, code))


def statuses(data: Any) -> list[t.Status]:
    if not isinstance(data, list):
        raise BackendInvalid("FAST2 statuslista: expected a list")
    return [status(item) for item in data]


def events(data: Any) -> list[t.Event]:
    if not isinstance(data, list):
        raise BackendInvalid("FAST2 händelser: expected a list")
    return [_event(Wire(item, "Handelse")) for item in data]


def event_types(data: Any) -> list[t.EventType]:
    if not isinstance(data, list):
        raise BackendInvalid("FAST2 händelsetyper: expected a list")
    return [
        t.EventType(code=w.required_text("id"), label=w.text("text") or w.required_text("id"))
        for w in (Wire(item, "Handelsetyp") for item in data)
    ]


def sla(data: Any) -> t.Sla:
    w = Wire(data, "Sla")
    return t.Sla(
        start=_moment(w.text("slaStart")),
        agreed_end=_moment(w.text("slaAvtalatSlut")),
        actual_end=_moment(w.text("slaFaktisktSlut")),
        difference_minutes=w.integer("slaDiff"),
    )


def contacts(data: Any) -> list[t.Contact]:
    if not isinstance(data, list):
        raise BackendInvalid("FAST2 kontaktpersoner: expected a list")
    return [contact(item) for item in data]


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
    )


def _planning(w: Wire) -> t.Planning:
    day = w.text("bokadDatum")
    try:
        booked = date.fromisoformat(day) if day else None
    except ValueError:
        raise BackendInvalid("planering: bokadDatum is not a date") from None
    return t.Planning(day=booked, from_time=w.text("bokadFromTid"), to_time=w.text("bokadTomTid"))


def _group(w: Wire, *names: str) -> Wire:
    value = w.get(*names)
    return Wire(value if isinstance(value, dict) else {}, f"{w.where}.{names[0]}")


def _moment(value: str | None) -> datetime | None:
    if not value:
        return None
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        raise BackendInvalid("FAST2: a date-time does not parse") from None
    # Without an offset the time is the landlord's local time (contract ambiguity 19).
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=STOCKHOLM)
