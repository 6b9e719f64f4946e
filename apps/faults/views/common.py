"""What every wizard view shares: its draft, where it leads, and rendering the page or just its step."""

from typing import Any
from uuid import UUID

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.cache import patch_vary_headers
from django.utils.translation import gettext_lazy as _

from apps.faults.models import FaultReport
from apps.faults.services import drafts
from apps.faults.services.drafts import STEPS

TITLES = {
    "object": _("Var finns felet?"),
    "place": _("Var är felet?"),
    "fault": _("Vad är det för fel?"),
    "access": _("Tillträde och husdjur"),
    "contact": _("Vem ska hantverkaren kontakta?"),
    "photos": _("Bilder på felet"),
    "check": _("Kontrollera dina svar"),
}
UNAVAILABLE = _(
    "Vi kan inte hämta uppgifterna från hyresvärdens system just nu. Det du har svarat är sparat – försök igen om en stund."
)


def render_step(request: HttpRequest, template_name: str, context: dict[str, Any], status: int = 200) -> HttpResponse:
    """The whole page, or for htmx only the step: the named partial ``step`` of the same template.

    A history restore (back after a page htmx made) asks for the whole page again.
    """
    if request.htmx and not request.htmx.history_restore_request:
        template_name += "#step"
    response = render(request, template_name, context, status=status)
    patch_vary_headers(response, ["HX-Request"])
    return response


def unavailable_status(request: HttpRequest) -> int:
    """503 for the page; htmx only swaps a 2xx answer in, so there the calm message comes with 200."""
    return 200 if request.htmx else 503


def step_url(draft: FaultReport, step: str, level: int | None = None) -> str:
    if step == "place":
        return reverse("faults:place", args=[draft.public_id, level or 1])
    return reverse(f"faults:{step}", args=[draft.public_id])


def draft_of(request: HttpRequest, report: UUID) -> FaultReport:
    return drafts.draft_for(request.user, request.customer.customer_number, report)


def next_url(draft: FaultReport) -> str:
    step, level = drafts.next_step(draft)
    return step_url(draft, step, level)


def ahead_of(draft: FaultReport, step: str) -> HttpResponse | None:
    """A step whose earlier questions are not answered sends the tenant back to the first of them."""
    missing, level = drafts.next_step(draft)
    if STEPS.index(missing) < STEPS.index(step):
        return redirect(step_url(draft, missing, level))
    return None


def check_offered(request: HttpRequest, name: str, options: list[drafts.Option]) -> None:
    """A value the backend never offered is not a mistake to correct but a forged request: 404."""
    value = request.POST.get(name)
    if value and options and value not in {o.value for o in options}:
        raise Http404("not one of the choices offered")


def step_context(draft: FaultReport, form, step: str, **extra) -> dict:
    return {
        "draft": draft,
        "form": form,
        "step": step,
        "title": TITLES[step],
        "back_url": back_url(draft, step, extra.get("level")),
        **extra,
    }


def back_url(draft: FaultReport, step: str, level: int | None) -> str:
    """The page before this one, as the tenant came: the walk's levels one by one."""
    if step == "object":
        return reverse("faults:start")
    if step == "place" and level and level > 1:
        return step_url(draft, "place", level - 1)
    if step == "place":
        return step_url(draft, "object") if len(drafts.objects(draft)) > 1 else reverse("faults:start")
    if step == "fault":
        return step_url(draft, "place", max(len(draft.path_ids) - 1, 1))
    return step_url(draft, STEPS[STEPS.index(step) - 1])


def unavailable(request: HttpRequest, template: str, draft: FaultReport, form, **extra) -> HttpResponse:
    context = step_context(draft, form, template.rsplit("/", 1)[-1].removesuffix(".html"), **extra)
    context["unavailable"] = UNAVAILABLE
    if extra.get("level") and "trail" not in context:
        context["trail"] = drafts.breadcrumbs(draft)[: extra["level"] - 1]
    return render_step(request, template, context, status=unavailable_status(request))
