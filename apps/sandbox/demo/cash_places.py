"""The register of cash services around the demo company's homes in Gävle (seed 003).

Fixed, not random: the page's tests compute distances by hand from these
coordinates. SWEREF 99 TM metres (x east, y north); the homes are at Storgatan
(≈ 618 250 / 6 727 755), Kvarngatan (≈ 616 835 / 6 727 485) and Sjömärkesvägen
(≈ 614 935 / 6 730 435). Every name is fictional.

The mix a tenant meets: banks that take cash for bills, shops that take bills
over the counter, a bank whose counter takes only cards, cash machines and a
pharmacy agent that only pay out, a summer kiosk that is closed now, a parcel
agent with no money services at all, and two places further away.
"""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from apps.sandbox import models as m
from apps.sandbox.cashservices.reference import SERVICE_TYPES

BANK, NORDKUST, KASSAGIROT, BYHANDLARNA, AUTOMATER, PAKETOMBUDEN = 1, 2, 3, 4, 5, 6
# id → (name, principal, supplier)
ORGANISATIONS = {
    BANK: ("Banken i Gästrikland AB", True, True),
    NORDKUST: ("Nordkust Sparbank", True, True),
    KASSAGIROT: ("Kassagirot AB", True, False),
    BYHANDLARNA: ("Byhandlarna ek. för.", True, False),
    AUTOMATER: ("Kontantautomater i Norr AB", True, False),
    PAKETOMBUDEN: ("Paketombuden AB", True, False),
}
PAY, WITHDRAW, DEPOSIT, POST = "Betalningsförmedling", "Kontantuttag", "Dagskasseinsättning", "Posttjänster"


@dataclass(frozen=True)
class Offer:
    principal: int
    service_type: str
    forms: tuple[str, ...]
    active: bool = True
    lst: bool | None = None
    # An adaptation of this offer's first form: (open hours per week, closed weeks per year).
    hours: tuple[int, int] | None = None


@dataclass(frozen=True)
class Place:
    name: str
    street: str
    postal_code: str
    x: str
    y: str
    offers: tuple[Offer, ...]
    town: str = "GÄVLE"


BANK_COUNTER = (
    Offer(BANK, PAY, ("Bankkassa med kontanter", "Bankkassa mot bankkonto/kort")),
    Offer(BANK, WITHDRAW, ("Bankkassa", "Uttagsautomat")),
    Offer(BANK, DEPOSIT, ("Bankkassa",)),
)
SHOP_COUNTER = (Offer(KASSAGIROT, PAY, ("Över disk hos ombud",)), Offer(KASSAGIROT, WITHDRAW, ("Över disk hos ombud",)))

PLACES = (
    Place("Banken i Gästrikland, Gävle city", "Nygatan 21", "803 20", "617180.0", "6728612.0", BANK_COUNTER),
    Place("Brynäs Livs", "Södra Kungsgatan 40", "802 55", "618100.0", "6727500.0", SHOP_COUNTER),
    Place("Matkassen Söder", "Kvarngatan 2", "802 66", "616900.0", "6727350.0", SHOP_COUNTER[:1]),
    Place(
        "Strömsbro Handel",
        "Strömsbrovägen 12",
        "804 31",
        "614800.0",
        "6730300.0",
        (Offer(KASSAGIROT, PAY, ("Över disk hos ombud",), lst=True, hours=(60, 2)),),
    ),
    Place(
        "Uttagsautomat Stortorget",
        "Stortorget 1",
        "803 11",
        "617050.0",
        "6728350.0",
        (Offer(AUTOMATER, WITHDRAW, ("Uttagsautomat",)),),
    ),
    Place(
        "Uttagsautomat Brynäs centrum",
        "Brynäs centrum 3",
        "802 57",
        "618400.0",
        "6727900.0",
        (Offer(AUTOMATER, WITHDRAW, ("Uttagsautomat",)),),
    ),
    Place(
        "Apoteksombudet Brynäs",
        "Styrmansgatan 8",
        "802 57",
        "618300.0",
        "6727650.0",
        (Offer(KASSAGIROT, WITHDRAW, ("Över disk hos ombud",)),),
    ),
    Place(
        "Sommarkiosken Fjärran Höjderna",
        "Fjärran Höjdervägen 1",
        "802 63",
        "618700.0",
        "6727200.0",
        (Offer(KASSAGIROT, PAY, ("Över disk hos ombud",), active=False, hours=(70, 30)),),
    ),
    Place(
        "Nordkust Sparbank, Söder",
        "Södra Kansligatan 5",
        "802 67",
        "616500.0",
        "6727800.0",
        (Offer(NORDKUST, PAY, ("Bankkassa mot bankkonto/kort",)), Offer(NORDKUST, WITHDRAW, ("Uttagsautomat",))),
    ),
    Place(
        "Hemlingby Paketombud",
        "Hemlingbyvägen 20",
        "802 67",
        "619500.0",
        "6726500.0",
        (Offer(PAKETOMBUDEN, POST, ("Paketombud",)),),
    ),
    Place(
        "Sätra Servicebutik",
        "Sätra Torg 4",
        "802 88",
        "613900.0",
        "6728900.0",
        (Offer(BYHANDLARNA, PAY, ("Över disk hos ombud",)),),
    ),
    Place("Andersberg Närköp", "Andersbergsringen 30", "802 92", "615900.0", "6726300.0", SHOP_COUNTER[:1]),
    Place("Banken i Gästrikland, Valbo", "Valbo köpcentrum", "818 32", "609800.0", "6725800.0", BANK_COUNTER, "VALBO"),
    Place(
        "Banken i Gästrikland, Sandviken", "Köpmangatan 9", "811 30", "593000.0", "6721000.0", BANK_COUNTER, "SANDVIKEN"
    ),
)

# (principal, service type, form) → (open hours per week, closed weeks per year); no template: "uppgift saknas".
TEMPLATES = {
    (BANK, PAY, "Bankkassa med kontanter"): (30, 4),
    (BANK, WITHDRAW, "Bankkassa"): (30, 4),
    (KASSAGIROT, PAY, "Över disk hos ombud"): (84, 0),
    (KASSAGIROT, WITHDRAW, "Över disk hos ombud"): (84, 0),
    (AUTOMATER, WITHDRAW, "Uttagsautomat"): (168, 0),
}
# (supplier, principal, service type, form) → (min flat, max flat, min %, max %) in kronor and percent.
FEE_MODELS = {
    (BANK, BANK, PAY, "Bankkassa med kontanter"): (0, 50, "0", "0"),
    (BANK, KASSAGIROT, PAY, "Över disk hos ombud"): (0, 39, "0", "0"),
    (NORDKUST, KASSAGIROT, PAY, "Över disk hos ombud"): (25, 45, "0", "0"),
    (BANK, KASSAGIROT, WITHDRAW, "Över disk hos ombud"): (0, 0, "0", "1.5"),
    (BANK, AUTOMATER, WITHDRAW, "Uttagsautomat"): (0, 0, "0", "0"),
}


def build_cash_places(today: date) -> None:
    forms = _reference_data()
    for pk, (name, principal, supplier) in ORGANISATIONS.items():
        m.CashOrganisation.objects.create(pk=pk, name=name, is_principal=principal, is_supplier=supplier)
    types = {t.name: t for t in m.CashServiceType.objects.all()}
    for (principal, kind, form), (hours, closed) in TEMPLATES.items():
        m.CashTemplate.objects.create(
            principal_id=principal,
            service_type=types[kind],
            service_form=forms[kind, form],
            open_hours_per_week=hours,
            closed_weeks_per_year=closed,
        )
    for (supplier, principal, kind, form), (low, high, low_pct, high_pct) in FEE_MODELS.items():
        m.CashFeeModel.objects.create(
            supplier_id=supplier,
            principal_id=principal,
            service_type=types[kind],
            service_form=forms[kind, form],
            min_flat_fee=low,
            max_flat_fee=high,
            min_percentage_fee=Decimal(low_pct),
            max_percentage_fee=Decimal(high_pct),
        )
    for number, place in enumerate(PLACES, 1):
        provider = m.CashProvider.objects.create(
            name=place.name,
            code=f"GVL-{number:03d}",
            x=Decimal(place.x),
            y=Decimal(place.y),
            visiting_address=place.street,
            postal_code=place.postal_code,
            post_town=place.town,
        )
        for offer in place.offers:
            _service(provider, offer, types[offer.service_type], forms, today)


def _service(provider: m.CashProvider, offer: Offer, service_type, forms: dict, today: date) -> None:
    properties = {"externalId": f"{provider.code}-{service_type.pk}"}
    if offer.lst is not None:
        properties["lst"] = offer.lst
    service = m.CashService.objects.create(
        provider=provider,
        principal_id=offer.principal,
        service_type=service_type,
        properties=properties,
        forms=list(offer.forms),
        active=offer.active,
        timeliness_date=today.replace(month=1, day=1),
    )
    if offer.hours:
        m.CashAdaptation.objects.create(
            service=service,
            service_form=forms[offer.service_type, offer.forms[0]],
            open_hours_per_week=offer.hours[0],
            closed_weeks_per_year=offer.hours[1],
        )


def _reference_data() -> dict[tuple[str, str], m.CashServiceForm]:
    """Types 1..8 and forms 1..22 in the seed's order (contract A4)."""
    forms = {}
    form_id = 0
    for type_id, (name, type_forms) in enumerate(SERVICE_TYPES.items(), 1):
        service_type = m.CashServiceType.objects.create(pk=type_id, name=name)
        for value, description in type_forms:
            form_id += 1
            forms[name, value] = m.CashServiceForm.objects.create(
                pk=form_id, service_type=service_type, name=value, description=description
            )
    return forms
