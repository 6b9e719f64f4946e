"""How often someone may do something per hour, counted in the shared cache.

The cache is Redis in production, so a limit holds across every web process and
worker. A fixed one-hour window: simple, and at most twice the limit can slip
through around the turn of the hour, which is harmless for what is limited here
(link attempts, fault reports, photos, e-mail links). The cache keys are keyed
hashes: no customer number, IP address or account in clear.

A limit is named by the setting that holds its count, read at every call, so a
changed setting (or a test's override) applies at once.
"""

import time
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.utils.crypto import salted_hmac

WINDOW_SECONDS = 60 * 60


def now_seconds() -> float:
    """The limits' clock, on its own so a test can move it without moving every other clock."""
    return time.time()


@dataclass(frozen=True)
class HourlyLimit:
    scope: str  # what is counted, e.g. "fault-reports"; part of the key, so limits never share counts
    setting: str  # the name of the setting with how many are allowed per hour

    @property
    def per_hour(self) -> int:
        return getattr(settings, self.setting)

    def allow(self, subject: str) -> bool:
        """Count one for the subject; False when that goes over the limit (the refused one counts too)."""
        return self.count(subject) <= self.per_hour

    def count(self, subject: str) -> int:
        """Count one more for the subject in this hour, and return the hour's count."""
        window = int(now_seconds() // WINDOW_SECONDS)
        key = (
            f"ratelimit:{self.scope}:"
            + salted_hmac("portal.ratelimit", f"{self.scope}|{subject}|{window}", algorithm="sha256").hexdigest()
        )
        cache.add(key, 0, WINDOW_SECONDS)
        try:
            return cache.incr(key)
        except ValueError:  # expired between add and incr
            cache.add(key, 1, WINDOW_SECONDS)
            return 1
