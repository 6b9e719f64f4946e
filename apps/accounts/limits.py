"""How many link attempts a customer number and an IP address get per hour.

Counted in the shared cache (Redis in production), so the limits hold across all
web processes. A fixed one-hour window: simple, and at most twice the limit can
slip through around the turn of the hour, which the code's five tries make harmless.
"""

import time

from django.conf import settings
from django.core.cache import cache
from django.utils.crypto import salted_hmac

WINDOW_SECONDS = 60 * 60


def allow_attempt(customer_number: str, ip: str) -> bool:
    """Count one attempt for the customer number and the IP; False when either is over its limit."""
    customer_count = _count(f"customer:{customer_number}")
    ip_count = _count(f"ip:{ip}")
    return (
        customer_count <= settings.LINK_ATTEMPTS_PER_CUSTOMER_PER_HOUR
        and ip_count <= settings.LINK_ATTEMPTS_PER_IP_PER_HOUR
    )


def _count(subject: str) -> int:
    window = int(time.time() // WINDOW_SECONDS)
    # Keyed hash: no customer number or IP address in clear in the cache.
    key = "link-attempts:" + salted_hmac("apps.accounts.limits", f"{subject}|{window}", algorithm="sha256").hexdigest()
    cache.add(key, 0, WINDOW_SECONDS)
    try:
        return cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.add(key, 1, WINDOW_SECONDS)
        return 1
