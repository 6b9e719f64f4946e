"""Seed 004's enums and the fields of KoboboligTilKoboTO, with how each is checked.

Each field is (wire name, kind, required, updatable). Kinds: text, int, number,
bool, date, uuid, an enum by name, a list of an enum ("[]Name"), or an object
checked by its own function. Refusals are Norwegian sentences naming the field,
as a case worker's system would show them.
"""

import re
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

ENUMS: dict[str, tuple[str, ...]] = {
    "Boligegenskap": (
        "BOD_INKLUDERT",
        "OPPLEGG_FOR_TV",
        "OPPLEGG_FOR_INTERNETT",
        "VELFERDSTEKNOLOGI",
        "UTENDORS_STROMUTTAK",
        "HUSDYR_IKKE_TILLATT",
        "INTEGRERTE_HVITEVARER",
    ),
    "Boligstatus": ("KLAR_FOR_INNFLYTTING", "VEDLIKEHOLD", "UTLEID", "IKKE_TILGJENGELIG"),
    "Boligtype": ("ORDINAR_BOLIG", "OMSORGSBOLIG", "TJENESTEBOLIG", "ANNET_UTLEIEOBJEKT"),
    "Boligsikkerhet": (
        "SPRINKLERANLEGG",
        "VANNTAAKEANLEGG",
        "DIREKTEKOBLING_TIL_BRANNVESEN",
        "KOMFYRVAKT",
        "INNBRUDDSALARM",
    ),
    "Boligtilrettelegging": (
        "LAVE_DORTERSKLER",
        "TRAPPEFRI_INNGANG",
        "HANDTAK_PA_BAD",
        "BREDE_DORER",
        "ALT_PA_ETT_PLAN",
        "RAMPE",
        "HEV_OG_SENKINNREDNING",
        "FORSTERKET_BOLIG",
        "IKKE_DUSJKABINETT",
        "HEIS_I_BYGNINGEN",
        "ANNEN_TILRETTELEGGING",
    ),
    "BoligoppsigelseAktor": ("LEIETAKER", "UTLEIER"),
    "Disposisjonsform": (
        "KOMMUNALT_EID",
        "INNLEID_FRA_KOMMUNALT_FORETAK",
        "INNLEID_FRA_STIFTELSE",
        "INNLEID_FRA_PRIVAT_FORETAK",
        "INNLEID_FRA_PRIVATPERSON",
    ),
    "Eieform": ("SELVEIER", "BORETTSLAG", "AKSJELEILIGHET"),
    "LeieforholdAvslutningsgrunn": (
        "KJOPT_BOLIG_MED_STARTLAN",
        "KJOPT_DEN_KOMMUNALE_BOIGEN",  # sic (contract K30): a wire value
        "FATT_ANNEN_BOLIGBISTAND",
        "FUNNET_BOLIG_PA_EGENHAND",
        "FLYTTET_UT_AV_KOMMUNEN",
        "BYTTET_KOMMUNAL_BOLIG",
        "ER_PA_INSTITUSJON",
        "ER_I_FENGSEL",
        "DOD",
        "FORLENGELSE",
        "ANNET",
    ),
    "MatrikkelBruksenhetstype": (
        "BOLIG",
        "IKKE_GODKJENT_BOLIG",
        "FRITIDSBOLIG",
        "ANNET_ENN_BOLIG",
        "UNUMMERERT_BRUKSENHET",
    ),
    "Oppsigelsestid": ("MND1", "MND3", "ANNET"),
    "Risikogruppe": tuple(f"RISIKOGRUPPE{n}" for n in range(8)),
    "Uteplass": ("PRIVAT_HAGE", "FELLES_HAGE", "ALTAN_BALKONG_TERASSE_ELLER_VERANDA"),
}

# What Kobo marks when erTilgjengeligForRullestolbruker is set (the seed: "utvalgte", not listed; K14).
WHEELCHAIR = ("TRAPPEFRI_INNGANG", "BREDE_DORER", "LAVE_DORTERSKLER")
# Ending a lease may leave the unit only ready or in maintenance.
END_STATUSES = ("KLAR_FOR_INNFLYTTING", "VEDLIKEHOLD")

BRUKSENHETSNUMMER = re.compile(r"^[HKLU]\d{4}$")  # K31: H0101
ORGANISASJONSNUMMER = re.compile(r"^\d{9}$")
MOBILNUMMER = re.compile(r"^[\d()+ ]+$")
FODSELSNUMMER = re.compile(r"^\d{11}$")


class Invalid(Exception):
    """400: the body breaks the seed's rules; ``problems`` are one sentence each."""

    def __init__(self, problems: list[str]):
        super().__init__("; ".join(problems))
        self.problems = problems


Check = Callable[[str, Any, list[str]], None]


@dataclass(frozen=True)
class Field:
    name: str
    kind: str | Check
    required: bool = False
    updatable: bool = True


def check_value(name: str, kind: str | Check, value: Any, problems: list[str]) -> None:
    if value is None:
        return
    if callable(kind):
        kind(name, value, problems)
    elif kind == "text":
        if not isinstance(value, str):
            problems.append(f"{name} må være tekst.")
    elif kind == "int":
        if isinstance(value, bool) or not isinstance(value, int):
            problems.append(f"{name} må være et heltall.")
    elif kind == "number":
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            problems.append(f"{name} må være et tall.")
    elif kind == "bool":
        if not isinstance(value, bool):
            problems.append(f"{name} må være true eller false.")
    elif kind == "date":
        if not is_date(value):
            problems.append(f"{name} må være en dato (ÅÅÅÅ-MM-DD).")
    elif kind == "uuid":
        if not is_uuid(value):
            problems.append(f"{name} må være en uuid.")
    elif kind.startswith("[]"):
        allowed = ENUMS[kind[2:]]
        if not isinstance(value, list) or any(item not in allowed for item in value):
            problems.append(f"{name} må være en liste av {kind[2:]}: {', '.join(allowed)}.")
    elif value not in ENUMS[kind]:
        problems.append(f"{name} må være en av {', '.join(ENUMS[kind])}.")


def check_object(name: str, value: Any, fields: tuple[Field, ...], problems: list[str]) -> None:
    if not isinstance(value, dict):
        problems.append(f"{name} må være et objekt.")
        return
    for field in fields:
        item = value.get(field.name)
        if item is None and field.required:
            problems.append(f"{name}.{field.name} er obligatorisk.")
        check_value(f"{name}.{field.name}", field.kind, item, problems)


def is_date(value: Any) -> bool:
    if not isinstance(value, str):
        return False
    try:
        date.fromisoformat(value)
    except ValueError:
        return False
    return len(value) == 10


def is_uuid(value: Any) -> bool:
    try:
        uuid.UUID(str(value))
    except ValueError:
        return False
    return True


def _adresse(name: str, value: Any, problems: list[str]) -> None:
    check_object(name, value, ADRESSE, problems)


def _eier(name: str, value: Any, problems: list[str]) -> None:
    check_object(name, value, EIER, problems)
    if not isinstance(value, dict):
        return
    org, mobil = value.get("boligeiersOrganisasjonsnummer"), value.get("boligeiersMobilnummer")
    if not org and not mobil:
        problems.append(f"{name}: en av boligeiersOrganisasjonsnummer og boligeiersMobilnummer må være fylt ut.")
    if isinstance(org, str) and org and not ORGANISASJONSNUMMER.match(org):
        problems.append(f"{name}.boligeiersOrganisasjonsnummer må være 9 siffer.")
    if isinstance(mobil, str) and mobil and not MOBILNUMMER.match(mobil):
        problems.append(f"{name}.boligeiersMobilnummer kan bare ha siffer, parenteser, + og mellomrom.")


def _matrikkelenhet(extra: str) -> Check:
    fields = (*MATRIKKELENHET, Field(extra, "text", required=True))

    def check(name: str, value: Any, problems: list[str]) -> None:
        check_object(name, value, fields, problems)

    return check


def _bygning(name: str, value: Any, problems: list[str]) -> None:
    check_object(name, value, BYGNING, problems)


def _leiekostnad(name: str, value: Any, problems: list[str]) -> None:
    # K19: manedsleie on the wire; a tolerant reader also takes månedsleie.
    if isinstance(value, dict) and value.get("manedsleie") is None and value.get("månedsleie") is not None:
        value = {**value, "manedsleie": value["månedsleie"]}
    check_object(name, value, LEIEKOSTNAD, problems)


def _bruksenhetsnummer(name: str, value: Any, problems: list[str]) -> None:
    if not isinstance(value, str) or not BRUKSENHETSNUMMER.match(value):
        problems.append(f"{name} må være på formen H0101 (H, K, L eller U og fire siffer).")


def _ovrig(name: str, value: Any, problems: list[str]) -> None:
    if not isinstance(value, str) or len(value) > 1000:
        problems.append(f"{name} kan ha inntil 1000 tegn.")


ADRESSE = (
    Field("gatenavn", "text", required=True),
    Field("husnummer", "int", required=True),
    Field("husbokstav", "text"),
    Field("postnummer", "text", required=True),
    Field("poststed", "text"),
)
EIER = (
    Field("boligeiersNavn", "text", required=True),
    Field("boligeiersOrganisasjonsnummer", "text"),
    Field("boligeiersMobilnummer", "text"),
)
MATRIKKELENHET = (
    Field("koboId", "uuid"),
    Field("kommunenummer", "text", required=True),
    Field("gaardsnummer", "int", required=True),
    Field("bruksnummer", "int", required=True),
    Field("festenummer", "int"),
    Field("seksjonsnummer", "int"),
    Field("matrikkelenhetId", "int", required=True),
)
BYGNING = (
    Field("koboId", "uuid"),
    Field("leverandorBygningId", "text", required=True),
    Field("bygningsnummer", "int", required=True),
    Field("lopenummer", "int", required=True),
    Field("eiendom", _matrikkelenhet("leverandorEiendomId"), required=True),
    Field("matrikkelenhetId", "int", required=True),
)
LEIEKOSTNAD = (Field("depositum", "number"), Field("manedsleie", "number", required=True))

# KoboboligTilKoboTO: what the FDVU system may send on POST and PUT /kobobolig.
UNIT_FIELDS = (
    Field("adresse", _adresse, required=True, updatable=False),
    Field("antallSoverom", "int"),
    Field("boligtype", "Boligtype", required=True),
    Field("bruksareal", "number"),
    Field("bruksenhetsnummer", _bruksenhetsnummer, updatable=False),
    Field("bygning", _bygning, updatable=False),
    Field("disposisjonsform", "Disposisjonsform"),
    Field("eieform", "Eieform"),
    Field("eiendom", _matrikkelenhet("leverandorEiendomId")),
    Field("eieseksjon", _matrikkelenhet("leverandorEieseksjonId")),
    Field("eier", _eier, updatable=False),
    Field("egenskaper", "[]Boligegenskap"),
    Field("ekstraReferanse", "text", updatable=False),
    Field("erBofellesskap", "bool"),
    Field("erTilgjengeligForRullestolbruker", "bool"),  # K14: may be sent on update
    Field("etasjenummer", "int"),
    Field("leverandorBoligId", "text", required=True, updatable=False),
    Field("kvalifisererMvaKompensasjon", "bool"),
    Field("leiekostnad", _leiekostnad),
    Field("leieTilEiePotensial", "bool"),
    Field("malernummerStrom", "text"),
    Field("malernummerVann", "text"),
    Field("matrikkelId", "uuid", updatable=False),
    Field("matrikkelBruksenhetstype", "MatrikkelBruksenhetstype", updatable=False),
    Field("egenvurdertRisikogruppe", "Risikogruppe"),
    Field("ovrigInformasjon", _ovrig),
    Field("sikkerhet", "[]Boligsikkerhet"),
    Field("solgtDato", "date"),
    Field("solgtTilLeietaker", "bool"),
    Field("status", "Boligstatus", required=True),
    Field("statusdato", "date"),
    Field("tilfortHusbankenMidler", "bool"),
    Field("tilrettelegginger", "[]Boligtilrettelegging"),
    Field("underkategoriBoligtype", "text"),
    Field("uteplass", "[]Uteplass"),
)
# Read-only, or changed only through their own endpoints (K11, K12): accepted and ignored.
IGNORED_ON_WRITE = frozenset(
    {
        "koboId",
        "meta",
        "tidligereLeieforhold",
        "utledetLedigFraDato",
        "husstand",
        "reservasjoner",
        "tildeling",
        "leieforhold",
    }
)

# LeieforholdOpprettOppdaterTO. oppsigelsestid and annenOppsigelsestid are the sandbox's
# addition: the lease's agreed notice period, which LeieforholdTO carries (see the README).
LEASE_FIELDS = (
    Field("kontraktStartdato", "date", required=True),
    Field("kontraktUtlopsdato", "date"),
    Field("erTidsubegrenset", "bool", required=True),
    Field("manedsleie", "number"),
    Field("depositum", "number"),
    Field("oppsigelsestid", "Oppsigelsestid"),
    Field("annenOppsigelsestid", "text"),
)
NOTICE_FIELDS = (
    Field("oppsagtAktor", "BoligoppsigelseAktor", required=True),
    Field("oppsigelsestid", "Oppsigelsestid", required=True),
    Field("oppsigelseMottattDato", "date", required=True),
    Field("annenOppsigelsestid", "text"),
    Field("oppsagtFraDato", "date", required=True),
    Field("planlagtUtflyttingsdato", "date", required=True),
)
END_FIELDS = (
    Field("utflyttetdato", "date", required=True),
    Field("boligstatus", "Boligstatus", required=True),
    Field("avslutningsgrunn", "LeieforholdAvslutningsgrunn", required=True),
)
ALLOCATION_FIELDS = (Field("koboSaksreferanse", "text", required=True), Field("tildeltDato", "date"))
HOUSEHOLD_FIELDS = (Field("antallBarn", "int", required=True),)
RESIDENT_FIELDS = (
    Field("personidentifikator", "text", required=True),
    Field("fodselsdato", "date"),
    Field("fornavn", "text"),
    Field("mellomnavn", "text"),
    Field("etternavn", "text"),
    Field("epost", "text"),
    Field("telefonnummer", "text"),
    Field("reservertMotDigitalKommunikasjon", "bool"),
)


def checked(body: dict, fields: tuple[Field, ...], where: str = "") -> dict:
    """The body's known fields, or Invalid with every problem at once."""
    problems: list[str] = []
    known = {field.name for field in fields}
    unknown = sorted(set(body) - known - IGNORED_ON_WRITE)
    if unknown:
        problems.append(f"Ukjente felt{(' i ' + where) if where else ''}: {', '.join(unknown)}.")
    for field in fields:
        value = body.get(field.name)
        if value is None and field.required:
            problems.append(f"{where + '.' if where else ''}{field.name} er obligatorisk.")
        check_value(f"{where + '.' if where else ''}{field.name}", field.kind, value, problems)
    if problems:
        raise Invalid(problems)
    return {field.name: body[field.name] for field in fields if body.get(field.name) is not None}
