"""SessionKund: who the customer is, how to reach them, their papers and messages."""

from collections.abc import Callable
from datetime import date

from apps.sandbox.models import (
    Company,
    Customer,
    CustomerMessage,
    Document,
    Lease,
    MarketProfile,
    MessageAttachment,
    RentalObject,
    TemporaryAddress,
)
from apps.sandbox.pm5.flags import SessionParts
from apps.sandbox.pm5.serializers.common import COUNTRY, Json, text
from apps.sandbox.pm5.serializers.economy import economy_part
from apps.sandbox.pm5.wire import day, moment, money, utc
from apps.sandbox.scope import visible_documents

# MarknadAktörInkomstTyp → its group (SystemName, Beteckning).
INCOME_GROUPS = {
    MarketProfile.IncomeType.LON: ("arbete", "Arbete"),
    MarketProfile.IncomeType.PENSION: ("pension", "Pension"),
    MarketProfile.IncomeType.STUDIEMEDEL: ("csn", "CSN"),
    MarketProfile.IncomeType.FORSORJNINGSSTOD: ("forsakringskassa", "Försäkringskassa"),
}
MARKET_FIELDS = (
    "Skapad",
    "MarknadAktörInkomst",
    "MarknadAktörUtbildning",
    "MarknadAktörBoende",
    "MarknadAktörHushåll",
    "MarknadIntresse",
    "MarknadEkonomi",  # the seed's "MaknadEkonomi", corrected (A11, A20)
)


def customer_part(
    customer: Customer,
    parts: SessionParts,
    *,
    today: date,
    objects: list[RentalObject],
    file_url: Callable[[int], str],
) -> Json:
    kund: Json = {
        "Ekonomi": economy_part(customer, parts, today=today) if parts.economy else None,
        "Kontaktuppgifter": contact_details(customer) if parts.contact_details else None,
        "Kundinformation": {
            "Förnamn": customer.first_name,
            "Efternamn": customer.last_name,
            "Personnummer": customer.personnummer,
            "Kundnummer": customer.customer_number,
        },
        "TillfälligaAdresser": (
            [temporary_address(a) for a in customer.temporary_addresses.filter(valid_to__gte=today)]
            if parts.temporary_addresses
            else None
        ),
        "Dokument": (
            [document(d, file_url) for d in visible_documents(customer, objects)] if parts.documents else None
        ),
    }
    # The market profile sits directly on SessionKund, as the seed's table shows (A11).
    landlord = objects[0].building.property.company if objects else None
    kund |= market_profile(customer, landlord) if parts.market_profile else dict.fromkeys(MARKET_FIELDS)
    # Messages have no home in the seed; this is the contract's proposal (A13).
    kund["Meddelanden"] = (
        [message(m) for m in customer.messages.prefetch_related("attachments")] if parts.messages else None
    )
    return kund


def contact_details(customer: Customer) -> list[Json]:
    return [
        {
            "Värde": detail.value,
            "Validerad": detail.validated,
            "KontaktuppgiftsTyp": {"Referensnamn": detail.kind, "Beteckning": detail.get_kind_display()},
        }
        for detail in customer.contact_details.all()
    ]


def temporary_address(address: TemporaryAddress) -> Json:
    """SessionTillfälligAdress, and TillfälligAdress of Hämta tillfälliga adresser."""
    return {
        "AdressId": address.pk,
        "Fom": day(address.valid_from),
        "Tom": day(address.valid_to),
        "Gatuadress1": address.street,
        "Gatuadress2": text(address.street2),
        "Attention": text(address.attention),
        "Namn": text(address.name),
        "CareOf": text(address.care_of),
        "Postnummer": address.postal_code,
        "Postort": address.city,
        "Land": address.country,
        "LandReferensnamn": address.country_code,
    }


# AdressTypReferensnamn → AdressTypBeteckning (contract A33).
CUSTOMER_ADDRESS_KINDS = {"kund.post": "Postadress", "kund.besok": "Besöksadress"}


def customer_address(lease: Lease) -> list[Json]:
    """SessionAdress (A33): the postal and the visiting address of a home the customer rents.

    The postal address carries the apartment number, as on a letter; the visiting
    address is the building's street address. Their AdressId is derived from the
    lease (lease id × 10 + 1 or 2): stable, and never a temporary address's id.
    """
    obj = lease.rental_object
    building = obj.building
    postal_code = f"{building.postal_code[:3]} {building.postal_code[3:]}"

    def item(kind: str, number: int, name: str | None, street2: str | None) -> Json:
        lines = [building.street, street2, f"{postal_code} {building.city}"]
        return {
            "AdressId": lease.pk * 10 + number,
            "Fom": day(lease.start_date),
            "Tom": day(lease.end_date),
            "Gatuadress1": building.street,
            "Gatuadress2": street2,
            "Attention": None,
            "Namn": name,
            "CareOf": None,
            "Postnummer": building.postal_code,
            "Postort": building.city,
            "Land": COUNTRY,
            "LandReferensnamn": "SE",
            "AdressTypReferensnamn": kind,
            "AdressTypBeteckning": CUSTOMER_ADDRESS_KINDS[kind],
            "FullständigAdress": ", ".join(line for line in lines if line),  # the seed lists it twice (A33)
        }

    return [
        item("kund.post", 1, lease.customer.full_name, obj.street2),
        item("kund.besok", 2, None, None),
    ]


def document(doc: Document, file_url: Callable[[int], str]) -> Json:
    """SessionDokument: a stored file has EntitetFilId, a link only Webbadress (A50)."""
    is_file = doc.extension != ""
    obj = doc.rental_object
    return {
        "AvtalVersionId": doc.lease_id,
        "ObjektTyp": obj.type_label if obj else None,
        "ObjektAdress": obj.building.street if obj else None,
        "EntitetFilTypId": doc.document_type_id,
        "EntitetFilTypOrdning": doc.document_type.position,
        "EntitetFilTypBeteckning": doc.document_type.label,
        "Filändelse": doc.extension if is_file else None,
        "EntitetFilId": doc.pk if is_file else None,
        "EntitetFilOrdning": doc.position,
        "Beteckning": doc.label,
        "FilUrl": file_url(doc.pk) if is_file else None,
        "Webbadress": text(doc.web_url),
        "Meddelande": text(doc.message),
    }


def market_profile(customer: Customer, landlord: Company | None) -> Json:
    profile = MarketProfile.objects.filter(customer=customer).first()
    if profile is None:
        return dict.fromkeys(MARKET_FIELDS)
    group_name, group_label = INCOME_GROUPS[MarketProfile.IncomeType(profile.income_type)]
    return {
        "Skapad": moment(profile.created_at),
        "MarknadAktörInkomst": {
            "MarknadAktörInkomstId": profile.pk,
            "Skapad": moment(profile.created_at),
            "Arbetsgivare": text(profile.employer),
            "Kontaktperson": None,
            "Telefonnummer": None,
            "InkomstSedan": day(profile.income_since),
            "MånadsinkomstNetto": money(profile.monthly_net_income),
            "MarknadAktörInkomstTyp": {
                "SystemName": profile.income_type,
                "Beteckning": profile.get_income_type_display(),
                "MarknadAktörInkomstTypGrupp": {"SystemName": group_name, "Beteckning": group_label},
            },
        },
        "MarknadAktörUtbildning": None,
        "MarknadAktörBoende": current_housing(landlord) if landlord else None,
        "MarknadAktörHushåll": {"AntalVuxna": profile.adults, "AntalBarn": profile.children},
        "MarknadIntresse": None,
        "MarknadEkonomi": {
            "Borgensman": profile.has_guarantor,
            "Deposition": profile.can_pay_deposit,
            "Kapital": profile.has_capital,
        },
    }


def current_housing(landlord: Company) -> Json:
    return {
        "Namn": landlord.name,
        "Kontaktperson": None,
        "Telefonnummer": landlord.phone,
        "MarknadAktörBoendeTyp": {"SystemName": "hyresratt", "Beteckning": "Hyresrätt"},
    }


def message(msg: CustomerMessage) -> Json:
    return {
        "MeddelandeUtgåendeId": msg.pk,
        "Kanaler": [
            {
                "KanalTyp": {
                    "SystemName": msg.channel,
                    "Beteckning": msg.get_channel_display(),
                    "Hjälptext": CustomerMessage.HELP_TEXTS[msg.channel],
                },
                "Notifierad": msg.notified,
                "KlarUtc": utc(msg.completed_at),
                "ÖvergivenUtc": utc(msg.abandoned_at),
                "Ämne": msg.subject,
                "Brödtext": msg.body,
            }
        ],
        # Null when there are none, as the seed says (000:161).
        "Bilagor": [attachment(a) for a in msg.attachments.all()] or None,
    }


def attachment(item: MessageAttachment) -> Json:
    return {
        "MeddelandeUtgåendeBilagaId": item.pk,
        "MeddelandeUtgåendeId": item.message_id,
        "ExterntId": item.pk,
        "ExterntNamn": item.name,
    }
