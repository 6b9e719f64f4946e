"""What the page, the beat task and the command call: the copy of the register and the places near a home."""

from dataclasses import dataclass
from datetime import timedelta

from django.utils import timezone

from apps.backends.cashservices import get_client
from apps.backends.pm5.types import Notice
from apps.cashpoints import sync
from apps.cashpoints.home import Home, home_of
from apps.cashpoints.models import CashPoint, RegisterCopy
from apps.cashpoints.nearest import Nearby, nearest
from apps.cashpoints.places import Place, place
from apps.customer.services import CustomerSession
from apps.invoices import services as invoices
from apps.invoices.payment import account_number
from portal import background

SYNC_TASK = "cashpoints.sync_register"
# Older than this, and the register not answering: the page says the list may be out of date.
STALE_AFTER = timedelta(days=7)
NEAREST = 5


def sync_register() -> sync.SyncResult:
    return sync.sync(get_client())


@dataclass(frozen=True)
class PayCash:
    notice: Notice | None
    account: str  # the bankgiro or plusgiro number, as printed
    home: Home | None
    places: list[Place]
    copied: bool  # the register has been copied at least once
    out_of_date: bool  # the copy is old and the register does not answer


def pay_cash(customer: CustomerSession, notice: Notice | None) -> PayCash:
    """The page: what to bring for ``notice`` (None: any notice) and the nearest places from the tenant's home."""
    copy = RegisterCopy.current()
    if copy.last_success_at is None and copy.last_attempt_at is None:
        # The first visit after installation: copy the register now rather than wait for beat's day.
        background.send(SYNC_TASK)
        copy.refresh_from_db()
    number, postal_code = _home_object(customer, notice)
    home = home_of(number, postal_code)
    found = nearest(home.x, home.y, CashPoint.Purpose.BILL_PAYMENT, NEAREST) if home else []
    old = copy.last_success_at is None or timezone.now() - copy.last_success_at > STALE_AFTER
    return PayCash(
        notice=notice,
        account=account_number(notice.payment_channel, notice.recipient_account) if notice else "",
        home=home,
        places=[place(n) for n in found],
        copied=copy.last_success_at is not None,
        out_of_date=old and bool(copy.last_error),
    )


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
