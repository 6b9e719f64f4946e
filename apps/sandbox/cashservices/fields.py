"""One attribute of a resource: its wire name, the model field it lives in, and how it is read.

The seed's tables give each attribute a type (int, float, bool, string, date,
array, dictionary) and a requirement (Genereras, Obligatorisk, Frivillig). A
``Field`` carries both, so one reader and one writer serve every resource.
Ints are refused when they are not whole numbers (contract A29).
"""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any

from django.db import models

TEXT, INT, DECIMAL, BOOL, DATE, REF = "text", "int", "decimal", "bool", "date", "ref"
# The seed's arrays and dictionaries: the forms' names, a fee model's service ids, a service's properties.
TEXTS, IDS, OBJECT = "texts", "ids", "object"


@dataclass(frozen=True)
class Field:
    wire: str
    attr: str
    kind: str
    required: bool = False
    low: int | None = None
    high: int | None = None
    model: type[models.Model] | None = None  # what a REF points at

    def to_wire(self, obj: models.Model) -> Any:
        value = getattr(obj, self.attr)
        if self.kind == TEXT and not self.required:
            return value or None
        if self.kind == DATE and value is not None:
            return value.isoformat()
        return value

    def read(self, attributes: dict[str, Any], problems: list[str]) -> Any:
        """The attribute's value for the model; a problem is added when it is missing or wrong."""
        value = attributes.get(self.wire)
        if value is None:
            if self.required:
                problems.append(f"{self.wire} är obligatoriskt.")
            return self.empty()
        reader = getattr(self, f"_read_{self.kind}")
        try:
            value = reader(value)
        except (TypeError, ValueError, InvalidOperation):
            problems.append(f"{self.wire} har fel typ ({_KIND_WORDS[self.kind]}).")
            return self.empty()
        if isinstance(value, (int, Decimal)) and not isinstance(value, bool):
            if (self.low is not None and value < self.low) or (self.high is not None and value > self.high):
                problems.append(f"{self.wire} ska ligga mellan {self.low} och {self.high}.")
        return value

    def empty(self) -> Any:
        return {TEXT: "", TEXTS: [], IDS: [], OBJECT: {}}.get(self.kind)

    def _read_text(self, value: Any) -> str:
        if not isinstance(value, str):
            raise TypeError
        if self.required and not value.strip():
            raise ValueError
        return value.strip()

    def _read_int(self, value: Any) -> int:
        if isinstance(value, bool) or not isinstance(value, int):
            raise TypeError
        return value

    def _read_ref(self, value: Any) -> int:
        return self._read_int(value)

    def _read_decimal(self, value: Any) -> Decimal:
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise TypeError
        return Decimal(str(value))

    def _read_bool(self, value: Any) -> bool:
        if not isinstance(value, bool):
            raise TypeError
        return value

    def _read_date(self, value: Any) -> date:
        if not isinstance(value, str):
            raise TypeError
        return date.fromisoformat(value[:10])

    def _read_texts(self, value: Any) -> list[str]:
        if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
            raise TypeError
        if self.required and not value:
            raise ValueError
        return value

    def _read_ids(self, value: Any) -> list[int]:
        if not isinstance(value, list):
            raise TypeError
        return [self._read_int(item) for item in value]

    def _read_object(self, value: Any) -> dict:
        if not isinstance(value, dict):
            raise TypeError
        return value


_KIND_WORDS = {
    TEXT: "text",
    INT: "heltal",
    DECIMAL: "tal",
    BOOL: "true eller false",
    DATE: "datum ÅÅÅÅ-MM-DD",
    REF: "id, heltal",
    TEXTS: "lista med minst en text",
    IDS: "lista av heltal",
    OBJECT: "objekt",
}
