"""Editing a work order's own fields on its page: only what changed is sent, audited, refusals at the field."""

import pytest
from django.urls import reverse

from apps.staff.models import AuditEntry
from tests.staff.conftest import a_row

pytestmark = pytest.mark.integration


def page(work_order_id: int) -> str:
    return reverse("staff:work_order", args=[work_order_id])


def form_of(row, **changes) -> dict:
    current = {
        "wo-description": row.description,
        "wo-remark": row.remark,
        "wo-action_taken": row.action,
        "wo-unit_note": row.specification,
        "wo-kind_code": "U" if row.errand.kind == "Underhall" else "F",
        "wo-access_code": ("J" if row.key_handling.permits_entry else "N") if row.key_handling else "",
        "wo-performer_id": "",
    }
    return current | {f"wo-{k}": v for k, v in changes.items()} | {"edit_work_order": "1"}


def test_the_description_and_remark_are_changed_and_audited(staff_client, staff_with_totp, live_sandbox):
    row = a_row("GODK")
    html = staff_client.get(page(row.pk)).content.decode()
    assert 'name="edit_work_order"' in html and 'id="andra-arbetsordern"' in html
    response = staff_client.post(page(row.pk), form_of(row, description="Byt hela blandaren.", remark="Garanti?"))
    assert response.status_code == 302 and response["Location"].endswith("#andra-arbetsordern")
    row.refresh_from_db()
    assert (row.description, row.remark) == ("Byt hela blandaren.", "Garanti?")
    entry = AuditEntry.objects.get(work_order_id=row.pk)
    assert entry.action == AuditEntry.Action.EDITED and "description: Byt hela blandaren." in entry.after
    assert "Arbetsordern är ändrad." in staff_client.get(page(row.pk)).content.decode()


def test_nothing_changed_sends_and_logs_nothing(staff_client, live_sandbox):
    row = a_row("GODK")
    response = staff_client.post(page(row.pk), form_of(row), follow=True)
    assert "Inget var ändrat." in response.content.decode() and not AuditEntry.objects.exists()


def test_an_unknown_resource_is_refused_at_its_field(staff_client, live_sandbox):
    row = a_row("GODK")
    response = staff_client.post(page(row.pk), form_of(row, performer_id="R999999", description="Nytt"))
    html = response.content.decode()
    assert response.status_code == 409
    assert 'id="id_wo-performer_id_error"' in html and "ingen känd utförare" in html and "Nytt" in html
    row.refresh_from_db()
    assert row.description != "Nytt" and not AuditEntry.objects.exists()


def test_bad_input_keeps_what_was_typed(staff_client, live_sandbox):
    row = a_row("GODK")
    response = staff_client.post(page(row.pk), form_of(row, kind_code="X", remark="Mitt utkast"))
    html = response.content.decode()
    assert response.status_code == 400 and "<title>Fel:" in html and "Mitt utkast" in html


def test_a_closed_work_order_offers_no_edit_and_refuses_one(staff_client, live_sandbox):
    row = a_row("UTFÖRD")
    assert 'name="edit_work_order"' not in staff_client.get(page(row.pk)).content.decode()
    response = staff_client.post(page(row.pk), form_of(row, description="Sent"))
    assert response.status_code == 409 and "kan inte längre ändras" in response.content.decode()
    assert not AuditEntry.objects.exists()


def test_an_unknown_work_order_is_404(staff_client, live_sandbox):
    row = a_row("GODK")
    assert staff_client.post(page(999999), form_of(row, description="x")).status_code == 404
