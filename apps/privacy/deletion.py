"""Deleting a tenant's portal account, and nothing of theirs in the landlord's system.

No backend is called: the customer, their lease, invoices, errands and contact
details stay as they are. In the portal, in one transaction: drafts and their
photos go, queued reports are delivered without the account or discarded (the
tenant's choice), then the account with everything that cascades from it (e-mail
addresses, second factors, the customer link, pending links, e-mail changes). The
audit of link attempts stays, without the account, for its year.
"""

from dataclasses import dataclass

from django.contrib.auth import logout
from django.db import transaction
from django.http import HttpRequest

from apps.faults.services import account_data as faults
from apps.kobo.services import account_data as kobo


@dataclass(frozen=True)
class Deleted:
    undelivered: int  # queued reports there were
    delivering: bool  # whether they are still delivered


def delete_account(request: HttpRequest, *, deliver_queued: bool) -> Deleted:
    """Log the person out and delete their account; the answer says what became of their queued reports."""
    user = request.user
    with transaction.atomic():
        undelivered = faults.undelivered(user).count()
        faults.release(user, deliver_queued=deliver_queued)
        kobo.release(user)  # a notice on its way to Kobo still goes: the tenant gave it
        logout(request)  # the session goes first: no request of this browser may find a half-deleted account
        user.delete()
    return Deleted(undelivered=undelivered, delivering=deliver_queued and undelivered > 0)
