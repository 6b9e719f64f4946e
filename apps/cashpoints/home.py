"""Where the tenant's home is, in SWEREF 99 TM metres: the object's coordinates, else its postal code's places.

FAST2's fixed structure has the object's ``adress.xkoord/ykoord`` (its objekt id
is PM5's object number). The answer is cached for a week per object, so a page
after the first costs no backend call. Without coordinates (FAST2 has none for
the object, or cannot be reached) the home is taken to be the middle of the
copied places with the object's postal code, else of its postal area (the
first three digits): near enough to rank places, and it needs no geocoder.
"""

import logging
from dataclasses import dataclass

from django.core.cache import cache
from django.db.models import Avg

from apps.backends import fast2
from apps.backends.errors import BackendError
from apps.cashpoints.models import CashPoint

logger = logging.getLogger(__name__)

CACHE_KEY = "cashpoints:object-position:{number}"
CACHE_SECONDS = 7 * 24 * 60 * 60
NO_POSITION = "none"  # cached too, so an object FAST2 has no coordinates for is not asked about again


@dataclass(frozen=True)
class Home:
    x: float
    y: float
    exact: bool  # False: estimated from the postal code


def home_of(object_number: str | None, postal_code: str | None) -> Home | None:
    if object_number:
        position = _object_position(object_number)
        if position is not None:
            return Home(*position, exact=True)
    return _postal_code_position(postal_code)


def _object_position(number: str) -> tuple[float, float] | None:
    key = CACHE_KEY.format(number=number)
    cached = cache.get(key)
    if cached is not None:
        return None if cached == NO_POSITION else tuple(cached)
    try:
        found = fast2.get_client().estate_object(number)
    except BackendError as exc:
        # Not cached: FAST2 may know it next time.
        logger.info("No position for the tenant's object from FAST2 (%s)", type(exc).__name__)
        return None
    position = (float(found.east), float(found.north)) if found.east is not None and found.north is not None else None
    cache.set(key, list(position) if position else NO_POSITION, CACHE_SECONDS)
    return position


def _postal_code_position(postal_code: str | None) -> Home | None:
    digits = "".join(c for c in postal_code or "" if c.isdigit())
    if len(digits) != 5:
        return None
    for prefix in (f"{digits[:3]} {digits[3:]}", digits[:3]):
        middle = CashPoint.objects.filter(postal_code__startswith=prefix).aggregate(x=Avg("x"), y=Avg("y"))
        if middle["x"] is not None:
            return Home(middle["x"], middle["y"], exact=False)
    return None
