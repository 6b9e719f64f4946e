"""Each step's answer, saved in the draft as soon as it is given.

What the browser chose is looked up among the choices the backend offered for
this draft (404 otherwise) before anything is asked of the backend for it. A
choice that opens a new part of the node walk asks the backend once for what
lies below, and the draft keeps that too.
"""

from datetime import datetime

from apps.customer.services import CustomerSession
from apps.faults.models import FaultReport
from apps.faults.services.drafts import (
    children_at,
    fault_types,
    key_handling,
    labels_of,
    nodes_under,
    objects,
    offered,
    time_points,
    walk,
)


def choose_object(customer: CustomerSession, draft: FaultReport, value: str) -> None:
    option = offered(objects(draft), value)
    if option.value != draft.head_node_id:
        draft.head_node_id, draft.object_label = option.value, option.label
        draft.node_path, draft.node_labels = option.value, [option.label]
        draft.fault_type_id, draft.fault_type_label = None, ""
        draft.key_handling_id, draft.key_handling_label = None, ""
    if nodes_under(draft, [option.value]) is None:
        walk(customer, draft, [option.value])
    draft.save()


def choose_node(customer: CustomerSession, draft: FaultReport, level: int, value: str) -> None:
    """Record the node chosen on walk level ``level``, and learn what lies below it."""
    parent = draft.path_ids[:level]
    option = offered(children_at(customer, draft, level), value)
    path = [*parent, option.value]
    if draft.path_ids[: level + 1] != path:  # another branch: what lay below the old choice is gone
        draft.node_path = "-".join(path)
        draft.fault_type_id, draft.fault_type_label = None, ""
    draft.place_in_words = ""  # a node chosen: the walk goes on, no longer in words
    if nodes_under(draft, path) is None:
        walk(customer, draft, path)
    draft.node_labels = labels_of(draft, draft.path_ids)
    draft.save()


def describe_place(draft: FaultReport, level: int, words: str) -> None:
    """Where the fault is, in the tenant's words, below the deepest node known.

    Offered only for a part of the walk PM5 could not show (down, never fetched):
    the report goes with the path walked so far (the object's own node at least).
    """
    path = draft.path_ids[:level]
    if draft.path_ids != path:
        draft.node_path = "-".join(path)
        draft.fault_type_id, draft.fault_type_label = None, ""
    draft.node_labels = labels_of(draft, path)
    draft.place_in_words = words.strip()
    draft.save()


def is_leaf_at(draft: FaultReport, level: int) -> bool:
    """Whether the node chosen on ``level`` has nothing below it, so the walk is done."""
    return nodes_under(draft, draft.path_ids[: level + 1]) == []


def describe_fault(draft: FaultReport, *, description: str, fault_type: str | None = None) -> None:
    """What is wrong: one of the fault types offered for the place (when there are any), in the tenant's words."""
    offered_types = fault_types(draft)
    chosen = offered(offered_types, fault_type) if offered_types else None
    draft.fault_type_id = int(chosen.value) if chosen else None
    draft.fault_type_label = chosen.label if chosen else ""
    draft.description = description.strip()
    draft.save()


def describe_access(draft: FaultReport, *, way_in: str, note: str, has_pets: bool, pets: str) -> None:
    """How the craftsman gets in (one of the ways offered for the object, if any were), and whether pets are at home."""
    ways = key_handling(draft)
    chosen = offered(ways, way_in) if ways else None
    draft.key_handling_id = int(chosen.value) if chosen else None
    draft.key_handling_label = chosen.label if chosen else ""
    draft.key_note = note.strip()
    draft.has_pets = has_pets
    draft.pets = pets.strip() if has_pets else ""
    draft.save()


def choose_contact(
    draft: FaultReport, *, contact: str, first_name: str, last_name: str, phone: str, email: str
) -> None:
    """Who the craftsman calls: the tenant, or someone else, whose details are kept only then."""
    draft.contact = contact
    other = contact == FaultReport.Contact.OTHER
    draft.contact_first_name = first_name.strip() if other else ""
    draft.contact_last_name = last_name.strip() if other else ""
    draft.contact_phone = phone.strip() if other else ""
    draft.contact_email = email.strip() if other else ""
    draft.save()


def describe_general(draft: FaultReport, *, description: str, times: dict[str, datetime]) -> None:
    """What a general errand is about, in words, and when: one moment for each point in time its class records."""
    offered_points = {p.value for p in time_points(draft)}
    draft.description = description.strip()
    draft.times = {value: at.isoformat() for value, at in times.items() if value in offered_points}
    draft.save()


def finish_photos(draft: FaultReport) -> None:
    """The tenant is done with the photos, whether they added any or not."""
    draft.photos_done = True
    draft.save(update_fields=["photos_done", "updated_at"])
