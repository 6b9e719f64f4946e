"""PM5 'Mina sidor': Ändra kontaktuppgift, and confirming a new e-mail address.

The writes answer a Felmeddelande (contract A02, A44): 200 with Felkod and
Meddelande null on success, 400 with both filled on a refusal, Felkod naming
the field ("Epost", "Telefonnummer", "ValideringsUrl", ...).
"""

import re
from datetime import timedelta
from typing import Any
from urllib.parse import urlsplit

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.core.validators import validate_email
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.utils import timezone

from apps.sandbox.http import BadRequest, json_response
from apps.sandbox.models import ContactDetail, ContactValidation, Customer, SessionKey
from apps.sandbox.pm5 import fields
from apps.sandbox.pm5.auth import session_required
from apps.sandbox.pm5.wire import PM5, SUCCESS, Refusal, felmeddelande

PHONE = re.compile(r"\+?[\d\s\-()]{6,25}")
# How long the key of a contact detail awaiting confirmation (Validera=true) stays good.
VALIDATION_TTL = timedelta(hours=24)


# --- Ändra kontaktuppgift --------------------------------------------------------------


@PM5.endpoint
@PM5.allow("POST")
@session_required
def change_contact_details(request: HttpRequest, session: SessionKey) -> HttpResponse:
    """POST /session/{Sessionsnyckel}/andrakontaktuppgift/ (A32).

    A null or absent value leaves that detail as it is; "" removes it. With
    Validera=true a new e-mail address waits until the link sent to it is
    followed (ValideringsUrl with {0} replaced by a one-time key, confirmed at
    .../andrakontaktuppgift/validera/); phone numbers are stored at once but
    stay unvalidated, since the sandbox sends no SMS. With Validera=false every
    value is stored at once, unvalidated.
    """
    try:
        body = fields.read(request)
        email = _contact(body, "Epost", _check_email)
        phone = _contact(body, "Telefonnummer", _check_phone)
        mobile = _contact(body, "Mobiltelefonnummer", _check_phone)
        validate = _flag(body, "Validera")
        url = _validation_url(body) if validate and email else None
    except BadRequest as refused:
        return PM5.bad_request(refused)

    customer = session.customer
    now = timezone.now()
    with transaction.atomic():
        _store(customer, ContactDetail.Kind.TELEFON, phone)
        _store(customer, ContactDetail.Kind.MOBIL, mobile)
        if url is None or _is_validated(customer, ContactDetail.Kind.EPOST, email):
            _store(customer, ContactDetail.Kind.EPOST, email)
            return json_response(SUCCESS)
        key = ContactValidation.issue(customer, ContactDetail.Kind.EPOST, email, now=now, ttl=VALIDATION_TTL)
        link = url.replace("{0}", key)
        transaction.on_commit(lambda: _send_validation_mail(email, link))
    return json_response(SUCCESS)


@PM5.endpoint
@PM5.allow("POST")
@session_required
def confirm_contact_detail(request: HttpRequest, session: SessionKey) -> HttpResponse:
    """POST /session/{Sessionsnyckel}/andrakontaktuppgift/validera/ — not in the seed.

    The smallest way to follow up Validera=true (A32): body {"Nyckel": "<the key
    that replaced {0}>"}. 200 with an empty Felmeddelande applies the value as
    validated; a key that is unknown, another customer's, used, replaced by a
    newer change or older than 24 hours is one and the same 404 NyckelSaknas.
    """
    try:
        key = fields.text(fields.read(request), "Nyckel", max_length=100, required="Ange nyckeln.")
    except BadRequest as refused:
        return PM5.bad_request(refused)
    with transaction.atomic():
        validation = ContactValidation.redeem(session.customer, key, now=timezone.now())
        if validation is None:
            return felmeddelande(404, "NyckelSaknas", "Länken är ogiltig, har redan använts eller har gått ut.")
        ContactDetail.objects.update_or_create(
            customer=session.customer,
            kind=validation.kind,
            defaults={"value": validation.value, "validated": True},
        )
    return json_response(SUCCESS)


def _contact(body: dict[str, Any], name: str, check) -> str | None:
    value = body.get(name.casefold())
    if value is None:
        return None
    if not isinstance(value, str):
        raise Refusal(name, "Värdet ska vara text.")
    value = value.strip()
    return check(name, value) if value else ""


def _check_email(name: str, value: str) -> str:
    try:
        validate_email(value)
    except ValidationError:
        raise Refusal(name, "E-postadressen är inte giltig.") from None
    return value


def _check_phone(name: str, value: str) -> str:
    if PHONE.fullmatch(value) is None or sum(c.isdigit() for c in value) < 6:
        raise Refusal(name, "Telefonnumret är inte giltigt.")
    return value


def _validation_url(body: dict[str, Any]) -> str:
    url = body.get("valideringsurl")
    if not isinstance(url, str) or "{0}" not in url or urlsplit(url).scheme not in {"http", "https"}:
        raise Refusal("ValideringsUrl", "ValideringsUrl ska vara en http(s)-adress med {0} där nyckeln ska stå.")
    return url


def _is_validated(customer: Customer, kind: str, value: str) -> bool:
    return ContactDetail.objects.filter(customer=customer, kind=kind, value=value, validated=True).exists()


def _store(customer: Customer, kind: str, value: str | None) -> None:
    """None leaves the detail as it is (A32); otherwise as ContactDetail.store."""
    if value is not None:
        ContactDetail.store(customer, kind, value)


def _send_validation_mail(address: str, link: str) -> None:
    """The landlord's system sends this itself; the sandbox uses the site's mailer."""
    send_mail(
        "Bekräfta din e-postadress",
        "Hej!\n\nDu har angett den här e-postadressen som kontaktuppgift hos din hyresvärd. "
        f"Följ länken för att bekräfta den:\n\n{link}\n\nLänken gäller i 24 timmar.\n",
        settings.DEFAULT_FROM_EMAIL,
        [address],
    )


def _flag(body: dict[str, Any], name: str) -> bool:
    value = body.get(name.casefold())
    if value is None:
        return False
    if isinstance(value, bool):
        return value
    if isinstance(value, str) and value.strip().casefold() in {"true", "false"}:
        return value.strip().casefold() == "true"
    raise Refusal(name, f"{name} ska vara true eller false.")
