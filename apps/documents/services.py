"""Documents: the tenant's files and links, grouped by the object they belong to, and one file.

A file is found by its EntitetFilId in the tenant's own session data before the
backend's answer for its bytes is used: with the data cached, before the backend
is asked; without, its bytes are asked beside the data and dropped unread if the
file is not the tenant's. FilUrl is never used (contract A50).
"""

from dataclasses import dataclass
from urllib.parse import urlsplit

from django.utils.functional import Promise
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from apps.backends.download import Download
from apps.backends.pm5.types import Document, PortalSession
from apps.customer.services import Beside, CustomerSession
from portal.reversing import RowUrls


@dataclass(frozen=True)
class DocumentGroup:
    """The documents of one object (an apartment, a laundry room), or of none."""

    object_type: str | Promise
    address: str | None
    documents: tuple[Document, ...]


def groups(session: PortalSession) -> tuple[DocumentGroup, ...]:
    """The documents by object, in the order the backend lists the objects; within one, by
    file type and then file, as PM5's EntitetFilTypOrdning and EntitetFilOrdning say."""
    documents = [d for d in session.documents or () if d.file_id is not None or is_web_link(d.web_url)]
    objects = list(dict.fromkeys((d.object_type, d.object_address) for d in documents))
    # Documents of no object come last, under a heading of their own.
    objects.sort(key=lambda key: key == (None, None))

    def order(document: Document) -> tuple:
        return (document.category_order or 0, document.order or 0, document.label or "")

    by_object = {key: [d for d in documents if (d.object_type, d.object_address) == key] for key in objects}
    return tuple(
        DocumentGroup(
            object_type=object_type or _("Övriga dokument"),
            address=address,
            documents=tuple(sorted(by_object[(object_type, address)], key=order)),
        )
        for object_type, address in objects
    )


def list_rows(groups: tuple[DocumentGroup, ...]) -> tuple[dict[str, object], ...]:
    """The page's groups with every line written (plain dicts: one lookup a part, no filters or tags a line)."""
    download_url, file_label, web_label = RowUrls("documents:download"), gettext("Fil"), gettext("Webbsida")

    def row(document: Document) -> dict[str, object]:
        stored = document.file_id is not None
        if stored:
            kind = document.extension.replace(".", "").upper() if document.extension else file_label
        else:
            kind = web_label
        return {
            "stored": stored,
            "url": download_url(document.file_id) if stored else document.web_url,
            "text": document.label or (document.category if stored else document.web_url),
            "meta": f"{document.category} · {kind}" if document.category else kind,
            "message": document.message,
        }

    return tuple(
        {"title": group.object_type, "address": group.address, "documents": tuple(map(row, group.documents))}
        for group in groups
    )


def is_web_link(url: str | None) -> bool:
    """Only http and https links are shown: a "javascript:" address in a backend field is never a link."""
    return bool(url) and urlsplit(url).scheme.lower() in {"http", "https"} and bool(urlsplit(url).netloc)


def own_file(customer: CustomerSession, file_id: int) -> tuple[Document | None, Beside[Download]]:
    """The tenant's own stored file with this id (None for a link, or a file that is not theirs), and its bytes.

    Take the bytes (``result()``) only for a file that is the tenant's; use the second as a
    context manager, so bytes not taken are dropped (``CustomerSession.data_beside``).
    """
    session, file = customer.data_beside(lambda client, key: client.document_file(key, file_id))
    document = next((d for d in session.documents or () if d.file_id == file_id), None)
    return document, file


def filename(document: Document) -> str:
    """The name the file is saved under: its label and extension, e.g. "Hyresavtal 142-043-01.pdf"."""
    label = document.label or document.category or str(document.file_id)
    extension = (document.extension or "").lower()
    if extension and not extension.startswith("."):
        extension = "." + extension
    return label if label.lower().endswith(extension) else label + extension
