"""The embedded default (one SQLite file) holds several tenants and a worker writing at once.

Each tenant is a thread of its own, with its own database connection, like the
demo's runserver threads: it opens the fault-report start page and starts a
report, which reads the tenant's session from the sandbox over HTTP (the live
server's threads write the sandbox's tables meanwhile) and then reads and
writes the draft in one transaction. Beside them a worker delivers queued
reports to the sandbox, which refuses them, so it keeps writing their outcome. With
SQLite's default deferred transactions some tenants got "database is locked"
at once; portal/settings_database.py makes them IMMEDIATE and the journal WAL.
"""

import threading
from datetime import timedelta

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import connection, connections
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from apps.accounts.services import create_linked_account
from apps.faults.models import FaultReport
from apps.faults.services import delivery

BROWSERS = 8  # over the small demo company's three customers: a tenant may have two tabs open
ROUNDS = 3

pytestmark = [
    pytest.mark.integration,
    pytest.mark.skipif(connection.vendor != "sqlite", reason="the embedded default's database"),
]


def test_the_demo_database_is_in_wal_mode_with_immediate_transactions(db):
    options = settings.DATABASES["default"]["OPTIONS"]
    assert options["transaction_mode"] == "IMMEDIATE"
    with connection.cursor() as cursor:
        assert cursor.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_tenants_and_a_worker_write_at_once_without_database_is_locked(live_sandbox):
    from apps.sandbox.models import Customer

    customers = Customer.objects.order_by("pk").values_list("customer_number", flat=True)
    users = [
        create_linked_account(email=f"tenant{i}@example.se", password=f"Tenant-password-{i}", customer_number=number)
        for i, number in enumerate(customers)
    ]
    # Another tenant's reports: a refused report is its owner's draft again, and would count below.
    queued = _queued_reports(get_user_model().objects.create_user("earlier@example.se"), count=4)
    start = threading.Barrier(BROWSERS + 1)
    failures: list[str] = []
    statuses: list[int] = []
    tenants_done = threading.Event()

    def tenant(user) -> None:
        try:
            client = Client()
            client.force_login(user)
            start.wait()
            for round_ in range(ROUNDS):
                response = client.post(reverse("faults:start"), {"restart": "1"} if round_ else {})
                statuses.append(response.status_code)
        except Exception as exc:  # noqa: BLE001  (any failure of a tenant fails the test below)
            failures.append(f"{user.email}: {type(exc).__name__}: {exc}")
        finally:
            connections.close_all()

    def worker() -> None:
        try:
            start.wait()
            while not tenants_done.is_set():
                # What a worker does on every try: claim the report, send it to PM5, write down the
                # answer (these reports name no place, so PM5 refuses them and they are drafts again).
                for report in queued:
                    FaultReport.objects.filter(pk=report.pk).update(
                        status=FaultReport.Status.QUEUED, next_attempt_at=timezone.now(), lease_until=None
                    )
                    delivery.deliver(report.pk)
                delivery.sweep()
        except Exception as exc:  # noqa: BLE001
            failures.append(f"worker: {type(exc).__name__}: {exc}")
        finally:
            connections.close_all()

    tenant_threads = [threading.Thread(target=tenant, args=(users[i % len(users)],)) for i in range(BROWSERS)]
    worker_thread = threading.Thread(target=worker)
    for thread in [*tenant_threads, worker_thread]:
        thread.start()
    for thread in tenant_threads:
        thread.join(timeout=120)
    tenants_done.set()
    worker_thread.join(timeout=60)

    assert failures == []
    assert statuses == [302] * (BROWSERS * ROUNDS)
    # Starting is one transaction at a time: whatever the order, each tenant has one draft.
    assert FaultReport.objects.drafts().filter(user__in=users).count() == len(users)
    assert all(report.attempts > 0 for report in FaultReport.objects.filter(pk__in=[r.pk for r in queued]))


def _queued_reports(user, count: int) -> list[FaultReport]:
    now = timezone.now()
    return [
        FaultReport.objects.create(
            user=user,
            customer_number="15555",
            status=FaultReport.Status.QUEUED,
            description=f"Queued report {i}",
            submitted_at=now - timedelta(minutes=1),
            next_attempt_at=now,
        )
        for i in range(count)
    ]
