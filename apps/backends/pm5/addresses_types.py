"""What the address and contact endpoints of PM5 take and give, in English.

TemporaryAddress and ContactDetail (read as part of the session) live in types.py.
"""

from dataclasses import dataclass
from datetime import date

from apps.backends.pm5.codes import AddressKind
from apps.backends.pm5.types import PostalAddress


@dataclass(frozen=True)
class CustomerAddress(PostalAddress):
    """SessionAdress (contract A33): the customer's permanent postal or visiting address."""

    kind: AddressKind | None  # None: a kind the portal does not know (kind_label says what)
    kind_label: str | None
    full_address: str | None
    valid_from: date | None
    valid_to: date | None

    @property
    def is_postal(self) -> bool:
        return self.kind == AddressKind.POSTAL

    @property
    def is_visiting(self) -> bool:
        return self.kind == AddressKind.VISITING


@dataclass(frozen=True)
class TemporaryAddressInput:
    """What Spara tillfällig adress sends. address_id None creates a new address (A31)."""

    address_id: int | None
    name: str
    care_of: str
    attention: str
    street: str
    street2: str
    postal_code: str
    city: str
    country_code: str  # ISO 3166 alpha-2, e.g. "SE" (A31)
    valid_from: date
    valid_to: date  # inclusive


@dataclass(frozen=True)
class ContactDetailsInput:
    """What Ändra kontaktuppgift sends (A32): None leaves a detail as it is, "" clears it."""

    email: str | None = None
    phone: str | None = None
    mobile: str | None = None

    @property
    def is_empty(self) -> bool:
        return self.email is None and self.phone is None and self.mobile is None
