"""What a page reads of an account's own rows in the portal's database, remembered per process until they change.

Besides the landlord's data, the tenant pages show a little of the portal's own: the draft to
resume, which messages were read, the reports on their way, a pending e-mail change. Each cost a
query on every visit, and with the content kept (``{% kept %}``) those queries were most of what
the overview, the errand list, the inbox and the contact details still spent above the bare
layout. So each account has a stamp in the shared cache, a random value replaced whenever one of
its rows in a watched model changes, and a process remembers what it read under the current stamp:

    draft = remembered(user, "draft-to-resume", lambda: draft_to_resume(user))

Reading the stamp is one cache get instead of a query. A model is watched by ``watch(Model)``
(every save and delete) and by its queryset being a ``WatchedQuerySet`` (updates and bulk writes,
which send no signal). A change replaces the stamp at once, and again once its transaction
commits: a page that read the rows before the commit and the stamp after the first replacement
remembers them under a stamp that is gone right after.

The stamp lives for CUSTOMER_SESSION_CACHE_SECONDS, so what changes by the clock alone (a draft
that ages out, an e-mail link that expires) shows at most that much later, as the landlord's
data does. What is remembered must never change once read: plain values, frozen dataclasses,
tuples.
"""

import uuid
from collections.abc import Callable, Iterable

from django.conf import settings
from django.core.cache import cache
from django.db import models, transaction
from django.db.models.signals import post_delete, post_save

from portal.kept import Kept

remembered_values = Kept(size=2048)  # a few small values for each of the last few hundred accounts


def remembered[T](user, name: str, compute: Callable[[], T]) -> T:
    """``compute()``, or what it gave for this account while none of its watched rows changed since."""
    key = (name, user.pk, stamp(user.pk))
    found = remembered_values.get(key)
    if found is None:
        found = (compute(),)  # in a tuple: None is a value to remember too
        remembered_values.keep(key, found)
    return found[0]


def stamp(user_id: int) -> str:
    key = _stamp_key(user_id)
    current = cache.get(key)
    if current is None:
        cache.add(key, uuid.uuid4().hex, settings.CUSTOMER_SESSION_CACHE_SECONDS)
        current = cache.get(key)  # the one another process may have added first
    return current


def changed(user_ids: Iterable[int | None]) -> None:
    """These accounts' watched rows changed (or are about to, in the transaction): forget what was read of them."""
    keys = [_stamp_key(user_id) for user_id in set(user_ids) if user_id is not None]
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
