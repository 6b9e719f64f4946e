"""Kund (seed 7.4, 7.4.1): a customer's name and contact details, read and changed by staff.

The contact details are the ones PM5 keeps (ContactDetail), so a change made
here is what the tenant sees on Mina sidor. PM5 keeps an e-mail address, a home
phone and a mobile: FAST2's telefon types Bostad and Mobil. The seed's other
two types (Arbete, Avflyttad: 001:943) are kept with the customer in the
sandbox only, so PM5 does not show them to the tenant.

``nummer`` is the personnummer ("Generellt personnummer", 001:902); the
lookup by kundnummer is by the customer number. A personnummer must never
reach a log line or URL: the sandbox only answers it in a JSON body.

PUT is the contract's reading (ambiguity 12): epostAdress is set when sent
("" removes it), each sent telefon is upserted by typ (an empty telefonNr
removes it), types not sent stay. A value staff enter is not validated by its
owner, as in PM5's Ändra kontaktuppgift.
"""

import re
from typing import Any

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.http import HttpRequest, HttpResponse

from apps.sandbox.fast2 import auth
from apps.sandbox.fast2.wire import FAST2, answer, error, ok
from apps.sandbox.http import BadRequest
from apps.sandbox.models import ContactDetail, Customer

PHONE_KINDS = {"Bostad": ContactDetail.Kind.TELEFON, "Mobil": ContactDetail.Kind.MOBIL}
OTHER_PHONE_TYPES = ("Arbete", "Avflyttad")
PHONE = re.compile(r"\+?[0-9 ()-]{6,30}")


def kund(customer: Customer) -> dict[str, Any]:
    details = {d.kind: d.value for d in customer.contact_details.all()}
    return {
        "id": customer.pk,
        "nummer": customer.personnummer,
        "namnHela": customer.full_name,
        "kommunikation": {
            "epostAdress": details.get(ContactDetail.Kind.EPOST),
            "telefon": [
                {"typ": typ, "telefonNr": details[kind]} for typ, kind in PHONE_KINDS.items() if kind in details
            ]
            + [
                {"typ": typ, "telefonNr": customer.other_phones[typ]}
                for typ in OTHER_PHONE_TYPES
                if customer.other_phones.get(typ)
            ],
        },
    }


@FAST2.endpoint
@auth.resource_required
@FAST2.allow("GET")
def customer_detail(request: HttpRequest, customer_id: str, resource: auth.Resource) -> HttpResponse:
    customer = Customer.objects.filter(pk=int(customer_id)).first() if customer_id.isdigit() else None
    if customer is None:
        return error(404, "NotFound", f"Kund {customer_id} finns inte.")
    return answer(kund(customer))


@FAST2.endpoint
@auth.resource_required
@FAST2.allow("GET")
def customer_by_number(request: HttpRequest, customer_number: str, resource: auth.Resource) -> HttpResponse:
    customer = Customer.objects.filter(customer_number=customer_number).first()
    if customer is None:
        return error(404, "NotFound", "Det finns ingen kund med det kundnumret.")
    return answer(kund(customer))


@FAST2.endpoint
@auth.resource_required
@FAST2.allow("PUT")
def contact_details(request: HttpRequest, customer_id: str, resource: auth.Resource) -> HttpResponse:
    customer = Customer.objects.filter(pk=int(customer_id)).first() if customer_id.isdigit() else None
    if customer is None:
        return error(404, "NotFound", f"Kund {customer_id} finns inte.")
    try:
        changes = _changes(FAST2.json_object(request))
    except BadRequest as exc:
        return error(400, "BadRequest", str(exc))
    with transaction.atomic():
        for kind, value in changes.items():
            if kind in OTHER_PHONE_TYPES:
                customer.other_phones = {t: n for t, n in (customer.other_phones | {kind: value}).items() if n}
                customer.save(update_fields=["other_phones"])
            else:
                ContactDetail.store(customer, kind, value)
    return ok()


def _changes(body: dict[str, Any]) -> dict[str, str]:
    """ContactDetail kind (or Arbete/Avflyttad) → new value ("" removes), for what the body names."""
    changes: dict[str, str] = {}
    if body.get("epostAdress") is not None:
        email = _text(body["epostAdress"], "epostAdress")
        if email:
            try:
                validate_email(email)
            except ValidationError:
                raise BadRequest("epostAdress är inte en giltig e-postadress.") from None
        changes[ContactDetail.Kind.EPOST] = email
    phones = body.get("telefon")
    if phones is None:
        return changes
    if isinstance(phones, dict):
        phones = [phones]
    if not isinstance(phones, list):
        raise BadRequest("telefon ska vara en lista med {typ, telefonNr}.")
    seen = set()
    for phone in phones:
        typ = phone.get("typ") if isinstance(phone, dict) else None
        if typ not in PHONE_KINDS and typ not in OTHER_PHONE_TYPES:
            raise BadRequest("telefon.typ ska vara Arbete, Avflyttad, Bostad eller Mobil.")
        if typ in seen:
            raise BadRequest(f"telefon.typ {typ} förekommer mer än en gång.")
        seen.add(typ)
        number = _text(phone.get("telefonNr"), "telefonNr")
        if number and (PHONE.fullmatch(number) is None or sum(c.isdigit() for c in number) < 6):
            raise BadRequest(f"telefonNr för {typ} är inte ett giltigt telefonnummer.")
        changes[PHONE_KINDS.get(typ, typ)] = number
    return changes


def _text(value: Any, name: str) -> str:
    if value is None:
        return ""
    if not isinstance(value, str):
        raise BadRequest(f"{name} ska vara text.")
    return value.strip()
