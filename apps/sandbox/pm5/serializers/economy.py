"""SessionEkonomi: balances and the notices and invoices behind them."""

from datetime import date
from decimal import Decimal

from django.db.models import Prefetch

from apps.sandbox.dates import add_months
from apps.sandbox.models import Customer, LedgerPeriod, LedgerRow, LedgerRowSpecification, Notice
from apps.sandbox.pm5.flags import SessionParts
from apps.sandbox.pm5.serializers.common import Json, rental_object_ref, text
from apps.sandbox.pm5.wire import ZERO, day, moment, money, quantity

PAYMENT_INTERMEDIARY = ("BG", "Bankgiro")


def economy_part(customer: Customer, parts: SessionParts, *, today: date) -> Json:
    # The balances cover every open notice, however few months are asked for.
    everything = list(customer.notices.prefetch_related("payments"))
    return {
        "Hyressaldo": money(balance(everything, Notice.Kind.AVI)),
        "Fakturasaldo": money(balance(everything, Notice.Kind.FAKTURA)),
        "Aviseringar": notices_since(customer, add_months(today, -parts.notice_months)) if parts.notices else None,
    }


def balance(notices: list[Notice], kind: str) -> Decimal:
    return sum((n.remaining for n in notices if n.kind == kind and n.remaining), ZERO)


def notices_since(customer: Customer, cutoff: date) -> list[Json]:
    """Notices falling due on or after ``cutoff`` (HämtaKundAviseringarAntMån, A48), newest first."""
    rows = LedgerRow.objects.select_related("specification")
    periods = LedgerPeriod.objects.select_related("rental_object__building").prefetch_related(
        Prefetch("rows", queryset=rows)
    )
    notices = customer.notices.filter(due_date__gte=cutoff).prefetch_related(
        "payments", "distributions", Prefetch("periods", queryset=periods)
    )
    return [notice(n) for n in notices]


def notice(n: Notice) -> Json:
    """SessionAvisering; Typ.AviseringId is the notice's own id (A08)."""
    return {
        "Avinummer": n.number,
        "Typ": {"AviseringId": n.pk, "Referensnamn": n.kind, "Beteckning": n.kind_code},
        "Betalningsreferens": n.ocr,
        "MottagareNummer": n.bankgiro,
        "BetalningsförmedlareSystemnamn": PAYMENT_INTERMEDIARY[0],
        "BetalningsförmedlareBeteckning": PAYMENT_INTERMEDIARY[1],
        "Förfallodag": day(n.due_date),
        "Nettobelopp": money(n.net),
        "Momsbelopp": money(n.vat),
        "Bruttobelopp": money(n.gross),
        "InbetaltBelopp": money(n.paid),
        "Restbelopp": money(n.remaining),
        "BetalningFördeladBelopp": money(n.allocated_amount),
        "AttBetala": money(n.to_pay),
        "DistribueradTill": [
            {"Typ": d.channel, "Adress": d.address, "Distribuerad": moment(d.sent_at)} for d in n.distributions.all()
        ],
        "Reskontror": [ledger_period(p) for p in n.periods.all()],
        "Betalningar": [
            {
                "Betalväg": p.channel,
                "Belopp": money(p.amount),
                "Betalningsdag": day(p.paid_on),
                "Bokföringsdag": day(p.booked_on),
            }
            for p in n.payments.all()
        ],
    }


def ledger_period(period: LedgerPeriod) -> Json:
    return {
        "Period": f"{period.period_start:%Y-%m}",
        "Förfallodag": day(period.due_date),
        "Nettobelopp": money(period.net),
        "Momsbelopp": money(period.vat),
        "Bruttobelopp": money(period.gross),
        "SkickadTillInkasso": day(period.sent_to_collection_on),
        "Hyresobjekt": rental_object_ref(period.rental_object),
        "Rader": [ledger_row(row) for row in period.rows.all()],
    }


def ledger_row(row: LedgerRow) -> Json:
    spec = getattr(row, "specification", None)  # null when not relevant, as for Grundhyra
    return {
        "Aviseringstext": row.text,
        "Nettobelopp": money(row.net),
        "Momsbelopp": money(row.vat),
        "Bruttobelopp": money(row.gross),
        "Specifikation": specification(spec) if spec else None,
    }


def specification(spec: LedgerRowSpecification) -> Json:
    free_total = None if spec.free_net is None or spec.free_vat is None else spec.free_net + spec.free_vat
    return {
        "AvserFom": day(spec.covers_from),
        "AvserTom": day(spec.covers_to),
        "KällaBeteckning": spec.source_label,
        "KällaIdentitet": spec.source_identity,
        "VärdeFom": quantity(spec.value_from),
        "VärdeTom": quantity(spec.value_to),
        "Mängd": quantity(spec.quantity),
        "Mängdenhet": text(spec.unit),
        "Apris": money(spec.unit_price),
        "DebiteringsfriTom": day(spec.free_until),
        "DebiteringsfrittNettobelopp": money(spec.free_net),
        "DebiteringsfrittMomsbelopp": money(spec.free_vat),
        "DebiteringsfrittTotalbelopp": money(free_total),
    }
