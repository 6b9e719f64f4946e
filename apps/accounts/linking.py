"""Linking an account to its backend customer: proof of possession by a one-time code.

The backend first confirms that customer number and personnummer belong together;
then a code goes to a contact the landlord already holds for the customer, and the
account is linked only when the code comes back: six digits, valid CODE_VALID_FOR,
MAX_TRIES tries, one use, bound to one signup. Every attempt is audited
(LinkAttempt) and counted against the per-customer and per-IP limits.
"""

import enum
import logging
import secrets
from dataclasses import dataclass
from datetime import timedelta

from allauth.account.adapter import get_adapter
from django.conf import settings
from django.db import transaction
from django.db.models import F
from django.http import HttpRequest
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.crypto import constant_time_compare, salted_hmac
from django.utils.translation import gettext

from apps.accounts import limits, services
from apps.accounts.contacts_on_file import EMAIL, Contact
from apps.accounts.models import LinkAttempt, PendingLink
from apps.accounts.tasks import send_email, send_sms

logger = logging.getLogger(__name__)

Outcome = LinkAttempt.Outcome
CODE_DIGITS = 6
CODE_VALID_FOR = timedelta(minutes=15)
MAX_TRIES = 5
# The Django session of the signup holds the pending link's token: the code is bound to it.
SESSION_KEY = "accounts_pending_link"


class LinkRefused(Exception):
    """No code was sent; outcome says why (mismatch, limited, no contact, …)."""

    def __init__(self, outcome: str):
        super().__init__(outcome)
        self.outcome = outcome


def check_customer(request: HttpRequest, customer_number: str, personnummer: str, user=None) -> Contact:
    """Count the attempt, ask the backend, and return the landlord's contact to send the code to.

    "Already linked" is told only after the backend check, to whoever has the personnummer.
    """

    def refuse(outcome: str):
        audit(request, customer_number, outcome, personnummer=personnummer, user=user)
        raise LinkRefused(outcome)

    if not limits.allow_attempt(customer_number, client_ip(request)):
        refuse(Outcome.LIMITED)
    try:
        contact = services.verify_customer(customer_number, personnummer)
    except services.CustomerMismatch:
        refuse(Outcome.MISMATCH)
    except services.CustomerCheckUnavailable:
        refuse(Outcome.UNAVAILABLE)
    if services.customer_is_linked(customer_number):
        refuse(Outcome.ALREADY_LINKED)
    if contact is None:
        refuse(Outcome.NO_CONTACT)
    return contact


def start(request: HttpRequest, *, user, customer_number: str, personnummer: str, contact: Contact) -> PendingLink:
    """Create the pending link, bind it to this session, and send the code after commit.

    Without a user (the e-mail already had an account) nothing is sent and no code can
    match, but the next page looks the same as for a new account.
    """
    code = f"{secrets.randbelow(10**CODE_DIGITS):0{CODE_DIGITS}d}"
    pending = PendingLink(
        user=user,
        customer_number=customer_number,
        channel=contact.channel,
        masked_address=contact.masked,
        expires_at=timezone.now() + CODE_VALID_FOR,
    )
    pending.code_hash = _code_hash(pending, code)
    pending.save()
    request.session[SESSION_KEY] = str(pending.token)
    if user is None:
        audit(request, customer_number, Outcome.CODE_WITHHELD, personnummer=personnummer)
        return pending
    _send_code(contact, code)
    audit(request, customer_number, Outcome.CODE_SENT, personnummer=personnummer, user=user)
    return pending


def current_pending(request: HttpRequest) -> PendingLink | None:
    """The newest pending link of the signed-in account, or of this signup's session."""
    if request.user.is_authenticated:
        return PendingLink.objects.filter(user=request.user).first()
    token = request.session.get(SESSION_KEY)
    return PendingLink.objects.filter(token=token).first() if token else None


def is_live(pending: PendingLink | None) -> bool:
    return (
        pending is not None
        and pending.used_at is None
        and pending.tries < MAX_TRIES
        and pending.expires_at > timezone.now()
    )


class CodeResult(enum.Enum):
    LINKED = "linked"
    WRONG = "wrong"
    LOCKED = "locked"
    EXPIRED = "expired"
    USED = "used"
    ALREADY_LINKED = "already_linked"


@dataclass(frozen=True)
class CodeAnswer:
    result: CodeResult
    tries_left: int = 0


def enter_code(request: HttpRequest, pending: PendingLink, code: str) -> CodeAnswer:
    """Check a code against the pending link and, when it is right, link the account.

    The try is counted in the database before the code is compared, so parallel
    requests cannot get more than MAX_TRIES between them.
    """
    now = timezone.now()
    if pending.used_at is not None:
        return CodeAnswer(CodeResult.USED)
    if pending.expires_at <= now:
        audit(request, pending.customer_number, Outcome.EXPIRED, user=pending.user)
        return CodeAnswer(CodeResult.EXPIRED)
    counted = PendingLink.objects.filter(pk=pending.pk, tries__lt=MAX_TRIES, used_at=None).update(tries=F("tries") + 1)
    if not counted:
        audit(request, pending.customer_number, Outcome.LOCKED, user=pending.user)
        return CodeAnswer(CodeResult.LOCKED)
    pending.refresh_from_db(fields=["tries", "used_at"])
    matches = constant_time_compare(pending.code_hash, _code_hash(pending, code))
    if not matches or pending.user_id is None:  # compared first: a withheld code takes as long to refuse
        locked = pending.tries >= MAX_TRIES
        audit(request, pending.customer_number, Outcome.LOCKED if locked else Outcome.WRONG_CODE, user=pending.user)
        return CodeAnswer(CodeResult.LOCKED if locked else CodeResult.WRONG, tries_left=MAX_TRIES - pending.tries)
    return _link(request, pending, now)


@transaction.atomic
def _link(request: HttpRequest, pending: PendingLink, now) -> CodeAnswer:
    if not PendingLink.objects.filter(pk=pending.pk, used_at=None).update(used_at=now):
        return CodeAnswer(CodeResult.USED)  # a double submit: the first one linked
    try:
        services.link_customer(pending.user, pending.customer_number)
    except services.CustomerAlreadyLinked:
        audit(request, pending.customer_number, Outcome.ALREADY_LINKED, user=pending.user)
        return CodeAnswer(CodeResult.ALREADY_LINKED)
    audit(request, pending.customer_number, Outcome.LINKED, user=pending.user)
    request.session.pop(SESSION_KEY, None)
    return CodeAnswer(CodeResult.LINKED)


def audit(request: HttpRequest, customer_number: str, outcome: str, *, personnummer: str = "", user=None) -> None:
    LinkAttempt.objects.create(
        ip=client_ip(request),
        customer_number=customer_number,
        outcome=outcome,
        # Keyed with SECRET_KEY: attempts with one personnummer can be told apart, the number not recovered.
        personnummer_hash=_keyed_hash(personnummer) if personnummer else "",
        user=user,
    )


def _keyed_hash(personnummer: str) -> str:
    return salted_hmac("apps.accounts.link-audit", personnummer, algorithm="sha256").hexdigest()


def client_ip(request: HttpRequest) -> str:
    """The client's address as allauth reads it (its trusted-proxy settings included)."""
    return get_adapter(request).get_client_ip(request)


def _code_hash(pending: PendingLink, code: str) -> str:
    # Keyed with SECRET_KEY and this link's token: the stored hash is worthless without both.
    return salted_hmac("apps.accounts.link-code", f"{pending.token}:{code}", algorithm="sha256").hexdigest()


def _send_code(contact: Contact, code: str) -> None:
    """Word the message now, in the request's language; send it from a task after commit."""
    minutes = int(CODE_VALID_FOR.total_seconds() // 60)
    if contact.channel == EMAIL:
        context = {"code": code, "minutes": minutes}
        subject = render_to_string("accounts/email/link_code_subject.txt", context).strip()
        payload = {
            "subject": f"{gettext('Mina sidor')}: {subject}",
            "body": render_to_string("accounts/email/link_code_message.txt", context),
            "html_body": "",
            "from_email": settings.DEFAULT_FROM_EMAIL,
            "to": [contact.address],
        }
        transaction.on_commit(lambda: send_email.delay(**payload))
    else:
        text = gettext(
            "Din kod för att koppla ditt konto på Mina sidor: %(code)s. Den gäller i %(minutes)s minuter. "
            "Ge den inte till någon."
        ) % {"code": code, "minutes": minutes}
        transaction.on_commit(lambda: send_sms.delay(to=contact.address, text=text))
