"""The HTTP plumbing every backend client shares."""

import threading

import requests
from requests.adapters import HTTPAdapter
from urllib3.util.retry import Retry

_local = threading.local()


def http_session(name: str) -> requests.Session:
    """A requests.Session per backend and thread, with bounded retries for reads only.

    Only GET is retried (on connection errors and 502/503/504): a repeated POST
    could create a second errand, so writes are never retried here.
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
            allowed_methods=frozenset({"GET"}),
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
