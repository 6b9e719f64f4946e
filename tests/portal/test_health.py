"""/healthz and /readyz: what a load balancer asks, without a login and without personal data."""

import json
import logging

import pytest

from portal import health

pytestmark = pytest.mark.django_db


@pytest.fixture
def pm5_circuit_open(settings):
    """PM5 failed often enough that its breaker opened, as every process sees it through the cache."""
    from apps.backends.breaker import BREAKERS

    breaker = BREAKERS["pm5"]
    for _ in range(settings.BACKEND_BREAKER_FAILURES):
        breaker.failed(breaker.before_call())
    assert breaker.state() == "open"


def test_healthz_answers_without_touching_the_database(client, django_assert_num_queries):
    with django_assert_num_queries(0):
        response = client.get("/healthz")

    assert response.status_code == 200
    assert response.json() == {"status": "ok"}
    assert response["Cache-Control"] == "no-store"


def test_the_probes_answer_whatever_host_the_probe_names(client):
    # Orchestrators probe the pod's address, which is not in ALLOWED_HOSTS.
    assert client.get("/healthz", HTTP_HOST="10.1.2.3:8000").status_code == 200
    assert client.get("/readyz", HTTP_HOST="10.1.2.3:8000").status_code == 200


def test_the_probes_are_not_redirected_to_https(client, settings):
    settings.SECURE_SSL_REDIRECT = True

    assert client.get("/healthz").status_code == 200
    assert client.get("/readyz").status_code == 200
    assert client.get("/konto/login/").status_code == 301


def test_readyz_reports_each_dependency_with_its_time(client):
    response = client.get("/readyz")

    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "ok"
    assert set(body["checks"]) == {
        "database",
        "cache",
        "backend:pm5",
        "backend:fast2",
        "backend:errands",
        "backend:cashservices",
        "backend:kobo",
    }
    for outcome in body["checks"].values():
        assert outcome["ok"] is True
        assert isinstance(outcome["ms"], float)
    assert body["checks"]["backend:pm5"]["circuit"] == "closed"


def test_readyz_is_503_when_the_database_does_not_answer(client, monkeypatch):
    def broken():
        raise ConnectionError("no database")

    monkeypatch.setattr(health, "check_database", broken)

    response = client.get("/readyz")

    assert response.status_code == 503
    assert response.json()["status"] == "unavailable"
    database = response.json()["checks"]["database"]
    assert (database["ok"], database["error"], database["required"]) == (False, "ConnectionError", True)


def test_a_backend_whose_circuit_is_open_is_reported_but_the_portal_stays_ready(client, pm5_circuit_open):
    response = client.get("/readyz")

    assert response.status_code == 200
    assert response.json()["checks"]["backend:pm5"]["ok"] is False
    assert response.json()["checks"]["backend:pm5"]["required"] is False


def test_an_open_circuit_makes_it_unready_when_backends_are_required(client, settings, pm5_circuit_open):
    settings.READYZ_REQUIRE_BACKENDS = True

    assert client.get("/readyz").status_code == 503


def test_readyz_checks_the_broker_when_there_is_one(client, settings, tmp_path):
    settings.CELERY_BROKER_URL = "filesystem://"
    settings.CELERY_BROKER_TRANSPORT_OPTIONS = {"data_folder_in": str(tmp_path)}

    assert client.get("/readyz").json()["checks"]["broker"]["ok"] is True

    settings.CELERY_BROKER_TRANSPORT_OPTIONS = {"data_folder_in": str(tmp_path / "missing")}
    assert client.get("/readyz").status_code == 503


def test_a_backend_without_a_base_url_is_not_checked(client, settings):
    settings.FAST2_BASE_URL = ""

    assert "backend:fast2" not in client.get("/readyz").json()["checks"]


def test_the_probes_say_nothing_about_anybody(client):
    body = json.dumps(client.get("/readyz").json())

    assert set(json.loads(body)) == {"status", "checks"}
    assert "127.0.0.1" not in body  # not even where the backends are


def test_a_probe_writes_no_log_line_at_info(client, caplog):
    caplog.set_level(logging.INFO)

    client.get("/healthz")
    client.get("/readyz")

    assert not [record for record in caplog.records if record.levelno >= logging.INFO]
