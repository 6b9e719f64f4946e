"""e-ID login over real HTTP: the portal, allauth's OpenID Connect client and the sandbox's provider.

The personnummer proved by the e-ID finds the backend customer (no code needed): a
linked customer gets their account, one without an account gets a new one linked
at once, and every failure ends on the login page with a clear message and no account.
"""

import json
from io import StringIO

import pytest
from allauth.socialaccount.models import SocialAccount
from cryptography.hazmat.primitives.asymmetric import rsa
from django.contrib.auth import get_user_model
from django.contrib.sessions.models import Session
from django.core.management import call_command

from apps.accounts.models import CustomerLink, LinkAttempt
from portal.settings import eid_providers
from tests.accounts.eid_browser import EidBrowser

User = get_user_model()
TOLVAN = "191212121212"  # Skatteverket's test person: valid, and no customer of the sandbox
FAILED = "Inloggningen med e-legitimation gick inte att slutföra. Försök igen."


@pytest.fixture
def browser(live_sandbox, live_server, settings) -> EidBrowser:
    settings.SOCIALACCOUNT_PROVIDERS = eid_providers(f"{live_server.url}/sandbox/oidc")
    return EidBrowser(live_server.url)


def on_login_page_saying(response, message: str) -> bool:
    return response.url.endswith("/konto/login/") and message in response.text


@pytest.mark.integration
def test_a_customer_without_an_account_gets_one_linked_at_once(browser, live_sandbox):
    response = browser.identify(live_sandbox.unlinked.personnummer)

    assert response.status_code == 200
    assert response.url == f"{browser.base_url}/"
    assert f"Du har loggat in som kundnummer {live_sandbox.unlinked.number}." in response.text
    link = CustomerLink.objects.get(customer_number=live_sandbox.unlinked.number)
    assert not link.user.has_usable_password()
    assert SocialAccount.objects.get(user=link.user).provider == "eid"
    attempt = LinkAttempt.objects.get(outcome=LinkAttempt.Outcome.EID_LINKED)
    assert (attempt.customer_number, attempt.user) == (live_sandbox.unlinked.number, link.user)
    assert attempt.personnummer_hash


@pytest.mark.integration
def test_a_linked_customer_logs_into_their_own_account_every_time(browser, live_sandbox, alice):
    browser.identify(live_sandbox.alice.personnummer)
    browser.http.cookies.clear()
    response = browser.identify(live_sandbox.alice.personnummer)

    assert response.url == f"{browser.base_url}/"
    assert SocialAccount.objects.get().user == alice
    assert LinkAttempt.objects.filter(outcome=LinkAttempt.Outcome.EID_LOGIN, user=alice).count() == 2
    assert User.objects.count() == 1


@pytest.mark.integration
def test_an_unknown_personnummer_gets_a_clear_message_and_no_account(browser):
    response = browser.identify(TOLVAN)

    assert on_login_page_saying(response, "Vi hittar ingen hyresgäst med ditt personnummer.")
    assert not User.objects.exists()
    assert not SocialAccount.objects.exists()
    attempt = LinkAttempt.objects.get()
    assert (attempt.outcome, attempt.customer_number) == (LinkAttempt.Outcome.EID_UNKNOWN, "")


@pytest.mark.integration
def test_a_wrong_state_is_refused(browser, live_sandbox):
    response = browser.identify(live_sandbox.unlinked.personnummer, state="not-the-state-we-sent")

    assert on_login_page_saying(response, FAILED)
    assert not CustomerLink.objects.exists()


@pytest.mark.integration
def test_an_expired_id_token_is_refused(browser, live_sandbox, monkeypatch):
    monkeypatch.setattr("apps.sandbox.oidc.tokens.ID_TOKEN_SECONDS", -60)

    response = browser.identify(live_sandbox.unlinked.personnummer)

    assert on_login_page_saying(response, FAILED)
    assert not CustomerLink.objects.exists()


@pytest.mark.integration
def test_an_id_token_with_a_bad_signature_is_refused(browser, live_sandbox, monkeypatch):
    # Signed with another key under the published key's id: only checking the signature tells.
    other_key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    monkeypatch.setattr("apps.sandbox.oidc.tokens.signing_key", lambda: other_key)

    response = browser.identify(live_sandbox.unlinked.personnummer)

    assert on_login_page_saying(response, FAILED)
    assert not CustomerLink.objects.exists()


@pytest.mark.integration
def test_cancelling_at_the_provider_goes_back_to_the_login_page(browser):
    response = browser.cancel()

    assert on_login_page_saying(response, "Du avbröt inloggningen med e-legitimation.")


@pytest.mark.integration
def test_the_personnummer_is_not_stored_logged_or_put_in_a_url(browser, live_sandbox, alice, caplog):
    caplog.set_level("DEBUG")
    browser.identify(live_sandbox.unlinked.personnummer)
    browser.identify(live_sandbox.alice.personnummer)
    browser.identify(TOLVAN)

    for personnummer in (live_sandbox.unlinked.personnummer, live_sandbox.alice.personnummer, TOLVAN):
        forms = (personnummer, f"{personnummer[:8]}-{personnummer[8:]}", personnummer[2:])
        extra_data = json.dumps([a.extra_data for a in SocialAccount.objects.all()])
        uids = [a.uid for a in SocialAccount.objects.all()]
        portal_rows = _dump_without_the_sandbox()
        sessions = json.dumps([s.get_decoded() for s in Session.objects.all()], default=str)
        for form in forms:
            assert form not in extra_data and form not in "".join(uids)
            assert form not in portal_rows
            assert form not in sessions
            assert not any(form in url for url in browser.visited)
            assert not any(form in record.getMessage() for record in caplog.records)


def _dump_without_the_sandbox() -> str:
    """Every row of the portal's own tables (the sandbox's hold personnummer by design: they are the backend)."""
    out = StringIO()
    call_command("dumpdata", exclude=["sandbox"], stdout=out)
    return out.getvalue()


def test_the_login_page_offers_e_id_above_the_e_mail_login_when_it_is_configured(client, db):
    page = client.get("/konto/login/").text

    assert 'action="/konto/oidc/eid/login/"' in page
    assert page.index("Logga in med BankID eller Freja eID") < page.index('name="password"')


def test_the_login_page_has_no_e_id_button_when_it_is_not_configured(client, db, settings):
    settings.SOCIALACCOUNT_PROVIDERS = eid_providers("")

    page = client.get("/konto/login/").text

    assert "BankID" not in page
    assert client.post("/konto/oidc/eid/login/").status_code == 404
