"""One middleware guards every staff URL: anonymous → login, tenant → 403, staff without TOTP → set it up."""

import pytest
from django.urls import reverse

from apps.staff.models import AuditEntry

STAFF_URLS = [
    ("get", reverse("staff:queue")),
    ("get", reverse("staff:work_order", args=[1])),
    ("post", reverse("staff:move_status", args=[1])),
]


@pytest.mark.parametrize(("method", "url"), STAFF_URLS)
def test_an_anonymous_visitor_is_sent_to_the_login(client, method, url, backend_calls):
    response = getattr(client, method)(url, {"status": "GODK"} if method == "post" else {})
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))
    assert len(backend_calls) == 0


@pytest.mark.parametrize(("method", "url"), STAFF_URLS)
def test_a_tenant_gets_403(client, alice, method, url, backend_calls):
    client.force_login(alice)
    response = getattr(client, method)(url, {"status": "GODK"} if method == "post" else {})
    assert response.status_code == 403
    assert len(backend_calls) == 0


@pytest.mark.parametrize(("method", "url"), STAFF_URLS)
def test_staff_without_totp_are_sent_to_set_it_up_and_cannot_act(client, staff, method, url, backend_calls):
    client.force_login(staff)
    response = getattr(client, method)(url, {"status": "GODK"} if method == "post" else {}, follow=False)
    assert response.status_code == 302
    assert response["Location"] == reverse("mfa_activate_totp")
    assert len(backend_calls) == 0
    assert not AuditEntry.objects.exists()


def test_the_totp_redirect_says_why(client, staff):
    client.force_login(staff)
    response = client.get(reverse("staff:queue"), follow=True)
    assert "tvåstegsverifiering" in response.content.decode()


def test_staff_pages_are_never_cached(staff_client, settings, unreachable):
    settings.FAST2_BASE_URL = f"{unreachable}/fast2"
    response = staff_client.get(reverse("staff:queue"))
    assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]


def test_the_rest_of_the_portal_is_not_guarded_by_it(client, alice):
    client.force_login(alice)
    response = client.get(reverse("account_email"))
    assert response.status_code == 200
