"""The sandbox's address endpoints: Hämta/Spara tillfällig adress and SessionAdresserGet (contract A31, A33)."""

import json
from datetime import timedelta

import pytest
from django.utils import timezone

from apps.sandbox.models import Customer, TemporaryAddress
from tests.sandbox.conftest import ANNA, KALLE, PM5

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _demo(small_demo):
    return small_demo


def day(offset: int) -> str:
    return (timezone.localdate() + timedelta(days=offset)).isoformat()


def addresses(pm5, key: str, **params):
    return pm5.client.get(f"{PM5}/session/{key}/kund/tillfalligaadresser/", params)


def save(pm5, key: str, **fields):
    body = {
        "Namn": "Kalle Andersson",
        "CareOf": None,
        "Attention": None,
        "Gatuadress1": "Fäbodvägen 12",
        "Gatuadress2": None,
        "Postnummer": "820 62",
        "Postort": "Bergsjö",
        "Fom": day(100),
        "Tom": day(130),
        "Land": "SE",
    } | fields
    return pm5.client.post(
        f"{PM5}/session/{key}/kund/sparatillfalligadress/", json.dumps(body), content_type="application/json"
    )


def refusal(response) -> tuple[int, str]:
    body = response.json()
    assert body["Meddelande"], "a refusal says why, in words for the tenant"
    return response.status_code, body["Felkod"]


def kalles(**filters):
    return TemporaryAddress.objects.filter(customer__customer_number=KALLE, **filters)


# --- Hämta tillfälliga adresser ------------------------------------------------------------


def test_it_lists_current_and_upcoming_addresses_and_ended_ones_on_request(pm5):
    key = pm5.key()
    current = addresses(pm5, key).json()
    everything = addresses(pm5, key, VisaAvslutade="true").json()

    assert [a["Gatuadress1"] for a in current] == ["Strandvägen 4"]
    assert [a["Gatuadress1"] for a in everything] == ["Fäbodvägen 12", "Strandvägen 4"]
    assert set(current[0]) == {
        "AdressId", "Fom", "Tom", "Gatuadress1", "Gatuadress2", "Attention", "Namn", "CareOf",
        "Postnummer", "Postort", "Land", "LandReferensnamn",
    }  # fmt: skip
    assert (current[0]["Land"], current[0]["LandReferensnamn"]) == ("Sverige", "SE")


def test_visa_avslutade_must_be_true_or_false(pm5):
    response = addresses(pm5, pm5.key(), VisaAvslutade="kanske")
    assert response.status_code == 400
    assert response.json()["Felkod"] == "OgiltigParameter"


def test_it_needs_a_live_session(pm5):
    assert addresses(pm5, "no-such-key").status_code == 401
    assert save(pm5, "no-such-key").status_code == 401


@pytest.mark.parametrize(
    ("method", "path"), [("post", "kund/tillfalligaadresser/"), ("get", "kund/sparatillfalligadress/")]
)
def test_each_endpoint_takes_one_method(pm5, method, path):
    response = getattr(pm5.client, method)(f"{PM5}/session/{pm5.key()}/{path}")
    assert response.status_code == 405
    assert response.json()["Felkod"] == "MetodEjTillaten"


def test_paths_match_in_any_case_and_without_the_trailing_slash(pm5):
    response = pm5.client.get(f"{PM5}/Session/{pm5.key()}/Kund/TillfalligaAdresser")
    assert response.status_code == 200


# --- Spara tillfällig adress ------------------------------------------------------------


def test_it_creates_an_address_and_answers_an_empty_felmeddelande(pm5):
    response = save(pm5, pm5.key(), CareOf="Lena Andersson")

    assert response.status_code == 200
    assert response.json() == {"Felkod": None, "Meddelande": None}
    created = kalles(street="Fäbodvägen 12", valid_from=day(100)).get()
    assert (created.care_of, created.postal_code, created.valid_to.isoformat()) == ("Lena Andersson", "82062", day(130))


def test_it_changes_the_address_whose_id_is_given(pm5):
    key = pm5.key()
    save(pm5, key)
    upcoming = kalles(valid_from=day(100)).get()

    response = save(pm5, key, AdressId=upcoming.pk, Gatuadress1="Fäbodvägen 14", Fom=day(101))

    assert response.status_code == 200
    upcoming.refresh_from_db()
    assert (upcoming.street, upcoming.valid_from.isoformat()) == ("Fäbodvägen 14", day(101))


def test_another_customers_address_id_is_not_found(pm5):
    anna = Customer.objects.get(customer_number=ANNA)
    theirs = TemporaryAddress.objects.create(
        customer=anna, street="Annas väg 1", postal_code="80426", city="Gävle",
        valid_from=timezone.localdate() + timedelta(days=200), valid_to=timezone.localdate() + timedelta(days=210),
    )  # fmt: skip

    response = save(pm5, pm5.key(), AdressId=theirs.pk)

    assert response.status_code == 404
    assert response.json()["Felkod"] == "AdressSaknas"
    theirs.refresh_from_db()
    assert theirs.street == "Annas väg 1"
    assert save(pm5, pm5.key(), AdressId=999999999).status_code == 404


@pytest.mark.parametrize(
    ("fields", "felkod"),
    [
        ({"Tom": day(99)}, "Tom"),
        ({"Fom": day(-1)}, "Fom"),
        ({"Fom": "1 december"}, "Fom"),
        ({"Tom": None}, "Tom"),
        ({"Land": "XX"}, "Land"),
        ({"Land": None}, "Land"),
        ({"Postnummer": "8206"}, "Postnummer"),
        ({"Postnummer": "ABCDE"}, "Postnummer"),
        ({"Gatuadress1": ""}, "Gatuadress1"),
        ({"Postort": None}, "Postort"),
        ({"Namn": "x" * 121}, "Namn"),
        ({"Namn": 12}, "Namn"),
    ],
)
def test_it_refuses_what_the_landlords_system_would_naming_the_field(pm5, fields, felkod):
    assert refusal(save(pm5, pm5.key(), **fields)) == (400, felkod)
    assert not kalles(valid_from=day(100)).exists()


def test_it_refuses_a_period_that_overlaps_another(pm5):
    """Kalle's current address runs from 20 days ago to 70 days ahead."""
    response = save(pm5, pm5.key(), Fom=day(70), Tom=day(90))
    assert refusal(response) == (400, "Overlapp")
    assert "Perioden överlappar en annan tillfällig adress" in response.json()["Meddelande"]


def test_a_foreign_address_keeps_its_own_postal_code_and_country(pm5):
    assert save(pm5, pm5.key(), Postnummer="0150", Postort="Oslo", Land="no").status_code == 200
    created = kalles(city="Oslo").get()
    assert (created.postal_code, created.country_code, created.country) == ("0150", "NO", "Norge")


def test_an_ongoing_address_keeps_its_first_day_but_may_end_sooner(pm5):
    key = pm5.key()
    ongoing = kalles(street="Strandvägen 4").get()
    same = {"AdressId": ongoing.pk, "Gatuadress1": ongoing.street, "Postnummer": ongoing.postal_code}

    assert refusal(save(pm5, key, **same, Fom=day(-19), Tom=day(10))) == (400, "Fom")
    assert refusal(save(pm5, key, **same, Fom=ongoing.valid_from.isoformat(), Tom=day(-1))) == (400, "Tom")
    assert save(pm5, key, **same, Fom=ongoing.valid_from.isoformat(), Tom=day(0)).status_code == 200
    ongoing.refresh_from_db()
    assert ongoing.valid_to == timezone.localdate()


def test_an_ended_address_cannot_be_changed(pm5):
    ended = kalles(street="Fäbodvägen 12").get()
    response = save(pm5, pm5.key(), AdressId=ended.pk, Fom=day(100), Tom=day(130))
    assert refusal(response) == (400, "Avslutad")


def test_a_body_that_is_not_a_json_object_is_a_bad_request(pm5):
    key = pm5.key()
    for body in ("not json", "[1, 2]"):
        response = pm5.client.post(
            f"{PM5}/session/{key}/kund/sparatillfalligadress/", body, content_type="application/json"
        )
        assert refusal(response) == (400, "OgiltigBegaran")


def test_field_names_match_in_any_case(pm5):
    body = {
        "gatuadress1": "Fäbodvägen 20", "POSTNUMMER": "82062", "postort": "Bergsjö",
        "fom": day(100), "TOM": day(130), "land": "SE",
    }  # fmt: skip
    response = pm5.client.post(
        f"{PM5}/session/{pm5.key()}/kund/sparatillfalligadress/", json.dumps(body), content_type="application/json"
    )
    assert response.status_code == 200
    assert kalles(street="Fäbodvägen 20").exists()


# --- SessionAdresserGet ------------------------------------------------------------


@pytest.mark.parametrize("prefix", ["/v1/session", "/session", "/V1/Session"])
def test_it_gives_the_postal_and_the_visiting_address_at_both_paths(pm5, prefix):
    response = pm5.client.get(f"{PM5}{prefix}/{pm5.key()}/kund/adresser/")

    assert response.status_code == 200
    post, visit = response.json()
    assert (post["AdressTypReferensnamn"], visit["AdressTypReferensnamn"]) == ("kund.post", "kund.besok")
    assert (post["AdressTypBeteckning"], visit["AdressTypBeteckning"]) == ("Postadress", "Besöksadress")
    assert post["Namn"] == "Kalle Andersson"
    assert post["Gatuadress2"].startswith("Lgh ")
    assert visit["Gatuadress2"] is None
    assert post["FullständigAdress"] == f"{post['Gatuadress1']}, {post['Gatuadress2']}, 804 26 Gävle"
    assert post["AdressId"] != visit["AdressId"]
    assert not kalles(pk__in=[post["AdressId"], visit["AdressId"]]).exists()


def test_it_needs_a_live_session_for_the_permanent_addresses_too(pm5):
    assert pm5.client.get(f"{PM5}/v1/session/nope/kund/adresser/").status_code == 401
