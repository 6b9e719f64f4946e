"""Accounts and the one backend customer each of them acts for.

A personnummer passes through here on its way to the backend and goes no
further: it is never stored, logged or put in an exception message.
"""

import logging

from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.db import IntegrityError, transaction

from apps.accounts.models import CustomerLink
from apps.backends.errors import BackendError, BackendNotFound
from apps.backends.pm5 import get_client

logger = logging.getLogger(__name__)

User = get_user_model()


class CustomerCheckUnavailable(Exception):
    """The backend could not say whether the customer number and personnummer belong together."""


class CustomerAlreadyLinked(Exception):
    """Another account already acts for this customer."""


def verify_customer(customer_number: str, personnummer: str) -> bool:
    """Ask the backend whether the personnummer belongs to the customer.

    An unknown customer and a mismatch are the same answer, False, so nobody can
    find out which customer numbers exist. The session key the backend opens
    for the check is not kept: the tenant's session starts at login.
    """
    try:
        get_client().open_session(customer_number=customer_number, personnummer=personnummer)
    except BackendNotFound:
        return False
    except BackendError as exc:
        logger.warning("Could not verify a customer at signup: %s", type(exc).__name__)
        raise CustomerCheckUnavailable from None
    return True


def customer_is_linked(customer_number: str) -> bool:
    return CustomerLink.objects.filter(customer_number=customer_number).exists()


def link_customer(user, customer_number: str) -> CustomerLink:
    """Link a new account to its customer; a concurrent signup for the same customer loses."""
    try:
        with transaction.atomic():
            return CustomerLink.objects.create(user=user, customer_number=customer_number)
    except IntegrityError:
        raise CustomerAlreadyLinked from None


@transaction.atomic
def create_linked_account(*, email: str, password: str, customer_number: str, is_staff: bool = False):
    """Create (or reset) an account with a verified e-mail, linked to a backend customer.

    Used by the demo data and the tests; real tenants go through signup.
    """
    user, _ = User.objects.get_or_create(username=email, defaults={"email": email})
    user.email = email
    user.is_staff = is_staff
    user.set_password(password)
    user.save()
    EmailAddress.objects.update_or_create(user=user, email=email, defaults={"verified": True, "primary": True})
    if customer_number:
        CustomerLink.objects.update_or_create(user=user, defaults={"customer_number": customer_number})
    return user
