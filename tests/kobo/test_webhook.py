"""Kobo's webhook: the key checked, a repeat changes nothing, the work done by a task that reads the unit."""

import json
import re
import uuid

import pytest
from django.core.signals import request_started
from django.urls import reverse

from apps.kobo.models import UnitCopy, WebhookMessage
from apps.kobo.services import copy
from tests.kobo.conftest import KALLE_OBJECT, kobo_caught_up, sandbox_unit, wait_for

URL = reverse("kobo:webhook")
KEY = "sandbox-kobo-webhook-key-0001"


@pytest.fixture
def unit_reads(kobo_copy) -> list[str]:
    """The units the sandbox's Kobo was asked for (GET /kobobolig/{id}) since the copy filled, by whichever process.

    Counted where the sandbox answers (the live server, in this process), so reads from the
    production path's worker count as well as those of tasks run in-process.
    """
    reads: list[str] = []
    one_unit = re.compile(r"/sandbox/kobo/kobobolig/([^/]+)$")

    def count(sender, environ, **kwargs) -> None:
        if environ.get("REQUEST_METHOD") == "GET" and (read := one_unit.search(environ.get("PATH_INFO", ""))):
            reads.append(read.group(1))

    request_started.connect(count, weak=False)
    yield reads
    request_started.disconnect(count)


def post(client, body, key: str | None = KEY):
    headers = {"x-api-key": key} if key is not None else {}
    return client.post(URL, data=json.dumps(body), content_type="application/json", headers=headers)


@pytest.mark.django_db
@pytest.mark.parametrize("key", [None, "", "wrong-key", KEY + "x", KEY[:-1]])
def test_a_message_without_the_registered_key_is_refused(client, key):
    response = post(client, {"koboBoligId": str(uuid.uuid4()), "hint": "TILDELING"}, key=key)

    assert response.status_code == 401
    assert not WebhookMessage.objects.exists()


@pytest.mark.django_db
def test_no_key_configured_lets_nothing_in(client, settings):
    settings.KOBO_WEBHOOK_API_KEY = ""

    assert post(client, {"koboBoligId": str(uuid.uuid4())}, key="").status_code == 401


@pytest.mark.django_db
@pytest.mark.parametrize("body", ["not json", {"hint": "TILDELING"}, {"koboBoligId": "142-043-01"}, [1, 2]])
def test_a_message_naming_no_unit_is_a_bad_request(client, body):
    response = client.post(
        URL,
        data=body if isinstance(body, str) else json.dumps(body),
        content_type="application/json",
        headers={"x-api-key": KEY},
    )

    assert response.status_code == 400


@pytest.mark.django_db
def test_only_post_is_served(client):
    assert client.get(URL, headers={"x-api-key": KEY}).status_code == 405


@pytest.mark.integration
def test_registering_fills_the_copy_from_kobos_own_messages(kobo_copy):
    kalle = UnitCopy.objects.get(object_number=KALLE_OBJECT)

    assert str(kalle.kobo_id) == str(sandbox_unit(KALLE_OBJECT).kobo_id)
    assert kalle.lease_start.isoformat() == "2019-04-01" and kalle.status == "UTLEID"
    assert UnitCopy.objects.exclude(allocation_case="").count() == 1
    assert UnitCopy.objects.filter(allocation_new=True).count() == 1  # the demo's allocation is new to the portal
    assert not WebhookMessage.objects.filter(processed_at=None).exists()


@pytest.mark.integration
def test_a_repeated_message_is_answered_at_once_and_does_no_work_twice(kobo_copy, client, unit_reads):
    body = {"meldingId": str(uuid.uuid4()), "koboBoligId": str(sandbox_unit(KALLE_OBJECT).kobo_id), "hint": "ENDRET"}

    first = post(client, body)
    second = post(client, body)

    assert first.status_code == 202 and second.status_code == 200
    assert second.json()["duplicate"] is True
    kobo_caught_up()
    assert unit_reads == [body["koboBoligId"]]
    assert WebhookMessage.objects.filter(message_id=body["meldingId"]).count() == 1


@pytest.mark.integration
def test_a_new_allocation_in_kobo_reaches_the_copy_as_new(kobo_copy, settings):
    from apps.backends.kobo import get_client
    from apps.sandbox.models import KoboCase

    KoboCase.objects.create(reference="SAK-NY-1")
    vacant = UnitCopy.objects.filter(lease_start=None, allocation_case="").first() or UnitCopy.objects.get(
        allocation_new=True
    )
    UnitCopy.objects.update(allocation_new=False)
    if vacant.allocation_case:
        get_client().remove_allocation(str(vacant.kobo_id), vacant.allocation_case)

    get_client().allocate(str(vacant.kobo_id), "SAK-NY-1")  # Kobo sends TILDELING; the task reads the unit

    kobo_caught_up()
    vacant.refresh_from_db()
    assert vacant.allocation_case == "SAK-NY-1" and vacant.allocation_new


@pytest.mark.integration
def test_a_refresh_that_fails_is_left_for_the_sweep(kobo_copy, sandbox_behaviour, client):
    body = {"meldingId": str(uuid.uuid4()), "koboBoligId": str(sandbox_unit(KALLE_OBJECT).kobo_id), "hint": "ENDRET"}
    sandbox_behaviour(outage=True)

    assert post(client, body).status_code == 202
    message = wait_for(  # the refresh was tried and is over (its Celery retry comes 30 s later)
        "the refresh tried",
        lambda: WebhookMessage.objects.filter(message_id=body["meldingId"], attempts__gte=1).first(),
    )
    assert message.processed_at is None and message.attempts == 1

    sandbox_behaviour(outage=False)
    WebhookMessage.objects.filter(pk=message.pk).update(received_at=message.received_at.replace(year=2020))
    assert copy.sweep() == 1
    kobo_caught_up()
    message.refresh_from_db()
    assert message.processed_at is not None


@pytest.mark.integration
def test_a_soft_deleted_unit_leaves_the_copy(kobo_copy):
    from apps.backends.kobo import get_client

    unit = UnitCopy.objects.get(object_number=KALLE_OBJECT)
    get_client().delete_unit(str(unit.kobo_id))

    kobo_caught_up()
    unit.refresh_from_db()
    assert unit.deleted
