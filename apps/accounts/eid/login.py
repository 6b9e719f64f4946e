"""From a personnummer proved by e-ID to the account of the backend customer it belongs to.

The backend says which customer it is (the same check as at signup, without a
one-time code: the e-ID proved the person). That customer's linked account is
logged in; a customer without one gets a new account, linked at once. Every
attempt is audited as a LinkAttempt, the personnummer only as a keyed hash.
"""

import uuid

from django.contrib.auth import get_user_model
from django.db import transaction
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from apps.accounts import services
from apps.accounts.linking import audit
from apps.accounts.models import CustomerLink, LinkAttempt

Outcome = LinkAttempt.Outcome
User = get_user_model()


class EidRefused(Exception):
    """No account for this e-ID; message is for the person, on the login page."""

    def __init__(self, message):
        super().__init__(str(message))
        self.message = message


UNKNOWN = _("Vi hittar ingen hyresgäst med ditt personnummer. Kontakta din hyresvärd om du tror att det är fel.")
UNAVAILABLE = _("Vi kan inte logga in dig med e-legitimation just nu. Försök igen om en stund.")


def account_for(request: HttpRequest, personnummer: str):
    """The account that acts for the personnummer's customer: the linked one, or a new one linked now."""
    try:
        customer_number = services.customer_for_personnummer(personnummer)
    except services.CustomerMismatch:
        audit(request, "", Outcome.EID_UNKNOWN, personnummer=personnummer)
        raise EidRefused(UNKNOWN) from None
    except services.CustomerCheckUnavailable:
        audit(request, "", Outcome.UNAVAILABLE, personnummer=personnummer)
        raise EidRefused(UNAVAILABLE) from None
    link = CustomerLink.objects.select_related("user").filter(customer_number=customer_number).first()
    if link is not None:
        audit(request, customer_number, Outcome.EID_LOGIN, personnummer=personnummer, user=link.user)
        return link.user
    user = _new_linked_account(customer_number)
    audit(request, customer_number, Outcome.EID_LINKED, personnummer=personnummer, user=user)
    return user


def _new_linked_account(customer_number: str):
    """An account for e-ID login only: no e-mail or password yet, the tenant can add both later."""
    try:
        with transaction.atomic():
            user = User(username=f"e-id-{uuid.uuid4().hex}")
            user.set_unusable_password()
            user.save()
            services.link_customer(user, customer_number)
            return user
    except services.CustomerAlreadyLinked:
        # Another login for the same customer made its account a moment ago: that one it is.
        return CustomerLink.objects.select_related("user").get(customer_number=customer_number).user
