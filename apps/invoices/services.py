"""Invoices: the list, one notice, its PDF. The few functions the views call.

A notice is found by its printed number (Avinummer) in the tenant's own cached
session data; only then is its AviseringId used for a backend call (contract
A08). So an id from the browser that is not the tenant's never reaches the backend.
"""

from dataclasses import dataclass, replace
from datetime import date, datetime
from decimal import Decimal

from django.db.models import TextChoices
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from apps.backends.download import Download
from apps.backends.pm5 import SessionParts
from apps.backends.pm5.codes import NoticeKind
from apps.backends.pm5.types import Distribution, Notice, PortalSession
from apps.customer.services import STANDARD_PARTS, CustomerSession
from apps.invoices import payment
from portal.formatting import isodate, machine_date, money
from portal.reversing import RowUrls

MONTHS = (12, 24, 36)  # how far back the list reaches (HämtaKundAviseringarAntMån, A48)
DEFAULT_MONTHS = MONTHS[0]
ZERO = Decimal("0.00")


def parts(months: int) -> SessionParts:
    """The session parts of every page, with ``months`` of notices: cached per number of months."""
    return replace(STANDARD_PARTS, notice_months=months)


class Status(TextChoices):
    PAID = "paid", _("Betald")
    PARTLY_PAID = "partly-paid", _("Delvis betald")
    PARTLY_PAID_OVERDUE = "partly-paid-overdue", _("Delvis betald, förfallen")
    UNPAID = "unpaid", _("Obetald")
    OVERDUE = "overdue", _("Förfallen")
    DEBT_COLLECTION = "debt-collection", _("Skickad till inkasso")
    CREDIT = "credit", _("Tillgodo")


def status(notice: Notice, today: date) -> Status:
    """The notice's status in words, the most pressing first once something is owed."""
    if notice.remaining < 0:
        return Status.CREDIT
    if notice.remaining == 0:
        return Status.PAID
    if notice.sent_to_debt_collection:
        return Status.DEBT_COLLECTION
    overdue = notice.due_date is not None and notice.due_date < today
    if notice.paid > 0:
        return Status.PARTLY_PAID_OVERDUE if overdue else Status.PARTLY_PAID
    return Status.OVERDUE if overdue else Status.UNPAID


def kind_label(notice: Notice) -> str | Promise:
    """Hyresavi or Faktura, by Referensnamn (contract A27)."""
    labels = {NoticeKind.RENT_NOTICE: _("Hyresavi"), NoticeKind.INVOICE: _("Faktura")}
    return labels.get(notice.kind, notice.kind_label or "")


def periods_label(notice: Notice) -> str:
    """The months a notice concerns: "2026-11", or "2026-01 – 2026-04" for several."""
    months = sorted({p.period for p in notice.periods if p.period})
    if not months:
        return ""
    return months[0] if len(months) == 1 else f"{months[0]} – {months[-1]}"


@dataclass(frozen=True)
class Invoice:
    notice: Notice
    status: Status
    kind: str | Promise
    periods: str

    @property
    def is_open(self) -> bool:
        return self.status != Status.PAID

    @property
    def can_pay_in_cash(self) -> bool:
        return payment.payable_to_giro(self.notice)

    @property
    def is_overdue(self) -> bool:
        return self.status in (Status.OVERDUE, Status.PARTLY_PAID_OVERDUE, Status.DEBT_COLLECTION)


def invoice(notice: Notice, today: date) -> Invoice:
    return Invoice(notice=notice, status=status(notice, today), kind=kind_label(notice), periods=periods_label(notice))


@dataclass(frozen=True)
class InvoiceList:
    months: int
    open: tuple[Invoice, ...]  # what is owed or credited, the most urgent first
    settled: tuple[Invoice, ...]  # paid, the newest first
    rent_balance: Decimal  # Hyressaldo
    invoice_balance: Decimal  # Fakturasaldo
    includes_older: bool  # the balances hold notices older than the list shows

    @property
    def balance(self) -> Decimal:
        return self.rent_balance + self.invoice_balance


def invoice_list(session: PortalSession, months: int, today: date | None = None) -> InvoiceList:
    today = today or timezone.localdate()
    economy = session.economy
    notices = economy.notices or () if economy else ()
    invoices = [invoice(n, today) for n in notices]
    open_ = sorted((i for i in invoices if i.is_open), key=lambda i: (i.notice.due_date or date.max, i.notice.number))
    settled = sorted(
        (i for i in invoices if not i.is_open),
        key=lambda i: (i.notice.due_date or date.min, i.notice.number),
        reverse=True,
    )
    rent_balance = economy.rent_balance if economy else ZERO
    invoice_balance = economy.invoice_balance if economy else ZERO
    listed = {kind: sum((n.remaining for n in notices if n.kind == kind), ZERO) for kind in NoticeKind}
    return InvoiceList(
        months=months,
        open=tuple(open_),
        settled=tuple(settled),
        rent_balance=rent_balance,
        invoice_balance=invoice_balance,
        includes_older=(listed[NoticeKind.RENT_NOTICE], listed[NoticeKind.INVOICE]) != (rent_balance, invoice_balance),
    )


def table_rows(invoices: tuple[Invoice, ...], query: str) -> tuple[dict[str, object], ...]:
    """The list's rows with every cell already written in the reader's language: the table only places them.

    Plain dicts, as a template looks a name up in a dict first: each cell is one lookup, where
    ``invoice.notice.remaining|money`` was two attribute lookups (each after a failed item
    lookup) and a filter call. ``query`` keeps the list's months in the links.
    """
    detail_url, cash_url = RowUrls("invoices:detail"), RowUrls("cashpoints:pay_cash_notice")
    return tuple(
        {
            "number": invoice.notice.number,
            "url": detail_url(invoice.notice.number) + query,
            "cash_url": cash_url(invoice.notice.number) + query if invoice.can_pay_in_cash else "",
            "due_iso": machine_date(invoice.notice.due_date),
            "due": isodate(invoice.notice.due_date),
            "remaining": money(invoice.notice.remaining),
            "status": invoice.status.value,
            "status_label": invoice.status.label,
            "is_overdue": invoice.is_overdue,
            "kind": invoice.kind,
            "periods": invoice.periods,
            "gross": money(invoice.notice.gross),
        }
        for invoice in invoices
    )


def find_notice(customer: CustomerSession, number: str, months: int) -> tuple[Notice, int] | None:
    """The tenant's own notice with this printed number, and the months of the list it is in.

    Looked up in the cached session data of ``months``, then of the longest list
    (a bookmark outlives the 12 months); None when it is not the tenant's.
    """
    for reach in dict.fromkeys((months, MONTHS[-1])):
        economy = customer.data(parts(reach)).economy
        for notice in economy.notices or () if economy else ():
            if notice.number == number:
                return notice, reach
    return None


@dataclass(frozen=True)
class Sent:
    """One distribution of a notice: by letter or e-mail, to where, when."""

    channel: str | Promise
    address: str | None
    at: datetime | None


def channel_label(distribution: Distribution) -> str | Promise:
    """Brev or E-post; a channel the portal does not know, as the backend names it."""
    if distribution.channel is None:
        return distribution.channel_text or ""
    return _("Brev") if distribution.channel.is_letter else _("E-post")


@dataclass(frozen=True)
class InvoiceDetail:
    invoice: Invoice
    account: str  # the bankgiro or plusgiro number, as printed
    payee: payment.Payee | None
    qr_payload: str | None
    qr_svg: str | None
    distributions: tuple[Sent, ...]

    @property
    def notice(self) -> Notice:
        return self.invoice.notice


def invoice_detail(notice: Notice, today: date | None = None) -> InvoiceDetail:
    today = today or timezone.localdate()
    payload = payment.usingqr_payload(notice) if payment.can_pay_by_qr(notice) else None
    return InvoiceDetail(
        invoice=invoice(notice, today),
        account=payment.account_number(notice.payment_channel, notice.recipient_account),
        payee=payment.payee(),
        qr_payload=payload,
        qr_svg=payment.qr_svg(payload) if payload else None,
        distributions=tuple(
            Sent(channel=channel_label(d), address=d.address, at=d.distributed_at) for d in notice.distributions
        ),
    )


def notice_pdf(customer: CustomerSession, notice: Notice) -> Download:
    """The notice's PDF from the backend, streamed; the caller hands it on or closes it."""
    return customer.call(lambda client, key: client.notice_pdf(key, notice.notice_id))


def pdf_filename(notice: Notice) -> str:
    """faktura-9213210-2026-11.pdf: kind, printed number and the (first) month it concerns."""
    kind = "faktura" if notice.is_invoice else "avi"
    months = sorted(p.period for p in notice.periods if p.period)
    month = months[0] if months else (f"{notice.due_date:%Y-%m}" if notice.due_date else "")
    return "-".join(part for part in (kind, _safe(notice.number), month) if part) + ".pdf"


def _safe(text: str) -> str:
    return "".join(c if c.isascii() and (c.isalnum() or c in "-_") else "_" for c in text)
