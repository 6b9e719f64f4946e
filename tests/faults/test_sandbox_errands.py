"""The sandbox's fault-report endpoints, as a backend client sees them (Django's test client over the URLs)."""

import base64
import json

import pytest

from apps.sandbox.models import Errand, ErrandRowMedia, Node
from tests.faults.conftest import FREEZER_PATH, image_bytes
from tests.sandbox.conftest import ANNA, KALLE, PM5, pm5, settings_for_sandbox, small_demo  # noqa: F401

pytestmark = pytest.mark.django_db

WALK = "arende/typ/Order/Felanmälan"
FLAGS = {"HämtaAvser": "true", "HämtaFelbeskrivningstyper": "true", "HämtaNyckelhanteringstyper": "true"}


@pytest.fixture(autouse=True)
def _demo(small_demo):  # noqa: F811
    return small_demo


def walk(pm5, path: str, key: str | None = None, **params):  # noqa: F811
    key = key or pm5.key()
    return pm5.client.get(f"{PM5}/session/{key}/{WALK}/{path}", params)


def create(pm5, body: dict, key: str | None = None, **headers):  # noqa: F811
    key = key or pm5.key()
    return pm5.client.post(
        f"{PM5}/session/{key}/arende/", data=json.dumps(body), content_type="application/json", headers=headers
    )


def report_body(**overrides) -> dict:
    body = {
        "Avser": "n245612",
        "Ärendetyp": "Order",
        "Användningstyp": {"Referensnamn": "Felanmälan"},
        "Kontakt": None,
        "Husdjur": None,
        "ÄrendeKällaSystemnamn": "MinaSidor",
        "Rader": [
            {
                "Avser": FREEZER_PATH,
                "Beskrivning": "Frysen håller inte temperaturen",
                "NyckelhanteringId": 2,
                "Nyckelhanteringsnotering": "Hemma mellan 10:00 och 13:00",
                "FelbeskrivningstypId": None,
                "Specifikation": None,
                "Media": [],
            }
        ],
    }
    body.update(overrides)
    return body


def test_the_walk_replays_the_seeds_example_one_level_per_call(pm5):  # noqa: F811
    key = pm5.key()
    expected = {1: "n512431", 2: "n188452", 3: "n422831"}
    labels = {1: "Kök", 2: "Kyl/Frys", 3: "Frys - Standard"}
    ids = FREEZER_PATH.split("-")
    for depth in (1, 2, 3):
        response = walk(pm5, "-".join(ids[:depth]), key, HämtaAvser="true")
        assert response.status_code == 200, response.content
        levels = response.json()["Avser"]
        assert len(levels) == depth, "one list per node of the path"
        offered = {item["Id"]: item["Visningstext"] for item in levels[-1]}
        assert offered[expected[depth]] == labels[depth]


def test_the_walk_of_a_leaf_ends_with_an_empty_list_and_its_fault_types(pm5):  # noqa: F811
    data = walk(pm5, FREEZER_PATH, **FLAGS).json()
    assert data["Avser"][-1] == []
    assert {t["Beteckning"] for t in data["Felbeskrivningstyper"]} == {"Kyler inte", "Låter", "Läcker"}
    assert {k["Beteckning"] for k in data["Nyckelhanteringstyper"]} >= {"Är hemma"}


def test_every_flag_is_opt_in(pm5):  # noqa: F811
    data = walk(pm5, "n245612").json()
    assert data == {"Avser": None, "Felbeskrivningstyper": None, "Nyckelhanteringstyper": None}


def test_a_flag_that_is_neither_true_nor_false_is_refused(pm5):  # noqa: F811
    assert walk(pm5, "n245612", HämtaAvser="ja").status_code == 400


def test_the_path_segments_match_in_any_case_and_percent_encoded(pm5):  # noqa: F811
    key = pm5.key()
    response = pm5.client.get(f"{PM5}/session/{key}/arende/typ/order/felanm%C3%A4lan/n245612", {"HämtaAvser": "true"})
    assert response.status_code == 200


def test_a_path_whose_nodes_are_not_parent_and_child_gets_an_error(pm5):  # noqa: F811
    assert walk(pm5, "n245612-n188452", HämtaAvser="true").status_code == 404, "Kyl/Frys is not directly in Lägenhet"
    assert walk(pm5, "n512431", HämtaAvser="true").status_code == 404, "a path starts at an object"
    assert walk(pm5, "n245612--n512431", HämtaAvser="true").status_code == 404


def test_another_customers_object_is_not_found(pm5):  # noqa: F811
    response = walk(pm5, "n245612", pm5.key(ANNA), HämtaAvser="true")
    assert response.status_code == 404
    assert response.json()["Felkod"] == "NodSaknas"


def test_a_laundry_room_is_reportable_too(pm5):  # noqa: F811
    objects = pm5.session(KALLE, "HämtaTillgängligaObjekt")["TillgängligaObjekt"]
    laundry = next(o for o in objects if o["Typ"] == "Tvattstuga")
    assert laundry["Användning"] == [{"Referensnamn": "Felanmälan", "Beteckning": "Felanmälan"}]
    data = walk(pm5, laundry["Entitet"]["Id"], HämtaAvser="true").json()
    assert "Tvättmaskin 1" in {node["Visningstext"] for node in data["Avser"][0]}


def test_it_creates_an_errand_from_the_contracts_example(pm5):  # noqa: F811
    key = pm5.key()
    response = create(pm5, report_body(), key)
    assert response.status_code == 200, response.content
    errand_id = response.json()["ÄrendeId"]

    errand = pm5.client.get(f"{PM5}/session/{key}/arende/{errand_id}").json()
    assert errand["Id"] == errand_id
    assert errand["TypReferensNamn"] == "Order"
    row = errand["Rader"][0]
    assert "-".join(step["Id"] for step in row["Nodstig"]) == FREEZER_PATH
    assert row["Status"]["Referensnamn"] == "Pagaende"
    assert Errand.objects.get(pk=errand_id).source == "MinaSidor"


def test_it_takes_photos_as_base64_and_serves_them_back_raw(pm5):  # noqa: F811
    key = pm5.key()
    png = image_bytes("PNG")
    body = report_body()
    body["Rader"][0]["Media"] = [{"MediaByte": base64.b64encode(png).decode(), "Notering": "Isen"}]
    errand_id = create(pm5, body, key).json()["ÄrendeId"]
    errand = pm5.client.get(f"{PM5}/session/{key}/arende/{errand_id}").json()
    row = errand["Rader"][0]
    [media] = row["Media"]
    assert media["Media"] is None, "bytes only through Hämta Ärenderadfil (A49)"

    response = pm5.client.get(f"{PM5}/session/{key}/arenderadfil/{errand_id}/{row['Id']}/{media['Id']}")
    assert response.status_code == 200
    assert response["Content-Type"] == "image/png"
    assert response.content == png


@pytest.mark.parametrize(
    ("change", "code"),
    [
        ({"Rader": [{"Avser": "n245612-n999999", "Beskrivning": "x"}]}, "OkandNod"),
        ({"Rader": [{"Avser": "n111111-n512431", "Beskrivning": "x"}]}, "OgiltigNodstig"),
        ({"Rader": [{"Avser": FREEZER_PATH, "Beskrivning": "  "}]}, "BeskrivningSaknas"),
        ({"Rader": []}, "RaderSaknas"),
        ({"Avser": FREEZER_PATH}, "OgiltigAvser"),
        ({"Ärendetyp": "Besiktning"}, "OgiltigArendetyp"),
        ({"Rader": [{"Avser": FREEZER_PATH, "Beskrivning": "x", "FelbeskrivningstypId": 2}]}, "OkandFelbeskrivning"),
        ({"Rader": [{"Avser": FREEZER_PATH, "Beskrivning": "x", "Media": [{"MediaByte": "aGVq"}]}]}, "OgiltigBild"),
        ({"Kontakt": {"Visningsnamn": "Adam"}}, "OgiltigKontakt"),
    ],
)
def test_it_refuses_a_report_a_real_system_would_refuse(pm5, change, code):  # noqa: F811
    before = Errand.objects.count()
    response = create(pm5, report_body(**change))
    assert response.status_code == 400, response.content
    assert response.json()["Felkod"] == code
    assert response.json()["Meddelande"]
    assert Errand.objects.count() == before


def test_it_does_not_create_on_another_customers_object(pm5):  # noqa: F811
    response = create(pm5, report_body(), pm5.key(ANNA))
    assert response.status_code == 404


def test_the_ardendetyp_felanmalan_is_taken_as_a_synonym(pm5):  # noqa: F811
    response = create(pm5, report_body(**{"Ärendetyp": "Felanmälan", "Användningstyp": "Felanmälan"}))
    assert response.status_code == 200


def test_an_idempotency_key_sent_again_answers_the_same_errand(pm5):  # noqa: F811
    key = pm5.key()
    first = create(pm5, report_body(), key, **{"Idempotency-Key": "abc-123"}).json()["ÄrendeId"]
    again = create(pm5, report_body(), key, **{"Idempotency-Key": "abc-123"}).json()["ÄrendeId"]
    other = create(pm5, report_body(), key, **{"Idempotency-Key": "abc-456"}).json()["ÄrendeId"]
    assert first == again != other
    assert Errand.objects.filter(idempotency_key="abc-123").count() == 1


def test_another_customers_errand_and_file_are_not_found(pm5):  # noqa: F811
    media = ErrandRowMedia.objects.select_related("row__errand").filter(row__errand__customer__customer_number=KALLE)[0]
    row = media.row
    own_key, other_key = pm5.key(), pm5.key(ANNA)
    assert pm5.client.get(f"{PM5}/session/{own_key}/arende/{row.errand_id}").status_code == 200
    assert pm5.client.get(f"{PM5}/session/{other_key}/arende/{row.errand_id}").status_code == 404
    path = f"arenderadfil/{row.errand_id}/{row.pk}/{media.pk}"
    assert pm5.client.get(f"{PM5}/session/{own_key}/{path}").status_code == 200
    assert pm5.client.get(f"{PM5}/session/{other_key}/{path}").status_code == 404
    assert (
        pm5.client.get(f"{PM5}/session/{own_key}/arenderadfil/{row.errand_id}/{row.pk + 1}/{media.pk}").status_code
        == 404
    )


def test_the_endpoints_refuse_other_methods(pm5):  # noqa: F811
    key = pm5.key()
    assert pm5.client.post(f"{PM5}/session/{key}/{WALK}/n245612").status_code == 405
    assert pm5.client.get(f"{PM5}/session/{key}/arende/").status_code == 405


def test_a_node_id_never_holds_a_dash():
    assert not Node.objects.filter(id__contains="-").exists()
