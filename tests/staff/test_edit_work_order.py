"""Editing a work order's own fields on its page: only what changed is sent, audited, refusals at the field."""

import pytest
from django.urls import reverse

from apps.staff.models import AuditEntry
from tests.staff.conftest import a_row

pytestmark = pytest.mark.integration


def page(work_order_id: int) -> str:
    return reverse("staff:work_order", args=[work_order_id])


def economy_of(row) -> dict:
    """The economy and invoicing fields as the page shows them (FAST2 derives what nobody set)."""
    from apps.backends.fast2 import get_client
    from apps.staff import editing

    now = editing.current(get_client().work_order(row.pk))
    fields = (*editing.ECONOMY, "invoice_amount")
    return {name: now[name] for name in fields} | ({"to_invoice": "on"} if now["to_invoice"] else {})


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
    current |= {f"wo-{name}": "" if value is None else str(value) for name, value in economy_of(row).items()}
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


def a_unit_row():
    """An open work order on an enhet, alone in its errand (so its customer may change)."""
    from apps.sandbox.models import ErrandRow

    for row in ErrandRow.objects.filter(status="GODK").select_related("node__kind").order_by("pk"):
        if row.node.kind.level in ("unit", "part") and row.errand.rows.count() == 1:
            return row
    pytest.skip("the demo has no such work order")


def test_the_page_offers_the_objekts_rooms_and_the_rooms_units_and_moves_it(staff_client, live_sandbox):
    from apps.sandbox.models import Node

    row = a_unit_row()
    html = staff_client.get(page(row.pk)).content.decode()
    room = row.node.parent if row.node.kind.level == "unit" else row.node.parent.parent
    assert 'name="wo-room_id"' in html and f'<option value="{room.id.lstrip("n")}" selected>' in html
    other = Node.objects.filter(parent=room, kind__level="unit").exclude(pk=row.node_id).first()
    if other is None:
        pytest.skip("the demo's room has one unit")
    response = staff_client.post(page(row.pk), form_of(row, unit_id=other.id.lstrip("n")))
    assert response.status_code == 302
    row.refresh_from_db()
    assert row.node_id == other.id and row.fault_type_id is None  # the old fras is not of the new enhet
    assert "unit_id" in AuditEntry.objects.get(work_order_id=row.pk).after


def test_economy_and_invoicing_are_changed_and_audited(staff_client, live_sandbox):
    row = a_unit_row()
    changes = {"cost_centre": "KST 12", "material_cost": "350,50", "to_invoice": "on", "invoice_amount": "1200"}
    response = staff_client.post(page(row.pk), form_of(row, **changes))
    assert response.status_code == 302
    row.refresh_from_db()
    assert row.economy["konterinfRefKst"] == "KST 12" and row.economy["materialkostnad"] == "350.50"
    assert row.invoicing == {"faktureras": True, "fakturaBelopp": "1200.00"}
    html = staff_client.get(page(row.pk)).content.decode()
    assert 'value="KST 12"' in html and "checked" in html.split('name="wo-to_invoice"')[1][:80]


def test_an_invoice_amount_without_invoicing_and_a_bad_amount_are_said_at_their_fields(staff_client, live_sandbox):
    row = a_unit_row()
    response = staff_client.post(page(row.pk), form_of(row, invoice_amount="500", cost="mycket"))
    html = response.content.decode()
    assert response.status_code == 400 and 'id="id_wo-invoice_amount_error"' in html and 'id="id_wo-cost_error"' in html
    assert not AuditEntry.objects.exists()


def test_an_unknown_customer_number_is_refused_at_its_field_and_kept_out_of_the_log(staff_client, live_sandbox):
    row = a_unit_row()
    response = staff_client.post(page(row.pk), form_of(row, customer_number="99999999"))
    html = response.content.decode()
    assert response.status_code == 409 and 'id="id_wo-customer_number_error"' in html and "kundNr" in html
    assert not AuditEntry.objects.exists()


def test_a_unit_of_another_objekt_is_refused_by_fast2_at_its_field(staff_client, live_sandbox):
    from apps.sandbox.models import Node

    row = a_unit_row()
    elsewhere = Node.objects.exclude(rental_object=row.errand.rental_object).filter(kind__level="unit").first()
    response = staff_client.post(page(row.pk), form_of(row, unit_id=elsewhere.id.lstrip("n")))
    assert response.status_code == 409 and 'id="id_wo-unit_id_error"' in response.content.decode()
    row.refresh_from_db()
    assert row.node_id != elsewhere.id
