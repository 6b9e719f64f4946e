"""The portal's own account views; allauth serves the rest of /konto/."""

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST


@never_cache
@require_POST
@login_required
def extend_session(request: HttpRequest) -> HttpResponse:
    """More time for a signed-in person warned that the session will end (WCAG 2.2.1).

    Saving the session moves its expiry a whole SESSION_COOKIE_AGE ahead. The
    warning dialog posts here with fetch and reads the seconds left; a plain
    form post (the dialog's form, should its script fail) goes back to the page.
    """
    request.session.modified = True
    expires_in = request.session.get_expiry_age()
    if request.get_preferred_type(["text/html", "application/json"]) == "application/json":
        return JsonResponse({"expires_in": expires_in})
    back = request.POST.get("next", "")
    if not back.startswith("/") or not url_has_allowed_host_and_scheme(
        back, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        back = "customer:overview"
    return redirect(back)
