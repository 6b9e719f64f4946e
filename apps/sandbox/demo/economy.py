"""Three years of rent notices, invoices and payments, and the hot-water meters behind them.

Rent is paid in advance: the notice for a month falls due on the last weekday
of the month before and is sent five weeks ahead, so there is always one that
is not yet due. Rent rises each January, but the negotiation ends in spring:
January–March are billed at the old rent and the April notice carries one
extra ledger period per month with the retroactive difference (several
reskontra periods on one notice, as in PM5).
"""

from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal

from apps.sandbox.checksums import ocr_reference
from apps.sandbox.dates import add_months, last_weekday_of_month, month_end, month_start
from apps.sandbox.demo.estate import Estate
from apps.sandbox.demo.people import Tenant
from apps.sandbox.demo.run import DemoRun
from apps.sandbox.models import (
    Distribution,
    LedgerPeriod,
    LedgerRow,
    LedgerRowSpecification,
    Meter,
    MeterInstallation,
    MeterReading,
    Notice,
    Payment,
    RentalObject,
)

MONTHS_OF_NOTICES = 36
NOTICE_LEAD = timedelta(days=35)
YEARLY_RENT_INCREASE = Decimal("1.04")
HOT_WATER_PRICE = Decimal("62.50")  # kr per m³
HOT_WATER_BILLING_LAG = 3  # a month's consumption is billed on the notice three months later
SEASON = {
    12: Decimal("1.15"),
    1: Decimal("1.15"),
    2: Decimal("1.15"),
    6: Decimal("0.85"),
    7: Decimal("0.85"),
    8: Decimal("0.85"),
}
CENT = Decimal("0.01")
ZERO = Decimal("0.00")

BANKGIRO = "Manuell inbetalning via bankgiro"
E_INVOICE = "E-faktura via internetbanken"
AUTOGIRO = "Autogiro"


@dataclass(frozen=True)
class Row:
    text: str
    net: Decimal
    vat: Decimal = ZERO
    specification: LedgerRowSpecification | None = None


BROADBAND = Row("Bredband 100/100", Decimal("79.20"), Decimal("19.80"))


@dataclass
class Ledger:
    """Everything of the economy, collected in memory and written in a few bulk inserts."""

    run: DemoRun
    bankgiro: str
    notices: list[Notice] = field(default_factory=list)
    periods: list[LedgerPeriod] = field(default_factory=list)
    rows: list[LedgerRow] = field(default_factory=list)
    specifications: list[LedgerRowSpecification] = field(default_factory=list)
    payments: list[Payment] = field(default_factory=list)
    distributions: list[Distribution] = field(default_factory=list)
    periods_of: dict[int, list[LedgerPeriod]] = field(default_factory=dict)  # notice id → its periods

    def notice(self, tenant: Tenant, kind: str, issued: date, due: date) -> Notice:
        number = str(self.run.next_id("notice_number"))
        notice = Notice(
            id=self.run.next_id("notice"),
            customer=tenant.customer,
            kind=kind,
            number=number,
            ocr=ocr_reference(number),
            bankgiro=self.bankgiro,
            issued_on=issued,
            due_date=due,
            net=ZERO,
            vat=ZERO,
            gross=ZERO,
        )
        self.notices.append(notice)
        by_email = tenant.prefers_email
        self.distributions.append(
            Distribution(
                notice=notice,
                channel=Distribution.Channel.EPOST if by_email else Distribution.Channel.BREV,
                address=tenant.email if by_email else tenant.postal_address(issued),
                sent_at=self.run.at(issued, 13, 0),
            )
        )
        return notice

    def period(self, notice: Notice, obj: RentalObject, month: date, due: date, rows: list[Row]) -> LedgerPeriod:
        period = LedgerPeriod(
            notice=notice, rental_object=obj, period_start=month, due_date=due, net=ZERO, vat=ZERO, gross=ZERO
        )
        for position, row in enumerate(rows):
            ledger_row = LedgerRow(
                period=period, text=row.text, net=row.net, vat=row.vat, gross=row.net + row.vat, position=position
            )
            self.rows.append(ledger_row)
            if row.specification is not None:
                row.specification.row = ledger_row
                self.specifications.append(row.specification)
            period.net += row.net
            period.vat += row.vat
        period.gross = period.net + period.vat
        notice.net += period.net
        notice.vat += period.vat
        notice.gross = notice.net + notice.vat
        self.periods.append(period)
        self.periods_of.setdefault(notice.id, []).append(period)
        return period

    def pay(self, notice: Notice, amount: Decimal, paid_on: date, channel: str) -> None:
        """A payment, if it has happened by today; booked the next bank day."""
        if paid_on > self.run.today:
            return
        booked = paid_on + timedelta(days=1)
        while booked.weekday() >= 5:
            booked += timedelta(days=1)
        self.payments.append(
            Payment(
                notice=notice, channel=channel, amount=amount, paid_on=paid_on, booked_on=min(booked, self.run.today)
            )
        )

    def save(self) -> None:
        Notice.objects.bulk_create(self.notices)
        LedgerPeriod.objects.bulk_create(self.periods)
        LedgerRow.objects.bulk_create(self.rows)
        LedgerRowSpecification.objects.bulk_create(self.specifications)
        Payment.objects.bulk_create(self.payments)
        Distribution.objects.bulk_create(self.distributions)


def build_economy(run: DemoRun, estate: Estate, tenants: list[Tenant]) -> None:
    ledger = Ledger(run, estate.company.bankgiro)
    hot_water = HotWater.install(run, [t for t in tenants if t.apartment.number in estate.metered])
    for tenant in tenants:
        rent_notices = _rent_notices(run, ledger, tenant, hot_water)
        _settle(run, ledger, tenant, rent_notices)
        _invoices(run, ledger, tenant)
    hot_water.save()
    ledger.save()


# --- hot water ---------------------------------------------------------------------


@dataclass
class HotWater:
    """Monthly readings of every metered apartment, kept until the notices have used them."""

    readings: dict[int, dict[date, MeterReading]]  # apartment id → month → hot-water reading
    all_readings: list[MeterReading]

    @classmethod
    def install(cls, run: DemoRun, tenants: list[Tenant]) -> "HotWater":
        first = add_months(month_start(run.today), -(MONTHS_OF_NOTICES - 1) - HOT_WATER_BILLING_LAG)
        last = add_months(month_start(run.today), -1)
        readings: dict[int, dict[date, MeterReading]] = {}
        every: list[MeterReading] = []
        for tenant in tenants:
            apartment = tenant.apartment
            installation = MeterInstallation.objects.create(
                rental_object=apartment, usage="Vatten", label=f"{apartment.number} Vatten"
            )
            hot, cold = Meter.objects.bulk_create(
                [
                    Meter(
                        installation=installation,
                        usage="Varmvatten",
                        label="Varmvatten badrum",
                        identity=str(run.rng.randint(400000, 499999)),
                        location="Badrum",
                    ),
                    Meter(
                        installation=installation,
                        usage="Kallvatten",
                        label="Kallvatten badrum",
                        identity=str(run.rng.randint(500000, 599999)),
                        location="Badrum",
                    ),
                ]
            )
            readings[apartment.pk] = {}
            hot_total = Decimal(run.rng.randint(100, 900))
            cold_total = Decimal(run.rng.randint(300, 2000))
            month = first
            while month <= last:
                season = SEASON.get(month.month, Decimal("1"))
                used = (Decimal("0.9") + Decimal("0.7") * tenant.persons) * season
                hot_used = (used * Decimal(run.rng.randint(85, 115)) / 100).quantize(Decimal("0.001"))
                cold_used = (2 * used * Decimal(run.rng.randint(85, 115)) / 100).quantize(Decimal("0.001"))
                hot_total += hot_used
                cold_total += cold_used
                read_at = run.at(month_end(month) + timedelta(days=1), 2, 15)
                hot_reading = MeterReading(
                    meter=hot,
                    period_end=month_end(month),
                    read_at=read_at,
                    reading=hot_total,
                    consumption=hot_used,
                    unit_price=HOT_WATER_PRICE,
                    cost=(hot_used * HOT_WATER_PRICE).quantize(CENT),
                )
                every += [
                    hot_reading,
                    MeterReading(
                        meter=cold,
                        period_end=month_end(month),
                        read_at=read_at,
                        reading=cold_total,
                        consumption=cold_used,
                    ),
                ]
                readings[apartment.pk][month] = hot_reading
                month = add_months(month, 1)
        return cls(readings, every)

    def bill(self, apartment: RentalObject, month: date) -> Row | None:
        """The hot-water row of ``month``'s rent, and its specification; None when unmetered."""
        reading = self.readings.get(apartment.pk, {}).get(add_months(month, -HOT_WATER_BILLING_LAG))
        if reading is None:
            return None
        reading.charged = True
        reading.charge_from = month
        meter = reading.meter
        spec = LedgerRowSpecification(
            covers_from=month_start(reading.period_end),
            covers_to=reading.period_end,
            source_label=meter.location,
            source_identity=meter.identity,
            value_from=reading.reading - reading.consumption,
            value_to=reading.reading,
            quantity=reading.consumption,
            unit=meter.unit,
            unit_price=reading.unit_price,
        )
        return Row("Varmvatten", reading.cost, specification=spec)

    def save(self) -> None:
        MeterReading.objects.bulk_create(self.all_readings)


# --- rent notices --------------------------------------------------------------------


def _rent(apartment: RentalObject, year: int, today: date) -> Decimal:
    """The rent of ``year``, today's rent discounted by the yearly increases since."""
    return (apartment.monthly_rent / YEARLY_RENT_INCREASE ** (today.year - year)).quantize(Decimal("1"))


def _billed_rent(apartment: RentalObject, month: date, today: date) -> Decimal:
    # January–March are billed before the year's negotiation has ended: at last year's rent.
    return _rent(apartment, month.year - 1 if month.month <= 3 else month.year, today)


def _rent_notices(run: DemoRun, ledger: Ledger, tenant: Tenant, hot_water: HotWater) -> list[Notice]:
    today = run.today
    apartment = tenant.apartment
    month = add_months(month_start(today), -(MONTHS_OF_NOTICES - 1))
    notices = []
    while True:
        due = last_weekday_of_month(add_months(month, -1))
        issued = due - NOTICE_LEAD
        if issued > today:
            return notices
        notice = ledger.notice(tenant, Notice.Kind.AVI, issued, due)
        rows = [Row("Grundhyra", _billed_rent(apartment, month, today))]
        hot_water_row = hot_water.bill(apartment, month)
        if hot_water_row is not None:
            rows.append(hot_water_row)
        if tenant.broadband:
            rows.append(BROADBAND)
        ledger.period(notice, apartment, month, due, rows)
        if month.month == 4:
            _retroactive_increase(ledger, notice, apartment, month, due, today)
        if tenant.storage is not None and tenant.storage_since <= month:
            ledger.period(notice, tenant.storage, month, due, [Row("Förrådshyra", tenant.storage.monthly_rent)])
        notices.append(notice)
        month = add_months(month, 1)


def _retroactive_increase(
    ledger: Ledger, notice: Notice, apartment: RentalObject, april: date, due: date, today: date
) -> None:
    increase = _rent(apartment, april.year, today) - _rent(apartment, april.year - 1, today)
    first_notice_month = add_months(month_start(today), -(MONTHS_OF_NOTICES - 1))
    for month_number in (1, 2, 3):
        month = april.replace(month=month_number)
        if month >= first_notice_month:
            ledger.period(notice, apartment, month, due, [Row("Retroaktiv hyreshöjning", increase)])


def _settle(run: DemoRun, ledger: Ledger, tenant: Tenant, notices: list[Notice]) -> None:
    """Pay the rent notices (given oldest first) the way this tenant pays."""
    if tenant.is_demo_customer:
        channel = E_INVOICE
    else:
        channel = AUTOGIRO if run.chance(0.3) else run.rng.choice((BANKGIRO, E_INVOICE))
    for age, notice in enumerate(reversed(notices)):
        fate = _fate(tenant.habit, age)
        if fate == "unpaid":
            continue
        if fate == "collection":
            for period in ledger.periods_of[notice.id]:
                period.sent_to_collection_on = notice.due_date + timedelta(days=60)
            continue
        if fate == "partly":
            # The seed's own example: 6 000 paid of the notice, the rest still owed.
            amount = Decimal("6000.00") if notice.gross > Decimal("6000.00") else (notice.gross / 2).quantize(CENT)
            ledger.pay(notice, amount, notice.issued_on + timedelta(days=20), BANKGIRO)
            continue
        if channel == AUTOGIRO:
            paid_on = notice.due_date
        elif tenant.habit in ("late", "struggling"):
            paid_on = notice.due_date + timedelta(days=run.rng.randint(3, 25))
        else:
            paid_on = notice.due_date - timedelta(days=run.rng.randint(0, 5))
        ledger.pay(notice, notice.gross, paid_on, channel)


def _fate(habit: str, age: int) -> str:
    """What became of the notice ``age`` months older than the newest one."""
    if habit == "scripted":  # demo customer 1: every case, at fixed ages
        return {0: "unpaid", 1: "partly", 3: "unpaid", 7: "collection"}.get(age, "paid")
    if habit == "struggling":
        return {1: "unpaid", 2: "unpaid", 5: "partly", 9: "collection"}.get(age, "paid")
    return "paid"


# --- invoices (Faktura) ----------------------------------------------------------------


def _invoices(run: DemoRun, ledger: Ledger, tenant: Tenant) -> None:
    today = run.today
    plans: list[tuple[int, list[Row], str]] = []  # days since issued, rows, fate
    if tenant.is_demo_customer:
        plans = [
            (150, [Row("Passerbricka, extra", Decimal("392.00"), Decimal("98.00"))], "paid"),
            # A repair charged to the tenant, not yet due.
            (
                12,
                [
                    Row("Reparation av ytterdörr, arbete 2 tim", Decimal("1240.00"), Decimal("310.00")),
                    Row("Material: låscylinder", Decimal("720.00"), Decimal("180.00")),
                ],
                "unpaid",
            ),
            # A credit invoice, still to be set off against the rent.
            (40, [Row("Kreditering: hyresreduktion under stambyte", Decimal("-1250.00"))], "unpaid"),
        ]
    else:
        if run.chance(0.25):
            plans.append(
                (
                    run.rng.randint(30, 600),
                    [Row("Nyckel, extra", Decimal("200.00"), Decimal("50.00"))],
                    "unpaid" if tenant.habit == "struggling" else "paid",
                )
            )
        if run.chance(0.08):
            plans.append(
                (
                    run.rng.randint(5, 90),
                    [Row("Reparation av skadad innerdörr", Decimal("1600.00"), Decimal("400.00"))],
                    "unpaid",
                )
            )
        if run.chance(0.05):
            plans.append(
                (run.rng.randint(10, 60), [Row("Kreditering: felaktigt debiterad hyra", Decimal("-350.00"))], "unpaid")
            )
    for days_ago, rows, fate in plans:
        issued = today - timedelta(days=days_ago)
        due = issued + timedelta(days=30)
        notice = ledger.notice(tenant, Notice.Kind.FAKTURA, issued, due)
        ledger.period(notice, tenant.apartment, month_start(issued), due, rows)
        if fate == "paid":
            ledger.pay(notice, notice.gross, due - timedelta(days=3), BANKGIRO)
