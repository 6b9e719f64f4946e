"""What makes a Tid (TidInput, seed 7.9.1/7.9.3): the value list of aktiviteter and the checks of a body.

Readings (contract ambiguities 16 and 28): timmar+minuter is the booked duration,
starttid/sluttid optional times of day HH:MM (given alone, their span is the
duration); frasId is an Aktivitet id and aktivitet its text, which the sandbox
fills in from the value list; the body's arbetsorderId, when sent, must equal
the query's. With ``partial`` (PUT) only the fields sent change.
"""

from datetime import datetime, time
from decimal import Decimal, InvalidOperation
from typing import Any

from django.utils import timezone

from apps.sandbox.fast2.wire import optional_date
from apps.sandbox.models import WorkOrderTime

# The value list of 7.9.4: frasId → frasText.
ACTIVITIES = {
    101: "Felsökning",
    102: "Reparation",
    103: "Byte av del",
    104: "Resa",
    105: "Materialhämtning",
    106: "Besiktning",
}
MAX_HOURS = 999
MAX_PRICE = Decimal("99999999.99")


class TimeInvalid(Exception):
    """400: the body does not make a Tid."""


def apply(entry: WorkOrderTime, body: dict[str, Any], *, partial: bool) -> None:
    if body.get("arbetsorderId") is not None and str(body["arbetsorderId"]) != str(entry.row_id):
        raise TimeInvalid("arbetsorderId i kroppen ska vara samma som i frågan.")

    def given(name: str) -> bool:
        return name in body or not partial

    if given("resursId") and body.get("resursId") not in (None, ""):
        resource_id = str(body["resursId"]).strip()
        if len(resource_id) > 40:
            raise TimeInvalid("resursId får vara högst 40 tecken.")
        entry.resource_id = resource_id
    if given("timmar"):
        entry.hours = _whole(body.get("timmar"), "timmar", MAX_HOURS)
    if given("minuter"):
        entry.minutes = _whole(body.get("minuter"), "minuter", 59)
    if given("starttid"):
        entry.start_time = _time(body.get("starttid"), "starttid")
    if given("sluttid"):
        entry.end_time = _time(body.get("sluttid"), "sluttid")
    if given("datumFom"):
        entry.date_from = optional_date(body.get("datumFom"), "datumFom", TimeInvalid)
    if given("datumTom"):
        entry.date_to = optional_date(body.get("datumTom"), "datumTom", TimeInvalid)
    if given("frasId"):
        entry.activity_id, entry.activity = _activity(body.get("frasId"))
    if given("pris"):
        entry.price = _price(body.get("pris"))
    _check(entry)


def _check(entry: WorkOrderTime) -> None:
    if entry.date_from is None:
        entry.date_from = entry.date_to or timezone.localdate()
    if entry.date_to is not None and entry.date_to < entry.date_from:
        raise TimeInvalid("datumTom ska vara samma dag som datumFom eller senare.")
    if entry.start_time and entry.end_time:
        begins = datetime.combine(entry.date_from, entry.start_time)
        ends = datetime.combine(entry.date_to or entry.date_from, entry.end_time)
        if ends <= begins:
            raise TimeInvalid("sluttid ska vara efter starttid.")
        if entry.hours == 0 and entry.minutes == 0:
            # Only times of day given: the duration is the span between them.
            entry.hours, entry.minutes = divmod(int((ends - begins).total_seconds() // 60), 60)
            entry.hours = min(entry.hours, MAX_HOURS)
    if entry.hours == 0 and entry.minutes == 0:
        raise TimeInvalid("Ange timmar och minuter, eller starttid och sluttid.")


def _whole(value: Any, name: str, most: int) -> int:
    if value in (None, ""):
        return 0
    if isinstance(value, bool) or not isinstance(value, int | str):
        raise TimeInvalid(f"{name} ska vara ett heltal.")
    try:
        number = int(value)
    except ValueError:
        raise TimeInvalid(f"{name} ska vara ett heltal.") from None
    if not 0 <= number <= most:
        raise TimeInvalid(f"{name} ska vara mellan 0 och {most}.")
    return number


def _time(value: Any, name: str) -> time | None:
    if value in (None, ""):
        return None
    text = str(value)
    try:
        if len(text) != 5 or text[2] != ":":
            raise ValueError
        return time.fromisoformat(text)
    except ValueError:
        raise TimeInvalid(f"{name} ska vara en tid på dagen, TT:MM.") from None


def _activity(value: Any) -> tuple[int | None, str]:
    if value in (None, ""):
        return None, ""
    try:
        code = int(value)
    except (TypeError, ValueError):
        code = None
    if code not in ACTIVITIES:
        raise TimeInvalid("frasId måste vara en aktivitet ur värdelistan.")
    return code, ACTIVITIES[code]


def _price(value: Any) -> Decimal | None:
    if value in (None, ""):
        return None
    try:
        price = Decimal(str(value))
    except InvalidOperation:
        raise TimeInvalid("pris ska vara ett tal.") from None
    if not price.is_finite() or not Decimal(0) <= price <= MAX_PRICE:
        raise TimeInvalid("pris ska vara ett tal från 0 och uppåt.")
    return price.quantize(Decimal("0.01"))
