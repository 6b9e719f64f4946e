"""The login backends: Django's and allauth's, fetching the account's customer link with the account.

Every signed-in request loads the account (the session's user id); nearly every page then asks
for its customer link: base.html's menu (``user.customer_link|truthy``) and every tenant view
(apps.customer.decorators). Fetched with the account, that is one query per request instead of
two; an account without a link is known to have none without asking again.

The session names the backend its login came through (django.contrib.auth keeps the dotted path
and refuses a session whose path is no longer in AUTHENTICATION_BACKENDS). Sessions signed in
before these backends moved here name Django's and allauth's own classes: MOVED maps those paths
to these, for the session store to read them as these (portal/sessions.py), so nobody is logged
out by the change.
"""

from allauth.account.auth_backends import AuthenticationBackend as AllauthBackend
from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend as DjangoModelBackend


class _WithCustomerLink:
    def get_user(self, user_id):
        users = get_user_model()._default_manager.select_related("customer_link")
        try:
            user = users.get(pk=user_id)
        except users.model.DoesNotExist:
            return None
        return user if self.user_can_authenticate(user) else None

    async def aget_user(self, user_id):
        users = get_user_model()._default_manager.select_related("customer_link")
        try:
            user = await users.aget(pk=user_id)
        except users.model.DoesNotExist:
            return None
        return user if self.user_can_authenticate(user) else None


class ModelBackend(_WithCustomerLink, DjangoModelBackend):
    """Django's ModelBackend (username and password)."""


class AuthenticationBackend(_WithCustomerLink, AllauthBackend):
    """allauth's backend (e-mail and password)."""


MOVED = {
    "django.contrib.auth.backends.ModelBackend": f"{__name__}.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend": f"{__name__}.AuthenticationBackend",
}
