"""The sandbox's general errands and inspections, as a backend client sees them (Django's test client)."""

import json

import pytest

from apps.sandbox.models import Errand, ErrandClassNode
from tests.sandbox.conftest import ANNA, KALLE, PM5, pm5, settings_for_sandbox, small_demo  # noqa: F401

pytestmark = pytest.mark.django_db

APARTMENT = "n245612"  # demo customer 1's apartment (the seed's example walk)


@pytest.fixture(autouse=True)
def _demo(small_demo):  # noqa: F811
    return small_demo


def get(pm5, path: str, key: str | None = None, **params):  # noqa: F811
    return pm5.client.get(f"{PM5}/session/{key or pm5.key()}/{path}", params)


def create(pm5, body: dict, key: str | None = None):  # noqa: F811
    return pm5.client.post(
        f"{PM5}/session/{key or pm5.key()}/arende/", data=json.dumps(body), content_type="application/json"
    )


def music() -> ErrandClassNode:
    return ErrandClassNode.objects.get(label="Musik eller fest")


def disturbance(**row) -> dict:
    node = music()
    return {
        "Avser": APARTMENT,
        "Ärendetyp": "AllmantArende",
        "Användningstyp": {"Referensnamn": "Storning"},
        "Kontakt": None,
        "Husdjur": None,
        "ÄrendeKällaSystemnamn": "MinaSidor",
        "Rader": [
            {
                "Avser": f"{APARTMENT}-{node.path}",
                "Beskrivning": "Hög musik efter midnatt",
                "Tidpunkter": [{"ÄrendeRadTidpunktTypId": 1, "Värde": "2026-01-10T23:30:00"}],
            }
            | row
        ],
    }


# --- Hämta NodKlassInfoLista ---------------------------------------------------------------


def test_the_classes_of_a_group_are_a_bare_array_in_the_seeds_shape(pm5):  # noqa: F811
    response = get(pm5, "AllmantArende", NodKlassAnvändningTypSystemName="ExternWebbArende")
    assert response.status_code == 200
    classes = response.json()
    assert [c["Beteckning"] for c in classes] == ["Störning", "Önskemål"]
    storning = classes[0]
    assert storning | {"ÄrendeKlassTidpunktLista": None} == {
        "NodKlassId": 1,
        "Beteckning": "Störning",
        "Kod": "S",
        "Borttagen": False,
        "Kortbeteckning": "Stör",
        "SystemName": "Storning",
        "ÄrendeKlassTidpunktLista": None,
    }
    assert storning["ÄrendeKlassTidpunktLista"][0]["ÄrendeTidpunktTypSystemName"] == "Intraffat"


def test_an_unknown_group_or_usage_answers_an_empty_list(pm5):  # noqa: F811
    assert get(pm5, "Okand").json() == []
    assert get(pm5, "AllmantArende", NodKlassAnvändningTypSystemName="Okand").json() == []


def test_fixed_routes_win_over_a_group_name(pm5):  # noqa: F811
    assert get(pm5, "kund/tillfalligaadresser").status_code == 200


def test_the_classes_need_a_session(pm5):  # noqa: F811
    assert pm5.client.get(f"{PM5}/session/nonsense/AllmantArende").status_code == 401


# --- the walk down a class's tree ---------------------------------------------------------------


def test_a_class_walk_starts_with_the_classes_top_nodes_under_the_object(pm5):  # noqa: F811
    key = pm5.key()
    top = get(pm5, f"arende/typ/AllmantArende/Storning/{APARTMENT}", key, HämtaAvser="true").json()
    assert [n["Visningstext"] for n in top["Avser"][0]] == ["Buller", "Lukt", "Ordning och trivsel"]
    buller = top["Avser"][0][0]["Id"]
    below = get(pm5, f"arende/typ/AllmantArende/Storning/{APARTMENT}-{buller}", key, HämtaAvser="true").json()
    assert len(below["Avser"]) == 2
    assert "Musik eller fest" in [n["Visningstext"] for n in below["Avser"][1]]


def test_a_class_walk_refuses_an_unknown_class_and_another_customers_object(pm5):  # noqa: F811
    assert get(pm5, f"arende/typ/AllmantArende/Okand/{APARTMENT}").status_code == 400
    other = get(pm5, f"arende/typ/AllmantArende/Storning/{APARTMENT}", pm5.key(ANNA))
    assert other.status_code == 404
    onskemal_node = ErrandClassNode.objects.filter(errand_class__system_name="Onskemal").first()
    across = get(pm5, f"arende/typ/AllmantArende/Storning/{APARTMENT}-{onskemal_node.id}")
    assert across.status_code == 404, "a node of another class is not on this class's walk"


def test_an_inspection_walks_the_objects_own_tree(pm5):  # noqa: F811
    response = get(pm5, f"arende/typ/Besiktning/Felanmälan/{APARTMENT}", HämtaAvser="true")
    assert response.status_code == 200, response.content
    assert "Kök" in [n["Visningstext"] for n in response.json()["Avser"][0]]


# --- creating a general errand ----------------------------------------------------------------------


def test_a_disturbance_becomes_a_general_errand_with_its_time_and_path(pm5):  # noqa: F811
    key = pm5.key()
    response = create(pm5, disturbance(), key)
    assert response.status_code == 200, response.content
    errand_id = response.json()["ÄrendeId"]
    errand = Errand.objects.get(pk=errand_id)
    assert errand.kind == Errand.Kind.ALLMANT and errand.errand_class.system_name == "Storning"
    data = get(pm5, f"arende/{errand_id}", key).json()
    assert data["Typ"] == "Störning" and data["TypReferensNamn"] == "AllmantArende"
    row = data["Rader"][0]
    assert [n["Visningstext"] for n in row["Nodstig"]][-2:] == ["Buller", "Musik eller fest"]
    assert row["Avser"]["Visningstext"] == "Musik eller fest"
    assert row["Tidpunkter"][0]["Värde"] == "2026-01-10T23:30:00"


@pytest.mark.parametrize(
    ("change", "code"),
    [
        ({"Användningstyp": {"Referensnamn": "Okand"}}, "OgiltigAnvandningstyp"),
        ({"Rader": [{"Avser": f"{APARTMENT}-n1", "Beskrivning": "x"}]}, "OkandNod"),
        ({"Rader": [{"Avser": "n1-n2", "Beskrivning": "x"}]}, "OgiltigNodstig"),
    ],
)
def test_a_general_errand_pm5_would_refuse_is_400(pm5, change, code):  # noqa: F811
    response = create(pm5, disturbance() | change)
    assert response.status_code == 400
    assert response.json()["Felkod"] == code


@pytest.mark.parametrize(
    ("row", "code"),
    [
        ({"Beskrivning": " "}, "BeskrivningSaknas"),
        ({"Tidpunkter": [{"ÄrendeRadTidpunktTypId": 99, "Värde": "2026-01-10T23:30:00"}]}, "OgiltigTidpunkt"),
        ({"Tidpunkter": [{"ÄrendeRadTidpunktTypId": 1, "Värde": "i går"}]}, "OgiltigTidpunkt"),
        ({"Tidpunkter": [{"ÄrendeRadTidpunktTypId": 1, "Värde": "2999-01-01T00:00:00"}]}, "OgiltigTidpunkt"),
        ({"FelbeskrivningstypId": 1}, "OgiltigBegaran"),
    ],
)
def test_a_general_errands_row_pm5_would_refuse_is_400(pm5, row, code):  # noqa: F811
    response = create(pm5, disturbance(**row))
    assert response.status_code == 400
    assert response.json()["Felkod"] == code


# --- inspections -----------------------------------------------------------------------------


def inspections(customer: str) -> list[Errand]:
    return list(Errand.objects.filter(customer__customer_number=customer, kind=Errand.Kind.BESIKTNING))


def test_an_inspection_in_the_session_carries_avser_adress_and_processteg(pm5):  # noqa: F811
    session = pm5.get_session(pm5.key(), "HämtaÄrende", "HämtaÄrendeRader").json()
    found = [e for e in session["Ärenden"] if e["TypReferensNamn"] == "Besiktning"]
    assert {e["Typ"] for e in found} == {"Inflyttningsbesiktning"}
    assert all(e["Avser"] and e["Adress"] and e["Processteg"] for e in found)
    general = [e for e in session["Ärenden"] if e["TypReferensNamn"] == "AllmantArende"]
    assert general and general[0]["Avser"] is None


def test_the_protocol_of_a_done_inspection_is_a_pdf(pm5):  # noqa: F811
    done = next(e for e in inspections(KALLE) if e.closed_at)
    response = get(pm5, f"arende/protokoll/{done.pk}/true")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    assert get(pm5, f"arende/protokoll/{done.pk}/TRUE").status_code == 200, "the boolean in any case"


def test_there_is_no_protocol_for_the_other_side_a_booked_inspection_or_another_customer(pm5):  # noqa: F811
    done = next(e for e in inspections(KALLE) if e.closed_at)
    booked = next(e for e in inspections(KALLE) if not e.closed_at)
    assert get(pm5, f"arende/protokoll/{done.pk}/false").status_code == 404
    assert get(pm5, f"arende/protokoll/{booked.pk}/true").status_code == 404
    assert get(pm5, f"arende/protokoll/{done.pk}/true", pm5.key(ANNA)).status_code == 404
    fault = Errand.objects.filter(customer__customer_number=KALLE, kind=Errand.Kind.ORDER).first()
    assert get(pm5, f"arende/protokoll/{fault.pk}/true").status_code == 404


def test_a_protocol_boolean_that_is_not_one_is_400(pm5):  # noqa: F811
    done = next(e for e in inspections(KALLE) if e.closed_at)
    response = get(pm5, f"arende/protokoll/{done.pk}/kanske")
    assert response.status_code == 400
    assert response.json()["Felkod"] == "OgiltigParameter"
