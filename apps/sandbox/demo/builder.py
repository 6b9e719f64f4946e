"""build_demo: the whole demo company, deterministic from a seed and a "today"."""

from dataclasses import dataclass
from datetime import date

from django.core.management.color import no_style
from django.db import connection, transaction
from django.utils import timezone

from apps.sandbox import models as m
from apps.sandbox.demo import catalogue
from apps.sandbox.demo.attachments import build_message_attachments
from apps.sandbox.demo.cash_places import build_cash_places
from apps.sandbox.demo.documents import build_documents
from apps.sandbox.demo.economy import build_economy
from apps.sandbox.demo.errands import build_errands
from apps.sandbox.demo.estate import build_catalogue, build_estate
from apps.sandbox.demo.general import build_errand_classes
from apps.sandbox.demo.kobo import build_kobo
from apps.sandbox.demo.people import build_tenants
from apps.sandbox.demo.personas import KALLE
from apps.sandbox.demo.run import DemoRun

# Size → (estate, share of the other apartments that are let). The small company
# has only the three demo customers, which between them show every case.
SIZES = {"full": (catalogue.FULL_ESTATE, 0.92), "small": (catalogue.SMALL_ESTATE, 0.0)}

# Deleted in this order, children before parents, so no delete has to chase cascades.
DEMO_MODELS = (
    m.KoboMessage,
    m.KoboWebhook,
    m.KoboUnit,
    m.KoboCase,
    m.SessionKey,
    m.TempFile,
    m.UnitRecord,
    m.ContactValidation,
    m.ErrandShareKey,
    m.ErrandRowMedia,
    m.ErrandRowHistoryEntry,
    m.ErrandParticipant,
    m.ErrandRow,
    m.IncomingInvoice,
    m.IncomingReference,
    m.Errand,
    m.ErrandClassNode,
    m.ErrandClass,
    m.LedgerRowSpecification,
    m.LedgerRow,
    m.LedgerPeriod,
    m.Payment,
    m.Distribution,
    m.Notice,
    m.Document,
    m.MessageAttachment,
    m.CustomerMessage,
    m.MarketProfile,
    m.TemporaryAddress,
    m.ContactDetail,
    m.Lease,
    m.Customer,
    m.MeterReading,
    m.Meter,
    m.MeterInstallation,
    m.Maintenance,
    m.Node,
    m.RentalObject,
    m.Building,
    m.Property,
    m.Company,
    m.NodeKind,
    m.FaultDescriptionType,
    m.KeyHandlingType,
    m.DocumentType,
    m.CashFeeModel,
    m.CashAdaptation,
    m.CashTemplate,
    m.CashService,
    m.CashProvider,
    m.CashServiceForm,
    m.CashServiceType,
    m.CashOrganisation,
)


class DemoDataExists(Exception):
    """The sandbox already holds data; building again would clash with it."""


@dataclass(frozen=True)
class DemoSummary:
    seed: int
    size: str
    today: date
    counts: dict[str, int]


def has_demo_data() -> bool:
    return m.Company.objects.exists() or m.Customer.objects.exists()


@transaction.atomic
def build_demo(seed: int = 2026, size: str = "full", today: date | None = None) -> DemoSummary:
    """Build the demo company. The same seed and today always give the same data, ids included."""
    if size not in SIZES:
        raise ValueError(f"size must be one of {', '.join(SIZES)}, not {size!r}")
    if has_demo_data():
        raise DemoDataExists("The sandbox already holds data.")
    run = DemoRun(seed=seed, today=today or timezone.localdate())
    build_catalogue()
    build_errand_classes()
    plans, occupancy = SIZES[size]
    estate = build_estate(run, plans)
    tenants = build_tenants(run, estate, occupancy)
    build_documents(run, estate, tenants)
    build_message_attachments(run, KALLE.customer_number)
    build_economy(run, estate, tenants)
    build_errands(run, estate, tenants)
    build_cash_places(run.today)
    build_kobo(run, estate.apartments, tenants)
    _reset_sequences()
    return DemoSummary(seed=seed, size=size, today=run.today, counts=counts())


@transaction.atomic
def reset_demo() -> None:
    """Remove every sandbox row except the behaviour switch. Portal accounts are left alone."""
    for model in DEMO_MODELS:
        model.objects.all().delete()


def counts() -> dict[str, int]:
    objects = m.RentalObject.objects
    return {
        "properties": m.Property.objects.count(),
        "buildings": m.Building.objects.count(),
        "apartments": objects.filter(kind=m.RentalObject.Kind.BOSTAD).count(),
        "laundry rooms": objects.filter(kind=m.RentalObject.Kind.TVATTSTUGA).count(),
        "storage rooms": objects.filter(kind=m.RentalObject.Kind.FORRAD).count(),
        "nodes": m.Node.objects.count(),
        "customers": m.Customer.objects.count(),
        "notices": m.Notice.objects.count(),
        "payments": m.Payment.objects.count(),
        "errands": m.Errand.objects.count(),
        "errand rows": m.ErrandRow.objects.count(),
        "cash places": m.CashProvider.objects.count(),
        "Kobo units": m.KoboUnit.objects.count(),
    }


def _reset_sequences() -> None:
    """Explicit ids do not move PostgreSQL's sequences; move them past the demo's ids."""
    statements = connection.ops.sequence_reset_sql(
        no_style(),
        [
            m.Notice,
            m.Errand,
            m.ErrandRow,
            m.ErrandRowMedia,
            m.TemporaryAddress,
            m.Document,
            m.Lease,
            m.MarketProfile,
            m.CustomerMessage,
            m.MessageAttachment,
            m.CashServiceType,
            m.CashServiceForm,
            m.CashOrganisation,
        ],
    )
    with connection.cursor() as cursor:
        for sql in statements:
            cursor.execute(sql)
