"""What a page reads of an account's own rows in the portal's database, remembered per process until they change.

Besides the landlord's data, the tenant pages show a little of the portal's own: the draft to
resume, which messages were read, the reports on their way, a pending e-mail change. Each cost a
query on every visit, and with the content kept (``{% kept %}``) those queries were most of what
the overview, the errand list, the inbox and the contact details still spent above the bare
layout. So each account has a stamp in the shared cache, a random value replaced whenever one of
its rows in a watched model changes, and a process remembers what it read under the current stamp:

    draft = remembered(user, "draft-to-resume", lambda: draft_to_resume(user))

Reading the stamp is one cache get instead of a query, once per request (``StampsPerRequest``),
and none of its own on a tenant page: the page's read of the session data takes it along
(``keys_to_read_with``). A model is watched by ``watch(Model)``
(every save and delete) and by its queryset being a ``WatchedQuerySet`` (updates and bulk writes,
which send no signal). A change replaces the stamp at once, and again once its transaction
commits: a page that read the rows before the commit and the stamp after the first replacement
remembers them under a stamp that is gone right after.

Only with a cache every process shares (CACHE_SHARED_BY_ALL_PROCESSES: Redis): with each
process's local memory, a change the worker makes would never reach the web process's stamp, so
then every call computes.

The stamp lives for CUSTOMER_SESSION_CACHE_SECONDS, so what changes by the clock alone (a draft
that ages out, an e-mail link that expires) shows at most that much later, as the landlord's
data does. What is remembered must never change once read: plain values, frozen dataclasses,
tuples.
"""

import uuid
from collections.abc import Callable, Iterable
from contextvars import ContextVar

from django.conf import settings
from django.core.cache import cache
from django.db import models, transaction
from django.db.models.signals import post_delete, post_save

from portal.kept import Kept

remembered_values = Kept(size=2048)  # a few small values for each of the last few hundred accounts

# The stamps read while serving this request, by account; None outside a request (a task, a shell).
_stamps_seen: ContextVar[dict[int, str] | None] = ContextVar("account_stamps_seen", default=None)


def remembered[T](user, name: str | tuple, compute: Callable[[], T]) -> T:
    """``compute()``, or what it gave for this account while none of its watched rows changed since."""
    if not settings.CACHE_SHARED_BY_ALL_PROCESSES:
        return compute()  # another process's change would not reach this process's cache
    key = (name, user.pk, stamp(user.pk))
    found = remembered_values.get(key)
    if found is None:
        found = (compute(),)  # in a tuple: None is a value to remember too
        remembered_values.keep(key, found)
    return found[0]


def stamp(user_id: int) -> str:
    seen = _stamps_seen.get()
    if seen is not None and user_id in seen:
        return seen[user_id]
    key = _stamp_key(user_id)
    current = cache.get(key)
    if current is None:
        cache.add(key, uuid.uuid4().hex, settings.CUSTOMER_SESSION_CACHE_SECONDS)
        current = cache.get(key)  # the one another process may have added first
    if seen is not None:
        seen[user_id] = current
    return current


def keys_to_read_with(user) -> list[str]:
    """The account's stamp key, for a cache read the request makes anyway, if the request has no stamp yet.

    Give what that read found to ``read_with``: the page then asks the cache nothing more for it.
    """
    seen = _stamps_seen.get()
    if seen is None or not settings.CACHE_SHARED_BY_ALL_PROCESSES or not user.is_authenticated or user.pk in seen:
        return []
    return [_stamp_key(user.pk)]


def read_with(user, found: dict) -> None:
    seen = _stamps_seen.get()
    current = found.get(_stamp_key(user.pk)) if seen is not None and user.is_authenticated else None
    if current is not None:
        seen[user.pk] = current


class StampsPerRequest:
    """Middleware: each account's stamp is read at most once while a request is served."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = _stamps_seen.set({})
        try:
            return self.get_response(request)
        finally:
            _stamps_seen.reset(token)


def changed(user_ids: Iterable[int | None]) -> None:
    """These accounts' watched rows changed (or are about to, in the transaction): forget what was read of them."""
    if not settings.CACHE_SHARED_BY_ALL_PROCESSES:
        return  # nothing is remembered (remembered()), so there is nothing to forget
    user_ids = {user_id for user_id in user_ids if user_id is not None}
    keys = [_stamp_key(user_id) for user_id in user_ids]
    seen = _stamps_seen.get()
    for user_id in user_ids if seen is not None else ():
        seen.pop(user_id, None)  # this request reads the new stamp
    if keys:
        _replace(keys)
        transaction.on_commit(lambda: _replace(keys))


def watch(model: type[models.Model]) -> None:
    """Replace the stamp of the account (``model.user``) whose row is saved or deleted."""
    post_save.connect(_row_changed, sender=model, dispatch_uid=f"account-state-{model._meta.label}")
    post_delete.connect(_row_changed, sender=model, dispatch_uid=f"account-state-{model._meta.label}")


class WatchedQuerySet(models.QuerySet):
    """The writes that send no signal, for a model ``watch`` is given: they replace the accounts' stamps too."""

    def update(self, **kwargs) -> int:
        if not settings.CACHE_SHARED_BY_ALL_PROCESSES:
            return super().update(**kwargs)  # nothing is remembered: no query for the accounts
        users = set(self.values_list("user_id", flat=True))  # before: the update may move rows to another account
        moved_to = kwargs.get("user", kwargs.get("user_id"))
        users.add(getattr(moved_to, "pk", moved_to))
        updated = super().update(**kwargs)
        if updated:
            changed(users)
        return updated

    def bulk_create(self, objs, *args, **kwargs):
        created = super().bulk_create(objs, *args, **kwargs)
        changed(obj.user_id for obj in created)
        return created

    def bulk_update(self, objs, *args, **kwargs) -> int:
        updated = super().bulk_update(objs, *args, **kwargs)
        changed(obj.user_id for obj in objs)
        return updated


def _row_changed(sender, instance, **kwargs) -> None:
    changed([instance.user_id])


def _replace(keys: list[str]) -> None:
    cache.set_many({key: uuid.uuid4().hex for key in keys}, settings.CUSTOMER_SESSION_CACHE_SECONDS)


def _stamp_key(user_id: int) -> str:
    return f"account-stamp:{user_id}"
