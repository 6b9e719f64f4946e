"""The tenant's photos on the staff work-order page, streamed from FAST2 only for their own work order."""

import pytest
from django.urls import reverse

from tests.staff.conftest import a_row

PNG = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 300


def photo(row, content: bytes = PNG, content_type: str = "image/png"):
    from apps.sandbox.models import ErrandRowMedia

    return ErrandRowMedia.objects.create(row=row, content_type=content_type, content=content)


def file_url(work_order_id: int, file_id: int) -> str:
    return reverse("staff:work_order_file", args=[work_order_id, file_id])


@pytest.mark.integration
def test_the_page_shows_the_photos_and_one_streams_inline(staff_client, live_sandbox):
    row = a_row("PAGAR")
    media = photo(row)
    html = staff_client.get(reverse("staff:work_order", args=[row.pk])).content.decode()
    assert f'src="{file_url(row.pk, media.pk)}"' in html and "Bild 1 från felanmälan" in html

    response = staff_client.get(file_url(row.pk, media.pk))
    assert response.status_code == 200 and response.streaming
    assert b"".join(response.streaming_content) == PNG
    assert response["Content-Type"] == "image/png" and response["Content-Length"] == str(len(PNG))
    assert response["Content-Disposition"].startswith("inline;")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]


@pytest.mark.integration
def test_a_page_without_files_says_so(staff_client, live_sandbox):
    from apps.sandbox.models import ErrandRow

    row = ErrandRow.objects.filter(status="REG", media__isnull=True).order_by("pk").first()
    html = staff_client.get(reverse("staff:work_order", args=[row.pk])).content.decode()
    assert "Inga bilder eller filer." in html


@pytest.mark.integration
def test_another_work_orders_file_is_not_found(staff_client, live_sandbox, backend_calls):
    mine, other = a_row("PAGAR"), a_row("REG")
    theirs = photo(other)
    backend_calls.reset()
    response = staff_client.get(file_url(mine.pk, theirs.pk))
    assert response.status_code == 404
    assert not any("filetransfer" in url for _, url in backend_calls.calls), "the bytes are never fetched"
    assert staff_client.get(file_url(mine.pk, 99999999)).status_code == 404


@pytest.mark.integration
def test_a_file_that_is_not_a_raster_image_is_a_download(staff_client, live_sandbox):
    row = a_row("GODK")
    svg = photo(row, b"%PDF-1.4 pretend", content_type="image/svg+xml")
    response = staff_client.get(file_url(row.pk, svg.pk))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/octet-stream"
    assert response["Content-Disposition"].startswith("attachment;")
    response.close()


@pytest.mark.integration
def test_fast2_down_is_a_503_not_an_error(staff_client, live_sandbox, settings, unreachable):
    row = a_row("PAGAR")
    media = photo(row)
    settings.FAST2_BASE_URL = f"{unreachable}/fast2"
    assert staff_client.get(file_url(row.pk, media.pk)).status_code == 503


def test_an_anonymous_visitor_is_sent_to_the_login(client, backend_calls):
    response = client.get(file_url(1, 1))
    assert response.status_code == 302 and response["Location"].startswith(reverse("account_login"))
    assert len(backend_calls) == 0


def test_a_tenant_gets_403(client, alice, backend_calls):
    client.force_login(alice)
    assert client.get(file_url(1, 1)).status_code == 403
    assert len(backend_calls) == 0


def test_staff_without_totp_are_sent_to_set_it_up(client, staff, backend_calls):
    client.force_login(staff)
    response = client.get(file_url(1, 1))
    assert response.status_code == 302 and response["Location"] == reverse("mfa_activate_totp")
    assert len(backend_calls) == 0
