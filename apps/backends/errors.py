"""Typed errors of every backend client.

Retryable ones (the backend is down, slow or answered 5xx) are split from
permanent ones (the backend understood and said no), so callers can decide
between "try again later" and "tell the user". The text of an error names the
backend and the endpoint, never a URL, key, token or personnummer.
"""


class BackendError(Exception):
    """Something went wrong talking to a backend. Never carries secrets."""

    retryable = False


class BackendUnavailable(BackendError):
    """Connection failed, the backend answered 5xx, or its circuit breaker is open."""

    retryable = True


class CircuitOpen(BackendUnavailable):
    """The backend's circuit breaker refused the call: nothing was sent.

    ``retry_after``: seconds until the breaker lets a probe through (0 while
    another caller's probe is out). A caller that retries on its own schedule
    (the fault-report outbox) should wait for that, and not count the refusal
    as a failed attempt of its own.
    """

    def __init__(self, message: str, *, retry_after: float):
        super().__init__(message)
        self.retry_after = max(retry_after, 0.0)


class BackendTimeout(BackendUnavailable):
    """The backend did not connect or answer within its timeout."""


class BackendInvalid(BackendError):
    """The backend answered something we cannot read (a contract breach)."""


class BackendNotFound(BackendError):
    """The thing does not exist, or does not belong to this customer."""


class BackendRefused(BackendError):
    """The backend refused the request (4xx), with its reason when it gave one."""

    def __init__(self, message: str = "", *, code: str | None = None, status: int | None = None):
        super().__init__(message or code or "refused")
        self.message = message
        self.code = code
        self.status = status


class BackendUnauthorised(BackendRefused):
    """401: the session key or token is unknown or expired; obtain a new one."""


# PM5's name for a 401: its session key is what expired.
BackendSessionExpired = BackendUnauthorised
