"""The pooled HTTP sessions of the backends (apps.backends.transport sends through them)."""

import threading

import requests
from requests.adapters import HTTPAdapter
from urllib3.util.retry import Retry

_local = threading.local()

# Only reads are retried: a repeated POST could create a second errand, and a
# repeated DELETE or PUT can turn a success into a 404 or a conflict.
RETRIED_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})


def http_session(name: str) -> requests.Session:
    """A requests.Session per backend and thread (Session is not thread-safe), with bounded retries.

    Reads are retried with backoff on connection errors, a read timeout (once)
    and 502/503/504; a connection that was never made is retried for any method.
    """
    sessions = getattr(_local, "sessions", None)
    if sessions is None:
        sessions = _local.sessions = {}
    session = sessions.get(name)
    if session is None:
        retry = Retry(
            total=2,
            connect=2,
            read=1,
            status=2,
            backoff_factor=0.3,
            status_forcelist=(502, 503, 504),
            allowed_methods=RETRIED_METHODS,
            raise_on_status=False,
            respect_retry_after_header=False,
        )
        session = requests.Session()
        adapter = HTTPAdapter(max_retries=retry, pool_maxsize=10)
        session.mount("http://", adapter)
        session.mount("https://", adapter)
        session.headers["User-Agent"] = "mina-sidor/1.0"
        session.headers["Accept"] = "application/json"
        sessions[name] = session
    return session


def close_http_sessions() -> None:
    """Close this thread's pooled connections (at the end of a test or a worker's life)."""
    for session in getattr(_local, "sessions", {}).values():
        session.close()
    _local.sessions = {}
