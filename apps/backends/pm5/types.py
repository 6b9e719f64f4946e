"""What the PM5 'Mina sidor' API answers, in English and typed.

Swedish wire names stop in parse.py; everything above apps.backends sees these.
Every field the seed marks newer than 5.9 may be None (contract A37).
"""

from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import TYPE_CHECKING

from apps.backends.pm5.codes import ContactKind, DistributionChannel, NoticeKind, PaymentChannel
from apps.backends.pm5.home_types import Maintenance, MeterInstallation

if TYPE_CHECKING:
    from apps.backends.pm5.messages_types import Message


@dataclass(frozen=True)
class Address:
    street: str
    street2: str | None
    postal_code: str
    city: str
    country: str | None


@dataclass(frozen=True)
class CustomerInfo:
    first_name: str
    last_name: str
    customer_number: str

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}".strip()


@dataclass(frozen=True)
class ContactDetail:
    kind: ContactKind  # details of other kinds are left out when read
    label: str | None
    value: str
    verified: bool


@dataclass(frozen=True)
class PostalAddress:
    """The lines of an address on an envelope, as PM5 writes every kind of address."""

    name: str | None
    care_of: str | None
    attention: str | None
    street: str | None
    street2: str | None
    postal_code: str | None
    city: str | None
    country: str | None
    country_code: str | None


@dataclass(frozen=True)
class TemporaryAddress(PostalAddress):
    address_id: int
    valid_from: date | None
    valid_to: date | None

    def is_active_on(self, day: date) -> bool:
        started = self.valid_from is None or self.valid_from <= day
        not_ended = self.valid_to is None or day <= self.valid_to
        return started and not_ended


@dataclass(frozen=True)
class Document:
    file_id: int | None
    object_type: str | None
    object_address: str | None
    category: str | None
    category_order: int | None
    label: str | None
    extension: str | None
    order: int | None
    web_url: str | None
    message: str | None


@dataclass(frozen=True)
class RowSpecification:
    period_from: date | None
    period_to: date | None
    source_label: str | None
    source_id: str | None
    reading_from: Decimal | None
    reading_to: Decimal | None
    quantity: Decimal | None
    unit: str | None
    unit_price: Decimal | None


@dataclass(frozen=True)
class LedgerRow:
    text: str
    net: Decimal
    vat: Decimal
    gross: Decimal
    specification: RowSpecification | None


@dataclass(frozen=True)
class RentalObjectRef:
    number: str | None
    object_type: str | None
    address: Address | None


@dataclass(frozen=True)
class LedgerPeriod:
    period: str | None
    due_date: date | None
    net: Decimal
    vat: Decimal
    gross: Decimal
    sent_to_debt_collection: date | None
    rental_object: RentalObjectRef | None
    rows: tuple[LedgerRow, ...]


@dataclass(frozen=True)
class Payment:
    channel: str | None  # how it was paid, in the backend's words
    amount: Decimal
    paid_on: date | None
    booked_on: date | None


@dataclass(frozen=True)
class Distribution:
    channel: DistributionChannel | None  # None: a channel the portal does not know
    channel_text: str | None  # the backend's own name for it, shown when the channel is unknown
    address: str | None
    distributed_at: datetime | None


@dataclass(frozen=True)
class Notice:
    """A rent notice (Avi) or an invoice (Faktura): SessionAvisering."""

    notice_id: int  # SessionAviseringTyp.AviseringId, the id for the PDF (contract A08)
    number: str  # Avinummer, as printed
    kind: NoticeKind | None  # None: a kind the portal does not know (kind_label says what)
    kind_label: str | None
    ocr: str | None
    recipient_account: str | None  # MottagareNummer, e.g. the bankgiro number
    payment_channel: PaymentChannel | None  # None: neither bankgiro nor plusgiro
    payment_channel_label: str | None
    due_date: date | None
    net: Decimal
    vat: Decimal
    gross: Decimal
    paid: Decimal
    remaining: Decimal
    to_pay: Decimal | None  # AttBetala (5.10); None on older backends (contract A26)
    distributions: tuple[Distribution, ...] = ()
    periods: tuple[LedgerPeriod, ...] = ()
    payments: tuple[Payment, ...] = ()

    @property
    def is_invoice(self) -> bool:
        return self.kind == NoticeKind.INVOICE

    @property
    def amount_due(self) -> Decimal:
        return self.to_pay if self.to_pay is not None else self.remaining

    @property
    def sent_to_debt_collection(self) -> date | None:
        dates = [p.sent_to_debt_collection for p in self.periods if p.sent_to_debt_collection]
        return min(dates) if dates else None


@dataclass(frozen=True)
class Economy:
    rent_balance: Decimal
    invoice_balance: Decimal
    notices: tuple[Notice, ...] | None  # None when not asked for


@dataclass(frozen=True)
class NodeStep:
    """ÄrendeNodstigdel: one step of a node path."""

    node_id: str
    kind: str | None  # "Nod" | "Nodklass" | "Detalj"
    label: str


@dataclass(frozen=True)
class Participant:
    name: str | None
    phone: str | None
    mobile: str | None
    email: str | None


@dataclass(frozen=True)
class RowEvent:
    """ÄrendeHistorik, or a point in time of a row (ÄrendeRadÄrendeTidpunkt): what happened when."""

    label: str
    at: datetime | None
    by: str | None = None


@dataclass(frozen=True)
class ErrandRow:
    row_id: int
    subject: NodeStep | None
    status_code: str | None
    status_label: str | None
    step_code: str | None
    step_label: str | None
    main_entity: str | None
    node_path: tuple[NodeStep, ...]
    handlers: tuple[Participant, ...]
    media_ids: tuple[int, ...]
    history: tuple[RowEvent, ...] = ()
    times: tuple[RowEvent, ...] = ()  # Tidpunkter (5.12), e.g. "Inträffat"
    classification: str | None = None  # Beskrivning (5.12) is a classification, not the tenant's text (A17)
    action: str | None = None  # ÅtgärdNodKlassTyp.Beteckning, e.g. "Repareras"
    ordered_at: datetime | None = None
    planned_at: datetime | None = None  # ÅtgärdNod.Planerad: when the craftsman is expected
    done_at: datetime | None = None
    # Maintenance offers (home_types): the day the tenant accepted this row, and its price model.
    accepted_on: date | None = None
    tenant_share: Decimal | None = None  # PrisModell.RestVärde
    discount: Decimal | None = None

    @property
    def path_string(self) -> str:
        """The joined node string, as the node walk and Skapa felanmälan spell it (A03)."""
        return "-".join(step.node_id for step in self.node_path)


@dataclass(frozen=True)
class Errand:
    errand_id: int
    number: str
    kind: str | None
    kind_code: str | None
    contacts: tuple[Participant, ...]
    handlers: tuple[Participant, ...]
    received_at: datetime | None
    due_at: datetime | None
    closed_at: datetime | None
    planned_start: datetime | None
    planned_end: datetime | None
    step_code: str | None
    step_label: str | None
    rows: tuple[ErrandRow, ...] = ()
    offer_answer_by: date | None = None  # UnderhållsErbjudande: set only on a maintenance offer

    @property
    def is_offer(self) -> bool:
        return self.offer_answer_by is not None

    @property
    def status_label(self) -> str | None:
        """The errand's status as the backend words it: its first row's status."""
        for row in self.rows:
            if row.status_label:
                return row.status_label
        return self.step_label

    @property
    def is_open(self) -> bool:
        return self.closed_at is None and self.step_code != "Annullerad"

    @property
    def is_inspection(self) -> bool:
        return (self.kind_code or "").casefold() == "besiktning"

    @property
    def for_incoming_tenant(self) -> bool:
        """Which side's protocol is the tenant's (A29): the seed gives no field for it, so the
        errand's kind as PM5 words it decides; only a move-out inspection is the outgoing tenant's."""
        return "avflytt" not in (self.kind or "").casefold()


@dataclass(frozen=True)
class AvailableObject:
    kind: str | None  # "Bostad" | "Tvattstuga" | ...
    kind_label: str | None
    object_type_label: str | None
    number: str | None
    uses: tuple[str, ...]
    node: NodeStep | None
    address: Address | None
    maintenance: tuple[Maintenance, ...] | None = None  # None when not asked for (HämtaUnderhåll)
    meter_installations: tuple[MeterInstallation, ...] | None = None  # None when not asked for (HämtaMätdata)

    @property
    def can_report_fault(self) -> bool:
        return any(use.casefold() == "felanmälan" for use in self.uses) and self.node is not None


@dataclass(frozen=True)
class PortalSession:
    """GET /session: the parts asked for, None for the parts not asked for."""

    customer: CustomerInfo | None
    contact_details: tuple[ContactDetail, ...] | None
    economy: Economy | None
    temporary_addresses: tuple[TemporaryAddress, ...] | None
    documents: tuple[Document, ...] | None
    errands: tuple[Errand, ...] | None
    objects: tuple[AvailableObject, ...] | None
    messages: "tuple[Message, ...] | None" = None  # SessionKund.Meddelanden (A13; README, "Messages")


@dataclass(frozen=True)
class SessionParts:
    """Which parts of GET /session to ask for (each Hämta* flag is opt-in, contract A07)."""

    customer: bool = True
    contact_details: bool = False
    economy: bool = False
    notices: bool = False
    notice_months: int = 12
    temporary_addresses: bool = False
    documents: bool = False
    errands: bool = False
    errand_rows: bool = False
    objects: bool = False
    maintenance: bool = False
    meter_data: bool = False
    messages: bool = False
