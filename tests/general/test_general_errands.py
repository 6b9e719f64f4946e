"""General errands: a disturbance or a request through the wizard, delivered through the outbox."""

import pytest
from django.urls import reverse

from apps.faults.models import FaultReport
from tests.faults.conftest import deliveries, set_behaviour  # noqa: F401

START = reverse("faults:general_start")
APARTMENT = "n245612"


def class_node(label: str):
    from apps.sandbox.models import ErrandClassNode

    return ErrandClassNode.objects.get(label=label)


class GeneralWizard:
    """The general errand's pages as a browser without JavaScript walks them."""

    def __init__(self, client):
        self.client = client
        self.report: FaultReport | None = None

    def url(self, name: str, *args) -> str:
        return reverse(f"faults:{name}", args=[self.report.public_id, *args])

    def start(self, klass: str = "Storning"):
        response = self.client.post(START, {"klass": klass})
        assert response.status_code == 302, response.content
        self.report = FaultReport.objects.exclude(errand_class="").latest("created_at")
        return response

    def walk_to_music(self):
        self.client.post(self.url("object"), {"object": APARTMENT})
        music = class_node("Musik eller fest")
        for level, node in enumerate(music.path_ids, start=1):
            response = self.client.post(self.url("place", level), {"node": node})
            assert response.status_code == 302, response.content
        return response

    def answer_all(self):
        self.start()
        self.walk_to_music()
        self.client.post(
            self.url("what"),
            {"description": "Hög musik efter midnatt.", "date_1": "2026-01-10", "time_1": "23:30"},
        )
        response = self.client.post(self.url("contact"), {"contact": "customer"})
        assert response["Location"] == self.url("check"), "every answer is in"
        self.report.refresh_from_db()
        return self.report


@pytest.fixture
def general(logged_in, live_sandbox) -> GeneralWizard:
    return GeneralWizard(logged_in)


@pytest.mark.integration
def test_the_start_page_offers_the_landlords_classes_and_says_who_sees_a_disturbance(logged_in, live_sandbox):
    response = logged_in.get(START)
    assert response.status_code == 200
    assert 'value="Storning"' in response.text and 'value="Onskemal"' in response.text
    assert "Vem ser din störningsanmälan?" in response.text
    assert "Den visas inte för grannar eller andra hyresgäster." in response.text
    assert f'action="{START}"' in response.text and "csrfmiddlewaretoken" in response.text


@pytest.mark.integration
def test_a_disturbance_walks_its_classes_nodes_and_is_delivered_as_a_general_errand(general, deliveries):  # noqa: F811
    from apps.sandbox.models import Errand

    report = general.answer_all()
    assert report.place_label == "Buller / Musik eller fest"
    check = general.client.get(general.url("check"))
    assert "Vem ser din störningsanmälan?" in check.text, "said again before sending"
    assert "Inträffat" in check.text and "2026-01-10 23:30" in check.text
    assert "Husdjur" not in check.text and "Bilder" not in check.text

    response = general.client.post(general.url("submit"))
    assert response.status_code == 302
    report = deliveries.wait(report)
    errand = Errand.objects.get(pk=report.errand_id)
    assert errand.kind == "AllmantArende" and errand.errand_class.system_name == "Storning"
    row = errand.rows.get()
    assert row.class_node.label == "Musik eller fest"
    assert row.description == "Hög musik efter midnatt."
    assert row.occurred_at.isoformat().startswith("2026-01-10T")

    receipt = general.client.get(reverse("faults:receipt", args=[report.public_id]))
    assert "Störning: ärendet mottaget" in receipt.text
    listed = general.client.get(reverse("faults:errands"))
    assert errand.number in listed.text


@pytest.mark.integration
def test_a_request_has_no_time_to_answer(general):
    general.start("Onskemal")
    general.client.post(general.url("object"), {"object": APARTMENT})
    node = class_node("Cykelställ")
    for level, node_id in enumerate(node.path_ids, start=1):
        general.client.post(general.url("place", level), {"node": node_id})
    page = general.client.get(general.url("what"))
    assert "Datum" not in page.text
    assert "Vem ser din störningsanmälan?" not in page.text, "only a disturbance names a neighbour"
    response = general.client.post(general.url("what"), {"description": "Fler cykelställ vid port B."})
    assert response["Location"] == general.url("contact")


@pytest.mark.integration
def test_bad_answers_are_shown_next_to_their_fields_and_kept(general):
    general.start()
    general.walk_to_music()
    response = general.client.post(
        general.url("what"), {"description": "Musik", "date_1": "2999-01-01", "time_1": "25:99"}
    )
    assert response.status_code == 200
    assert "Tidpunkten kan inte ligga i framtiden." in response.text
    assert "Skriv klockslaget som 23:30." in response.text
    assert 'class="error-summary"' in response.text
    assert "Musik" in response.text, "what was typed is kept"
    missing = general.client.post(general.url("what"), {"description": "", "date_1": ""})
    assert "Beskriv vad det gäller." in missing.text and "Skriv vilket datum." in missing.text


@pytest.mark.integration
def test_a_class_or_node_the_backend_never_offered_is_not_found(general):
    assert general.client.post(START, {"klass": "Inbrott"}).status_code == 404
    general.start()
    general.client.post(general.url("object"), {"object": APARTMENT})
    fault_node = "n512431"  # Kök: a node of the fault walk, not of the class's
    assert general.client.post(general.url("place", 1), {"node": fault_node}).status_code == 404


@pytest.mark.integration
def test_a_fault_reports_questions_are_not_a_general_errands(general):
    general.start()
    for name in ("fault", "access", "photos"):
        assert general.client.get(general.url(name)).status_code == 404


@pytest.mark.integration
def test_another_tenants_general_errand_is_not_found(general, bob):
    general.start()
    url = general.url("what")
    general.client.force_login(bob)
    assert general.client.get(url).status_code == 404
    assert general.client.get(reverse("faults:resume", args=[general.report.public_id])).status_code == 404


@pytest.mark.integration
def test_a_general_errand_and_a_fault_report_are_drafts_of_their_own(general):
    general.start()
    general_draft = general.report
    general.client.post(reverse("faults:start"))
    fault = FaultReport.objects.filter(errand_class="").latest("created_at")
    assert fault.pk != general_draft.pk
    page = general.client.get(START)
    assert "Du har ett påbörjat ärende: Störning" in page.text
    general.client.post(START, {"restart": "1"})
    assert not FaultReport.objects.filter(pk=general_draft.pk).exists()
    assert FaultReport.objects.filter(pk=fault.pk).exists(), "the fault report is left alone"


@pytest.mark.integration
def test_a_disturbance_sent_while_pm5_is_down_is_received_and_delivered_later(general, deliveries):  # noqa: F811
    report = general.answer_all()
    set_behaviour(outage=True)
    general.client.post(general.url("submit"))
    report = deliveries.wait_for_attempt(report)
    assert report.status == FaultReport.Status.QUEUED
    set_behaviour(outage=False)
    deliveries.time_passes(report)
    assert deliveries.wait(report).errand_id


@pytest.mark.integration
def test_the_start_page_is_calm_when_pm5_is_down(logged_in, live_sandbox):
    set_behaviour(outage=True)
    response = logged_in.get(START)
    assert response.status_code == 503
    assert "Vi kan inte hämta uppgifterna från hyresvärdens system just nu." in response.text


def test_the_start_page_is_calm_when_the_backend_is_unreachable(client, alice, settings, unreachable):
    settings.PM5_BASE_URL = f"{unreachable}/pm5"
    client.force_login(alice)
    response = client.get(START)
    assert response.status_code == 503
    assert "Traceback" not in response.text


def test_the_start_page_refuses_other_methods(client, alice):
    client.force_login(alice)
    assert client.put(START).status_code == 405


@pytest.mark.integration
def test_sending_no_class_asks_for_one(logged_in, live_sandbox):
    response = logged_in.post(START, {})
    assert response.status_code == 200
    assert "Välj vad ärendet gäller." in response.text
    assert 'class="error-summary"' in response.text
    assert not FaultReport.objects.exists()


@pytest.mark.integration
def test_the_tenants_export_holds_the_class_and_the_time_they_gave(general, alice):
    from apps.faults.services.account_data import held_for

    report = general.answer_all()
    exported = next(r for r in held_for(alice) if r["id"] == str(report.public_id))
    assert exported["general_errand_class"] == "Störning"
    assert exported["times"]["1"].startswith("2026-01-10T23:30")


@pytest.mark.integration
def test_each_page_asks_the_backend_at_most_once_once_the_session_is_cached(general, backend_calls):
    general.client.get(reverse("faults:errands"))  # the session data, now cached
    backend_calls.reset()
    general.client.get(START)
    assert len(backend_calls) == 1, "the classes"
    backend_calls.reset()
    general.start()
    assert len(backend_calls) == 1, "the classes again: the session's objects are cached"
    general.client.post(general.url("object"), {"object": APARTMENT})
    backend_calls.reset()
    general.client.get(general.url("place", 1))
    assert len(backend_calls) == 0, "the first level was fetched with the choice of home"
