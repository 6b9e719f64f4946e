from functools import wraps

from allauth.account.decorators import reauthentication_required
from allauth.core.exceptions import ReauthenticationRequired
from django_htmx.http import HttpResponseClientRedirect

from portal.htmx_forms import is_field_check


def password_confirmed(view):
    """The password again before contact details change (allauth's reauthentication).

    Contact details are how a lost account is recovered, so a session left open on
    someone else's computer must not be enough to change them. allauth asks for the
    password at most every ACCOUNT_REAUTHENTICATION_TIMEOUT (5 min), and after it
    carries on with the request that was interrupted, a POST included, so nothing
    typed is lost. Per-field checks change nothing and pass (a check must never take
    the tenant away from the form); an htmx request that needs the password reloads
    the whole page instead of getting the password form inside a fragment.
    """
    guarded = reauthentication_required(view, enabled=lambda request: not is_field_check(request))

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        try:
            return guarded(request, *args, **kwargs)
        except ReauthenticationRequired:
            if request.htmx:
                return HttpResponseClientRedirect(request.get_full_path())
            raise

    return wrapper
