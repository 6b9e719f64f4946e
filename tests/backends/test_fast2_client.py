"""The FAST2 client against the sandbox over real HTTP: tokens, work orders, status, händelser."""

import time

import pytest
from django.core.cache import cache

from apps.backends.errors import BackendNotFound, BackendRefused, BackendUnavailable
from apps.backends.fast2 import WorkOrderQuery, get_client
from apps.backends.fast2.client import GATEWAY_KEY, RESOURCE_KEY

pytestmark = pytest.mark.integration


def token_calls(backend_calls) -> list[str]:
    return [
        url.rsplit("/", 2)[-2] + "/" + url.rsplit("/", 1)[-1]
        for _, url in backend_calls.calls
        if "token" in url or "login" in url
    ]


def open_row(status: str = "REG"):
    from apps.sandbox.models import ErrandRow

    return ErrandRow.objects.filter(status=status).order_by("pk").first()


def test_it_lists_and_reads_work_orders(live_sandbox):
    client = get_client()
    orders = client.work_orders(WorkOrderQuery(statuses=("REG",)), limit=5)
    assert orders and all(wo.status == "REG" for wo in orders)
    one = client.work_order(orders[0].id)
    assert one == orders[0]
    assert one.object_id and one.registered_at.tzinfo is not None


def test_it_pages_with_offset_and_limit(live_sandbox):
    client = get_client()
    first = client.work_orders(WorkOrderQuery(), offset=0, limit=2)
    second = client.work_orders(WorkOrderQuery(), offset=2, limit=2)
    assert [wo.id for wo in first + second] == [wo.id for wo in client.work_orders(WorkOrderQuery(), limit=4)]


def test_it_moves_a_status_the_backend_offers_and_reports_a_refusal(live_sandbox):
    client = get_client()
    row = open_row("REG")
    assert [s.code for s in client.status_choices(row.pk)] == ["GODK", "MAK"]
    client.set_status(row.pk, "GODK")
    assert client.status(row.pk).code == "GODK"
    with pytest.raises(BackendRefused) as refused:
        client.set_status(row.pk, "UTFÖRD")
    assert refused.value.status == 409 and "GODK" in refused.value.message


def test_it_reads_and_adds_händelser(live_sandbox):
    client = get_client()
    row = open_row("PAGAR")
    types = client.event_types()
    assert "BOM" in {t.code for t in types}
    new_id = client.add_event(row.pk, title="Ingen hemma", text="Lapp i dörren.", type_code="BOM")
    events = client.events(row.pk)
    assert any(e.id == new_id and e.text == "Lapp i dörren." for e in events)


def test_it_reads_changes_and_deletes_a_händelse(live_sandbox):
    from datetime import date

    from apps.backends.fast2 import EventChange

    client = get_client()
    row = open_row("PAGAR")
    new_id = client.add_event(row.pk, title="Ingen hemma", text="", type_code="BOM")
    fresh = client.event(new_id)
    assert fresh.modified_by == fresh.created_by and fresh.active_from == fresh.registered_at.date()
    change = EventChange("Hemma efter 16", "Ring först.", "KONT", date(2030, 1, 1), date(2030, 1, 31))
    client.update_event(new_id, change)
    changed = client.event(new_id)
    assert (changed.title, changed.text, changed.type_code) == ("Hemma efter 16", "Ring först.", "KONT")
    assert (changed.active_from, changed.active_to) == (date(2030, 1, 1), date(2030, 1, 31))
    with pytest.raises(BackendRefused) as refused:
        client.update_event(new_id, EventChange("", "", "KONT"))
    assert refused.value.status == 400 and "rubrik" in refused.value.message
    client.delete_event(new_id)
    with pytest.raises(BackendNotFound):
        client.event(new_id)


def test_an_unknown_work_order_is_not_found(live_sandbox):
    with pytest.raises(BackendNotFound):
        get_client().work_order(99999999)


def test_it_caches_both_tokens_between_calls_and_clients(live_sandbox, backend_calls):
    get_client().work_orders(WorkOrderQuery(), limit=1)
    assert token_calls(backend_calls) == ["oauth2/token", "auth/login"]
    backend_calls.reset()
    get_client().work_orders(WorkOrderQuery(), limit=1)
    assert token_calls(backend_calls) == []
    assert len(backend_calls) == 1


def test_reads_made_at_once_without_tokens_log_in_once(live_sandbox, backend_calls, monkeypatch):
    """A staff page's reads at once, tokens expired: one waits for the other's login rather than logging in too."""
    from concurrent.futures import ThreadPoolExecutor

    from tests.backend_rounds import install

    install(monkeypatch)  # each call held until the others made at once have come: the race, every time
    client = get_client()
    with ThreadPoolExecutor(max_workers=2) as pool:
        reads = [pool.submit(client.work_orders, WorkOrderQuery(), limit=1) for _ in range(2)]
        assert all(read.result() for read in reads)

    assert token_calls(backend_calls) == ["oauth2/token", "auth/login"]


def test_it_logs_in_again_before_the_resource_token_expires(live_sandbox, settings, backend_calls):
    settings.SANDBOX_FAST2_RESOURCE_TTL_SECONDS = 61  # cached for one second: a minute's margin
    client = get_client()
    client.work_orders(WorkOrderQuery(), limit=1)
    time.sleep(1.2)
    backend_calls.reset()
    client.work_orders(WorkOrderQuery(), limit=1)
    assert token_calls(backend_calls) == ["auth/login"], "the gateway token is still good"


def test_a_401_drops_the_tokens_and_the_call_is_made_once_more(live_sandbox, backend_calls):
    client = get_client()
    client.work_orders(WorkOrderQuery(), limit=1)
    cache.set(RESOURCE_KEY.format(username=client.username), "revoked-by-the-backend", 600)
    backend_calls.reset()
    orders = client.work_orders(WorkOrderQuery(), limit=1)
    assert orders
    assert token_calls(backend_calls) == ["oauth2/token", "auth/login"]
    assert cache.get(RESOURCE_KEY.format(username=client.username)) != "revoked-by-the-backend"


def test_wrong_gateway_credentials_are_refused(live_sandbox, settings):
    settings.FAST2_CLIENT_SECRET = "wrong"
    with pytest.raises(BackendRefused):
        get_client().work_orders(WorkOrderQuery())
    assert cache.get(GATEWAY_KEY) is None


def test_a_backend_that_does_not_answer_is_unavailable(settings, unreachable):
    settings.FAST2_BASE_URL = f"{unreachable}/fast2"
    with pytest.raises(BackendUnavailable):
        get_client().work_orders(WorkOrderQuery())


def test_no_token_reaches_a_log_line(live_sandbox, caplog, settings):
    settings.FAST2_CLIENT_SECRET = "wrong"
    with pytest.raises(BackendRefused):
        get_client().work_orders(WorkOrderQuery())
    assert "wrong" not in caplog.text


def test_it_sets_the_priority_and_the_planning(live_sandbox):
    from datetime import date

    from apps.backends.fast2 import Planning

    client = get_client()
    row = open_row("GODK")
    client.set_priority(row.pk, "30")
    client.set_planning(row.pk, Planning(day=date(2030, 5, 14), from_time="08:00", to_time="12:00"))
    wo = client.work_order(row.pk)
    assert wo.priority_code == "30" and wo.planning == Planning(date(2030, 5, 14), "08:00", "12:00")
    client.set_planning(row.pk, None)
    assert client.work_order(row.pk).planning is None


def test_it_reads_and_closes_the_sla(live_sandbox):
    client = get_client()
    row = open_row("REG")
    sla = client.sla(row.pk)
    assert sla.start and sla.agreed_end and not sla.closed
    client.close_sla(row.pk)
    closed = client.sla(row.pk)
    assert closed.closed and closed.start == sla.start


def test_it_adds_changes_and_removes_a_contact_person(live_sandbox):
    from datetime import date

    from apps.backends.fast2 import Contact

    client = get_client()
    row = open_row("PAGAR")
    contact_id = client.add_contact(
        row.pk, Contact(name="Gun Gode", mobile="070-123 45 67", valid_from=date(2030, 1, 1))
    )
    [contact] = client.contacts(row.pk)
    assert (contact.id, contact.name, contact.valid_from, contact.work_order_id) == (
        contact_id,
        "Gun Gode",
        date(2030, 1, 1),
        row.pk,
    )
    client.update_contact(contact_id, Contact(name="Gun Gode", email="gun@example.se"))
    assert client.contacts(row.pk)[0].email == "gun@example.se"
    client.delete_contact(contact_id)
    assert client.contacts(row.pk) == []


def test_it_sends_only_the_fields_a_change_sets(live_sandbox):
    from apps.backends.fast2 import WorkOrderChange

    client = get_client()
    row = open_row("GODK")
    before = client.work_order(row.pk)
    client.update_work_order(row.pk, WorkOrderChange(remark="Garanti?", access_code="J"))
    after = client.work_order(row.pk)
    assert (after.remark, after.access_code) == ("Garanti?", "J")
    assert (after.description, after.priority_code, after.performer_id) == (
        before.description,
        before.priority_code,
        before.performer_id,
    )
    with pytest.raises(BackendRefused) as refused:
        client.update_work_order(row.pk, WorkOrderChange(kind_code="T"))
    assert refused.value.status == 400 and refused.value.message.startswith("arbetsordertypKod")
