"""FAST2 wire JSON → the types of types.py. The seed's Swedish names end here.

Group names the seed spells two ways are read both ways (contract ambiguity 9).
"""

from datetime import date, datetime
from typing import Any

from apps.backends.errors import BackendInvalid
from apps.backends.fast2 import types as t
from apps.backends.fast2.codes import WorkOrderStatus
from apps.backends.wire import STOCKHOLM, Wire, code, read_list


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
    status = _status_code(_group(w, "status").text("statusKod", "statuskod"), "Arbetsorder: status.statusKod")
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
        files=read_list(w.get("filer"), _file, "Arbetsorder.filer"),
        external_id=w.text("externtId"),
        reporter=_reporter(_group(w, "annanAnmalare", "ananAnmalare")),
    )


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


# Fasta strukturen and kund (seed 7.1-7.4, 7.6.2 Hämta Fraser).


def estate_objects(data: Any) -> tuple[t.EstateObject, ...]:
    if not isinstance(data, list):
        raise BackendInvalid("FAST2 objekt: expected a list")
    return tuple(estate_object(item) for item in data)


def estate_object(data: Any) -> t.EstateObject:
    w = Wire(data, "Objekt")
    address, detail = _group(w, "adress"), _group(w, "detalj")
    kind, relations, tenants = _group(w, "typ"), _group(w, "relationer"), _group(w, "kunder")
    return t.EstateObject(
        id=w.required_text("id"),
        street=address.text("adress"),
        apartment_number=address.text("lghummer", "lghnummer"),  # the seed's "lghummer" (sic)
        postal_code=address.text("postnummer"),
        city=address.text("postort"),
        floor=_group(detail, "vaning").integer("nummer"),
        area=detail.decimal("yta"),
        kind_code=kind.text("objektsOTyp"),
        type_code=kind.text("objektsTyp"),
        type_label=kind.text("beskrivning"),
        tenant_ids=tuple(i for i in (tenants.integer("id1"), tenants.integer("id2")) if i is not None),
        property_number=relations.text("fastighetNr"),
        building_number=relations.text("byggnadNr"),
        part_of=relations.text("ingarl"),
    )


def rooms(data: Any) -> list[t.Room]:
    if not isinstance(data, list):
        raise BackendInvalid("FAST2 utrymmen: expected a list")
    return [room(item) for item in data]


def room(data: Any) -> t.Room:
    w = Wire(data, "Utrymme")
    return t.Room(
        id=w.required_integer("id"),
        name=w.text("beskrivning") or "",
        number=w.text("roomsnummer", "rumsnummer"),  # the seed's "roomsnummer" (sic)
        type_code=w.text("utrymmesTypKod"),
    )


def units(data: Any) -> list[t.Unit]:
    if not isinstance(data, list):
        raise BackendInvalid("FAST2 enheter: expected a list")
    return [unit(item) for item in data]


def unit(data: Any) -> t.Unit:
    w = Wire(data, "Enhet")
    return t.Unit(
        id=w.required_integer("id"),
        room_id=_group(w, "utrymme").integer("id"),
        type_code=_group(w, "enhetstyp").text("kod"),
        name=w.text("beskrivning") or "",
        reportable=w.get("felanmalan") is True,
        maintained=w.get("underhall") is True,
        maintained_on=_date(w.text("underhallsdatum")),
        installed_on=_date(w.text("installationsdatum")),
        serial_number=w.text("serienummer"),
        warranty_months=w.integer("garanti"),
        maintenance_action=w.text("underhallAtgard"),
        attribute=w.text("egenskap"),
        quantity=w.decimal("mangd"),
        note=w.text("notering"),
    )


def phrases(data: Any) -> list[t.Phrase]:
    if not isinstance(data, list):
        raise BackendInvalid("FAST2 fraser: expected a list")
    return [
        t.Phrase(
            id=w.required_integer("id"),
            text=_group(w, "fras").text("text") or "",
            kind_label=_group(w, "typ").text("beskrivning"),
        )
        for w in (Wire(item, "Fras") for item in data)
    ]


def customer(data: Any) -> t.Customer:
    w = Wire(data, "Kund")
    contact = _group(w, "kommunikation")
    phones = contact.get("telefon")
    if isinstance(phones, dict):
        phones = [phones]
    return t.Customer(
        id=w.required_integer("id"),
        number=w.text("nummer"),
        name=w.text("namnHela"),
        email=contact.text("epostAdress"),
        phones=tuple(
            t.Phone(kind=p.text("typ") or "", number=p.text("telefonNr") or "")
            for p in (Wire(item, "Kund.telefon") for item in phones or [] if isinstance(item, dict))
            if p.text("telefonNr")
        ),
    )
