"""FAST2 händelser by id (seed 7.5, 7.5.1, 7.5.2): read, change (partial, with aktivFrom/aktivTom), delete."""

import json

import pytest

from apps.sandbox.models import WorkOrderStatus
from tests.sandbox.test_fast2 import AO, a_row

pytestmark = pytest.mark.django_db


def create(fast2_api, work_order_id: int, headers: dict) -> int:
    response = fast2_api.client.post(
        f"{AO}/arbetsorder/handelser?arbetsorderId={work_order_id}",
        data=json.dumps({"rubrik": "Ingen hemma", "text": "Lapp lämnad.", "typKod": "BOM"}),
        content_type="application/json",
        headers=headers,
    )
    assert response.status_code == 201
    return response.json()["id"]


def change(fast2_api, event_id: int, body: dict, headers: dict):
    return fast2_api.client.put(
        f"{AO}/arbetsorder/handelser/{event_id}",
        data=json.dumps(body),
        content_type="application/json",
        headers=headers,
    )


def test_a_new_händelse_reads_with_every_field_given_a_value(fast2_api):
    row = a_row(WorkOrderStatus.PAGAR)
    headers = fast2_api.headers()
    event = fast2_api.get(f"/arbetsorder/handelser/{create(fast2_api, row.pk, headers)}", headers=headers).json()
    assert event["modifieradAv"] == event["skapadAv"] == "Handläggare Mina sidor"
    assert event["datumModifierad"] == event["datumRegistrerad"]
    assert event["aktivFrom"] == event["datumRegistrerad"][:10] and event["aktivTom"] is None


def test_a_händelse_is_changed_partially_and_says_who_changed_it(fast2_api):
    row = a_row(WorkOrderStatus.PAGAR)
    headers = fast2_api.headers()
    event_id = create(fast2_api, row.pk, headers)
    body = {"rubrik": "Hemma efter 16", "aktivFrom": "2030-01-01", "aktivTom": "2030-01-31"}
    assert change(fast2_api, event_id, body, headers).status_code == 200
    event = fast2_api.get(f"/arbetsorder/handelser/{event_id}", headers=headers).json()
    assert (event["rubrik"], event["text"], event["typKod"]) == ("Hemma efter 16", "Lapp lämnad.", "BOM")
    assert (event["aktivFrom"], event["aktivTom"]) == ("2030-01-01", "2030-01-31")
    assert event["modifieradAv"] == "Handläggare Mina sidor" and event["datumModifierad"] >= event["datumRegistrerad"]


@pytest.mark.parametrize(
    "body",
    [
        {"rubrik": ""},
        {"typKod": "SYS"},
        {"typKod": "NOPE"},
        {"aktivFrom": "2030-02-01", "aktivTom": "2030-01-01"},
        {"aktivFrom": "i morgon"},
    ],
)
def test_a_change_that_does_not_make_a_händelse_is_refused_and_changes_nothing(fast2_api, body):
    row = a_row(WorkOrderStatus.PAGAR)
    headers = fast2_api.headers()
    event_id = create(fast2_api, row.pk, headers)
    response = change(fast2_api, event_id, body, headers)
    assert response.status_code == 400 and response.json()["message"]
    assert fast2_api.get(f"/arbetsorder/handelser/{event_id}", headers=headers).json()["rubrik"] == "Ingen hemma"


def test_a_händelse_is_deleted_and_then_not_found(fast2_api):
    row = a_row(WorkOrderStatus.PAGAR)
    headers = fast2_api.headers()
    event_id = create(fast2_api, row.pk, headers)
    assert fast2_api.client.delete(f"{AO}/arbetsorder/handelser/{event_id}", headers=headers).status_code == 200
    assert fast2_api.get(f"/arbetsorder/handelser/{event_id}", headers=headers).status_code == 404
    assert change(fast2_api, event_id, {"rubrik": "X"}, headers).status_code == 404
    listed = fast2_api.get("/arbetsorder/handelser", {"arbetsorderId": row.pk}, headers).json()
    assert event_id not in [e["id"] for e in listed]


def test_a_händelse_by_id_needs_both_tokens_and_a_known_method(fast2_api):
    assert fast2_api.client.get(f"{AO}/arbetsorder/handelser/1").status_code == 401
    assert fast2_api.client.post(f"{AO}/arbetsorder/handelser/1", headers=fast2_api.headers()).status_code == 405
