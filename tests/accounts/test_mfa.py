"""Two-step verification with an authenticator app, open to every account."""

import re

import pytest
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value, yield_hotp_counters_from_time
from django.urls import reverse

pytestmark = pytest.mark.django_db

ACTIVATE = reverse("mfa_activate_totp")


def current_code(secret: str) -> str:
    return format_hotp_value(hotp_value(secret, next(yield_hotp_counters_from_time())))


@pytest.fixture
def logged_in(client, alice):
    """Logged in through the login form (not force_login): allauth records how, and MFA asks it."""
    client.post(reverse("account_login"), {"login": "alice@example.se", "password": "Alice-password-1"})
    return client


@pytest.fixture
def reauthenticated(logged_in):
    """Changing two-step verification asks for the password again, whoever is logged in."""
    logged_in.post(reverse("account_reauthenticate"), {"password": "Alice-password-1"})
    return logged_in


def test_the_account_page_links_to_two_step_verification(logged_in):
    response = logged_in.get(reverse("account_email"))
    assert response.status_code == 200
    assert f'href="{reverse("mfa_index")}"' in response.text
    assert f'href="{reverse("account_change_password")}"' in response.text


def test_turning_the_app_on_first_asks_for_the_password_again(logged_in):
    response = logged_in.get(ACTIVATE)

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_reauthenticate"))
    page = logged_in.get(response["Location"])
    assert "Bekräfta att det är du" in page.text
    assert 'autocomplete="current-password"' in page.text


def test_the_activation_page_shows_a_qr_code_and_the_secret(reauthenticated):
    response = reauthenticated.get(ACTIVATE)

    assert response.status_code == 200
    page = response.text
    assert '<img src="data:image/svg+xml;base64,' in page
    assert response.context["form"].secret in page
    assert 'autocomplete="one-time-code"' in page
    assert 'action="/konto/2fa/totp/activate/"' in page


def test_activating_with_the_right_code_turns_it_on_and_shows_recovery_codes(reauthenticated, alice):
    secret = reauthenticated.get(ACTIVATE).context["form"].secret

    response = reauthenticated.post(ACTIVATE, {"code": current_code(secret)})

    assert response.status_code == 302
    assert response["Location"] == reverse("mfa_view_recovery_codes")
    assert Authenticator.objects.filter(user=alice, type=Authenticator.Type.TOTP).exists()
    codes_page = reauthenticated.get(response["Location"])
    assert len(re.findall(r"<li><code>\d+</code></li>", codes_page.text)) == 10


def test_a_wrong_code_is_an_error_on_the_field(reauthenticated):
    reauthenticated.get(ACTIVATE)
    response = reauthenticated.post(ACTIVATE, {"code": "000000"})

    assert response.status_code == 200
    assert "<title>Fel: " in response.text
    assert '<a href="#id_code">' in response.text


def test_with_the_app_on_logging_in_asks_for_a_code(reauthenticated, client):
    secret = reauthenticated.get(ACTIVATE).context["form"].secret
    reauthenticated.post(ACTIVATE, {"code": current_code(secret)})
    reauthenticated.post(reverse("account_logout"))

    response = client.post(reverse("account_login"), {"login": "alice@example.se", "password": "Alice-password-1"})

    assert response["Location"] == reverse("mfa_authenticate")
    page = client.get(reverse("mfa_authenticate"))
    assert "Skriv koden från appen" in page.text
    assert "_auth_user_id" not in client.session
