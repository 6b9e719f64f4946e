"""What is Kobo's own under the shared transport: a Maskinporten access token and x-kobo-systemid.

Every call carries ``Authorization: Bearer <token>`` (contract K1) and the FDVU
system's id. The token comes from KOBO_TOKEN_URL by an OAuth2 client-credentials
grant (the sandbox's stand-in for Maskinporten; real Maskinporten wants a JWT
grant signed with the landlord's business certificate, not implemented here),
is kept in the shared cache for its ``expires_in`` less a margin, and a 401
drops it and fetches a new one, once. The token is never logged.
"""

from typing import Any

import requests

from apps.backends.bearer import RenewedOn401
from apps.backends.breaker import Breaker
from apps.backends.transport import Transport, decode_json

BREAKER = Breaker("kobo", "Kobo")
TOKEN_KEY = "kobo:token:{client_id}"
EXPIRY_MARGIN_SECONDS = 20
SYSTEM_HEADER = "x-kobo-systemid"


def kobo_reason(response: requests.Response) -> tuple[str | None, str]:
    """Kobo's refusal as the sandbox writes it, ``{"feilkode", "melding"}`` (the seed gives no body, K2)."""
    try:
        data = response.json()
    except ValueError:
        return None, ""
    if not isinstance(data, dict):
        return None, ""
    return data.get("feilkode") or data.get("error"), str(data.get("melding") or data.get("message") or "")


class KoboBase(RenewedOn401):
    def __init__(
        self,
        *,
        base_url: str,
        token_url: str,
        client_id: str,
        client_secret: str,
        system_id: str,
        timeout: tuple[float, float],
    ):
        self.client_id = client_id
        self.client_secret = client_secret
        self.system_id = system_id
        self.transport = Transport(BREAKER, base_url=base_url, timeout=timeout, reason=kobo_reason)
        self.token_transport = Transport(BREAKER, base_url=token_url, timeout=timeout, reason=kobo_reason)

    def _call(self, method: str, path: str, endpoint: str, **body: Any) -> requests.Response:
        """One call with the token and the system id; once more with a new token after a 401."""

        def call() -> requests.Response:
            headers = {"Authorization": f"Bearer {self._token()}", SYSTEM_HEADER: self.system_id}
            return self.transport.request(method, path, endpoint, headers=headers, **body)

        return self._with_fresh_token(call)

    def _json(self, method: str, path: str, endpoint: str, **body: Any) -> Any:
        return decode_json(self._call(method, path, endpoint, **body), f"Kobo {endpoint}")

    def _token_cache_key(self) -> str:
        return TOKEN_KEY.format(client_id=self.client_id)

    def _token(self) -> str:
        form = {"grant_type": "client_credentials", "client_id": self.client_id, "client_secret": self.client_secret}
        return self._cached_token(
            lambda: self.token_transport.json("POST", "", "token", data=form),
            what="Kobo token",
            margin=EXPIRY_MARGIN_SECONDS,
        )
