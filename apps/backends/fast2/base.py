"""What is FAST2's own under the shared transport: two tokens, cached, renewed after a 401.

Seed 1.3: a gateway token (OAuth2 client credentials, long-lived) goes in
``Authorization``, a resource token (the FAST2 resource's login, short-lived)
in ``X-Auth-Token``. Both live in Django's cache, which every web process and
worker shares (Redis in production), and are dropped a minute before they
expire. A 401 drops both and the call is made once more with fresh ones: the
seed documents no refresh call, so "refresh" means logging in again (contract).
Tokens never appear in a log line or an error message.
"""

import threading
from collections.abc import Callable
from typing import Any

import requests
from django.core.cache import cache

from apps.backends.breaker import Breaker
from apps.backends.download import Download
from apps.backends.errors import BackendInvalid, BackendUnauthorised
from apps.backends.transport import Transport, decode_json

BREAKER = Breaker("fast2", "FAST2")
GATEWAY_KEY = "fast2:gateway-token"
RESOURCE_KEY = "fast2:resource-token:{username}"
# A token is dropped this long before the backend would refuse it.
EXPIRY_MARGIN_SECONDS = 60
# Every resource call's path starts here; the token calls' do not.
RESOURCE_PREFIX = "/ao-produkt"
# One token fetch at a time in a process: reads made at once (a staff page's) that all find no
# token wait for the one login rather than each logging in. Reentrant: the login needs the other token.
_FETCHING_TOKENS = threading.RLock()


class Fast2Base:
    def __init__(
        self,
        *,
        base_url: str,
        client_id: str,
        client_secret: str,
        username: str,
        password: str,
        timeout: tuple[float, float],
    ):
        self.client_id = client_id
        self.client_secret = client_secret
        self.username = username
        self.password = password
        self.transport = Transport(BREAKER, base_url=base_url, timeout=timeout)

    def _resource(
        self,
        method: str,
        path: str,
        endpoint: str,
        *,
        params: list[tuple[str, str]] | None = None,
        json_body: Any = None,
        expect_json: bool = True,
    ) -> Any:
        """One JSON call of the resource API, with both tokens; once more with new tokens after a 401."""

        def call() -> Any:
            response = self.transport.request(
                method, RESOURCE_PREFIX + path, endpoint, params=params, json=json_body, headers=self._tokens()
            )
            return decode_json(response, f"FAST2 {endpoint}") if expect_json else None

        return self._with_fresh_tokens(call)

    def _transfer(
        self, method: str, path: str, endpoint: str, *, files: Callable[[], dict] | None = None
    ) -> requests.Response:
        """A call whose body is multipart; ``files()`` makes the parts again for the second try."""

        def call() -> requests.Response:
            parts = files() if files else None
            return self.transport.request(method, RESOURCE_PREFIX + path, endpoint, headers=self._tokens(), files=parts)

        return self._with_fresh_tokens(call)

    def _download(self, path: str, endpoint: str) -> Download:
        return self._with_fresh_tokens(
            lambda: self.transport.download(RESOURCE_PREFIX + path, endpoint, headers=self._tokens())
        )

    def _with_fresh_tokens[T](self, call: Callable[[], T]) -> T:
        try:
            return call()
        except BackendUnauthorised:
            self.forget_tokens()
            return call()

    def forget_tokens(self) -> None:
        cache.delete_many([GATEWAY_KEY, RESOURCE_KEY.format(username=self.username)])

    def _tokens(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self._gateway_token()}", "X-Auth-Token": self._resource_token()}

    def _gateway_token(self) -> str:
        return _cached_or(GATEWAY_KEY, self._new_gateway_token)

    def _new_gateway_token(self) -> str:
        # The seed's form: the credential handed out by Fast2 as a Bearer token, JSON body (ambiguity 25).
        headers = {"Authorization": f"Bearer {self.client_id}:{self.client_secret}"}
        data = self.transport.json(
            "POST", "/oauth2/token", "oauth2/token", json={"grant_type": "client_credentials"}, headers=headers
        )
        token, lifetime = _token(data, "oauth2/token")
        cache.set(GATEWAY_KEY, token, timeout=max(lifetime - EXPIRY_MARGIN_SECONDS, 1))
        return token

    def _resource_token(self) -> str:
        return _cached_or(RESOURCE_KEY.format(username=self.username), self._new_resource_token)

    def _new_resource_token(self) -> str:
        key = RESOURCE_KEY.format(username=self.username)

        def login() -> Any:
            headers = {"Authorization": f"Bearer {self._gateway_token()}"}
            body = {"username": self.username, "password": self.password}
            return self.transport.json(
                "POST", RESOURCE_PREFIX + "/v1/auth/login", "auth/login", json=body, headers=headers
            )

        try:
            data = login()
        except BackendUnauthorised:
            # The gateway token went stale before its time (a restarted gateway): get a new one, once.
            cache.delete(GATEWAY_KEY)
            data = login()
        token, lifetime = _token(data, "auth/login")
        cache.set(key, token, timeout=max(lifetime - EXPIRY_MARGIN_SECONDS, 1))
        return token


def _cached_or(key: str, fetch: Callable[[], str]) -> str:
    """The token in the shared cache, or one ``fetch`` gets (and caches) now: one fetch at a time."""
    token = cache.get(key)
    if token:
        return token
    with _FETCHING_TOKENS:
        return cache.get(key) or fetch()  # another thread may have fetched it while this one waited


def _token(data: Any, endpoint: str) -> tuple[str, int]:
    if not isinstance(data, dict) or not isinstance(data.get("access_token"), str) or not data["access_token"]:
        raise BackendInvalid(f"FAST2 {endpoint}: no access_token")
    try:
        lifetime = int(data.get("expires_in") or 0)
    except (TypeError, ValueError):
        raise BackendInvalid(f"FAST2 {endpoint}: expires_in is not a number") from None
    if lifetime <= 0:
        raise BackendInvalid(f"FAST2 {endpoint}: expires_in is missing")
    return data["access_token"], lifetime
