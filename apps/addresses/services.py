"""Temporary addresses: what the page shows, the one the tenant may edit, and saving.

Current and upcoming addresses come with the tenant's cached session data, so
the page costs no backend call of its own for them; ended ones are read only
when the tenant asks. The permanent addresses (SessionAdresserGet, PM5 5.16.2)
are cached like the session data, and are simply left out when the backend
is older than that (contract A37). They are read with the session data: in
one cache round trip when both are cached, asked beside it (one backend round
trip) when neither is.
"""

import hashlib
import pickle
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from django.conf import settings
from django.core.cache import cache
from django.http import Http404, HttpRequest

from apps.backends.errors import BackendNotFound
from apps.backends.pm5 import Pm5Client
from apps.backends.pm5.addresses_types import CustomerAddress, TemporaryAddressInput
from apps.backends.pm5.types import PortalSession, TemporaryAddress
from apps.customer.services import CustomerSession


@dataclass(frozen=True)
class AddressBook:
    current: tuple[TemporaryAddress, ...]  # applies today
    upcoming: tuple[TemporaryAddress, ...]

    @property
    def editable(self) -> tuple[TemporaryAddress, ...]:
        return self.current + self.upcoming


def address_book(session: PortalSession, today: date) -> AddressBook:
    """The session's temporary addresses that have not ended, in date order."""
    addresses = sorted(
        (a for a in session.temporary_addresses or () if a.valid_to is None or a.valid_to >= today),
        key=lambda a: (a.valid_from or today, a.address_id),
    )
    return AddressBook(
        current=tuple(a for a in addresses if a.is_active_on(today)),
        upcoming=tuple(a for a in addresses if not a.is_active_on(today)),
    )


def own_address(session: PortalSession, address_id: int, today: date) -> TemporaryAddress:
    """The tenant's own current or upcoming address with this id, or 404 before any backend call."""
    for address in address_book(session, today).editable:
        if address.address_id == address_id:
            return address
    raise Http404("No such temporary address")


def ended_addresses(request: HttpRequest, today: date) -> tuple[TemporaryAddress, ...]:
    """The addresses that have ended, most recent first: one backend call, when asked for."""
    addresses = request.customer.call(lambda client, key: client.temporary_addresses(key, include_ended=True))
    ended = [a for a in addresses if a.valid_to is not None and a.valid_to < today]
    return tuple(sorted(ended, key=lambda a: a.valid_to, reverse=True))


@dataclass(frozen=True)
class CustomerAddresses:
    """The permanent postal and visiting addresses, with a digest of their pickle taken when they were read.

    Equal digests only for equal addresses: the page keeps its content under the digest
    ({% kept %}), so addresses read anew show at once.
    """

    addresses: tuple[CustomerAddress, ...]  # none when the backend is older than PM5 5.16.2
    digest: bytes

    @classmethod
    def of(cls, addresses: tuple[CustomerAddress, ...]) -> "CustomerAddresses":
        data = pickle.dumps(addresses, pickle.HIGHEST_PROTOCOL)
        return cls(addresses, hashlib.blake2b(data, digest_size=16).digest())


def data_and_customer_addresses(customer: CustomerSession) -> tuple[PortalSession, Callable[[], CustomerAddresses]]:
    """The session data, and how to take the permanent addresses (which raises the backend's error, if any).

    Both cached: one cache round trip. Neither: the addresses are asked beside the session
    data, so the page waits one backend round trip rather than two.
    """
    cache_key = _cache_key(customer.customer_number)
    cached = customer.cached_beside(cache_key)
    if cached is not None:
        return customer.data(), lambda: cached
    session, beside = customer.data_beside(_customer_addresses)

    def remembered() -> CustomerAddresses:
        addresses = beside.result()
        cache.set(cache_key, addresses, settings.CUSTOMER_SESSION_CACHE_SECONDS)
        return addresses

    return session, remembered


def _customer_addresses(client: Pm5Client, key: str) -> CustomerAddresses:
    try:
        return CustomerAddresses.of(client.customer_addresses(key))
    except BackendNotFound:
        return CustomerAddresses.of(())  # older than PM5 5.16.2; remembered as "none", like an empty answer


def save(request: HttpRequest, address: TemporaryAddressInput) -> None:
    """Create or change a temporary address; then the next page reads the addresses anew (A31)."""
    request.customer.call(lambda client, key: client.save_temporary_address(key, address))
    request.customer.forget()


def _cache_key(customer_number: str) -> str:
    # "-digested": entries with their digest (CustomerAddresses); the bare tuples an older release cached are not read.
    return "customer-addresses-digested:" + hashlib.sha256(customer_number.encode()).hexdigest()
