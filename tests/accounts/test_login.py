"""Logging in and out by e-mail and password, and where a login may lead."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db

LOGIN = reverse("account_login")
LOGOUT = reverse("account_logout")
OVERVIEW = reverse("customer:overview")


def log_in(client, *, password="Alice-password-1", next_url=None):
    data = {"login": "alice@example.se", "password": password}
    if next_url is not None:
        data["next"] = next_url
    return client.post(LOGIN, data)


def test_the_login_page_has_labelled_fields_and_the_ways_out(client):
    response = client.get(LOGIN)

    assert response.status_code == 200
    page = response.text
    assert "<title>Logga in – Mina sidor</title>" in page
    assert 'action="/konto/login/"' in page
    assert 'name="csrfmiddlewaretoken"' in page
    assert '<label for="id_login">E-postadress</label>' in page
    assert '<label for="id_password">Lösenord</label>' in page
    assert 'autocomplete="email"' in page
    assert 'autocomplete="current-password"' in page
    assert "placeholder" not in page
    assert f'href="{reverse("account_reset_password")}">Glömt lösenordet?</a>' in page
    assert f'href="{reverse("account_signup")}"' in page


def test_it_logs_a_tenant_in_and_sends_them_to_the_overview(client, alice):
    response = log_in(client)

    assert response.status_code == 302
    assert response["Location"] == OVERVIEW
    assert client.session["_auth_user_id"] == str(alice.pk)


def test_it_says_so_when_the_password_is_wrong(client, alice):
    response = log_in(client, password="not-the-password")

    assert response.status_code == 200
    assert "<title>Fel: Logga in" in response.text
    assert response.context["form"].non_field_errors() == ["E-postadressen eller lösenordet är fel."]
    assert 'value="alice@example.se"' in response.text
    assert "_auth_user_id" not in client.session


def test_it_follows_next_to_one_of_our_own_paths(client, alice):
    response = log_in(client, next_url="/konto/email/")
    assert response["Location"] == "/konto/email/"


@pytest.mark.parametrize(
    "next_url",
    [
        "https://evil.example/phish",
        "//evil.example/phish",
        "/\\evil.example/phish",
        "http://testserver/konto/email/",  # our own host, but not a path
        "javascript:alert(1)",
    ],
)
def test_it_refuses_to_redirect_anywhere_but_our_own_paths(client, alice, next_url):
    response = log_in(client, next_url=next_url)

    assert response.status_code == 302
    assert response["Location"] == OVERVIEW


def test_logging_out_takes_a_post(client, alice):
    client.force_login(alice)

    page = client.get(LOGOUT)
    assert page.status_code == 200
    assert "_auth_user_id" in client.session
    assert 'method="post"' in page.text

    response = client.post(LOGOUT)
    assert response.status_code == 302
    assert response["Location"] == LOGIN
    assert "_auth_user_id" not in client.session


def test_a_staff_member_lands_on_the_work_order_queue(client, staff):
    response = client.post(reverse("account_login"), {"login": "staff@example.se", "password": "Staff-password-1"})
    assert response.status_code == 302
    assert response["Location"] == reverse("staff:queue")


def test_logging_in_gives_the_session_a_new_key(client, alice, settings):
    # A key planted before login (session fixation) must not be the one that ends up logged in.
    before = client.session
    before["planted"] = True
    before.save()
    client.cookies[settings.SESSION_COOKIE_NAME] = before.session_key

    log_in(client)

    after = client.cookies[settings.SESSION_COOKIE_NAME].value
    assert after != before.session_key
    assert client.session["_auth_user_id"] == str(alice.pk)
    assert not before.exists(before.session_key)
