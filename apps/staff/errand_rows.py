"""The Errands v2 rows of a work order, for its staff page.

FAST2 writes the errand's number in externtNr (and the row's own GUID in
externtId), so the errand is asked for by its number and every row of it is
shown, this work order's own row marked. Errands v2 is a second, optional
system: when it fails the work-order page is still shown, with a note.
"""

import logging
from dataclasses import dataclass
from decimal import Decimal

from apps.backends import errands, fast2
from apps.backends.errors import BackendError, BackendNotFound, BackendRefused

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class ErrandRows:
    rows: tuple[errands.ErrandRow, ...] = ()
    this_row_id: str | None = None  # the work order's own row among them
    unavailable: bool = False  # Errands v2 could not be asked: say so, show the rest
    missing: bool = False  # Errands v2 does not know the errand

    @property
    def total_estimated_cost(self) -> Decimal | None:
        costs = [r.accounting.estimated_cost for r in self.rows if r.accounting and r.accounting.estimated_cost]
        return sum(costs) if costs else None


def for_work_order(work_order: fast2.WorkOrder) -> ErrandRows:
    if not work_order.errand_number:
        return ErrandRows(missing=True)
    try:
        errand = errands.get_client().errand(work_order.errand_number)
    except BackendNotFound:
        return ErrandRows(missing=True)
    except BackendRefused as exc:
        if exc.status == 400:
            # externtNr is not an errand number Errands v2 can read.
            return ErrandRows(missing=True)
        logger.warning("Staff work order: Errands v2 refused (HTTP %s)", exc.status)
        return ErrandRows(unavailable=True)
    except BackendError as exc:
        logger.warning("Staff work order: Errands v2 unavailable (%s)", type(exc).__name__)
        return ErrandRows(unavailable=True)
    return ErrandRows(rows=errand.rows, this_row_id=work_order.external_id)
