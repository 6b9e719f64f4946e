"""FAST2 tider: time booked on a work order (seed 7.9), and the index-only timer calls.

A mixin of Fast2Client: it speaks through ``self._resource``, the client's one
call with both tokens. Readings (contract ambiguities 15, 16, 28): frasId is an
Aktivitet's id and aktivitet its text; timmar+minuter is the booked duration,
starttid/sluttid optional times of day HH:MM; arbetsorderId goes in the query
and, for a new Tid, in the body too. starta/stoppa are not specified in the
seed (only listed in its index): the portal does not depend on them.
"""

from typing import Any

from apps.backends.fast2.times_parse import activities, time_entries, time_entry
from apps.backends.fast2.times_types import Activity, TimeEntry, TimeInput
from apps.backends.wire import Wire

__all__ = ["Activity", "TimeCalls", "TimeEntry", "TimeInput"]


class TimeCalls:
    """The tider endpoints of Fast2Client."""

    _resource: Any  # Fast2Base._resource

    def times(self, work_order_id: int) -> list[TimeEntry]:
        params = [("arbetsorderId", str(int(work_order_id)))]
        return time_entries(self._resource("GET", "/v1/arbetsorder/tider", "tider", params=params))

    def time_entry(self, time_id: int) -> TimeEntry:
        return time_entry(self._resource("GET", f"/v1/arbetsorder/tider/{int(time_id)}", "tider/{id}"))

    def add_time(self, work_order_id: int, entry: TimeInput) -> int:
        params = [("arbetsorderId", str(int(work_order_id)))]
        body = time_body(entry) | {"arbetsorderId": int(work_order_id)}
        data = self._resource("POST", "/v1/arbetsorder/tider", "tider", params=params, json_body=body)
        return Wire(data, "Created").required_integer("id")

    def update_time(self, time_id: int, entry: TimeInput) -> None:
        path = f"/v1/arbetsorder/tider/{int(time_id)}"
        self._resource("PUT", path, "tider/{id}", json_body=time_body(entry), expect_json=False)

    def delete_time(self, time_id: int) -> None:
        self._resource("DELETE", f"/v1/arbetsorder/tider/{int(time_id)}", "tider/{id}", expect_json=False)

    def activities(self) -> list[Activity]:
        data = self._resource("GET", "/v1/arbetsorder/tider/aktiviteter/vardelista", "tider/aktiviteter/vardelista")
        return activities(data)

    def start_timer(self, work_order_id: int) -> int:
        """Start the logged-in resource's timer on the work order; the id of the new Tid."""
        params = [("arbetsorderId", str(int(work_order_id)))]
        data = self._resource("POST", "/v1/arbetsorder/tider/starta", "tider/starta", params=params)
        return Wire(data, "Created").required_integer("id")

    def stop_timer(self, work_order_id: int) -> None:
        """Stop the logged-in resource's running timer on the work order."""
        params = [("arbetsorderId", str(int(work_order_id)))]
        self._resource("POST", "/v1/arbetsorder/tider/stoppa", "tider/stoppa", params=params, expect_json=False)

    def stop_time(self, time_id: int) -> None:
        path = f"/v1/arbetsorder/tider/{int(time_id)}/stoppa"
        self._resource("POST", path, "tider/{id}/stoppa", expect_json=False)


def time_body(entry: TimeInput) -> dict[str, Any]:
    body: dict[str, Any] = {
        "timmar": entry.hours,
        "minuter": entry.minutes,
        "starttid": entry.start_time,
        "sluttid": entry.end_time,
        "datumFom": entry.date_from.isoformat() if entry.date_from else None,
        "datumTom": entry.date_to.isoformat() if entry.date_to else None,
        "frasId": entry.activity_id,
        # A JSON number: json cannot print a Decimal, and two decimals survive a float unchanged.
        "pris": float(entry.price) if entry.price is not None else None,
    }
    if entry.resource_id:
        body["resursId"] = entry.resource_id
    return body
