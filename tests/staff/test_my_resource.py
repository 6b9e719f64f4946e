"""Min resurs: a staff member without a FAST2 resource sets their own, once, among the utförare FAST2 shows."""

import pytest
from django.urls import reverse
from django.utils.html import escape

from apps.staff.models import AuditEntry, StaffResource

pytestmark = pytest.mark.integration

URL = reverse("staff:my_resource")


def a_resource() -> tuple[str, str]:
    from apps.sandbox.fast2.resources import resource_ids

    name, rid = sorted(resource_ids().items())[0]
    return rid, name


def test_a_staff_member_without_one_chooses_theirs_and_the_queue_opens_on_it(
    staff_client, live_sandbox, staff_with_totp
):
    queue = staff_client.get(reverse("staff:queue")).content.decode()
    assert f'href="{URL}"' in queue
    rid, name = a_resource()
    page = staff_client.get(URL).content.decode()
    assert "<h1>Min resurs i FAST2</h1>" in page and f'<option value="{rid}">{escape(name)} ({rid})</option>' in page

    response = staff_client.post(URL, {"resource": rid})

    assert response.status_code == 302 and response["Location"] == reverse("staff:queue")
    assert StaffResource.objects.get(user=staff_with_totp).resource_id == rid
    entry = AuditEntry.objects.get(action=AuditEntry.Action.RESOURCE_SET)
    assert entry.work_order_id is None and entry.after.startswith(rid)
    assert "Mina arbetsorder" in staff_client.get(reverse("staff:queue")).content.decode()


def test_once_set_it_is_shown_and_not_replaced(staff_client, live_sandbox, staff_with_totp):
    StaffResource.objects.create(user=staff_with_totp, resource_id="R1")
    assert "Du arbetar som resurs R1." in staff_client.get(URL).content.decode()
    rid, _ = a_resource()
    assert staff_client.post(URL, {"resource": rid}).status_code == 409
    assert StaffResource.objects.get(user=staff_with_totp).resource_id == "R1"
    assert not AuditEntry.objects.exists()


@pytest.mark.parametrize(("value", "message"), [("", "Välj din resurs."), ("R999999", "FAST2 har ingen utförare")])
def test_no_choice_or_a_resource_fast2_does_not_show_is_said_at_the_field(staff_client, live_sandbox, value, message):
    response = staff_client.post(URL, {"resource": value})
    html = response.content.decode()
    assert response.status_code == 400 and 'id="id_resource_error"' in html and message in html
    assert "<title>Fel:" in html and not StaffResource.objects.exists()


def test_fast2_down_is_the_calm_page(staff_client, live_sandbox, sandbox_behaviour):
    sandbox_behaviour(outage=True)
    response = staff_client.get(URL)
    assert response.status_code == 503 and "Resurserna kan inte visas just nu" in response.content.decode()


def test_tenants_cannot_reach_it(client, alice):
    client.force_login(alice)
    assert client.get(URL).status_code in (403, 404)
