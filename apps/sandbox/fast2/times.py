"""Tider of a work order (seed 7.9) and the index-only timer calls starta/stoppa (contract ambiguity 15).

What makes a valid Tid is in time_input.py; PUT is a partial update, as for
kontaktpersoner. A work order takes new or changed time only
while it is open (seed 2.1: updatable until UTFÖRD; MAK and ÖVERF are final too).

Sandbox-defined: ``pagar`` on a Tid tells whether its timer is still running
(the seed has no field for it; a running Tid has no sluttid and no duration yet).
"""

from datetime import time

from django.db import IntegrityError, transaction
from django.http import HttpRequest, HttpResponse
from django.utils import timezone

from apps.sandbox.fast2 import auth, lookup, time_input
from apps.sandbox.fast2.wire import FAST2, answer, created, day, error, ok
from apps.sandbox.http import BadRequest
from apps.sandbox.models import ErrandRow, WorkOrderTime


class TimeRefused(Exception):
    """409: a Tid the body could make, but not now."""


def time_entry(entry: WorkOrderTime) -> dict:
    return {
        "id": entry.pk,
        "arbetsorderId": entry.row_id,
        "resursId": entry.resource_id,
        "timmar": entry.hours,
        "minuter": entry.minutes,
        "starttid": _clock(entry.start_time),
        "sluttid": _clock(entry.end_time),
        "datumFom": day(entry.date_from),
        "datumTom": day(entry.date_to),
        "aktivitet": entry.activity or None,
        "frasId": entry.activity_id,
        "pris": entry.price,
        "pagar": entry.running_since is not None,  # sandbox-defined, see the module docstring
    }


@FAST2.endpoint
@auth.resource_required
@FAST2.allow("GET")
def activities(request: HttpRequest, resource: auth.Resource) -> HttpResponse:
    return answer([{"id": code, "frasText": text} for code, text in time_input.ACTIVITIES.items()])


@FAST2.endpoint
@auth.resource_required
@FAST2.allow("GET", "POST")
@lookup.work_order_in_query
def time_list(request: HttpRequest, row: ErrandRow, resource: auth.Resource) -> HttpResponse:
    if request.method == "GET":
        return answer([time_entry(entry) for entry in row.times.all()])
    entry = WorkOrderTime(row=row, resource_id=resource.username)
    try:
        time_input.apply(entry, FAST2.json_object(request), partial=False)
        _require_open(row)
    except (BadRequest, time_input.TimeInvalid) as exc:
        return error(400, "BadRequest", str(exc))
    except TimeRefused as exc:
        return error(409, "Conflict", str(exc))
    entry.save()
    return created(entry.pk)


@FAST2.endpoint
@auth.resource_required
@FAST2.allow("GET", "PUT", "DELETE")
def time_detail(request: HttpRequest, time_id: str, resource: auth.Resource) -> HttpResponse:
    entry = _entry(time_id)
    if entry is None:
        return _not_found(time_id)
    if request.method == "GET":
        return answer(time_entry(entry))
    try:
        _require_open(entry.row)
        if request.method == "DELETE":
            entry.delete()
            return ok()
        if entry.running_since is not None:
            raise TimeRefused("Tiden pågår. Stoppa den innan den ändras.")
        time_input.apply(entry, FAST2.json_object(request), partial=True)
    except (BadRequest, time_input.TimeInvalid) as exc:
        return error(400, "BadRequest", str(exc))
    except TimeRefused as exc:
        return error(409, "Conflict", str(exc))
    entry.save()
    return ok()


@FAST2.endpoint
@auth.resource_required
@FAST2.allow("POST")
@lookup.work_order_in_query
def start(request: HttpRequest, row: ErrandRow, resource: auth.Resource) -> HttpResponse:
    """Start a timer for the logged-in resource; one running timer per resource and work order."""
    try:
        _require_open(row)
    except TimeRefused as exc:
        return error(409, "Conflict", str(exc))
    now = timezone.localtime()
    entry = WorkOrderTime(
        row=row,
        resource_id=resource.username,
        date_from=now.date(),
        start_time=now.time().replace(second=0, microsecond=0),
        running_since=now,
    )
    try:
        with transaction.atomic():
            entry.save()
    except IntegrityError:
        return error(409, "Conflict", "Resursen har redan en tid som pågår på arbetsordern.")
    return created(entry.pk)


@FAST2.endpoint
@auth.resource_required
@FAST2.allow("POST")
@lookup.work_order_in_query
def stop_running(request: HttpRequest, row: ErrandRow, resource: auth.Resource) -> HttpResponse:
    """Stop the logged-in resource's running timer on the work order named in the query."""
    entry = row.times.filter(resource_id=resource.username, running_since__isnull=False).first()
    if entry is None:
        return error(409, "Conflict", "Resursen har ingen tid som pågår på arbetsordern.")
    _stop(entry)
    return ok()


@FAST2.endpoint
@auth.resource_required
@FAST2.allow("POST")
def stop(request: HttpRequest, time_id: str, resource: auth.Resource) -> HttpResponse:
    # A running timer may be stopped after the work order closed: otherwise it would run for ever.
    entry = _entry(time_id)
    if entry is None:
        return _not_found(time_id)
    if entry.running_since is None:
        return error(409, "Conflict", f"Tid {entry.pk} är redan stoppad.")
    _stop(entry)
    return ok()


def _stop(entry: WorkOrderTime) -> None:
    now = timezone.localtime()
    elapsed = max(int((now - entry.running_since).total_seconds() // 60), 0)
    entry.hours, entry.minutes = divmod(elapsed, 60)
    entry.date_to = now.date()
    entry.end_time = now.time().replace(second=0, microsecond=0)
    entry.running_since = None
    entry.save()


def _require_open(row: ErrandRow) -> None:
    if not row.is_open:
        label = row.get_status_display().lower()
        raise TimeRefused(f"Arbetsorder {row.pk} är {label} och tar inte emot tider.")


def _clock(value: time | None) -> str | None:
    return None if value is None else value.strftime("%H:%M")


def _entry(time_id: str) -> WorkOrderTime | None:
    if not time_id.isdigit():
        return None
    return WorkOrderTime.objects.select_related("row").filter(pk=int(time_id)).first()


def _not_found(time_id: str) -> HttpResponse:
    return error(404, "NotFound", f"Tid {time_id} finns inte.")
