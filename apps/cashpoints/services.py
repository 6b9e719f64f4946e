"""What the page, the beat task and the command call: the copy of the register and the places near a home."""

from apps.backends.cashservices import get_client
from apps.cashpoints import sync
from apps.cashpoints.nearest import Nearby, nearest


def sync_register() -> sync.SyncResult:
    return sync.sync(get_client())


__all__ = ["Nearby", "nearest", "sync_register"]
