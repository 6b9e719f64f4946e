"""The sandbox's Spara erbjudandesvar (seed 000:879-899, contract A47) and the offers in the session."""

import json
from datetime import timedelta

import pytest
from django.utils import timezone

from apps.sandbox.models import Errand, ErrandRow
from tests.sandbox.conftest import ANNA, KALLE, PM5

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _demo(small_demo):
    return small_demo


def save(pm5, key: str, rows) -> object:
    body = rows if isinstance(rows, (str, bytes)) else json.dumps({"Rader": rows})
    return pm5.client.post(f"{PM5}/session/{key}/arende/sparaerbjudanden", body, content_type="application/json")


def offer_rows(customer: str, choices: int) -> list[ErrandRow]:
    """The rows of the customer's offer with that many choices (the painting has one, the floor three)."""
    for errand in Errand.objects.filter(customer__customer_number=customer, offer_answer_by__isnull=False):
        rows = list(errand.rows.order_by("pk"))
        if len(rows) == choices:
            return rows
    raise AssertionError(f"no offer with {choices} rows")


def annas_offer_row() -> ErrandRow:
    """One of Anna's errands made an offer (only demo customer 1 has offers in the demo)."""
    row = ErrandRow.objects.filter(errand__customer__customer_number=ANNA).first()
    Errand.objects.filter(pk=row.errand_id).update(offer_answer_by=timezone.localdate() + timedelta(days=5))
    return row


def today() -> str:
    return timezone.localdate().isoformat()


def test_the_session_shows_each_offer_with_its_deadline_and_choices(pm5):
    session = pm5.session(KALLE, "HämtaÄrende", "HämtaÄrendeRader")
    offers = [e for e in session["Ärenden"] if e["UnderhållsErbjudande"]]
    assert len(offers) == 2, "the kitchen painting and the floor with three choices"
    floor = next(e for e in offers if len(e["Rader"]) == 3)
    assert floor["UnderhållsErbjudande"]["ErbjudandeEkonomiSerieSvarSenast"] > today()
    choices = [row["Åtgärd"]["ÅtgärdNodKlassTyp"]["Beteckning"] for row in floor["Rader"]]
    assert choices == ["Läggs med ekparkett", "Läggs med laminat", "Läggs med linoleum"]
    assert all(row["Åtgärd"]["ÅtgärdNod"]["Accepterad"] is None for row in floor["Rader"])


def test_accepting_a_choice_stores_the_date_and_the_session_shows_it(pm5):
    key = pm5.key(KALLE)
    oak, laminate, _ = offer_rows(KALLE, 3)

    response = save(
        pm5, key, [{"ÄrendeRadId": laminate.pk, "Accepterad": today()}, {"ÄrendeRadId": oak.pk, "Accepterad": None}]
    )

    assert response.status_code == 200
    assert response.json() == {"Felkod": None, "Meddelande": None}
    laminate.refresh_from_db()
    assert laminate.offer_accepted_on == timezone.localdate()
    rows = {
        r["Id"]: r
        for e in pm5.get_session(key, "HämtaÄrende", "HämtaÄrendeRader").json()["Ärenden"]
        for r in e["Rader"] or ()
    }
    assert rows[laminate.pk]["Åtgärd"]["ÅtgärdNod"]["Accepterad"] == today()
    assert rows[oak.pk]["Åtgärd"]["ÅtgärdNod"]["Accepterad"] is None


def test_null_withdraws_an_acceptance(pm5):
    key = pm5.key(KALLE)
    (painting,) = offer_rows(KALLE, 1)
    save(pm5, key, [{"ÄrendeRadId": painting.pk, "Accepterad": today()}])

    assert save(pm5, key, [{"ÄrendeRadId": painting.pk, "Accepterad": None}]).status_code == 200
    painting.refresh_from_db()
    assert painting.offer_accepted_on is None


def test_an_answer_after_the_last_day_is_refused_and_nothing_is_saved(pm5):
    key = pm5.key(KALLE)
    (painting,) = offer_rows(KALLE, 1)
    Errand.objects.filter(pk=painting.errand_id).update(offer_answer_by=timezone.localdate() - timedelta(days=1))

    response = save(pm5, key, [{"ÄrendeRadId": painting.pk, "Accepterad": today()}])

    assert response.status_code == 400
    assert response.json()["Felkod"] == "SvarstidenHarGattUt"
    assert "Sista dag att svara" in response.json()["Meddelande"]
    painting.refresh_from_db()
    assert painting.offer_accepted_on is None


def test_the_last_day_itself_is_still_in_time(pm5):
    key = pm5.key(KALLE)
    (painting,) = offer_rows(KALLE, 1)
    Errand.objects.filter(pk=painting.errand_id).update(offer_answer_by=timezone.localdate())
    assert save(pm5, key, [{"ÄrendeRadId": painting.pk, "Accepterad": today()}]).status_code == 200


def test_another_customers_offer_is_not_found(pm5):
    annas = annas_offer_row()
    response = save(pm5, pm5.key(KALLE), [{"ÄrendeRadId": annas.pk, "Accepterad": today()}])
    assert response.status_code == 404
    annas.refresh_from_db()
    assert annas.offer_accepted_on is None


def test_a_row_that_is_not_an_offer_is_not_found(pm5):
    fault = ErrandRow.objects.filter(
        errand__customer__customer_number=KALLE, errand__offer_answer_by__isnull=True
    ).first()
    assert save(pm5, pm5.key(KALLE), [{"ÄrendeRadId": fault.pk, "Accepterad": today()}]).status_code == 404


def test_one_bad_row_saves_none_of_the_answer(pm5):
    (painting,) = offer_rows(KALLE, 1)
    annas = annas_offer_row()
    rows = [{"ÄrendeRadId": painting.pk, "Accepterad": today()}, {"ÄrendeRadId": annas.pk, "Accepterad": today()}]
    assert save(pm5, pm5.key(KALLE), rows).status_code == 404
    painting.refresh_from_db()
    assert painting.offer_accepted_on is None


@pytest.mark.parametrize(
    ("body", "code"),
    [
        ("not json", "OgiltigBegaran"),
        (json.dumps({"Rader": []}), "Rader"),
        (json.dumps({}), "Rader"),
        (json.dumps({"Rader": [{"ÄrendeRadId": "x", "Accepterad": None}]}), "ÄrendeRadId"),
        (json.dumps({"Rader": [{"ÄrendeRadId": True, "Accepterad": None}]}), "ÄrendeRadId"),
        (json.dumps({"Rader": [{"ÄrendeRadId": 1, "Accepterad": "igår"}]}), "Accepterad"),
        (
            json.dumps({"Rader": [{"ÄrendeRadId": 1, "Accepterad": None}, {"ÄrendeRadId": 1, "Accepterad": None}]}),
            "ÄrendeRadId",
        ),
    ],
)
def test_a_malformed_answer_is_refused_with_a_felmeddelande(pm5, body, code):
    response = save(pm5, pm5.key(KALLE), body)
    assert response.status_code == 400
    assert response.json()["Felkod"] == code


def test_an_accepted_date_in_the_future_is_refused(pm5):
    (painting,) = offer_rows(KALLE, 1)
    tomorrow = (timezone.localdate() + timedelta(days=1)).isoformat()
    response = save(pm5, pm5.key(KALLE), [{"ÄrendeRadId": painting.pk, "Accepterad": tomorrow}])
    assert (response.status_code, response.json()["Felkod"]) == (400, "Accepterad")


def test_it_needs_a_valid_session_and_a_post(pm5):
    (painting,) = offer_rows(KALLE, 1)
    assert save(pm5, "no-such-key", [{"ÄrendeRadId": painting.pk, "Accepterad": today()}]).status_code == 401
    assert pm5.client.get(f"{PM5}/session/{pm5.key(KALLE)}/arende/sparaerbjudanden").status_code == 405
