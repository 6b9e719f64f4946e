"""Celery tasks: thin, each takes primary keys (and the tenant's language) and calls one service."""

from celery import shared_task
from django.utils import translation

from apps.backends.errors import BackendUnavailable
from apps.kobo.services import account_data, copy, notices


@shared_task(bind=True, name=notices.DELIVER_TASK, acks_late=True, ignore_result=True, max_retries=None)
def deliver_notice(self, notice_id: int, language: str) -> None:
    """Register (or withdraw) one notice in Kobo; while Kobo is away, try again after the backoff.

    Run eagerly (the test profile) a retry cannot wait: the notice stays due and the sweep sends it.
    """
    with translation.override(language or None):
        attempt = notices.deliver(notice_id)
    if attempt.retry_at is not None and not self.request.is_eager:
        raise self.retry(eta=attempt.retry_at)


@shared_task(bind=True, name=copy.REFRESH_TASK, acks_late=True, ignore_result=True, max_retries=None)
def refresh_unit(self, message_id: int) -> None:
    """Read the unit a webhook message names and update the copy; Kobo away: again in a while."""
    try:
        copy.refresh(message_id)
    except BackendUnavailable as exc:
        if self.request.is_eager:
            return  # the sweep picks it up
        raise self.retry(countdown=min(30 * 2**self.request.retries, 1800)) from exc


@shared_task(name="kobo.sweep", ignore_result=True)
def sweep() -> None:
    """Every half minute (beat): notices due and webhook messages whose refresh never finished."""
    notices.sweep()
    copy.sweep()


@shared_task(name="kobo.purge_old_notices", ignore_result=True)
def purge_old_notices() -> None:
    account_data.purge_old()
