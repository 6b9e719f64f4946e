"""The work-order page asks its backends at once, not one after another."""

import threading
from concurrent.futures import ThreadPoolExecutor

import pytest

from apps.backends import parallel
from apps.staff import services
from apps.staff.errand_rows import ErrandRows


class BarrierClient:
    """A FAST2 client whose reads only return once all five are under way together."""

    def __init__(self, work_order):
        self.barrier = threading.Barrier(5, timeout=10)
        self._work_order = work_order

    def work_order(self, work_order_id):
        return self._work_order

    def _together(self, answer):
        self.barrier.wait()  # BrokenBarrierError if the reads came one by one
        return answer

    def events(self, work_order_id):
        return self._together([])

    def status_choices(self, work_order_id):
        return self._together([])

    def sla(self, work_order_id):
        return self._together("sla")

    def contacts(self, work_order_id):
        return self._together([])

    def times(self, work_order_id):
        return self._together([])

    def activities(self):
        return []


class ClosedWorkOrder:
    is_open = False  # no choices of where to move it: only the six reads


@pytest.mark.django_db
def test_the_reads_after_the_work_order_run_at_the_same_time(monkeypatch):
    work_order = ClosedWorkOrder()
    client = BarrierClient(work_order)
    monkeypatch.setattr(services.fast2, "get_client", lambda: client)
    monkeypatch.setattr(services, "event_types", lambda: [])
    monkeypatch.setattr(services, "for_work_order", lambda wo: ErrandRows(missing=wo is not work_order))
    # Whatever STAFF_PARALLEL_READS says here, the barrier needs all six reads at once.
    monkeypatch.setattr(parallel, "_READS", ThreadPoolExecutor(max_workers=6))

    page = services.work_order_page(7)

    assert page.work_order is work_order and page.sla == "sla"
    assert page.errand_rows == ErrandRows()


@pytest.mark.django_db
def test_a_failing_read_fails_the_page_as_before(monkeypatch):
    from apps.backends.errors import BackendUnavailable

    client = BarrierClient(ClosedWorkOrder())
    client.barrier = threading.Barrier(1)

    def down(work_order_id):
        raise BackendUnavailable("FAST2 sla: HTTP 503")

    client.sla = down
    monkeypatch.setattr(services.fast2, "get_client", lambda: client)
    monkeypatch.setattr(services, "event_types", lambda: [])
    monkeypatch.setattr(services, "for_work_order", lambda wo: ErrandRows())
    pool = ThreadPoolExecutor(max_workers=6)
    monkeypatch.setattr(parallel, "_READS", pool)

    with pytest.raises(BackendUnavailable):
        services.work_order_page(7)
    # The other reads may still be running: done before this test's client is put away, or
    # a late one would ask the next test's client, in this test's context.
    pool.shutdown(wait=True)


@pytest.mark.django_db
def test_each_parallel_read_runs_with_the_request_id_of_the_page(monkeypatch):
    from portal import request_id

    seen: list[str | None] = []
    client = BarrierClient(ClosedWorkOrder())
    client.barrier = threading.Barrier(1)
    for name in ("events", "status_choices", "sla", "contacts", "times"):
        answer = getattr(client, name)

        def recording(*args, _answer=answer):
            seen.append(request_id.current())
            return _answer(*args)

        setattr(client, name, recording)
    monkeypatch.setattr(services.fast2, "get_client", lambda: client)
    monkeypatch.setattr(services, "event_types", lambda: [])
    monkeypatch.setattr(services, "for_work_order", lambda wo: seen.append(request_id.current()) or ErrandRows())
    # Threads started before the request: they must not keep the context they were made in.
    pool = ThreadPoolExecutor(max_workers=2)
    pool.submit(lambda: None).result()
    monkeypatch.setattr(parallel, "_READS", pool)

    token = request_id._request_id.set("page-view-7")
    try:
        services.work_order_page(7)
    finally:
        request_id._request_id.reset(token)
        pool.shutdown()

    assert seen == ["page-view-7"] * 6


class OpenWorkOrder:
    is_open, object_id, room_id, unit_id = True, "142-043-01", 512431, 422831


@pytest.mark.django_db
def test_an_open_work_orders_places_are_read_with_the_rest(monkeypatch):
    work_order = OpenWorkOrder()
    client = BarrierClient(work_order)
    client.barrier = threading.Barrier(8, timeout=10)  # five reads and the three lists, all at once
    client.rooms = lambda object_id: client._together(["kök"])
    client.units = lambda room_id: client._together(["frys"])
    client.phrases = lambda unit_id: client._together(["kyler inte"])
    monkeypatch.setattr(services.fast2, "get_client", lambda: client)
    monkeypatch.setattr(services, "event_types", lambda: [])
    monkeypatch.setattr(services, "for_work_order", lambda wo: ErrandRows())
    monkeypatch.setattr(parallel, "_READS", ThreadPoolExecutor(max_workers=9))

    page = services.work_order_page(7)

    assert page.places == services.Places(rooms=("kök",), units=("frys",), phrases=("kyler inte",))
