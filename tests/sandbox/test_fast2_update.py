"""PUT /v1/arbetsorder/{id} (seed 7.6.1): every field applied, or the whole body refused with its reason."""

import pytest

from apps.sandbox.models import ErrandRow, WorkOrderStatus
from tests.sandbox.test_fast2 import put

pytestmark = pytest.mark.django_db


def a_unit_row() -> ErrandRow:
    """An open work order placed on an enhet, alone in its errand."""
    for row in ErrandRow.objects.filter(status=WorkOrderStatus.GODK).select_related("node__kind").order_by("pk"):
        if row.node and row.node.kind.level in ("unit", "part") and row.errand.rows.count() == 1:
            return row
    pytest.skip("the demo has no such work order")


def test_the_texts_access_reporter_and_type_are_applied_and_read_back(fast2_api):
    row = a_unit_row()
    body = {
        "information": {"beskrivning": "Byt hela blandaren.", "anmarkning": "Garanti?", "atgard": "Bytt"},
        "tilltradesKod": "J",
        "anmalare": {"namn": "Eva Lind", "telefon": "070-123 45 67"},
        "arbetsordertypKod": "U",
        "enhetsNotering": "Vänster kran",
        "objektId": row.errand.rental_object.number,  # the same objekt: accepted
    }
    response = put(fast2_api, row.pk, body)
    assert response.status_code == 200, response.content
    order = fast2_api.get(f"/arbetsorder/{row.pk}").json()
    assert order["information"]["beskrivning"] == "Byt hela blandaren."
    assert (order["information"]["anmarkning"], order["information"]["atgard"]) == ("Garanti?", "Bytt")
    assert order["tilltrade"]["tilltradeKod"] == "J" and order["arbetsorderTyp"]["arbetsordertypKod"] == "U"
    assert order["annanAnmalare"]["namn"] == "Eva Lind" and order["enhet"]["enhetsNotering"] == "Vänster kran"


def test_a_work_order_is_reassigned_and_moved_on_in_one_body(fast2_api):
    row = a_unit_row()
    orders = fast2_api.get("/arbetsorder", {"limit": 1000}).json()
    current = fast2_api.get(f"/arbetsorder/{row.pk}").json()["utforare"]
    other = next(o["utforare"] for o in orders if o["utforare"] and o["utforare"] != current)
    assert put(fast2_api, row.pk, {"resursId": other["id"], "statusKod": "PAGAR"}).status_code == 200
    order = fast2_api.get(f"/arbetsorder/{row.pk}").json()
    assert order["utforare"]["id"] == other["id"] and order["status"]["statusKod"] == "PAGAR"


@pytest.mark.parametrize(
    ("body", "reason"),
    [
        ({"ekonomi": {"kostnad": -1}}, "ekonomi.kostnad"),
        ({"ekonomi": {"hyra": 1}}, "ekonomi"),
        ({"fakturera": {"faktureras": False, "fakturaBelopp": 500}}, "fakturera.fakturaBelopp"),
        ({"fakturera": {"faktureras": "ja"}}, "fakturera.faktureras"),
        ({"buntId": 7}, "buntId"),
        ({"nyEnhet": {"enhetsTyp": "SPIS"}}, "nyEnhet"),
        ({"objektId": "999-999-99"}, "objektId"),
        ({"externtNr": "R-0000-0"}, "externtNr"),
        ({"arbetsordertypKod": "T"}, "arbetsordertypKod"),
        ({"tilltradesKod": "K"}, "tilltradesKod"),
        ({"resursId": "R999999"}, "resursId"),
        ({"frasNr": 999999}, "frasNr"),
        ({"statusKod": "NOPE"}, "statusKod"),
        ({"kommentar": "x"}, "Okända fält"),
    ],
)
def test_a_field_that_cannot_be_applied_refuses_the_whole_body(fast2_api, body, reason):
    row = a_unit_row()
    before = fast2_api.get(f"/arbetsorder/{row.pk}").json()
    response = put(fast2_api, row.pk, body | {"information": {"beskrivning": "Ska inte sparas."}})
    assert response.status_code == 400 and reason in response.json()["message"]
    assert fast2_api.get(f"/arbetsorder/{row.pk}").json()["information"] == before["information"]


def test_the_people_groups_and_prio_sla_have_values(fast2_api):
    row = a_unit_row()
    order = fast2_api.get(f"/arbetsorder/{row.pk}").json()
    assert order["registrerad"]["registreradAv"]["namn"] and order["modifierad"]["modifieradAv"]["namn"]
    assert order["referens"]["namn"] and order["referens"]["kommunikation"]["epostAdress"]
    assert order["prio"]["prioSla"] in ("PT24H", "P14D")
    done = next(o for o in fast2_api.get("/arbetsorder", {"limit": 1000, "status": "UTFÖRD"}).json())
    assert done["utford"]["utfordAv"] is None or done["utford"]["utfordAv"]["namn"]


def test_ekonomi_and_fakturera_are_kept_per_field_and_read_never_null(fast2_api):
    row = a_unit_row()
    before = fast2_api.get(f"/arbetsorder/{row.pk}").json()
    assert before["ekonomi"]["konteringsKonto"] in ("4657", "4651") and before["ekonomi"]["konteringFastighetsNr"]
    assert before["fakturera"] == {"faktureras": False, "fakturaBelopp": None}
    body = {"ekonomi": {"konterinfRefKst": "KST 12", "materialkostnad": "350.50"}, "fakturera": {"faktureras": True}}
    assert put(fast2_api, row.pk, body).status_code == 200
    assert put(fast2_api, row.pk, {"fakturera": {"fakturaBelopp": 1200}}).status_code == 200
    order = fast2_api.get(f"/arbetsorder/{row.pk}").json()
    assert order["ekonomi"]["konterinfRefKst"] == "KST 12" and order["ekonomi"]["materialkostnad"] in ("350.50", 350.5)
    assert order["ekonomi"]["konteringsKonto"] == before["ekonomi"]["konteringsKonto"]
    assert order["fakturera"]["faktureras"] is True and str(order["fakturera"]["fakturaBelopp"]) in (
        "1200.00",
        "1200.0",
    )
    assert put(fast2_api, row.pk, {"ekonomi": {"konterinfRefKst": None}}).status_code == 200
    assert fast2_api.get(f"/arbetsorder/{row.pk}").json()["ekonomi"]["konterinfRefKst"] is None


def test_a_status_the_rules_refuse_undoes_the_rest_of_the_body(fast2_api):
    row = a_unit_row()
    response = put(fast2_api, row.pk, {"information": {"beskrivning": "Ska inte sparas."}, "statusKod": "ÖVERF"})
    assert response.status_code == 409
    row.refresh_from_db()
    assert row.description != "Ska inte sparas." and row.status == WorkOrderStatus.GODK


def test_maintenance_needs_a_unit(fast2_api):
    row = a_unit_row()
    response = put(fast2_api, row.pk, {"utrymmesId": None, "enhetsId": None, "arbetsordertypKod": "U"})
    assert response.status_code == 400 and "kräver" in response.json()["message"]
    row.refresh_from_db()
    assert row.node.kind.level in ("unit", "part")
