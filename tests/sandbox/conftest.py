"""The sandbox's own tests talk to it with Django's test client, as a backend client would over HTTP.

``small_demo`` builds the small company once per module (committed outside the
per-test transactions, removed again after the module), so each test only pays
for what it changes itself, and that is rolled back.
"""

import base64
import json

import pytest
from django.test import Client

from apps.sandbox.demo import build_demo, reset_demo

PM5 = "/sandbox/pm5"
CLIENT_AUTH = "Basic " + base64.b64encode(b"mina-sidor-demo:sandbox-secret").decode()
KALLE = "15555"  # demo customer 1: every invoice case and every errand status
ANNA = "15561"  # demo customer 2
MAJA = "15570"  # the unlinked demo customer


@pytest.fixture(scope="module")
def small_demo(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        reset_demo()
        summary = build_demo(size="small")
    yield summary
    with django_db_blocker.unblock():
        reset_demo()


@pytest.fixture
def settings_for_sandbox(settings):
    settings.SANDBOX_CLIENT_ID = "mina-sidor-demo"
    settings.SANDBOX_CLIENT_SECRET = "sandbox-secret"
    settings.SANDBOX_SESSION_TTL_SECONDS = 1800
    return settings


class Pm5:
    """A backend client's view of the PM5 facade."""

    def __init__(self, client: Client):
        self.client = client

    def open_session(self, body, auth: str | None = CLIENT_AUTH, path: str = "/session"):
        headers = {"Authorization": auth} if auth else {}
        data = body if isinstance(body, (str, bytes)) else json.dumps(body)
        return self.client.post(PM5 + path, data=data, content_type="application/json", headers=headers)

    def key(self, customer_number: str = KALLE) -> str:
        response = self.open_session({"Kundnummer": customer_number})
        assert response.status_code == 200, response.content
        return response.json()["Sessionsnyckel"]

    def get_session(self, key: str, *flags: str, **params):
        query = {flag: "true" for flag in flags} | params
        return self.client.get(f"{PM5}/session/{key}", query)

    def session(self, customer_number: str = KALLE, *flags: str, **params) -> dict:
        response = self.get_session(self.key(customer_number), *flags, **params)
        assert response.status_code == 200, response.content
        return response.json()


@pytest.fixture
def pm5(client, settings_for_sandbox) -> Pm5:
    return Pm5(client)


@pytest.fixture
def fast2_api(client, small_demo, settings_for_sandbox):
    """The FAST2 facade over the small demo, with both tokens (tests/sandbox/test_fast2.py's helper)."""
    from tests.sandbox.test_fast2 import Fast2

    return Fast2(client)
