"""A work order's ekonomi and fakturera groups (seed 7.6, 7.6.1, 7.6.2): read, and set by PUT or create.

What staff set is kept on the errand row (``economy``, ``invoicing``); what they
have not set is derived, so a read is never null: the account and UH/Fel code
by the kind of errand (as Errands v2's coding), the property's code, the row's
estimated cost (the same figure Errands v2 shows). Both groups are partial:
a key that is sent replaces that value, null clears it back to the derived one.

The seed's field list names the read group ``faktura`` (001:1114) and its
subsection and the write shapes ``fakturera`` (001:1381, 1427, 1513): the
sandbox answers ``fakturera`` (contract ambiguity 9) and takes only that name.
"""

from decimal import Decimal, InvalidOperation
from typing import Any

from apps.sandbox.models import Errand, ErrandRow

ACCOUNTS = {Errand.Kind.ORDER: "4657", Errand.Kind.UNDERHALL: "4651"}  # as errands_v2/serializers.py
CODES = ("konteringsKonto", "konterinfRefKst", "konteringFastighetsNr", "konteringUhFel")
CODES += ("konteringMaterialKonto", "konteringProjekt", "konteringDriftProjekt")
AMOUNTS = ("materialkostnad", "kostnad")
MAX_AMOUNT = Decimal("10000000")


class EconomyInvalid(ValueError):
    """400: the group cannot be kept; the message names the field."""


def ekonomi(row: ErrandRow) -> dict[str, Any]:
    errand = row.errand
    derived: dict[str, Any] = dict.fromkeys(CODES + AMOUNTS)
    derived |= {
        "konteringsKonto": ACCOUNTS.get(errand.kind, ACCOUNTS[Errand.Kind.ORDER]),
        "konteringFastighetsNr": errand.rental_object.building.property.code,
        "konteringUhFel": "U" if errand.kind == Errand.Kind.UNDERHALL else "F",
        "kostnad": row.estimated_cost.quantize(Decimal("0.01")) if row.estimated_cost is not None else None,
    }
    kept = {name: Decimal(value) if name in AMOUNTS else value for name, value in (row.economy or {}).items()}
    return derived | kept


def fakturera(row: ErrandRow) -> dict[str, Any]:
    kept = row.invoicing or {}
    amount = kept.get("fakturaBelopp")
    return {"faktureras": bool(kept.get("faktureras", False)), "fakturaBelopp": Decimal(amount) if amount else None}


def apply_ekonomi(row: ErrandRow, value: Any) -> None:
    group = _group(value, "ekonomi", CODES + AMOUNTS)
    kept = dict(row.economy or {})
    for name, given in group.items():
        if given is None:
            kept.pop(name, None)
        elif name in AMOUNTS:
            kept[name] = str(_amount(given, f"ekonomi.{name}"))
        else:
            if not isinstance(given, str) or len(given.strip()) > 20:
                raise EconomyInvalid(f"ekonomi.{name} ska vara text, högst 20 tecken.")
            kept[name] = given.strip()
    row.economy = kept


def apply_fakturera(row: ErrandRow, value: Any) -> None:
    group = _group(value, "fakturera", ("faktureras", "fakturaBelopp"))
    kept = dict(row.invoicing or {})
    if "faktureras" in group:
        if group["faktureras"] is None:
            kept.pop("faktureras", None)
        elif not isinstance(group["faktureras"], bool):
            raise EconomyInvalid("fakturera.faktureras ska vara true eller false.")
        else:
            kept["faktureras"] = group["faktureras"]
    if "fakturaBelopp" in group:
        amount = group["fakturaBelopp"]
        if amount is None:
            kept.pop("fakturaBelopp", None)
        else:
            kept["fakturaBelopp"] = str(_amount(amount, "fakturera.fakturaBelopp"))
    if kept.get("fakturaBelopp") and not kept.get("faktureras"):
        raise EconomyInvalid("fakturera.fakturaBelopp kräver faktureras true.")
    row.invoicing = kept


def _group(value: Any, name: str, fields: tuple[str, ...]) -> dict[str, Any]:
    if value is None:
        return dict.fromkeys(fields)  # the whole group back to what is derived
    if not isinstance(value, dict):
        raise EconomyInvalid(f"{name} ska vara ett objekt.")
    unknown = sorted(set(value) - set(fields))
    if unknown:
        raise EconomyInvalid(f"{name}: okända fält {', '.join(unknown)}.")
    return value


def _amount(value: Any, name: str) -> Decimal:
    if isinstance(value, bool):
        raise EconomyInvalid(f"{name} ska vara ett belopp.")
    try:
        amount = Decimal(str(value))
    except InvalidOperation:
        raise EconomyInvalid(f"{name} ska vara ett belopp.") from None
    if not amount.is_finite() or amount < 0 or amount >= MAX_AMOUNT or amount != amount.quantize(Decimal("0.01")):
        raise EconomyInvalid(f"{name} ska vara ett belopp från 0 med högst två decimaler.")
    return amount.quantize(Decimal("0.01"))
