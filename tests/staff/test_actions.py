"""Staff actions besides status: add a händelse, change priority, plan a visit; each one audited."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from apps.staff.models import AuditEntry
from tests.staff.conftest import a_row

pytestmark = pytest.mark.integration


def url(name: str, work_order_id: int) -> str:
    return reverse(f"staff:{name}", args=[work_order_id])


def test_a_händelse_is_added_and_audited(staff_client, staff_with_totp, live_sandbox):
    row = a_row("PAGAR")
    body = {"type_code": "BOM", "title": "Ingen hemma", "text": "Lapp i dörren."}
    response = staff_client.post(url("add_event", row.pk), body)
    assert response.status_code == 302
    html = staff_client.get(url("work_order", row.pk)).content.decode()
    assert "Ingen hemma" in html and "Lapp i dörren." in html and "Händelsen är sparad." in html
    entry = AuditEntry.objects.get(work_order_id=row.pk)
    assert (entry.action, entry.after, entry.actor) == (AuditEntry.Action.EVENT, "Ingen hemma", staff_with_totp)


def test_a_händelse_without_a_title_keeps_what_was_typed(staff_client, live_sandbox):
    row = a_row("PAGAR")
    response = staff_client.post(url("add_event", row.pk), {"type_code": "BOM", "title": "", "text": "Mitt utkast"})
    html = response.content.decode()
    assert response.status_code == 400
    assert "<title>Fel:" in html and 'href="#id_title"' in html and "Mitt utkast" in html
    assert not AuditEntry.objects.exists()


def test_the_priority_is_changed_and_audited(staff_client, live_sandbox):
    row = a_row("REG")
    staff_client.post(url("change_priority", row.pk), {"priority": "30"})
    row.refresh_from_db()
    assert row.priority == 30
    entry = AuditEntry.objects.get(work_order_id=row.pk)
    assert (entry.action, entry.before, entry.after) == (AuditEntry.Action.PRIORITY, "10", "30")
    assert "Akut" in staff_client.get(url("work_order", row.pk)).content.decode()


def test_a_visit_is_planned_and_the_tenant_sees_it(staff_client, live_sandbox):
    from apps.backends.pm5 import get_client

    row = a_row("GODK")
    response = staff_client.post(url("plan", row.pk), {"day": "2030-05-14", "from_time": "08:00", "to_time": "12:00"})
    assert response.status_code == 302
    html = staff_client.get(url("work_order", row.pk)).content.decode()
    assert "2030-05-14 08:00–12:00" in html
    entry = AuditEntry.objects.get(work_order_id=row.pk)
    assert (entry.action, entry.after) == (AuditEntry.Action.PLANNING, "2030-05-14 08:00–12:00")
    pm5 = get_client()
    key = pm5.open_session(customer_number=row.errand.customer.customer_number)
    errand = pm5.get_errand(key, row.errand_id)
    assert any(r.planned_at and r.planned_at.date().isoformat() == "2030-05-14" for r in errand.rows)


def test_a_time_window_that_ends_before_it_starts_is_refused(staff_client, live_sandbox):
    row = a_row("GODK")
    response = staff_client.post(url("plan", row.pk), {"day": "2030-05-14", "from_time": "12:00", "to_time": "08:00"})
    assert response.status_code == 400
    assert 'href="#id_to_time"' in response.content.decode()
    row.refresh_from_db()
    assert row.planned_at is None or row.planned_at.year != 2030


def test_a_finished_work_order_cannot_be_planned(staff_client, live_sandbox):
    row = a_row("UTFÖRD")
    html = staff_client.get(url("work_order", row.pk)).content.decode()
    assert url("plan", row.pk) not in html
    response = staff_client.post(url("plan", row.pk), {"day": "2030-05-14", "from_time": "08:00"}, follow=True)
    assert "kan inte längre ändras" in response.content.decode()
    assert not AuditEntry.objects.exists()


@pytest.mark.parametrize("name", ["add_event", "change_priority", "plan", "close_sla", "add_contact"])
def test_the_actions_take_post_only(staff_client, name):
    assert staff_client.get(url(name, 1)).status_code == 405


@pytest.mark.parametrize("name", ["add_event", "change_priority", "plan", "close_sla", "add_contact"])
def test_the_actions_are_guarded_like_every_staff_url(client, alice, name):
    assert client.post(url(name, 1), {}).status_code == 302
    client.force_login(alice)
    assert client.post(url(name, 1), {}).status_code == 403


def test_a_breached_sla_is_flagged_and_can_be_closed_once(staff_client, live_sandbox):
    from apps.sandbox.models import ErrandRow

    row = a_row("REG")
    # Akut is agreed within a day; the demo's errands may be from today, so this one is from two days ago.
    ErrandRow.objects.filter(pk=row.pk).update(priority=30, registered_at=timezone.now() - timedelta(days=2))
    html = staff_client.get(url("work_order", row.pk)).content.decode()
    assert "sla-breached" in html and "Överskriden med" in html
    staff_client.post(url("close_sla", row.pk))
    html = staff_client.get(url("work_order", row.pk)).content.decode()
    assert "SLA:n är avslutad." in html and url("close_sla", row.pk) not in html
    entry = AuditEntry.objects.get(work_order_id=row.pk)
    assert entry.action == AuditEntry.Action.SLA
    response = staff_client.post(url("close_sla", row.pk), follow=True)
    assert "redan avslutad" in response.content.decode()
    assert AuditEntry.objects.count() == 1


def add_gun(staff_client, row) -> int:
    from apps.sandbox.models import WorkOrderContact

    staff_client.post(url("add_contact", row.pk), {"new-name": "Gun Gode", "new-mobile": "070-123 45 67"})
    return WorkOrderContact.objects.get(row=row).pk


def test_a_contact_person_is_added_changed_and_removed_and_each_is_audited(staff_client, live_sandbox):
    from apps.sandbox.models import WorkOrderContact

    row = a_row("PAGAR")
    contact_id = add_gun(staff_client, row)
    html = staff_client.get(url("work_order", row.pk)).content.decode()
    assert "Gun Gode" in html and "070-123 45 67" in html
    edit = reverse("staff:edit_contact", args=[row.pk, contact_id])
    assert 'value="Gun Gode"' in staff_client.get(edit).content.decode()
    response = staff_client.post(edit, {"name": "Gun Gode", "email": "gun@example.se"})
    assert response.status_code == 302
    assert WorkOrderContact.objects.get(pk=contact_id).email == "gun@example.se"
    staff_client.post(reverse("staff:remove_contact", args=[row.pk, contact_id]))
    assert not WorkOrderContact.objects.filter(pk=contact_id).exists()
    actions = list(
        AuditEntry.objects.filter(work_order_id=row.pk).order_by("pk").values_list("action", "before", "after")
    )
    assert actions == [
        (AuditEntry.Action.CONTACT_ADDED, "", "Gun Gode, 070-123 45 67"),
        (AuditEntry.Action.CONTACT_CHANGED, "Gun Gode, 070-123 45 67", "Gun Gode, gun@example.se"),
        (AuditEntry.Action.CONTACT_REMOVED, "Gun Gode, gun@example.se", ""),
    ]


def test_a_contact_person_of_another_work_order_is_404_and_left_alone(staff_client, live_sandbox):
    from apps.sandbox.models import WorkOrderContact

    owner, other = a_row("PAGAR"), a_row("REG")
    contact_id = add_gun(staff_client, owner)
    AuditEntry.objects.all().delete()
    assert staff_client.get(reverse("staff:edit_contact", args=[other.pk, contact_id])).status_code == 404
    assert (
        staff_client.post(reverse("staff:edit_contact", args=[other.pk, contact_id]), {"name": "X"}).status_code == 404
    )
    assert staff_client.post(reverse("staff:remove_contact", args=[other.pk, contact_id])).status_code == 404
    assert WorkOrderContact.objects.get(pk=contact_id).name == "Gun Gode"
    assert not AuditEntry.objects.exists()


def test_a_contact_person_without_a_name_keeps_what_was_typed(staff_client, live_sandbox):
    row = a_row("PAGAR")
    response = staff_client.post(url("add_contact", row.pk), {"new-name": "", "new-mobile": "070-999"})
    html = response.content.decode()
    assert response.status_code == 400 and 'href="#id_new-name"' in html and "070-999" in html
