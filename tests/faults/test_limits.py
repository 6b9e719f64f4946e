"""Fault reports and photos per tenant and hour: under, at and over the limit, and the draft kept."""

import pytest

from apps.faults.models import FaultReport
from apps.faults.services import limits, photos
from tests.conftest import ALICE_CUSTOMER
from tests.faults.conftest import image_bytes, upload

REPORTS_LIMITED = "Du har skickat många felanmälningar på kort tid, så den här kan inte skickas just nu."
PHOTOS_LIMITED = "du har lagt till många bilder på kort tid"


def sent_already(limit, customer: str, count: int) -> None:
    """Reports or photos the tenant sent earlier this hour."""
    for _ in range(count):
        limit.count(customer)


def small_pngs(count: int) -> list:
    return [upload(f"bild{n}.png", image_bytes("PNG", size=(20, 20))) for n in range(count)]


# --- fault reports ----------------------------------------------------------------------------


@pytest.mark.integration
@pytest.mark.parametrize("earlier", [0, 1], ids=["under", "at"])
def test_a_report_within_the_hours_limit_is_sent(wizard, settings, this_hour, earlier):
    settings.FAULT_REPORTS_PER_TENANT_PER_HOUR = 2
    sent_already(limits.REPORTS, ALICE_CUSTOMER, earlier)
    report = wizard.answer_all()

    response = wizard.submit()

    assert response["Location"] == wizard.url("receipt")
    report.refresh_from_db()
    assert report.status != FaultReport.Status.DRAFT


@pytest.mark.integration
def test_a_report_over_the_limit_is_kept_as_a_draft_with_the_reason_at_the_send_button(
    wizard, settings, this_hour, backend_calls
):
    settings.FAULT_REPORTS_PER_TENANT_PER_HOUR = 2
    sent_already(limits.REPORTS, ALICE_CUSTOMER, 2)
    report = wizard.answer_all(photo=image_bytes("JPEG"))
    backend_calls.reset()

    response = wizard.submit()

    assert response.status_code == 429
    assert backend_calls.calls == [], "nothing reaches the landlord's system"
    text = response.text
    assert text.count(REPORTS_LIMITED) == 2, "in the error summary and at the send button"
    assert '<div class="error-summary" role="alert"' in text
    assert '<p class="error-message" id="submit-error">' in text
    assert 'aria-describedby="submit-error">Skicka felanmälan</button>' in text
    assert "<title>Fel: Kontrollera dina svar" in text
    assert "Frysen håller inte kylan." in text, "every answer is still on the page"
    report.refresh_from_db()
    assert report.status == FaultReport.Status.DRAFT
    assert report.description == "Frysen håller inte kylan."
    assert report.photos.count() == 1
    assert wizard.client.get(wizard.url("check")).status_code == 200, "the draft goes on as before"


@pytest.mark.integration
def test_the_limit_ends_with_the_hour_and_is_the_tenants_own(wizard, settings, this_hour):
    settings.FAULT_REPORTS_PER_TENANT_PER_HOUR = 1
    sent_already(limits.REPORTS, "20002", 5)  # another tenant sent many: no matter
    sent_already(limits.REPORTS, ALICE_CUSTOMER, 1)
    wizard.answer_all()
    assert wizard.submit().status_code == 429

    this_hour.return_value += 3600

    assert wizard.submit()["Location"] == wizard.url("receipt")


# --- photos ---------------------------------------------------------------------------------


@pytest.fixture
def draft(alice) -> FaultReport:
    return FaultReport.objects.create(user=alice, customer_number=ALICE_CUSTOMER)


@pytest.mark.parametrize("earlier", [0, 1], ids=["under", "at"])
def test_photos_within_the_hours_limit_are_added(draft, settings, this_hour, earlier):
    settings.FAULT_PHOTOS_PER_TENANT_PER_HOUR = 3
    sent_already(limits.PHOTOS, ALICE_CUSTOMER, earlier)

    assert photos.add(draft, small_pngs(3 - earlier)) == []

    assert draft.photos.count() == 3 - earlier


def test_photos_over_the_limit_are_refused_by_name_and_the_earlier_ones_kept(draft, settings, this_hour):
    settings.FAULT_PHOTOS_PER_TENANT_PER_HOUR = 3
    photos.add(draft, small_pngs(2))

    refused = photos.add(draft, [upload("kran.png", image_bytes("PNG")), upload("golv.png", image_bytes("PNG"))])

    assert draft.photos.count() == 3
    assert len(refused) == 1
    assert refused[0].startswith("”golv.png” kom inte med: du har lagt till många bilder på kort tid.")
    this_hour.return_value += 3600
    assert photos.add(draft, small_pngs(1)) == []


@pytest.mark.integration
def test_the_photo_step_says_so_at_the_field(wizard, settings, this_hour):
    settings.FAULT_PHOTOS_PER_TENANT_PER_HOUR = 1
    report = wizard.answer_all()

    response = wizard.client.post(wizard.url("photos"), {"photos": small_pngs(2)})

    assert response.status_code == 200
    assert report.photos.count() == 1
    assert PHOTOS_LIMITED in response.text
    assert 'id="id_photos_error"' in response.text
