"""The tenant's errands: the list, one errand, its photos; never another tenant's."""

import pytest
from django.urls import reverse

from apps.faults.models import FaultReport

ERRANDS = reverse("faults:errands")


def errand_url(errand_id: int) -> str:
    return reverse("faults:errand", args=[errand_id])


def alices_errand_with_photo():
    from apps.sandbox.models import ErrandRowMedia

    media = ErrandRowMedia.objects.select_related("row").filter(row__errand__customer__customer_number="15555")[0]
    return media.row.errand_id, media.row_id, media.pk


@pytest.mark.integration
def test_the_list_shows_the_tenants_errands_with_number_type_status_and_dates(logged_in, live_sandbox):
    from apps.sandbox.models import Errand

    response = logged_in.get(ERRANDS)

    assert response.status_code == 200
    assert 'hx-history="false"' in response.text
    own = Errand.objects.filter(customer__customer_number=live_sandbox.alice.number)
    for errand in own:
        assert errand.number in response.text
        assert f'href="{errand_url(errand.pk)}"' in response.text
    assert "Hos leverantör" in response.text, "the process step"
    assert "Väntar på användaren" in response.text, "the status, in words"
    assert "<caption" in response.text and 'scope="col"' in response.text


@pytest.mark.integration
def test_the_detail_shows_rows_path_history_planned_times_contact_and_photos(logged_in, live_sandbox):
    from apps.sandbox.models import Errand, ErrandParticipant

    errand_id, row_id, file_id = alices_errand_with_photo()
    errand = Errand.objects.get(pk=errand_id)
    handler = ErrandParticipant.objects.get(errand=errand, row=None, role="handler")

    response = logged_in.get(errand_url(errand_id))

    assert response.status_code == 200
    assert errand.number in response.text
    assert "Lägenhet / Kök / Kyl/Frys / Frys - Standard" in response.text, "the seed's freezer"
    assert "Registrerad" in response.text, "the history"
    assert handler.display_name in response.text, "the handler's contact"
    assert handler.phone in response.text
    photo_url = reverse("faults:errand_photo", args=[errand_id, row_id, file_id])
    assert f'src="{photo_url}"' in response.text

    planned = Errand.objects.filter(customer__customer_number=live_sandbox.alice.number, planned_start__isnull=False)[0]
    detail = logged_in.get(errand_url(planned.pk))
    assert "Planerad start" in detail.text


@pytest.mark.integration
def test_the_description_comes_from_the_portals_own_report(wizard, deliveries):
    report = wizard.answer_all()
    wizard.submit()
    report = deliveries.wait(report)

    response = wizard.client.get(errand_url(report.errand_id))

    assert response.status_code == 200, "delivered a moment ago: the cached session may not show it yet"
    assert "Frysen håller inte kylan." in response.text


@pytest.mark.integration
def test_a_photo_is_served_through_the_portal(logged_in, live_sandbox):
    errand_id, row_id, file_id = alices_errand_with_photo()
    response = logged_in.get(reverse("faults:errand_photo", args=[errand_id, row_id, file_id]))
    assert response.status_code == 200
    assert response["Content-Type"] == "image/png"
    assert b"".join(response.streaming_content).startswith(b"\x89PNG")
    assert "no-store" in response["Cache-Control"]


@pytest.mark.integration
def test_another_tenants_errand_and_photo_are_not_found_without_asking_the_backend(
    client, alice, bob, live_sandbox, backend_calls
):
    errand_id, row_id, file_id = alices_errand_with_photo()
    client.force_login(bob)
    client.get(ERRANDS)  # bob's own session data, now cached
    backend_calls.reset()

    assert client.get(errand_url(errand_id)).status_code == 404
    assert client.get(reverse("faults:errand_photo", args=[errand_id, row_id, file_id])).status_code == 404
    assert len(backend_calls) == 0


@pytest.mark.integration
def test_a_photo_id_not_on_that_row_is_not_found(logged_in, live_sandbox, backend_calls):
    errand_id, row_id, file_id = alices_errand_with_photo()
    logged_in.get(ERRANDS)
    backend_calls.reset()
    assert logged_in.get(reverse("faults:errand_photo", args=[errand_id, row_id, file_id + 1])).status_code == 404
    assert logged_in.get(reverse("faults:errand_photo", args=[errand_id, row_id + 1, file_id])).status_code == 404
    assert len(backend_calls) == 0


@pytest.mark.integration
def test_another_tenants_photo_in_the_portal_is_not_found(wizard, bob):
    from tests.faults.conftest import image_bytes, upload

    report = wizard.answer_all()
    wizard.client.post(wizard.url("photos"), {"photos": upload("a.png", image_bytes("PNG"))})
    photo = report.photos.get()
    url = reverse("faults:photo_file", args=[report.public_id, photo.public_id, "liten"])
    assert wizard.client.get(url).status_code == 200
    wizard.client.force_login(bob)
    assert wizard.client.get(url).status_code == 404
    assert FaultReport.objects.filter(user=bob).count() == 0


def test_the_errand_pages_are_calm_when_the_backend_is_down(client, alice, settings, unreachable):
    settings.PM5_BASE_URL = f"{unreachable}/pm5"
    client.force_login(alice)
    for url in (ERRANDS, errand_url(1), reverse("faults:errand_photo", args=[1, 2, 3])):
        response = client.get(url)
        assert response.status_code == 503, url
        assert "Vi kan inte visa dina ärenden just nu" in response.text
        assert "Traceback" not in response.text


def test_the_errand_pages_refuse_other_methods(client, alice):
    client.force_login(alice)
    assert client.post(ERRANDS).status_code == 405
    assert client.post(errand_url(1)).status_code == 405
    assert client.post(reverse("faults:errand_photo", args=[1, 2, 3])).status_code == 405


@pytest.mark.integration
def test_the_detail_shows_what_changed_in_the_backend_since_the_last_visit(logged_in, live_sandbox):
    """The page's content is kept per process (``{% kept %}``), under a key made of the errand as the backend answers."""
    from datetime import UTC, datetime

    from apps.sandbox.models import Errand

    errand = Errand.objects.filter(customer__customer_number=live_sandbox.alice.number, planned_start=None)[0]
    assert "Planerad start" not in logged_in.get(errand_url(errand.pk)).text
    assert "Planerad start" not in logged_in.get(errand_url(errand.pk)).text, "the same, kept"

    Errand.objects.filter(pk=errand.pk).update(planned_start=datetime(2027, 1, 12, 9, 0, tzinfo=UTC))

    again = logged_in.get(errand_url(errand.pk))
    assert "Planerad start" in again.text
    assert "2027-01-12" in again.text
