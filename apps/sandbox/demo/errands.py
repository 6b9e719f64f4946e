"""Errands in every status: demo customer 1's are scripted, the others' drawn at random.

A row's timestamps follow its work-order status step by step (registered,
ordered, accepted, done, invoiced, or cancelled), with a history entry for
each step, so the staff view of FAST2 and the tenant's view of PM5 agree.
"""

from dataclasses import dataclass
from datetime import datetime, timedelta
from decimal import Decimal

from apps.sandbox.demo import catalogue, general, names
from apps.sandbox.demo.accounting import Accounting, guid, remark_for
from apps.sandbox.demo.estate import Estate
from apps.sandbox.demo.files import simple_png
from apps.sandbox.demo.people import Tenant
from apps.sandbox.demo.run import DemoRun
from apps.sandbox.models import (
    Errand,
    ErrandParticipant,
    ErrandRow,
    ErrandRowHistoryEntry,
    ErrandRowMedia,
    Hold,
    Node,
    Priority,
    RentalObject,
    WorkOrderStatus,
)

S = WorkOrderStatus
# How many days each step takes after the one before.
STEP_DAYS = {S.GODK: 1, S.PAGAR: 2, S.UTFORD: 4, S.OVERF: 8, S.MAK: 2}
# Random errands: statuses weighted roughly as a real year's errands are.
RANDOM_STATUSES = (S.REG, S.GODK, S.PAGAR, S.UTFORD, S.OVERF, S.MAK)
RANDOM_WEIGHTS = (2, 2, 2, 8, 4, 1)


@dataclass(frozen=True)
class Fault:
    """One row of a scripted errand."""

    place: str  # "apartment", "laundry" or "storage"
    labels: tuple[str, ...]  # the node's label path from the object
    status: WorkOrderStatus
    fault: str
    days_ago: int
    hold: str = Hold.NONE
    priority: int = Priority.NORMAL
    key_handling: int = 1
    key_note: str = ""
    photo: bool = False
    remark: str = ""


@dataclass(frozen=True)
class Script:
    rows: tuple[Fault, ...]
    kind: str = Errand.Kind.ORDER
    reporter: tuple[str, str, str] | None = None  # another reporter than the tenant: name, phone, e-mail


# Demo customer 1 sees every status PM5 can show, and the seed's own freezer.
DEMO_ERRANDS = (
    Script(
        (
            Fault(
                "apartment",
                ("Kök", "Kyl/Frys", "Frys - Standard"),
                S.REG,
                "Kyler inte",
                1,
                key_handling=2,
                key_note="Hemma vardagar efter 16:00",
                photo=True,
                remark="Frysen byttes för ett år sedan: kontakta leverantören om garanti innan beställning.",
            ),
        )
    ),
    Script((Fault("apartment", ("Badrum", "Handfat", "Blandare"), S.GODK, "Droppar", 6),)),
    Script((Fault("apartment", ("Sovrum", "Fönster"), S.PAGAR, "Drar kallt", 4),)),
    Script((Fault("apartment", ("Badrum", "WC", "Spolning"), S.UTFORD, "Rinner", 45),)),
    Script(
        (Fault("laundry", ("Tvättmaskin 2",), S.OVERF, "Fungerar inte", 70),),
        reporter=("Eva Lind", "070-222 33 44", "eva.lind@example.se"),
    ),
    Script((Fault("apartment", ("Hall", "Belysning"), S.MAK, "Blinkar", 30),)),
    Script((Fault("apartment", ("Kök", "Spis", "Ugn"), S.REG, "Blir inte varm", 9, hold=Hold.VANTAR, key_handling=2),)),
    Script((Fault("storage", ("Dörr och lås",), S.GODK, "Trasig", 20, hold=Hold.VILANDE),)),
    # One report with two faults in different states, one of them acute.
    Script(
        (
            Fault("apartment", ("Kök", "Diskbänk", "Avlopp"), S.GODK, "Läcker", 3, priority=Priority.AKUT),
            Fault("apartment", ("Vardagsrum", "Element"), S.REG, "Blir inte varm", 3),
        )
    ),
)


# The floors of the floor offer: (ÅtgärdNodKlassTyp.Beteckning, KortBeteckning, the tenant's share).
FLOOR_CHOICES = (
    ("Läggs med ekparkett", "Ekparkett", Decimal("4200.00")),
    ("Läggs med laminat", "Laminat", Decimal("1500.00")),
    ("Läggs med linoleum", "Linoleum", Decimal("0.00")),
)


def build_errands(run: DemoRun, estate: Estate, tenants: list[Tenant]) -> None:
    writer = ErrandWriter(run)
    for tenant in tenants:
        if tenant.is_demo_customer:
            for script in DEMO_ERRANDS:
                writer.fault_report(tenant, script, estate)
            writer.maintenance_offer(tenant, estate)
        else:
            for _ in range(run.rng.choice((0, 1, 1, 2, 3))):
                writer.random_report(tenant, estate)
    # Last, so every errand above keeps the ids and random draws it had before these existed.
    for tenant in tenants:
        if tenant.is_demo_customer:
            writer.floor_offer(tenant, estate)
            general.write_demo(writer, tenant, estate)
    writer.save()


class ErrandWriter:
    def __init__(self, run: DemoRun):
        self.run = run
        self.errands: list[Errand] = []
        self.rows: list[ErrandRow] = []
        self.participants: list[ErrandParticipant] = []
        self.history: list[ErrandRowHistoryEntry] = []
        self.media: list[ErrandRowMedia] = []
        self.handler_of: dict[int, ErrandParticipant] = {}  # errand id → its case officer
        self.rows_of: dict[int, list[ErrandRow]] = {}  # errand id → its rows
        self.accounting = Accounting(run)

    # --- what gets reported ----------------------------------------------------------

    def fault_report(self, tenant: Tenant, script: Script, estate: Estate) -> None:
        first = script.rows[0]
        obj = _place(tenant, first.place)
        received = self.run.at(self.run.today - timedelta(days=first.days_ago))
        errand = self._errand(
            tenant, obj, received, script.kind, urgent=any(f.priority == Priority.AKUT for f in script.rows)
        )
        if script.reporter:
            errand.reporter_name, errand.reporter_phone, errand.reporter_email = script.reporter
        for fault in script.rows:
            node = estate.node(_place(tenant, fault.place), *fault.labels)
            row = self._row(
                errand,
                node,
                fault.status,
                received,
                fault=fault.fault,
                priority=fault.priority,
                hold=fault.hold,
                key_handling=fault.key_handling,
                key_note=fault.key_note,
            )
            if fault.remark:
                row.remark = fault.remark
            if fault.photo:
                self.media.append(
                    ErrandRowMedia(
                        id=self.run.next_id("media"),
                        row=row,
                        content_type="image/png",
                        content=simple_png(64, 48, (176, 196, 222)),
                        note="Isbildning på frysens baksida",
                    )
                )
        self._close(errand)

    def random_report(self, tenant: Tenant, estate: Estate) -> None:
        obj = tenant.laundry if self.run.chance(0.15) else tenant.apartment
        node = self.run.rng.choice(estate.leaves(obj))
        status = self.run.rng.choices(RANDOM_STATUSES, weights=RANDOM_WEIGHTS)[0]
        # Open errands are recent; finished ones spread over the last two years. Each range
        # leaves room for the row's steps (STEP_DAYS), so no step lies in the future.
        days_ago = {S.REG: (1, 6), S.GODK: (2, 20), S.PAGAR: (4, 20)}.get(status, (16, 700))
        days_ago = self.run.rng.randint(*days_ago)
        received = self.run.at(self.run.today - timedelta(days=days_ago))
        kind = catalogue.KINDS[node.kind_id]
        faults = kind.faults or ("Annat fel",)
        urgent = self.run.chance(0.1)
        errand = self._errand(tenant, obj, received, Errand.Kind.ORDER, urgent=urgent)
        hold = Hold.VANTAR if status == S.REG and self.run.chance(0.2) else Hold.NONE
        self._row(
            errand,
            node,
            status,
            received,
            fault=self.run.rng.choice(faults),
            priority=Priority.AKUT if urgent else Priority.NORMAL,
            hold=hold,
            key_handling=self.run.rng.choice((1, 2, 3)),
        )
        self._close(errand)

    def maintenance_offer(self, tenant: Tenant, estate: Estate) -> None:
        """Repainting the kitchen, offered early for a share of the cost (ÄrendeUnderhållsErbjudande)."""
        self._offer(
            tenant,
            estate.node(tenant.apartment, "Kök"),
            "Erbjudande: målning av kök. Du betalar restvärdet för att få det gjort i förtid.",
            days_ago=4,
            answer_within=21,
            interval=10,
            choices=(("Målas", "Malas", Decimal("1850.00")),),
        )

    def floor_offer(self, tenant: Tenant, estate: Estate) -> None:
        """A new living-room floor, one row per floor to choose from, each with the tenant's share of the cost."""
        self._offer(
            tenant,
            estate.node(tenant.apartment, "Vardagsrum", "Golv"),
            "Erbjudande: nytt golv i vardagsrummet. Välj ett av golven.",
            days_ago=2,
            answer_within=14,
            interval=25,
            choices=FLOOR_CHOICES,
        )

    def _offer(
        self,
        tenant: Tenant,
        node: Node,
        description: str,
        *,
        days_ago: int,
        answer_within: int,
        interval: int,
        choices: tuple[tuple[str, str, Decimal], ...],
    ) -> None:
        """An offer errand: one row per choice (action, its short name, the tenant's share of the cost)."""
        received = self.run.at(self.run.today - timedelta(days=days_ago))
        errand = self._errand(
            tenant, tenant.apartment, received, Errand.Kind.UNDERHALL, urgent=False, source=Errand.Source.INTERNT
        )
        errand.offer_answer_by = self.run.today + timedelta(days=answer_within)
        for action, code, share in choices:
            row = self._row(
                errand, node, S.REG, received, fault=None, priority=Priority.NORMAL, hold=Hold.NONE, key_handling=1
            )
            row.description = description
            row.action, row.action_code = action, code
            row.interval, row.interval_unit = interval, ErrandRow.TimeUnit.AR
            row.residual_value, row.discount = share, Decimal("0.00")

    # --- how it is written -------------------------------------------------------------

    def _errand(
        self,
        tenant: Tenant,
        obj: RentalObject,
        received: datetime,
        kind: str,
        *,
        urgent: bool,
        source: str = Errand.Source.MINA_SIDOR,
    ) -> Errand:
        number = f"R-{received:%y%m}-{self.run.next_id('errand_number')}"
        errand_id = self.run.next_id("errand")
        errand = Errand(
            id=errand_id,
            guid=guid("errand", errand_id),
            number=number,
            customer=tenant.customer,
            rental_object=obj,
            kind=kind,
            source=source,
            received_at=received,
            due_at=received + (timedelta(days=1) if urgent else timedelta(days=14)),
            pets="Katt" if self.run.chance(0.15) else "",
        )
        handler_name, title, phone, handler_mobile = self.run.rng.choice(names.HANDLERS)
        handler = ErrandParticipant(
            errand=errand,
            role=ErrandParticipant.Role.HANDLER,
            display_name=f"{handler_name} ({title})",
            phone=phone,
            mobile=handler_mobile,
            email="kundservice@tallbacken.example",
        )
        self.participants += [
            ErrandParticipant(
                errand=errand,
                role=ErrandParticipant.Role.CONTACT,
                display_name=tenant.customer.full_name,
                mobile=tenant.mobile,
                email=tenant.email,
            ),
            handler,
        ]
        self.handler_of[errand.id] = handler
        self.rows_of[errand.id] = []
        self.errands.append(errand)
        return errand

    def _row(
        self,
        errand: Errand,
        node: Node,
        status: WorkOrderStatus,
        received: datetime,
        *,
        fault: str | None,
        priority: int,
        hold: str,
        key_handling: int,
        key_note: str = "",
    ) -> ErrandRow:
        fault_id = next((i for i, label in catalogue.FAULT_TYPES.items() if label == fault), None)
        row_id = self.run.next_id("errand_row")
        row = ErrandRow(
            id=row_id,
            guid=guid("errand_row", row_id),
            remark=remark_for(row_id),
            errand=errand,
            node=node,
            description=catalogue.FAULT_STORIES.get(node.kind_id, f"Fel på {node.label.lower()}."),
            fault_type_id=fault_id,
            key_handling_id=key_handling,
            key_note=key_note,
            status=status,
            priority=priority,
            hold=hold,
            registered_at=received,
            occurred_at=received - timedelta(hours=self.run.rng.randint(2, 30)),
        )
        trade = names.SUPPLIER_BY_KIND.get(node.kind_id, "bygg")
        supplier = names.SUPPLIERS[trade]
        handler = self.handler_of[errand.id].display_name
        self._step(row, "Registrerad", received, "Mina sidor" if errand.source == Errand.Source.MINA_SIDOR else "PM5")
        self._step(row, "Hos handläggare", received + timedelta(minutes=20), handler)
        at = received
        for step in _steps_to(status):
            at += timedelta(days=STEP_DAYS[step])
            if step == S.GODK:
                row.ordered_at = at
                self._step(row, f"Beställd hos {supplier}", at, handler)
            elif step == S.PAGAR:
                row.accepted_at = at
                row.planned_at = at + timedelta(days=3, hours=1)
                self._step(row, "Accepterad av leverantör", at, supplier)
            elif step == S.UTFORD:
                row.done_at = at
                self._step(row, "Utförd", at, supplier)
            elif step == S.OVERF:
                row.invoiced_at = at
                self._step(row, "Fakturerad", at, supplier)
            elif step == S.MAK:
                row.cancelled_at = at
                self._step(row, "Makulerad", at, handler)
        if hold:
            self._step(row, Hold(hold).label, at + timedelta(hours=2), handler)
        if row.ordered_at:
            row.action, row.action_code = "Repareras", "Repareras"
            self.participants.append(
                ErrandParticipant(
                    errand=errand,
                    row=row,
                    role=ErrandParticipant.Role.HANDLER,
                    display_name=supplier,
                    phone="08-465 004 40",
                )
            )
        self.accounting.book(row, supplier, trade)
        self.rows.append(row)
        self.rows_of[errand.id].append(row)
        return row

    def _step(self, row: ErrandRow, label: str, at: datetime, user: str) -> None:
        self.history.append(ErrandRowHistoryEntry(row=row, label=label, at=at, user=user))

    def _close(self, errand: Errand) -> None:
        rows = self.rows_of[errand.id]
        if all(not row.is_open for row in rows):
            errand.closed_at = max(row.done_at or row.cancelled_at for row in rows)
        planned = [row.planned_at for row in rows if row.planned_at and row.is_open]
        if planned:
            errand.planned_start = min(planned)
            errand.planned_finish = max(planned) + timedelta(hours=3)

    def save(self) -> None:
        Errand.objects.bulk_create(self.errands)
        self.accounting.save()
        ErrandRow.objects.bulk_create(self.rows)
        ErrandParticipant.objects.bulk_create(self.participants)
        ErrandRowHistoryEntry.objects.bulk_create(self.history)
        ErrandRowMedia.objects.bulk_create(self.media)


def _place(tenant: Tenant, place: str) -> RentalObject:
    return {"apartment": tenant.apartment, "laundry": tenant.laundry, "storage": tenant.storage}[place]


def _steps_to(status: WorkOrderStatus) -> tuple[WorkOrderStatus, ...]:
    """The work-order steps a row has gone through to reach ``status``, one at a time."""
    if status == S.MAK:
        return (S.MAK,)
    forward = (S.GODK, S.PAGAR, S.UTFORD, S.OVERF)
    return forward[: forward.index(status) + 1] if status in forward else ()
