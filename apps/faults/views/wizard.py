"""The fault-report wizard: one question per page, every answer saved in the draft.

Each step is a plain form POST that redirects (POST-redirect-GET), so it works
without JavaScript; htmx swaps only the step and pushes its URL, so back,
forward and reload work. Every id the browser sends must be one the backend
offered for this draft (404 otherwise), checked before the backend is asked
anything about it.
"""

from uuid import UUID

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_http_methods

from apps.backends.errors import BackendError
from apps.customer.decorators import customer_required
from apps.faults import forms
from apps.faults.models import FaultReport
from apps.faults.services import drafts
from apps.faults.views.common import (
    ahead_of,
    check_offered,
    draft_of,
    next_url,
    render_step,
    step_context,
    step_url,
    unavailable,
)


@require_http_methods(["GET", "POST"])
@customer_required
def start(request: HttpRequest) -> HttpResponse:
    """The start page; POST starts a report, or continues the one in progress."""
    draft = drafts.active_draft_for(request.user)
    if request.method == "POST":
        try:
            session = request.customer.data()
        except BackendError:
            return render(request, "faults/start.html", {"draft": draft, "unavailable": True}, status=503)
        draft = drafts.start(request.user, request.customer.customer_number, session, restart="restart" in request.POST)
        if draft is None:
            return render(request, "faults/start.html", {"draft": None, "nothing_to_report": True})
        return redirect(next_url(draft))
    return render(request, "faults/start.html", {"draft": draft})


@require_http_methods(["GET"])
@customer_required
def resume(request: HttpRequest, report: UUID) -> HttpResponse:
    """Continue a draft ("Fortsätt din felanmälan") at its first unanswered question."""
    return redirect(next_url(draft_of(request, report)))


@require_http_methods(["GET", "POST"])
@customer_required
def object_step(request: HttpRequest, report: UUID) -> HttpResponse:
    draft = draft_of(request, report)
    options = drafts.objects(draft)
    form = forms.ObjectForm(request.POST or None, options=options, initial={"object": draft.head_node_id})
    if request.method == "POST":
        check_offered(request, "object", options)
        if form.is_valid():
            try:
                drafts.choose_object(request.customer, draft, form.cleaned_data["object"])
            except BackendError:
                return unavailable(request, "faults/object.html", draft, form)
            return redirect(next_url(draft))
    return render_step(request, "faults/object.html", step_context(draft, form, "object"))


@require_http_methods(["GET", "POST"])
@customer_required
def place_step(request: HttpRequest, report: UUID, level: int) -> HttpResponse:
    """One level of the node walk: what lies in the place chosen so far."""
    draft = draft_of(request, report)
    if guard := ahead_of(draft, "place"):
        return guard
    try:
        options = drafts.children_at(request.customer, draft, level)
    except BackendError:
        return unavailable(request, "faults/place.html", draft, None, level=level)
    if not options:  # the place chosen above is a leaf: nothing more to choose here
        return redirect(next_url(draft))
    path = draft.path_ids
    label = _("Var är felet?") if level == 1 else _("Vad gäller det?")
    chosen = path[level] if len(path) > level else None
    form = forms.PlaceForm(request.POST or None, options=options, label=label, initial={"node": chosen})
    if request.method == "POST":
        check_offered(request, "node", options)
        if form.is_valid():
            try:
                is_leaf = drafts.choose_node(request.customer, draft, level, form.cleaned_data["node"])
            except BackendError:
                return unavailable(request, "faults/place.html", draft, form, level=level)
            return redirect(next_url(draft) if is_leaf else step_url(draft, "place", level + 1))
    context = step_context(draft, form, "place", level=level)
    context["trail"] = drafts.breadcrumbs(draft)[: level - 1]
    return render_step(request, "faults/place.html", context)


@require_http_methods(["GET", "POST"])
@customer_required
def fault_step(request: HttpRequest, report: UUID) -> HttpResponse:
    draft = draft_of(request, report)
    if guard := ahead_of(draft, "fault"):
        return guard
    options = drafts.fault_types(draft)
    initial = {"fault_type": draft.fault_type_id and str(draft.fault_type_id), "description": draft.description}
    form = forms.FaultForm(request.POST or None, fault_types=options, initial=initial)
    if request.method == "POST":
        check_offered(request, "fault_type", options)
        if form.is_valid():
            chosen = drafts.offered(options, form.cleaned_data["fault_type"]) if options else None
            draft.fault_type_id = int(chosen.value) if chosen else None
            draft.fault_type_label = chosen.label if chosen else ""
            draft.description = form.cleaned_data["description"].strip()
            draft.save()
            return redirect(next_url(draft))
    return render_step(request, "faults/fault.html", step_context(draft, form, "fault"))


@require_http_methods(["GET", "POST"])
@customer_required
def access_step(request: HttpRequest, report: UUID) -> HttpResponse:
    draft = draft_of(request, report)
    if guard := ahead_of(draft, "access"):
        return guard
    try:
        options = drafts.key_handling_options(request.customer, draft)
    except BackendError:
        return unavailable(request, "faults/access.html", draft, None)
    has_pets = {True: "yes", False: "no"}.get(draft.has_pets)
    initial = {
        "key_handling": draft.key_handling_id and str(draft.key_handling_id),
        "key_note": draft.key_note,
        "has_pets": has_pets,
        "pets": draft.pets,
    }
    form = forms.AccessForm(request.POST or None, key_handling=options, initial=initial)
    if request.method == "POST":
        check_offered(request, "key_handling", options)
        if form.is_valid():
            chosen = drafts.offered(options, form.cleaned_data["key_handling"])
            draft.key_handling_id, draft.key_handling_label = int(chosen.value), chosen.label
            draft.key_note = form.cleaned_data["key_note"].strip()
            draft.has_pets = form.cleaned_data["has_pets"]
            draft.pets = form.cleaned_data["pets"].strip() if draft.has_pets else ""
            draft.save()
            return redirect(next_url(draft))
    return render_step(request, "faults/access.html", step_context(draft, form, "access"))


@require_http_methods(["GET", "POST"])
@customer_required
def contact_step(request: HttpRequest, report: UUID) -> HttpResponse:
    draft = draft_of(request, report)
    if guard := ahead_of(draft, "contact"):
        return guard
    initial = {
        "contact": draft.contact,
        "first_name": draft.contact_first_name,
        "last_name": draft.contact_last_name,
        "phone": draft.contact_phone,
        "email": draft.contact_email,
    }
    form = forms.ContactForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        draft.contact = data["contact"]
        other = draft.contact == FaultReport.Contact.OTHER
        draft.contact_first_name = data["first_name"].strip() if other else ""
        draft.contact_last_name = data["last_name"].strip() if other else ""
        draft.contact_phone = data["phone"].strip() if other else ""
        draft.contact_email = data["email"].strip() if other else ""
        draft.save()
        return redirect(next_url(draft))
    context = step_context(draft, form, "contact")
    context["me"] = drafts.own_contact(request.customer)
    return render_step(request, "faults/contact.html", context)


@require_http_methods(["GET"])
@customer_required
def check(request: HttpRequest, report: UUID) -> HttpResponse:
    """Check your answers, each with a link to change it."""
    draft = draft_of(request, report)
    if guard := ahead_of(draft, "check"):
        return guard
    context = step_context(draft, None, "check")
    context["photos"] = draft.photos.all()
    return render_step(request, "faults/check.html", context)
