"""FAST2 Skapa arbetsorder (seed 7.6.2): validation, the status it starts in, and PM5 seeing it."""

import pytest

from apps.sandbox.models import Customer, ErrandParticipant, ErrandRow, RentalObject
from tests.sandbox.conftest import ANNA, KALLE
from tests.sandbox.test_fast2_structure import COOLS_NOT, FREEZER, FRIDGE_FREEZER, KALLE_HOME, KITCHEN, Api

pytestmark = pytest.mark.django_db

ANNA_HOME = "142-041-01"


@pytest.fixture(autouse=True)
def _demo(small_demo, settings_for_sandbox):
    return small_demo


@pytest.fixture
def api(client) -> Api:
    return Api(client)


def full_body(**extra):
    return {
        "objektId": KALLE_HOME,
        "utrymmesId": KITCHEN,
        "enhetsId": FREEZER,
        "frasNr": COOLS_NOT,
        "kundNr": KALLE,
        "information": {"beskrivning": "Frysen kyler inte.", "kommentar": "Katt i lägenheten."},
        **extra,
    }


def a_supplier() -> ErrandParticipant:
    return ErrandParticipant.objects.filter(role=ErrandParticipant.Role.HANDLER, row__isnull=False).first()


def test_a_created_work_order_is_in_the_list_and_among_the_customers_pm5_errands(api, pm5):
    response = api.create(**full_body())
    assert response.status_code == 201
    new_id = response.json()["id"]
    order = api.read(f"/arbetsorder/{new_id}").json()
    assert order["status"]["statusKod"] == "REG" and order["objekt"]["id"] == KALLE_HOME
    assert order["kund"]["id"] == Customer.objects.get(customer_number=KALLE).pk
    assert (order["utrymme"]["id"], order["enhet"]["id"]) == (KITCHEN, FREEZER)
    assert order["fras"] == {"frasKod": COOLS_NOT, "frasBesk": "Kyler inte"}
    assert order["prio"]["prioKod"] == "10" and order["tilltrade"]["tilltradeKod"] == "N"
    assert order["information"]["beskrivning"] == "Frysen kyler inte."
    assert order["utforare"] is None and order["ursprung"] == "Internt"
    listed = api.read("/arbetsorder", {"objektId": KALLE_HOME, "limit": 1000}).json()
    assert new_id in [o["id"] for o in listed]
    errand_id = ErrandRow.objects.get(pk=new_id).errand_id
    session = pm5.session(KALLE, "HämtaÄrende", "HämtaÄrendeRader")
    assert errand_id in [e["Id"] for e in session["Ärenden"]]


def test_the_staff_remark_and_another_reporter_are_kept(api):
    body = full_body(
        information={"beskrivning": "Frysen kyler inte.", "anmarkning": "Tredje gången i år."},
        anmalare={"namn": "Eva Lind", "telefon": "070-123 45 67", "epostAdress": "eva@example.se"},
    )
    new_id = api.create(**body).json()["id"]

    order = api.read(f"/arbetsorder/{new_id}").json()
    assert order["information"]["anmarkning"] == "Tredje gången i år."
    assert order["annanAnmalare"] == {"namn": "Eva Lind", "telefon": "070-123 45 67", "epostAdress": "eva@example.se"}


def test_a_utforare_orders_it_at_once_and_the_trailing_slash_is_the_same_endpoint(api):
    supplier = a_supplier()
    response = api.send("POST", "/arbetsorder/", full_body(resursId=f"R{supplier.pk}", prioKod="30"))
    assert response.status_code == 201
    order = api.read(f"/arbetsorder/{response.json()['id']}").json()
    assert order["status"]["statusKod"] == "GODK" and order["bestalld"]["datumBestalld"]
    assert order["utforare"]["namn"] == supplier.display_name and order["prio"]["prioKod"] == "30"
    registered = api.create(**full_body(resursId=f"R{supplier.pk}", statusKod="REG")).json()["id"]
    assert api.read(f"/arbetsorder/{registered}").json()["status"]["statusKod"] == "REG"


def test_the_enhet_alone_places_it_in_its_utrymme_and_only_objektId_is_required(api):
    body = {"objektId": KALLE_HOME, "enhetsId": FRIDGE_FREEZER, "arbetsordertypKod": "U", "tilltradesKod": "J"}
    new_id = api.create(**body).json()["id"]
    order = api.read(f"/arbetsorder/{new_id}").json()
    assert order["utrymme"]["id"] == KITCHEN and order["arbetsorderTyp"]["arbetsordertypKod"] == "U"
    assert order["tilltrade"]["tilltradeKod"] == "J"
    bare = api.create(objektId=KALLE_HOME)
    assert bare.status_code == 201
    row = ErrandRow.objects.get(pk=bare.json()["id"])
    assert row.node == RentalObject.objects.get(number=KALLE_HOME).root_node and row.errand.customer is None


def test_a_planned_work_order_books_its_window(api):
    planning = {"bokadDatum": "2030-05-14", "bokadFromTid": "08:00", "bokadTomTid": "12:00"}
    new_id = api.create(**full_body(planering=planning)).json()["id"]
    assert api.read(f"/arbetsorder/{new_id}").json()["planering"] == planning
    assert ErrandRow.objects.get(pk=new_id).errand.planned_start is not None


@pytest.mark.parametrize(
    ("change", "reason"),
    [
        ({"objektId": None}, "objektId"),
        ({"objektId": "999-999-99"}, "objektId"),
        ({"objektId": ANNA_HOME, "kundNr": None}, "utrymmesId"),  # KALLE's kitchen is not in ANNA's flat
        ({"utrymmesId": 1}, "utrymmesId"),
        ({"enhetsId": "fyra"}, "enhetsId"),
        ({"frasNr": 1}, "frasNr"),  # "Droppar" is no fras of a freezer
        ({"enhetsId": None, "frasNr": COOLS_NOT}, "frasNr"),
        ({"enhetsId": None, "frasNr": None, "arbetsordertypKod": "U"}, "U"),
        ({"arbetsordertypKod": "T"}, "systemet"),
        ({"arbetsordertypKod": "X"}, "arbetsordertypKod"),
        ({"statusKod": "GODK"}, "resursId"),
        ({"statusKod": "PAGAR"}, "statusKod"),
        ({"resursId": "R999999"}, "resursId"),
        ({"kundNr": ANNA}, "objekt"),
        ({"kundNr": "00000"}, "kundNr"),
        ({"prioKod": "99"}, "prioKod"),
        ({"tilltradesKod": "KANSKE"}, "tilltradesKod"),
        ({"ursprung": "Fax"}, "ursprung"),
        ({"anmalare": {"telefon": "070-123 45 67"}}, "anmalare.namn"),
        ({"anmalare": "Eva"}, "anmalare"),
        ({"ekonomi": {"kostnad": "mycket"}}, "ekonomi.kostnad"),
        ({"planering": {"bokadDatum": "snart"}}, "bokadDatum"),
    ],
)
def test_a_bad_body_is_400_with_the_reason_and_creates_nothing(api, change, reason):
    before = ErrandRow.objects.count()
    response = api.create(**full_body(**change))
    assert response.status_code == 400
    assert reason in response.json()["message"]
    assert ErrandRow.objects.count() == before


def test_a_body_that_is_not_a_json_object_is_400(api):
    assert api.send("POST", "/arbetsorder", "[1, 2]").status_code == 400
    assert api.send("POST", "/arbetsorder", "{not json").status_code == 400
