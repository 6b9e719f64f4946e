"""The fixed material of the demo company: its places, and what an apartment is made of.

Everything here is fictional; the company's phone number is from the range PTS
keeps for fiction (see names.py).
"""

from dataclasses import dataclass, field

# --- the estate -------------------------------------------------------------------


@dataclass(frozen=True)
class BuildingPlan:
    name: str
    street: str
    postal_code: str
    built_year: int
    floors: int
    apartments_per_floor: int
    storage_rooms: int


@dataclass(frozen=True)
class PropertyPlan:
    code: str
    designation: str
    district: str
    first_object: int  # the middle group of the first object number, e.g. 41 → 142-041-01
    metered_hot_water: bool
    buildings: tuple[BuildingPlan, ...] = field(default_factory=tuple)


CITY = "Gävle"
# Where each street address lies: SWEREF 99 TM easting, northing in metres (FAST2's xkoord/ykoord).
COORDINATES = {
    "Storgatan 16": ("618247.00", "6727756.00"),
    "Storgatan 18": ("618279.00", "6727757.00"),
    "Tallbacksvägen 3": ("618403.00", "6727661.00"),
    "Kvarngatan 7": ("616834.00", "6727487.00"),
    "Kvarngatan 9": ("616861.00", "6727476.00"),
    "Sjömärkesvägen 2": ("614934.00", "6730434.00"),
    "Sjömärkesvägen 4": ("614960.00", "6730450.00"),
}

FULL_ESTATE = (
    PropertyPlan(
        code="142",
        designation="Gävle Tallen 4",
        district="Brynäs",
        first_object=41,
        metered_hot_water=True,
        buildings=(
            BuildingPlan("Hus A", "Storgatan 16", "80426", 1962, floors=4, apartments_per_floor=3, storage_rooms=4),
            BuildingPlan("Hus B", "Storgatan 18", "80426", 1962, floors=4, apartments_per_floor=3, storage_rooms=4),
            BuildingPlan("Hus C", "Tallbacksvägen 3", "80427", 1971, floors=3, apartments_per_floor=2, storage_rooms=3),
        ),
    ),
    PropertyPlan(
        code="205",
        designation="Gävle Kvarnen 12",
        district="Söder",
        first_object=11,
        metered_hot_water=True,
        buildings=(
            BuildingPlan("Hus A", "Kvarngatan 7", "80266", 1948, floors=5, apartments_per_floor=2, storage_rooms=3),
            BuildingPlan("Hus B", "Kvarngatan 9", "80266", 1948, floors=5, apartments_per_floor=2, storage_rooms=3),
        ),
    ),
    PropertyPlan(
        code="302",
        designation="Gävle Sjömärket 3",
        district="Strömsbro",
        first_object=61,
        metered_hot_water=False,
        buildings=(
            BuildingPlan("Hus 1", "Sjömärkesvägen 2", "80431", 1989, floors=3, apartments_per_floor=3, storage_rooms=3),
            BuildingPlan("Hus 2", "Sjömärkesvägen 4", "80431", 1989, floors=3, apartments_per_floor=3, storage_rooms=3),
        ),
    ),
)

# One property, one building, four apartments: every case, in well under a second.
SMALL_ESTATE = (
    PropertyPlan(
        code="142",
        designation="Gävle Tallen 4",
        district="Brynäs",
        first_object=41,
        metered_hot_water=True,
        buildings=(
            BuildingPlan("Hus A", "Storgatan 16", "80426", 1962, floors=2, apartments_per_floor=2, storage_rooms=2),
        ),
    ),
)

COMPANY = {
    "name": "Bostads AB Tallbacken",
    "organisation_number": "556677-8899",
    "phone": "08-465 004 00",
    "email": "kundservice@tallbacken.example",
    "website": "https://www.tallbacken.example",
    "street": "Drottninggatan 25",
    "postal_code": "80311",
    "city": CITY,
}
BANKGIRO_BASE = "5050105"  # the check digit is added by the builder

# --- the node tree: what an apartment, a laundry room and a storage room hold ---------

# Fault descriptions (Felbeskrivningstyper), with stable ids.
FAULT_TYPES = {
    1: "Droppar",
    2: "Rinner",
    3: "Läcker",
    4: "Stopp",
    5: "Fungerar inte",
    6: "Trasig",
    7: "Låter",
    8: "Luktar",
    9: "Blir inte varm",
    10: "Drar kallt",
    11: "Sitter löst",
    12: "Går inte att stänga",
    13: "Kyler inte",
    14: "Fukt eller mögel",
    15: "Blinkar",
    16: "Annat fel",
}

# Key handling (Nyckelhanteringstyper): id → (label, may the craftsman enter without the tenant).
KEY_HANDLING = {1: ("Huvudnyckel får användas", True), 2: ("Är hemma", False), 3: ("Lämnas på kontoret", True)}


@dataclass(frozen=True)
class Kind:
    label: str
    level: str  # object, room, unit, part
    type: str = "Nod"  # Nod, Nodklass, Detalj
    faults: tuple[str, ...] = ()


KINDS = {
    "LGH": Kind("Lägenhet", "object"),
    "TVATTSTUGA": Kind("Tvättstuga", "object"),
    "FORRAD": Kind("Förråd", "object"),
    "HALL": Kind("Hall", "room"),
    "KOK": Kind("Kök", "room"),
    "BADRUM": Kind("Badrum", "room"),
    "VARDAGSRUM": Kind("Vardagsrum", "room"),
    "SOVRUM": Kind("Sovrum", "room"),
    "BALKONG": Kind("Balkong", "room"),
    "OVRIGT": Kind("Övrigt", "unit", "Nodklass", ("Annat fel",)),
    "YTTERDORR": Kind("Ytterdörr", "unit", faults=("Trasig", "Går inte att stänga", "Drar kallt")),
    "LAS": Kind("Lås", "part", "Detalj", ("Trasig", "Sitter löst", "Fungerar inte")),
    "BELYSNING": Kind("Belysning", "unit", faults=("Fungerar inte", "Blinkar")),
    "GOLV": Kind("Golv", "unit", faults=("Trasig", "Sitter löst", "Fukt eller mögel")),
    "ELUTTAG": Kind("Eluttag", "unit", faults=("Fungerar inte", "Sitter löst")),
    "FONSTER": Kind("Fönster", "unit", faults=("Drar kallt", "Går inte att stänga", "Trasig")),
    "ELEMENT": Kind("Element", "unit", faults=("Blir inte varm", "Läcker", "Låter")),
    "KYLFRYS": Kind("Kyl/Frys", "unit", faults=("Kyler inte", "Låter", "Läcker")),
    "FRYS": Kind("Frys - Standard", "part", faults=("Kyler inte", "Låter", "Läcker")),
    "KYL": Kind("Kyl - Standard", "part", faults=("Kyler inte", "Låter", "Läcker")),
    "SPIS": Kind("Spis", "unit", faults=("Fungerar inte", "Blir inte varm")),
    "HALL_SPIS": Kind("Häll", "part", faults=("Fungerar inte", "Blir inte varm", "Trasig")),
    "UGN": Kind("Ugn", "part", faults=("Fungerar inte", "Blir inte varm")),
    "DISKMASKIN": Kind("Diskmaskin", "unit", faults=("Fungerar inte", "Läcker", "Stopp")),
    "KOKSFLAKT": Kind("Köksfläkt", "unit", faults=("Fungerar inte", "Låter")),
    "FILTER": Kind("Filter", "part", "Detalj", ("Trasig",)),
    "DISKBANK": Kind("Diskbänk", "unit", faults=("Läcker", "Stopp")),
    "BLANDARE": Kind("Blandare", "part", "Detalj", ("Droppar", "Rinner", "Läcker")),
    "AVLOPP": Kind("Avlopp", "part", "Detalj", ("Stopp", "Luktar", "Läcker")),
    "HANDFAT": Kind("Handfat", "unit", faults=("Läcker", "Stopp", "Trasig")),
    "WC": Kind("WC", "unit", faults=("Rinner", "Stopp", "Läcker")),
    "SPOLNING": Kind("Spolning", "part", "Detalj", ("Rinner", "Fungerar inte")),
    "SITS": Kind("Sits", "part", "Detalj", ("Trasig", "Sitter löst")),
    "DUSCH": Kind("Dusch", "unit", faults=("Droppar", "Läcker")),
    "DUSCHBLANDARE": Kind("Duschblandare", "part", "Detalj", ("Droppar", "Rinner", "Blir inte varm")),
    "DUSCHSLANG": Kind("Duschslang", "part", "Detalj", ("Läcker", "Trasig")),
    "GOLVBRUNN": Kind("Golvbrunn", "unit", faults=("Stopp", "Luktar")),
    "HANDDUKSTORK": Kind("Handdukstork", "unit", faults=("Blir inte varm", "Läcker")),
    "VENTILATION": Kind("Ventilation", "unit", faults=("Fungerar inte", "Låter", "Fukt eller mögel")),
    "GARDEROB": Kind("Garderob", "unit", faults=("Trasig", "Sitter löst")),
    "BALKONGDORR": Kind("Balkongdörr", "unit", faults=("Drar kallt", "Går inte att stänga")),
    "RACKE": Kind("Räcke", "unit", faults=("Sitter löst", "Trasig")),
    "TVATTMASKIN": Kind("Tvättmaskin", "unit", faults=("Fungerar inte", "Läcker", "Låter")),
    "TORKTUMLARE": Kind("Torktumlare", "unit", faults=("Fungerar inte", "Blir inte varm", "Låter")),
    "TORKSKAP": Kind("Torkskåp", "unit", faults=("Fungerar inte", "Blir inte varm")),
    "MANGEL": Kind("Mangel", "unit", faults=("Fungerar inte",)),
    "BOKNINGSTAVLA": Kind("Bokningstavla", "unit", faults=("Fungerar inte", "Trasig")),
    "DORR_LAS": Kind("Dörr och lås", "unit", faults=("Trasig", "Går inte att stänga")),
    "NATVAGG": Kind("Nätvägg", "unit", faults=("Trasig", "Sitter löst")),
}

# A tree is (kind code, label or None for the kind's own, children).
Tree = tuple[str, str | None, tuple["Tree", ...]]


def leaf(code: str, label: str | None = None) -> Tree:
    return (code, label, ())


def room(code: str, label: str | None, *units: Tree) -> Tree:
    # Every room ends with the catch-all node class "Övrigt" (an nk… id, contract A40).
    return (code, label, (*units, leaf("OVRIGT")))


def apartment_tree(bedrooms: int, balcony: bool) -> Tree:
    rooms = [
        room("HALL", None, ("YTTERDORR", None, (leaf("LAS"),)), leaf("BELYSNING"), leaf("GOLV")),
        room(
            "KOK",
            None,
            ("KYLFRYS", None, (leaf("FRYS"), leaf("KYL"))),
            ("SPIS", None, (leaf("HALL_SPIS"), leaf("UGN"))),
            leaf("DISKMASKIN"),
            ("KOKSFLAKT", None, (leaf("FILTER"),)),
            ("DISKBANK", None, (leaf("BLANDARE"), leaf("AVLOPP"))),
            leaf("FONSTER"),
            leaf("ELEMENT"),
        ),
        room(
            "BADRUM",
            None,
            ("HANDFAT", None, (leaf("BLANDARE"), leaf("AVLOPP"))),
            ("WC", None, (leaf("SPOLNING"), leaf("SITS"))),
            ("DUSCH", None, (leaf("DUSCHBLANDARE"), leaf("DUSCHSLANG"))),
            leaf("GOLVBRUNN"),
            leaf("HANDDUKSTORK"),
            leaf("VENTILATION"),
        ),
        room("VARDAGSRUM", None, leaf("FONSTER"), leaf("ELEMENT"), leaf("GOLV"), leaf("ELUTTAG")),
    ]
    for number in range(1, bedrooms + 1):
        label = "Sovrum" if bedrooms == 1 else f"Sovrum {number}"
        rooms.append(room("SOVRUM", label, leaf("FONSTER"), leaf("ELEMENT"), leaf("GARDEROB")))
    if balcony:
        rooms.append(room("BALKONG", None, leaf("BALKONGDORR"), leaf("RACKE")))
    return ("LGH", None, tuple(rooms))


LAUNDRY_TREE: Tree = (
    "TVATTSTUGA",
    None,
    (
        leaf("TVATTMASKIN", "Tvättmaskin 1"),
        leaf("TVATTMASKIN", "Tvättmaskin 2"),
        leaf("TORKTUMLARE"),
        leaf("TORKSKAP"),
        leaf("MANGEL"),
        leaf("BOKNINGSTAVLA"),
        leaf("BELYSNING"),
        leaf("GOLVBRUNN"),
        leaf("OVRIGT"),
    ),
)
STORAGE_TREE: Tree = ("FORRAD", None, (leaf("DORR_LAS"), leaf("BELYSNING"), leaf("NATVAGG"), leaf("OVRIGT")))

# The seed's example walk, kept verbatim in demo customer 1's apartment:
# Lägenhet → Kök → Kyl/Frys → Frys - Standard = n245612-n512431-n188452-n422831.
FREEZER_IDS = {
    (): "n245612",
    ("Kök",): "n512431",
    ("Kök", "Kyl/Frys"): "n188452",
    ("Kök", "Kyl/Frys", "Frys - Standard"): "n422831",
}

# --- documents ----------------------------------------------------------------------

# EntitetFilTyp: id → (label, position). The ids are named below for the builder.
DOCUMENT_TYPES = {
    1: ("Hyresavtal", 10),
    5: ("Ritningar", 20),
    2: ("Information", 30),
    3: ("Bruksanvisning", 40),
    4: ("Tvättstuga", 50),
}
LEASE, INFORMATION, MANUAL, LAUNDRY, DRAWING = 1, 2, 3, 4, 5

# What tenants write, per kind of node; anything else gets a plain "Fel på …".
FAULT_STORIES = {
    "FRYS": "Frysen håller inte temperaturen, det bildas is på baksidan.",
    "KYL": "Kylskåpet blir inte kallt och maten blir dålig.",
    "BLANDARE": "Blandaren droppar hela tiden, även när den är helt avstängd.",
    "AVLOPP": "Vattnet rinner undan mycket långsamt och det luktar.",
    "SPOLNING": "Toaletten fortsätter att rinna efter spolning.",
    "FONSTER": "Det drar kallt från fönstret, tätningslisten verkar trasig.",
    "ELEMENT": "Elementet blir inte varmt trots att termostaten står på max.",
    "UGN": "Ugnen blir inte varm.",
    "HALL_SPIS": "Den bakre vänstra plattan fungerar inte.",
    "BELYSNING": "Taklampan blinkar och slocknar ibland.",
    "GOLVBRUNN": "Golvbrunnen luktar avlopp.",
    "TVATTMASKIN": "Maskinen startar inte, displayen visar felkod E21.",
    "TORKTUMLARE": "Torktumlaren går men blir inte varm.",
    "DORR_LAS": "Låset kärvar och det är svårt att få upp dörren.",
    "DISKMASKIN": "Diskmaskinen läcker vatten på golvet.",
    "VENTILATION": "Ventilationen låter mycket, ett högt brummande ljud.",
    "YTTERDORR": "Ytterdörren går inte att stänga ordentligt.",
    "LAS": "Låscylindern sitter löst i dörren.",
}
