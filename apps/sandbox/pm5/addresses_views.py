"""PM5 'Mina sidor': temporary addresses and the permanent addresses of the home.

The writes answer a Felmeddelande (contract A02, A44): 200 with Felkod and
Meddelande null on success, 400 with both filled on a refusal. Where a refusal
concerns one field, Felkod is that field's wire name ("Postnummer", "Tom",
"Land", ...), so a client can put the message next to the field; "Overlapp"
is a period that collides with another temporary address. Only the first
problem found is reported, field by field in the order of the seed's table.
"""

import re
from datetime import date
from typing import Any

from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.utils import timezone

from apps.sandbox.http import BadRequest, json_response
from apps.sandbox.models import Customer, Lease, RentalObject, SessionKey
from apps.sandbox.models import TemporaryAddress as Address
from apps.sandbox.pm5 import fields
from apps.sandbox.pm5.auth import session_required
from apps.sandbox.pm5.serializers.customer import customer_address, temporary_address
from apps.sandbox.pm5.wire import PM5, SUCCESS, Refusal, felmeddelande
from apps.sandbox.scope import active_lease_filter

SWEDISH_POSTAL_CODE = re.compile(r"(\d{3}) ?(\d{2})")
FOREIGN_POSTAL_CODE = re.compile(r"[A-Za-z0-9][A-Za-z0-9 -]{1,9}")


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
        body = fields.read(request)
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

    address.name = fields.text(body, "Namn", max_length=120)
    address.attention = fields.text(body, "Attention", max_length=120)
    address.care_of = fields.text(body, "CareOf", max_length=120)
    address.street = fields.text(body, "Gatuadress1", max_length=120, required="Ange gatuadressen.")
    address.street2 = fields.text(body, "Gatuadress2", max_length=120)
    postal_code = fields.text(body, "Postnummer", max_length=10, required="Ange postnumret.")
    address.city = fields.text(body, "Postort", max_length=60, required="Ange orten.")
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
    code = fields.text(body, "Land", max_length=2, required="Ange land.").upper()
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


def _date(body: dict[str, Any], name: str, *, required: str) -> date:
    value = fields.text(body, name, max_length=40, required=required)
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        raise Refusal(name, "Datumet ska skrivas ÅÅÅÅ-MM-DD.") from None
