"""Sharing an errand: a read-only link the tenant can give a neighbour or relative, and take back.

The tenant's errand id is checked against their own cached session data before
PM5 is asked for a share key. Whoever opens the link sees the errand as
``apps.backends.pm5.sharing_types.SharedErrand`` reads it: what is wrong, where
in general words (the laundry room, not the flat's number), how far it has come
and when someone is planned to come. Never the reporter's name or contact
details, the tenant's description, photos, the address or object number, or
the names of the landlord's staff (README, "Sharing an errand").
"""

import hashlib
import logging

from allauth.account.adapter import get_adapter
from django.contrib.auth.models import AbstractBaseUser
from django.core.cache import cache
from django.db import IntegrityError, transaction
from django.http import Http404, HttpRequest

from apps.backends.errors import BackendError, BackendNotFound
from apps.backends.pm5 import get_client
from apps.backends.pm5.sharing_types import SharedErrand
from apps.backends.pm5.types import Errand
from apps.customer.services import CustomerSession
from apps.sharing.models import ErrandShare
from portal.ratelimit import HourlyLimit

logger = logging.getLogger(__name__)

PUBLIC_VIEWS = HourlyLimit("shared-errand-views", "SHARED_ERRAND_VIEWS_PER_IP_PER_HOUR")
# A link passed round a building is opened many times: one backend call a minute per link is plenty.
SHARED_CACHE_SECONDS = 60


def own_errand(customer: CustomerSession, errand_id: int) -> Errand:
    """The tenant's own errand, from their cached session data; 404 otherwise."""
    for errand in customer.data().errands or ():
        if errand.errand_id == errand_id:
            return errand
    raise Http404("not this tenant's errand")


def share_of(user: AbstractBaseUser, errand_id: int) -> ErrandShare | None:
    return ErrandShare.objects.filter(user=user, errand_id=errand_id).first()


def start_sharing(customer: CustomerSession, user: AbstractBaseUser, errand: Errand) -> ErrandShare:
    """The errand's link, made now unless it already has one. BackendError when PM5 cannot make a key."""
    if existing := share_of(user, errand.errand_id):
        return existing
    backend_key = customer.call(lambda client, key: client.create_share_key(key, errand.errand_id))
    try:
        with transaction.atomic():
            return ErrandShare.objects.create(
                user=user,
                customer_number=customer.customer_number,
                errand_id=errand.errand_id,
                errand_number=errand.number,
                backend_key=backend_key,
            )
    except IntegrityError:
        # A double click made two keys: keep the first link, withdraw the second key.
        _withdraw(customer, errand.errand_id, backend_key)
        return ErrandShare.objects.get(user=user, errand_id=errand.errand_id)


def stop_sharing(customer: CustomerSession, share: ErrandShare) -> None:
    """The link stops working at once; PM5's key is withdrawn too, if PM5 answers."""
    share.delete()
    cache.delete(_cache_key(share.token))
    _withdraw(customer, share.errand_id, share.backend_key)


def _withdraw(customer: CustomerSession, errand_id: int, backend_key: str) -> None:
    try:
        customer.call(lambda client, key: client.revoke_share_key(key, errand_id, backend_key))
    except BackendError as exc:
        # The key never left the server and its link is gone: nobody can use it.
        logger.warning("share key of an errand not withdrawn in PM5 (%s)", type(exc).__name__)


def may_view(request: HttpRequest) -> bool:
    """Count one view of a shared errand for the client's address; False over the hour's limit."""
    # The client's address as allauth reads it, its trusted-proxy settings included.
    return PUBLIC_VIEWS.allow(get_adapter(request).get_client_ip(request))


def shared_errand(token: str) -> SharedErrand:
    """The errand behind a link. 404 for an unknown or withdrawn link; BackendError when PM5 cannot answer."""
    share = ErrandShare.objects.filter(token=token).first()
    if share is None:
        raise Http404("no such shared errand")
    cache_key = _cache_key(token)
    if (cached := cache.get(cache_key)) is not None:
        return cached
    try:
        errand = get_client().shared_errand(share.backend_key)
    except BackendNotFound:
        raise Http404("PM5 no longer knows the share key") from None
    cache.set(cache_key, errand, SHARED_CACHE_SECONDS)
    return errand


def _cache_key(token: str) -> str:
    # Hashed: the link's token is not a cache key in clear.
    return "shared-errand:" + hashlib.sha256(token.encode()).hexdigest()


def held_for(user: AbstractBaseUser) -> list[dict]:
    """The errands this account shares, for the tenant's export (PM5's key is the landlord's, not listed)."""
    return [
        {"errand_number": share.errand_number, "shared_since": share.created_at}
        for share in ErrandShare.objects.filter(user=user).order_by("created_at")
    ]
