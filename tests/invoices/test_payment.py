"""How to pay: numbers as printed, the UsingQR payload to the byte, the QR code's SVG."""

from datetime import date, datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
from django.utils import translation

from apps.backends.pm5.codes import DistributionChannel, NoticeKind, PaymentChannel
from apps.backends.pm5.types import Distribution, LedgerPeriod, Notice
from apps.invoices import payment
from apps.invoices.services import Status, pdf_filename, status
from tests.invoices.conftest import LANDLORD_NAME

STOCKHOLM = ZoneInfo("Europe/Stockholm")
TODAY = date(2026, 11, 23)


def a_notice(**changes) -> Notice:
    fields = dict(
        notice_id=10020030,
        number="9213210",
        kind=NoticeKind.INVOICE,
        kind_label="F",
        ocr="921321091",
        recipient_account="50501055",
        payment_channel=PaymentChannel.BANKGIRO,
        payment_channel_label="Bankgiro",
        due_date=date(2026, 12, 11),
        net=Decimal("1960.00"),
        vat=Decimal("490.00"),
        gross=Decimal("2450.00"),
        paid=Decimal("0.00"),
        remaining=Decimal("2450.00"),
        to_pay=Decimal("2450.00"),
        distributions=(
            Distribution(
                DistributionChannel.DIRECT_LETTER,
                "brev.direkt",
                "Kalle Andersson",
                datetime(2026, 11, 11, 13, 0, tzinfo=STOCKHOLM),
            ),
        ),
        periods=(LedgerPeriod("2026-11", date(2026, 12, 11), Decimal(0), Decimal(0), Decimal(0), None, None, ()),),
    )
    return Notice(**(fields | changes))


def test_the_usingqr_payload_is_exactly_the_standards_json():
    assert payment.usingqr_payload(a_notice()) == (
        '{"uqr":1,"tp":1,"nme":"Bostads AB Tallbacken","cc":"SE","cid":"556677-8899",'
        '"iref":"921321091","idt":"20261111","ddt":"20261211","due":2450,"cur":"SEK","pt":"BG","acc":"5050-1055"}'
    )


def test_the_amount_is_what_is_to_pay_now_with_its_oren():
    notice = a_notice(to_pay=Decimal("1900.50"), remaining=Decimal("1900.50"), paid=Decimal("549.50"))
    assert '"due":1900.5,' in payment.usingqr_payload(notice)
    assert '"due":1900.55,' in payment.usingqr_payload(a_notice(to_pay=Decimal("1900.55")))


def test_an_older_backend_without_att_betala_asks_for_the_remainder():
    notice = a_notice(to_pay=None, remaining=Decimal("1234.00"))
    assert '"due":1234,' in payment.usingqr_payload(notice)


def test_a_notice_never_sent_has_no_invoice_date_in_the_payload():
    assert '"idt"' not in payment.usingqr_payload(a_notice(distributions=()))


def test_the_payee_name_keeps_its_swedish_letters(settings):
    settings.LANDLORD_NAME = "Hyresbolaget Åkerö AB"
    assert '"nme":"Hyresbolaget Åkerö AB"' in payment.usingqr_payload(a_notice())


@pytest.mark.parametrize(
    "changes",
    [
        {"to_pay": Decimal("0.00"), "remaining": Decimal("0.00")},
        {"to_pay": Decimal("0.00"), "remaining": Decimal("-1250.00")},
        {"ocr": None},
        {"recipient_account": None},
        {"payment_channel": None},  # neither bankgiro nor plusgiro
        {"due_date": None},
    ],
)
def test_only_a_notice_with_something_to_pay_to_a_giro_number_gets_a_qr_code(changes):
    notice = a_notice(**changes)
    assert not payment.can_pay_by_qr(notice)
    with pytest.raises(ValueError):
        payment.usingqr_payload(notice)


def test_without_a_configured_payee_there_is_no_qr_code(settings):
    settings.LANDLORD_NAME = ""
    assert payment.payee() is None
    assert not payment.can_pay_by_qr(a_notice())


@pytest.mark.parametrize(
    ("channel", "number", "printed"),
    [
        (PaymentChannel.BANKGIRO, "50501055", "5050-1055"),
        (PaymentChannel.BANKGIRO, "5050105", "505-0105"),
        (PaymentChannel.PLUSGIRO, "1234567", "12 34 56-7"),
        (PaymentChannel.PLUSGIRO, "4711", "4 71-1"),
        (None, "123", "123"),
        (PaymentChannel.BANKGIRO, None, ""),
    ],
)
def test_giro_numbers_are_printed_as_on_a_paper_invoice(channel, number, printed):
    assert payment.account_number(channel, number) == printed


def test_the_qr_code_is_an_svg_named_for_screen_readers():
    svg = payment.qr_svg(payment.usingqr_payload(a_notice()))
    assert svg.startswith('<svg role="img" aria-label="QR-kod för betalning med bankappen" viewBox=')
    assert "<title>QR-kod för betalning med bankappen</title>" in svg
    assert "<script" not in svg


def test_the_qr_code_holds_the_payload_in_a_full_size_code():
    import segno

    payload = payment.usingqr_payload(a_notice())
    code = segno.make_qr(payload, error="m", encoding="utf-8")
    assert not code.is_micro
    assert payment.qr_svg(payload) == payment.qr_svg(payload), "the same payload, the same code"
    assert LANDLORD_NAME in payload


def test_a_qr_code_is_drawn_once_for_each_payload_and_language(monkeypatch):
    import segno

    drawn, make_qr = [], segno.make_qr
    monkeypatch.setattr(segno, "make_qr", lambda *args, **kwargs: drawn.append(args) or make_qr(*args, **kwargs))
    payload = payment.usingqr_payload(a_notice(ocr="555000111"))
    assert payment.qr_svg(payload) == payment.qr_svg(payload)
    with translation.override("en"):
        english = payment.qr_svg(payload)
    assert len(drawn) == 2, "once in Swedish, once in English"
    assert 'aria-label="QR code for paying with your banking app"' in english
    other = payment.qr_svg(payment.usingqr_payload(a_notice(ocr="555000112")))
    assert len(drawn) == 3 and other != payment.qr_svg(payload)


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        ({"paid": Decimal("2450.00"), "remaining": Decimal("0.00")}, Status.PAID),
        ({"paid": Decimal("450.00"), "remaining": Decimal("2000.00")}, Status.PARTLY_PAID),
        (
            {"paid": Decimal("450.00"), "remaining": Decimal("2000.00"), "due_date": date(2026, 11, 1)},
            Status.PARTLY_PAID_OVERDUE,
        ),
        ({}, Status.UNPAID),
        ({"due_date": date(2026, 11, 22)}, Status.OVERDUE),
        ({"remaining": Decimal("-1250.00"), "gross": Decimal("-1250.00")}, Status.CREDIT),
    ],
)
def test_the_status_in_words(changes, expected):
    assert status(a_notice(**changes), TODAY) == expected


def test_a_notice_due_today_is_not_yet_overdue():
    assert status(a_notice(due_date=TODAY), TODAY) == Status.UNPAID


def test_a_debt_sent_to_collection_says_so_whatever_its_due_date():
    period = LedgerPeriod("2026-03", date(2026, 3, 31), Decimal(0), Decimal(0), Decimal(0), date(2026, 5, 30), None, ())
    assert status(a_notice(periods=(period,), due_date=date(2026, 3, 31)), TODAY) == Status.DEBT_COLLECTION


def test_the_pdf_file_name_is_kind_number_and_month():
    assert pdf_filename(a_notice()) == "faktura-9213210-2026-11.pdf"
    assert pdf_filename(a_notice(kind=NoticeKind.RENT_NOTICE, periods=())) == "avi-9213210-2026-12.pdf"
    assert pdf_filename(a_notice(number="92/13 ä")) == "faktura-92_13__-2026-11.pdf"
