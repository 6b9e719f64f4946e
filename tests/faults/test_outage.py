"""Reporting a fault while PM5 is down: from the copies kept of earlier answers, or in words."""

import pytest
from django.urls import reverse

from apps.backends import breaker
from apps.faults.models import FaultReport
from apps.faults.services import kept_trees
from tests.faults.conftest import FREEZER_PATH, Wizard, set_behaviour

START = reverse("faults:start")
NOTE = "Mottagen — skickas när hyresvärdens system svarar igen."


@pytest.fixture(autouse=True)
def _only_the_kept_copy(settings):
    # The short-lived session cache would hide the outage for two minutes: here it holds nothing,
    # so whatever the wizard knows while PM5 is down comes from the copy kept for that.
    settings.CUSTOMER_SESSION_CACHE_SECONDS = 0


def outage_ends(monkeypatch) -> None:
    """PM5 answers again, and the breaker's cool-down is over, so the next call may find it back."""
    set_behaviour(outage=False)
    real_now = breaker._now
    monkeypatch.setattr(breaker, "_now", lambda: real_now() + 3600)


def sandbox_rows(live_sandbox):
    from apps.sandbox.models import ErrandRow

    return ErrandRow.objects.filter(
        errand__customer__customer_number=live_sandbox.alice.number, errand__source="MinaSidor"
    ).select_related("node")


@pytest.mark.integration
def test_a_tenant_who_browsed_before_walks_the_kept_trees_and_the_report_is_delivered_once(
    wizard, deliveries, live_sandbox, monkeypatch
):
    earlier = wizard.answer_all()  # an earlier report: PM5 offered the freezer's whole walk then
    wizard.client.post(START, {"restart": "1"})
    assert not FaultReport.objects.filter(pk=earlier.pk).exists()
    before = sandbox_rows(live_sandbox).count()
    set_behaviour(outage=True)

    report = wizard.answer_all()

    assert report.node_path == FREEZER_PATH
    assert report.place_label == "Kök / Kyl/Frys / Frys - Standard"
    assert report.fault_type_id is not None and report.key_handling_id is not None
    assert not report.place_in_words
    wizard.submit()
    report = deliveries.wait_for_attempt(report)
    assert report.status == FaultReport.Status.QUEUED
    assert NOTE in wizard.client.get(wizard.url("receipt")).text

    outage_ends(monkeypatch)
    deliveries.time_passes(report)
    report = deliveries.wait(report)
    rows = sandbox_rows(live_sandbox)
    assert rows.count() == before + 1, "delivered exactly once"
    assert rows.get(errand_id=report.errand_id).node.path == FREEZER_PATH
    receipt = wizard.client.get(wizard.url("receipt"))
    assert report.errand_number in receipt.text
    assert NOTE not in receipt.text


@pytest.mark.integration
def test_every_id_sent_while_pm5_is_down_must_be_one_kept(wizard, live_sandbox):
    wizard.start()
    wizard.client.post(wizard.url("object"), {"object": "n245612"})
    wizard.client.post(START, {"restart": "1"})
    set_behaviour(outage=True)

    wizard.start()
    assert wizard.client.post(wizard.url("object"), {"object": "n999999"}).status_code == 404
    assert wizard.client.post(wizard.url("object"), {"object": "n245612"}).status_code == 302
    assert wizard.client.post(wizard.url("place", 1), {"node": "n188452"}).status_code == 404, "not in Kök's level"
    assert wizard.client.post(wizard.url("place", 1), {"node": "n512431"}).status_code == 302


@pytest.mark.integration
def test_a_place_never_fetched_is_described_in_words_and_sent_with_the_objects_node(
    wizard, deliveries, live_sandbox, monkeypatch
):
    wizard.client.get(reverse("customer:overview"))  # alice browsed: her objects are known, no walk is
    before = sandbox_rows(live_sandbox).count()
    set_behaviour(outage=True)

    wizard.start()
    wizard.client.post(wizard.url("object"), {"object": "n245612"})
    page = wizard.client.get(wizard.url("place", 1))
    assert 'name="where"' in page.text and 'name="node"' not in page.text
    assert "Beskriv med egna ord var felet finns" in page.text
    response = wizard.client.post(wizard.url("place", 1), {"where": "Badrummet, handfatet"})
    assert response["Location"] == wizard.url("fault")
    wizard.client.post(wizard.url("fault"), {"description": "Det droppar hela tiden."})
    access = wizard.client.get(wizard.url("access"))
    assert 'name="key_handling"' not in access.text, "no ways in were ever offered"
    wizard.client.post(wizard.url("access"), {"key_note": "Hemma efter 16", "has_pets": "no"})
    wizard.client.post(wizard.url("contact"), {"contact": "customer"})
    assert wizard.client.post(wizard.url("photos"), {"done": "1"})["Location"] == wizard.url("check")
    assert "Badrummet, handfatet" in wizard.client.get(wizard.url("check")).text
    wizard.submit()
    report = deliveries.wait_for_attempt(wizard.report)

    outage_ends(monkeypatch)
    deliveries.time_passes(report)
    report = deliveries.wait(report)
    rows = sandbox_rows(live_sandbox)
    assert rows.count() == before + 1
    row = rows.get(errand_id=report.errand_id)
    assert row.node.path == "n245612", "the deepest node known: the object's own"
    assert row.description == "Plats: Badrummet, handfatet\n\nDet droppar hela tiden."
    assert row.key_handling_id is None and row.key_note == "Hemma efter 16"


@pytest.mark.integration
def test_the_words_page_works_without_javascript_and_says_what_is_missing(wizard, live_sandbox):
    wizard.client.get(reverse("customer:overview"))
    set_behaviour(outage=True)
    wizard.start()
    wizard.client.post(wizard.url("object"), {"object": "n245612"})

    page = wizard.client.get(wizard.url("place", 1))
    assert "<html" in page.text
    assert f'<form method="post" action="{wizard.url("place", 1)}"' in page.text
    assert "csrfmiddlewaretoken" in page.text
    assert wizard.client.post(wizard.url("place", 1), {"node": "n512431"}).status_code == 404, "none was offered"
    response = wizard.client.post(wizard.url("place", 1), {"where": ""})
    assert response.status_code == 200
    assert "Beskriv var felet finns." in response.text
    assert 'href="#id_where"' in response.text, "the error summary links to the field"

    step = wizard.client.get(wizard.url("place", 1), headers={"HX-Request": "true"})
    assert "<html" not in step.text and 'name="where"' in step.text


@pytest.mark.integration
def test_another_tenants_kept_data_is_never_used(wizard, bob, live_sandbox):
    wizard.answer_all()  # alice's objects and her freezer walk are kept
    client = wizard.client
    client.force_login(bob)
    client.get(reverse("customer:overview"))  # bob's objects are kept, none of his walks
    set_behaviour(outage=True)

    bobs = Wizard(client)
    bobs.start()
    assert bobs.report.customer_number == live_sandbox.bob.number
    assert "n245612" not in {o["value"] for o in bobs.report.catalogue["objects"]}
    assert client.post(bobs.url("object"), {"object": "n245612"}).status_code == 404
    bobs_object = bobs.report.catalogue["objects"][0]["value"]
    client.post(bobs.url("object"), {"object": bobs_object})
    assert 'name="where"' in client.get(bobs.url("place", 1)).text, "no tree of his is kept"
    assert not kept_trees.copy_into({}, live_sandbox.bob.number, "n245612")
    assert kept_trees.copy_into({}, live_sandbox.alice.number, "n245612"), "alice's own is kept"


@pytest.mark.integration
def test_a_tenant_whose_data_was_never_read_cannot_start_while_pm5_is_down(bob, client, live_sandbox):
    client.force_login(bob)
    set_behaviour(outage=True)
    response = client.post(START)
    assert response.status_code == 503
    assert not FaultReport.objects.exists()
