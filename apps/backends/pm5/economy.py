"""Invoices and documents: the notice PDF (Hämta utskrift) and stored files (Hämta dokument)."""

from apps.backends.pm5.base import Pm5Base


class EconomyApi(Pm5Base):
    pass
