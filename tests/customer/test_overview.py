"""The overview page: what a tenant sees first after logging in."""

from decimal import Decimal

import pytest
from django.urls import reverse

from apps.customer.services import SESSION_KEY_NAME

OVERVIEW = reverse("customer:overview")


def test_an_anonymous_visitor_is_sent_to_log_in(client):
    response = client.get(OVERVIEW)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


def test_a_staff_account_without_a_customer_sees_no_tenant_data(client, staff):
    client.force_login(staff)
    response = client.get(OVERVIEW)
    assert response.status_code == 403
    assert "inte kopplat till någon hyresgäst" in response.text


def test_it_refuses_a_post(client, alice):
    client.force_login(alice)
    assert client.post(OVERVIEW).status_code == 405


@pytest.mark.integration
def test_it_shows_the_tenants_own_figures_from_the_backend(client, alice, live_sandbox):
    from apps.sandbox.models import Customer

    client.force_login(alice)
    response = client.get(OVERVIEW)

    assert response.status_code == 200
    customer = Customer.objects.get(customer_number=live_sandbox.alice.number)
    overview = response.context["overview"]
    assert overview.customer_number == live_sandbox.alice.number
    assert overview.name == f"{customer.first_name} {customer.last_name}"
    assert overview.rent_balance == customer_balance(customer, "Avi")
    assert overview.invoice_balance == customer_balance(customer, "Faktura")
    assert overview.open_errands, "demo customer 1 has open errands"
    assert overview.active_address is not None, "demo customer 1 has an active temporary address"
    assert f"{live_sandbox.alice.number}" in response.text
    assert "no-store" in response.headers["Cache-Control"], "personal data is never cached"


@pytest.mark.integration
def test_it_never_shows_another_tenants_data(client, alice, bob, live_sandbox):
    client.force_login(bob)
    response = client.get(OVERVIEW)
    assert response.context["overview"].customer_number == live_sandbox.bob.number
    assert live_sandbox.alice.number not in response.text


@pytest.mark.integration
def test_a_page_costs_at_most_one_backend_call_and_none_when_cached(client, alice, live_sandbox, backend_calls):
    client.force_login(alice)
    client.get(OVERVIEW)  # obtains the key and reads the session
    backend_calls.reset()

    client.get(OVERVIEW)
    assert len(backend_calls) == 0, "the session data is cached"

    from django.core.cache import cache

    cache.clear()
    client.get(OVERVIEW)
    assert len(backend_calls) == 1


@pytest.mark.integration
def test_it_obtains_a_new_key_when_the_backend_has_forgotten_it(client, alice, live_sandbox):
    from apps.sandbox.models import SessionKey

    client.force_login(alice)
    assert client.get(OVERVIEW).status_code == 200
    old_key = client.session[SESSION_KEY_NAME]
    SessionKey.objects.all().delete()
    from django.core.cache import cache

    cache.clear()

    response = client.get(OVERVIEW)

    assert response.status_code == 200
    assert client.session[SESSION_KEY_NAME] != old_key


@pytest.mark.integration
def test_the_backend_session_key_never_reaches_the_browser(client, alice, live_sandbox):
    client.force_login(alice)
    response = client.get(OVERVIEW)
    key = client.session[SESSION_KEY_NAME]
    assert key not in response.text
    assert all(key not in cookie.value for cookie in response.cookies.values())


def test_a_failing_backend_gets_a_calm_page(client, alice, settings, unreachable):
    settings.PM5_BASE_URL = f"{unreachable}/pm5"
    client.force_login(alice)
    response = client.get(OVERVIEW)
    assert response.status_code == 503
    assert "Vi kan inte visa dina uppgifter just nu" in response.text
    assert "Traceback" not in response.text


@pytest.mark.integration
def test_logging_in_obtains_the_backend_session(client, alice, live_sandbox):
    response = client.post(reverse("account_login"), {"login": "alice@example.se", "password": "Alice-password-1"})
    assert response.status_code == 302
    assert client.session.get(SESSION_KEY_NAME)


def customer_balance(customer, kind: str) -> Decimal:
    from apps.sandbox.models import Notice

    notices = Notice.objects.filter(customer=customer, kind=kind)
    return sum((n.remaining for n in notices), Decimal("0.00"))


@pytest.mark.integration
def test_it_links_to_every_area_a_tenant_can_use(client, alice, live_sandbox):
    client.force_login(alice)
    response = client.get(OVERVIEW)
    for name in [
        "invoices:list",
        "faults:start",
        "faults:errands",
        "addresses:list",
        "contacts:details",
        "documents:list",
    ]:
        assert f'href="{reverse(name)}"' in response.text, name


def test_a_staff_account_sees_no_tenant_menu(client, staff):
    client.force_login(staff)
    response = client.get(OVERVIEW)
    assert f'href="{reverse("invoices:list")}"' not in response.text


@pytest.mark.integration
def test_an_unfinished_fault_report_is_offered_to_continue(client, alice, live_sandbox):
    client.force_login(alice)
    assert "Fortsätt din felanmälan" not in client.get(OVERVIEW).text

    client.post(reverse("faults:start"))  # starts a draft

    response = client.get(OVERVIEW)
    draft = response.context["draft"]
    assert draft is not None
    assert reverse("faults:resume", args=[draft.public_id]) in response.text


@pytest.mark.integration
def test_two_tenants_by_turns_each_see_only_their_own_overview(alice, bob, live_sandbox):
    """The overview's content is kept per process (``{% kept %}``): never handed to another tenant."""
    from django.test import Client

    alices, bobs = Client(), Client()
    alices.force_login(alice)
    bobs.force_login(bob)

    for _ in range(2):  # the second time round, both pages' content is kept
        alices_page, bobs_page = alices.get(OVERVIEW).text, bobs.get(OVERVIEW).text
        assert live_sandbox.alice.number in alices_page and live_sandbox.bob.number not in alices_page
        assert live_sandbox.bob.number in bobs_page and live_sandbox.alice.number not in bobs_page
