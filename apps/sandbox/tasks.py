"""The sandbox's own background work: Kobo's webhook deliveries (apps/sandbox/kobo/webhooks.py)."""

from celery import shared_task

from apps.sandbox.kobo import webhooks


@shared_task(name=webhooks.DELIVER_TASK, ignore_result=True)
def kobo_deliver_webhooks() -> None:
    webhooks.deliver_due()
