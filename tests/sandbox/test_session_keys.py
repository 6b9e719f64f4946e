"""POST /session issues keys; GET /session/{key} accepts only live ones."""

import logging
import re
from datetime import timedelta

import pytest
from django.utils import timezone

from apps.sandbox.models import Customer, SessionKey
from apps.sandbox.models.access import hash_key
from tests.sandbox.conftest import KALLE, PM5

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _demo(small_demo):
    return small_demo


def test_it_issues_a_key_for_a_known_customer(pm5):
    before = timezone.now()
    response = pm5.open_session({"Kundnummer": KALLE})

    assert response.status_code == 200
    assert response["Content-Type"] == "application/json; charset=utf-8"
    body = response.json()
    assert re.fullmatch(r"[A-Za-z0-9_-]{32,}", body["Sessionsnyckel"])
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}", body["GiltigTill"])
    stored = SessionKey.objects.get(key_hash=hash_key(body["Sessionsnyckel"]))
    assert stored.customer.customer_number == KALLE
    assert stored.expires_at >= before + timedelta(seconds=1800)


def test_it_issues_a_key_when_the_personnummer_matches(pm5):
    personnummer = Customer.objects.get(customer_number=KALLE).personnummer
    with_hyphen = f"{personnummer[:8]}-{personnummer[8:]}"

    assert pm5.open_session({"Kundnummer": KALLE, "Personnummer": personnummer}).status_code == 200
    assert pm5.open_session({"Kundnummer": KALLE, "Personnummer": with_hyphen}).status_code == 200


def test_it_stores_only_the_hash_of_a_key(pm5):
    key = pm5.key()
    assert not SessionKey.objects.filter(key_hash=key).exists()
    assert SessionKey.objects.filter(key_hash=hash_key(key)).exists()


def test_every_key_is_new(pm5):
    assert pm5.key() != pm5.key()


@pytest.mark.parametrize(
    "auth",
    [None, "Basic " + "bWluYS1zaWRvci1kZW1vOndyb25n", "Bearer sandbox-secret", "Basic not-base64!"],
    ids=["no credentials", "wrong secret", "wrong scheme", "garbled"],
)
def test_it_refuses_a_client_without_the_right_credentials(pm5, auth):
    response = pm5.open_session({"Kundnummer": KALLE}, auth=auth)

    assert response.status_code == 401
    assert response.json() == {"Felkod": "Obehorig", "Meddelande": "Klienten kunde inte autentiseras."}
    assert response["WWW-Authenticate"].startswith("Basic")


def test_an_unknown_customer_and_a_wrong_personnummer_get_the_same_answer(pm5):
    other = Customer.objects.exclude(customer_number=KALLE).first()

    unknown = pm5.open_session({"Kundnummer": "99999"})
    mismatch = pm5.open_session({"Kundnummer": KALLE, "Personnummer": other.personnummer})

    assert unknown.status_code == mismatch.status_code == 404
    assert unknown.content == mismatch.content
    assert unknown.json()["Felkod"] == "KundSaknas"


@pytest.mark.parametrize(
    "body",
    [
        b"\xff\xfe",
        "inte json",
        "[]",
        "{}",
        '{"Kundnummer": ""}',
        '{"Kundnummer": true}',
        '{"Kundnummer": "15555", "Personnummer": "abc"}',
    ],
)
def test_it_answers_400_for_a_malformed_body(pm5, body):
    response = pm5.open_session(body)

    assert response.status_code == 400
    assert response.json()["Felkod"] == "OgiltigBegaran"
    assert response.json()["Meddelande"]


def test_a_body_that_is_not_json_gets_a_swedish_message(pm5):
    assert pm5.open_session("inte json").json()["Meddelande"] == "Begäran är inte giltig JSON."


def test_it_accepts_a_numeric_customer_number(pm5):
    assert pm5.open_session({"Kundnummer": 15555}).status_code == 200


def test_it_answers_401_for_an_unknown_key(pm5):
    response = pm5.get_session("not-a-real-key", "HämtaKund")

    assert response.status_code == 401
    assert response.json()["Felkod"] == "SessionOgiltig"


def test_it_answers_401_for_an_expired_key(pm5):
    key = pm5.key()
    SessionKey.objects.filter(key_hash=hash_key(key)).update(expires_at=timezone.now() - timedelta(seconds=1))

    response = pm5.get_session(key, "HämtaKund")

    assert response.status_code == 401
    assert response.json()["Felkod"] == "SessionOgiltig"


def test_each_use_slides_the_expiry_forward(pm5):
    key = pm5.key()
    almost_gone = timezone.now() + timedelta(seconds=5)
    SessionKey.objects.filter(key_hash=hash_key(key)).update(expires_at=almost_gone)

    assert pm5.get_session(key).status_code == 200

    renewed = SessionKey.objects.get(key_hash=hash_key(key))
    assert renewed.expires_at > almost_gone + timedelta(seconds=1700)
    assert renewed.last_used_at > renewed.created_at


def test_the_ttl_comes_from_the_settings(pm5, settings):
    settings.SANDBOX_SESSION_TTL_SECONDS = 60
    key = pm5.key()
    stored = SessionKey.objects.get(key_hash=hash_key(key))
    assert stored.expires_at - stored.created_at == timedelta(seconds=60)


def test_paths_match_in_any_case_and_with_or_without_a_trailing_slash(pm5):
    assert pm5.open_session({"Kundnummer": KALLE}, path="/SESSION/").status_code == 200
    key = pm5.key()
    assert pm5.client.get(f"{PM5}/Session/{key}/").status_code == 200
    assert pm5.client.get(f"{PM5}/session/{key}").status_code == 200


def test_a_wrong_method_gets_405_with_a_felmeddelande(pm5):
    key = pm5.key()

    for response in (pm5.client.put(f"{PM5}/session"), pm5.client.post(f"{PM5}/session/{key}")):
        assert response.status_code == 405
        assert response.json()["Felkod"] == "MetodEjTillaten"


def test_the_seeds_get_session_without_a_key_is_a_missing_key(pm5):
    response = pm5.client.get(f"{PM5}/session", {"HämtaKund": "true"})

    assert response.status_code == 401
    assert response.json()["Felkod"] == "SessionOgiltig"


def test_a_refused_key_never_reaches_the_request_log(pm5, caplog):
    caplog.set_level(logging.DEBUG)
    key = pm5.key()

    pm5.get_session(key + "x")

    assert "Unauthorized" in caplog.text
    assert key not in caplog.text
