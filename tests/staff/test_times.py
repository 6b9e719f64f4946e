"""Time on the work-order page: list, add, change, delete, the timer and the total; each audited."""

import pytest
from django.urls import reverse

from apps.staff.models import AuditEntry
from tests.staff.conftest import a_row

pytestmark = pytest.mark.integration


def page(work_order_id: int) -> str:
    return reverse("staff:work_order", args=[work_order_id])


def a_time(**changes) -> dict:
    return {"time-activity": "102", "time-day": "2030-05-14", "time-hours": "1", "time-minutes": "30"} | changes


def test_time_is_added_shown_with_a_total_and_audited(staff_client, staff_with_totp, live_sandbox):
    row = a_row("PAGAR")
    response = staff_client.post(page(row.pk), a_time(add_time="1"))
    assert response.status_code == 302 and response["Location"] == page(row.pk) + "#tider"
    staff_client.post(
        page(row.pk),
        a_time(
            add_time="1", **{"time-hours": "", "time-minutes": "", "time-start_time": "08:00", "time-end_time": "10:15"}
        ),
    )
    html = staff_client.get(page(row.pk)).content.decode().replace("\xa0", " ")
    assert "Tiden är sparad." in html and "Reparation" in html and "08:00–10:15" in html
    assert "1 tim 30 min" in html and "2 tim 15 min" in html and "3 tim 45 min" in html  # the two and their total
    entry = AuditEntry.objects.filter(work_order_id=row.pk).last()
    assert (entry.action, entry.actor, entry.after) == (
        AuditEntry.Action.TIME_ADDED,
        staff_with_totp,
        "2030-05-14, 1 h 30 min, Reparation",
    )


def test_time_is_changed_and_deleted(staff_client, live_sandbox):
    row = a_row("PAGAR")
    staff_client.post(page(row.pk), a_time(add_time="1"))
    [entry] = row.times.all()
    form = staff_client.get(page(row.pk), {"tid": entry.pk}).content.decode()
    assert "Ändra tid" in form and f'name="change_time" value="{entry.pk}"' in form and 'value="30"' in form
    staff_client.post(page(row.pk), a_time(change_time=str(entry.pk), **{"time-hours": "2", "time-minutes": "0"}))
    entry.refresh_from_db()
    assert (entry.hours, entry.minutes) == (2, 0)
    staff_client.post(page(row.pk), {"delete_time": str(entry.pk)})
    assert not row.times.exists()
    actions = list(AuditEntry.objects.filter(work_order_id=row.pk).values_list("action", flat=True))
    assert actions == [AuditEntry.Action.TIME_REMOVED, AuditEntry.Action.TIME_CHANGED, AuditEntry.Action.TIME_ADDED]


def test_the_timer_starts_and_stops_once(staff_client, live_sandbox):
    row = a_row("GODK")
    staff_client.post(page(row.pk), {"start_timer": "1"})
    html = staff_client.get(page(row.pk)).content.decode()
    assert "Tidtagning pågår sedan" in html and 'name="stop_timer"' in html
    twice = staff_client.post(page(row.pk), {"start_timer": "1"}, follow=True).content.decode()
    assert "redan en tid som pågår" in twice
    staff_client.post(page(row.pk), {"stop_timer": "1"})
    assert not row.times.filter(running_since__isnull=False).exists()
    actions = set(AuditEntry.objects.filter(work_order_id=row.pk).values_list("action", flat=True))
    assert actions == {AuditEntry.Action.TIMER_STARTED, AuditEntry.Action.TIMER_STOPPED}


def test_time_without_a_length_keeps_what_was_typed(staff_client, live_sandbox):
    row = a_row("PAGAR")
    response = staff_client.post(page(row.pk), a_time(add_time="1", **{"time-hours": "", "time-minutes": ""}))
    html = response.content.decode()
    assert response.status_code == 400
    assert "<title>Fel:" in html and 'href="#id_time-hours"' in html and 'value="2030-05-14"' in html
    assert not row.times.exists() and not AuditEntry.objects.exists()


def test_a_closed_work_order_refuses_time_with_the_backends_reason_in_the_form(staff_client, live_sandbox):
    row = a_row("UTFÖRD")
    html = staff_client.get(page(row.pk)).content.decode()
    assert 'name="add_time"' not in html and 'name="start_timer"' not in html
    response = staff_client.post(page(row.pk), a_time(add_time="1"))  # a page opened before it was closed
    html = response.content.decode()
    assert response.status_code == 409
    assert 'id="time-error"' in html and "tar inte emot tider" in html and 'value="2030-05-14"' in html
    assert not row.times.exists() and not AuditEntry.objects.exists()


def test_another_work_orders_time_is_404_and_left_alone(staff_client, live_sandbox):
    mine, other = a_row("PAGAR"), a_row("GODK")
    staff_client.post(page(other.pk), a_time(add_time="1"))
    [theirs] = other.times.all()
    assert staff_client.get(page(mine.pk), {"tid": theirs.pk}).status_code == 404
    assert staff_client.post(page(mine.pk), {"delete_time": str(theirs.pk)}).status_code == 404
    assert staff_client.post(page(mine.pk), a_time(change_time=str(theirs.pk))).status_code == 404
    assert other.times.filter(pk=theirs.pk, hours=1, minutes=30).exists()


def test_a_post_without_a_known_action_is_400(staff_client, backend_calls):
    assert staff_client.post(page(1), {"shout": "1"}).status_code == 400


def test_without_javascript_every_time_action_is_a_plain_form(staff_client, live_sandbox):
    row = a_row("PAGAR")
    staff_client.post(page(row.pk), a_time(add_time="1"))
    html = staff_client.get(page(row.pk)).content.decode()
    action = f'method="post" action="{page(row.pk)}'
    assert html.count(action) >= 3  # delete, timer, the time form
    assert 'name="delete_time"' in html and 'name="add_time"' in html and 'name="start_timer"' in html


def test_fast2_down_keeps_the_time_form_calm(staff_client, settings, unreachable):
    settings.FAST2_BASE_URL = unreachable
    response = staff_client.post(page(7), a_time(add_time="1"), follow=True)
    assert response.status_code in (200, 503)
    assert "Försök igen om en stund" in response.content.decode()


def test_a_refusal_naming_a_field_is_shown_at_that_field(staff_client, live_sandbox, monkeypatch):
    from apps.backends.errors import BackendRefused
    from apps.backends.fast2.client import Fast2Client

    def refuse(self, work_order_id, entry):
        raise BackendRefused("sluttid ska vara efter starttid.", status=400)

    monkeypatch.setattr(Fast2Client, "add_time", refuse)
    row = a_row("PAGAR")
    response = staff_client.post(page(row.pk), a_time(add_time="1"))
    html = response.content.decode()
    assert response.status_code == 409
    assert 'id="id_time-end_time_error"' in html and "sluttid ska vara efter starttid." in html
