"""The FAST2 arbetsorder facade: its two-step login, the work-order list, status rules and händelser."""

import base64
import json

import pytest
from django.core import signing

from apps.sandbox.models import ErrandRow, WorkOrderStatus

pytestmark = pytest.mark.django_db

F = "/sandbox/fast2"
AO = F + "/ao-produkt/v1"
CREDENTIAL = "mina-sidor-demo:sandbox-secret"


@pytest.fixture(autouse=True)
def _demo(small_demo, settings_for_sandbox):
    return small_demo


class Fast2:
    def __init__(self, client):
        self.client = client

    def gateway_token(self, authorization: str = f"Bearer {CREDENTIAL}") -> str:
        response = self.client.post(
            F + "/oauth2/token",
            data=json.dumps({"grant_type": "client_credentials"}),
            content_type="application/json",
            headers={"Authorization": authorization},
        )
        assert response.status_code == 200, response.content
        return response.json()["access_token"]

    def login(self, gateway: str, username: str = "handlaggare", password: str = "sandbox-fast2"):
        return self.client.post(
            AO + "/auth/login",
            data=json.dumps({"username": username, "password": password}),
            content_type="application/json",
            headers={"Authorization": f"Bearer {gateway}"},
        )

    def headers(self) -> dict[str, str]:
        gateway = self.gateway_token()
        return {"Authorization": f"Bearer {gateway}", "X-Auth-Token": self.login(gateway).json()["access_token"]}

    def get(self, path: str, params=None, headers=None):
        return self.client.get(AO + path, params or {}, headers=headers or self.headers())

    def put_status(self, work_order_id: int, code: str, headers=None):
        return self.client.put(
            f"{AO}/arbetsorder/{work_order_id}/status",
            data=json.dumps({"statuskod": code}),
            content_type="application/json",
            headers=headers or self.headers(),
        )


@pytest.fixture
def fast2(client) -> Fast2:
    return Fast2(client)


def a_row(status: str) -> ErrandRow:
    return ErrandRow.objects.filter(status=status).order_by("pk").first()


def test_the_gateway_issues_a_token_for_the_seeds_bearer_form_and_for_basic(fast2):
    assert fast2.gateway_token()
    basic = "Basic " + base64.b64encode(CREDENTIAL.encode()).decode()
    assert fast2.gateway_token(basic)
    response = fast2.client.post(
        F + "/oauth2/token",
        "grant_type=client_credentials",
        content_type="application/x-www-form-urlencoded",
        headers={"Authorization": basic},
    )
    body = response.json()
    assert body["token_type"] == "Bearer" and body["expires_in"] == 43200 and body["scope"] == "default"


def test_the_gateway_refuses_wrong_credentials_and_grants(fast2):
    response = fast2.client.post(
        F + "/oauth2/token",
        data=json.dumps({"grant_type": "client_credentials"}),
        content_type="application/json",
        headers={"Authorization": "Bearer mina-sidor-demo:wrong"},
    )
    assert response.status_code == 401 and response.json()["message"]
    response = fast2.client.post(
        F + "/oauth2/token",
        data=json.dumps({"grant_type": "password"}),
        content_type="application/json",
        headers={"Authorization": f"Bearer {CREDENTIAL}"},
    )
    assert response.status_code == 400


def test_a_resource_logs_in_with_the_gateway_token_and_gets_both_tokens(fast2):
    response = fast2.login(fast2.gateway_token())
    body = response.json()
    assert response.status_code == 200
    assert body["access_token"] and body["refresh_token"] and body["expires_in"] == 1800


def test_the_login_refuses_a_wrong_password_and_a_missing_gateway_token(fast2):
    assert fast2.login(fast2.gateway_token(), password="nope").status_code == 401
    assert fast2.login("not-a-token").status_code == 401


def test_every_work_order_call_needs_both_tokens(fast2):
    gateway = fast2.gateway_token()
    assert fast2.get("/arbetsorder", headers={"Authorization": f"Bearer {gateway}"}).status_code == 401
    resource = fast2.login(gateway).json()["access_token"]
    assert fast2.get("/arbetsorder", headers={"X-Auth-Token": resource}).status_code == 401
    # The seed's own spelling of the header is accepted too.
    assert (
        fast2.get("/arbetsorder", headers={"Authorization": f"Bearer {gateway}", "X-Auht-Token": resource}).status_code
        == 200
    )


def test_an_expired_resource_token_is_refused(fast2, settings):
    headers = fast2.headers()
    settings.SANDBOX_FAST2_RESOURCE_TTL_SECONDS = -1
    response = fast2.get("/arbetsorder", headers=headers)
    assert response.status_code == 401
    assert "X-Auth-Token" in response.json()["message"]


def test_a_refresh_token_is_not_an_access_token(fast2):
    gateway = fast2.gateway_token()
    refresh = fast2.login(gateway).json()["refresh_token"]
    assert (
        fast2.get("/arbetsorder", headers={"Authorization": f"Bearer {gateway}", "X-Auth-Token": refresh}).status_code
        == 401
    )
    with pytest.raises(signing.BadSignature):
        signing.loads(refresh, salt="sandbox.fast2.resource")


def test_the_list_pages_with_offset_and_limit(fast2):
    headers = fast2.headers()
    everything = fast2.get("/arbetsorder", {"limit": 1000}, headers).json()
    assert len(everything) == ErrandRow.objects.count()
    first = fast2.get("/arbetsorder", {"limit": 3}, headers).json()
    second = fast2.get("/arbetsorder", {"offset": 3, "limit": 3}, headers).json()
    assert [w["id"] for w in first + second] == [w["id"] for w in everything[:6]]


def test_the_list_filters_by_status_repeated_or_comma_separated(fast2):
    headers = fast2.headers()
    one = fast2.get("/arbetsorder", {"status": "REG", "limit": 1000}, headers).json()
    assert one and {w["status"]["statusKod"] for w in one} == {"REG"}
    both = fast2.get("/arbetsorder", {"status": ["REG", "UTFÖRD"], "limit": 1000}, headers).json()
    assert {w["status"]["statusKod"] for w in both} == {"REG", "UTFÖRD"}
    assert both == fast2.get("/arbetsorder", {"status": "REG,UTFÖRD", "limit": 1000}, headers).json()
    assert fast2.get("/arbetsorder", {"status": "KLAR"}, headers).status_code == 400


def test_the_list_filters_by_object_priority_and_dates(fast2):
    headers = fast2.headers()
    row = a_row(WorkOrderStatus.REG)
    number = row.errand.rental_object.number
    by_object = fast2.get("/arbetsorder", {"objektId": number, "limit": 1000}, headers).json()
    assert by_object and {w["objekt"]["id"] for w in by_object} == {number}
    ErrandRow.objects.filter(pk=row.pk).update(priority=30)
    urgent = fast2.get("/arbetsorder", {"prio": "30", "limit": 1000}, headers).json()
    assert row.pk in [w["id"] for w in urgent]
    assert {w["prio"]["prioKod"] for w in urgent} == {"30"}
    later = fast2.get("/arbetsorder", {"skapadEfter": "2999-01-01"}, headers).json()
    assert later == []
    assert fast2.get("/arbetsorder", {"skapadEfter": "igår"}, headers).status_code == 400
    assert fast2.get("/arbetsorder", {"limit": "-1"}, headers).status_code == 400


def test_a_work_order_has_the_seeds_read_shape(fast2):
    row = a_row(WorkOrderStatus.PAGAR)
    body = fast2.get(f"/arbetsorder/{row.pk}").json()
    assert body["id"] == row.pk
    assert body["status"] == {"statusKod": "PAGAR"}
    assert body["objekt"]["id"] == row.errand.rental_object.number
    assert body["externtNr"] == row.errand.number
    assert body["prio"]["prioKod"] in {"10", "30"}
    assert body["information"]["beskrivning"] == (row.description or None)
    assert body["registrerad"]["datumregistrerad"].endswith(("+01:00", "+02:00"))
    assert fast2.get("/arbetsorder/99999999").status_code == 404


@pytest.mark.parametrize(
    ("start", "allowed"),
    [
        ("REG", ["GODK", "MAK"]),
        ("GODK", ["PAGAR", "REG", "MAK"]),
        ("PAGAR", ["UTFÖRD", "GODK", "MAK"]),
        ("UTFÖRD", ["ÖVERF"]),
        ("MAK", []),
        ("ÖVERF", []),
    ],
)
def test_the_status_value_list_names_exactly_the_allowed_moves(fast2, start, allowed):
    row = a_row(start)
    body = fast2.get(f"/arbetsorder/{row.pk}/status/vardelista").json()
    assert [s["statuskod"] for s in body] == allowed


def test_a_work_order_moves_forward_one_step_and_back_one_step(fast2):
    row = a_row(WorkOrderStatus.REG)
    headers = fast2.headers()
    assert fast2.put_status(row.pk, "GODK", headers).status_code == 200
    assert fast2.get(f"/arbetsorder/{row.pk}/status", headers=headers).json() == {
        "statuskod": "GODK",
        "beskrivning": "Beställd",
    }
    row.refresh_from_db()
    assert row.ordered_at is not None
    assert fast2.put_status(row.pk, "REG", headers).status_code == 200
    row.refresh_from_db()
    assert row.status == "REG" and row.ordered_at is None


@pytest.mark.parametrize(
    ("start", "target"),
    [
        ("REG", "PAGAR"),
        ("REG", "UTFÖRD"),
        ("GODK", "UTFÖRD"),
        ("UTFÖRD", "PAGAR"),
        ("UTFÖRD", "MAK"),
        ("MAK", "REG"),
        ("ÖVERF", "UTFÖRD"),
    ],
)
def test_a_refused_move_answers_409_with_a_reason_and_changes_nothing(fast2, start, target):
    row = a_row(start)
    response = fast2.put_status(row.pk, target)
    assert response.status_code == 409
    assert start in response.json()["message"]
    row.refresh_from_db()
    assert row.status == start


def test_an_unknown_status_code_is_a_bad_request(fast2):
    assert fast2.put_status(a_row("REG").pk, "KLAR").status_code == 400


def test_a_status_change_is_a_händelse_and_a_history_entry_the_tenant_sees(fast2):
    row = a_row(WorkOrderStatus.GODK)
    headers = fast2.headers()
    fast2.put_status(row.pk, "PAGAR", headers)
    events = fast2.get("/arbetsorder/handelser", {"arbetsorderId": row.pk}, headers).json()
    assert events[-1]["rubrik"] == "Accepterad" and events[-1]["typKod"] == "SYS"
    assert events[-1]["skapadAv"] == "Handläggare Mina sidor"
    assert row.history.last().label == "Accepterad"
    assert row.pm5_status()[1].reference == "Leverantor"


def test_cancelling_the_last_open_row_closes_the_errand(fast2):
    row = next(r for r in ErrandRow.objects.filter(status="REG") if r.errand.rows.count() == 1)
    fast2.put_status(row.pk, "MAK")
    row.refresh_from_db()
    assert row.status == "MAK" and row.cancelled_at and row.errand.closed_at


def test_a_händelse_is_added_with_a_type_from_the_value_list(fast2):
    row = a_row(WorkOrderStatus.PAGAR)
    headers = fast2.headers()
    types = fast2.get("/arbetsorder/handelser/vardelista", headers=headers).json()
    assert {"id": "BOM", "text": "Bomkörning"} in types
    response = fast2.client.post(
        f"{AO}/arbetsorder/handelser?arbetsorderId={row.pk}",
        data=json.dumps({"rubrik": "Ingen hemma", "text": "Lapp lämnad.", "typKod": "BOM"}),
        content_type="application/json",
        headers=headers,
    )
    assert response.status_code == 201
    created = response.json()["id"]
    events = fast2.get("/arbetsorder/handelser", {"arbetsorderId": row.pk}, headers).json()
    assert any(
        e["id"] == created and e["text"] == "Lapp lämnad." and e["typBeskrivning"] == "Bomkörning" for e in events
    )


def test_a_händelse_needs_a_title_and_a_known_type(fast2):
    row = a_row(WorkOrderStatus.PAGAR)
    headers = fast2.headers()
    for body in ({"rubrik": "", "typKod": "BOM"}, {"rubrik": "X", "typKod": "NOPE"}, {"rubrik": "X", "typKod": "SYS"}):
        response = fast2.client.post(
            f"{AO}/arbetsorder/handelser?arbetsorderId={row.pk}",
            data=json.dumps(body),
            content_type="application/json",
            headers=headers,
        )
        assert response.status_code == 400, body


def test_wrong_methods_answer_405(fast2):
    headers = fast2.headers()
    assert fast2.client.delete(f"{AO}/arbetsorder", headers=headers).status_code == 405
    assert fast2.client.get(F + "/oauth2/token").status_code == 405


def put(fast2, work_order_id: int, body: dict):
    return fast2.client.put(
        f"{AO}/arbetsorder/{work_order_id}",
        data=json.dumps(body),
        content_type="application/json",
        headers=fast2.headers(),
    )


def test_an_update_changes_the_priority_and_the_planning_only(fast2):
    row = a_row(WorkOrderStatus.GODK)
    description = row.description
    assert put(fast2, row.pk, {"prioKod": "30"}).status_code == 200
    booking = {"bokadDatum": "2030-05-14", "bokadFromTid": "08:00", "bokadTomTid": "12:00"}
    assert put(fast2, row.pk, {"planering": booking}).status_code == 200
    body = fast2.get(f"/arbetsorder/{row.pk}").json()
    assert body["prio"]["prioKod"] == "30" and body["planering"] == booking
    assert body["information"]["beskrivning"] == (description or None)
    row.refresh_from_db()
    assert row.errand.planned_start == row.planned_at
    assert row.history.filter(label__startswith="Planerad 2030-05-14 08:00–12:00").exists()
    assert put(fast2, row.pk, {"planering": None}).status_code == 200
    assert fast2.get(f"/arbetsorder/{row.pk}").json()["planering"] is None


@pytest.mark.parametrize(
    "body",
    [
        {"prioKod": "99"},
        {"planering": {"bokadDatum": "14/5"}},
        {"planering": {"bokadDatum": "2030-05-14", "bokadFromTid": "12:00", "bokadTomTid": "08:00"}},
        {"planering": "imorgon"},
    ],
)
def test_an_update_that_cannot_be_applied_is_a_bad_request(fast2, body):
    assert put(fast2, a_row(WorkOrderStatus.REG).pk, body).status_code == 400


def test_a_finished_work_order_cannot_be_updated(fast2):
    response = put(fast2, a_row(WorkOrderStatus.UTFORD).pk, {"prioKod": "30"})
    assert response.status_code == 409 and "UTFÖRD" in response.json()["message"]


def test_the_sla_runs_from_registration_and_is_closed_once(fast2):
    row = a_row(WorkOrderStatus.REG)
    headers = fast2.headers()
    before = fast2.get(f"/arbetsorder/{row.pk}/sla", headers=headers).json()
    assert before["slaFaktisktSlut"] is None and isinstance(before["slaDiff"], int)
    close = f"{AO}/arbetsorder/{row.pk}/sla/avslutad"
    assert fast2.client.post(close, headers=headers).status_code == 200
    closed = fast2.get(f"/arbetsorder/{row.pk}/sla", headers=headers).json()
    assert closed["slaFaktisktSlut"] and closed["slaStart"] == before["slaStart"]
    assert fast2.client.post(close, headers=headers).status_code == 200
    assert fast2.get(f"/arbetsorder/{row.pk}/sla", headers=headers).json() == closed


def test_an_urgent_work_order_has_a_day_and_a_normal_one_two_weeks(fast2):
    from datetime import datetime, timedelta

    row = a_row(WorkOrderStatus.REG)
    headers = fast2.headers()

    def agreed() -> timedelta:
        body = fast2.get(f"/arbetsorder/{row.pk}/sla", headers=headers).json()
        return datetime.fromisoformat(body["slaAvtalatSlut"]) - datetime.fromisoformat(body["slaStart"])

    assert agreed() == timedelta(days=14)
    ErrandRow.objects.filter(pk=row.pk).update(priority=30)
    assert agreed() == timedelta(hours=24)


def test_kontaktpersoner_are_created_read_changed_and_deleted(fast2):
    row = a_row(WorkOrderStatus.PAGAR)
    headers = fast2.headers()
    base = f"{AO}/arbetsorder/kontaktpersoner"
    body = {"namn": "Gun Gode", "telefonMobil": "070-123 45 67", "anmarkning": "God man", "datumFom": "2030-01-01"}
    response = fast2.client.post(
        f"{base}?arbetsorderId={row.pk}", data=json.dumps(body), content_type="application/json", headers=headers
    )
    assert response.status_code == 201
    contact_id = response.json()["id"]
    listed = fast2.get("/arbetsorder/kontaktpersoner", {"arbetsorderId": row.pk}, headers).json()
    assert [c["namn"] for c in listed] == ["Gun Gode"] and listed[0]["arbetsorderId"] == row.pk
    change = json.dumps({"epost": "gun@example.se"})
    assert (
        fast2.client.put(
            f"{base}/{contact_id}", data=change, content_type="application/json", headers=headers
        ).status_code
        == 200
    )
    one = fast2.get(f"/arbetsorder/kontaktpersoner/{contact_id}", headers=headers).json()
    assert one["epost"] == "gun@example.se" and one["telefonMobil"] == "070-123 45 67"
    assert fast2.client.delete(f"{base}/{contact_id}", headers=headers).status_code == 200
    assert fast2.get(f"/arbetsorder/kontaktpersoner/{contact_id}", headers=headers).status_code == 404


@pytest.mark.parametrize(
    "body",
    [
        {"namn": ""},
        {"namn": "A", "arbetsorderId": 1},
        {"namn": "A", "datumFom": "2030-02-01", "datumTom": "2030-01-01"},
    ],
)
def test_a_kontaktperson_needs_a_name_and_the_same_work_order(fast2, body):
    row = a_row(WorkOrderStatus.PAGAR)
    response = fast2.client.post(
        f"{AO}/arbetsorder/kontaktpersoner?arbetsorderId={row.pk}",
        data=json.dumps(body),
        content_type="application/json",
        headers=fast2.headers(),
    )
    assert response.status_code == 400
