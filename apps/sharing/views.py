"""Sharing an errand: the tenant's page that makes and withdraws the link, and the page the link opens."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.cache import add_never_cache_headers
from django.views.decorators.http import require_GET, require_http_methods

from apps.backends.errors import BackendError
from apps.customer.decorators import customer_required
from apps.sharing import services
from portal.unavailable import unavailable, unavailable_page


@require_http_methods(["GET", "POST"])
@customer_required
@unavailable_page("sharing/share_unavailable.html")
def share_errand(request: HttpRequest, errand_id: int) -> HttpResponse:
    """One page, two actions: "share" makes the link, "stop" withdraws it."""
    errand = services.own_errand(request.customer, errand_id)
    share = services.share_of(request.user, errand_id)
    if request.method == "POST":
        if "share" in request.POST:
            try:
                services.start_sharing(request.customer, request.user, errand)
            except BackendError:
                context = {"errand": errand, "share": None, "failed": True}
                return unavailable(request, "sharing/share.html", context)
        elif "stop" in request.POST and share is not None:
            services.stop_sharing(request.customer, share)
        return redirect("sharing:share", errand_id)
    link = request.build_absolute_uri(share.get_absolute_url()) if share else None
    return render(request, "sharing/share.html", {"errand": errand, "share": share, "link": link})


@require_GET
@unavailable_page("sharing/shared_unavailable.html", not_found_is_404=True)
def shared(request: HttpRequest, token: str) -> HttpResponse:
    """What anyone with the link sees: no login, nothing about the person who reported it."""
    if not services.may_view(request):
        response = render(request, "sharing/shared_limited.html", status=429)
    else:
        response = render(request, "sharing/shared.html", {"errand": services.shared_errand(token)})
    # A withdrawn link must stop working at once, also in a shared computer's browser cache.
    add_never_cache_headers(response)
    response["Referrer-Policy"] = "no-referrer"  # the link's token never travels on to another site
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response
