"""Reading Kobo's JSON: tolerant where the contract says a real Kobo may differ, strict where it would mislead."""

from datetime import date
from decimal import Decimal

import pytest

from apps.backends.errors import BackendInvalid
from apps.backends.kobo import UnitStatus, parse

UNIT = {
    "koboId": "7d4f4b1e-0f49-4f0e-8f43-5a0c9a2b8a11",
    "leverandorBoligId": "142-043-01",
    "status": "UTLEID",
    "adresse": {"gatenavn": "Storgata", "husnummer": 3, "postnummer": "2317"},
}


def test_a_monthly_rent_is_read_under_either_spelling():
    assert parse.unit(UNIT | {"leiekostnad": {"manedsleie": 7900.5}}).monthly_rent == Decimal("7900.5")
    assert parse.unit(UNIT | {"leiekostnad": {"månedsleie": 7900}}).monthly_rent == Decimal("7900")


def test_an_allocation_time_may_be_a_date_or_a_date_time():
    for value in ("2026-12-03", "2026-12-03T09:30:00+01:00"):
        unit = parse.unit(UNIT | {"tildeling": {"koboSaksreferanse": "SAK-1", "tildeltDato": value}})
        assert unit.allocation.allocated_at.date() == date(2026, 12, 3)


def test_an_unknown_status_is_no_status_rather_than_a_wrong_one():
    assert parse.unit(UNIT | {"status": "NY_STATUS"}).status is None
    assert parse.unit(UNIT).status is UnitStatus.LET


def test_a_lease_without_notice_fields_has_no_notice():
    lease = {"kontraktStartdato": "2019-04-01", "erTidsubegrenset": True, "oppsagtAktor": None}

    assert parse.unit(UNIT | {"leieforhold": lease}).lease.notice is None


@pytest.mark.parametrize("missing", ["koboId", "leverandorBoligId"])
def test_a_unit_without_its_ids_is_a_contract_breach(missing):
    with pytest.raises(BackendInvalid):
        parse.unit({k: v for k, v in UNIT.items() if k != missing})


def test_a_bad_date_is_a_contract_breach():
    with pytest.raises(BackendInvalid):
        parse.unit(UNIT | {"statusdato": "03.12.2026"})
