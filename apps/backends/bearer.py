"""A client whose calls carry a bearer token kept in the shared cache: after a 401 it is dropped and fetched anew, once."""

from collections.abc import Callable

from django.core.cache import cache

from apps.backends.errors import BackendUnauthorised


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
