"""One backend's HTTP calls: the one way every client sends a request and reads its answer.

A call goes through the backend's circuit breaker, out on the backend's pooled
``requests.Session`` (apps.backends.http) with its connect and read timeouts,
and its answer is mapped to one typed error (apps.backends.errors):

- no connection, a broken one, or the breaker open → BackendUnavailable
- no connection or answer within the timeout       → BackendTimeout
- 5xx                                               → BackendUnavailable
- 401 → BackendUnauthorised, 404 → BackendNotFound, other 4xx → BackendRefused,
  with the backend's reason as the API writes it (``reason``).

Log hygiene: PM5 carries its session key in the URL path and other APIs carry
tokens in headers, so no URL, header or ``str(exc)`` is ever logged or put in
an error: lines and errors name the backend and the endpoint (``"PM5 get errand"``).
"""

import logging
from collections.abc import Callable
from decimal import Decimal
from typing import Any

import requests
from urllib3.exceptions import MaxRetryError, ReadTimeoutError

from apps.backends.breaker import Breaker
from apps.backends.download import Download
from apps.backends.errors import (
    BackendError,
    BackendInvalid,
    BackendNotFound,
    BackendRefused,
    BackendTimeout,
    BackendUnauthorised,
    BackendUnavailable,
)
from apps.backends.http import http_session
from portal import request_id as portal_request_id

logger = logging.getLogger(__name__)

# A refusal's (code, message) as the API writes it in the body of a 4xx.
Reason = Callable[[requests.Response], tuple[str | None, str]]


def message_reason(response: requests.Response) -> tuple[str | None, str]:
    """The reason most APIs give: {"message": "..."}."""
    try:
        data = response.json()
    except ValueError:
        return None, ""
    return None, str(data.get("message") or "") if isinstance(data, dict) else ""


class Transport:
    def __init__(
        self,
        breaker: Breaker,
        *,
        base_url: str,
        timeout: tuple[float, float],
        reason: Reason = message_reason,
    ):
        self.breaker = breaker
        self.label = breaker.label
        self.base_url = base_url.rstrip("/")
        self.timeout = timeout  # (connect, read) in seconds
        self.reason = reason

    @property
    def http(self) -> requests.Session:
        """The calling thread's session: a client made in a request may be used on the read threads
        (apps.backends.parallel), and a requests.Session must not be shared between threads."""
        return http_session(self.breaker.name)

    def request(
        self,
        method: str,
        path: str,
        endpoint: str,
        *,
        accept: str | None = None,
        headers: dict[str, str] | None = None,
        stream: bool = False,
        **body: Any,
    ) -> requests.Response:
        """One call; ``body`` is requests' params, json, data, files or auth.

        ``accept`` overrides the session's Accept: application/json (for files);
        ``stream`` leaves the answer unread, for a Download.
        """
        where = f"{self.label} {endpoint}"
        if not self.base_url:
            raise BackendUnavailable(f"{self.label}: no base URL configured")
        headers = dict(headers or {})
        if accept:
            headers["Accept"] = accept
        if request_id := portal_request_id.current():
            # The landlord's logs can then be followed back to one page view or task of ours.
            headers[portal_request_id.HEADER] = request_id
        passage = self.breaker.before_call()
        try:
            response = self.http.request(
                method, self.base_url + path, headers=headers, timeout=self.timeout, stream=stream, **body
            )
        except requests.RequestException as exc:
            self.breaker.failed(passage)
            # str(exc) holds the URL, and in PM5's the session key: name the class only.
            logger.warning("%s failed: %s", where, type(exc).__name__)
            error = BackendTimeout if _is_timeout(exc) else BackendUnavailable
            raise error(f"{where}: {type(exc).__name__}") from None
        if response.status_code >= 500:
            self.breaker.failed(passage)
        else:
            self.breaker.succeeded(passage)
        try:
            self._raise_for_status(response, where)
        except BackendError:
            response.close()  # a streamed answer holds its connection until closed
            raise
        return response

    def json(self, method: str, path: str, endpoint: str, **kwargs: Any) -> Any:
        """One call whose answer is JSON; numbers with a fraction become Decimal."""
        return decode_json(self.request(method, path, endpoint, **kwargs), f"{self.label} {endpoint}")

    def download(self, path: str, endpoint: str, *, accept: str = "*/*", **kwargs: Any) -> Download:
        """GET a file, streamed: the caller hands it on or closes it."""
        response = self.request("GET", path, endpoint, accept=accept, stream=True, **kwargs)
        return Download(response, where=f"{self.label} {endpoint}")

    def _raise_for_status(self, response: requests.Response, where: str) -> None:
        status = response.status_code
        if status < 400:
            return
        if status >= 500:
            logger.warning("%s answered %s", where, status)
            raise BackendUnavailable(f"{where}: HTTP {status}")
        if status == 404:
            raise BackendNotFound(f"{where}: not found")
        code, message = self.reason(response)
        if status == 401:
            raise BackendUnauthorised(message, code=code, status=status)
        raise BackendRefused(message, code=code, status=status)


def decode_json(response: requests.Response, where: str) -> Any:
    try:
        return response.json(parse_float=Decimal)
    except ValueError:
        raise BackendInvalid(f"{where}: the answer is not JSON") from None


def _is_timeout(exc: requests.RequestException) -> bool:
    if isinstance(exc, requests.Timeout):
        return True
    # A read timed out on every retry: requests reports it as a ConnectionError around urllib3's MaxRetryError.
    reason = exc.args[0] if exc.args else None
    return isinstance(reason, MaxRetryError) and isinstance(reason.reason, ReadTimeoutError)
