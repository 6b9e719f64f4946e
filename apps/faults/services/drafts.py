"""The wizard's draft: started, resumed, which question is next, and the choices offered.

Each step's answer is saved by apps.faults.services.answers.

The backend's lists (objects, the nodes under each path, fault types, key
handling) are kept in the draft as they were offered. Every id the browser sends
is checked against them before anything is asked of the backend for it, and
going back in the wizard reads them from here: it costs no backend call.
While PM5 is down, they come from the copies kept of earlier answers
(services/kept_trees.py, CustomerSession.kept_for_outage), so the same check holds.
"""

from dataclasses import dataclass
from uuid import UUID

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.http import Http404

from apps.backends.errors import BackendError, BackendUnavailable
from apps.backends.pm5.codes import ContactKind
from apps.backends.pm5.general import GENERAL_ERRAND_TYPE, ErrandClass
from apps.backends.pm5.types import AvailableObject, PortalSession
from apps.customer.services import CustomerSession
from apps.faults.models import FaultReport
from apps.faults.services import kept_trees, photos
from portal.account_state import remembered
from portal.unavailable import part_of_page

STEPS = ("object", "place", "fault", "what", "access", "contact", "photos", "check")
# A fault report asks all but "what"; a general errand (a disturbance, a request) asks what it is about
# and when, in words, and who to contact: no fault type, no access for a craftsman, no photos.
FAULT_STEPS = ("object", "place", "fault", "access", "contact", "photos", "check")
GENERAL_STEPS = ("object", "place", "what", "contact", "check")


def steps_for(draft: FaultReport) -> tuple[str, ...]:
    return GENERAL_STEPS if draft.is_general else FAULT_STEPS


@dataclass(frozen=True)
class Option:
    """One choice the backend offered: a node, an object, a fault type or a key handling."""

    value: str
    label: str


def active_draft_for(user: AbstractBaseUser, *, general: bool = False) -> FaultReport | None:
    """The tenant's unfinished report, if they worked on one in the last 30 days ("Fortsätt din felanmälan").

    Its wizard is at reverse("faults:resume", args=[draft.public_id]). ``general``: their unfinished
    general errand instead; a tenant may have one of each.
    """
    if not user.is_authenticated:
        return None
    return _newest_live_draft(user, general).first()


@dataclass(frozen=True)
class DraftLink:
    """The draft to resume, as much of it as a link to it needs."""

    public_id: UUID


def draft_to_resume(user: AbstractBaseUser) -> DraftLink | None:
    """``active_draft_for(user)`` with nothing read but its ``public_id``: enough for a link to resume it.

    For a page that only links to the draft (the overview): the whole row, with the backend's lists
    in it as JSON, cost more than the rest of the overview's own queries together; a model
    instance with the other fields deferred, more than the bare value.
    """
    if not user.is_authenticated:
        return None
    # Remembered until one of the account's reports changes (portal/account_state.py).
    return remembered(user, "draft-to-resume", lambda: _draft_link(user))


def _draft_link(user: AbstractBaseUser) -> DraftLink | None:
    public_id = _newest_live_draft(user, general=False).values_list("public_id", flat=True).first()
    return DraftLink(public_id) if public_id is not None else None


def _newest_live_draft(user: AbstractBaseUser, general: bool):
    if general:
        return FaultReport.objects.live_drafts(user=user).exclude(errand_class="").order_by("-updated_at")
    return FaultReport.objects.live_drafts(user=user, errand_class="").order_by("-updated_at")


def session_for_report(customer: CustomerSession) -> PortalSession | None:
    """The tenant's objects as PM5 has them now, or while it is down as last read (None: never read)."""
    try:
        return customer.data()
    except BackendUnavailable:
        return customer.kept_for_outage()
    except BackendError:
        return None


@transaction.atomic
def start(
    user: AbstractBaseUser,
    customer_number: str,
    session: PortalSession,
    *,
    restart: bool,
    errand_class: ErrandClass | None = None,
) -> FaultReport | None:
    """The tenant's live draft, or a new one holding the objects they may report on (None: there are none).

    With ``errand_class``, a general errand of that class; a live general errand is resumed
    whatever its class (its page offers no other choice), so nothing typed is lost without a restart.
    """
    draft = active_draft_for(user, general=errand_class is not None)
    if draft is not None and draft.customer_number == customer_number and not restart:
        return draft
    if draft is not None and restart:
        discard(draft)
    reportable = [_object_option(o) for o in session.objects or () if o.can_report_fault]
    if not reportable:
        return None
    draft = FaultReport(user=user, customer_number=customer_number, catalogue={"objects": reportable})
    if errand_class is not None:
        draft.errand_class, draft.errand_class_label = errand_class.system_name, errand_class.label
        draft.catalogue["time_points"] = [{"value": str(p.type_id), "label": p.label} for p in errand_class.time_points]
    if len(reportable) == 1:  # the object step is skipped: there is nothing to choose
        draft.head_node_id, draft.object_label = reportable[0]["value"], reportable[0]["label"]
        draft.node_path, draft.node_labels = draft.head_node_id, [draft.object_label]
    draft.save()
    return draft


def discard(draft: FaultReport) -> None:
    """Delete a draft and, once that has committed, its photo files."""
    photos.delete_files_of(draft)
    draft.delete()


def _object_option(obj: AvailableObject) -> dict[str, str]:
    kind = obj.object_type_label or obj.kind_label or obj.node.label
    label = " ".join(part for part in (kind, obj.number) if part)
    street = obj.address.street if obj.address else ""
    return {"value": obj.node.node_id, "label": f"{label}, {street}" if street else label}


def draft_for(user: AbstractBaseUser, customer_number: str, public_id) -> FaultReport:
    """The tenant's own live draft with this id, or 404 (another tenant's, submitted, or expired)."""
    draft = FaultReport.objects.live_drafts(user=user, public_id=public_id).first()
    if draft is None or draft.customer_number != customer_number:
        raise Http404("no such fault report in progress")
    return draft


# --- which step comes next -------------------------------------------------------------------


def next_step(draft: FaultReport) -> tuple[str, int | None]:
    """The first step not yet answered: (step name, walk level for "place"), or ("check", None)."""
    if not draft.head_node_id:
        return "object", None
    depth = unanswered_level(draft)
    if depth is not None:
        return "place", depth
    if draft.is_general:
        if not draft.description or any(p.value not in draft.times for p in time_points(draft)):
            return "what", None
        return ("contact", None) if not draft.contact else ("check", None)
    if (fault_types(draft) and draft.fault_type_id is None) or not draft.description:
        return "fault", None
    # Key handling is chosen when there was a list to choose from (PM5 down, none kept: the note says it).
    if (key_handling(draft) and draft.key_handling_id is None) or draft.has_pets is None:
        return "access", None
    if not draft.contact:
        return "contact", None
    if not draft.photos_done:
        return "photos", None
    return "check", None


def unanswered_level(draft: FaultReport) -> int | None:
    """The walk level still to choose, or None when the path ends at a leaf or the tenant said where in words."""
    if draft.place_in_words:
        return None
    path = draft.path_ids
    children = nodes_under(draft, path)
    if children is None or children:
        return len(path)
    return None


def is_complete(draft: FaultReport) -> bool:
    return next_step(draft)[0] == "check"


# --- the backend's lists, as offered -----------------------------------------------------------


def objects(draft: FaultReport) -> list[Option]:
    return [Option(**o) for o in draft.catalogue.get("objects", [])]


def nodes_under(draft: FaultReport, path: list[str]) -> list[Option] | None:
    """The children the backend offered under ``path``, or None if it was never asked."""
    nodes = draft.catalogue.get("nodes", {}).get("-".join(path))
    return None if nodes is None else [Option(**n) for n in nodes]


def fault_types(draft: FaultReport) -> list[Option]:
    return [Option(**o) for o in draft.catalogue.get("fault_types", {}).get(draft.node_path, [])]


def time_points(draft: FaultReport) -> list[Option]:
    """The points in time a general errand's class records (ÄrendeKlassTidpunktLista), e.g. "Inträffat"."""
    return [Option(**o) for o in draft.catalogue.get("time_points", [])]


def key_handling(draft: FaultReport) -> list[Option] | None:
    options = draft.catalogue.get("key_handling", {}).get(draft.head_node_id)
    return None if options is None else [Option(**o) for o in options]


def walk(customer: CustomerSession, draft: FaultReport, path: list[str]) -> None:
    """One backend call: the nodes under each step of ``path``, with the fault types and key handling.

    While PM5 is down, the object's kept tree instead: it may not reach ``path``, and
    then the draft still knows nothing below it (the tenant describes the place in words).
    A general errand walks its class's nodes, and nothing of it is kept for an outage.
    """
    if draft.is_general:
        _walk_class(customer, draft, path)
        return
    try:
        choices = customer.call(
            lambda client, key: client.node_choices(key, path, nodes=True, fault_types=True, key_handling=True)
        )
    except BackendUnavailable:
        kept_trees.copy_into(draft.catalogue, draft.customer_number, path[0])
        return
    kept_trees.record_walk(draft.catalogue, path, choices)
    kept_trees.keep(draft.customer_number, path, choices)


def _walk_class(customer: CustomerSession, draft: FaultReport, path: list[str]) -> None:
    try:
        choices = customer.call(
            lambda client, key: client.node_choices(
                key, path, nodes=True, errand_type=GENERAL_ERRAND_TYPE, usage=draft.errand_class
            )
        )
    except BackendUnavailable:
        return  # never fetched: the tenant says it in words
    kept_trees.record_walk(draft.catalogue, path, choices)


def offered(options: list[Option] | None, value: str) -> Option:
    """The option with this value, or 404: the browser may only send what the backend offered."""
    for option in options or ():
        if option.value == value:
            return option
    raise Http404("not one of the choices offered")


# --- the choices each step shows --------------------------------------------------------------


def children_at(customer: CustomerSession, draft: FaultReport, level: int) -> list[Option] | None:
    """The choices on walk level ``level`` (1 = what lies directly in the object): cached, or asked once.

    None when PM5 cannot answer and this part was never fetched: the tenant says where in words.
    """
    path = draft.path_ids[:level]
    if not draft.head_node_id or level < 1 or len(path) < level:
        raise Http404("that level of the walk is not reached yet")
    children = nodes_under(draft, path)
    if children is None:
        walk(customer, draft, path)
        draft.save(update_fields=["catalogue", "updated_at"])
        children = nodes_under(draft, path)
    return children


def labels_of(draft: FaultReport, path: list[str]) -> list[str]:
    """Visningstext of each node on ``path``, the object first."""
    labels = [draft.object_label]
    for depth in range(1, len(path)):
        options = nodes_under(draft, path[:depth]) or []
        labels.append(next((o.label for o in options if o.value == path[depth]), path[depth]))
    return labels


def breadcrumbs(draft: FaultReport) -> list[tuple[int, str]]:
    """(level, label) of each chosen node, for links back to any level of the walk."""
    return [(level, label) for level, label in enumerate(draft.node_labels[1:], start=1)]


def key_handling_options(customer: CustomerSession, draft: FaultReport) -> list[Option]:
    """How the craftsman may get in, as offered for the object: cached, or asked once.

    None offered (PM5 down, nothing kept): the tenant's note on access says it all.
    """
    options = key_handling(draft)
    if options is None:
        walk(customer, draft, [draft.head_node_id])
        draft.save(update_fields=["catalogue", "updated_at"])
        options = key_handling(draft) or []
    return options


@dataclass(frozen=True)
class OwnContact:
    name: str
    phone: str
    email: str


def own_contact(customer: CustomerSession) -> OwnContact | None:
    """The tenant's own details as the backend has them, shown on the contact step; None if unavailable."""
    session = part_of_page(customer.data, "the tenant's own contact details").value
    if session is None:
        return None
    details = {d.kind: d.value for d in session.contact_details or ()}
    return OwnContact(
        name=session.customer.full_name if session.customer else "",
        phone=details.get(ContactKind.MOBILE) or details.get(ContactKind.PHONE) or "",
        email=details.get(ContactKind.EMAIL) or "",
    )
