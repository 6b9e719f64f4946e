"""Attaching a photo or PDF to a work order: FAST2 filetransfer, then a händelse that links it.

FAST2 keeps the physical file apart (POST filetransfer/tempfile answers its
temporary name) and links it to the work order in a händelse (seed 2.7, 8.0);
the field that names it is not in the seed, the sandbox reads it as ``filer``.

A file that passes our checks (JPEG, PNG or PDF by its first bytes, at most
MAX_BYTES) is first kept in the portal's storage, so when FAST2 refuses or is
down staff try again without choosing it again; it is removed once linked or
when staff drop it. Which file waits for which work order is in the staff
member's session, never in the form.
"""

import uuid
from dataclasses import dataclass

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext, gettext_lazy

from apps.backends import fast2
from apps.backends.errors import BackendError
from apps.staff.audit import audit
from apps.staff.models import AuditEntry
from apps.staff.refusals import refusable

MAX_BYTES = 10 * 1024 * 1024  # FAST2's is "a system setting" (seed 2.7); the sandbox's is 10 MB
SIGNATURES = {b"\xff\xd8\xff": "image/jpeg", b"\x89PNG\r\n\x1a\n": "image/png", b"%PDF-": "application/pdf"}
FOLDER = "staff-attachments"
REFUSAL_FIELDS = {"filer": "file", "rubrik": "title", "typKod": "type_code"}


class FileRejected(ValueError):
    """Not a file FAST2 takes; the message is for staff."""


@dataclass(frozen=True)
class PendingFile:
    path: str  # in default_storage
    name: str
    content_type: str


def _session_key(work_order_id: int) -> str:
    return f"staff:pending-file:{int(work_order_id)}"


def check(upload: UploadedFile) -> str:
    """The file's real type, read from its first bytes; FileRejected if it is too large, empty or another kind."""
    if upload.size > MAX_BYTES:
        raise FileRejected(gettext_lazy("Filen är för stor. Den får vara högst 10 MB."))
    if upload.size == 0:
        raise FileRejected(gettext_lazy("Filen är tom."))
    upload.seek(0)
    head = upload.read(8)
    upload.seek(0)
    kind = next((kind for magic, kind in SIGNATURES.items() if head.startswith(magic)), None)
    if kind is None:
        raise FileRejected(gettext_lazy("Välj en bild (JPEG eller PNG) eller en PDF."))
    return kind


def keep(session, work_order_id: int, upload: UploadedFile, content_type: str) -> PendingFile:
    """Keep a checked file for this work order until it is linked; one waits at a time."""
    drop(session, work_order_id)
    name = (upload.name or "fil").rsplit("/", 1)[-1][:120]
    path = default_storage.save(f"{FOLDER}/{uuid.uuid4().hex}", ContentFile(upload.read()))
    session[_session_key(work_order_id)] = {"path": path, "name": name, "content_type": content_type}
    return PendingFile(path, name, content_type)


def pending(session, work_order_id: int) -> PendingFile | None:
    kept = session.get(_session_key(work_order_id))
    return PendingFile(**kept) if kept else None


def drop(session, work_order_id: int) -> None:
    kept = session.pop(_session_key(work_order_id), None)
    if kept:
        default_storage.delete(kept["path"])


def attach(session, work_order_id: int, *, title: str, type_code: str, by) -> PendingFile:
    """Send the waiting file to FAST2 and link it in a händelse: two round trips. It waits on if either fails."""
    waiting = pending(session, work_order_id)
    if waiting is None:
        raise FileRejected(gettext_lazy("Välj en fil att bifoga."))
    client = fast2.get_client()
    fallback = gettext("Filen kunde inte bifogas.")
    with default_storage.open(waiting.path, "rb") as content:
        temp_name = refusable(
            lambda: client.upload_temp_file(waiting.name, content, waiting.content_type), fallback, REFUSAL_FIELDS
        )
    try:
        refusable(
            lambda: client.add_event(
                work_order_id, title=title or waiting.name, text="", type_code=type_code, files=(temp_name,)
            ),
            fallback,
            REFUSAL_FIELDS,
        )
    except Exception:
        _forget_temp_file(client, temp_name)
        raise
    drop(session, work_order_id)
    audit(work_order_id, AuditEntry.Action.FILE_ATTACHED, by, before="", after=waiting.name)
    return waiting


def _forget_temp_file(client, name: str) -> None:
    """FAST2 drops an unlinked temporary file by itself in time; asking now is a courtesy that may fail."""
    try:
        client.delete_temp_file(name)
    except BackendError:
        pass
