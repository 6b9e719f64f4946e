"""The nearest places from a point: a bounding box on the (purpose, x, y) index, then the exact distance.

SWEREF 99 TM is in metres, so the straight-line distance is Pythagoras. A place
inside the box can be further away than the box's half-side, so only those
within the half-side are certain; the box doubles until enough are. The box
reads ids and coordinates only; the chosen few are read whole at the end.
"""

import math
from dataclasses import dataclass

from apps.cashpoints.models import CashPoint

FIRST_HALF_SIDE_METRES = 3_000.0
# Beyond this the box stops growing and whatever it holds is the answer (Sweden is ~1 600 km long).
LAST_HALF_SIDE_METRES = 1_600_000.0


@dataclass(frozen=True)
class Nearby:
    point: CashPoint
    metres: float


def nearest(x: float, y: float, purpose: str, count: int = 5) -> list[Nearby]:
    half = FIRST_HALF_SIDE_METRES
    while True:
        box = CashPoint.objects.filter(
            purpose=purpose, x__gte=x - half, x__lte=x + half, y__gte=y - half, y__lte=y + half
        ).values_list("pk", "x", "y")
        found = sorted((math.hypot(px - x, py - y), pk) for pk, px, py in box)
        certain = [item for item in found if item[0] <= half]
        if len(certain) >= count or half >= LAST_HALF_SIDE_METRES:
            chosen = (certain if len(certain) >= count else found)[:count]
            points = CashPoint.objects.in_bulk([pk for _, pk in chosen])
            return [Nearby(points[pk], metres) for metres, pk in chosen]
        half *= 2
