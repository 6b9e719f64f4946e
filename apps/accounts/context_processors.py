from django.conf import settings
from django.http import HttpRequest


def session_timeout(request: HttpRequest) -> dict:
    """The seconds a signed-in person's session has left, for the timeout warning in base.html.

    Every request saves the session (SESSION_SAVE_EVERY_REQUEST), so the session
    of the page being rendered ends a whole expiry age from now.
    """
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    return {
        "session_timeout": {
            "expires_in": request.session.get_expiry_age(),
            "warn_before": settings.SESSION_TIMEOUT_WARNING_SECONDS,
        }
    }
