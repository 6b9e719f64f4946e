"""The fault wizard in one table: each step's form, its choices, how its answer is saved, what comes next.

One view serves every step (apps.faults.views.wizard.step), at the URL named
after the step and with the template ``faults/<name>.html``. Which question
comes first and which is still unanswered is the service's to say
(drafts.STEPS, drafts.next_step), since submitting checks it too.
"""

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import datetime, time
from typing import Any

from django import forms as django_forms
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from apps.backends.pm5 import general
from apps.customer.services import CustomerSession
from apps.faults import forms
from apps.faults.general_forms import WhatForm
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
    start = reverse("faults:general_start" if draft.is_general else "faults:start")
    if name == "object":
        return start
    if name == "place" and level and level > 1:
        return step_url(draft, "place", level - 1)
    if name == "place":
        return step_url(draft, "object") if len(drafts.objects(draft)) > 1 else start
    if name in ("fault", "what"):
        return step_url(draft, "place", max(len(draft.path_ids) - 1, 1))
    steps = drafts.steps_for(draft)
    return step_url(draft, steps[steps.index(name) - 1])


def _nothing(visit: Visit) -> dict[str, Any]:
    return {}


def _first_unanswered(visit: Visit) -> str:
    return next_url(visit.draft)


@dataclass(frozen=True)
class Step:
    title: Promise
    form: type[django_forms.Form] | None = None  # None: nothing to answer, the page is only shown
    # The choices the form offers, from the draft or (once) from the backend: the browser may send no other.
    # They may be None: PM5 is down and they were never fetched (the form asks in words instead).
    options: Callable[[Visit], list[Option] | None] | None = None
    choice_field: str = ""  # the field whose value must be one of ``options``
    skip_without_options: bool = False  # an empty list (not None) of options: straight on to the next question
    initial: Callable[[Visit], dict[str, Any]] = _nothing  # the answer given before, from the draft
    form_kwargs: Callable[[Visit], dict[str, Any]] = _nothing
    # Saves a valid answer in the draft; a ValidationError it raises is shown on the form.
    save: Callable[[Visit, dict[str, Any]], None] | None = None
    next: Callable[[Visit], str] = _first_unanswered  # where a saved answer leads
    # Other submit buttons of the step, by name: each saves, then the first unanswered question follows.
    actions: Mapping[str, Callable[[FaultReport], None]] = field(default_factory=dict)
    context: Callable[[Visit], dict[str, Any]] = _nothing  # what else the page shows
    general_title: Promise | None = None  # the title in a general errand (a disturbance, a request)

    def title_for(self, draft: FaultReport) -> Promise:
        return self.general_title if draft.is_general and self.general_title else self.title

    @property
    def methods(self) -> list[str]:
        return ["GET", "POST"] if self.form else ["GET"]


# --- what only one step needs -------------------------------------------------------------------


def _chosen_node(visit: Visit) -> dict[str, Any]:
    path = visit.draft.path_ids
    return {"node": path[visit.level] if len(path) > visit.level else None, "where": visit.draft.place_in_words}


def _save_place(visit: Visit, answer: dict[str, Any]) -> None:
    if "where" in answer:  # the words form: this part of the walk could not be shown
        answers.describe_place(visit.draft, visit.level, answer["where"])
    else:
        answers.choose_node(visit.customer, visit.draft, visit.level, answer["node"])


def _walk_question(visit: Visit) -> dict[str, Any]:
    if visit.draft.is_general:
        return {"label": _("Vad gäller det?") if visit.level == 1 else _("Vad stämmer bäst?")}
    return {"label": _("Var är felet?") if visit.level == 1 else _("Vad gäller det?")}


def _after_place(visit: Visit) -> str:
    """A leaf, or the place in words, ends the walk; anything else has a level below it to choose from."""
    if visit.draft.place_in_words or answers.is_leaf_at(visit.draft, visit.level):
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


def _what_given(visit: Visit) -> dict[str, Any]:
    given: dict[str, Any] = {"description": visit.draft.description}
    for value, at in visit.draft.times.items():
        moment = timezone.localtime(datetime.fromisoformat(at))
        given[f"date_{value}"] = moment.date()
        given[f"time_{value}"] = moment.time() if moment.time() != time(0, 0) else None
    return given


def _times_given(draft: FaultReport) -> list[tuple[str, datetime]]:
    """(label, when) of each point in time a general errand's answer gave, e.g. ("Inträffat", …)."""
    labels = {p.value: p.label for p in drafts.time_points(draft)}
    return [(labels[value], datetime.fromisoformat(at)) for value, at in draft.times.items() if value in labels]


def _photos_added(visit: Visit) -> dict[str, Any]:
    added = visit.draft.photos.all()
    return {"photos": added, "room": photos.MAX_PHOTOS - len(added)}


STEPS: dict[str, Step] = {
    "object": Step(
        title=_("Var finns felet?"),
        general_title=_("Vilket boende gäller det?"),
        form=forms.ObjectForm,
        options=lambda visit: drafts.objects(visit.draft),
        choice_field="object",
        initial=lambda visit: {"object": visit.draft.head_node_id},
        form_kwargs=lambda visit: {"label": STEPS["object"].title_for(visit.draft)},
        save=lambda visit, answer: answers.choose_object(visit.customer, visit.draft, answer["object"]),
    ),
    "place": Step(
        title=_("Var är felet?"),
        general_title=_("Vad gäller det?"),
        form=forms.PlaceForm,
        options=lambda visit: drafts.children_at(visit.customer, visit.draft, visit.level),
        choice_field="node",
        skip_without_options=True,  # the place chosen above is a leaf
        initial=_chosen_node,
        form_kwargs=_walk_question,
        save=_save_place,
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
    "what": Step(
        title=_("Beskriv ärendet"),
        form=WhatForm,
        options=lambda visit: drafts.time_points(visit.draft),
        initial=_what_given,
        save=lambda visit, answer: answers.describe_general(
            visit.draft, description=answer["description"], times=answer["times"]
        ),
        context=lambda visit: {"disturbance": general.is_disturbance(visit.draft.errand_class)},
    ),
    "access": Step(
        title=_("Tillträde och husdjur"),
        form=forms.AccessForm,
        options=lambda visit: drafts.key_handling_options(visit.customer, visit.draft),
        choice_field="key_handling",
        initial=_access_given,
        save=lambda visit, answer: answers.describe_access(
            visit.draft,
            way_in=answer.get("key_handling", ""),  # no field when no ways in were offered
            note=answer["key_note"],
            has_pets=answer["has_pets"],
            pets=answer["pets"],
        ),
    ),
    "contact": Step(
        title=_("Vem ska hantverkaren kontakta?"),
        general_title=_("Vem ska hyresvärden kontakta?"),
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
        context=lambda visit: {
            "photos": visit.draft.photos.all(),
            "disturbance": general.is_disturbance(visit.draft.errand_class),
            "times": _times_given(visit.draft),
        },
    ),
}
