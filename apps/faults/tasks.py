"""Celery tasks: thin, each takes primary keys and the tenant's language and calls one service."""

from celery import shared_task
from django.utils import translation

from apps.faults.services import delivery


# max_retries=None on the task itself: retry(max_retries=None) would mean "the task's limit",
# Celery's default of 3, and a fourth retry would fail the task instead of waiting for the backend.
@shared_task(bind=True, name=delivery.DELIVER_TASK, acks_late=True, ignore_result=True, max_retries=None)
def deliver_fault_report(self, report_id: int, language: str) -> None:
    """Deliver one queued report; when the backend is away, try again after the backoff, for as long as it takes.

    Run eagerly (the test profile) a retry could not wait, so there the item
    simply stays due and the sweep delivers it.
    """
    with translation.override(language or None):
        attempt = delivery.deliver(report_id)
    if attempt.retry_at is not None and not self.request.is_eager:
        raise self.retry(eta=attempt.retry_at)


@shared_task(name="faults.sweep_outbox", ignore_result=True)
def sweep_outbox() -> None:
    """Every half minute (beat): queue whatever is due, whatever became of its own retry."""
    delivery.sweep()


@shared_task(name="faults.purge_expired_drafts", ignore_result=True)
def purge_expired_drafts() -> None:
    delivery.purge_expired_drafts()


@shared_task(name="faults.purge_delivered_reports", ignore_result=True)
def purge_delivered_reports() -> None:
    delivery.purge_delivered_reports()
