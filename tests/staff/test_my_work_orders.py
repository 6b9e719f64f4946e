"""A technician's queue opens on their own work orders (FAST2 utforare), with counts per status."""

import re

import pytest
from django.urls import reverse

from apps.staff.models import StaffResource

QUEUE = reverse("staff:queue")
pytestmark = pytest.mark.integration


def ids_on(html: str) -> set[int]:
    return {int(i) for i in re.findall(r'href="/personal/arbetsorder/(\d+)/"', html)}


@pytest.fixture
def technician(staff_with_totp, live_sandbox):
    """The staff member works as the FAST2 resource of the supplier with the most work orders."""
    from collections import Counter

    from apps.sandbox.fast2.resources import resource_ids
    from apps.sandbox.models import ErrandParticipant

    performers = ErrandParticipant.objects.filter(role=ErrandParticipant.Role.HANDLER, row__isnull=False)
    name, _ = Counter(performers.values_list("display_name", flat=True)).most_common(1)[0]
    StaffResource.objects.create(user=staff_with_totp, resource_id=resource_ids()[name])
    return {p.row_id: p.row.status for p in performers.filter(display_name=name).select_related("row")}


def test_the_queue_opens_on_the_technicians_own_work_orders_with_counts(staff_client, technician):
    html = staff_client.get(QUEUE).content.decode()
    assert "<h1>Mina arbetsorder</h1>" in html and "Mina arbetsorder per status" in html
    assert ids_on(html) == set(technician)
    registered = sum(1 for status in technician.values() if status == "REG")
    assert f'href="/personal/?scope=mina&amp;status=REG">Registrerad</a>: {registered}' in html
    assert '<option value="mina" selected>' in html


def test_everyones_work_orders_are_one_choice_away(staff_client, technician):
    from apps.sandbox.models import ErrandRow

    html = staff_client.get(QUEUE, {"scope": "alla"}).content.decode()
    assert "<h1>Arbetsorder</h1>" in html and "Antal per status" in html
    assert len(ids_on(html)) == min(25, ErrandRow.objects.count()) > len(technician)


def test_the_technicians_filters_narrow_their_own_list(staff_client, technician):
    html = staff_client.get(QUEUE, {"scope": "mina", "status": "UTFÖRD"}).content.decode()
    assert ids_on(html) == {pk for pk, status in technician.items() if status == "UTFÖRD"}


def test_an_unknown_choice_is_shown_at_the_field_and_nothing_is_fetched(staff_client, staff_with_totp, backend_calls):
    StaffResource.objects.create(user=staff_with_totp, resource_id="R1")
    html = staff_client.get(QUEUE, {"scope": "grannens"}).content.decode()
    assert "<title>Fel:" in html and 'href="#id_scope"' in html
    assert len(backend_calls) == 0


def test_staff_who_are_no_utforare_see_every_work_order_and_no_choice(staff_client, live_sandbox):
    html = staff_client.get(QUEUE).content.decode()
    assert "<h1>Arbetsorder</h1>" in html and 'name="scope"' not in html
