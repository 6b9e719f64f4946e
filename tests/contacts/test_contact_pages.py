"""The contact-details pages against a recorded backend: the password first, what is sent when,
and the e-mail link (expired, altered, reused, replaced, someone else's)."""

import re
from types import SimpleNamespace

import pytest
from django.core import mail, signing
from django.urls import reverse

from apps.backends.errors import BackendRefused, BackendUnavailable
from apps.backends.pm5.addresses_types import ContactDetailsInput
from apps.contacts import services
from apps.contacts.models import EmailChange
from tests.contacts.conftest import ALICE_PASSWORD, link_in

DETAILS = reverse("contacts:details")
EDIT = reverse("contacts:edit")
CANCEL = reverse("contacts:cancel_email_change")
HTMX = {"HX-Request": "true"}
REAUTHENTICATE = reverse("account_reauthenticate")


def details(**changes) -> dict:
    return {"email": "kalle.andersson@example.se", "phone": "08-465 004 63", "mobile": "070-174 06 18"} | changes


@pytest.fixture
def change_email(reauthenticated, backend, django_capture_on_commit_callbacks):
    """Ask for a new e-mail address; return the path of the link in the e-mail that is sent."""

    def change(new: str = "kalle@nytt.example") -> str:
        with django_capture_on_commit_callbacks(execute=True):
            response = reauthenticated.post(EDIT, details(email=new))
        assert response.status_code == 302
        message = next(m for m in reversed(mail.outbox) if m.to == [new])
        return link_in(message.body)

    return change


# --- access ------------------------------------------------------------------------------


@pytest.mark.parametrize("url", [DETAILS, EDIT])
def test_an_anonymous_visitor_is_sent_to_log_in(client, url):
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


def test_a_staff_account_without_a_customer_sees_no_contact_details(client, staff):
    client.force_login(staff)
    assert client.get(DETAILS).status_code == 403


@pytest.mark.parametrize(("method", "url"), [("post", DETAILS), ("put", EDIT), ("get", CANCEL), ("delete", DETAILS)])
def test_other_methods_are_not_allowed(reauthenticated, backend, method, url):
    assert getattr(reauthenticated, method)(url).status_code == 405


# --- the page ----------------------------------------------------------------------------


def test_the_page_shows_the_details_and_explains_the_login_address(logged_in, backend):
    response = logged_in.get(DETAILS)

    page = response.text
    assert response.status_code == 200
    assert "kalle.andersson@example.se" in page and "070-174 06 18" in page and "08-465 004 63" in page
    assert "Du loggar in på Mina sidor med <strong>alice@example.se</strong>" in page
    assert "inte samma sak som e-postadressen hos hyresvärden" in page
    assert "Vill du logga in med kalle.andersson@example.se också?" in page
    assert f'href="{reverse("account_email")}"' in page
    assert f'href="{EDIT}" hx-get="{EDIT}"' in page
    assert 'hx-history="false"' in page
    assert "no-store" in response["Cache-Control"]
    assert backend.calls == []


def test_a_backend_that_is_down_gets_a_calm_page(logged_in, alice, settings, unreachable):
    settings.PM5_BASE_URL = f"{unreachable}/pm5"
    response = logged_in.get(DETAILS)
    assert response.status_code == 503
    assert "Vi kan inte visa dina kontaktuppgifter just nu" in response.text


# --- the password again ------------------------------------------------------------------------


def test_changing_asks_for_the_password_again_first(logged_in, backend):
    response = logged_in.get(EDIT)
    assert response.status_code == 302
    assert response["Location"] == f"{REAUTHENTICATE}?next=%2Fkontaktuppgifter%2Fandra%2F"

    response = logged_in.post(response["Location"], {"password": ALICE_PASSWORD, "next": EDIT})
    assert response["Location"] == EDIT
    assert 'name="mobile"' in logged_in.get(EDIT).text


def test_a_wrong_password_changes_nothing(logged_in, backend):
    logged_in.post(EDIT, details(mobile="0701234567"))
    response = logged_in.post(REAUTHENTICATE, {"password": "wrong", "next": EDIT})
    assert response.status_code == 200
    assert "Lösenordet är fel." in response.text
    assert backend.calls == []


def test_a_change_sent_before_the_password_is_carried_out_after_it(logged_in, backend):
    """Nothing typed is lost: allauth keeps the interrupted POST and runs it after the password."""
    response = logged_in.post(EDIT, details(mobile="0701234567"))
    assert response["Location"].startswith(REAUTHENTICATE)
    assert backend.calls == []

    response = logged_in.post(response["Location"], {"password": ALICE_PASSWORD, "next": EDIT})

    assert response.status_code == 302
    assert response["Location"] == DETAILS
    assert backend.calls == [ContactDetailsInput(email=None, phone=None, mobile="070-123 45 67")]


def test_htmx_without_a_fresh_password_reloads_the_whole_page(logged_in, backend):
    response = logged_in.get(EDIT, headers=HTMX)
    assert response.status_code == 200
    assert response["HX-Redirect"] == EDIT
    assert "<form" not in response.text


def test_a_per_field_check_needs_no_password_and_changes_nothing(logged_in, backend):
    response = logged_in.post(EDIT, details(mobile="123"), headers=HTMX | {"HX-Trigger-Name": "mobile"})

    assert response.status_code == 200
    fragment = response.text.strip()
    assert fragment.startswith('<div class="field field-error">')
    assert "Skriv ett telefonnummer som går att ringa" in fragment
    assert 'value="123"' in fragment and 'aria-invalid="true"' in fragment
    assert 'name="email"' not in fragment
    assert backend.calls == []


def test_a_check_of_something_that_is_not_a_field_is_a_bad_request(logged_in, backend):
    response = logged_in.post(EDIT, details(), headers=HTMX | {"HX-Trigger-Name": "password"})
    assert response.status_code == 400


# --- saving --------------------------------------------------------------------------------


def test_htmx_gets_the_form_in_place_of_the_details(reauthenticated, backend):
    response = reauthenticated.get(EDIT, headers=HTMX)
    assert response.text.lstrip().startswith('<section id="contact-details"')
    assert f'action="{EDIT}"' in response.text
    assert "<html" not in response.text


def test_new_phone_numbers_are_sent_tidied_and_the_email_is_left_alone(reauthenticated, backend):
    response = reauthenticated.post(EDIT, details(phone="", mobile="+47 412 34 567"))

    assert response["Location"] == DETAILS
    assert backend.calls == [ContactDetailsInput(email=None, phone="", mobile="+47 41 23 45 67")]
    assert "Dina kontaktuppgifter är sparade." in reauthenticated.get(DETAILS).text


def test_sending_the_form_unchanged_says_so_and_sends_nothing(reauthenticated, backend):
    reauthenticated.post(EDIT, details())
    assert backend.calls == []
    assert "Du ändrade ingenting, så inget har sparats." in reauthenticated.get(DETAILS).text


def test_a_mistake_is_shown_at_the_field_and_nothing_typed_is_lost(reauthenticated, backend):
    response = reauthenticated.post(EDIT, details(email="kalle@", mobile="08-465 004 99"))

    page = response.text
    assert response.status_code == 200
    assert "<title>Fel: Ändra kontaktuppgifter" in page
    assert '<a href="#id_email">Skriv e-postadressen som namn@exempel.se.</a>' in page
    assert '<a href="#id_mobile">Det här ser ut som ett fast telefonnummer.' in page
    assert 'value="kalle@"' in page and 'value="08-465 004 99"' in page
    assert backend.calls == []


def test_a_backend_refusal_is_shown_at_the_field_it_names(reauthenticated, backend):
    backend.error = BackendRefused("Numret är spärrat.", code="Mobiltelefonnummer", status=400)

    response = reauthenticated.post(EDIT, details(mobile="0701234567"))

    assert '<a href="#id_mobile">Numret är spärrat.</a>' in response.text
    assert 'id="id_mobile_error"' in response.text
    assert 'value="0701234567"' in response.text


def test_a_backend_that_fails_while_saving_keeps_what_was_typed_and_sends_no_link(reauthenticated, backend):
    backend.error = BackendUnavailable("down")

    response = reauthenticated.post(EDIT, details(email="kalle@nytt.example", mobile="0701234567"))

    assert response.status_code == 503
    assert "Det du skrev finns kvar" in response.text
    assert 'value="kalle@nytt.example"' in response.text and 'value="0701234567"' in response.text
    assert not EmailChange.objects.exists()


def test_an_unreachable_backend_while_saving_keeps_what_was_typed(reauthenticated, settings, unreachable):
    settings.PM5_BASE_URL = f"{unreachable}/pm5"
    response = reauthenticated.post(EDIT, details(mobile="0701234567"))
    assert response.status_code == 503
    assert 'value="0701234567"' in response.text


# --- a new e-mail address and its link ----------------------------------------------------------


def test_a_new_email_address_waits_for_its_link(change_email, reauthenticated, backend):
    link = change_email("kalle@nytt.example")

    assert backend.calls == [], "the landlord hears of the address only once the link is followed"
    (message,) = mail.outbox
    assert message.subject == "Mina sidor: Bekräfta din nya e-postadress"
    assert "använda kalle@nytt.example" in message.body
    assert link.startswith("/kontaktuppgifter/bekrafta/")
    page = reauthenticated.get(DETAILS).text
    assert "kalle@nytt.example väntar på bekräftelse" in page
    assert "Vi har skickat en länk till kalle@nytt.example." in page


def test_the_link_is_sent_only_once_the_change_is_committed(reauthenticated, backend):
    reauthenticated.post(EDIT, details(email="kalle@nytt.example"))
    assert mail.outbox == [], "a rolled-back change sends no link"
    assert EmailChange.objects.get().email == "kalle@nytt.example"


def test_following_the_link_asks_then_confirms_the_change_to_the_backend(change_email, reauthenticated, backend):
    link = change_email()

    page = reauthenticated.get(link)
    assert page.status_code == 200
    assert "Ska hyresvärden använda <strong>kalle@nytt.example</strong>" in page.text
    assert f'action="{link}"' in page.text
    assert backend.calls == [], "opening the link (or a mail scanner doing so) changes nothing"

    response = reauthenticated.post(link)

    assert response["Location"] == DETAILS
    assert backend.calls == [ContactDetailsInput(email="kalle@nytt.example")]
    assert EmailChange.objects.get().confirmed_at is not None
    details_page = reauthenticated.get(DETAILS).text
    assert "Klart! Hyresvärden har nu kalle@nytt.example som din e-postadress." in details_page
    assert "väntar på bekräftelse" not in details_page


def test_a_link_works_only_once(change_email, reauthenticated, backend):
    link = change_email()
    reauthenticated.post(link)

    for response in (reauthenticated.get(link), reauthenticated.post(link)):
        assert response.status_code == 410
        assert "Länken har redan använts" in response.text
    assert len(backend.calls) == 1


def test_an_expired_link_says_so_and_changes_nothing(change_email, reauthenticated, backend, monkeypatch):
    change_email()
    change = EmailChange.objects.get()
    a_day_and_more_ago = signing.time.time() - services.LINK_MAX_AGE.total_seconds() - 60
    monkeypatch.setattr(signing, "time", SimpleNamespace(time=lambda: a_day_and_more_ago))
    old_link = reverse("contacts:confirm", args=[services.link_token(change)])
    monkeypatch.undo()

    for response in (reauthenticated.get(old_link), reauthenticated.post(old_link)):
        assert response.status_code == 410
        assert "Länken har gått ut." in response.text
    assert backend.calls == []
    assert EmailChange.objects.get().confirmed_at is None


@pytest.mark.parametrize("tamper", ["payload", "signature", "cut"])
def test_an_altered_link_says_so_and_changes_nothing(change_email, reauthenticated, backend, tamper):
    link = change_email()
    token = link.rstrip("/").rsplit("/", 1)[1]
    payload, _, rest = token.partition(":")
    if tamper == "payload":
        forged = signing.b64_encode(b'{"change":424242}').decode() + ":" + rest
    elif tamper == "signature":
        forged = token[:-2] + ("AA" if not token.endswith("AA") else "BB")
    else:
        forged = payload
    bad_link = reverse("contacts:confirm", args=[forged])

    response = reauthenticated.post(bad_link)

    assert response.status_code == 400
    assert "Länken är inte hel eller har ändrats." in response.text
    assert backend.calls == []


def test_another_tenants_link_is_not_found(change_email, client, bob_account, backend):
    link = change_email()
    client.force_login(bob_account)
    assert client.get(link).status_code == 404
    assert client.post(link).status_code == 404
    assert backend.calls == []


def test_asking_again_retires_the_earlier_link(change_email, reauthenticated, backend):
    first = change_email("kalle@forsta.example")
    second = change_email("kalle@andra.example")

    response = reauthenticated.post(first)
    assert response.status_code == 410
    assert "Länken gäller inte längre" in response.text
    assert reauthenticated.post(second).status_code == 302
    assert backend.calls == [ContactDetailsInput(email="kalle@andra.example")]


def test_withdrawing_the_change_retires_the_link(change_email, reauthenticated, backend):
    link = change_email()

    response = reauthenticated.post(CANCEL)

    assert response["Location"] == DETAILS
    page = reauthenticated.get(DETAILS).text
    assert "Ändringen av e-postadressen är avbruten." in page
    assert "väntar på bekräftelse" not in page
    assert reauthenticated.post(link).status_code == 410


def test_a_backend_that_fails_at_the_link_keeps_the_link_good(change_email, reauthenticated, backend):
    link = change_email()
    backend.error = BackendUnavailable("down")

    response = reauthenticated.post(link)
    assert response.status_code == 503
    assert "Länken fungerar fortfarande" in response.text
    assert EmailChange.objects.get().confirmed_at is None

    backend.error = None
    assert reauthenticated.post(link).status_code == 302
    assert EmailChange.objects.get().confirmed_at is not None


def test_a_backend_refusal_at_the_link_is_told(change_email, reauthenticated, backend):
    link = change_email()
    backend.error = BackendRefused("Adressen är spärrad.", code="Epost", status=400)
    response = reauthenticated.post(link)
    assert response.status_code == 400
    assert "Hyresvärdens system tog inte emot adressen: Adressen är spärrad." in response.text


def test_the_link_needs_the_tenant_logged_in(change_email, client, backend):
    link = change_email()
    client.logout()
    response = client.get(link)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


def test_clearing_the_email_address_needs_no_link(reauthenticated, backend):
    reauthenticated.post(EDIT, details(email=""))
    assert backend.calls == [ContactDetailsInput(email="", phone=None, mobile=None)]
    assert not EmailChange.objects.exists()


@pytest.fixture
def bob_account(db):
    from apps.accounts.services import create_linked_account

    return create_linked_account(email="bob@example.se", password="Bob-password-1", customer_number="15561")


def test_the_form_swapped_in_place_takes_the_focus(reauthenticated, backend):
    response = reauthenticated.get(EDIT, headers=HTMX)
    assert re.search(r'<input type="email" name="email"[^>]*autofocus', response.text)
    assert response.text.count("autofocus") == 1
