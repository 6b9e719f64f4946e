"""One guard for the whole staff tree, as pretix's control PermissionMiddleware does.

Every view in the "staff" URL namespace is reached only by a signed-in staff
account (``is_staff``) with a TOTP authenticator: anonymous visitors go to the
login page, tenants get 403, staff without TOTP are sent to set it up. The
views themselves need no decorator, so a new staff view cannot forget one.
"""

from collections.abc import Callable

from allauth.mfa.models import Authenticator
from allauth.mfa.utils import is_mfa_enabled
from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils.cache import add_never_cache_headers, patch_cache_control
from django.utils.translation import gettext as _

NAMESPACE = "staff"


def is_staff_view(request: HttpRequest) -> bool:
    match = getattr(request, "resolver_match", None)
    return match is not None and NAMESPACE in match.namespaces


class StaffMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if is_staff_view(request):
            # Tenants' personal data: never kept by a browser or a proxy.
            add_never_cache_headers(response)
            patch_cache_control(response, private=True)
        return response

    def process_view(self, request: HttpRequest, view_func, view_args, view_kwargs) -> HttpResponse | None:
        if not is_staff_view(request):
            return None
        user = request.user
        if not user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if not user.is_staff:
            raise PermissionDenied
        if not is_mfa_enabled(user, [Authenticator.Type.TOTP]):
            messages.warning(request, _("Personalsidorna kräver tvåstegsverifiering. Aktivera den först."))
            return redirect("mfa_activate_totp")
        return None
