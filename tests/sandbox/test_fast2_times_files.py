"""FAST2 tider (seed 7.9 and the index's timer calls) and filetransfer (seed 8) in the sandbox."""

import json
from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from apps.sandbox.demo.files import simple_png
from apps.sandbox.models import ErrandRow, ErrandRowMedia, TempFile, WorkOrderTime

pytestmark = pytest.mark.django_db

F = "/sandbox/fast2"
AO = F + "/ao-produkt/v1"
CREDENTIAL = "mina-sidor-demo:sandbox-secret"
PNG = simple_png(8, 8, (10, 20, 30))


@pytest.fixture(autouse=True)
def _demo(small_demo, settings_for_sandbox):
    return small_demo


class Fast2:
    def __init__(self, client):
        self.client = client
        gateway = client.post(
            F + "/oauth2/token",
            data=json.dumps({"grant_type": "client_credentials"}),
            content_type="application/json",
            headers={"Authorization": f"Bearer {CREDENTIAL}"},
        ).json()["access_token"]
        login = client.post(
            AO + "/auth/login",
            data=json.dumps({"username": "handlaggare", "password": "sandbox-fast2"}),
            content_type="application/json",
            headers={"Authorization": f"Bearer {gateway}"},
        )
        self.headers = {"Authorization": f"Bearer {gateway}", "X-Auth-Token": login.json()["access_token"]}

    def get(self, path: str, params=None):
        return self.client.get(AO + path, params or {}, headers=self.headers)

    def send(self, method: str, path: str, body=None, query: str = ""):
        return getattr(self.client, method)(
            AO + path + query,
            data=json.dumps(body) if body is not None else "",
            content_type="application/json",
            headers=self.headers,
        )

    def upload(self, content: bytes, name: str = "foto.png", part: str = "tempFile"):
        upload = SimpleUploadedFile(name, content, content_type="image/png")
        return self.client.post(AO + "/filetransfer/tempfile", {part: upload}, headers=self.headers)


@pytest.fixture
def fast2(client) -> Fast2:
    return Fast2(client)


def a_row(status: str) -> ErrandRow:
    return ErrandRow.objects.filter(status=status).order_by("pk").first()


def test_the_activity_value_list_has_ids_and_texts(fast2):
    activities = fast2.get("/arbetsorder/tider/aktiviteter/vardelista").json()
    assert activities and all(isinstance(a["id"], int) and a["frasText"] for a in activities)


def test_a_time_is_created_read_listed_changed_and_deleted(fast2):
    row = a_row("PAGAR")
    activity = fast2.get("/arbetsorder/tider/aktiviteter/vardelista").json()[1]
    body = {"arbetsorderId": row.pk, "timmar": 1, "minuter": 30, "datumFom": "2026-11-20", "frasId": activity["id"]}
    response = fast2.send("post", "/arbetsorder/tider", body, query=f"?arbetsorderId={row.pk}")
    assert response.status_code == 201, response.content
    time_id = response.json()["id"]

    one = fast2.get(f"/arbetsorder/tider/{time_id}").json()
    assert one["arbetsorderId"] == row.pk and (one["timmar"], one["minuter"]) == (1, 30)
    assert one["aktivitet"] == activity["frasText"] and one["frasId"] == activity["id"]
    assert one["resursId"] == "handlaggare" and one["pagar"] is False
    assert [t["id"] for t in fast2.get("/arbetsorder/tider", {"arbetsorderId": row.pk}).json()] == [time_id]

    assert fast2.send("put", f"/arbetsorder/tider/{time_id}", {"minuter": 45, "pris": "350.50"}).status_code == 200
    changed = fast2.get(f"/arbetsorder/tider/{time_id}").json()
    assert (changed["timmar"], changed["minuter"], changed["pris"]) == (1, 45, 350.5)

    assert fast2.send("delete", f"/arbetsorder/tider/{time_id}").status_code == 200
    assert fast2.get(f"/arbetsorder/tider/{time_id}").status_code == 404


def test_start_and_end_times_alone_give_the_duration(fast2):
    row = a_row("GODK")
    body = {"starttid": "08:15", "sluttid": "10:00", "datumFom": "2026-11-20"}
    time_id = fast2.send("post", "/arbetsorder/tider", body, query=f"?arbetsorderId={row.pk}").json()["id"]
    entry = WorkOrderTime.objects.get(pk=time_id)
    assert (entry.hours, entry.minutes) == (1, 45)


@pytest.mark.parametrize(
    ("body", "reason"),
    [
        ({}, "timmar"),
        ({"timmar": 1, "minuter": 60}, "minuter"),
        ({"timmar": -1}, "timmar"),
        ({"timmar": 1, "frasId": 999999}, "frasId"),
        ({"timmar": 1, "starttid": "8.15"}, "starttid"),
        ({"starttid": "10:00", "sluttid": "09:00"}, "sluttid"),
        ({"timmar": 1, "datumFom": "2026-11-20", "datumTom": "2026-11-19"}, "datumTom"),
        ({"timmar": 1, "pris": "gratis"}, "pris"),
        ({"timmar": 1, "arbetsorderId": 1}, "arbetsorderId"),
    ],
)
def test_a_time_that_does_not_add_up_is_refused_with_a_reason(fast2, body, reason):
    row = a_row("PAGAR")
    response = fast2.send("post", "/arbetsorder/tider", body, query=f"?arbetsorderId={row.pk}")
    assert response.status_code == 400 and reason in response.json()["message"]


def test_the_work_order_is_required_in_the_query(fast2):
    assert fast2.get("/arbetsorder/tider").status_code == 400
    assert fast2.send("post", "/arbetsorder/tider", {"timmar": 1}, query="?arbetsorderId=99999999").status_code == 400


@pytest.mark.parametrize("status", ["UTFÖRD", "MAK"])
def test_a_finished_or_cancelled_work_order_takes_no_time(fast2, status):
    row = a_row(status)
    response = fast2.send("post", "/arbetsorder/tider", {"timmar": 1}, query=f"?arbetsorderId={row.pk}")
    assert response.status_code == 409 and str(row.pk) in response.json()["message"]
    assert fast2.send("post", "/arbetsorder/tider/starta", query=f"?arbetsorderId={row.pk}").status_code == 409
    entry = WorkOrderTime.objects.create(row=row, resource_id="handlaggare", hours=1)
    assert fast2.send("put", f"/arbetsorder/tider/{entry.pk}", {"timmar": 2}).status_code == 409
    assert fast2.send("delete", f"/arbetsorder/tider/{entry.pk}").status_code == 409


def test_a_timer_starts_runs_once_and_stops_with_its_duration(fast2):
    row = a_row("PAGAR")
    query = f"?arbetsorderId={row.pk}"
    started = fast2.send("post", "/arbetsorder/tider/starta", query=query)
    assert started.status_code == 201
    time_id = started.json()["id"]
    assert fast2.get(f"/arbetsorder/tider/{time_id}").json()["pagar"] is True
    again = fast2.send("post", "/arbetsorder/tider/starta", query=query)
    assert again.status_code == 409 and "pågår" in again.json()["message"]
    assert fast2.send("put", f"/arbetsorder/tider/{time_id}", {"timmar": 1}).status_code == 409

    entry = WorkOrderTime.objects.get(pk=time_id)
    entry.running_since -= timedelta(hours=2, minutes=5)
    entry.save()
    assert fast2.send("post", "/arbetsorder/tider/stoppa", query=query).status_code == 200
    stopped = fast2.get(f"/arbetsorder/tider/{time_id}").json()
    assert (stopped["timmar"], stopped["minuter"], stopped["pagar"]) == (2, 5, False)
    assert stopped["sluttid"] and stopped["datumTom"]
    nothing_running = fast2.send("post", "/arbetsorder/tider/stoppa", query=query)
    assert nothing_running.status_code == 409


def test_a_timer_is_stopped_by_its_id_once(fast2):
    row = a_row("GODK")
    time_id = fast2.send("post", "/arbetsorder/tider/starta", query=f"?arbetsorderId={row.pk}").json()["id"]
    assert fast2.send("post", f"/arbetsorder/tider/{time_id}/stoppa").status_code == 200
    second = fast2.send("post", f"/arbetsorder/tider/{time_id}/stoppa")
    assert second.status_code == 409 and "redan stoppad" in second.json()["message"]
    assert fast2.send("post", "/arbetsorder/tider/99999999/stoppa").status_code == 404


def test_a_temp_file_is_stored_and_deleted_by_its_name(fast2):
    response = fast2.upload(PNG)
    assert response.status_code == 201, response.content
    name = response.json()["name"]
    stored = TempFile.objects.get(name=name)
    assert stored.content_type == "image/png" and stored.size == len(PNG) and stored.original_name == "foto.png"
    assert fast2.send("delete", f"/filetransfer/tempfile/{name}").status_code == 200
    assert fast2.send("delete", f"/filetransfer/tempfile/{name}").status_code == 404


def test_a_temp_file_of_the_wrong_kind_or_size_is_refused(fast2, settings):
    assert fast2.upload(b"MZ\x90\x00 not a picture", name="virus.png").status_code == 400
    assert fast2.upload(PNG, part="file").status_code == 400
    assert fast2.upload(b"").status_code == 400
    settings.SANDBOX_FAST2_MAX_FILE_BYTES = len(PNG) - 1
    too_large = fast2.upload(PNG)
    assert too_large.status_code == 413 and too_large.json()["message"]
    assert not TempFile.objects.exists()


def test_the_work_order_lists_its_photos_and_the_file_is_served(fast2):
    row = a_row("PAGAR")
    media = ErrandRowMedia.objects.create(row=row, content_type="image/png", content=PNG)
    files = fast2.get(f"/arbetsorder/{row.pk}").json()["filer"]
    assert {"id": media.pk, "contentType": "image/png", "storlek": len(PNG)}.items() <= files[-1].items()
    assert files[-1]["namn"].endswith(".png")

    response = fast2.get(f"/filetransfer/file/{media.pk}")
    assert response.status_code == 200 and response.content == PNG
    assert response["Content-Type"] == "image/png" and response["X-Content-Type-Options"] == "nosniff"
    assert (
        response["Content-Disposition"].startswith("inline;") and files[-1]["namn"] in response["Content-Disposition"]
    )
    assert fast2.get("/filetransfer/file/99999999").status_code == 404


def test_a_file_is_deleted_only_while_its_work_order_is_open(fast2):
    open_media = ErrandRowMedia.objects.create(row=a_row("REG"), content_type="image/png", content=PNG)
    done_media = ErrandRowMedia.objects.create(row=a_row("UTFÖRD"), content_type="image/png", content=PNG)
    assert fast2.send("delete", f"/filetransfer/file/{open_media.pk}").status_code == 200
    assert not ErrandRowMedia.objects.filter(pk=open_media.pk).exists()
    assert fast2.send("delete", f"/filetransfer/file/{done_media.pk}").status_code == 409
    assert fast2.send("delete", f"/filetransfer/file/{open_media.pk}").status_code == 404


def test_times_and_files_need_both_tokens(client):
    assert client.get(AO + "/arbetsorder/tider/aktiviteter/vardelista").status_code == 401
    assert client.get(AO + "/filetransfer/file/1").status_code == 401
