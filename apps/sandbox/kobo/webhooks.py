"""Kobo's webhook messages to the FDVU system: queued with every change, delivered with retries.

The seed says only that a message refers to the unit and hints at what happened
(004:59-62) and sends the registered key (004:557-583); its own page on the
shape ("Kobo FDVU Webhook API") is not in the seed. The sandbox's shape, the
smallest faithful one, is its own::

    POST <registered url>
    x-api-key: <the registered apiKey>
    x-kobo-systemid: <the FDVU system>
    {"meldingId": "<uuid>", "koboBoligId": "<uuid>", "hint": "TILDELING", "tidspunkt": "2026-12-03T13:40:00+00:00"}

A message waits until its system has registered a URL and key. A 2xx answer
delivers it; anything else is tried again after 10 s, doubling, at most 10
minutes apart (the Celery beat task and each change's own task both deliver
what is due). The receiver must be idempotent: a message may come twice.
"""

import logging
from datetime import timedelta

import requests
from django.db import transaction
from django.db.models import F, Q
from django.utils import timezone

from apps.sandbox.models import KoboMessage, KoboUnit, KoboWebhook
from portal import background

logger = logging.getLogger(__name__)

DELIVER_TASK = "sandbox.kobo_deliver_webhooks"
API_KEY_HEADER = "x-api-key"
FIRST_RETRY = timedelta(seconds=10)
LONGEST_WAIT = timedelta(minutes=10)
CLAIM = timedelta(seconds=60)  # longer than one POST may take
TIMEOUT = (3.05, 10.0)


def queue(unit: KoboUnit, hint: str) -> KoboMessage:
    message = KoboMessage.objects.create(system_id=unit.system_id, kobo_id=unit.kobo_id, hint=hint)
    if KoboWebhook.objects.filter(system_id=unit.system_id).exclude(url="").exists():
        background.send_on_commit(DELIVER_TASK)
    return message


@transaction.atomic
def register(system: str, api_key: str, url: str | None) -> KoboWebhook:
    """Registering again replaces the key (rotation); the URL stays unless a new one is given."""
    hook, _ = KoboWebhook.objects.get_or_create(system_id=system, defaults={"api_key": api_key})
    hook.api_key = api_key
    if url:
        hook.url = url
    hook.save()
    background.send_on_commit(DELIVER_TASK)  # whatever waited for a receiver
    return hook


def due(now=None):
    now = now or timezone.now()
    ready = KoboWebhook.objects.exclude(url="").values_list("system_id", flat=True)
    return KoboMessage.objects.filter(delivered_at=None, system_id__in=list(ready)).filter(
        Q(next_attempt_at=None) | Q(next_attempt_at__lte=now)
    )


def deliver_due() -> int:
    """Send every due message once; the number delivered."""
    delivered = 0
    for message_id in list(due().values_list("pk", flat=True)):
        delivered += deliver(message_id)
    return delivered


def deliver(message_id: int) -> bool:
    now = timezone.now()
    claimed = due(now).filter(pk=message_id).update(next_attempt_at=now + CLAIM, attempts=F("attempts") + 1)
    if not claimed:  # delivered, not due, or another worker has it
        return False
    message = KoboMessage.objects.get(pk=message_id)
    hook = KoboWebhook.objects.get(system_id=message.system_id)
    body = {
        "meldingId": str(message.message_id),
        "koboBoligId": str(message.kobo_id),
        "hint": message.hint,
        "tidspunkt": message.created_at.isoformat(timespec="seconds"),
    }
    headers = {API_KEY_HEADER: hook.api_key, "x-kobo-systemid": message.system_id}
    try:
        response = requests.post(hook.url, json=body, headers=headers, timeout=TIMEOUT)
        outcome = str(response.status_code)
        ok = 200 <= response.status_code < 300
    except requests.RequestException as exc:
        outcome, ok = type(exc).__name__, False
    if ok:
        KoboMessage.objects.filter(pk=message_id).update(delivered_at=timezone.now(), last_status=outcome)
        return True
    wait = min(FIRST_RETRY * 2 ** (message.attempts - 1), LONGEST_WAIT)
    logger.info("Kobo webhook %s not delivered (%s); next try in %s s", message.message_id, outcome, wait.seconds)
    KoboMessage.objects.filter(pk=message_id).update(next_attempt_at=timezone.now() + wait, last_status=outcome)
    return False
