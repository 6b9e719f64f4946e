"""The sandbox can be told to be slow or to fail, through the database, for every view."""

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.urls import URLPattern, URLResolver

from apps.sandbox import urls as sandbox_urls
from apps.sandbox.models import SandboxBehaviour
from tests.sandbox.conftest import KALLE

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _demo(small_demo):
    return small_demo


def behave(**fields) -> None:
    SandboxBehaviour.objects.update_or_create(pk=SandboxBehaviour.SINGLETON_PK, defaults=fields)


def test_an_outage_answers_503_with_a_felmeddelande(pm5):
    key = pm5.key()
    behave(outage=True)

    for response in (pm5.open_session({"Kundnummer": KALLE}), pm5.get_session(key, "HämtaKund")):
        assert response.status_code == 503
        assert response.json()["Felkod"] == "TjanstenOtillganglig"
        assert response["Retry-After"] == "30"


def test_an_outage_of_one_path_fails_only_the_requests_to_it(pm5):
    key = pm5.key()
    behave(outage=True, outage_path=f"/session/{key}")

    assert pm5.get_session(key).status_code == 503
    assert pm5.open_session({"Kundnummer": KALLE}).status_code == 200


def test_an_error_rate_of_one_fails_every_request(pm5):
    behave(error_rate=1.0)

    response = pm5.open_session({"Kundnummer": KALLE})

    assert response.status_code == 500
    assert response.json() == {"Felkod": "InterntFel", "Meddelande": "Ett internt fel inträffade. Försök igen."}


def test_an_error_rate_fails_about_that_share_of_requests(pm5, monkeypatch):
    behave(error_rate=0.5)
    draws = iter([0.1, 0.9, 0.4, 0.6])
    monkeypatch.setattr("apps.sandbox.behaviour.random.random", lambda: next(draws))

    statuses = [pm5.open_session({"Kundnummer": KALLE}).status_code for _ in range(4)]

    assert statuses == [500, 200, 500, 200]


def test_latency_delays_every_answer(pm5, monkeypatch):
    slept = []
    monkeypatch.setattr("apps.sandbox.behaviour.time.sleep", slept.append)
    behave(latency_ms=250)

    assert pm5.open_session({"Kundnummer": KALLE}).status_code == 200
    assert slept == [0.25]


def test_a_healthy_sandbox_neither_waits_nor_fails(pm5, monkeypatch):
    monkeypatch.setattr("apps.sandbox.behaviour.time.sleep", lambda s: pytest.fail("slept"))
    monkeypatch.setattr("apps.sandbox.behaviour.random.random", lambda: pytest.fail("drew"))

    assert pm5.open_session({"Kundnummer": KALLE}).status_code == 200


def test_the_behaviour_is_read_anew_on_every_request(pm5):
    key = pm5.key()
    behave(outage=True)
    assert pm5.get_session(key).status_code == 503

    behave(outage=False)
    assert pm5.get_session(key).status_code == 200


def test_every_sandbox_route_goes_through_the_failure_injection():
    def views(patterns):
        for entry in patterns:
            if isinstance(entry, URLResolver):
                yield from views(entry.url_patterns)
            elif isinstance(entry, URLPattern):
                yield entry

    routes = list(views(sandbox_urls.urlpatterns))
    assert routes
    for route in routes:
        assert getattr(route.callback, "sandbox_api", False), f"{route.pattern} is not wrapped in sandbox_api"


def test_the_command_sets_the_behaviour(capsys):
    call_command("sandbox_behaviour", "--latency-ms", "300", "--error-rate", "0.25", "--outage")

    behaviour = SandboxBehaviour.current()
    assert (behaviour.latency_ms, behaviour.error_rate, behaviour.outage) == (300, 0.25, True)
    assert "latency 300 ms, error rate 0.25, outage on" in capsys.readouterr().out


def test_the_command_sets_an_outage_of_one_path(capsys):
    call_command("sandbox_behaviour", "--outage", "--outage-path", "/leieforhold/oppsigelse")

    behaviour = SandboxBehaviour.current()
    assert (behaviour.outage, behaviour.outage_path) == (True, "/leieforhold/oppsigelse")
    assert "outage on for paths with /leieforhold/oppsigelse" in capsys.readouterr().out
    call_command("sandbox_behaviour", "--outage-path", "")
    assert SandboxBehaviour.current().outage_path == ""


def test_the_command_changes_only_what_it_is_given():
    call_command("sandbox_behaviour", "--latency-ms", "300", "--outage")
    call_command("sandbox_behaviour", "--no-outage")

    behaviour = SandboxBehaviour.current()
    assert (behaviour.latency_ms, behaviour.outage) == (300, False)


def test_the_command_resets_the_behaviour():
    call_command("sandbox_behaviour", "--latency-ms", "300", "--error-rate", "1", "--outage", "--outage-path", "/x")
    call_command("sandbox_behaviour", "--reset")

    behaviour = SandboxBehaviour.current()
    assert (behaviour.latency_ms, behaviour.error_rate, behaviour.outage) == (0, 0.0, False)
    assert behaviour.outage_path == ""


@pytest.mark.parametrize("args", [["--error-rate", "1.5"], ["--error-rate", "-0.1"], ["--latency-ms", "-1"]])
def test_the_command_refuses_impossible_values(args):
    with pytest.raises(CommandError):
        call_command("sandbox_behaviour", *args)
