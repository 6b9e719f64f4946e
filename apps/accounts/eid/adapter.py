"""How allauth's social login runs for e-ID: our account for the customer, or a message on the login page."""

import logging

from allauth.core.exceptions import ImmediateHttpResponse
from allauth.socialaccount.adapter import DefaultSocialAccountAdapter
from allauth.socialaccount.providers.base import AuthError
from django.contrib import messages
from django.shortcuts import redirect
from django.utils.translation import gettext_lazy as _

from apps.accounts.eid import login

logger = logging.getLogger(__name__)

FAILED = _("Inloggningen med e-legitimation gick inte att slutföra. Försök igen.")
CANCELLED = _("Du avbröt inloggningen med e-legitimation.")


class EidAdapter(DefaultSocialAccountAdapter):
    def pre_social_login(self, request, sociallogin) -> None:
        """Find (or make) the customer's account and attach this e-ID login to it, or stop here.

        The personnummer was put on the SocialLogin by EidProvider and is taken off at once.
        """
        personnummer = vars(sociallogin).pop("personnummer", "")
        if not personnummer:
            logger.warning("An e-ID login without a personnummer claim")
            _back_to_login(request, FAILED)
        try:
            user = login.account_for(request, personnummer)
        except login.EidRefused as refused:
            _back_to_login(request, refused.message)
        if not sociallogin.is_existing:
            sociallogin.connect(request, user)
        elif sociallogin.user != user:  # the customer is linked to another account now: follow the link
            sociallogin.account.user = user
            sociallogin.account.save(update_fields=["user"])
            sociallogin.user = user

    def is_open_for_signup(self, request, sociallogin) -> bool:
        # pre_social_login has always made or found the account: allauth's own social signup never runs.
        return False

    def on_authentication_error(self, request, provider, error=None, exception=None, extra_context=None) -> None:
        """A wrong state, a bad or expired ID token, a refusal at the broker: back to the login page."""
        # The class only: an exception's text may quote what the broker sent.
        logger.warning("e-ID login failed: %s %s", error, type(exception).__name__ if exception else "")
        _back_to_login(request, CANCELLED if error == AuthError.CANCELLED else FAILED)


def _back_to_login(request, message) -> None:
    messages.error(request, message)
    raise ImmediateHttpResponse(redirect("account_login"))
