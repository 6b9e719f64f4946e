"""Planned maintenance: on the overview and on its own page, from the session data the overview already reads."""

import pytest
from django.urls import reverse
from django.utils import timezone

pytestmark = pytest.mark.integration

MAINTENANCE = reverse("home:maintenance")
OVERVIEW = reverse("customer:overview")


def plan(customer_number: str):
    from apps.sandbox.models import Maintenance

    return Maintenance.objects.filter(rental_object__leases__customer__customer_number=customer_number).distinct()


def test_the_page_lists_what_is_planned_soonest_first_and_what_is_done(logged_in, live_sandbox):
    upcoming = list(plan(live_sandbox.alice.number).filter(done_on__isnull=True).order_by("planned_on"))
    done = plan(live_sandbox.alice.number).filter(done_on__isnull=False).first()
    assert upcoming and done, "the demo plans work in alice's home and has done some"

    response = logged_in.get(MAINTENANCE)

    assert response.status_code == 200
    html = response.text
    positions = [html.index(f"<strong>{item.target}</strong>") for item in upcoming]
    assert positions == sorted(positions), "soonest first"
    for item in upcoming:
        assert f'<time datetime="{item.planned_on.isoformat()}">{item.planned_on.isoformat()}</time>' in html
    assert f'Utfört <time datetime="{done.done_on.isoformat()}">' in html


def test_the_overview_shows_the_next_planned_work_and_the_offers_waiting_without_another_call(
    logged_in, live_sandbox, backend_calls
):
    soonest = (
        plan(live_sandbox.alice.number)
        .filter(done_on__isnull=True, planned_on__gte=timezone.localdate())
        .order_by("planned_on")
        .first()
    )

    response = logged_in.get(OVERVIEW)

    assert f"<strong>{soonest.target}</strong>" in response.text
    assert "Du har 2 erbjudanden att svara på." in response.text
    assert reverse("home:meters") in response.text
    backend_calls.reset()
    logged_in.get(MAINTENANCE)
    logged_in.get(reverse("home:offers"))
    assert len(backend_calls) == 0, "the overview's cached session data serves both pages"


def test_the_overview_still_costs_one_call(logged_in, live_sandbox, backend_calls):
    logged_in.get(OVERVIEW)
    from django.core.cache import cache

    cache.clear()
    backend_calls.reset()
    logged_in.get(OVERVIEW)
    assert len(backend_calls) == 1


def test_another_tenant_sees_only_their_own_plan(client, bob, live_sandbox):
    client.force_login(bob)
    response = client.get(MAINTENANCE)
    assert response.status_code == 200
    assert live_sandbox.alice.number not in response.text
    from apps.sandbox.models import RentalObject

    alices = RentalObject.objects.filter(leases__customer__customer_number=live_sandbox.alice.number, kind="Bostad")
    for home in alices:
        assert home.number not in response.text


def test_a_backend_that_is_down_gives_the_calm_page(logged_in, live_sandbox, sandbox_behaviour):
    sandbox_behaviour(outage=True)
    response = logged_in.get(MAINTENANCE)
    assert response.status_code == 503
    assert "Vi kan inte visa underhållet just nu" in response.text


def test_it_refuses_a_post(logged_in):
    assert logged_in.post(MAINTENANCE).status_code == 405
