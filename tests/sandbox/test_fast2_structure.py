"""FAST2 fasta strukturen, kund and Skapa arbetsorder over the sandbox's own data."""

import json

import pytest

from apps.sandbox.models import Customer, Node, RentalObject
from tests.sandbox.conftest import KALLE
from tests.sandbox.test_fast2 import AO, Fast2

pytestmark = pytest.mark.django_db

FS = "/fastastrukturen"
KALLE_HOME = "142-043-01"
# The seed's example walk in KALLE's apartment: Lägenhet → Kök → Kyl/Frys → Frys - Standard.
KITCHEN, FRIDGE_FREEZER, FREEZER = 512431, 188452, 422831
COOLS_NOT = 13  # "Kyler inte", a fras of Kyl/Frys and Frys


@pytest.fixture(autouse=True)
def _demo(small_demo, settings_for_sandbox):
    return small_demo


class Api(Fast2):
    def __init__(self, client):
        super().__init__(client)
        self._headers = self.headers()

    def read(self, path: str, params=None):
        return self.get(path, params, self._headers)

    def send(self, method: str, path: str, body, headers=None):
        if method == "GET":
            return self.client.get(AO + path, headers=headers or self._headers)
        data = body if isinstance(body, (str, bytes)) else json.dumps(body)
        call = getattr(self.client, method.lower())
        return call(AO + path, data=data, content_type="application/json", headers=headers or self._headers)

    def page(self, kind: str = "uthyrningsbara", **body):
        response = self.send("POST", f"{FS}/objekt/felanmalningsbara/{kind}", body)
        assert response.status_code == 200, response.content
        return response.json()

    def create(self, **body):
        return self.send("POST", "/arbetsorder", body)


@pytest.fixture
def api(client) -> Api:
    return Api(client)


def kalle() -> Customer:
    return Customer.objects.get(customer_number=KALLE)


# --- objekt ---------------------------------------------------------------------------------


def test_an_objekt_has_the_seeds_shape_with_its_tenant(api):
    response = api.read(f"{FS}/objekt/{KALLE_HOME}")
    assert response.status_code == 200
    body = response.json()
    obj = RentalObject.objects.get(number=KALLE_HOME)
    assert body["id"] == KALLE_HOME
    assert set(body) == {"id", "adress", "detalj", "typ", "kunder", "relationer"}
    assert body["adress"]["adress"] == obj.building.street and body["adress"]["lghummer"] == obj.apartment_number
    assert body["kunder"]["id1"] == kalle().pk
    assert body["typ"]["objektsTyp"] == "Lägenhet" and body["relationer"]["fastighetNr"] == "142"


def test_an_unknown_objekt_is_404(api):
    assert api.read(f"{FS}/objekt/999-999-99").status_code == 404


def test_the_two_reportable_sets_split_rentable_objects_from_common_rooms(api):
    rentable = {o["id"] for o in api.page("uthyrningsbara")}
    common = {o["id"] for o in api.page("ejuthyrningsbara")}
    assert rentable == set(RentalObject.objects.filter(is_common=False).values_list("number", flat=True))
    assert common == set(RentalObject.objects.filter(is_common=True).values_list("number", flat=True))


def test_the_filter_gives_what_a_customer_may_report_on(api):
    mine = api.page(filter={"kundId": kalle().pk})
    leased = set(kalle().leases.values_list("rental_object__number", flat=True))
    assert KALLE_HOME in {o["id"] for o in mine} and {o["id"] for o in mine} <= leased
    laundry = api.page("ejuthyrningsbara", filter={"kundId": str(kalle().pk)})  # the seed's quoted "<long>"
    assert [o["typ"]["objektsOTyp"] for o in laundry] == ["Tvattstuga"]
    one = api.page(filter={"kundId": kalle().pk, "objektId": KALLE_HOME})
    assert [o["id"] for o in one] == [KALLE_HOME]


def test_first_and_after_page_through_every_object_once(api):
    everything = [o["id"] for o in api.page(first=1000)]
    assert everything == sorted(everything) and len(everything) >= 5
    seen, after = [], None
    while True:
        page = api.page(first=2, **({"after": after} if after else {}))
        assert len(page) <= 2
        seen += [o["id"] for o in page]
        if len(page) < 2:
            break
        after = page[-1]["id"]
    assert seen == everything


def test_sortering_orders_by_several_fields_and_after_follows_that_order(api):
    sorts = [{"falt": "typ.objektsOTyp", "riktning": "DESC"}, {"falt": "id", "riktning": "DESC"}]
    ordered = api.page(sortering=sorts, first=1000)
    keys = [(o["typ"]["objektsOTyp"], o["id"]) for o in ordered]
    assert keys == sorted(keys, reverse=True)
    rest = api.page(sortering=sorts, after=ordered[1]["id"], first=2)
    assert [o["id"] for o in rest] == [o["id"] for o in ordered[2:4]]
    by_area = [o["detalj"]["yta"] for o in api.page(sortering=[{"falt": "detalj.yta"}], first=1000)]
    known = [a for a in by_area if a is not None]
    assert known == sorted(known) and by_area[: len(known)] == known, "no area sorts last ascending"


@pytest.mark.parametrize(
    "body",
    [
        {"first": 0},
        {"first": "många"},
        {"first": 1001},
        {"after": "no-such-object"},
        {"after": 5},
        {"sortering": [{"falt": "hyra"}]},
        {"sortering": [{"falt": "id", "riktning": "UPP"}]},
        {"sortering": {"falt": "id"}},
        {"filter": "kalle"},
        {"filter": {"kundId": "x"}},
    ],
)
def test_a_bad_paging_body_is_400_with_a_reason(api, body):
    response = api.send("POST", f"{FS}/objekt/felanmalningsbara/uthyrningsbara", body)
    assert response.status_code == 400 and response.json()["message"]


def test_the_reportable_lists_are_read_with_post_only(api):
    assert api.read(f"{FS}/objekt/felanmalningsbara/uthyrningsbara").status_code == 405


# --- utrymme, enhet, fras -----------------------------------------------------------------


def test_rooms_units_and_phrases_walk_down_the_objects_tree(api):
    rooms = api.read(f"{FS}/utrymmen", {"objektId": KALLE_HOME}).json()
    kitchen = next(r for r in rooms if r["id"] == KITCHEN)
    assert kitchen == {"id": KITCHEN, "beskrivning": "Kök", "roomsnummer": None, "utrymmesTypKod": "KOK"}
    assert api.read(f"{FS}/utrymmen/{KITCHEN}").json() == kitchen
    units = api.read(f"{FS}/enheter/", {"utrymmesId": KITCHEN}).json()
    names = {u["beskrivning"] for u in units}
    assert {"Kyl/Frys", "Frys - Standard", "Spis", "Ugn", "Övrigt"} <= names
    assert {u["utrymme"]["id"] for u in units} == {KITCHEN}
    freezer = api.read(f"{FS}/enheter/{FREEZER}").json()
    assert freezer["enhetstyp"]["kod"] == "FRYS" and freezer["felanmalan"] is True
    assert isinstance(freezer["enhetstyp"]["id"], int), "enhetstyp.id is a long, never null"
    phrases = api.read(f"{FS}/enheter/fraser", {"enhetsId": FREEZER}).json()
    assert {p["fras"]["text"] for p in phrases} == {"Kyler inte", "Låter", "Läcker"}
    assert all(p["id"] == p["fras"]["id"] for p in phrases)
    assert api.read(f"{FS}/fraser", {"enhetsId": FREEZER}).json() == phrases  # the index's path


def test_a_laundry_room_has_its_units_in_the_objects_own_utrymme(api):
    laundry = RentalObject.objects.get(is_common=True)
    [room] = api.read(f"{FS}/utrymmen", {"objektId": laundry.number}).json()
    assert room["beskrivning"] == "Tvättstuga"
    units = api.read(f"{FS}/enheter", {"utrymmesId": room["id"]}).json()
    assert {"Tvättmaskin 1", "Mangel"} <= {u["beskrivning"] for u in units}


def test_unknown_rooms_units_and_queries(api):
    assert api.read(f"{FS}/utrymmen/1").status_code == 404
    assert api.read(f"{FS}/utrymmen/{FREEZER}").status_code == 404, "a unit is no room"
    assert api.read(f"{FS}/enheter/{KITCHEN}").status_code == 404, "a room is no unit"
    assert api.read(f"{FS}/enheter/abc").status_code == 404
    assert api.read(f"{FS}/utrymmen", {"objektId": "nope"}).status_code == 400
    assert api.read(f"{FS}/enheter", {}).status_code == 400
    assert api.read(f"{FS}/enheter/fraser", {"enhetsId": KITCHEN}).status_code == 400


def test_put_enhet_changes_the_five_fields_and_the_name_pm5_shows(api):
    body = {
        "beskrivning": "Frys Electrolux",
        "installationsdatum": "2020-05-01",
        "underhallsdatum": "2024-02-01",
        "serienummer": "EL-123",
        "egenskap": "Vit",
        "garanti": 60,  # not changeable through the API: ignored
    }
    assert api.send("PUT", f"{FS}/enheter/{FREEZER}", body).status_code == 200
    unit = api.read(f"{FS}/enheter/{FREEZER}").json()
    assert (unit["beskrivning"], unit["installationsdatum"], unit["underhallsdatum"]) == (
        "Frys Electrolux",
        "2020-05-01",
        "2024-02-01",
    )
    assert (unit["serienummer"], unit["egenskap"], unit["garanti"]) == ("EL-123", "Vit", None)
    assert Node.objects.get(id=f"n{FREEZER}").label == "Frys Electrolux"
    api.send("PUT", f"{FS}/enheter/{FREEZER}", {"serienummer": ""})
    again = api.read(f"{FS}/enheter/{FREEZER}").json()
    assert again["serienummer"] is None and again["egenskap"] == "Vit", "a partial update"


@pytest.mark.parametrize(
    "body",
    [
        {"beskrivning": ""},
        {"installationsdatum": "förra året"},
        {"installationsdatum": "2024-01-01", "underhallsdatum": "2023-01-01"},
        {"serienummer": "x" * 61},
        "[]",
    ],
)
def test_a_bad_enhet_update_is_400_and_changes_nothing(api, body):
    response = api.send("PUT", f"{FS}/enheter/{FREEZER}", body)
    assert response.status_code == 400 and response.json()["message"]
    assert Node.objects.get(id=f"n{FREEZER}").label == "Frys - Standard"


# --- kund -----------------------------------------------------------------------------------


def test_a_customer_is_read_by_id_and_by_kundnummer(api):
    customer = kalle()
    by_id = api.read(f"/kund/{customer.pk}").json()
    assert by_id == api.read(f"/kund/kundnummer/{KALLE}").json()
    # nummer is the personnummer (001:902); the lookup is by kundnummer.
    assert (by_id["id"], by_id["nummer"], by_id["namnHela"]) == (customer.pk, customer.personnummer, customer.full_name)
    assert {p["typ"] for p in by_id["kommunikation"]["telefon"]} <= {"Bostad", "Mobil"}
    assert api.read("/kund/99999999").status_code == 404
    assert api.read("/kund/kundnummer/00000").status_code == 404


def test_kontaktuppgift_upserts_by_type_and_pm5_sees_it(api, pm5):
    customer = kalle()
    body = {"epostAdress": "kalle@example.se", "telefon": [{"typ": "Mobil", "telefonNr": "070-111 22 33"}]}
    assert api.send("PUT", f"/kund/{customer.pk}/kontaktuppgift", body).status_code == 200
    read = api.read(f"/kund/{customer.pk}").json()["kommunikation"]
    assert read["epostAdress"] == "kalle@example.se"
    assert {"typ": "Mobil", "telefonNr": "070-111 22 33"} in read["telefon"]
    session = pm5.session(KALLE, "HämtaKund", "HämtaKontaktuppgifter")
    assert "070-111 22 33" in json.dumps(session, ensure_ascii=False)
    # The index's plural path; an empty number removes that type only.
    body = {"telefon": [{"typ": "Mobil", "telefonNr": ""}]}
    assert api.send("PUT", f"/kund/{customer.pk}/kontaktuppgifter", body).status_code == 200
    read = api.read(f"/kund/{customer.pk}").json()["kommunikation"]
    assert "Mobil" not in {p["typ"] for p in read["telefon"]} and read["epostAdress"] == "kalle@example.se"


@pytest.mark.parametrize(
    "body",
    [
        {"epostAdress": "inte-en-adress"},
        {"telefon": [{"typ": "Fax", "telefonNr": "08-123 456"}]},
        {"telefon": [{"typ": "Arbete", "telefonNr": "ring mig"}]},
        {"telefon": [{"typ": "Mobil", "telefonNr": "ring mig"}]},
        {"telefon": [{"typ": "Mobil", "telefonNr": "070-1"}, {"typ": "Mobil", "telefonNr": "070-2"}]},
    ],
)
def test_a_bad_kontaktuppgift_is_400(api, body):
    response = api.send("PUT", f"/kund/{kalle().pk}/kontaktuppgift", body)
    assert response.status_code == 400 and response.json()["message"]


# --- tokens -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("method", "path"),
    [
        ("GET", f"{FS}/objekt/{KALLE_HOME}"),
        ("POST", f"{FS}/objekt/felanmalningsbara/uthyrningsbara"),
        ("POST", f"{FS}/objekt/felanmalningsbara/ejuthyrningsbara"),
        ("GET", f"{FS}/utrymmen/{KITCHEN}"),
        ("GET", f"{FS}/enheter/{FREEZER}"),
        ("PUT", f"{FS}/enheter/{FREEZER}"),
        ("GET", f"{FS}/enheter/fraser?enhetsId={FREEZER}"),
        ("GET", f"/kund/kundnummer/{KALLE}"),
        ("POST", "/arbetsorder"),
    ],
)
def test_every_new_endpoint_needs_both_tokens(api, method, path):
    gateway_only = {"Authorization": api._headers["Authorization"]}
    assert api.send(method, path, {}, headers=gateway_only).status_code == 401
    resource_only = {"X-Auth-Token": api._headers["X-Auth-Token"]}
    assert api.send(method, path, {}, headers=resource_only).status_code == 401
