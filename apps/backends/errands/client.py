"""The Momentum Errands Rows v2 client (seed 002): one errand and its rows, read-only.

The seed marks the API as not part of the Momentum Fastighet API and to be
replaced by GraphQL (2023-06-12), so the portal only reads it, here and nowhere
else, and a replacement can take this module's place. Sign-in: base.py.
"""

from urllib.parse import quote

from django.conf import settings

from apps.backends.errands import parse
from apps.backends.errands import types as t
from apps.backends.errands.base import ErrandsBase
from apps.backends.errors import BackendNotFound


class ErrandsClient(ErrandsBase):
    def errand(self, errand_id: str, parts: t.Parts | None = None) -> t.Errand:
        """The errand named by an errand number or GUID (every row), or by an IB number or GUID (its rows)."""
        if not errand_id or not errand_id.strip():
            raise BackendNotFound("Errands v2: no id")
        parts = parts or t.Parts()
        # Each flag is sent, true or false: the seed documents no defaults (ambiguity 2).
        params = {
            "rows": parts.rows,
            "rowsAccounting": parts.accounting,
            "rowsAccountingCoding": parts.coding,
            "rowsAccountingVat": parts.vat,
            "rowsAccountingIncomingInvoice": parts.incoming_invoices,
            "rowsPrimaryObject": parts.primary_object,
            "rowsParticipants": parts.participants,
            "rowsEntityPath": parts.entity_path,
            "basicFields": False,
        }
        path = f"/v2/errands/{quote(errand_id.strip(), safe='')}"
        return parse.errand(self._get(path, "errands/{id}", {name: str(on).lower() for name, on in params.items()}))


def get_client() -> ErrandsClient:
    return ErrandsClient(
        base_url=settings.ERRANDS_BASE_URL,
        token=settings.ERRANDS_TOKEN,
        timeout=(settings.ERRANDS_CONNECT_TIMEOUT, settings.ERRANDS_READ_TIMEOUT),
    )
