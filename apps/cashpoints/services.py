"""What the page, the beat task and the command call: the copy of the register and the places near a home."""

from dataclasses import dataclass
from datetime import datetime, timedelta

from django.core.cache import cache
from django.utils import timezone

from apps.backends.cashservices import get_client
from apps.backends.pm5.types import Notice
from apps.cashpoints import sync
from apps.cashpoints.home import Home, home_of
from apps.cashpoints.models import CashPoint, RegisterCopy
from apps.cashpoints.nearest import CopyState, Nearby, Nearest, copy_state, nearest
from apps.cashpoints.places import Place, place
from apps.customer.services import CustomerSession
from apps.invoices import services as invoices
from apps.invoices.payment import account_number
from portal import background

SYNC_TASK = "cashpoints.sync_register"
# The register changes slowly: a copy a day. Beat checks more often than that (settings_celery.py),
# so the first copy comes within minutes of installation, without waiting for a tenant.
SYNC_EVERY = timedelta(days=1)
# A failed copy is tried again after 2, 4, 8, 16 and 30 minutes. The longest wait stays well
# under the broker's visibility timeout (an hour), or a waiting retry would be delivered twice.
SYNC_RETRIES = 5
SYNC_RETRY_FIRST = timedelta(minutes=2)
SYNC_RETRY_LONGEST = timedelta(minutes=30)
# Since the last attempt, a round of retries may still be waiting: longer than the longest wait
# (and a slow read of the whole register), so beat's check never starts a copy beside one.
SYNC_UNDER_WAY = SYNC_RETRY_LONGEST + timedelta(minutes=15)
# Older than this, and the register not answering: the page says the list may be out of date.
STALE_AFTER = timedelta(days=7)
NEAREST = 5
FIRST_COPY_KEY = "cashpoints:first-copy-asked"
# A first copy asked for by a page is not asked for again within this long (beat's check covers the rest).
FIRST_COPY_ASKED_SECONDS = 10 * 60


def sync_register() -> sync.SyncResult:
    return sync.sync(get_client())


def retry_wait(retries: int) -> int:
    """Seconds before the next try of a failed copy: 2, 4, 8, 16, then 30 minutes."""
    return int(min(SYNC_RETRY_FIRST * 2**retries, SYNC_RETRY_LONGEST).total_seconds())


def sync_register_when_due(now: datetime | None = None) -> bool:
    """Send the copy task when there is no good copy or it is a day old, unless a try is under way.

    A try is taken to be under way while the last attempt is more recent than
    SYNC_UNDER_WAY: a failing copy then keeps its own backoff instead of being
    started again every few minutes, and a new round of retries begins only once
    the last one has given up.
    """
    now = now or timezone.now()
    copy = RegisterCopy.current()
    if copy.last_attempt_at is not None and now - copy.last_attempt_at < SYNC_UNDER_WAY:
        return False
    if copy.last_success_at is not None and now - copy.last_success_at < SYNC_EVERY:
        return False
    background.send(SYNC_TASK)
    return True


@dataclass(frozen=True)
class PayCash:
    notice: Notice | None
    account: str  # the bankgiro or plusgiro number, as printed
    home: Home | None
    places: list[Place]
    copy: CopyState

    @property
    def copied(self) -> bool:
        return self.copy.copied

    @property
    def out_of_date(self) -> bool:
        return self.copy.out_of_date


def pay_cash(customer: CustomerSession, notice: Notice | None) -> PayCash:
    """The page: what to bring for ``notice`` (None: any notice) and the nearest places from the tenant's home.

    One query when the home's position is cached: the copy's state and the places
    together (nearest.py). The postal-code estimate adds one, and the very first
    visit, which finds no copy at all, asks for one and looks again.
    """
    number, postal_code = _home_object(customer, notice)
    home, found = _look_up(number, postal_code)
    if not found.copy.attempted and _first_copy_requested():
        home, found = _look_up(number, postal_code)
    return PayCash(
        notice=notice,
        account=account_number(notice.payment_channel, notice.recipient_account) if notice else "",
        home=home,
        places=[place(n) for n in found.places],
        copy=found.copy,
    )


def _look_up(number: str | None, postal_code: str | None) -> tuple[Home | None, Nearest]:
    stale_before = timezone.now() - STALE_AFTER
    home = home_of(number, postal_code)
    if home is None:
        return None, Nearest(copy_state(stale_before), [])
    return home, nearest(home.x, home.y, CashPoint.Purpose.BILL_PAYMENT, NEAREST, stale_before)


def _first_copy_requested() -> bool:
    """Ask for the first copy now rather than wait for beat, once however many tenants arrive meanwhile.

    With a worker the copy comes a moment later and the page says it is on its way;
    without a broker the task has run by the time this returns.
    """
    if not cache.add(FIRST_COPY_KEY, True, FIRST_COPY_ASKED_SECONDS):
        return False
    background.send(SYNC_TASK)
    return True


def _home_object(customer: CustomerSession, notice: Notice | None) -> tuple[str | None, str | None]:
    """The rental object a notice is for; without one, the object of the tenant's latest notice."""
    notices = [notice] if notice else _latest_first(customer)
    for candidate in notices:
        for period in candidate.periods:
            obj = period.rental_object
            if obj and obj.number:
                return obj.number, obj.address.postal_code if obj.address else None
    return None, None


def _latest_first(customer: CustomerSession) -> list[Notice]:
    economy = customer.data(invoices.parts(invoices.DEFAULT_MONTHS)).economy
    notices = list(economy.notices or ()) if economy else []
    return sorted(notices, key=lambda n: n.due_date or timezone.localdate(), reverse=True)


__all__ = ["Nearby", "PayCash", "nearest", "pay_cash", "sync_register"]
