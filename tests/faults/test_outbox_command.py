"""manage.py fault_outbox: an operator lists the outbox and sends waiting reports again."""

from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone

from apps.faults.models import FaultReport
from apps.faults.services import delivery

pytestmark = pytest.mark.django_db


@pytest.fixture
def queued_for_delivery(monkeypatch) -> list[int]:
    """The reports the sweep hands to Celery, instead of delivering them."""
    sent: list[int] = []
    monkeypatch.setattr(delivery.background, "send", lambda task_name, report_id, language: sent.append(report_id))
    return sent


def report(user, status, **fields) -> FaultReport:
    now = timezone.now()
    return FaultReport.objects.create(
        user=user, customer_number="15555", status=status, description="Kylen låter", submitted_at=now, **fields
    )


def outbox(*args) -> str:
    out = StringIO()
    call_command("fault_outbox", *args, stdout=out)
    return out.getvalue()


def test_it_lists_the_queued_reports_with_their_attempts_and_errors(alice):
    later = timezone.now() + timedelta(minutes=8)
    waiting = report(
        alice, FaultReport.Status.QUEUED, attempts=3, next_attempt_at=later, last_error="BackendUnavailable"
    )
    report(alice, FaultReport.Status.DELIVERED, errand_number="R-1")

    listing = outbox()

    assert str(waiting.public_id) in listing
    assert "last error BackendUnavailable" in listing
    assert "R-1" not in listing
    assert "Kylen" not in listing  # nothing the tenant wrote


@pytest.mark.parametrize(("status", "shown"), [("delivered", "errand R-1"), ("refused", "refused "), ("all", "R-1")])
def test_it_lists_refused_and_delivered_reports_on_request(alice, status, shown):
    report(alice, FaultReport.Status.DELIVERED, errand_number="R-1", delivered_at=timezone.now())
    report(alice, FaultReport.Status.DRAFT, refused_at=timezone.now(), refusal="Saknar objekt")
    report(alice, FaultReport.Status.DRAFT)  # an ordinary draft is not in the outbox

    listing = outbox("--status", status)

    assert shown in listing
    assert len(listing.splitlines()) == {"delivered": 2, "refused": 2, "all": 3}[status]


def test_retrying_makes_a_waiting_report_due_now_and_queues_it(alice, queued_for_delivery):
    waiting = report(alice, FaultReport.Status.QUEUED, next_attempt_at=timezone.now() + timedelta(minutes=20))
    other = report(alice, FaultReport.Status.QUEUED, next_attempt_at=timezone.now() + timedelta(minutes=20))

    summary = outbox("--retry", str(waiting.public_id))

    assert queued_for_delivery == [waiting.pk]
    assert "Made due now: 1; held by a worker right now: 0; queued for delivery: 1." in summary
    other.refresh_from_db()
    assert other.next_attempt_at > timezone.now()


def test_retrying_all_leaves_a_report_a_worker_holds_alone(alice, queued_for_delivery):
    later = timezone.now() + timedelta(minutes=20)
    free = report(alice, FaultReport.Status.QUEUED, next_attempt_at=later)
    report(alice, FaultReport.Status.QUEUED, next_attempt_at=later, lease_until=timezone.now() + timedelta(minutes=4))

    summary = outbox("--retry-all")

    assert queued_for_delivery == [free.pk]
    assert "held by a worker right now: 1" in summary


def test_it_will_not_retry_a_delivered_or_unknown_report(alice):
    delivered = report(alice, FaultReport.Status.DELIVERED)

    with pytest.raises(CommandError, match="Not queued"):
        outbox("--retry", str(delivered.public_id))
    with pytest.raises(CommandError, match="Not a report id"):
        outbox("--retry", "nonsense")
