from functools import wraps

from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.cache import add_never_cache_headers

from apps.customer.services import CustomerSession


def customer_required(view):
    """Logged in and linked to a backend customer; sets request.customer.

    A tenant's account without a customer yet (its link code not entered) is sent to
    the page that completes the link; staff without a customer get a plain page saying
    so. Never somebody else's data. Responses are never cached.
    """

    @login_required
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        link = getattr(request.user, "customer_link", None)
        if link is None and not request.user.is_staff:
            return redirect("accounts:link")
        if link is None:
            return render(request, "customer/no_customer.html", status=403)
        request.customer = CustomerSession(request, link.customer_number)
        response = view(request, *args, **kwargs)
        # Personal data: never kept by the browser or a proxy on a shared computer.
        add_never_cache_headers(response)
        return response

    return wrapper
