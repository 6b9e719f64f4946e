"""A client whose calls carry a bearer token kept in the shared cache: after a 401 it is dropped and fetched anew, once."""

from collections.abc import Callable
from typing import Any

from django.core.cache import cache

from apps.backends.errors import BackendInvalid, BackendUnauthorised


class RenewedOn401:
    """Mixed into a client's base: it names the cache key of its token; this renews it once on a 401."""

    def _token_cache_key(self) -> str:
        raise NotImplementedError

    def forget_token(self) -> None:
        cache.delete(self._token_cache_key())

    def _with_fresh_token[T](self, call: Callable[[], T]) -> T:
        try:
            return call()
        except BackendUnauthorised:
            self.forget_token()
            return call()

    def _cached_token(self, fetch: Callable[[], Any], *, what: str, margin: int, fallback_seconds: int = 0) -> str:
        """The token in the shared cache, or one fetched now: kept for its ``expires_in`` less the margin,
        or for fallback_seconds when the answer gives no longer lifetime (0: not kept)."""
        key = self._token_cache_key()
        token = cache.get(key)
        if token:
            return token
        data = fetch()
        token = data.get("access_token") if isinstance(data, dict) else None
        if not isinstance(token, str) or not token:
            raise BackendInvalid(f"{what}: no access_token")
        try:
            given = int(data.get("expires_in") or 0)
        except (TypeError, ValueError):
            given = 0
        lifetime = given - margin if given > margin else fallback_seconds
        if lifetime > 0:
            cache.set(key, token, timeout=lifetime)
        return token
