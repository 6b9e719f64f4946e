"""FAST2 tider JSON → the typed objects of times_types.py. Swedish names end here."""

from typing import Any

from apps.backends.fast2.times_types import Activity, TimeEntry
from apps.backends.wire import Wire, each


def time_entries(data: Any) -> list[TimeEntry]:
    return each(data, time_entry, "FAST2 tider")


def time_entry(data: Any) -> TimeEntry:
    w = Wire(data, "Tid")
    return TimeEntry(
        id=w.required_integer("id"),
        work_order_id=w.integer("arbetsorderId"),
        resource_id=w.text("resursId"),
        hours=w.integer("timmar") or 0,
        minutes=w.integer("minuter") or 0,
        start_time=w.text("starttid"),
        end_time=w.text("sluttid"),
        date_from=w.date("datumFom"),
        date_to=w.date("datumTom"),
        activity=w.text("aktivitet"),
        activity_id=w.integer("frasId"),
        price=w.decimal("pris"),
        running=w.boolean("pagar"),
    )


def activities(data: Any) -> list[Activity]:
    return each(data, activity, "FAST2 aktiviteter")


def activity(data: Any) -> Activity:
    w = Wire(data, "Aktivitet")
    return Activity(id=w.required_integer("id"), text=w.text("frasText") or str(w.required_integer("id")))
