"""The Momentum Errands Rows v2 client (seed 002): one errand and its rows, read-only.

The seed marks the API as not part of the Momentum Fastighet API and to be
replaced by GraphQL (2023-06-12), so the portal only reads it, here and nowhere
else, and a replacement can take this module's place. Sign-in is the
contract's reading: a technical user's token as a Bearer token (ambiguity 1).
The token never appears in a log line or an error message.
"""

import json
import logging
from decimal import Decimal
from typing import Any
from urllib.parse import quote

import requests
from django.conf import settings

from apps.backends.errands import parse
from apps.backends.errands import types as t
from apps.backends.errors import BackendInvalid, BackendNotFound, BackendRefused, BackendUnavailable
from apps.backends.http import http_session

logger = logging.getLogger(__name__)


class ErrandsClient:
    def __init__(self, *, base_url: str, token: str, timeout: tuple[float, float]):
        self.base_url = base_url.rstrip("/")
        self.token = token
        self.timeout = timeout
        self.http = http_session("errands")

    def errand(self, errand_id: str, parts: t.Parts | None = None) -> t.Errand:
        """The errand named by an errand number or GUID (every row), or by an IB number or GUID (its rows)."""
        if not self.base_url:
            raise BackendUnavailable("Errands v2: no base URL configured")
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
        return parse.errand(self._get(path, {name: str(on).lower() for name, on in params.items()}))

    def _get(self, path: str, params: dict[str, str]) -> Any:
        headers = {"Authorization": f"Bearer {self.token}"}
        try:
            response = self.http.get(self.base_url + path, params=params, headers=headers, timeout=self.timeout)
        except requests.RequestException as exc:
            logger.warning("Errands v2 errands/{id} failed: %s", type(exc).__name__)
            raise BackendUnavailable(f"Errands v2: {type(exc).__name__}") from None
        _raise_for_status(response)
        try:
            return response.json(parse_float=Decimal)
        except (ValueError, json.JSONDecodeError):
            raise BackendInvalid("Errands v2 errands/{id}: the answer is not JSON") from None


def get_client() -> ErrandsClient:
    return ErrandsClient(
        base_url=settings.ERRANDS_BASE_URL,
        token=settings.ERRANDS_TOKEN,
        timeout=(settings.ERRANDS_CONNECT_TIMEOUT, settings.ERRANDS_READ_TIMEOUT),
    )


def _raise_for_status(response: requests.Response) -> None:
    status = response.status_code
    if status < 400:
        return
    if status >= 500:
        logger.warning("Errands v2 errands/{id} answered %s", status)
        raise BackendUnavailable(f"Errands v2: HTTP {status}")
    if status == 404:
        raise BackendNotFound("Errands v2 errands/{id}: not found")
    try:
        data = response.json()
        message = str(data.get("message") or "") if isinstance(data, dict) else ""
    except ValueError:
        message = ""
    if status in (401, 403):
        # The technical user's token or role is wrong: a configuration fault, not the staff member's.
        logger.error("Errands v2 refused the portal's user (HTTP %s)", status)
    raise BackendRefused(message, status=status)
