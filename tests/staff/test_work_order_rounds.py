"""The staff pages' backend calls and the rounds they wait for, against the sandbox (#18).

The work order: the work order, then everything else at once (two rounds); the
value lists its forms offer are cached, so a page seen before reads only what is
the work order's own. The queue: its page and the counts per status at once.
"""

import pytest
from django.urls import reverse

from tests.backend_rounds import install
from tests.staff.conftest import a_row

pytestmark = pytest.mark.integration

WORK_ORDER_OWN = {  # the reads of the second round that belong to the work order: never cached
    "/handelser",
    "/status/vardelista",
    "/sla",
    "/kontaktpersoner",
    "/tider",
    "/errands/",
}


@pytest.fixture
def rounds(monkeypatch, live_sandbox):
    return install(monkeypatch)


def paths(round_: list[str]) -> str:
    return " ".join(sorted(round_))


def an_open_work_order_with_a_place():
    """A work order in progress, as FAST2 has it: open, in an utrymme and an enhet."""
    from apps.backends import fast2

    work_order = fast2.get_client().work_order(a_row("PAGAR").pk)
    assert work_order.is_open and work_order.room_id and work_order.unit_id
    return work_order


def test_the_work_order_page_is_two_rounds_and_seven_calls_once_its_lists_are_cached(staff_client, rounds):
    row = an_open_work_order_with_a_place()  # and the FAST2 tokens, as any earlier page leaves them
    rounds.reset()

    first = staff_client.get(reverse("staff:work_order", args=[row.id]))

    assert first.status_code == 200
    work_order, rest = rounds.rounds
    assert work_order == [f"GET /sandbox/fast2/ao-produkt/v1/arbetsorder/{row.id}"]
    assert len(rest) == 11, paths(rest)  # the work order's own six, the two value lists, the three places
    for wanted in ("handelser/vardelista", "aktiviteter/vardelista", "/utrymmen", "/enheter", "/fraser"):
        assert any(wanted in call for call in rest), wanted

    rounds.reset()
    again = staff_client.get(reverse("staff:work_order", args=[row.id]))

    assert again.status_code == 200
    work_order, rest = rounds.rounds
    assert len(work_order) == 1 and len(rest) == 6 and rounds.most_at_once == 6, paths(rest)
    assert all(any(own in call for own in WORK_ORDER_OWN) for call in rest), paths(rest)
    assert again.content.count(b"<option") == first.content.count(b"<option"), "the same choices, from the cache"


def test_another_work_order_in_the_same_objekt_reads_its_utrymmen_from_the_cache(staff_client, rounds):
    from apps.backends import fast2

    work_order = an_open_work_order_with_a_place()
    staff_client.get(reverse("staff:work_order", args=[work_order.id]))
    same_objekt = fast2.get_client().work_orders(fast2.WorkOrderQuery(object_id=work_order.object_id))
    neighbour = next((wo for wo in same_objekt if wo.is_open and wo.id != work_order.id), None)
    assert neighbour is not None, "the demo has two open work orders on one objekt"
    rounds.reset()

    assert staff_client.get(reverse("staff:work_order", args=[neighbour.id])).status_code == 200

    assert len(rounds.rounds) == 2
    assert not any("/utrymmen" in call for call in rounds.calls), "the objekt's utrymmen are cached"


def test_the_queue_reads_its_page_and_the_counts_at_once(staff_client, rounds):
    staff_client.get(reverse("staff:work_order", args=[a_row("REG").pk]))  # the FAST2 tokens, no counts
    rounds.reset()

    assert staff_client.get(reverse("staff:queue")).status_code == 200
    assert len(rounds.rounds) == 1 and rounds.most_at_once == 2, rounds.rounds

    rounds.reset()
    assert staff_client.get(reverse("staff:queue")).status_code == 200
    assert [len(round_) for round_ in rounds.rounds] == [1], "the counts are cached"
