"""The FAST2 client's tider and filetransfer calls against the sandbox over real HTTP."""

import io
from datetime import date
from decimal import Decimal

import pytest
from django.core.cache import cache

from apps.backends.errors import BackendNotFound, BackendRefused
from apps.backends.fast2 import get_client
from apps.backends.fast2.client import RESOURCE_KEY
from apps.backends.fast2.times import TimeInput

pytestmark = pytest.mark.integration

PNG_HEADER = b"\x89PNG\r\n\x1a\n"


def a_row(status: str):
    from apps.sandbox.models import ErrandRow

    return ErrandRow.objects.filter(status=status).order_by("pk").first()


def a_photo(row, content: bytes):
    from apps.sandbox.models import ErrandRowMedia

    return ErrandRowMedia.objects.create(row=row, content_type="image/png", content=content)


def test_it_books_reads_changes_and_deletes_a_time(live_sandbox):
    client = get_client()
    row = a_row("PAGAR")
    activity = client.activities()[0]
    booked = TimeInput(
        hours=2, minutes=15, date_from=date(2026, 11, 20), activity_id=activity.id, price=Decimal("450.00")
    )
    time_id = client.add_time(row.pk, booked)

    entry = client.time_entry(time_id)
    assert (entry.work_order_id, entry.hours, entry.minutes, entry.total_minutes) == (row.pk, 2, 15, 135)
    assert entry.activity == activity.text and entry.price == Decimal("450.00") and not entry.running
    assert [e.id for e in client.times(row.pk)] == [time_id]

    client.update_time(time_id, TimeInput(hours=3, date_from=date(2026, 11, 20)))
    assert client.time_entry(time_id).total_minutes == 180
    client.delete_time(time_id)
    with pytest.raises(BackendNotFound):
        client.time_entry(time_id)


def test_a_refused_time_carries_the_backends_reason(live_sandbox):
    client = get_client()
    with pytest.raises(BackendRefused) as invalid:
        client.add_time(a_row("PAGAR").pk, TimeInput(hours=1, minutes=75))
    assert invalid.value.status == 400 and "minuter" in invalid.value.message
    with pytest.raises(BackendRefused) as closed:
        client.add_time(a_row("UTFÖRD").pk, TimeInput(hours=1))
    assert closed.value.status == 409


def test_it_starts_and_stops_a_timer(live_sandbox):
    client = get_client()
    row = a_row("GODK")
    time_id = client.start_timer(row.pk)
    assert client.time_entry(time_id).running
    with pytest.raises(BackendRefused) as twice:
        client.start_timer(row.pk)
    assert twice.value.status == 409
    client.stop_timer(row.pk)
    assert not client.time_entry(time_id).running
    with pytest.raises(BackendRefused):
        client.stop_time(time_id)


def test_the_work_order_lists_its_files_and_one_streams(live_sandbox):
    content = PNG_HEADER + bytes(range(256)) * 1000  # larger than one chunk
    row = a_row("PAGAR")
    media = a_photo(row, content)
    client = get_client()
    listed = {f.id: f for f in client.work_order(row.pk).files}
    assert listed[media.pk].content_type == "image/png" and listed[media.pk].size == len(content)
    assert listed[media.pk].is_image and listed[media.pk].name.endswith(".png")

    download = client.file(media.pk)
    try:
        assert download.content_type == "image/png" and download.length == len(content)
        assert b"".join(download) == content
    finally:
        download.close()
    with pytest.raises(BackendNotFound):
        client.file(99999999)


def test_it_uploads_and_deletes_a_temp_file_and_deletes_a_file(live_sandbox):
    from apps.sandbox.models import ErrandRowMedia, TempFile

    client = get_client()
    name = client.upload_temp_file("foto.png", io.BytesIO(PNG_HEADER + b"pixels"), "image/png")
    assert TempFile.objects.get(name=name).original_name == "foto.png"
    client.delete_temp_file(name)
    assert not TempFile.objects.filter(name=name).exists()
    with pytest.raises(BackendNotFound):
        client.delete_temp_file(name)
    with pytest.raises(BackendRefused) as wrong_kind:
        client.upload_temp_file("notes.txt", b"plain text", "text/plain")
    assert wrong_kind.value.status == 400

    media = a_photo(a_row("REG"), PNG_HEADER + b"x")
    client.delete_file(media.pk)
    assert not ErrandRowMedia.objects.filter(pk=media.pk).exists()


def test_an_upload_after_a_401_sends_the_whole_file_again(live_sandbox):
    from apps.sandbox.models import TempFile

    client = get_client()
    client.activities()
    cache.set(RESOURCE_KEY.format(username=client.username), "revoked-by-the-backend", 600)
    name = client.upload_temp_file("foto.png", io.BytesIO(PNG_HEADER + b"pixels"), "image/png")
    assert TempFile.objects.get(name=name).size == len(PNG_HEADER + b"pixels")


def test_a_handelse_links_temp_files_to_the_work_order_once(live_sandbox):
    from apps.sandbox.models import TempFile

    client = get_client()
    row = a_row("GODK")
    name = client.upload_temp_file("foto.png", io.BytesIO(PNG_HEADER + b"pixels"), "image/png")
    client.add_event(row.pk, title="Foto", text="", type_code="INFO", files=(name,))
    assert [f.name for f in client.work_order(row.pk).files][-1].endswith(".png")
    assert not TempFile.objects.filter(name=name).exists()
    with pytest.raises(BackendRefused) as again:  # linked: no longer a temporary file
        client.add_event(row.pk, title="Igen", text="", type_code="INFO", files=(name,))
    assert again.value.status == 400 and again.value.message.startswith("filer")
    closed = a_row("UTFÖRD")
    other = client.upload_temp_file("foto.png", io.BytesIO(PNG_HEADER + b"pixels"), "image/png")
    with pytest.raises(BackendRefused) as refused:
        client.add_event(closed.pk, title="Sent", text="", type_code="INFO", files=(other,))
    assert refused.value.status == 409 and TempFile.objects.filter(name=other).exists()
