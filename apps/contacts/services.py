"""Contact details: read them, change the phone numbers, and change the e-mail address
only once the tenant has followed a link sent to the new address.

The link carries a TimestampSigner signature of the EmailChange's id: it cannot
be made up or altered, it expires after LINK_MAX_AGE, and the row's confirmed_at
makes it good for one use. Not until it is followed does the landlord's system
hear of the new address (Ändra kontaktuppgift with Validera=false: the portal
has done the verifying).
"""

import enum
from dataclasses import dataclass
from datetime import datetime, timedelta
from urllib.parse import urljoin

from django.conf import settings
from django.core import signing
from django.core.mail import EmailMessage
from django.db import transaction
from django.http import HttpRequest
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language

from apps.backends.pm5.addresses_types import ContactDetailsInput
from apps.backends.pm5.codes import ContactKind
from apps.backends.pm5.types import PortalSession
from apps.contacts.models import EmailChange
from portal import background
from portal.account_state import remembered
from portal.ratelimit import HourlyLimit

LINK_MAX_AGE = timedelta(hours=24)
# A change row outlives its link by this long (support can see what was asked), then goes.
CHANGE_RETENTION = timedelta(days=30)
LINK_SALT = "apps.contacts.email-change"
# The Celery task that e-mails the link (apps.contacts.tasks), sent by name: see portal.background.
# The name it has always had, so messages already queued still find it.
SEND_CHANGE_LINK_TASK = "apps.contacts.tasks.send_email_change_link"
# E-mails with a link to a new address, per tenant and hour (the shared cache): the portal must
# not become a way to send mail to anybody's address.
EMAIL_CHANGES = HourlyLimit("contact-email-changes", "CONTACT_EMAIL_CHANGES_PER_TENANT_PER_HOUR")


@dataclass(frozen=True)
class ContactDetails:
    """What the landlord's system has; "" where it has nothing."""

    email: str
    phone: str
    mobile: str


KINDS = {ContactKind.EMAIL: "email", ContactKind.PHONE: "phone", ContactKind.MOBILE: "mobile"}


def current_details(session: PortalSession) -> ContactDetails:
    values = {"email": "", "phone": "", "mobile": ""}
    for detail in session.contact_details or ():
        name = KINDS.get(detail.kind)
        if name and not values[name]:
            values[name] = detail.value
    return ContactDetails(**values)


def purge_old_changes(now=None) -> int:
    """Delete e-mail changes older than CHANGE_RETENTION: their links expired long ago."""
    cutoff = (now or timezone.now()) - CHANGE_RETENTION
    deleted, _ = EmailChange.objects.filter(created_at__lte=cutoff).delete()
    return deleted


def held_for(user) -> list[dict]:
    """The account's e-mail changes, for the tenant's export (the signed link itself is never kept)."""
    return [
        {
            "email": change.email,
            "customer_number": change.customer_number,
            "asked_at": change.created_at,
            "confirmed_at": change.confirmed_at,
            "cancelled_at": change.cancelled_at,
        }
        for change in EmailChange.objects.filter(user=user)
    ]


@dataclass(frozen=True)
class PendingChange:
    """What the pages show of a change waiting for its link."""

    email: str
    created_at: datetime


def pending_change(user) -> PendingChange | None:
    """The newest change still waiting for its link, if that link has not expired.

    Remembered until one of the account's changes is saved (portal/account_state.py); a link that
    expires meanwhile shows as pending for at most CUSTOMER_SESSION_CACHE_SECONDS more.
    """
    return remembered(user, "pending-email-change", lambda: _pending_change(user))


def _pending_change(user) -> PendingChange | None:
    fresh_since = timezone.now() - LINK_MAX_AGE
    change = EmailChange.objects.filter(user=user, created_at__gt=fresh_since).pending().first()
    return PendingChange(change.email, change.created_at) if change else None


@dataclass(frozen=True)
class Outcome:
    saved: tuple[str, ...]  # the fields the landlord's system changed now
    link_sent_to: str | None  # the new e-mail address a link went to


class TooManyEmailChanges(Exception):
    """The tenant asked for links to new e-mail addresses too often this hour; nothing was saved."""


def save(request: HttpRequest, changes: dict[str, str], new_email: str | None) -> Outcome:
    """Send what changes at once to the backend; then, if there is a new e-mail address, send it a link.

    A backend refusal or failure raises before any link is sent, so the tenant sees one outcome;
    so does a new address over the hour's limit (TooManyEmailChanges), before anything is sent.
    """
    if new_email and not EMAIL_CHANGES.allow(request.customer.customer_number):
        raise TooManyEmailChanges
    if changes:
        change = ContactDetailsInput(
            email=changes.get("email"), phone=changes.get("phone"), mobile=changes.get("mobile")
        )
        request.customer.call(lambda client, key: client.change_contact_details(key, change))
        request.customer.forget()
    if new_email:
        start_email_change(request, new_email)
    return Outcome(saved=tuple(changes), link_sent_to=new_email)


def start_email_change(request: HttpRequest, email: str) -> EmailChange:
    """Record the new address, retire older pending ones, and have the link sent after commit."""
    site_url = request.build_absolute_uri("/")
    language = get_language()
    with transaction.atomic():
        EmailChange.objects.filter(user=request.user).pending().update(cancelled_at=timezone.now())
        change = EmailChange.objects.create(
            user=request.user, customer_number=request.customer.customer_number, email=email
        )
        background.send_on_commit(SEND_CHANGE_LINK_TASK, change.pk, site_url, language)
    return change


def cancel_pending(user) -> bool:
    return bool(EmailChange.objects.filter(user=user).pending().update(cancelled_at=timezone.now()))


def send_change_link(change_id: int, site_url: str) -> None:
    """E-mail the link to the new address (from the task). A change confirmed or replaced
    in the meantime gets none, so running this twice does no harm."""
    change = EmailChange.objects.pending().filter(pk=change_id).first()
    if change is None:
        return
    link = urljoin(site_url, reverse("contacts:confirm", args=[link_token(change)]))
    context = {"email": change.email, "link": link, "hours": int(LINK_MAX_AGE.total_seconds() // 3600)}
    subject = render_to_string("contacts/email/email_change_subject.txt", context).strip()
    body = render_to_string("contacts/email/email_change_message.txt", context)
    EmailMessage(subject, body, settings.DEFAULT_FROM_EMAIL, [change.email]).send()


def link_token(change: EmailChange) -> str:
    return signing.TimestampSigner(salt=LINK_SALT).sign_object({"change": change.pk})


class LinkProblem(enum.Enum):
    BROKEN = "broken"  # altered, cut short, or not ours
    EXPIRED = "expired"
    USED = "used"
    REPLACED = "replaced"  # a newer change was asked for, or this one withdrawn


class LinkError(Exception):
    def __init__(self, problem: LinkProblem):
        super().__init__(problem.value)
        self.problem = problem


class NotYours(Exception):
    """A valid link of another account: answered like any id that is not the tenant's (404)."""


def change_for_link(token: str, user, customer_number: str) -> EmailChange:
    """The pending change a link is for, or LinkError saying what is wrong with it."""
    signer = signing.TimestampSigner(salt=LINK_SALT)
    try:
        data = signer.unsign_object(token, max_age=LINK_MAX_AGE)
    except signing.SignatureExpired:
        raise LinkError(LinkProblem.EXPIRED) from None
    except signing.BadSignature:
        raise LinkError(LinkProblem.BROKEN) from None
    change_id = data.get("change") if isinstance(data, dict) else None
    change = EmailChange.objects.filter(pk=change_id).first() if isinstance(change_id, int) else None
    if change is None:
        raise LinkError(LinkProblem.BROKEN)
    if change.user_id != user.pk or change.customer_number != customer_number:
        raise NotYours
    if change.confirmed_at is not None:
        raise LinkError(LinkProblem.USED)
    if change.cancelled_at is not None:
        raise LinkError(LinkProblem.REPLACED)
    return change


def confirm(request: HttpRequest, change: EmailChange) -> None:
    """Claim the link (one use, even against a double click), then tell the backend.

    If the backend cannot take the address now, the claim is undone: the same link
    works again later. A BackendError is re-raised for the view to word.
    """
    claimed = EmailChange.objects.filter(pk=change.pk).pending().update(confirmed_at=timezone.now())
    if not claimed:
        change.refresh_from_db()
        raise LinkError(LinkProblem.USED if change.confirmed_at else LinkProblem.REPLACED)
    try:
        request.customer.call(
            lambda client, key: client.change_contact_details(key, ContactDetailsInput(email=change.email))
        )
    except Exception:
        EmailChange.objects.filter(pk=change.pk).update(confirmed_at=None)
        raise
    request.customer.forget()
