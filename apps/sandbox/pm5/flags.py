"""The Hämta* flags of GET /session, read into the parts to fill.

Every flag is opt-in (contract A07): absent means false and its part is null.
A sub-flag only counts when the part it belongs to is asked for, e.g.
HämtaKundEkonomiAviseringar needs HämtaKundEkonomi, and both need HämtaKund,
as the contract's "Kund: filled when HämtaKund=true" says.
"""

import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass

DEFAULT_NOTICE_MONTHS = 12  # contract A48
MAX_NOTICE_MONTHS = 120
FLAG_NAMES = (
    "HämtaKund",
    "HämtaMarknadProfil",
    "HämtaKontaktuppgifter",
    "HämtaKundEkonomi",
    "HämtaTillfälligaAdresser",
    "HämtaDokument",
    "HämtaKundEkonomiAviseringar",
    "HämtaÄrende",
    "HämtaÄrendeRader",
    "HämtaTillgängligaObjekt",
    "HämtaUnderhåll",
    "HämtaMätdata",
    "HämtaKundMeddelanden",
    "HämtaÄrendeRaderMediaBytes",
)


class InvalidFlag(ValueError):
    """A flag with a value that is neither true nor false, or a bad month count."""


@dataclass(frozen=True)
class SessionParts:
    customer: bool = False
    contact_details: bool = False
    economy: bool = False
    notices: bool = False
    notice_months: int = DEFAULT_NOTICE_MONTHS
    temporary_addresses: bool = False
    documents: bool = False
    market_profile: bool = False
    messages: bool = False
    errands: bool = False
    errand_rows: bool = False
    errand_media: bool = False
    objects: bool = False
    object_errand_rows: bool = False
    maintenance: bool = False
    meter_data: bool = False

    @classmethod
    def from_query(cls, query: Mapping[str, str]) -> "SessionParts":
        given = {_key(name): value for name, value in query.items()}

        def flag(name: str) -> bool:
            value = given.get(_key(name))
            if value is None:
                return False
            if value.strip().casefold() in {"true", "false"}:
                return value.strip().casefold() == "true"
            raise InvalidFlag(f"{name} ska vara true eller false.")

        f = {name: flag(name) for name in FLAG_NAMES}  # every value is checked, asked-for part or not
        customer, objects = f["HämtaKund"], f["HämtaTillgängligaObjekt"]
        economy = customer and f["HämtaKundEkonomi"]
        errands = f["HämtaÄrende"]
        errand_rows = errands and f["HämtaÄrendeRader"]
        return cls(
            customer=customer,
            contact_details=customer and f["HämtaKontaktuppgifter"],
            economy=economy,
            notices=economy and f["HämtaKundEkonomiAviseringar"],
            notice_months=_months(given.get(_key("HämtaKundAviseringarAntMån"))),
            temporary_addresses=customer and f["HämtaTillfälligaAdresser"],
            documents=customer and f["HämtaDokument"],
            market_profile=customer and f["HämtaMarknadProfil"],
            messages=customer and f["HämtaKundMeddelanden"],
            errands=errands,
            errand_rows=errand_rows,
            errand_media=errand_rows and f["HämtaÄrendeRaderMediaBytes"],
            objects=objects,
            # SessionTillgängligtObjekt.ÄrendeRader has no flag of its own; it follows HämtaÄrendeRader.
            object_errand_rows=objects and f["HämtaÄrendeRader"],
            maintenance=objects and f["HämtaUnderhåll"],
            meter_data=objects and f["HämtaMätdata"],
        )


def _key(name: str) -> str:
    """Names match ignoring case (A20) and however the client composed the "ä"."""
    return unicodedata.normalize("NFC", name).casefold()


def _months(value: str | None) -> int:
    if value is None or not value.strip():
        return DEFAULT_NOTICE_MONTHS
    try:
        months = int(value)
    except ValueError:
        raise InvalidFlag("HämtaKundAviseringarAntMån ska vara ett heltal.") from None
    if not 1 <= months <= MAX_NOTICE_MONTHS:
        raise InvalidFlag(f"HämtaKundAviseringarAntMån ska vara mellan 1 och {MAX_NOTICE_MONTHS}.")
    return months
