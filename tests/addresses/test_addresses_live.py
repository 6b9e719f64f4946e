"""Temporary addresses end to end: the portal, the PM5 client and the sandbox over real HTTP."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from apps.backends.errors import BackendNotFound, BackendRefused
from apps.backends.pm5 import get_client
from apps.backends.pm5.addresses_types import TemporaryAddressInput

pytestmark = pytest.mark.integration

LIST = reverse("addresses:list")
ADD = reverse("addresses:add")


def day(offset: int):
    return timezone.localdate() + timedelta(days=offset)


def form(**changes) -> dict:
    return {
        "name": "Kalle Andersson",
        "care_of": "Lena Andersson",
        "attention": "",
        "street": "Fäbodvägen 12",
        "street2": "",
        "postal_code": "820 62",
        "city": "Bergsjö",
        "country": "SE",
        "valid_from": day(100).isoformat(),
        "valid_to": day(130).isoformat(),
    } | changes


def sandbox_addresses(customer_number: str):
    from apps.sandbox.models import TemporaryAddress

    return TemporaryAddress.objects.filter(customer__customer_number=customer_number)


@pytest.fixture
def logged_in(client, alice):
    client.force_login(alice)
    return client


def test_the_page_shows_the_tenants_addresses_from_the_backend(logged_in, live_sandbox):
    response = logged_in.get(LIST)

    assert response.status_code == 200
    assert "Strandvägen 4" in response.text, "demo customer 1 has a temporary address today"
    assert "Fäbodvägen 12" not in response.text, "the ended one only on request"
    assert "Din vanliga adress" in response.text and "Besöksadress" in response.text

    ended = logged_in.get(LIST + "?avslutade=1")
    assert "Fäbodvägen 12" in ended.text


def test_a_page_costs_no_backend_call_once_cached(logged_in, live_sandbox, backend_calls):
    logged_in.get(LIST)
    backend_calls.reset()
    logged_in.get(LIST)
    assert len(backend_calls) == 0


def test_adding_an_address_without_javascript_saves_it_in_the_backend(logged_in, live_sandbox):
    response = logged_in.post(ADD, form())

    assert response.status_code == 302
    created = sandbox_addresses(live_sandbox.alice.number).get(valid_from=day(100))
    assert (created.care_of, created.postal_code, created.valid_to) == ("Lena Andersson", "82062", day(130))
    page = logged_in.get(response["Location"]).text
    assert "Den tillfälliga adressen är sparad." in page
    assert "Fäbodvägen 12" in page, "the list is read anew after a change"


def test_ending_the_ongoing_address_today(logged_in, live_sandbox):
    ongoing = sandbox_addresses(live_sandbox.alice.number).get(street="Strandvägen 4")
    fields = form(
        street=ongoing.street,
        care_of="",
        postal_code=ongoing.postal_code,
        city=ongoing.city,
        valid_from=ongoing.valid_from.isoformat(),
        valid_to=day(0).isoformat(),
    )

    response = logged_in.post(reverse("addresses:edit", args=[ongoing.pk]), fields)

    assert response.status_code == 302
    ongoing.refresh_from_db()
    assert ongoing.valid_to == day(0)


def test_another_tenants_address_is_not_found_without_a_backend_call(logged_in, bob, live_sandbox, backend_calls):
    from apps.sandbox.models import Customer, TemporaryAddress

    theirs = TemporaryAddress.objects.create(
        customer=Customer.objects.get(customer_number=live_sandbox.bob.number),
        street="Bobs väg 1",
        postal_code="80426",
        city="Gävle",
        valid_from=day(200),
        valid_to=day(210),
    )
    logged_in.get(LIST)  # the tenant's session data is cached, as on any page after the first
    backend_calls.reset()

    assert logged_in.get(reverse("addresses:edit", args=[theirs.pk])).status_code == 404
    assert logged_in.post(reverse("addresses:edit", args=[theirs.pk]), form()).status_code == 404
    assert len(backend_calls) == 0
    theirs.refresh_from_db()
    assert theirs.street == "Bobs väg 1"


def test_a_collision_only_the_backend_knows_of_is_shown_at_the_field(logged_in, live_sandbox):
    """Another address appeared in the landlord's system after the portal read the tenant's."""
    logged_in.get(ADD)  # reads and caches the session data
    sandbox_addresses(live_sandbox.alice.number).create(
        customer_id=sandbox_addresses(live_sandbox.alice.number).first().customer_id,
        street="Sjövägen 8",
        postal_code="81491",
        city="Furuvik",
        valid_from=day(110),
        valid_to=day(120),
    )

    response = logged_in.post(ADD, form())

    assert response.status_code == 200
    assert '<a href="#id_valid_from">Perioden överlappar en annan tillfällig adress' in response.text
    assert 'id="id_valid_from_error"' in response.text
    assert 'value="Lena Andersson"' in response.text, "nothing typed is lost"


# --- the PM5 client ---------------------------------------------------------------------------


def test_the_client_reads_the_temporary_addresses_with_and_without_ended_ones(live_sandbox):
    client = get_client()
    key = client.open_session(customer_number=live_sandbox.alice.number)
    current = client.temporary_addresses(key)
    everything = client.temporary_addresses(key, include_ended=True)
    assert [a.street for a in current] == ["Strandvägen 4"]
    assert len(everything) == 2
    assert everything[0].valid_to < day(0)


def test_the_client_turns_a_refusal_into_a_typed_error_with_the_felkod(live_sandbox):
    client = get_client()
    key = client.open_session(customer_number=live_sandbox.alice.number)
    address = TemporaryAddressInput(
        address_id=None, name="", care_of="", attention="", street="Fäbodvägen 12", street2="",
        postal_code="82062", city="Bergsjö", country_code="SE", valid_from=day(130), valid_to=day(100),
    )  # fmt: skip

    with pytest.raises(BackendRefused) as refused:
        client.save_temporary_address(key, address)

    assert (refused.value.code, refused.value.status) == ("Tom", 400)
    assert refused.value.message == "Sista dagen kan inte vara före första dagen."


def test_the_client_reports_another_customers_address_as_not_found(live_sandbox):
    client = get_client()
    key = client.open_session(customer_number=live_sandbox.bob.number)
    kalles = sandbox_addresses(live_sandbox.alice.number).get(street="Strandvägen 4")
    address = TemporaryAddressInput(
        address_id=kalles.pk, name="", care_of="", attention="", street="Bobs väg 1", street2="",
        postal_code="80426", city="Gävle", country_code="SE", valid_from=day(100), valid_to=day(130),
    )  # fmt: skip
    with pytest.raises(BackendNotFound):
        client.save_temporary_address(key, address)


def test_the_client_reads_the_permanent_addresses(live_sandbox):
    client = get_client()
    key = client.open_session(customer_number=live_sandbox.alice.number)
    post, visit = client.customer_addresses(key)
    assert (post.kind, visit.kind) == ("kund.post", "kund.besok")
    assert post.street2 and post.street2.startswith("Lgh")
    assert post.full_address and post.full_address.endswith("Gävle")
