"""PM5 messages with attachments (A13, 000:142-167, 000:560-577) and errands by share key (000:711)."""

import base64
import json

import pytest

from tests.sandbox.conftest import ANNA, KALLE, PM5

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("small_demo")]


def messages(pm5, customer=KALLE) -> list[dict]:
    return pm5.session(customer, "HämtaKund", "HämtaKundMeddelanden")["Kund"]["Meddelanden"]


def test_messages_carry_their_attachments_and_null_when_there_are_none(pm5):
    listed = messages(pm5)
    with_attachments = [m for m in listed if m["Bilagor"]]
    assert len(with_attachments) == 1
    news = with_attachments[0]
    assert news["Kanaler"][0]["KanalTyp"]["SystemName"] == "Nyhet"
    assert {a["ExterntNamn"] for a in news["Bilagor"]} == {
        "Information om vattenavstängning.pdf",
        "Karta över avstängningen.png",
    }
    assert all(a["MeddelandeUtgåendeId"] == news["MeddelandeUtgåendeId"] for a in news["Bilagor"])
    assert all(m["Bilagor"] is None for m in listed if m is not news)


def test_an_attachment_is_a_notifieringbilagafil_with_the_files_bytes_in_base64(pm5):
    from apps.sandbox.models import MessageAttachment

    news = next(m for m in messages(pm5) if m["Bilagor"])
    for attachment in news["Bilagor"]:
        response = pm5.client.get(
            f"{PM5}/session/{pm5.key()}/notifieringBilagaFil/{attachment['MeddelandeUtgåendeId']}/{attachment['ExterntId']}"
        )
        assert response.status_code == 200
        body = b"".join(response.streaming_content)
        data = json.loads(body)
        stored = MessageAttachment.objects.get(pk=attachment["ExterntId"])
        assert data["MimeTyp"] == stored.content_type
        assert data["Extension"] in {".pdf", ".png"}
        assert base64.b64decode(data["Data"]) == stored.file.open("rb").read()


def test_another_customers_attachment_or_a_wrong_pair_is_404_in_pm5s_shape(pm5):
    annas = next(m for m in messages(pm5, ANNA) if m["Bilagor"])["Bilagor"][0]
    key = pm5.key(KALLE)
    kalles = next(m for m in messages(pm5) if m["Bilagor"])
    other = next(m for m in messages(pm5) if not m["Bilagor"])
    for message_id, external_id in (
        (annas["MeddelandeUtgåendeId"], annas["ExterntId"]),
        (other["MeddelandeUtgåendeId"], kalles["Bilagor"][0]["ExterntId"]),
        ("abc", "1"),
    ):
        response = pm5.client.get(f"{PM5}/session/{key}/notifieringBilagaFil/{message_id}/{external_id}")
        assert response.status_code == 404
        assert response.json()["Felkod"] == "BilagaSaknas"
    response = pm5.client.post(f"{PM5}/session/{key}/notifieringBilagaFil/1/1")
    assert response.status_code == 405 and response["Allow"] == "GET"


def own_errand_id(customer: str) -> int:
    from apps.sandbox.models import Errand

    return Errand.objects.filter(customer__customer_number=customer).values_list("pk", flat=True).first()


def test_a_share_key_reads_the_errand_without_a_session_until_it_is_withdrawn(pm5):
    key = pm5.key()
    errand_id = own_errand_id(KALLE)
    made = pm5.client.post(f"{PM5}/session/{key}/arende/{errand_id}/delningsnyckel")
    assert made.status_code == 200
    share_key = made.json()["Delningsnyckel"]

    shared = pm5.client.get(f"{PM5}/arende/{share_key}")
    assert shared.status_code == 200
    assert shared.json()["Id"] == errand_id and shared.json()["Rader"]

    withdrawn = pm5.client.delete(f"{PM5}/session/{key}/arende/{errand_id}/delningsnyckel/{share_key}")
    assert withdrawn.status_code == 200 and withdrawn.json() == {"Felkod": None, "Meddelande": None}
    gone = pm5.client.get(f"{PM5}/arende/{share_key}")
    assert gone.status_code == 404 and gone.json()["Felkod"] == "ArendeSaknas"
    again = pm5.client.delete(f"{PM5}/session/{key}/arende/{errand_id}/delningsnyckel/{share_key}")
    assert again.status_code == 404


def test_another_customers_errand_cannot_be_shared_or_withdrawn(pm5):
    annas_errand = own_errand_id(ANNA)
    response = pm5.client.post(f"{PM5}/session/{pm5.key(KALLE)}/arende/{annas_errand}/delningsnyckel")
    assert response.status_code == 404 and response.json()["Felkod"] == "ArendeSaknas"

    annas_key = pm5.client.post(f"{PM5}/session/{pm5.key(ANNA)}/arende/{annas_errand}/delningsnyckel").json()
    response = pm5.client.delete(
        f"{PM5}/session/{pm5.key(KALLE)}/arende/{annas_errand}/delningsnyckel/{annas_key['Delningsnyckel']}"
    )
    assert response.status_code == 404
    assert pm5.client.get(f"{PM5}/arende/{annas_key['Delningsnyckel']}").status_code == 200


def test_an_unknown_share_key_is_404_in_pm5s_shape_and_other_methods_405(pm5):
    response = pm5.client.get(f"{PM5}/arende/no-such-key")
    assert response.status_code == 404 and response.json()["Felkod"] == "ArendeSaknas"
    assert pm5.client.post(f"{PM5}/arende/no-such-key").status_code == 405
