"""The tenant's home: planned maintenance, maintenance offers and meter readings.

Planned maintenance and offers come with the standard session data (one cached
answer for every page); meter data is bulky, so only the meter pages ask for it,
in a session read of their own (``METER_PARTS``), cached like the standard one.
"""

import hashlib
from dataclasses import dataclass
from datetime import date

from django.http import Http404

from apps.backends.pm5 import SessionParts
from apps.backends.pm5.home_types import Maintenance, Meter, MeterInstallation, OfferAnswer
from apps.backends.pm5.types import AvailableObject, Errand, ErrandRow, PortalSession
from apps.customer.services import CustomerSession

METER_PARTS = SessionParts(customer=False, objects=True, meter_data=True)
DECLINE = "nej"  # the offer form's value for "no, thank you"


# --- planned maintenance ----------------------------------------------------------


@dataclass(frozen=True)
class PlannedWork:
    item: Maintenance
    place: AvailableObject


@dataclass(frozen=True)
class MaintenancePlan:
    upcoming: tuple[PlannedWork, ...]  # not done yet, soonest first
    done: tuple[PlannedWork, ...]  # most recent first


def maintenance_plan(session: PortalSession) -> MaintenancePlan:
    work = [PlannedWork(item, obj) for obj in session.objects or () for item in obj.maintenance or ()]
    upcoming = sorted((w for w in work if w.item.done_on is None), key=lambda w: w.item.planned_on or date.max)
    done = sorted((w for w in work if w.item.done_on is not None), key=lambda w: w.item.done_on, reverse=True)
    return MaintenancePlan(tuple(upcoming), tuple(done))


# --- maintenance offers ------------------------------------------------------------


@dataclass(frozen=True)
class Offer:
    errand: Errand
    answer_by: date
    today: date

    @property
    def choices(self) -> tuple[ErrandRow, ...]:
        return self.errand.rows

    @property
    def place(self) -> str:
        """Where in the home, as the maintenance plan writes it: "Vardagsrum / Golv" (the object itself left out)."""
        first = self.choices[0]
        steps = [step.label for step in first.node_path[1:] if step.label]
        return " / ".join(steps) or (first.subject.label if first.subject else "") or self.errand.number

    @property
    def accepted(self) -> ErrandRow | None:
        return next((row for row in self.choices if row.accepted_on is not None), None)

    @property
    def is_open(self) -> bool:
        return self.today <= self.answer_by

    @property
    def is_yes_or_no(self) -> bool:
        """One row: the tenant says yes or no. Several: the tenant picks one, or none."""
        return len(self.choices) == 1


def offers(session: PortalSession, today: date) -> tuple[Offer, ...]:
    """The tenant's maintenance offers, those still open first, each soonest deadline first."""
    found = [
        Offer(errand, errand.offer_answer_by, today)
        for errand in session.errands or ()
        if errand.offer_answer_by is not None and errand.rows
    ]
    return tuple(sorted(found, key=lambda o: (not o.is_open, o.answer_by)))


def own_offer(session: PortalSession, errand_id: int, today: date) -> Offer:
    """The tenant's own offer with this id, or 404: the id comes from the browser."""
    for offer in offers(session, today):
        if offer.errand.errand_id == errand_id:
            return offer
    raise Http404("No such offer")


def answer_offer(customer: CustomerSession, offer: Offer, choice: str, today: date) -> None:
    """Accept one row (dated today) and withdraw the others; DECLINE withdraws them all (contract A47).

    ``choice`` is a row id of this offer, already checked by the form.
    """
    answers = [
        OfferAnswer(row.row_id, today if str(row.row_id) == choice and choice != DECLINE else None)
        for row in offer.choices
    ]
    customer.call(lambda client, key: client.save_offer_answers(key, answers))
    customer.forget()


# --- meters ------------------------------------------------------------------------


@dataclass(frozen=True)
class MeterView:
    key: str  # in the meter page's URL; derived from what PM5 says of it, so nothing internal is exposed
    meter: Meter
    installation: MeterInstallation
    place: AvailableObject


def meters(session: PortalSession) -> tuple[MeterView, ...]:
    return tuple(
        MeterView(_meter_key(obj, installation, meter, position), meter, installation, obj)
        for obj in session.objects or ()
        for installation in obj.meter_installations or ()
        for position, meter in enumerate(installation.meters)
    )


def own_meter(session: PortalSession, key: str) -> MeterView:
    for view in meters(session):
        if view.key == key:
            return view
    raise Http404("No such meter")


def _meter_key(obj: AvailableObject, installation: MeterInstallation, meter: Meter, position: int) -> str:
    # PM5 gives a meter no id; its object, installation, usage and label name it (the position parts two alike).
    raw = "|".join(str(part) for part in (obj.number, installation.label, meter.usage, meter.label, position))
    return hashlib.sha256(raw.encode()).hexdigest()[:12]


# --- on the overview ----------------------------------------------------------------

OVERVIEW_PLANNED = 3


@dataclass(frozen=True)
class HomeSummary:
    planned: tuple[PlannedWork, ...]  # the next few, soonest first
    more_planned: int
    offers_to_answer: int  # open offers the tenant has not accepted any row of


def home_summary(session: PortalSession, today: date) -> HomeSummary:
    """From the standard session data the overview already has: no call of its own."""
    upcoming = maintenance_plan(session).upcoming
    waiting = [o for o in offers(session, today) if o.is_open and o.accepted is None]
    return HomeSummary(
        planned=upcoming[:OVERVIEW_PLANNED],
        more_planned=max(0, len(upcoming) - OVERVIEW_PLANNED),
        offers_to_answer=len(waiting),
    )
