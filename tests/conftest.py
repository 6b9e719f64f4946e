"""Personas and the live sandbox, shared by every test.

alice and bob are tenants (demo customers 1 and 2 of the sandbox), staff is a
landlord employee without a customer. Tests marked integration talk to the
sandbox over real HTTP through a live server, like production talks to PM5.
"""

from dataclasses import dataclass

import pytest
from django.core.cache import cache

from apps.accounts.services import create_linked_account
from apps.backends.http import close_http_sessions

ALICE_CUSTOMER = "15555"


@pytest.fixture(autouse=True)
def _fresh_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def alice(db):
    return create_linked_account(email="alice@example.se", password="Alice-password-1", customer_number=ALICE_CUSTOMER)


@pytest.fixture
def staff(db):
    return create_linked_account(
        email="staff@example.se", password="Staff-password-1", customer_number="", is_staff=True
    )


@dataclass(frozen=True)
class DemoCustomer:
    number: str
    personnummer: str


@dataclass(frozen=True)
class Sandbox:
    base_url: str
    alice: DemoCustomer
    bob: DemoCustomer
    unlinked: DemoCustomer


@pytest.fixture
def pm5_live(live_server, settings, transactional_db) -> Sandbox:
    """The sandbox with the small demo company, reached over HTTP by the PM5 client."""
    from apps.sandbox.demo import build_demo
    from apps.sandbox.models import Customer

    build_demo(size="small")
    settings.PM5_BASE_URL = f"{live_server.url}/sandbox/pm5"
    customers = list(Customer.objects.order_by("pk"))
    as_demo = lambda c: DemoCustomer(number=c.customer_number, personnummer=c.personnummer)  # noqa: E731
    linked = {ALICE_CUSTOMER}
    alice = next(c for c in customers if c.customer_number == ALICE_CUSTOMER)
    bob = next(c for c in customers if c.customer_number not in linked)
    unlinked = next(c for c in customers if c.customer_number not in linked | {bob.customer_number})
    yield Sandbox(base_url=settings.PM5_BASE_URL, alice=as_demo(alice), bob=as_demo(bob), unlinked=as_demo(unlinked))
    # A kept-alive connection would outlive the live server's thread.
    close_http_sessions()


@pytest.fixture
def bob(pm5_live):
    return create_linked_account(email="bob@example.se", password="Bob-password-1", customer_number=pm5_live.bob.number)


class BackendCalls:
    """Counts the HTTP requests the portal sends to backends during a test."""

    def __init__(self):
        self.calls: list[tuple[str, str]] = []

    def __len__(self) -> int:
        return len(self.calls)

    def reset(self) -> None:
        self.calls.clear()


@pytest.fixture
def backend_calls(monkeypatch) -> BackendCalls:
    import requests

    spy = BackendCalls()
    real_request = requests.Session.request

    def counting_request(self, method, url, *args, **kwargs):
        spy.calls.append((method, url))
        return real_request(self, method, url, *args, **kwargs)

    monkeypatch.setattr(requests.Session, "request", counting_request)
    return spy


class Mailbox:
    """The e-mails the portal sent, however they were sent.

    On the embedded defaults Celery runs tasks in-process and mail lands in
    Django's locmem outbox; on the production path a real worker (outside the
    test environment) writes it to EMAIL_FILE_PATH, so wait for the file.
    """

    def __init__(self, settings):
        self.settings = settings

    def wait_for(self, to: str, timeout: float = 30.0) -> str:
        import os
        import time
        from pathlib import Path

        from django.core import mail

        deadline = time.monotonic() + timeout
        while True:
            if self.settings.CELERY_TASK_ALWAYS_EAGER:
                for message in getattr(mail, "outbox", []):
                    if to in message.to:
                        return message.subject + "\n" + message.body
            else:
                for path in sorted(Path(os.environ["EMAIL_FILE_PATH"]).glob("*.log")):
                    for message in _messages_in(path.read_text(encoding="utf-8", errors="replace")):
                        if to in message["To"]:
                            return str(message["Subject"]) + "\n" + _body(message)
            if time.monotonic() > deadline:
                raise AssertionError(f"no e-mail to {to} within {timeout} s")
            time.sleep(0.2)


@pytest.fixture
def mailbox(settings) -> Mailbox:
    return Mailbox(settings)


def _messages_in(log: str):
    """The messages in one file of Django's file e-mail backend, separated by lines of dashes."""
    from email import message_from_string, policy

    for chunk in log.split("-" * 79):
        if chunk.strip():
            yield message_from_string(chunk.strip() + "\n", policy=policy.default)


def _body(message) -> str:
    part = message.get_body(preferencelist=("plain", "html"))
    return part.get_content() if part else ""
