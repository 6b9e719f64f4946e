"""Reading a backend's JSON by name: the one reader every client's parse module uses.

Forgiving where the contracts say a real backend may differ (keys matched
case-insensitively and trimmed; lists may be null or a single object) and
strict where a wrong value would mislead (amounts and ids must parse, or
BackendInvalid is raised).
"""

from collections.abc import Callable
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from enum import StrEnum
from typing import Any
from zoneinfo import ZoneInfo

from apps.backends.errors import BackendInvalid

STOCKHOLM = ZoneInfo("Europe/Stockholm")


class Wire:
    """A JSON object read by name, ignoring case and stray whitespace in keys."""

    def __init__(self, data: dict[str, Any], where: str):
        if not isinstance(data, dict):
            raise BackendInvalid(f"{where}: expected an object")
        self._data = {str(k).strip().casefold(): v for k, v in data.items()}
        self.where = where

    def get(self, *names: str) -> Any:
        for name in names:
            value = self._data.get(name.casefold())
            if value is not None:
                return value
        return None

    def text(self, *names: str) -> str | None:
        value = self.get(*names)
        return None if value is None else str(value)

    def required_text(self, *names: str) -> str:
        value = self.text(*names)
        if value is None:
            raise BackendInvalid(f"{self.where}: {names[0]} is missing")
        return value

    def integer(self, *names: str) -> int | None:
        value = self.get(*names)
        if value is None:
            return None
        try:
            return int(value)
        except (TypeError, ValueError):
            raise BackendInvalid(f"{self.where}: {names[0]} is not an integer") from None

    def required_integer(self, *names: str) -> int:
        value = self.integer(*names)
        if value is None:
            raise BackendInvalid(f"{self.where}: {names[0]} is missing")
        return value

    def decimal(self, *names: str) -> Decimal | None:
        value = self.get(*names)
        if value is None:
            return None
        if isinstance(value, bool):
            raise BackendInvalid(f"{self.where}: {names[0]} is not a number")
        try:
            return Decimal(str(value))
        except InvalidOperation:
            raise BackendInvalid(f"{self.where}: {names[0]} is not a number") from None

    def money(self, *names: str) -> Decimal:
        """An amount; a missing amount is zero, as a paper invoice would print it."""
        value = self.decimal(*names)
        return Decimal("0.00") if value is None else value.quantize(Decimal("0.01"))

    def boolean(self, *names: str) -> bool:
        value = self.get(*names)
        if isinstance(value, str):
            return value.strip().casefold() == "true"
        return bool(value)

    def date(self, *names: str) -> date | None:
        value = self.text(*names)
        return None if value is None else parse_date(value, self.where)

    def datetime(self, *names: str) -> datetime | None:
        value = self.text(*names)
        return None if value is None else parse_datetime(value, self.where)

    def obj[T](self, name: str, reader: Callable[["Wire"], T]) -> T | None:
        value = self.get(name)
        return None if value is None else reader(Wire(value, f"{self.where}.{name}"))

    def objects[T](self, name: str, reader: Callable[["Wire"], T]) -> tuple[T, ...]:
        return read_list(self.get(name), reader, f"{self.where}.{name}")

    def texts(self, name: str) -> tuple[str, ...]:
        """A list of plain values read as trimmed text (null: none; a single value: one)."""
        return tuple(str(value).strip() for value in items(self.get(name), f"{self.where}.{name}"))

    def integers(self, name: str) -> tuple[int, ...]:
        """A list of ids (null: none; a single value: one); any that is not a whole number is BackendInvalid."""
        values = items(self.get(name), f"{self.where}.{name}")
        try:
            return tuple(int(value) for value in values)
        except (TypeError, ValueError):
            raise BackendInvalid(f"{self.where}: {name} are not whole numbers") from None

    def group(self, *names: str) -> "Wire":
        """A nested object, or an empty one when it is missing, so its fields read as None."""
        value = self.get(*names)
        return Wire(value if isinstance(value, dict) else {}, f"{self.where}.{names[0]}")

    def has(self, name: str) -> bool:
        return self._data.get(name.casefold()) is not None


def items(value: Any, where: str, *, strict: bool = False) -> list[Any]:
    """The items of a JSON list; null is none.

    Forgiving by default, where a real backend may send a single object for a
    list of one (PM5, contract A15/A25); ``strict`` where the API promises an
    array (a JSON:API collection), so another shape is BackendInvalid.
    """
    if value is None:
        return []
    if isinstance(value, list):
        return value
    if strict:
        raise BackendInvalid(f"{where}: expected a list")
    return [value]


def each[T](data: Any, parse: Callable[[Any], T], where: str) -> list[T]:
    """Each item of a JSON array parsed by ``parse``; anything else, null included, is BackendInvalid."""
    if not isinstance(data, list):
        raise BackendInvalid(f"{where}: expected a list")
    return [parse(item) for item in data]


def read_list[T](value: Any, reader: Callable[[Wire], T], where: str, *, strict: bool = False) -> tuple[T, ...]:
    """Each object of a JSON list read by ``reader``, each named by its place for the error messages."""
    return tuple(reader(Wire(item, f"{where}[{i}]")) for i, item in enumerate(items(value, where, strict=strict)))


def parse_date(value: str, where: str = "") -> date:
    try:
        return date.fromisoformat(value.strip()[:10])
    except ValueError:
        raise BackendInvalid(f"{where}: {value!r} is not a date") from None


def parse_datetime(value: str, where: str = "") -> datetime:
    """All the forms of contract A24: date only, ' ' or 'T', seconds, ms, offset or Z."""
    text = value.strip().replace(" ", "T", 1)
    try:
        parsed = datetime.fromisoformat(text)
    except ValueError:
        raise BackendInvalid(f"{where}: {value!r} is not a date-time") from None
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=STOCKHOLM)
    return parsed


def code[E: StrEnum](enum: type[E], value: str | None) -> E | None:
    """The member of ``enum`` a backend's coded value names, ignoring case and stray spaces; None if none."""
    if value is None:
        return None
    wanted = value.strip().casefold()
    return next((member for member in enum if member.value.casefold() == wanted), None)
