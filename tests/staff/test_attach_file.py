"""Attaching a photo or PDF to a work order: tempfile, then a händelse that links it; the file waits on failure."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from apps.staff import attachments
from apps.staff.models import AuditEntry
from tests.staff.conftest import a_row

pytestmark = pytest.mark.integration

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64
PDF = b"%PDF-1.4\n%fake but with the right first bytes\n"


def page(work_order_id: int) -> str:
    return reverse("staff:work_order", args=[work_order_id])


def sent(content: bytes | None = PNG, name: str = "kran.png", **fields) -> dict:
    data = {"file-type_code": "INFO", "file-title": "", "attach_file": "1"} | {
        f"file-{k}": v for k, v in fields.items()
    }
    if content is not None:
        data["file-file"] = SimpleUploadedFile(name, content, content_type="application/octet-stream")
    return data


def test_a_photo_is_linked_to_the_work_order_in_a_handelse_and_audited(staff_client, live_sandbox):
    from apps.sandbox.models import TempFile

    row = a_row("GODK")
    before = row.media.count()
    html = staff_client.get(page(row.pk)).content.decode()
    assert 'enctype="multipart/form-data"' in html and 'name="attach_file"' in html

    response = staff_client.post(page(row.pk), sent())

    assert response.status_code == 302 and response["Location"].endswith("#bilder")
    assert row.media.count() == before + 1 and row.media.last().content_type == "image/png"
    assert row.history.filter(label="kran.png", type_code="INFO").exists()
    assert not TempFile.objects.exists()
    entry = AuditEntry.objects.get(work_order_id=row.pk)
    assert entry.action == AuditEntry.Action.FILE_ATTACHED and entry.after == "kran.png"
    after = staff_client.get(page(row.pk)).content.decode()
    assert "kran.png är bifogad." in after and "väntar på att skickas" not in after


def test_a_pdf_takes_the_title_given(staff_client, live_sandbox):
    row = a_row("PAGAR")
    response = staff_client.post(page(row.pk), sent(PDF, "offert.pdf", title="Offert från VVS"))
    assert response.status_code == 302
    assert row.media.last().content_type == "application/pdf" and row.history.filter(label="Offert från VVS").exists()


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"just text", "Välj en bild (JPEG eller PNG) eller en PDF."),
        (b"", "Filen är tom."),
        (None, "Välj en fil att bifoga."),
    ],
)
def test_a_file_fast2_does_not_take_is_said_at_the_field(staff_client, live_sandbox, content, message):
    row = a_row("GODK")
    response = staff_client.post(page(row.pk), sent(content, "lista.txt", title="Mitt utkast"))
    html = response.content.decode()
    assert response.status_code == 400 and 'id="id_file-file_error"' in html and message in html
    assert "Mitt utkast" in html and "<title>Fel:" in html
    assert attachments.pending(staff_client.session, row.pk) is None and not AuditEntry.objects.exists()


def test_a_file_too_large_is_refused_before_fast2(staff_client, live_sandbox, monkeypatch, backend_calls):
    monkeypatch.setattr(attachments, "MAX_BYTES", len(PNG) - 1)
    row = a_row("GODK")
    staff_client.get(page(row.pk))
    backend_calls.reset()
    response = staff_client.post(page(row.pk), sent())
    assert response.status_code == 400 and "Filen är för stor." in response.content.decode()
    assert not any("filetransfer" in str(call) for call in backend_calls.calls)


def test_fast2s_refusal_is_shown_at_the_file_and_the_file_waits(staff_client, live_sandbox):
    row = a_row("UTFÖRD")  # closed: the page offers no form, but one opened before it closed may still send
    response = staff_client.post(page(row.pk), sent())
    html = response.content.decode()
    assert response.status_code == 409 and 'id="id_file-file_error"' in html and "tar inte emot filer" in html
    waiting = attachments.pending(staff_client.session, row.pk)
    assert waiting is not None and waiting.name == "kran.png"

    dropped = staff_client.post(page(row.pk), {"drop_file": "1"})
    assert dropped.status_code == 302 and attachments.pending(staff_client.session, row.pk) is None
    assert not AuditEntry.objects.exists()


def test_fast2_down_keeps_the_file_and_a_retry_sends_it_without_choosing_it_again(
    staff_client, live_sandbox, sandbox_behaviour
):
    row = a_row("GODK")
    before = row.media.count()
    staff_client.get(page(row.pk))  # the händelse types are read and kept
    sandbox_behaviour(outage=True)
    response = staff_client.post(page(row.pk), sent(), follow=True)
    assert "Filen kunde inte bifogas just nu." in response.content.decode()
    sandbox_behaviour()
    html = staff_client.get(page(row.pk)).content.decode()
    assert "kran.png väntar på att skickas." in html

    retried = staff_client.post(page(row.pk), sent(None))
    assert retried.status_code == 302 and row.media.count() == before + 1
    assert attachments.pending(staff_client.session, row.pk) is None


def test_an_unknown_work_order_is_404_and_keeps_nothing(staff_client, live_sandbox):
    assert staff_client.post(page(999999), sent()).status_code == 404
    assert attachments.pending(staff_client.session, 999999) is None
