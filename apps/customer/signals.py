import logging

from allauth.account.signals import user_logged_in
from django.dispatch import receiver

from apps.backends.errors import BackendError
from apps.customer.services import open_backend_session

logger = logging.getLogger(__name__)


@receiver(user_logged_in)
def obtain_backend_session(sender, request, user, **kwargs) -> None:
    link = getattr(user, "customer_link", None)
    if link is None:
        return
    try:
        open_backend_session(request, link.customer_number)
    except BackendError as exc:
        # Logging in still works; the first page tries again and says so calmly if it must.
        logger.warning("Could not obtain a PM5 session at login: %s", type(exc).__name__)
