"""Temporary addresses, permanent addresses and contact details."""

from apps.backends.pm5.base import Pm5Base


class AddressesApi(Pm5Base):
    pass
