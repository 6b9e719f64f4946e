"""The fault-report endpoints' wire JSON → errands_types.py, and the create request's body."""

from datetime import datetime
from typing import Any

from django.utils import timezone

from apps.backends.errors import BackendInvalid
from apps.backends.pm5 import errands_types as et
from apps.backends.pm5.parse import Wire, errand, node_step, read_list
from apps.backends.pm5.types import Errand

USAGE_FAULT_REPORT = "Felanmälan"  # AnvändningTyp.Referensnamn of a fault report (A04, A45)
SOURCE_MINA_SIDOR = "MinaSidor"  # ÄrendeKällaSystemnamn


def node_choices(data: Any) -> et.NodeChoices:
    """ÄrendeAvserVäljareInställningar; a bare list of lists is read as its Avser (A05)."""
    if isinstance(data, list):
        return et.NodeChoices(levels=_levels(data, "Avser"), fault_types=None, key_handling=None)
    w = Wire(data, "ÄrendeAvserVäljareInställningar")
    levels = w.get("Avser")
    return et.NodeChoices(
        levels=None if levels is None else _levels(levels, "Avser"),
        fault_types=(w.objects("Felbeskrivningstyper", _fault_type) if w.has("Felbeskrivningstyper") else None),
        key_handling=(w.objects("Nyckelhanteringstyper", _key_handling) if w.has("Nyckelhanteringstyper") else None),
    )


def _levels(value: Any, where: str) -> tuple[tuple, ...]:
    if not isinstance(value, list):
        raise BackendInvalid(f"{where}: expected a list of lists")
    return tuple(read_list(level, node_step, f"{where}[{i}]") for i, level in enumerate(value))


def _fault_type(w: Wire) -> et.Choice:
    return et.Choice(choice_id=w.required_integer("FelbeskrivningId"), label=w.text("Beteckning") or "")


def _key_handling(w: Wire) -> et.Choice:
    return et.Choice(choice_id=w.required_integer("NyckelhanteringId"), label=w.text("Beteckning") or "")


def created_errand_id(data: Any) -> int:
    """SkapaFelanmälanResultat."""
    return Wire(data, "SkapaFelanmälanResultat").required_integer("ÄrendeId")


def errand_answer(data: Any) -> Errand:
    """Hämta ett ärende: a bare Ärende, or one wrapped as {"Ärende": {...}} (A10)."""
    w = Wire(data, "Ärende")
    if not w.has("Id") and w.has("Ärende"):
        return w.obj("Ärende", errand)
    return errand(w)


def _times(times: tuple[tuple[int, datetime], ...]) -> dict[str, Any]:
    """Tidpunkter of a general errand's row. SparaÄrendeRad has no such field; the portal sends them in
    ÄrendeRadÄrendeTidpunkt's own shape (000:385-393), as local time like every PM5 time (A24)."""
    return {
        "Tidpunkter": [
            {"ÄrendeRadTidpunktTypId": type_id, "Värde": timezone.localtime(at).strftime("%Y-%m-%dT%H:%M:%S")}
            for type_id, at in times
        ]
    }


def create_body(report: et.FaultReportRequest, media: list[str]) -> dict[str, Any]:
    """The body of Skapa felanmälan, with ``media[i]`` standing in for the i-th photo's bytes.

    The portal sends Ärendetyp "Order" with Användningstyp {"Referensnamn": "Felanmälan"}
    (A04), the head node in Avser and the full path in each row's Avser (A03).
    """
    contact = report.contact
    placeholders = iter(media)
    return {
        "Avser": report.head_node_id,
        "Ärendetyp": report.errand_type,
        "Användningstyp": {"Referensnamn": report.usage},
        "Kontakt": (
            None
            if contact is None
            else {
                "Visningsnamn": contact.display_name,
                "Förnamn": contact.first_name,
                "Efternamn": contact.last_name,
                "Telefon": contact.phone or None,
                "Mobil": None,
                "Epost": contact.email or None,
            }
        ),
        "Husdjur": report.pets,
        "ÄrendeKällaSystemnamn": SOURCE_MINA_SIDOR,
        "Rader": [
            {
                "Avser": row.path,
                "Beskrivning": row.description,
                "NyckelhanteringId": row.key_handling_id,
                "Nyckelhanteringsnotering": row.key_note or None,
                "FelbeskrivningstypId": row.fault_type_id,
                "Specifikation": row.specification or None,
                "Media": [{"MediaByte": next(placeholders), "Notering": photo.note or None} for photo in row.photos],
            }
            | (_times(row.times) if row.times else {})
            for row in report.rows
        ],
    }
