"""The session-timeout warning: the seconds left on every page, and the endpoint that extends them."""

from datetime import timedelta

import pytest
from django.contrib.sessions.models import Session
from django.urls import reverse
from django.utils import timezone

pytestmark = pytest.mark.django_db

EXTEND = reverse("accounts:extend_session")
JSON = {"HTTP_ACCEPT": "application/json"}


def _expiry(client) -> timezone.datetime:
    return Session.objects.get(session_key=client.session.session_key).expire_date


def _ending_soon(client) -> None:
    Session.objects.filter(session_key=client.session.session_key).update(
        expire_date=timezone.now() + timedelta(seconds=60)
    )


def test_it_extends_a_signed_in_session_and_tells_the_seconds_left(client, alice, settings):
    settings.SESSION_COOKIE_AGE = 600
    client.force_login(alice)
    _ending_soon(client)

    response = client.post(EXTEND, **JSON)

    assert response.status_code == 200
    assert response.json() == {"expires_in": 600}
    assert _expiry(client) > timezone.now() + timedelta(seconds=590)
    assert "no-cache" in response["Cache-Control"]


def test_a_plain_form_post_extends_and_goes_back_to_the_page(client, alice):
    client.force_login(alice)
    _ending_soon(client)

    response = client.post(EXTEND, {"next": "/fakturor/"})

    assert response.status_code == 302
    assert response["Location"] == "/fakturor/"
    assert _expiry(client) > timezone.now() + timedelta(hours=1)


@pytest.mark.parametrize("back", ["https://evil.example/", "//evil.example/", "customer:overview", ""])
def test_it_goes_back_only_to_our_own_paths(client, alice, back):
    client.force_login(alice)

    response = client.post(EXTEND, {"next": back})

    assert response["Location"] == reverse("customer:overview")


def test_it_refuses_get(client, alice):
    client.force_login(alice)

    assert client.get(EXTEND).status_code == 405


def test_an_anonymous_visitor_is_sent_to_log_in_and_gets_no_session(client):
    response = client.post(EXTEND, **JSON)

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))
    assert not Session.objects.exists()


def test_a_signed_in_page_carries_the_seconds_left_and_the_dialog(client, alice, settings):
    settings.SESSION_COOKIE_AGE = 900
    settings.SESSION_TIMEOUT_WARNING_SECONDS = 120
    client.force_login(alice)

    response = client.get(reverse("accessibility"))

    assert 'data-session-expires-in="900"' in response.text
    assert 'data-session-warn-before="120"' in response.text
    assert "js/session-timeout.js" in response.text
    assert '<template id="session-timeout">' in response.text
    assert "Fortsätt vara inloggad" in response.text


def test_an_anonymous_page_has_no_timeout_warning(client):
    response = client.get(reverse("account_login"))

    assert "data-session-expires-in" not in response.text
    assert "session-timeout" not in response.text


def test_a_page_polling_by_itself_does_not_keep_the_session_alive(client, alice):
    # The fault receipt asks for its status every 5 s with X-Poll: left open, it must not keep a tenant logged in.
    client.force_login(alice)
    _ending_soon(client)
    page = reverse("accessibility")

    client.get(page, headers={"HX-Request": "true", "X-Poll": "1"})
    assert _expiry(client) < timezone.now() + timedelta(seconds=61)

    client.get(page)
    assert _expiry(client) > timezone.now() + timedelta(hours=1)
