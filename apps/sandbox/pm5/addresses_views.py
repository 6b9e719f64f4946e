"""PM5 'Mina sidor': temporary addresses, permanent addresses and contact details.

The writes answer a Felmeddelande (contract A02, A44): 200 with Felkod and
Meddelande null on success, 400 with both filled on a refusal. Where a refusal
concerns one field, Felkod is that field's wire name ("Postnummer", "Tom",
"Epost", ...), so a client can put the message next to the field; "Overlapp"
is a period that collides with another temporary address. Only the first
problem found is reported, field by field in the order of the seed's table.
"""

import re
from datetime import date, timedelta
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
from apps.sandbox.models import ContactDetail, ContactValidation, Customer, Lease, RentalObject, SessionKey
from apps.sandbox.models import TemporaryAddress as Address
from apps.sandbox.pm5.auth import session_required
from apps.sandbox.pm5.serializers.customer import customer_address, temporary_address
from apps.sandbox.pm5.wire import PM5, Refusal, felmeddelande
from apps.sandbox.scope import active_lease_filter

SWEDISH_POSTAL_CODE = re.compile(r"(\d{3}) ?(\d{2})")
FOREIGN_POSTAL_CODE = re.compile(r"[A-Za-z0-9][A-Za-z0-9 -]{1,9}")
PHONE = re.compile(r"\+?[\d\s\-()]{6,25}")
# How long the key of a contact detail awaiting confirmation (Validera=true) stays good.
VALIDATION_TTL = timedelta(hours=24)

SUCCESS = {"Felkod": None, "Meddelande": None}


# --- Hämta tillfälliga adresser --------------------------------------------------------


@PM5.endpoint
@PM5.allow("GET")
@session_required
def temporary_addresses(request: HttpRequest, session: SessionKey) -> HttpResponse:
    """GET /session/{Sessionsnyckel}/kund/tillfalligaadresser/?VisaAvslutade=true|false

    Current and upcoming addresses; ended ones too with VisaAvslutade=true.
    """
    show_ended = request.GET.get("VisaAvslutade", "false").strip().casefold()
    if show_ended not in {"true", "false"}:
        return felmeddelande(400, "OgiltigParameter", "VisaAvslutade ska vara true eller false.")
    addresses = session.customer.temporary_addresses.all()
    if show_ended == "false":
        addresses = addresses.filter(valid_to__gte=timezone.localdate())
    return json_response([temporary_address(a) for a in addresses])


# --- Spara tillfällig adress -----------------------------------------------------------


@PM5.endpoint
@PM5.allow("POST")
@session_required
def save_temporary_address(request: HttpRequest, session: SessionKey) -> HttpResponse:
    """POST /session/{Sessionsnyckel}/kund/sparatillfalligadress/ — create, or change with AdressId (A31).

    An AdressId that is not the customer's is 404 (A02), whether or not it exists.
    """
    try:
        body = _json_object(request)
    except BadRequest as refused:
        return PM5.bad_request(refused)
    today = timezone.localdate()
    with transaction.atomic():
        # One change at a time per customer, so two saves cannot both pass the overlap check.
        customer = Customer.objects.select_for_update().get(pk=session.customer_id)
        try:
            existing = _own_address(customer, body.get("adressid"))
        except LookupError:
            return felmeddelande(404, "AdressSaknas", "Adressen finns inte.")
        try:
            address = _address_from(body, existing or Address(customer=customer), today)
        except BadRequest as refused:
            return PM5.bad_request(refused)
        address.save()
    return json_response(SUCCESS)


def _own_address(customer: Customer, address_id: Any) -> Address | None:
    if address_id is None:
        return None
    if isinstance(address_id, bool) or not isinstance(address_id, (int, str)):
        raise LookupError
    try:
        return customer.temporary_addresses.get(pk=int(address_id))
    except (ValueError, Address.DoesNotExist):
        raise LookupError from None


def _address_from(body: dict[str, Any], address: Address, today: date) -> Address:
    """The address with the body's values, or the first Refusal; ``address`` is unsaved or unchanged."""
    is_new = address.pk is None
    original_start, original_end = address.valid_from, address.valid_to
    if not is_new and original_end < today:
        raise Refusal("Avslutad", "Adressen har upphört och kan inte ändras.")

    address.name = _text(body, "Namn", max_length=120)
    address.attention = _text(body, "Attention", max_length=120)
    address.care_of = _text(body, "CareOf", max_length=120)
    address.street = _text(body, "Gatuadress1", max_length=120, required="Ange gatuadressen.")
    address.street2 = _text(body, "Gatuadress2", max_length=120)
    postal_code = _text(body, "Postnummer", max_length=10, required="Ange postnumret.")
    address.city = _text(body, "Postort", max_length=60, required="Ange orten.")
    address.valid_from = _date(body, "Fom", required="Ange första dagen.")
    address.valid_to = _date(body, "Tom", required="Ange sista dagen.")
    address.country_code = _country(body)
    address.postal_code = _postal_code(postal_code, address.country_code)

    if address.valid_to < address.valid_from:
        raise Refusal("Tom", "Sista dagen kan inte vara före första dagen.")
    if is_new and address.valid_from < today:
        raise Refusal("Fom", "Första dagen kan inte ha passerat.")
    if not is_new and original_start <= today and address.valid_from != original_start:
        raise Refusal("Fom", "Adressen gäller redan, så första dagen kan inte ändras.")
    if not is_new and original_start > today and address.valid_from < today:
        raise Refusal("Fom", "Första dagen kan inte ha passerat.")
    if address.valid_to < today:
        raise Refusal("Tom", "Sista dagen kan inte ha passerat.")

    overlapping = (
        Address.objects.filter(customer_id=address.customer_id)
        .filter(valid_from__lte=address.valid_to, valid_to__gte=address.valid_from)
        .exclude(pk=address.pk)
        .first()
    )
    if overlapping is not None:
        raise Refusal(
            "Overlapp",
            f"Perioden överlappar en annan tillfällig adress "
            f"({overlapping.valid_from.isoformat()} – {overlapping.valid_to.isoformat()}).",
        )
    return address


def _country(body: dict[str, Any]) -> str:
    code = _text(body, "Land", max_length=2, required="Ange land.").upper()
    if code not in Address.COUNTRIES:
        raise Refusal("Land", "Landet är okänt. Ange landets ISO-kod, till exempel SE.")
    return code


def _postal_code(value: str, country_code: str) -> str:
    if country_code == "SE":
        match = SWEDISH_POSTAL_CODE.fullmatch(value)
        if match is None:
            raise Refusal("Postnummer", "Ett svenskt postnummer har fem siffror.")
        return "".join(match.groups())
    if FOREIGN_POSTAL_CODE.fullmatch(value) is None:
        raise Refusal("Postnummer", "Postnumret är inte giltigt.")
    return value


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
        body = _json_object(request)
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
        key = _text(_json_object(request), "Nyckel", max_length=100, required="Ange nyckeln.")
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


# --- SessionAdresserGet ----------------------------------------------------------------


@PM5.endpoint
@PM5.allow("GET")
@session_required
def customer_addresses(request: HttpRequest, session: SessionKey) -> HttpResponse:
    """GET [/v1]/session/{Sessionsnyckel}/kund/adresser/ (A33): kund.post and kund.besok of the home."""
    homes = (
        Lease.objects.filter(customer=session.customer, rental_object__kind=RentalObject.Kind.BOSTAD)
        .filter(active_lease_filter(timezone.localdate()))
        .select_related("rental_object__building", "customer")
    )
    return json_response([item for lease in homes for item in customer_address(lease)])


# --- reading the body ------------------------------------------------------------------


def _json_object(request: HttpRequest) -> dict[str, Any]:
    """The JSON body as an object with case-folded keys (names match in any case, A20)."""
    return {str(name).strip().casefold(): value for name, value in PM5.json_object(request).items()}


def _text(body: dict[str, Any], name: str, *, max_length: int, required: str = "") -> str:
    value = body.get(name.casefold())
    if value is not None and not isinstance(value, str):
        raise Refusal(name, "Värdet ska vara text.")
    value = (value or "").strip()
    if required and not value:
        raise Refusal(name, required)
    if len(value) > max_length:
        raise Refusal(name, f"Högst {max_length} tecken.")
    return value


def _date(body: dict[str, Any], name: str, *, required: str) -> date:
    value = _text(body, name, max_length=40, required=required)
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        raise Refusal(name, "Datumet ska skrivas ÅÅÅÅ-MM-DD.") from None


def _flag(body: dict[str, Any], name: str) -> bool:
    value = body.get(name.casefold())
    if value is None:
        return False
    if isinstance(value, bool):
        return value
    if isinstance(value, str) and value.strip().casefold() in {"true", "false"}:
        return value.strip().casefold() == "true"
    raise Refusal(name, f"{name} ska vara true eller false.")
