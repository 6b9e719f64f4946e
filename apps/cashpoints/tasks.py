from celery import shared_task

from apps.cashpoints import services


@shared_task(bind=True, name=services.SYNC_TASK, ignore_result=True, max_retries=services.SYNC_RETRIES)
def sync_register(self) -> None:
    """Copy the cash-services register; when it cannot be read, try again after a growing wait.

    A failed read keeps the last copy, so giving up after the last retry loses
    nothing: beat's check starts again later. Run eagerly (no broker: a page's
    first copy in the test profile) a retry could not wait, so there is none.
    """
    result = services.sync_register()
    if not result.ok and not self.request.is_eager and self.request.retries < self.max_retries:
        raise self.retry(countdown=services.retry_wait(self.request.retries))


@shared_task(name="cashpoints.sync_register_when_due", ignore_result=True)
def sync_register_when_due() -> None:
    """Beat, every few minutes: the first copy soon after installation, then one a day."""
    services.sync_register_when_due()
