"""Errands v2 wire JSON → the types of types.py. The example's field names end here.

Labels are read as "displayName" (the example) or "typeDisplayName" (the
seed's tables, contract ambiguity 4); debit as true/false or 1/0 (ambiguity 10);
names are trimmed ("Kaj " in the example, ambiguity 21). Ids and the amount
must parse, or BackendInvalid is raised: a wrong cost would mislead.
"""

from datetime import datetime
from typing import Any

from apps.backends.errands import types as t
from apps.backends.errors import BackendInvalid
from apps.backends.wire import Wire, parse_datetime, read_list

LABEL = ("displayName", "typeDisplayName")


def errand(data: Any) -> t.Errand:
    w = Wire(data, "Errand")
    kind = w.obj("type", _label)
    return t.Errand(
        id=w.required_text("id"),
        number=_trimmed(w, "number"),
        name=_trimmed(w, "displayName"),
        type_label=kind,
        status=w.obj("status", _status),
        rows=w.objects("rows", _row),
    )


def _row(w: Wire) -> t.ErrandRow:
    description = w.get("description")
    described = Wire(description if isinstance(description, dict) else {}, f"{w.where}.description")
    return t.ErrandRow(
        id=w.required_text("id"),
        number=_trimmed(w, "number"),
        status=w.obj("status", _status),
        description=_trimmed(described, "text"),
        specification=_trimmed(described, "specification"),
        primary_object=w.obj("primaryObject", _primary_object),
        entity_path=tuple(name for name in (_trimmed(p, *LABEL) for p in _each(w, "entityPath")) if name),
        participants=w.objects("participants", _participant),
        accounting=w.obj("accounting", _accounting),
    )


def _status(w: Wire) -> t.Status:
    return t.Status(created=_moment(w, "created"), closed=_moment(w, "closed"), label=_trimmed(w, *LABEL))


def _primary_object(w: Wire) -> t.PrimaryObject:
    kind = w.get("type")
    kind = Wire(kind if isinstance(kind, dict) else {}, f"{w.where}.type")
    return t.PrimaryObject(
        id=_trimmed(w, "id"),
        type_id=_trimmed(kind, "id"),
        type_label=_trimmed(kind, *LABEL),
        type_class=_trimmed(kind, "typeClassDisplayName"),
        name=_trimmed(w, "displayName"),
        address=w.obj("address", _address),
    )


def _address(w: Wire) -> t.Address:
    return t.Address(street=_trimmed(w, "address"), postcode=_trimmed(w, "postcode"), city=_trimmed(w, "city"))


def _participant(w: Wire) -> t.Participant:
    kind = w.get("type")
    kind = Wire(kind if isinstance(kind, dict) else {}, f"{w.where}.type")
    actor = w.get("actor")
    actor = Wire(actor if isinstance(actor, dict) else {}, f"{w.where}.actor")
    return t.Participant(
        type_id=_trimmed(kind, "id"),
        type_label=_trimmed(kind, *LABEL),
        actor_id=_trimmed(actor, "id"),
        name=_trimmed(actor, *LABEL) or "",
    )


def _accounting(w: Wire) -> t.Accounting:
    vat = w.get("vat")
    return t.Accounting(
        estimated_cost=w.decimal("estimatedCost"),
        vat_registered=_boolean(Wire(vat, f"{w.where}.vat"), "registered") if isinstance(vat, dict) else None,
        coding=tuple(row for coding in _each(w, "coding") for row in coding.objects("rows", _coding_row)),
        incoming=w.obj("incomingReference", _incoming),
    )


def _coding_row(w: Wire) -> t.CodingRow:
    return t.CodingRow(debit=_boolean(w, "debit"), parts=w.objects("parts", _coding_part))


def _coding_part(w: Wire) -> t.CodingPart:
    return t.CodingPart(
        label=_trimmed(w, "typeDisplayName", "displayName"),
        dimension=_trimmed(w, "dimension"),
        value=_trimmed(w, "value"),
    )


def _incoming(w: Wire) -> t.IncomingReference:
    return t.IncomingReference(
        reference=_trimmed(w, "reference"),
        guid=_trimmed(w, "referenceGuid"),
        invoices=w.objects("invoice", lambda i: t.Invoice(id=_trimmed(i, "id"), number=_trimmed(i, "number"))),
    )


def _label(w: Wire) -> str | None:
    return _trimmed(w, *LABEL)


def _each(w: Wire, name: str) -> tuple[Wire, ...]:
    return read_list(w.get(name), lambda item: item, f"{w.where}.{name}")


def _boolean(w: Wire, name: str) -> bool | None:
    value = w.get(name)
    if value is None:
        return None
    if isinstance(value, bool):
        return value
    text = str(value).strip().casefold()
    if text in ("true", "1"):
        return True
    if text in ("false", "0"):
        return False
    raise BackendInvalid(f"{w.where}: {name} is not a boolean")


def _trimmed(w: Wire, *names: str) -> str | None:
    value = w.text(*names)
    if value is None:
        return None
    return value.strip() or None


def _moment(w: Wire, name: str) -> datetime | None:
    value = _trimmed(w, name)
    return None if value is None else parse_datetime(value, w.where)
