"""The login backends load the account and its customer link in one query."""

import pytest
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
from django.db import connection
from django.http import HttpRequest
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from apps.accounts.backends import MOVED, AuthenticationBackend, ModelBackend

pytestmark = pytest.mark.django_db


def _user_queries(captured) -> list[str]:
    return [
        q["sql"] for q in captured.captured_queries if "accounts_customerlink" in q["sql"] or "auth_user" in q["sql"]
    ]


def test_a_tenants_page_asks_for_the_account_and_its_link_once(logged_in):
    with CaptureQueriesContext(connection) as captured:
        response = logged_in.get(reverse("accessibility"))

    assert response.status_code == 200
    assert f'<li><a href="{reverse("invoices:list")}"' in response.text  # the tenant's menu: the link was read
    assert len(_user_queries(captured)) == 1


def test_staff_without_a_link_is_known_to_have_none_without_asking_again(client, staff):
    client.force_login(staff)

    with CaptureQueriesContext(connection) as captured:
        response = client.get(reverse("accessibility"))

    assert response.status_code == 200
    assert f'<li><a href="{reverse("invoices:list")}"' not in response.text
    assert len(_user_queries(captured)) == 1


@pytest.mark.parametrize("backend", [ModelBackend, AuthenticationBackend])
def test_the_backend_answers_the_account_with_its_link(backend, alice):
    user = backend().get_user(alice.pk)

    assert user == alice
    assert "customer_link" in user._state.fields_cache


@pytest.mark.parametrize("backend", [ModelBackend, AuthenticationBackend])
def test_the_backend_answers_no_one_for_an_inactive_or_missing_account(backend, alice):
    alice.is_active = False
    alice.save()

    assert backend().get_user(alice.pk) is None
    assert backend().get_user(alice.pk + 1000) is None


def test_the_moved_paths_name_backends_that_are_in_the_settings(settings):
    assert set(MOVED.values()) == set(settings.AUTHENTICATION_BACKENDS)


@pytest.mark.parametrize("old_path", list(MOVED))
def test_a_redis_session_signed_in_through_an_old_backend_path_stays_signed_in(alice, old_path):
    from django.contrib.auth import get_user

    from portal.sessions import SessionStore

    stored = SessionStore()
    stored.update(
        {SESSION_KEY: str(alice.pk), BACKEND_SESSION_KEY: old_path, HASH_SESSION_KEY: alice.get_session_auth_hash()}
    )
    stored.create()
    request = HttpRequest()
    request.session = SessionStore(stored.session_key)

    assert get_user(request) == alice
    assert request.session.modified is False
