"""Readers for the address and contact endpoints: SessionAdress and Felmeddelande."""

from typing import Any

from apps.backends.errors import BackendRefused
from apps.backends.pm5.addresses_types import CustomerAddress
from apps.backends.pm5.codes import AddressKind
from apps.backends.pm5.parse import postal_lines
from apps.backends.wire import Wire, code


def customer_address(w: Wire) -> CustomerAddress:
    return CustomerAddress(
        kind=code(AddressKind, w.text("AdressTypReferensnamn")),
        kind_label=w.text("AdressTypBeteckning"),
        **postal_lines(w),
        full_address=w.text("FullständigAdress"),
        valid_from=w.date("Fom"),
        valid_to=w.date("Tom"),
    )


def raise_for_felmeddelande(data: Any, endpoint: str) -> None:
    """A 2xx answer is a success only when its Felmeddelande is empty (contract A02, A44).

    An empty body counts as success; {"Fel": {...}} is the seed's wrapper (A10).
    """
    if data is None:
        return
    w = Wire(data, f"PM5 {endpoint}")
    if w.has("Fel"):
        fel = w.get("Fel")
        w = Wire(fel, f"PM5 {endpoint}.Fel")
    code, message = w.text("Felkod"), w.text("Meddelande")
    if code or message:
        raise BackendRefused(message or "", code=code, status=200)
