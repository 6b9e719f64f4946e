"""Contact details end to end: the portal, the PM5 client and the sandbox over real HTTP,
with the e-mail link sent by Celery (in-process here, a real worker in CI)."""

import pytest
from django.urls import reverse

from apps.backends.errors import BackendRefused
from apps.backends.pm5 import get_client
from apps.backends.pm5.addresses_types import ContactDetailsInput
from tests.contacts.conftest import link_in

pytestmark = pytest.mark.integration

DETAILS = reverse("contacts:details")
EDIT = reverse("contacts:edit")


def sandbox_details(customer_number: str) -> dict[str, str]:
    from apps.sandbox.models import ContactDetail

    return {d.kind: d.value for d in ContactDetail.objects.filter(customer__customer_number=customer_number)}


def form_for(customer_number: str, **changes) -> dict:
    current = sandbox_details(customer_number)
    return {
        "email": current.get("Epost", ""),
        "phone": current.get("Telefonnummer", ""),
        "mobile": current.get("Mobiltelefonnummer", ""),
    } | changes


def test_the_page_shows_the_details_from_the_backend(reauthenticated, live_sandbox):
    page = reauthenticated.get(DETAILS).text
    for value in sandbox_details(live_sandbox.alice.number).values():
        assert value in page


def test_new_phone_numbers_reach_the_backend_tidied(reauthenticated, live_sandbox):
    response = reauthenticated.post(EDIT, form_for(live_sandbox.alice.number, mobile="0701234567", phone=""))

    assert response["Location"] == DETAILS
    stored = sandbox_details(live_sandbox.alice.number)
    assert stored["Mobiltelefonnummer"] == "070-123 45 67"
    assert "Telefonnummer" not in stored
    assert "070-123 45 67" in reauthenticated.get(DETAILS).text, "the page reads the details anew"


def test_a_new_email_address_reaches_the_backend_only_after_its_link(reauthenticated, live_sandbox, mailbox):
    before = sandbox_details(live_sandbox.alice.number)["Epost"]

    reauthenticated.post(EDIT, form_for(live_sandbox.alice.number, email="kalle@nytt.example"))

    assert sandbox_details(live_sandbox.alice.number)["Epost"] == before
    assert "väntar på bekräftelse" in reauthenticated.get(DETAILS).text
    link = link_in(mailbox.wait_for("kalle@nytt.example"))

    response = reauthenticated.post(link)

    assert response["Location"] == DETAILS
    assert sandbox_details(live_sandbox.alice.number)["Epost"] == "kalle@nytt.example"
    page = reauthenticated.get(DETAILS).text
    assert "väntar på bekräftelse" not in page
    assert "Vill du logga in med kalle@nytt.example också?" in page
    assert reauthenticated.post(link).status_code == 410, "a link works once"


def test_the_client_sends_only_what_changes(live_sandbox):
    client = get_client()
    key = client.open_session(customer_number=live_sandbox.bob.number)
    before = sandbox_details(live_sandbox.bob.number)

    client.change_contact_details(key, ContactDetailsInput(mobile="070-123 45 99"))

    after = sandbox_details(live_sandbox.bob.number)
    assert after["Mobiltelefonnummer"] == "070-123 45 99"
    assert after["Epost"] == before["Epost"]


def test_the_client_turns_a_refusal_into_a_typed_error_with_the_felkod(live_sandbox):
    client = get_client()
    key = client.open_session(customer_number=live_sandbox.bob.number)
    with pytest.raises(BackendRefused) as refused:
        client.change_contact_details(key, ContactDetailsInput(email="inte-en-adress"))
    assert (refused.value.code, refused.value.status) == ("Epost", 400)
    assert refused.value.message == "E-postadressen är inte giltig."
