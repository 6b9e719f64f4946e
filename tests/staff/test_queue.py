"""The work-order queue: filters, paging, counts per status, htmx, a backend that is down."""

import re
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from apps.staff import services
from tests.staff.conftest import a_row

QUEUE = reverse("staff:queue")
pytestmark = pytest.mark.integration


def ids_on(html: str) -> list[int]:
    return [int(i) for i in re.findall(r'href="/personal/arbetsorder/(\d+)/"', html)]


def test_it_lists_work_orders_with_counts_per_status(staff_client, live_sandbox):
    from apps.sandbox.models import ErrandRow

    html = staff_client.get(QUEUE).content.decode()
    assert len(ids_on(html)) == min(25, ErrandRow.objects.count())
    registered = ErrandRow.objects.filter(status="REG").count()
    assert f"Registrerad</a>: {registered}" in html


def test_it_filters_by_status(staff_client, live_sandbox):
    from apps.sandbox.models import ErrandRow

    html = staff_client.get(QUEUE, {"status": "UTFÖRD"}).content.decode()
    ids = ids_on(html)
    assert ids and set(ids) <= set(ErrandRow.objects.filter(status="UTFÖRD").values_list("pk", flat=True))


def test_it_filters_by_priority_and_object(staff_client, live_sandbox):
    from apps.sandbox.models import ErrandRow

    row = a_row("REG")
    ErrandRow.objects.filter(pk=row.pk).update(priority=30)
    urgent = ids_on(staff_client.get(QUEUE, {"priority": "30"}).content.decode())
    assert row.pk in urgent
    assert set(urgent) == set(ErrandRow.objects.filter(priority=30).values_list("pk", flat=True)[:25])
    number = row.errand.rental_object.number
    on_object = ids_on(staff_client.get(QUEUE, {"object_id": number}).content.decode())
    assert row.pk in on_object
    assert set(on_object) == set(
        ErrandRow.objects.filter(errand__rental_object__number=number).values_list("pk", flat=True)
    )


def test_free_text_finds_the_errand_number(staff_client, live_sandbox):
    row = a_row("PAGAR")
    html = staff_client.get(QUEUE, {"text": row.errand.number}).content.decode()
    assert set(ids_on(html)) == set(row.errand.rows.values_list("pk", flat=True))


def test_it_pages(staff_client, live_sandbox, monkeypatch):
    from apps.sandbox.models import ErrandRow

    monkeypatch.setattr(services, "PAGE_SIZE", 3)
    first = staff_client.get(QUEUE).content.decode()
    second = staff_client.get(QUEUE, {"sida": 2}).content.decode()
    assert "sida=2" in first and "sida=1" in second
    assert len(ids_on(first)) == 3
    everything = list(ErrandRow.objects.order_by("-registered_at", "-pk").values_list("pk", flat=True))
    assert ids_on(first) + ids_on(second) == everything[:6]


def test_a_bad_filter_is_shown_with_the_error_summary_and_nothing_is_fetched(staff_client, backend_calls):
    response = staff_client.get(QUEUE, {"created_after": "igår", "object_id": "142 043"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "<title>Fel:" in html
    assert 'href="#id_created_after"' in html and 'href="#id_object_id"' in html
    assert len(backend_calls) == 0


def test_htmx_gets_the_results_only(staff_client, live_sandbox):
    response = staff_client.get(QUEUE, {"status": "REG"}, headers={"HX-Request": "true"})
    html = response.content.decode()
    assert "<html" not in html and "Antal per status" in html and ids_on(html)
    assert "HX-Request" in response["Vary"]


def test_the_queue_is_read_only(staff_client):
    assert staff_client.post(QUEUE).status_code == 405


def test_a_backend_that_is_down_gives_a_calm_page(staff_client, settings, unreachable):
    settings.FAST2_BASE_URL = f"{unreachable}/fast2"
    response = staff_client.get(QUEUE)
    assert response.status_code == 200
    assert "kan inte visas just nu" in response.content.decode()


def test_a_tenants_new_report_appears_in_the_queue(staff_client, live_sandbox):
    from apps.backends.pm5 import get_client
    from apps.backends.pm5.errands_types import FaultReportRequest, ReportRow

    pm5 = get_client()
    key = pm5.open_session(customer_number=live_sandbox.alice.number)
    row = ReportRow(
        path="n245612-n512431-n188452-n422831",
        description="Frysen låter som en traktor",
        key_handling_id=2,
        key_note=None,
        fault_type_id=13,
    )
    errand_id = pm5.create_fault_report(
        key, FaultReportRequest(head_node_id="n245612", rows=(row,), contact=None, pets=None)
    )
    number = pm5.get_errand(key, errand_id).number

    html = staff_client.get(QUEUE, {"status": "REG"}).content.decode()
    assert number in html and "Frysen låter som en traktor" in html


def test_it_filters_by_the_day_of_the_last_change(staff_client, live_sandbox):
    from apps.sandbox.models import ErrandRow, ErrandRowHistoryEntry

    row = a_row("REG")
    today = timezone.localdate()
    long_ago = timezone.now() - timedelta(days=10)
    ErrandRow.objects.update(registered_at=long_ago)
    ErrandRowHistoryEntry.objects.update(at=long_ago)
    ErrandRowHistoryEntry.objects.create(row=row, label="Hos handläggare", at=timezone.now(), user="Personal")

    changed = ids_on(staff_client.get(QUEUE, {"modified_after": today.isoformat()}).content.decode())

    assert changed == [row.pk]


def test_a_day_of_the_last_change_that_is_no_date_is_shown_at_the_field(staff_client, backend_calls):
    page = staff_client.get(QUEUE, {"modified_after": "igår"}).content.decode()
    assert 'href="#id_modified_after"' in page
    assert "Skriv datumet som ÅÅÅÅ-MM-DD." in page
    assert 'value="igår"' in page
    assert len(backend_calls) == 0
