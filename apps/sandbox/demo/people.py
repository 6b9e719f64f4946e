"""The tenants: customers, their leases, contact details, profiles, addresses and messages."""

import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal

from apps.sandbox.checksums import personnummer
from apps.sandbox.dates import add_months, month_start
from apps.sandbox.demo import names
from apps.sandbox.demo.estate import Estate
from apps.sandbox.demo.personas import KALLE, PERSONAS, Persona
from apps.sandbox.demo.run import DemoRun
from apps.sandbox.models import (
    ContactDetail,
    Customer,
    CustomerMessage,
    Lease,
    MarketProfile,
    RentalObject,
    TemporaryAddress,
)

HABITS = ("punctual", "late", "struggling")


@dataclass
class Tenant:
    """A customer with an apartment, and what the other builders need to know of them."""

    customer: Customer
    apartment: RentalObject
    laundry: RentalObject
    persons: int
    email: str
    habit: str  # how they pay: "scripted" (demo customer 1), "punctual", "late" or "struggling"
    prefers_email: bool
    broadband: bool
    mobile: str = ""
    storage: RentalObject | None = None
    storage_since: date | None = None
    temporary_addresses: list[TemporaryAddress] = field(default_factory=list)

    @property
    def is_demo_customer(self) -> bool:
        return self.customer.customer_number == KALLE.customer_number

    def postal_address(self, on: date) -> str:
        """Where paper notices go on ``on``: a temporary address when one applies."""
        for address in self.temporary_addresses:
            if address.valid_from <= on <= address.valid_to:
                care_of = f" c/o {address.care_of}" if address.care_of else ""
                return (
                    f"{self.customer.full_name}{care_of} {address.street} {_postal(address.postal_code)} {address.city}"
                )
        building = self.apartment.building
        return (
            f"{self.customer.full_name} {building.street} lgh {self.apartment.apartment_number} "
            f"{_postal(building.postal_code)} {building.city}"
        )


def _postal(code: str) -> str:
    return f"{code[:3]} {code[3:]}"


def build_tenants(run: DemoRun, estate: Estate, occupancy: float) -> list[Tenant]:
    """The demo personas first (in that order), then a tenant in ``occupancy`` of the other apartments."""
    by_number = {obj.number: obj for obj in estate.apartments}
    taken = {persona.apartment for persona in PERSONAS}
    others = [obj for obj in estate.apartments if obj.number not in taken and run.chance(occupancy)]
    people = [(persona, by_number[persona.apartment]) for persona in PERSONAS]
    people += [(_random_persona(run, obj), obj) for obj in others]

    numbers = _customer_numbers(run, len(others))
    used_personnummer: set[str] = set()
    # The PTS fiction range holds 95 mobile numbers, more than the full company's tenants.
    mobiles = iter(f"070-174 06 {n:02d}" for n in run.rng.sample(range(5, 100), 95))
    tenants = []
    for persona, apartment in people:
        customer = Customer(
            customer_number=persona.customer_number or next(numbers),
            personnummer=_unique_personnummer(run, persona, used_personnummer),
            first_name=persona.first_name,
            last_name=persona.last_name,
            customer_since=persona.lease_start,
        )
        tenants.append(
            Tenant(
                customer=customer,
                apartment=apartment,
                laundry=estate.laundry_of[apartment.building_id],
                persons=run.rng.choice((1, 1, 2, 2, 3, 4)),
                email=_email(persona, customer.customer_number),
                habit="scripted" if persona is KALLE else run.rng.choices(HABITS, weights=(7, 2, 1))[0],
                # Demo customer 1 gets paper notices, so the temporary address shows on them.
                prefers_email=persona is not KALLE and run.chance(0.5),
                broadband=persona is KALLE or run.chance(0.3),
            )
        )
    # One insert, in this order: the personas get the lowest primary keys.
    Customer.objects.bulk_create([tenant.customer for tenant in tenants])
    ContactDetail.objects.bulk_create(
        detail for tenant in tenants for detail in _contact_details(run, tenant, next(mobiles))
    )

    _leases(run, estate, tenants)
    _temporary_addresses(run, tenants)
    _profiles(run, tenants)
    _messages(run, tenants)
    return tenants


def _random_persona(run: DemoRun, apartment: RentalObject) -> Persona:
    first_name, sex = run.rng.choice(names.FIRST_NAMES)
    today = run.today
    born = date(run.rng.randint(1940, 2003), run.rng.randint(1, 12), run.rng.randint(1, 28))
    # Every tenant has lived here long enough for three years of notices.
    moved_in = month_start(add_months(today, -run.rng.randint(38, 240)))
    return Persona("", first_name, run.rng.choice(names.LAST_NAMES), born, sex, apartment.number, 0, moved_in)


def _customer_numbers(run: DemoRun, count: int) -> Iterator[str]:
    reserved = {int(persona.customer_number) for persona in PERSONAS}
    pool = [n for n in range(10000, 40000) if n not in reserved]
    return iter(str(n) for n in run.rng.sample(pool, count))


def _unique_personnummer(run: DemoRun, persona: Persona, used: set[str]) -> str:
    """Fictional, with a valid check digit; the ninth digit is odd for men, even for women."""
    while True:
        serial = run.rng.randrange(0, 100) * 10 + run.rng.choice(
            (1, 3, 5, 7, 9) if persona.sex == "M" else (0, 2, 4, 6, 8)
        )
        value = personnummer(persona.born, serial)
        if value not in used:
            used.add(value)
            return value


def _email(persona: Persona, customer_number: str) -> str:
    def ascii_name(name: str) -> str:
        return unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()

    # The customer number keeps two namesakes apart.
    suffix = "" if persona in PERSONAS else f".{customer_number[-3:]}"
    return f"{ascii_name(persona.first_name)}.{ascii_name(persona.last_name)}{suffix}@example.se"


def _contact_details(run: DemoRun, tenant: Tenant, mobile: str) -> list[ContactDetail]:
    details = [
        ContactDetail(
            customer=tenant.customer,
            kind=ContactDetail.Kind.EPOST,
            value=tenant.email,
            validated=tenant.is_demo_customer or run.chance(0.8),
        )
    ]
    if tenant.is_demo_customer or run.chance(0.75):
        tenant.mobile = mobile
        details.append(
            ContactDetail(
                customer=tenant.customer,
                kind=ContactDetail.Kind.MOBIL,
                value=mobile,
                validated=tenant.is_demo_customer or run.chance(0.6),
            )
        )
    if tenant.is_demo_customer or run.chance(0.2):
        home = f"08-465 004 {run.rng.randint(30, 99):02d}"
        details.append(ContactDetail(customer=tenant.customer, kind=ContactDetail.Kind.TELEFON, value=home))
    return details


def _leases(run: DemoRun, estate: Estate, tenants: list[Tenant]) -> list[Lease]:
    free_storage = {building: list(rooms) for building, rooms in estate.storages_of.items()}
    leases = []
    for tenant in tenants:
        start = tenant.customer.customer_since
        leases.append(
            Lease(id=run.next_id("lease"), customer=tenant.customer, rental_object=tenant.apartment, start_date=start)
        )
        storages = free_storage[tenant.apartment.building_id]
        # Demo customer 1 rents a storage room; others do when one is free and they want it.
        if storages and (tenant.is_demo_customer or run.chance(0.3)):
            tenant.storage = storages.pop(0)
            tenant.storage_since = month_start(add_months(start, run.rng.randint(0, 12)))
            leases.append(
                Lease(
                    id=run.next_id("lease"),
                    customer=tenant.customer,
                    rental_object=tenant.storage,
                    start_date=tenant.storage_since,
                )
            )
    return Lease.objects.bulk_create(leases)


def _temporary_addresses(run: DemoRun, tenants: list[Tenant]) -> None:
    today = run.today
    addresses = []
    for tenant in tenants:
        if tenant.is_demo_customer:
            plans = [
                # Summer at the cottage last year, ended; and one that applies today.
                (
                    "Lena Andersson",
                    "Fäbodvägen 12",
                    "82062",
                    "Bergsjö",
                    today - timedelta(days=400),
                    today - timedelta(days=330),
                ),
                ("", "Strandvägen 4", "80426", "Gävle", today - timedelta(days=20), today + timedelta(days=70)),
            ]
        elif run.chance(0.1):
            start = today + timedelta(days=run.rng.randint(-60, 30))
            plans = [("", "Sjövägen 8", "81491", "Furuvik", start, start + timedelta(days=run.rng.randint(14, 120)))]
        else:
            plans = []
        for care_of, street, postal_code, city, valid_from, valid_to in plans:
            address = TemporaryAddress(
                id=run.next_id("address"),
                customer=tenant.customer,
                name=tenant.customer.full_name,
                care_of=care_of,
                street=street,
                postal_code=postal_code,
                city=city,
                valid_from=valid_from,
                valid_to=valid_to,
            )
            tenant.temporary_addresses.append(address)
            addresses.append(address)
    TemporaryAddress.objects.bulk_create(addresses)


def _profiles(run: DemoRun, tenants: list[Tenant]) -> None:
    income_types = list(MarketProfile.IncomeType)
    profiles = []
    for tenant in tenants:
        income = (
            MarketProfile.IncomeType.LON
            if tenant.is_demo_customer
            else run.rng.choices(income_types, weights=(12, 5, 2, 1))[0]
        )
        employed = income == MarketProfile.IncomeType.LON
        profiles.append(
            MarketProfile(
                id=run.next_id("profile"),
                customer=tenant.customer,
                created_at=run.at(tenant.customer.customer_since - timedelta(days=run.rng.randint(60, 900))),
                adults=min(tenant.persons, 2),
                children=max(tenant.persons - 2, 0),
                income_type=income,
                employer=run.rng.choice(names.EMPLOYERS) if employed else "",
                income_since=date(run.rng.randint(2000, 2020), run.rng.randint(1, 12), 1) if employed else None,
                monthly_net_income=Decimal(run.rng.randrange(18000, 42000, 100)),
                has_guarantor=run.chance(0.2),
                can_pay_deposit=run.chance(0.6),
                has_capital=run.chance(0.3),
            )
        )
    MarketProfile.objects.bulk_create(profiles)


def _messages(run: DemoRun, tenants: list[Tenant]) -> None:
    today = run.today
    messages = []
    for tenant in tenants:
        street = tenant.apartment.building.street
        shutoff = today + timedelta(days=9)
        stories = [
            (
                CustomerMessage.Channel.NYHET,
                f"Vattenavstängning {street}",
                f"Hej {tenant.customer.first_name}! Den {shutoff:%Y-%m-%d} kl. 08-12 stänger vi av vattnet i "
                f"{street} för byte av ventiler. Med vänliga hälsningar Bostads AB Tallbacken",
                today - timedelta(days=2),
            ),
        ]
        if tenant.is_demo_customer:
            stories += [
                (
                    CustomerMessage.Channel.EPOST,
                    "Påminnelse om obetald hyra",
                    "Hej Kalle! Vi har inte fått betalt för en av dina hyresavier. Se Mina sidor för detaljer.",
                    today - timedelta(days=12),
                ),
                (
                    CustomerMessage.Channel.SMS,
                    "Ditt ärende är registrerat",
                    "Tack för din felanmälan. Vi återkommer med tid för besök.",
                    today - timedelta(days=1),
                ),
            ]
        for channel, subject, body, sent in stories:
            messages.append(
                CustomerMessage(
                    id=run.next_id("message"),
                    customer=tenant.customer,
                    channel=channel,
                    subject=subject,
                    body=body,
                    notified=True,
                    completed_at=run.at(sent),
                )
            )
    CustomerMessage.objects.bulk_create(messages)
