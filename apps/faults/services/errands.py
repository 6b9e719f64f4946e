"""The tenant's errands: the backend's, and the reports the portal still holds.

Which errand, row and photo ids are the tenant's is read from their own session
data, or from the reports this account delivered (an errand the cached session
does not show yet), before anything the backend says of them is used. With the
session data cached, nothing is asked about another tenant's id at all; without,
the errand (or photo) is asked beside the session data, so the page waits one
round trip rather than two, and its answer is dropped unread unless the session
data (or the portal's own report) shows the id is the tenant's.
"""

import hashlib
import pickle
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime

from django.contrib.auth.models import AbstractBaseUser
from django.db.models import Q
from django.http import Http404
from django.urls import reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from apps.backends.download import Download
from apps.backends.errors import BackendNotFound
from apps.backends.pm5.types import Errand, ErrandRow, Participant, PortalSession
from apps.customer.services import CustomerSession
from apps.faults.models import FaultReport
from portal.account_state import remembered
from portal.formatting import isodate, machine_date
from portal.reversing import RowUrls


@dataclass(frozen=True)
class ListedErrand:
    """One line of the errand list, from the backend or from the portal's outbox."""

    number: str
    subject: str
    kind: str
    status: str
    step: str
    received_at: datetime | None
    planned: datetime | None
    url: str
    waiting: bool = False  # still in the portal: received, not yet in the landlord's system


def listed_reports(user: AbstractBaseUser, customer_number: str) -> tuple[FaultReport, ...]:
    """The reports the errand list shows besides the backend's errands, with only the fields it reads.

    Remembered until one of the account's reports changes (portal/account_state.py): read-only.
    """
    # One query for both kinds the list shows: reports sent (or on their way) and drafts the backend refused.
    return remembered(
        user,
        ("listed-reports", customer_number),
        lambda: tuple(
            own_reports(user, customer_number)
            .filter(~Q(status=FaultReport.Status.DRAFT) | Q(refused_at__isnull=False))
            .only(*LISTED_REPORT_FIELDS)
        ),
    )


def reports_key(reports: tuple[FaultReport, ...]) -> str:
    """All the errand list shows of these reports, as one plain value for the key of the kept list (``{% kept %}``)."""
    return repr(
        tuple(
            (
                r.public_id.hex,
                r.status,
                r.errand_id,
                r.errand_number,
                r.errand_class_label,
                r.place_label,
                r.submitted_at.isoformat() if r.submitted_at else None,
            )
            for r in reports
        )
    )


def listed_errands(session: PortalSession, reports: tuple[FaultReport, ...]) -> list[ListedErrand]:
    """The backend's errands in the session data and the portal's ``listed_reports``, waiting ones first."""
    errands = list(session.errands or ())
    known = {e.errand_id for e in errands}
    errand_url = RowUrls("faults:errand")
    listed = [_from_backend(e, errand_url(e.errand_id)) for e in errands]
    for report in reports:
        if report.status == FaultReport.Status.DRAFT:
            continue
        if report.status == FaultReport.Status.QUEUED:
            listed.append(
                _from_portal(
                    report,
                    status=str(_("Mottagen — skickas till hyresvärden")),
                    url=reverse("faults:receipt", args=[report.public_id]),
                    waiting=True,
                )
            )
        elif report.errand_id not in known:  # delivered a moment ago: the cached session has not seen it
            listed.append(
                _from_portal(
                    report,
                    status=str(_("Skickad till hyresvärden")),
                    url=reverse("faults:errand", args=[report.errand_id]),
                    waiting=False,
                )
            )
    for report in (r for r in reports if r.status == FaultReport.Status.DRAFT):
        listed.append(
            _from_portal(
                report,
                status=str(_("Behöver rättas")),
                url=reverse("faults:check", args=[report.public_id]),
                waiting=True,
            )
        )
    return sorted(listed, key=lambda e: (not e.waiting, -(e.received_at.timestamp() if e.received_at else 0)))


# What the errand list reads of a report (_from_portal and the choice of link): not the backend's lists.
LISTED_REPORT_FIELDS = (
    "public_id",
    "status",
    "errand_id",
    "errand_number",
    "errand_class_label",
    "node_labels",
    "place_in_words",
    "submitted_at",
)


def list_rows(listed: list[ListedErrand]) -> tuple[dict[str, object], ...]:
    """The errand table's rows with every cell written (plain dicts: one lookup a cell, no filters)."""
    report = gettext("Felanmälan")
    return tuple(
        {
            "url": errand.url,
            "number": errand.number or report,
            "subject": errand.subject,
            "kind": errand.kind,
            "status": errand.status,
            "waiting": errand.waiting,
            "step": errand.step or "–",
            "received_iso": machine_date(errand.received_at),
            "received": isodate(errand.received_at),
            "planned_iso": machine_date(errand.planned),
            "planned": isodate(errand.planned),
        }
        for errand in listed
    )


def own_reports(user: AbstractBaseUser, customer_number: str):
    return FaultReport.objects.filter(user=user, customer_number=customer_number)


def _from_backend(errand: Errand, url: str) -> ListedErrand:
    row = errand.rows[0] if errand.rows else None
    planned = errand.planned_start or next((r.planned_at for r in errand.rows if r.planned_at), None)
    return ListedErrand(
        number=errand.number,
        subject=" / ".join(step.label for step in row.node_path[1:]) if row and row.node_path else "",
        kind=errand.kind or "",
        status=errand.status_label or str(_("Mottaget")),
        step=next((r.step_label for r in errand.rows if r.step_label), "") or errand.step_label or "",
        received_at=errand.received_at,
        planned=planned,
        url=url,
    )


def _from_portal(report: FaultReport, *, status: str, url: str, waiting: bool) -> ListedErrand:
    """A report the landlord's system does not list (yet): what the portal knows of it."""
    return ListedErrand(
        number=report.errand_number or "",
        subject=report.place_label,
        kind=report.errand_class_label or str(_("Felanmälan")),
        status=status,
        step="",
        received_at=report.submitted_at,
        planned=None,
        url=url,
        waiting=waiting,
    )


# --- one errand ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class RowView:
    row: ErrandRow
    description: str  # the tenant's own words, from the portal's stored report (A17)
    place: str


@dataclass(frozen=True)
class ErrandView:
    errand: Errand
    rows: tuple[RowView, ...]
    report: FaultReport | None
    contacts: tuple[Participant, ...]  # who handles it: the errand's and each row's handlers


def errand_detail(customer: CustomerSession, user: AbstractBaseUser, errand_id: int) -> ErrandView:
    errand, report = _owned_errand(customer, user, errand_id)
    rows = tuple(
        RowView(
            row=row,
            description=report.description if report and row.path_string == report.node_path else "",
            place=" / ".join(step.label for step in row.node_path) or (row.subject.label if row.subject else ""),
        )
        for row in errand.rows
    )
    handlers = list(errand.handlers)
    for row in errand.rows:
        handlers += [h for h in row.handlers if h not in handlers]
    return ErrandView(errand=errand, rows=rows, report=report, contacts=tuple(handlers))


def detail_key(view: ErrandView, today: date) -> tuple:
    """The key the errand page's content is kept under (``{% kept %}``): a digest of all it shows, and today.

    The errand is read from the backend on every visit, so its answer has no digest of its own: this
    is one of the errand and the tenant's own words, pickled (equal pickles only for equal errands).
    """
    data = pickle.dumps((view.errand, tuple(row.description for row in view.rows)), pickle.HIGHEST_PROTOCOL)
    return (hashlib.blake2b(data, digest_size=16).digest(), today)


def _owned_errand(
    customer: CustomerSession, user: AbstractBaseUser, errand_id: int
) -> tuple[Errand, FaultReport | None]:
    """The tenant's errand and the portal's report behind it, if any; 404 unless the errand is the tenant's."""

    def get_errand(client, key) -> Errand:
        return client.get_errand(key, errand_id)

    # Only what the page reads of the report (its words and where), not the backend's lists kept in it.
    report = own_reports(user, customer.customer_number).filter(errand_id=errand_id).only(*DETAIL_REPORT_FIELDS).first()
    if report is not None:  # delivered from this account: the tenant's, whatever the session data shows
        return _found(lambda: customer.call(get_errand)), report
    session, errand = customer.data_beside(get_errand)
    with errand:
        if errand_id not in {e.errand_id for e in session.errands or ()}:
            raise Http404("not this tenant's errand")
        return _found(errand.result), None


DETAIL_REPORT_FIELDS = ("description", "node_path")


def _found[T](answer: Callable[[], T]) -> T:
    try:
        return answer()
    except BackendNotFound:
        raise Http404("not found in the backend") from None


def errand_photo(
    customer: CustomerSession, user: AbstractBaseUser, errand_id: int, row_id: int, file_id: int
) -> Download:
    """A photo of one of the tenant's errand rows, streamed through (Hämta Ärenderadfil)."""
    session, photo = customer.data_beside(lambda client, key: client.errand_row_file(key, errand_id, row_id, file_id))
    with photo:
        if not _has_photo(session.errands or (), errand_id, row_id, file_id):
            # Perhaps an errand delivered a moment ago, which the cached session does not show yet.
            if not own_reports(user, customer.customer_number).filter(errand_id=errand_id).exists():
                raise Http404("not this tenant's photo")
            errand = customer.call(lambda client, key: client.get_errand(key, errand_id))
            if not _has_photo((errand,), errand_id, row_id, file_id):
                raise Http404("not this tenant's photo")
        return _found(photo.result)


def _has_photo(errands, errand_id: int, row_id: int, file_id: int) -> bool:
    return any(
        file_id in row.media_ids
        for errand in errands
        if errand.errand_id == errand_id
        for row in errand.rows
        if row.row_id == row_id
    )
