"""How a tenant pays a notice: the numbers as on a paper invoice, and the payment QR code.

The QR code follows the Swedish "Using QR" format (UsingQR v1) that the banks'
apps scan: a compact JSON object. PM5 does not send the payee's name or
organisation number, so they come from settings (LANDLORD_NAME,
LANDLORD_ORGANISATION_NUMBER); without them no QR code is offered, and the
numbers to type in are shown as always.
"""

import json
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from functools import lru_cache

import segno
from django.conf import settings
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from apps.backends.pm5.codes import PaymentChannel
from apps.backends.pm5.types import Notice

# Payment intermediaries UsingQR knows; its "pt" is the code PM5 sends (BetalningsförmedlareSystemnamn).
QR_PAYMENT_TYPES = {PaymentChannel.BANKGIRO, PaymentChannel.PLUSGIRO}


@dataclass(frozen=True)
class Payee:
    name: str
    organisation_number: str


def payee() -> Payee | None:
    """The landlord as the payee of every notice, when configured."""
    name = getattr(settings, "LANDLORD_NAME", "")
    organisation_number = getattr(settings, "LANDLORD_ORGANISATION_NUMBER", "")
    return Payee(name, organisation_number) if name and organisation_number else None


def account_number(channel: PaymentChannel | None, number: str | None) -> str:
    """A bankgiro (5050-1055, 505-0105) or plusgiro (12 34 56-7) number as printed; others unchanged."""
    if not number:
        return ""
    digits = "".join(c for c in number if c.isdigit())
    if channel == PaymentChannel.BANKGIRO and len(digits) in (7, 8):
        return f"{digits[:-4]}-{digits[-4:]}"
    if channel == PaymentChannel.PLUSGIRO and 2 <= len(digits) <= 8:
        # Plusgiro: the check digit after a dash, the rest in pairs from the right.
        body = digits[:-1]
        pairs = [body[max(i - 2, 0) : i] for i in range(len(body), 0, -2)][::-1]
        return f"{' '.join(pairs)}-{digits[-1]}"
    return number


def issue_date(notice: Notice) -> date | None:
    """The invoice date for the QR code: PM5 has none, so the day the notice was first sent."""
    sent = [d.distributed_at for d in notice.distributions if d.distributed_at]
    return min(sent).date() if sent else None


def payable_to_giro(notice: Notice) -> bool:
    """Something to pay to a bankgiro or plusgiro with an OCR: by bank app, QR code or cash over a counter."""
    return (
        notice.amount_due > 0
        # A debt sent to collection is paid as the collection agency's demand says.
        and notice.sent_to_debt_collection is None
        and bool(notice.ocr)
        and bool(notice.recipient_account)
        and notice.payment_channel in QR_PAYMENT_TYPES
    )


def can_pay_by_qr(notice: Notice) -> bool:
    return payable_to_giro(notice) and notice.due_date is not None and payee() is not None


def usingqr_payload(notice: Notice) -> str:
    """The UsingQR v1 JSON of an unpaid notice, compact, keys in the standard's order.

    uqr 1 (version), tp 1 (an invoice), nme/cid the payee, cc SE, iref the OCR
    reference, idt the day it was sent, ddt the due date, due the amount to pay
    (AttBetala, or Restbelopp on older backends), cur SEK, pt BG or PG, acc the
    account as printed.
    """
    landlord = payee()
    if landlord is None or not can_pay_by_qr(notice):
        raise ValueError("This notice cannot be paid by QR code")
    data: dict[str, object] = {
        "uqr": 1,
        "tp": 1,
        "nme": landlord.name,
        "cc": "SE",
        "cid": landlord.organisation_number,
        "iref": notice.ocr,
    }
    sent = issue_date(notice)
    if sent is not None:
        data["idt"] = f"{sent:%Y%m%d}"
    data |= {
        "ddt": f"{notice.due_date:%Y%m%d}",
        "due": _json_amount(notice.amount_due),
        "cur": "SEK",
        "pt": notice.payment_channel,
        "acc": account_number(notice.payment_channel, notice.recipient_account),
    }
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


# QR codes kept per process: drawing one takes segno about 12 ms, more than the rest of the invoice page.
QR_CODES_KEPT = 256


def qr_svg(payload: str) -> SafeString:
    """The payload as an inline SVG QR code, named for screen readers; its text is shown beside it.

    Drawn once per process for each payload and language, then kept (the code depends on nothing
    else): a tenant opening the same invoice again, or a second time in another tab, costs no drawing.
    """
    return _drawn_qr_svg(payload, str(_("QR-kod för betalning med bankappen")))


@lru_cache(maxsize=QR_CODES_KEPT)
def _drawn_qr_svg(payload: str, label: str) -> SafeString:
    # make_qr, not make: a short payload would otherwise become a Micro QR, which banking apps do not read.
    code = segno.make_qr(payload, error="m", encoding="utf-8")
    svg = code.svg_inline(scale=4, border=4, title=label, svgclass="payment-qr", omitsize=True)
    # segno writes numbers and the title, which it escapes; the label is escaped here too.
    return mark_safe(svg.replace("<svg ", f'<svg role="img" aria-label="{escape(label)}" ', 1))


def _json_amount(amount: Decimal) -> int | float:
    """An amount as a JSON number: 1900, 1900.5, 1900.55.

    json cannot write a Decimal as a number; an int, or a float of at most two
    decimals (whose shortest form json writes), says exactly the same amount.
    """
    cents = amount.quantize(Decimal("0.01"))
    return int(cents) if cents == cents.to_integral_value() else float(cents)
