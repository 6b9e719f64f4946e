"""The fault wizard in one table: each step's form, its choices, how its answer is saved, what comes next.

One view serves every step (apps.faults.views.wizard.step), at the URL named
after the step and with the template ``faults/<name>.html``. Which question
comes first and which is still unanswered is the service's to say
(drafts.STEPS, drafts.next_step), since submitting checks it too.
"""

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from django import forms as django_forms
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from apps.customer.services import CustomerSession
from apps.faults import forms
from apps.faults.models import FaultReport
from apps.faults.services import answers, drafts, photos
from apps.faults.services.drafts import Option


@dataclass(frozen=True)
class Visit:
    """One request to a step: the tenant's backend session, their draft, and the level of the node walk."""

    customer: CustomerSession
    draft: FaultReport
    level: int | None = None


def step_url(draft: FaultReport, name: str, level: int | None = None) -> str:
    if name == "place":
        return reverse("faults:place", args=[draft.public_id, level or 1])
    return reverse(f"faults:{name}", args=[draft.public_id])


def next_url(draft: FaultReport) -> str:
    """The first question the draft has no answer to yet (the check page when all are answered)."""
    name, level = drafts.next_step(draft)
    return step_url(draft, name, level)


def back_url(draft: FaultReport, name: str, level: int | None) -> str:
    """The page before this one, as the tenant came: the walk's levels one by one."""
    if name == "object":
        return reverse("faults:start")
    if name == "place" and level and level > 1:
        return step_url(draft, "place", level - 1)
    if name == "place":
        return step_url(draft, "object") if len(drafts.objects(draft)) > 1 else reverse("faults:start")
    if name == "fault":
        return step_url(draft, "place", max(len(draft.path_ids) - 1, 1))
    return step_url(draft, drafts.STEPS[drafts.STEPS.index(name) - 1])


def _nothing(visit: Visit) -> dict[str, Any]:
    return {}


def _first_unanswered(visit: Visit) -> str:
    return next_url(visit.draft)


@dataclass(frozen=True)
class Step:
    title: Promise
    form: type[django_forms.Form] | None = None  # None: nothing to answer, the page is only shown
    # The choices the form offers, from the draft or (once) from the backend: the browser may send no other.
    options: Callable[[Visit], list[Option]] | None = None
    choice_field: str = ""  # the field whose value must be one of ``options``
    skip_without_options: bool = False  # nothing to choose here: straight on to the next question
    initial: Callable[[Visit], dict[str, Any]] = _nothing  # the answer given before, from the draft
    form_kwargs: Callable[[Visit], dict[str, Any]] = _nothing
    # Saves a valid answer in the draft; a ValidationError it raises is shown on the form.
    save: Callable[[Visit, dict[str, Any]], None] | None = None
    next: Callable[[Visit], str] = _first_unanswered  # where a saved answer leads
    # Other submit buttons of the step, by name: each saves, then the first unanswered question follows.
    actions: Mapping[str, Callable[[FaultReport], None]] = field(default_factory=dict)
    context: Callable[[Visit], dict[str, Any]] = _nothing  # what else the page shows

    @property
    def methods(self) -> list[str]:
        return ["GET", "POST"] if self.form else ["GET"]


# --- what only one step needs -------------------------------------------------------------------


def _chosen_node(visit: Visit) -> dict[str, Any]:
    path = visit.draft.path_ids
    return {"node": path[visit.level] if len(path) > visit.level else None}


def _walk_question(visit: Visit) -> dict[str, Any]:
    return {"label": _("Var är felet?") if visit.level == 1 else _("Vad gäller det?")}


def _after_place(visit: Visit) -> str:
    """A leaf ends the walk; anything else has a level below it to choose from."""
    if answers.is_leaf_at(visit.draft, visit.level):
        return next_url(visit.draft)
    return step_url(visit.draft, "place", visit.level + 1)


def _access_given(visit: Visit) -> dict[str, Any]:
    draft = visit.draft
    return {
        "key_handling": draft.key_handling_id and str(draft.key_handling_id),
        "key_note": draft.key_note,
        "has_pets": {True: "yes", False: "no"}.get(draft.has_pets),
        "pets": draft.pets,
    }


def _contact_given(visit: Visit) -> dict[str, Any]:
    draft = visit.draft
    return {
        "contact": draft.contact,
        "first_name": draft.contact_first_name,
        "last_name": draft.contact_last_name,
        "phone": draft.contact_phone,
        "email": draft.contact_email,
    }


def _add_photos(visit: Visit, answer: dict[str, Any]) -> None:
    if refused := photos.add(visit.draft, answer["photos"]):
        raise ValidationError({"photos": refused})


def _photos_added(visit: Visit) -> dict[str, Any]:
    added = visit.draft.photos.all()
    return {"photos": added, "room": photos.MAX_PHOTOS - len(added)}


STEPS: dict[str, Step] = {
    "object": Step(
        title=_("Var finns felet?"),
        form=forms.ObjectForm,
        options=lambda visit: drafts.objects(visit.draft),
        choice_field="object",
        initial=lambda visit: {"object": visit.draft.head_node_id},
        save=lambda visit, answer: answers.choose_object(visit.customer, visit.draft, answer["object"]),
    ),
    "place": Step(
        title=_("Var är felet?"),
        form=forms.PlaceForm,
        options=lambda visit: drafts.children_at(visit.customer, visit.draft, visit.level),
        choice_field="node",
        skip_without_options=True,  # the place chosen above is a leaf
        initial=_chosen_node,
        form_kwargs=_walk_question,
        save=lambda visit, answer: answers.choose_node(visit.customer, visit.draft, visit.level, answer["node"]),
        next=_after_place,
        context=lambda visit: {"trail": drafts.breadcrumbs(visit.draft)[: visit.level - 1]},
    ),
    "fault": Step(
        title=_("Vad är det för fel?"),
        form=forms.FaultForm,
        options=lambda visit: drafts.fault_types(visit.draft),
        choice_field="fault_type",
        initial=lambda visit: {
            "fault_type": visit.draft.fault_type_id and str(visit.draft.fault_type_id),
            "description": visit.draft.description,
        },
        save=lambda visit, answer: answers.describe_fault(visit.draft, **answer),
    ),
    "access": Step(
        title=_("Tillträde och husdjur"),
        form=forms.AccessForm,
        options=lambda visit: drafts.key_handling_options(visit.customer, visit.draft),
        choice_field="key_handling",
        initial=_access_given,
        save=lambda visit, answer: answers.describe_access(
            visit.draft,
            way_in=answer["key_handling"],
            note=answer["key_note"],
            has_pets=answer["has_pets"],
            pets=answer["pets"],
        ),
    ),
    "contact": Step(
        title=_("Vem ska hantverkaren kontakta?"),
        form=forms.ContactForm,
        initial=_contact_given,
        save=lambda visit, answer: answers.choose_contact(visit.draft, **answer),
        context=lambda visit: {"me": drafts.own_contact(visit.customer)},
    ),
    "photos": Step(
        title=_("Bilder på felet"),
        form=forms.PhotoForm,
        save=_add_photos,
        next=lambda visit: step_url(visit.draft, "photos"),  # to see them, and perhaps add more
        actions={"done": answers.finish_photos},
        context=_photos_added,
    ),
    "check": Step(
        title=_("Kontrollera dina svar"),
        context=lambda visit: {"photos": visit.draft.photos.all()},
    ),
}
