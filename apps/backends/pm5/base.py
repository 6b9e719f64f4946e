"""What every PM5 endpoint shares: the HTTP call, the error mapping, the JSON.

The session key travels in the URL path (contract A01), so no URL of this
API is ever logged or put in an error message: errors name the endpoint only.
"""

import json
import logging
from decimal import Decimal
from typing import Any
from urllib.parse import quote

import requests

from apps.backends.errors import (
    BackendInvalid,
    BackendNotFound,
    BackendRefused,
    BackendSessionExpired,
    BackendUnavailable,
)
from apps.backends.http import http_session
from apps.backends.pm5 import parse

logger = logging.getLogger(__name__)


class Pm5Base:
    def __init__(self, *, base_url: str, client_id: str, client_secret: str, timeout: tuple[float, float]):
        self.base_url = base_url.rstrip("/")
        self.auth = (client_id, client_secret)
        self.timeout = timeout
        self.http = http_session("pm5")

    def _session_path(self, key: str, *rest: str) -> str:
        return "/".join(["/session", quote(key, safe=""), *rest])

    def _json(
        self,
        method: str,
        path: str,
        endpoint: str,
        *,
        params: dict[str, str] | None = None,
        json_body: Any = None,
        auth: tuple[str, str] | None = None,
    ) -> Any:
        response = self._send(method, path, endpoint, params=params, json_body=json_body, auth=auth)
        try:
            return response.json(parse_float=Decimal)
        except (ValueError, json.JSONDecodeError):
            raise BackendInvalid(f"PM5 {endpoint}: the answer is not JSON") from None

    def _send(
        self,
        method: str,
        path: str,
        endpoint: str,
        *,
        params: dict[str, str] | None = None,
        json_body: Any = None,
        auth: tuple[str, str] | None = None,
        stream: bool = False,
        accept: str | None = None,
        data: Any = None,
        headers: dict[str, str] | None = None,
    ) -> requests.Response:
        """One call; ``accept`` overrides the session's Accept: application/json for files."""
        headers = dict(headers or {})
        if accept:
            headers["Accept"] = accept
        try:
            response = self.http.request(
                method,
                self.base_url + path,
                params=params,
                json=json_body,
                data=data,
                headers=headers or None,
                auth=auth,
                timeout=self.timeout,
                stream=stream,
            )
        except requests.RequestException as exc:
            # str(exc) holds the URL, and with it the session key: name the class only.
            logger.warning("PM5 %s failed: %s", endpoint, type(exc).__name__)
            raise BackendUnavailable(f"PM5 {endpoint}: {type(exc).__name__}") from None
        _raise_for_status(response, endpoint)
        return response


def query(params: dict[str, bool | int]) -> dict[str, str]:
    return {
        name: ("true" if value else "false") if isinstance(value, bool) else str(value)
        for name, value in params.items()
    }


def _raise_for_status(response: requests.Response, endpoint: str) -> None:
    status = response.status_code
    if status < 400:
        return
    if status >= 500:
        logger.warning("PM5 %s answered %s", endpoint, status)
        response.close()
        raise BackendUnavailable(f"PM5 {endpoint}: HTTP {status}")
    code, message = _felmeddelande(response)
    response.close()
    if status == 401:
        raise BackendSessionExpired(message, code=code, status=status)
    if status == 404:
        raise BackendNotFound(f"PM5 {endpoint}: not found")
    raise BackendRefused(message, code=code, status=status)


def _felmeddelande(response: requests.Response) -> tuple[str | None, str]:
    """The backend's Felmeddelande {Felkod, Meddelande} (contract A44), if it sent one."""
    try:
        data = response.json()
        if isinstance(data, dict) and len(data) == 1 and isinstance(next(iter(data.values())), dict):
            data = next(iter(data.values()))  # a {"Fel": {...}} wrapper (A10)
        w = parse.Wire(data, "Felmeddelande")
        return w.text("Felkod"), w.text("Meddelande") or ""
    except (ValueError, BackendInvalid):
        return None, ""
