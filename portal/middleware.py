from django.conf import settings
from django.contrib.sessions.middleware import SessionMiddleware
from django.http import HttpRequest, HttpResponse
from django.middleware.locale import LocaleMiddleware
from django.utils import translation


class SwedishFirstLocaleMiddleware(LocaleMiddleware):
    """Swedish unless the visitor chose another language with the switch in the footer.

    The browser's Accept-Language is not consulted: many tenants' phones are set
    to English while they read Swedish best, and a page should not change
    language behind their backs. The switch stores the choice in a cookie.
    """

    def process_request(self, request: HttpRequest) -> None:
        chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
        language = chosen if chosen in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE
        translation.activate(language)
        request.LANGUAGE_CODE = translation.get_language()


POLL_HEADER = "X-Poll"


class ActivitySessionMiddleware(SessionMiddleware):
    """Django's session middleware, except that a page polling by itself is not activity.

    Sessions are saved on every request (SESSION_SAVE_EVERY_REQUEST), which moves
    their expiry; a request the page makes on its own (the fault receipt asking
    for its status every few seconds, marked with the X-Poll header) must not, or
    a page left open on a shared computer would keep the tenant logged in for ever.
    """

    def process_response(self, request: HttpRequest, response: HttpResponse) -> HttpResponse:
        session = getattr(request, "session", None)
        if request.headers.get(POLL_HEADER) and session is not None and not session.modified:
            return response
        return super().process_response(request, response)
