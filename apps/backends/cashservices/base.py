"""What is the register's own under the shared transport: one Bearer token, cached, renewed after a 401.

Seed 003: ``POST /Token`` with a password grant, form-encoded, answers
``access_token``; every ``/api`` call carries it as a Bearer token. The seed
documents no lifetime or refresh (contract A22), so the token is kept in the
shared cache for ``expires_in`` less a minute when the answer has one, else for
CASHSERVICES_TOKEN_CACHE_SECONDS, and a 401 drops it and logs in again, once.
The token never appears in a log line or an error message.
"""

from typing import Any

import requests

from apps.backends.bearer import RenewedOn401
from apps.backends.breaker import Breaker
from apps.backends.transport import Transport

BREAKER = Breaker("cashservices", "Kontanttjänster")
TOKEN_KEY = "cashservices:token:{username}"
EXPIRY_MARGIN_SECONDS = 60


def errors_reason(response: requests.Response) -> tuple[str | None, str]:
    """The register's refusal: ``{"errors": ["…", …]}``, or OAuth2's ``error_description`` from /Token."""
    try:
        data = response.json()
    except ValueError:
        return None, ""
    if not isinstance(data, dict):
        return None, ""
    if isinstance(data.get("errors"), list):
        return None, " ".join(str(item) for item in data["errors"])
    return data.get("error"), str(data.get("error_description") or "")


class CashServicesBase(RenewedOn401):
    def __init__(
        self, *, base_url: str, username: str, password: str, timeout: tuple[float, float], token_seconds: int
    ):
        self.username = username
        self.password = password
        self.token_seconds = token_seconds
        self.transport = Transport(BREAKER, base_url=base_url, timeout=timeout, reason=errors_reason)

    def _get(self, path: str, endpoint: str) -> Any:
        """One read of the API with the Bearer token; once more with a new token after a 401."""

        def call() -> Any:
            return self.transport.json("GET", "/api" + path, endpoint, headers=self._authorisation())

        return self._with_fresh_token(call)

    def _token_cache_key(self) -> str:
        return TOKEN_KEY.format(username=self.username)

    def _authorisation(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self._token()}"}

    def _token(self) -> str:
        form = {"grant_type": "password", "username": self.username, "password": self.password}
        return self._cached_token(
            lambda: self.transport.json("POST", "/Token", "Token", data=form),
            what="Kontanttjänster Token",
            margin=EXPIRY_MARGIN_SECONDS,
            fallback_seconds=self.token_seconds,
        )
