"""The nearest places from a point, and the state of the copy, in one SQL statement.

SWEREF 99 TM is in metres, so the straight-line distance is Pythagoras. A place
inside a bounding box can be further away than the box's half-side, so only
those within the half-side are certain; the box doubles until five are. That
search is a recursive CTE: each step counts the certain places in a box on the
(purpose, x, y) index, and the recursion stops at the first box that holds
enough. The chosen box's places are then ranked by distance, and the whole is
joined to the one RegisterCopy row, so the page asks the database once (a
round trip per doubling before). The same SQL runs on PostgreSQL and SQLite.
"""

import math
from dataclasses import dataclass
from datetime import datetime

from django.db import connection
from django.utils import timezone

from apps.cashpoints.models import CashPoint, RegisterCopy

FIRST_HALF_SIDE_METRES = 3_000.0
# Beyond this the box stops growing and whatever it holds is the answer (Sweden is ~1 600 km long).
LAST_HALF_SIDE_METRES = 1_600_000.0

_SQUARE = "(x - %(x)s) * (x - %(x)s) + (y - %(y)s) * (y - %(y)s)"
_IN_BOX = "purpose = %(purpose)s AND x BETWEEN %(x)s - {half} AND %(x)s + {half} AND y BETWEEN %(y)s - {half} AND %(y)s + {half}"
# Copy state as booleans worked out by the database, so no datetime has to be read back portably.
_SQL = f"""
WITH RECURSIVE box(half) AS (
    SELECT CAST(%(first)s AS DOUBLE PRECISION)
    UNION ALL
    SELECT half * 2 FROM box
    WHERE half < %(last)s
      AND (SELECT COUNT(*) FROM {CashPoint._meta.db_table}
           WHERE {_IN_BOX.format(half="half")} AND {_SQUARE} <= half * half) < %(count)s
),
chosen AS (
    SELECT id AS chosen_id, {_SQUARE} AS square
    FROM {CashPoint._meta.db_table}, (SELECT MAX(half) AS side FROM box) AS reach
    WHERE {_IN_BOX.format(half="side")}
    ORDER BY square
    LIMIT %(count)s
)
SELECT point.*, chosen.square,
       register.last_success_at IS NOT NULL AS copied,
       register.last_attempt_at IS NOT NULL AS attempted,
       register.last_error <> '' AS failing,
       register.last_success_at IS NULL OR register.last_success_at < %(stale_before)s AS stale
FROM (SELECT 1 AS anchor) AS anchor
LEFT JOIN {RegisterCopy._meta.db_table} AS register ON register.id = %(copy_id)s
LEFT JOIN chosen ON 1 = 1
LEFT JOIN {CashPoint._meta.db_table} AS point ON point.id = chosen.chosen_id
ORDER BY chosen.square
"""


@dataclass(frozen=True)
class Nearby:
    point: CashPoint
    metres: float


@dataclass(frozen=True)
class CopyState:
    copied: bool  # the register has been copied at least once
    attempted: bool  # a copy has been tried at least once
    failing: bool  # the last attempt failed
    stale: bool  # no good copy, or one older than stale_before

    @property
    def out_of_date(self) -> bool:
        """Old, and the register does not answer: the page says the list may be out of date."""
        return self.stale and self.failing


@dataclass(frozen=True)
class Nearest:
    copy: CopyState
    places: list[Nearby]


def nearest(x: float, y: float, purpose: str, count: int = 5, stale_before: datetime | None = None) -> Nearest:
    """The ``count`` nearest places for ``purpose`` from (x, y), nearest first, and the copy's state."""
    params = {
        "x": float(x),
        "y": float(y),
        "purpose": purpose,
        "count": count,
        "first": FIRST_HALF_SIDE_METRES,
        "last": LAST_HALF_SIDE_METRES,
        "copy_id": RegisterCopy.SINGLETON_PK,
        "stale_before": connection.ops.adapt_datetimefield_value(stale_before or timezone.now()),
    }
    rows = list(CashPoint.objects.raw(_SQL, params))
    first = rows[0]  # the anchor makes one row at least
    return Nearest(
        # SQLite answers the booleans as 0/1, and NULL where there is no copy row yet.
        copy=CopyState(*(bool(getattr(first, name)) for name in ("copied", "attempted", "failing", "stale"))),
        places=[Nearby(row, math.sqrt(row.square)) for row in rows if row.pk is not None],
    )


def copy_state(stale_before: datetime) -> CopyState:
    """The copy's state alone, for a page that has no home to measure from."""
    copy = RegisterCopy.objects.filter(pk=RegisterCopy.SINGLETON_PK).first()
    if copy is None:
        return CopyState(copied=False, attempted=False, failing=False, stale=True)
    return CopyState(
        copied=copy.last_success_at is not None,
        attempted=copy.last_attempt_at is not None,
        failing=bool(copy.last_error),
        stale=copy.last_success_at is None or copy.last_success_at < stale_before,
    )
