"""Temporary addresses, permanent addresses and contact details.

The two writes answer a Felmeddelande (contract A02, A44): a refusal comes back
as BackendRefused whose ``code`` is the backend's Felkod (often the wire name of
the field it refuses, e.g. "Postnummer"), whatever the status it came with.
"""

from apps.backends.pm5 import addresses_parse, parse
from apps.backends.pm5.addresses_types import ContactDetailsInput, CustomerAddress, TemporaryAddressInput
from apps.backends.pm5.base import Pm5Base, query
from apps.backends.pm5.types import TemporaryAddress
from apps.backends.wire import read_list


class AddressesApi(Pm5Base):
    def temporary_addresses(self, key: str, *, include_ended: bool = False) -> tuple[TemporaryAddress, ...]:
        """Hämta tillfälliga adresser: current and upcoming ones, and ended ones when asked."""
        data = self._json(
            "GET",
            self._session_path(key, "kund", "tillfalligaadresser/"),
            "get temporary addresses",
            params=query({"VisaAvslutade": include_ended}),
        )
        return read_list(data, parse.temporary_address, "TillfälligAdress")

    def save_temporary_address(self, key: str, address: TemporaryAddressInput) -> None:
        """Spara tillfällig adress: creates one, or changes the one with address_id (A31).

        The answer carries no id: read the addresses again to see the new one.
        """
        body = {
            "AdressId": address.address_id,
            "Namn": address.name,
            "Attention": address.attention,
            "CareOf": address.care_of,
            "Gatuadress1": address.street,
            "Gatuadress2": address.street2,
            "Postnummer": address.postal_code,
            "Postort": address.city,
            "Fom": address.valid_from.isoformat(),
            "Tom": address.valid_to.isoformat(),
            "Land": address.country_code,
        }
        path = self._session_path(key, "kund", "sparatillfalligadress/")
        self._write(path, "save temporary address", body)

    def change_contact_details(self, key: str, change: ContactDetailsInput) -> None:
        """Ändra kontaktuppgift (A32): None leaves a detail unchanged, "" clears it.

        Validera is always false: the portal has the tenant prove an e-mail address
        itself, through a link it sends, before it sends the address here.
        """
        body = {
            "Epost": change.email,
            "Telefonnummer": change.phone,
            "Mobiltelefonnummer": change.mobile,
            "Validera": False,
            "ValideringsUrl": None,
        }
        self._write(self._session_path(key, "andrakontaktuppgift/"), "change contact details", body)

    def customer_addresses(self, key: str) -> tuple[CustomerAddress, ...]:
        """SessionAdresserGet: the postal (kund.post) and visiting (kund.besok) addresses.

        Documented as /v1/session/kund/adresser/; the /v1 belongs to the base URL (A33).
        """
        data = self._json("GET", self._session_path(key, "kund", "adresser/"), "get customer addresses")
        return read_list(data, addresses_parse.customer_address, "SessionAdress")
