"""The id of GET /v2/errands/{id} and its flags, read as the contract reads them.

Ids (ambiguity 5): R-... is an errand number, IB-... an IB number, anything
else a GUID (compared case-insensitively, hyphens dropped), looked up first as
an errand's GUID, then as an IB group's. An errand id gives every row of the
errand, an IB id only the rows carrying it (ambiguity 6).

Flags (ambiguity 2): query parameters, "true"/"false" in any case (also the
JSON strings "\"true\"" as the seed prints them), absent = false. The rows*
flags act only with rows, the rowsAccounting* ones only with rowsAccounting.
"""

import re
from dataclasses import dataclass

from django.db.models import QuerySet
from django.http import QueryDict

from apps.sandbox.models import Errand, ErrandRow, IncomingReference

ERRAND_NUMBER = re.compile(r"^R-[0-9]{4}-[0-9]{4,}$")
IB_NUMBER = re.compile(r"^IB-[0-9]{4}-[0-9]{5,}$")
GUID = re.compile(r"^[0-9a-f]{32}$")
FLAG_NAMES = (
    "rows",
    "rowsAccounting",
    "rowsAccountingCoding",
    "rowsAccountingVat",
    "rowsAccountingIncomingInvoice",
    "rowsPrimaryObject",
    "rowsParticipants",
    "rowsEntityPath",
    "basicFields",
)


class Malformed(Exception):
    """400: the id or a flag cannot be read."""


@dataclass(frozen=True)
class Flags:
    rows: bool = False
    accounting: bool = False
    coding: bool = False
    vat: bool = False
    incoming_invoice: bool = False
    primary_object: bool = False
    participants: bool = False
    entity_path: bool = False
    # CRM basic fields have no documented shape (ambiguity 14): read, and answered with nothing.
    basic_fields: bool = False


@dataclass(frozen=True)
class Found:
    errand: Errand
    rows: QuerySet[ErrandRow]


def flags(query: QueryDict) -> Flags:
    value = {name: _flag(query, name) for name in FLAG_NAMES}
    rows = value["rows"]
    accounting = rows and value["rowsAccounting"]
    return Flags(
        rows=rows,
        accounting=accounting,
        coding=accounting and value["rowsAccountingCoding"],
        vat=accounting and value["rowsAccountingVat"],
        incoming_invoice=accounting and value["rowsAccountingIncomingInvoice"],
        primary_object=rows and value["rowsPrimaryObject"],
        participants=rows and value["rowsParticipants"],
        entity_path=rows and value["rowsEntityPath"],
        basic_fields=value["basicFields"],
    )


def find(errand_id: str) -> Found | None:
    """The errand and the rows the id selects; None when it names nothing; Malformed when it cannot."""
    errand_id = errand_id.strip()
    if ERRAND_NUMBER.match(errand_id):
        errand = Errand.objects.filter(number=errand_id).first()
        return Found(errand, errand.rows.all()) if errand else None
    if IB_NUMBER.match(errand_id):
        groups = IncomingReference.objects.filter(reference=errand_id).select_related("errand")
        return _group_rows(list(groups))
    guid = errand_id.replace("-", "").lower()
    if not GUID.match(guid):
        raise Malformed(f"{errand_id!r} är varken ett ärendenummer, ett IB-nummer eller en GUID.")
    errand = Errand.objects.filter(guid=guid).first()
    if errand is not None:
        return Found(errand, errand.rows.all())
    return _group_rows(list(IncomingReference.objects.filter(guid=guid).select_related("errand")))


def _group_rows(groups: list[IncomingReference]) -> Found | None:
    if not groups:
        return None
    # An IB number belongs to one errand (seed: unique for the errand/supplier).
    errand = groups[0].errand
    return Found(errand, errand.rows.filter(incoming_reference__in=[g for g in groups if g.errand_id == errand.pk]))


def _flag(query: QueryDict, name: str) -> bool:
    raw = query.get(name)
    if raw is None:
        return False
    value = raw.strip().strip('"').casefold()
    if value not in ("true", "false"):
        raise Malformed(f"{name} ska vara true eller false.")
    return value == "true"
