"""What is PM5's own under the shared transport: the session key in the path, the Felmeddelande.

The session key travels in the URL path (contract A01); the transport never logs
a URL or puts one in an error, so errors name the endpoint only.
"""

import json
from typing import Any
from urllib.parse import quote

import requests

from apps.backends.breaker import Breaker
from apps.backends.errors import BackendInvalid
from apps.backends.pm5.addresses_parse import raise_for_felmeddelande
from apps.backends.transport import Transport
from apps.backends.wire import Wire

BREAKER = Breaker("pm5", "PM5")


class Pm5Base:
    def __init__(self, *, base_url: str, client_id: str, client_secret: str, timeout: tuple[float, float]):
        self.auth = (client_id, client_secret)
        self.transport = Transport(BREAKER, base_url=base_url, timeout=timeout, reason=felmeddelande)

    def _session_path(self, key: str, *rest: str) -> str:
        return "/".join(["/session", quote(key, safe=""), *rest])

    def _json(self, method: str, path: str, endpoint: str, **kwargs: Any) -> Any:
        return self.transport.json(method, path, endpoint, **kwargs)

    def _send(self, method: str, path: str, endpoint: str, **kwargs: Any) -> requests.Response:
        return self.transport.request(method, path, endpoint, **kwargs)

    def _write(self, path: str, endpoint: str, body: dict[str, Any]) -> None:
        """POST a write whose answer is a Felmeddelande: BackendRefused unless it is empty (A02, A44)."""
        response = self._send("POST", path, endpoint, json=body)
        try:
            data = json.loads(response.content) if response.content.strip() else None
        except ValueError:
            raise BackendInvalid(f"PM5 {endpoint}: the answer is not JSON") from None
        raise_for_felmeddelande(data, endpoint)


def query(params: dict[str, bool | int]) -> dict[str, str]:
    return {
        name: ("true" if value else "false") if isinstance(value, bool) else str(value)
        for name, value in params.items()
    }


def felmeddelande(response: requests.Response) -> tuple[str | None, str]:
    """The backend's Felmeddelande {Felkod, Meddelande} (contract A44), if it sent one."""
    try:
        data = response.json()
        if isinstance(data, dict) and len(data) == 1 and isinstance(next(iter(data.values())), dict):
            data = next(iter(data.values()))  # a {"Fel": {...}} wrapper (A10)
        w = Wire(data, "Felmeddelande")
        return w.text("Felkod"), w.text("Meddelande") or ""
    except (ValueError, BackendInvalid):
        return None, ""
