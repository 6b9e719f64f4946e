"""The fault-report wizard: one question per page, every answer saved in the draft.

Every step is served by ``step`` from the table in apps.faults.steps, in the
manner of Luke Plant's "single view with actions combined": a plain form POST
that redirects (POST-redirect-GET), so it works without JavaScript, each
submit button's name saying what it does. htmx swaps only the step (the
template's ``step`` partial) and pushes its URL, so back, forward and reload
work. Every id the browser sends must be one the backend offered for this draft
(404 otherwise), checked before the backend is asked anything about it.
"""

from typing import Any
from uuid import UUID

from django import forms
from django.core.exceptions import ValidationError
from django.core.files.uploadhandler import TemporaryFileUploadHandler
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseNotAllowed
from django.shortcuts import redirect, render
from django.utils.cache import patch_vary_headers
from django.utils.translation import gettext_lazy as _
from django.views.decorators.csrf import csrf_exempt, csrf_protect
from django.views.decorators.http import require_http_methods

from apps.backends.errors import BackendError
from apps.customer.decorators import customer_required
from apps.faults.models import FaultReport
from apps.faults.services import drafts
from apps.faults.services.drafts import Option
from apps.faults.steps import STEPS, Step, Visit, back_url, next_url, step_url
from portal.unavailable import unavailable

UNAVAILABLE = _(
    "Vi kan inte hämta uppgifterna från hyresvärdens system just nu. Det du har svarat är sparat – försök igen om en stund."
)


@require_http_methods(["GET", "POST"])
@customer_required
def start(request: HttpRequest) -> HttpResponse:
    """The start page; POST starts a report, or continues the one in progress."""
    draft = drafts.active_draft_for(request.user)
    if request.method == "POST":
        session = drafts.session_for_report(request.customer)
        if session is None:
            return unavailable(request, "faults/start.html", {"draft": draft, "unavailable": True})
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


@csrf_exempt  # checked in _step, once the upload handlers are set (Django's documented pattern)
@require_http_methods(["GET", "POST"])
@customer_required
def step(request: HttpRequest, report: UUID, name: str, level: int | None = None) -> HttpResponse:
    """Any step of the wizard, as its entry in apps.faults.steps.STEPS describes it."""
    # Every upload (the photo step) goes to a temporary file, never into memory, however many come at once.
    request.upload_handlers = [TemporaryFileUploadHandler(request)]
    return _step(request, report, name, level)


@csrf_protect
def _step(request: HttpRequest, report: UUID, name: str, level: int | None) -> HttpResponse:
    current = STEPS[name]
    if request.method not in current.methods:
        return HttpResponseNotAllowed(current.methods)
    draft = draft_of(request, report)
    if name not in drafts.steps_for(draft):  # a fault report's question in a general errand, or the reverse
        raise Http404("no such step in this kind of report")
    if guard := ahead_of(draft, name):
        return guard
    visit = Visit(request.customer, draft, level)
    try:
        options = current.options(visit) if current.options else None
    except BackendError:
        return render_step(request, name, visit, None, unavailable=True)
    if current.skip_without_options and options == []:
        return redirect(next_url(draft))
    form = make_form(request, current, visit, options)
    if request.method == "POST":
        for action, act in current.actions.items():
            if action in request.POST:
                act(draft)
                return redirect(next_url(draft))
        if current.choice_field:
            check_offered(request, current.choice_field, options)
        if form.is_valid():
            try:
                current.save(visit, form.cleaned_data)
            except ValidationError as refused:
                form.add_error(None, refused)
            except BackendError:
                return render_step(request, name, visit, form, unavailable=True)
            else:
                return redirect(current.next(visit))
    return render_step(request, name, visit, form)


def make_form(request: HttpRequest, step: Step, visit: Visit, options: list[Option] | None) -> forms.Form | None:
    """The step's form, bound to what was sent, or showing the answer given before."""
    if step.form is None:
        return None
    kwargs = step.form_kwargs(visit)
    if step.options:
        kwargs["options"] = options
    if request.method == "POST":
        return step.form(request.POST, request.FILES, **kwargs)
    return step.form(initial=step.initial(visit), **kwargs)


def draft_of(request: HttpRequest, report: UUID) -> FaultReport:
    return drafts.draft_for(request.user, request.customer.customer_number, report)


def ahead_of(draft: FaultReport, name: str) -> HttpResponse | None:
    """A step whose earlier questions are not answered sends the tenant back to the first of them."""
    missing, level = drafts.next_step(draft)
    if drafts.STEPS.index(missing) < drafts.STEPS.index(name):
        return redirect(step_url(draft, missing, level))
    return None


def check_offered(request: HttpRequest, name: str, options: list[Option] | None) -> None:
    """A value the backend never offered is not a mistake to correct but a forged request: 404."""
    value = request.POST.get(name)
    # No options (none offered, or PM5 down and none kept): no value can be one of them.
    if value and value not in {o.value for o in options or ()}:
        raise Http404("not one of the choices offered")


def render_step(
    request: HttpRequest, name: str, visit: Visit, form: forms.Form | None, *, unavailable: bool = False
) -> HttpResponse:
    """The whole page, or for htmx only the step: the named partial ``step`` of the same template.

    A history restore (back after a page htmx made) asks for the whole page again. When the
    backend cannot be asked, htmx only swaps a 2xx answer in: there the calm message comes with 200.
    """
    context: dict[str, Any] = {
        "draft": visit.draft,
        "form": form,
        "step": name,
        "title": STEPS[name].title_for(visit.draft),
        "back_url": back_url(visit.draft, name, visit.level),
        "level": visit.level,
        **STEPS[name].context(visit),
    }
    status = 200
    if unavailable:
        context["unavailable"] = UNAVAILABLE
        status = 200 if request.htmx else 503
    template_name = f"faults/{name}.html"
    if request.htmx and not request.htmx.history_restore_request:
        template_name += "#step"
    response = render(request, template_name, context, status=status)
    patch_vary_headers(response, ["HX-Request"])
    return response
