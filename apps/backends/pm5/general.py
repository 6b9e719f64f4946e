"""General errands and inspections: Hämta NodKlassInfoLista and Hämta besiktningsprotokoll.

A general errand (Störning, Önskemål) is walked and created with the fault report's
own endpoints (ErrandsApi.node_choices, create_fault_report), told its errand type
and class; only the list of classes and the inspection protocol are endpoints of their own.
"""

from dataclasses import dataclass
from typing import Any
from urllib.parse import quote

from apps.backends.download import Download
from apps.backends.pm5.base import Pm5Base
from apps.backends.wire import Wire, read_list

GENERAL_ERRAND_TYPE = "AllmantArende"  # the walk's and the create's Ärendetyp of a general errand
CLASS_GROUP = "AllmantArende"  # NodKlassGruppSystemName (000:945)
CLASS_USAGE = "ExternWebbArende"  # NodKlassAnvändningTypSystemName (000:946)
DISTURBANCE = "storning"  # NodKlass.SystemName of Störning (000:961), folded


def is_disturbance(system_name: str) -> bool:
    """A disturbance report names a neighbour: its pages say who will read it."""
    return system_name.casefold() == DISTURBANCE


@dataclass(frozen=True)
class TimePoint:
    """ÄrendeKlassTidpunktTyp: a point in time an errand of the class records, e.g. "Inträffat"."""

    type_id: int
    label: str
    system_name: str


@dataclass(frozen=True)
class ErrandClass:
    """NodKlass: a kind of general errand, e.g. Störning."""

    class_id: int
    label: str
    system_name: str
    code: str | None
    short_label: str | None
    time_points: tuple[TimePoint, ...]


class GeneralApi(Pm5Base):
    def errand_classes(
        self, key: str, *, group: str = CLASS_GROUP, usage: str = CLASS_USAGE
    ) -> tuple[ErrandClass, ...]:
        """GET /session/{key}/{NodKlassGruppSystemName}?NodKlassAnvändningTypSystemName=… (A34).

        Removed classes (Borttagen) are left out: nobody may report under them.
        """
        path = self._session_path(key, quote(group, safe=""))
        data = self._json("GET", path, "errand classes", params={"NodKlassAnvändningTypSystemName": usage})
        return tuple(c for c in read_list(data, _errand_class_or_none, "NodKlass[]") if c is not None)

    def inspection_protocol(self, key: str, errand_id: int, *, incoming_tenant: bool) -> Download:
        """GET /session/{key}/arende/protokoll/{ArendeId}/{InflyttandeHyresgäst}: the PDF, streamed (A28, A29)."""
        flag = "true" if incoming_tenant else "false"
        path = self._session_path(key, "arende", "protokoll", str(int(errand_id)), flag)
        return self.transport.download(path, "inspection protocol")


def _errand_class_or_none(w: Wire) -> ErrandClass | None:
    if w.get("Borttagen") is True:
        return None
    return ErrandClass(
        class_id=w.required_integer("NodKlassId"),
        label=w.required_text("Beteckning"),
        system_name=w.required_text("SystemName"),
        code=w.text("Kod"),
        short_label=w.text("Kortbeteckning"),
        time_points=tuple(p for p in w.objects("ÄrendeKlassTidpunktLista", _time_point) if p is not None),
    )


def _time_point(w: Wire) -> Any:
    if w.get("ÄrendeTidpunktTypBorttagen"):  # a date: removed since then (A39)
        return None
    return TimePoint(
        type_id=w.required_integer("ÄrendeTidpunktTypId"),
        label=w.text("ÄrendeTidpunktTypBeteckning") or w.required_text("ÄrendeTidpunktTypSystemName"),
        system_name=w.required_text("ÄrendeTidpunktTypSystemName"),
    )
