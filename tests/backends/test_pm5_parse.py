from datetime import date, datetime
from decimal import Decimal

import pytest

from apps.backends.errors import BackendInvalid
from apps.backends.pm5 import SessionParts
from apps.backends.pm5.codes import NoticeKind
from apps.backends.pm5.parse import portal_session
from apps.backends.wire import STOCKHOLM, parse_datetime

ALL_PARTS = SessionParts(
    customer=True,
    contact_details=True,
    economy=True,
    notices=True,
    temporary_addresses=True,
    documents=True,
    errands=True,
    errand_rows=True,
    objects=True,
)


def notice_json(**overrides):
    data = {
        "Avinummer": "9213210",
        "Typ": {"AviseringId": 21563, "Referensnamn": "Faktura", "Beteckning": "F"},
        "Betalningsreferens": "183786180",
        "MottagareNummer": "123456",
        "BetalningsförmedlareSystemnamn": "BG",
        "Förfallodag": "2014-08-31",
        "Nettobelopp": Decimal("7900"),
        "Momsbelopp": 0,
        "Bruttobelopp": Decimal("7900"),
        "InbetaltBelopp": Decimal("6000"),
        "Restbelopp": Decimal("1900"),
        "AttBetala": None,
        "Reskontror": None,
        "Betalningar": [
            {"Betalväg": "Manuell inbetalning via bankgiro", "Belopp": 6000, "Betalningsdag": "2014-08-28"}
        ],
    }
    data.update(overrides)
    return data


def test_it_reads_a_notice_with_english_names():
    session = portal_session(
        {"Kund": {"Ekonomi": {"Hyressaldo": 7900, "Fakturasaldo": 490, "Aviseringar": [notice_json()]}}}, ALL_PARTS
    )
    notice = session.economy.notices[0]
    assert notice.notice_id == 21563
    assert notice.number == "9213210"
    assert notice.kind == NoticeKind.INVOICE
    assert notice.remaining == Decimal("1900.00")
    assert notice.amount_due == Decimal("1900.00"), "without AttBetala the remainder is what is owed (A26)"
    assert notice.payments[0].paid_on == date(2014, 8, 28)
    assert session.economy.rent_balance == Decimal("7900.00")


def test_it_prefers_att_betala_when_the_backend_sends_it():
    session = portal_session(
        {"Kund": {"Ekonomi": {"Aviseringar": [notice_json(AttBetala=Decimal("2560"))]}}}, ALL_PARTS
    )
    assert session.economy.notices[0].amount_due == Decimal("2560.00")


def test_it_matches_keys_ignoring_case_and_stray_spaces():
    data = {
        " tillgängligaobjekt": [
            {
                "Nod": {"Avser": "n245612", "Typ": "Nod", " Visningstext": "Lägenhet"},
                "Användning": {"Referensnamn": "Felanmälan"},
            }
        ]
    }
    session = portal_session(data, ALL_PARTS)
    obj = session.objects[0]
    assert obj.node.node_id == "n245612", "the seed's example keys the node 'Nod' with 'Avser' (A05, A14)"
    assert obj.node.label == "Lägenhet"
    assert obj.can_report_fault


def test_parts_not_asked_for_are_none_and_asked_for_but_null_are_empty():
    session = portal_session(
        {"Kund": {"Kundinformation": {"Kundnummer": "15555"}}, "Ärenden": None}, SessionParts(errands=True)
    )
    assert session.errands == ()
    assert session.objects is None
    assert session.economy is None


def test_it_refuses_an_amount_that_is_not_a_number():
    with pytest.raises(BackendInvalid):
        portal_session({"Kund": {"Ekonomi": {"Hyressaldo": "sjutusen"}}}, ALL_PARTS)


def test_it_refuses_a_notice_without_its_id():
    broken = notice_json(Typ={"Referensnamn": "Avi"})
    with pytest.raises(BackendInvalid):
        portal_session({"Kund": {"Ekonomi": {"Aviseringar": [broken]}}}, ALL_PARTS)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("2014-08-15 13:00", datetime(2014, 8, 15, 13, 0, tzinfo=STOCKHOLM)),
        ("2016-03-03T15:00:00", datetime(2016, 3, 3, 15, 0, tzinfo=STOCKHOLM)),
        ("2020-02-26 09:34:09.477", datetime(2020, 2, 26, 9, 34, 9, 477000, tzinfo=STOCKHOLM)),
        ("1997-07-16T19:20:30+01:00", datetime.fromisoformat("1997-07-16T19:20:30+01:00")),
        ("2020-02-26T09:34:09Z", datetime.fromisoformat("2020-02-26T09:34:09+00:00")),
    ],
)
def test_it_reads_every_date_time_form_of_the_seed(text, expected):
    assert parse_datetime(text) == expected
