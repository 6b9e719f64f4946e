"""FAST2 work orders as the portal reads them: frozen, English names, no wire spelling."""

from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal

from apps.backends.fast2.codes import Priority, WorkOrderStatus

STATUS_CODES = tuple(WorkOrderStatus)


@dataclass(frozen=True)
class Status:
    code: WorkOrderStatus
    label: str

    @property
    def is_cancellation(self) -> bool:
        return self.code == WorkOrderStatus.CANCELLED


@dataclass(frozen=True)
class Planning:
    day: date | None
    from_time: str | None
    to_time: str | None


@dataclass(frozen=True)
class WorkOrderFile:
    """A file linked to a work order (the tenant's photos), fetched by id through filetransfer."""

    id: int
    name: str
    content_type: str
    size: int | None

    @property
    def is_image(self) -> bool:
        return self.content_type.startswith("image/")


@dataclass(frozen=True)
class Reporter:
    """annanAnmalare: someone other than the customer who reported the fault."""

    name: str
    phone: str | None
    email: str | None


@dataclass(frozen=True)
class Economy:
    """ekonomi: the coding and costs of a work order (001:1360-1376)."""

    account: str | None = None  # konteringsKonto
    cost_centre: str | None = None  # konterinfRefKst (sic)
    property_code: str | None = None  # konteringFastighetsNr
    maintenance_or_fault: str | None = None  # konteringUhFel
    material_account: str | None = None  # konteringMaterialKonto
    project: str | None = None  # konteringProjekt
    operations_project: str | None = None  # konteringDriftProjekt
    material_cost: Decimal | None = None  # materialkostnad
    cost: Decimal | None = None  # kostnad


@dataclass(frozen=True)
class Invoicing:
    """fakturera (read also as faktura, 001:1114): whether the work is invoiced, and for how much."""

    to_invoice: bool = False
    amount: Decimal | None = None


@dataclass(frozen=True)
class WorkOrder:
    id: int
    errand_number: str | None
    object_id: str
    customer_id: int | None
    status: WorkOrderStatus
    kind_code: str | None
    kind_label: str | None
    room: str | None
    unit: str | None
    unit_note: str | None
    phrase: str | None
    description: str | None
    comment: str | None
    remark: str | None
    action_taken: str | None
    access: str | None
    priority_code: str | None
    priority_label: str | None
    performer: str | None
    origin: str | None
    registered_at: datetime | None
    ordered_at: datetime | None
    accepted_at: datetime | None
    done_at: datetime | None
    modified_at: datetime | None
    planning: Planning | None
    # The sandbox's "filer" (the seed has no file list on a work order, contract ambiguity 5).
    files: tuple[WorkOrderFile, ...] = ()
    # externtId: the errand row's GUID in Errands v2 where the landlord's PM sets it; externtNr is the errand's number.
    external_id: str | None = None
    reporter: Reporter | None = None
    performer_id: str | None = None  # utforare.id: the FAST2 resource ordered to do it
    access_code: str | None = None  # tilltradeKod: J the utförare may let themselves in, N not
    room_id: int | None = None
    unit_id: int | None = None
    phrase_id: int | None = None  # fras.frasKod, what frasNr names
    economy: Economy | None = None
    invoicing: Invoicing | None = None

    @property
    def status_label(self) -> str:
        return self.status.label

    @property
    def is_open(self) -> bool:
        return self.status.is_open

    @property
    def is_urgent(self) -> bool:
        return self.priority_code == Priority.URGENT


@dataclass(frozen=True)
class WorkOrderChange:
    """PUT /v1/arbetsorder/{id} as the staff pages use it: None leaves a field as it is, "" clears a text."""

    description: str | None = None
    comment: str | None = None
    remark: str | None = None
    action_taken: str | None = None
    unit_note: str | None = None
    kind_code: str | None = None  # F Felanmälan, U Underhåll (seed 2.10)
    access_code: str | None = None  # J or N
    performer_id: str | None = None  # resursId: reassign
    room_id: int | None = None  # utrymmesId, with unit_id: where in the objekt
    unit_id: int | None = None
    phrase_id: int | None = None  # frasNr
    customer_number: str | None = None  # kundNr
    economy: Economy | None = None  # with economy_fields: only those attributes are sent (None clears one)
    economy_fields: tuple[str, ...] = ()
    invoicing: Invoicing | None = None

    @property
    def is_empty(self) -> bool:
        return all(value is None for value in vars(self).values())


@dataclass(frozen=True)
class Sla:
    start: datetime | None
    agreed_end: datetime | None
    actual_end: datetime | None
    difference_minutes: int | None  # agreed end minus actual end (or now): negative is overdue

    @property
    def breached(self) -> bool:
        return self.difference_minutes is not None and self.difference_minutes < 0

    @property
    def closed(self) -> bool:
        return self.actual_end is not None


@dataclass(frozen=True)
class Event:
    id: int
    title: str
    text: str | None
    type_code: str | None
    type_label: str | None
    created_by: str | None
    registered_at: datetime | None
    modified_by: str | None = None
    modified_at: datetime | None = None
    active_from: date | None = None
    active_to: date | None = None  # None: no end

    @property
    def is_system(self) -> bool:
        """FAST2 writes these itself (a status change); staff change only their own kinds."""
        return self.type_code == "SYS"


@dataclass(frozen=True)
class EventChange:
    """What PUT handelser/{id} sets: every field is sent, so what staff cleared is cleared."""

    title: str
    text: str
    type_code: str
    active_from: date | None = None
    active_to: date | None = None


@dataclass(frozen=True)
class EventType:
    code: str
    label: str


@dataclass(frozen=True)
class WorkOrderQuery:
    """The filters of GET /v1/arbetsorder; empty means "any"."""

    statuses: tuple[str, ...] = ()
    priorities: tuple[str, ...] = ()
    object_id: str = ""
    created_after: date | None = None
    modified_after: datetime | None = None
    kinds: tuple[str, ...] = field(default=())
    performers: tuple[str, ...] = ()  # utforare: resource ids


@dataclass(frozen=True)
class Contact:
    """A kontaktperson of a work order; also what the portal sends to create or change one."""

    name: str
    email: str = ""
    mobile: str = ""
    other_phone: str = ""
    note: str = ""
    valid_from: date | None = None
    valid_to: date | None = None
    id: int | None = None
    work_order_id: int | None = None


# Fasta strukturen (seed 3, 7.1-7.3): objekt > utrymme > enhet, with the fraser of an enhet.


@dataclass(frozen=True)
class EstateObject:
    """An objekt: normally an apartment or premises, or a common room such as a laundry room."""

    id: str
    street: str | None
    apartment_number: str | None
    postal_code: str | None
    city: str | None
    floor: int | None
    area: Decimal | None
    kind_code: str | None  # objektsOTyp
    type_code: str | None  # objektsTyp
    type_label: str | None
    tenant_ids: tuple[int, ...]  # internal customer ids of HG1 and HG2
    property_number: str | None
    building_number: str | None
    part_of: str | None
    # adress.xkoord/ykoord: "geografisk koordinat", no reference system in the seed. Read as
    # SWEREF 99 TM easting/northing in metres, swapped back when sent in the surveyors' order (X north).
    east: Decimal | None = None
    north: Decimal | None = None


@dataclass(frozen=True)
class ObjectSort:
    """One sortering entry: an Objekt field as a dotted wire path (e.g. "adress.adress")."""

    field: str
    descending: bool = False


@dataclass(frozen=True)
class ObjectPage:
    objects: tuple[EstateObject, ...]
    # The cursor for the next page; None when this page was the last (shorter than asked for).
    next_after: str | None


@dataclass(frozen=True)
class Room:
    id: int
    name: str
    number: str | None
    type_code: str | None


@dataclass(frozen=True)
class Unit:
    id: int
    room_id: int | None
    type_code: str | None
    name: str
    reportable: bool
    maintained: bool
    maintained_on: date | None
    installed_on: date | None
    serial_number: str | None
    warranty_months: int | None
    maintenance_action: str | None
    attribute: str | None
    quantity: Decimal | None
    note: str | None


@dataclass(frozen=True)
class UnitChange:
    """PUT enheter/{id}: None leaves a field as it is, "" clears a text."""

    name: str | None = None
    installed_on: date | None = None
    maintained_on: date | None = None
    serial_number: str | None = None
    attribute: str | None = None


@dataclass(frozen=True)
class Phrase:
    id: int  # what a work order's frasNr names
    text: str
    kind_label: str | None


@dataclass(frozen=True)
class Phone:
    kind: str  # Arbete, Avflyttad, Bostad, Mobil
    number: str


@dataclass(frozen=True)
class Customer:
    id: int
    # nummer is the personnummer (001:902): never in a log line, URL or repr.
    personal_number: str | None = field(repr=False)
    name: str | None
    email: str | None
    phones: tuple[Phone, ...]


@dataclass(frozen=True)
class NewWorkOrder:
    """The body of Skapa arbetsorder (seed 7.6.2); only object_id is required."""

    object_id: str
    room_id: int | None = None
    unit_id: int | None = None
    unit_note: str = ""
    phrase_id: int | None = None
    description: str = ""
    comment: str = ""
    remark: str = ""  # anmärkning: staff only
    customer_number: str = ""
    reporter: Reporter | None = None  # anmalare: someone other than the customer reported it
    performer_id: str = ""  # resursId: the backend orders it (GODK) at once when given
    kind_code: str = "F"
    priority_code: str = ""
    access_code: str = ""  # tilltradesKod J/N
    status_code: str = ""
    origin: str = ""
    planning: Planning | None = None
