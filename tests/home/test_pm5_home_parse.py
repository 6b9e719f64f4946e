"""The PM5 client reads the home's parts of the session: SessionUnderhåll, meter data, maintenance offers."""

from datetime import date
from decimal import Decimal

import pytest

from apps.backends.errors import BackendInvalid
from apps.backends.pm5 import SessionParts
from apps.backends.pm5.parse import portal_session

HOME = SessionParts(customer=False, errands=True, errand_rows=True, objects=True, maintenance=True, meter_data=True)


def obj(**parts):
    return {"Typ": "Bostad", "Nummer": "142-043-01", "Användning": [], "Entitet": None, **parts}


def reading(**overrides):
    return {
        "Förbrukning": 3.214,
        "Mätarställning": 512.5,
        "Enhet": "m³",
        "Tom": "2026-10-31",
        "Datum": "2026-10-31",
        "Kostnad": 192.84,
        "Debiterad": True,
        "AvlästTid": "2026-11-01T02:15:00",
        "Pris": None,
        "Apris": 60,
        "DebiterasTidigast": "2026-12-01",
    } | overrides


def test_it_reads_the_maintenance_plan_of_each_object():
    plan = [
        {"Åtgärd": "Bytes", "Planeratdatum": "2027-04-01", "Avser": "Kök / Kyl/Frys", "Utförd": None, "Beställd": None}
    ]
    (home,) = portal_session({"TillgängligaObjekt": [obj(Underhåll=plan)]}, HOME).objects

    (item,) = home.maintenance
    assert (item.action, item.target, item.planned_on, item.done_on) == (
        "Bytes",
        "Kök / Kyl/Frys",
        date(2027, 4, 1),
        None,
    )


def test_a_single_maintenance_item_is_read_as_a_list_and_null_as_none():
    single = {"Åtgärd": "Målas", "PlaneratDatum": "2027-01-01", "Avser": "Vardagsrum / Väggar"}
    objects = portal_session({"TillgängligaObjekt": [obj(Underhåll=single), obj(Underhåll=None)]}, HOME).objects
    assert [len(o.maintenance) for o in objects] == [1, 0]


def test_parts_not_asked_for_stay_none():
    parts = SessionParts(customer=False, objects=True)
    (home,) = portal_session({"TillgängligaObjekt": [obj(Underhåll=None, MätdataAnläggningar=None)]}, parts).objects
    assert home.maintenance is None
    assert home.meter_installations is None


def test_it_reads_meter_data_with_english_names():
    installation = {
        "Användning": "Vatten",
        "Beteckning": "142-043-01 Vatten",
        "Mätare": [{"Användning": "Varmvatten", "Beteckning": "Varmvatten badrum", "Mätdata": [reading()]}],
    }
    (home,) = portal_session({"TillgängligaObjekt": [obj(MätdataAnläggningar=[installation])]}, HOME).objects

    (water,) = home.meter_installations
    (meter,) = water.meters
    (value,) = meter.readings
    assert (water.usage, meter.usage, meter.label) == ("Vatten", "Varmvatten", "Varmvatten badrum")
    assert value.consumption == Decimal("3.214")
    assert value.period_end == date(2026, 10, 31)
    assert value.cost == Decimal("192.84")
    assert value.charged is True


def test_it_reads_the_seeds_own_spellings_of_the_period_and_the_labels():
    seed_spelling = reading(**{"T o m": "2026-09-30"})
    del seed_spelling["Tom"]
    installation = {
        "Användning": "Vatten",
        "Beteckning?": "Vatten",
        "Mätare": {"Användning": "Kallvatten", "Beteckning ???": "Kök", "Mätdata": seed_spelling},
    }
    (home,) = portal_session({"TillgängligaObjekt": [obj(MätdataAnläggningar=installation)]}, HOME).objects
    meter = home.meter_installations[0].meters[0]
    assert home.meter_installations[0].label == "Vatten"
    assert meter.label == "Kök"
    assert meter.readings[0].period_end == date(2026, 9, 30)


def test_a_consumption_that_is_not_a_number_is_a_contract_breach():
    installation = {"Mätare": [{"Mätdata": [reading(Förbrukning="mycket")]}]}
    with pytest.raises(BackendInvalid):
        portal_session({"TillgängligaObjekt": [obj(MätdataAnläggningar=[installation])]}, HOME)


def test_it_reads_a_maintenance_offer_and_the_accepted_row():
    row = {
        "Id": 7001,
        "Åtgärd": {
            "ÅtgärdNod": {"Accepterad": "2026-11-20", "Planerad": None, "Skapad": "2026-11-18T10:00:00"},
            "ÅtgärdNodKlassTyp": {"Beteckning": "Läggs med ekparkett", "KortBeteckning": "Ekparkett"},
        },
        "PrisModell": {"RestVärde": 4200, "Rabatt": 0},
    }
    errand = {
        "Id": 70,
        "Nummer": "R-2611-9",
        "Rader": [row],
        "UnderhållsErbjudande": {"ErbjudandeEkonomiSerieSvarSenast": "2026-12-17"},
    }
    (offer,) = portal_session({"Ärenden": [errand]}, HOME).errands

    assert offer.is_offer and offer.offer_answer_by == date(2026, 12, 17)
    (choice,) = offer.rows
    assert (choice.action, choice.accepted_on, choice.tenant_share) == (
        "Läggs med ekparkett",
        date(2026, 11, 20),
        Decimal("4200"),
    )


def test_an_errand_without_an_offer_is_not_one():
    (errand,) = portal_session({"Ärenden": [{"Id": 1, "Nummer": "R-1", "UnderhållsErbjudande": None}]}, HOME).errands
    assert not errand.is_offer
