"""FAST2 fasta strukturen and kund JSON (seed 7.1-7.4, 7.6.2 Hämta Fraser) → the typed objects of types.py."""

from decimal import Decimal
from typing import Any

from apps.backends.fast2 import types as t
from apps.backends.wire import Wire, each


def estate_objects(data: Any) -> tuple[t.EstateObject, ...]:
    return tuple(each(data, estate_object, "FAST2 objekt"))


def estate_object(data: Any) -> t.EstateObject:
    w = Wire(data, "Objekt")
    address, detail = w.group("adress"), w.group("detalj")
    kind, relations, tenants = w.group("typ"), w.group("relationer"), w.group("kunder")
    return t.EstateObject(
        id=w.required_text("id"),
        street=address.text("adress"),
        apartment_number=address.text("lghummer", "lghnummer"),  # the seed's "lghummer" (sic)
        postal_code=address.text("postnummer"),
        city=address.text("postort"),
        floor=detail.group("vaning").integer("nummer"),
        area=detail.decimal("yta"),
        kind_code=kind.text("objektsOTyp"),
        type_code=kind.text("objektsTyp"),
        type_label=kind.text("beskrivning"),
        tenant_ids=tuple(i for i in (tenants.integer("id1"), tenants.integer("id2")) if i is not None),
        property_number=relations.text("fastighetNr"),
        building_number=relations.text("byggnadNr"),
        part_of=relations.text("ingarl"),
        **_position(address.decimal("xkoord"), address.decimal("ykoord")),
    )


# SWEREF 99 TM northings in Sweden are millions of metres; eastings are well below.
NORTHING_ABOVE = Decimal(2_000_000)


def _position(x: Decimal | None, y: Decimal | None) -> dict[str, Decimal | None]:
    if x is None or y is None:
        return {"east": None, "north": None}
    if x > NORTHING_ABOVE > y:
        x, y = y, x
    return {"east": x, "north": y}


def rooms(data: Any) -> list[t.Room]:
    return each(data, room, "FAST2 utrymmen")


def room(data: Any) -> t.Room:
    w = Wire(data, "Utrymme")
    return t.Room(
        id=w.required_integer("id"),
        name=w.text("beskrivning") or "",
        number=w.text("roomsnummer", "rumsnummer"),  # the seed's "roomsnummer" (sic)
        type_code=w.text("utrymmesTypKod"),
    )


def units(data: Any) -> list[t.Unit]:
    return each(data, unit, "FAST2 enheter")


def unit(data: Any) -> t.Unit:
    w = Wire(data, "Enhet")
    return t.Unit(
        id=w.required_integer("id"),
        room_id=w.group("utrymme").integer("id"),
        type_code=w.group("enhetstyp").text("kod"),
        name=w.text("beskrivning") or "",
        reportable=w.get("felanmalan") is True,
        maintained=w.get("underhall") is True,
        maintained_on=w.date("underhallsdatum"),
        installed_on=w.date("installationsdatum"),
        serial_number=w.text("serienummer"),
        warranty_months=w.integer("garanti"),
        maintenance_action=w.text("underhallAtgard"),
        attribute=w.text("egenskap"),
        quantity=w.decimal("mangd"),
        note=w.text("notering"),
    )


def phrases(data: Any) -> list[t.Phrase]:
    return each(data, phrase, "FAST2 fraser")


def phrase(data: Any) -> t.Phrase:
    w = Wire(data, "Fras")
    return t.Phrase(
        id=w.required_integer("id"),
        text=w.group("fras").text("text") or "",
        kind_label=w.group("typ").text("beskrivning"),
    )


def customer(data: Any) -> t.Customer:
    w = Wire(data, "Kund")
    contact = w.group("kommunikation")
    phones = contact.get("telefon")
    if isinstance(phones, dict):
        phones = [phones]
    return t.Customer(
        id=w.required_integer("id"),
        personal_number=w.text("nummer"),
        name=w.text("namnHela"),
        email=contact.text("epostAdress"),
        phones=tuple(
            t.Phone(kind=p.text("typ") or "", number=p.text("telefonNr") or "")
            for p in (Wire(item, "Kund.telefon") for item in phones or [] if isinstance(item, dict))
            if p.text("telefonNr")
        ),
    )
