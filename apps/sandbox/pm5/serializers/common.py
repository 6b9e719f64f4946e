"""Small wire shapes shared by every part of the session."""

from typing import Any

from apps.sandbox.models import ErrandParticipant, Node, RentalObject

Json = dict[str, Any]
COUNTRY = "Sverige"


def text(value: str) -> str | None:
    """Blank text is null on the wire, as PM5 sends it."""
    return value or None


def address(obj: RentalObject) -> Json:
    """The Adress structure the seed references but never defines (contract A41)."""
    building = obj.building
    return {
        "Gatuadress1": building.street,
        "Gatuadress2": obj.street2,
        "Postnummer": building.postal_code,
        "Postort": building.city,
        "Land": COUNTRY,
    }


def rental_object_ref(obj: RentalObject) -> Json:
    """Hyresobjekt (contract A42)."""
    return {"Nummer": obj.number, "ObjektTypBeteckning": obj.type_label, "Adress": address(obj)}


def node_part(node: Node) -> Json:
    """ÄrendeNodstigdel, keyed Id as the type defines (contract A05)."""
    return {"Id": node.id, "Typ": node.type, "Visningstext": node.label}


def participant(person: ErrandParticipant) -> Json:
    return {
        "Visningsnamn": person.display_name,
        "Telefon": text(person.phone),
        "Mobil": text(person.mobile),
        "Epost": text(person.email),
    }
