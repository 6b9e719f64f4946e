"""Changing and deleting a händelse on the work-order page; system händelser stay as they are."""

import pytest
from django.urls import reverse

from apps.staff.models import AuditEntry
from tests.staff.conftest import a_row

pytestmark = pytest.mark.integration


def page(work_order_id: int) -> str:
    return reverse("staff:work_order", args=[work_order_id])


def an_event(row, title: str = "Ingen hemma"):
    from django.utils import timezone

    from apps.sandbox.models import ErrandRowHistoryEntry

    return ErrandRowHistoryEntry.objects.create(
        row=row, label=title, text="Lapp i dörren.", type_code="BOM", at=timezone.now(), user="Handläggare"
    )


def changed(event_id: int, **fields) -> dict:
    body = {"event-type_code": "KONT", "event-title": "Hemma efter 16", "event-text": "Ring först."}
    return body | {f"event-{k}": v for k, v in fields.items()} | {"change_event": str(event_id)}


def test_a_händelse_is_opened_changed_and_audited(staff_client, staff_with_totp, live_sandbox):
    row = a_row("PAGAR")
    event = an_event(row)
    form = staff_client.get(page(row.pk), {"handelse": event.pk}).content.decode()
    assert "Ändra händelsen Ingen hemma" in form and 'value="Ingen hemma"' in form
    response = staff_client.post(page(row.pk), changed(event.pk, active_from="2030-01-01", active_to="2030-01-31"))
    assert response.status_code == 302 and response["Location"] == page(row.pk) + "#handelser"
    event.refresh_from_db()
    assert (event.label, event.type_code, str(event.active_to)) == ("Hemma efter 16", "KONT", "2030-01-31")
    assert event.modified_by == "Handläggare Mina sidor"
    html = staff_client.get(page(row.pk)).content.decode()
    assert "Händelsen är ändrad." in html and "Hemma efter 16" in html and "2030-01-01–2030-01-31" in html
    entry = AuditEntry.objects.get(work_order_id=row.pk)
    assert (entry.action, entry.before, entry.after, entry.actor) == (
        AuditEntry.Action.EVENT_CHANGED,
        "Ingen hemma",
        "Hemma efter 16 (2030-01-01–2030-01-31)",
        staff_with_totp,
    )


def test_a_händelse_is_deleted_and_audited(staff_client, live_sandbox):
    row = a_row("PAGAR")
    event = an_event(row)
    response = staff_client.post(page(row.pk), {"delete_event": str(event.pk)}, follow=True)
    assert "Händelsen är borttagen." in response.content.decode()
    assert not row.history.filter(pk=event.pk).exists()
    entry = AuditEntry.objects.get(work_order_id=row.pk)
    assert (entry.action, entry.before, entry.after) == (AuditEntry.Action.EVENT_REMOVED, "Ingen hemma", "")


def test_a_change_without_a_title_keeps_what_was_typed(staff_client, live_sandbox):
    row = a_row("PAGAR")
    event = an_event(row)
    response = staff_client.post(page(row.pk), changed(event.pk, title="", text="Mitt utkast"))
    html = response.content.decode()
    assert response.status_code == 400
    assert "<title>Fel:" in html and 'href="#id_event-title"' in html and "Mitt utkast" in html
    event.refresh_from_db()
    assert event.label == "Ingen hemma" and not AuditEntry.objects.exists()


def test_a_refusal_is_shown_at_the_field_it_names(staff_client, live_sandbox, monkeypatch):
    from apps.backends.errors import BackendRefused
    from apps.backends.fast2.client import Fast2Client

    def refuse(self, event_id, change):
        raise BackendRefused("aktivTom ska vara samma dag som aktivFrom eller senare.", status=400)

    monkeypatch.setattr(Fast2Client, "update_event", refuse)
    row = a_row("PAGAR")
    event = an_event(row)
    response = staff_client.post(page(row.pk), changed(event.pk))
    html = response.content.decode()
    assert response.status_code == 409
    assert 'id="id_event-active_to_error"' in html and "aktivTom ska vara" in html and "Ring först." in html


def test_a_system_händelse_or_another_work_orders_is_404_and_left_alone(staff_client, live_sandbox):
    mine, other = a_row("PAGAR"), a_row("GODK")
    theirs = an_event(other)
    system = mine.history.filter(type_code="SYS").first()
    for event in filter(None, (theirs, system)):
        assert staff_client.get(page(mine.pk), {"handelse": event.pk}).status_code == 404
        assert staff_client.post(page(mine.pk), changed(event.pk)).status_code == 404
        assert staff_client.post(page(mine.pk), {"delete_event": str(event.pk)}).status_code == 404
    theirs.refresh_from_db()
    assert theirs.label == "Ingen hemma" and not AuditEntry.objects.exists()


def test_without_javascript_change_and_delete_are_a_link_and_a_plain_form(staff_client, live_sandbox):
    row = a_row("PAGAR")
    event = an_event(row)
    html = staff_client.get(page(row.pk)).content.decode()
    assert f'href="?handelse={event.pk}#handelser"' in html
    assert f'name="delete_event" value="{event.pk}"' in html
    assert 'name="delete_event" value="{}"'.format(row.history.filter(type_code="SYS").first().pk) not in html
