"""The seed's reference data: service types, their forms, and the property keys each type takes.

Ids follow the seed's table order (contract A4: types 1..8, forms 1..22); the
demo builder creates them, and the checks read them from here.
"""

# Service type → its forms as (value, description), in the seed's order.
SERVICE_TYPES: dict[str, tuple[tuple[str, str], ...]] = {
    "Kontantuttag": (
        ("Bankkassa", "Över disk hos bankkontor"),
        ("Uttagsautomat", "Automat för kontantuttag"),
        (
            "Över disk hos ombud",
            "Ombud som erbjuder kontantuttag till alla konsumenter eller där ett kreditinstitut eller annat "
            "företag har avtal som möjliggör kontantuttag för deras kunder",
        ),
    ),
    "Betalningsförmedling": (
        ("Bankkassa med kontanter", "Bankkontor där man kan betala räkningar med kontanter i kassan"),
        ("Bankkassa mot bankkonto/kort", "Bankkontor där man kan betala räkningar via konto/kort i kassan"),
        ("Över disk hos ombud", "Ombud där man kan betala räkningar över disk"),
    ),
    "Dagskasseinsättning": (
        (
            "Över disk hos ombud",
            "Ombud som erbjuder dagskasseinsättning till alla företag eller där ett kreditinstitut eller annat "
            "företag har avtal som möjliggör dagskasseinsättning för deras kunder",
        ),
        ("Insättningsautomat", "Insättningsautomat som möjliggör insättning"),
        ("Bankkassa", "Över disk hos bankkontor"),
        ("Servicebox", "Servicebox som möjliggör insättning"),
    ),
    "Posttjänster": (("Företagscenter", ""), ("Paketautomat", ""), ("Paketombud", ""), ("Utlämning", "")),
    "Drivmedel": (("Bensin", ""), ("Diesel", ""), ("E85", ""), ("Uppgift saknas", "")),
    "Apoteksvaror": (("Apotek", ""), ("Apoteksombud", "")),
    "Dagligvaror fullsortiment": (("Dagligvaror", ""),),
    "Dagligvaror ej fullsortiment": (("Dagligvaror", ""),),
}

# The betaltjänster a fee model may be about (seed: FeeModel.serviceTypeId).
PAYMENT_SERVICES = ("Kontantuttag", "Betalningsförmedling", "Dagskasseinsättning")

# properties keys per service type and their value types (contract A10, A11: externalId for all).
PROPERTY_KEYS: dict[str, dict[str, type]] = {
    "Kontantuttag": {"lst": bool, "ticketsRequired": bool},
    "Betalningsförmedling": {"lst": bool},
    "Dagskasseinsättning": {"lst": bool},
    "Dagligvaror fullsortiment": {"manned": bool, "revenue": int, "specialOperatingSupport": bool},
    "Dagligvaror ej fullsortiment": {"manned": bool, "revenue": int},
}
ALL_TYPES_KEYS: dict[str, type] = {"externalId": str}


def property_keys(service_type: str) -> dict[str, type]:
    return PROPERTY_KEYS.get(service_type, {}) | ALL_TYPES_KEYS
