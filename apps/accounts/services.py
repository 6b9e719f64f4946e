"""Accounts and the one backend customer each of them acts for.

A personnummer passes through here on its way to the backend and goes no
further: it is never stored, logged or put in an exception message.
"""

import logging
from datetime import timedelta

from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.db import IntegrityError, transaction
from django.utils import timezone

from apps.accounts.contacts_on_file import Contact, contact_for_code
from apps.accounts.models import CustomerLink, PendingLink
from apps.backends.errors import BackendError, BackendNotFound
from apps.backends.pm5 import get_client

logger = logging.getLogger(__name__)

User = get_user_model()


class CustomerCheckUnavailable(Exception):
    """The backend could not say whether the customer number and personnummer belong together."""


class CustomerMismatch(Exception):
    """The personnummer does not belong to the customer, or there is no such customer: one answer."""


class CustomerAlreadyLinked(Exception):
    """Another account already acts for this customer."""


def verify_customer(customer_number: str, personnummer: str) -> Contact | None:
    """Ask the backend whether the personnummer belongs to the customer; if so, where a code may go.

    Returns the contact the landlord holds for the customer (None: none on file).
    An unknown customer and a mismatch are the same CustomerMismatch, so nobody can
    find out which customer numbers exist. The session key the backend opens for
    the check reads the contact details and is then dropped: the tenant's session
    starts at login.
    """
    client = get_client()
    try:
        session_key = client.open_session(customer_number=customer_number, personnummer=personnummer)
    except BackendNotFound:
        raise CustomerMismatch from None
    except BackendError as exc:
        logger.warning("Could not verify a customer at signup: %s", type(exc).__name__)
        raise CustomerCheckUnavailable from None
    try:
        return contact_for_code(client, session_key)
    except BackendError as exc:
        logger.warning("Could not read a customer's contact details at signup: %s", type(exc).__name__)
        raise CustomerCheckUnavailable from None


def customer_is_linked(customer_number: str) -> bool:
    return CustomerLink.objects.filter(customer_number=customer_number).exists()


def link_customer(user, customer_number: str) -> CustomerLink:
    """Link an account to its customer once the code is entered; whoever enters a code second loses."""
    try:
        with transaction.atomic():
            return CustomerLink.objects.create(user=user, customer_number=customer_number)
    except IntegrityError:
        raise CustomerAlreadyLinked from None


# An expired pending link is kept this long (support can see a code was sent), then goes.
PENDING_LINK_RETENTION = timedelta(days=1)


def purge_expired_pending_links(now=None) -> int:
    """Delete pending links whose code expired more than PENDING_LINK_RETENTION ago."""
    cutoff = (now or timezone.now()) - PENDING_LINK_RETENTION
    deleted, _ = PendingLink.objects.filter(expires_at__lte=cutoff).delete()
    return deleted


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
