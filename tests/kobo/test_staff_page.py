"""The staff's Kobo page: the copy's units with status, reservations, allocations and notices; new allocations marked."""

import pytest
from django.urls import reverse

from apps.kobo.models import UnitCopy
from tests.kobo.conftest import KALLE_OBJECT

PAGE = reverse("staff:kobo:units")


@pytest.mark.integration
def test_staff_see_every_unit_with_its_state_and_the_new_allocation(kobo_copy, staff_client):
    response = staff_client.get(PAGE)

    html = response.content.decode()
    assert response.status_code == 200
    assert KALLE_OBJECT in html and "Uthyrd" in html and "sedan 2019-04-01" in html
    allocated = UnitCopy.objects.get(allocation_new=True)
    assert allocated.allocation_case in html and 'class="tag">Ny<' in html
    assert "1 ny tilldelning." in html
    reserved = UnitCopy.objects.exclude(reservations=[]).get()
    assert all(r["case"] in html for r in reserved.reservations)


@pytest.mark.integration
def test_a_new_allocation_is_marked_seen(kobo_copy, staff_client):
    allocated = UnitCopy.objects.get(allocation_new=True)

    response = staff_client.post(PAGE, {"seen": str(allocated.kobo_id)})

    assert response.status_code == 302
    allocated.refresh_from_db()
    assert not allocated.allocation_new
    assert 'class="tag">Ny<' not in staff_client.get(PAGE).content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize("seen", ["not-a-uuid", "7d4f4b1e-0f49-4f0e-8f43-5a0c9a2b8a11"])
def test_marking_an_unknown_unit_is_not_found(staff_client, seen):
    assert staff_client.post(PAGE, {"seen": seen}).status_code == 404


@pytest.mark.django_db
def test_an_empty_copy_says_how_it_fills(staff_client):
    assert "kobo_register_webhook" in staff_client.get(PAGE).content.decode()


@pytest.mark.django_db
def test_tenants_and_visitors_are_kept_out(client, logged_in):
    assert logged_in.get(PAGE).status_code == 403
    logged_in.logout()
    assert client.get(PAGE).status_code == 302


@pytest.mark.django_db
def test_other_methods_are_not_allowed(staff_client):
    assert staff_client.put(PAGE).status_code == 405
