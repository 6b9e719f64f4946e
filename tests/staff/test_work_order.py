"""One work order: what staff see, the status steps offered, and the audit log of each move."""

import pytest
from django.urls import reverse
from django.utils.html import escape

from apps.staff.models import AuditEntry
from tests.staff.conftest import a_row

pytestmark = pytest.mark.integration


def detail(work_order_id: int) -> str:
    return reverse("staff:work_order", args=[work_order_id])


def move(work_order_id: int) -> str:
    return reverse("staff:move_status", args=[work_order_id])


def test_it_shows_the_work_order_and_its_events(staff_client, live_sandbox):
    row = a_row("PAGAR")
    html = staff_client.get(detail(row.pk)).content.decode()
    assert row.errand.number in html
    assert row.errand.rental_object.number in html
    assert "Accepterad" in html
    if row.description:
        assert row.description.splitlines()[0] in html
    for entry in row.history.all():
        assert escape(entry.label) in html


def test_only_the_allowed_steps_are_offered(staff_client, live_sandbox):
    html = staff_client.get(detail(a_row("REG").pk)).content.decode()
    assert 'value="GODK"' in html and 'value="MAK"' in html
    assert 'value="PAGAR"' not in html and 'value="UTFÖRD"' not in html
    finished = staff_client.get(detail(a_row("MAK").pk)).content.decode()
    assert 'name="status"' not in finished


def test_moving_a_status_is_written_to_the_audit_log_and_shown(staff_client, staff_with_totp, live_sandbox):
    row = a_row("REG")
    response = staff_client.post(move(row.pk), {"status": "GODK"})
    assert response.status_code == 302 and response["Location"] == detail(row.pk)
    row.refresh_from_db()
    assert row.status == "GODK"
    [entry] = AuditEntry.objects.filter(work_order_id=row.pk)
    assert (entry.actor, entry.actor_email, entry.action, entry.before, entry.after) == (
        staff_with_totp,
        staff_with_totp.email,
        AuditEntry.Action.STATUS,
        "REG",
        "GODK",
    )
    html = staff_client.get(detail(row.pk)).content.decode()
    assert "Statusen är nu Beställd" in html
    assert staff_with_totp.email in html and "Status ändrad" in html


def test_the_tenant_sees_the_new_status(staff_client, live_sandbox):
    from apps.backends.pm5 import get_client

    row = a_row("GODK")
    staff_client.post(move(row.pk), {"status": "PAGAR"})
    pm5 = get_client()
    key = pm5.open_session(customer_number=row.errand.customer.customer_number)
    errand = pm5.get_errand(key, row.errand_id)
    assert any(h.label == "Accepterad" for r in errand.rows for h in r.history)


def test_a_step_the_backend_does_not_offer_is_refused_and_not_logged(staff_client, live_sandbox):
    row = a_row("REG")
    response = staff_client.post(move(row.pk), {"status": "UTFÖRD"}, follow=True)
    assert "kan inte ändras så" in response.content.decode()
    row.refresh_from_db()
    assert row.status == "REG"
    assert not AuditEntry.objects.exists()


def test_a_made_up_status_is_refused(staff_client, live_sandbox, backend_calls):
    row = a_row("REG")
    response = staff_client.post(move(row.pk), {"status": "KLAR"}, follow=True)
    assert "Välj en av de statusar" in response.content.decode()
    assert not AuditEntry.objects.exists()


def test_an_unknown_work_order_is_404(staff_client, live_sandbox):
    assert staff_client.get(detail(99999999)).status_code == 404
    assert staff_client.post(move(99999999), {"status": "GODK"}).status_code == 404


def test_wrong_methods_are_405(staff_client):
    assert staff_client.get(move(1)).status_code == 405
    assert staff_client.post(detail(1)).status_code == 405


def test_a_backend_that_is_down_gives_a_calm_page_and_keeps_the_status(staff_client, settings, unreachable):
    settings.FAST2_BASE_URL = f"{unreachable}/fast2"
    response = staff_client.get(detail(1))
    assert response.status_code == 503
    assert "kan inte visas just nu" in response.content.decode()
    response = staff_client.post(move(1), {"status": "GODK"}, follow=True)
    assert "kunde inte ändras just nu" in response.content.decode()
    assert not AuditEntry.objects.exists()
