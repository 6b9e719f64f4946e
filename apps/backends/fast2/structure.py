"""FAST2 fasta strukturen, kund and Skapa arbetsorder (seed 7.1-7.4, 7.6.2).

A mixin of Fast2Client: it speaks through ``self._resource``, the client's one
call with both tokens. The felanmälningsbara objekt are read with POST and
cursor paging (contract ambiguity 6): ``first`` objects after the objekt id
``after``; a page shorter than asked for is the last.
"""

from collections.abc import Iterator
from typing import Any
from urllib.parse import quote

from apps.backends.fast2 import parse, structure_parse
from apps.backends.fast2 import types as t

REPORTABLE_PATHS = {
    True: "/v1/fastastrukturen/objekt/felanmalningsbara/uthyrningsbara",
    False: "/v1/fastastrukturen/objekt/felanmalningsbara/ejuthyrningsbara",
}
PAGE_SIZE = 100


class StructureCalls:
    _resource: Any  # Fast2Base._resource

    # Objekt (seed 7.1).

    def estate_object(self, object_id: str) -> t.EstateObject:
        path = f"/v1/fastastrukturen/objekt/{_segment(object_id)}"
        return structure_parse.estate_object(self._resource("GET", path, "objekt/{id}"))

    def reportable_objects(
        self,
        *,
        rentable: bool = True,
        customer_id: int | None = None,
        object_id: str = "",
        first: int = PAGE_SIZE,
        after: str | None = None,
        sort: tuple[t.ObjectSort, ...] = (),
    ) -> t.ObjectPage:
        """One page of the objekt one may report faults on: rentable ones, or common rooms with ``rentable=False``.

        With ``customer_id``, those that customer may report on.
        """
        body: dict[str, Any] = {"first": int(first)}
        query = {"kundId": customer_id, "objektId": object_id or None}
        if any(value is not None for value in query.values()):
            body["filter"] = {name: value for name, value in query.items() if value is not None}
        if after:
            body["after"] = after
        if sort:
            body["sortering"] = [{"falt": s.field, "riktning": "DESC" if s.descending else "ASC"} for s in sort]
        endpoint = "objekt/felanmalningsbara"
        objects = structure_parse.estate_objects(
            self._resource("POST", REPORTABLE_PATHS[rentable], endpoint, json_body=body)
        )
        full = len(objects) >= int(first) and bool(objects)
        return t.ObjectPage(objects=objects, next_after=objects[-1].id if full else None)

    def all_reportable_objects(self, *, page_size: int = PAGE_SIZE, **query: Any) -> Iterator[t.EstateObject]:
        """Every reportable objekt, page by page; takes reportable_objects' filters and sort."""
        after = None
        while True:
            page = self.reportable_objects(first=page_size, after=after, **query)
            yield from page.objects
            if page.next_after is None:
                return
            after = page.next_after

    # Utrymme and enhet (seed 7.2, 7.3, 7.3.1) and fraser (7.6.2 Hämta Fraser).

    def room(self, room_id: int) -> t.Room:
        return structure_parse.room(
            self._resource("GET", f"/v1/fastastrukturen/utrymmen/{int(room_id)}", "utrymmen/{id}")
        )

    def rooms(self, object_id: str) -> list[t.Room]:
        params = [("objektId", object_id)]
        return structure_parse.rooms(self._resource("GET", "/v1/fastastrukturen/utrymmen", "utrymmen", params=params))

    def unit(self, unit_id: int) -> t.Unit:
        return structure_parse.unit(
            self._resource("GET", f"/v1/fastastrukturen/enheter/{int(unit_id)}", "enheter/{id}")
        )

    def units(self, room_id: int) -> list[t.Unit]:
        params = [("utrymmesId", str(int(room_id)))]
        return structure_parse.units(self._resource("GET", "/v1/fastastrukturen/enheter", "enheter", params=params))

    def update_unit(self, unit_id: int, change: t.UnitChange) -> None:
        """Changes the enhet directly, past FAST2's maintenance logic (seed 2.10): only the fields set."""
        wire = {
            "beskrivning": change.name,
            "installationsdatum": change.installed_on.isoformat() if change.installed_on else None,
            "underhallsdatum": change.maintained_on.isoformat() if change.maintained_on else None,
            "serienummer": change.serial_number,
            "egenskap": change.attribute,
        }
        body = {name: value for name, value in wire.items() if value is not None}
        path = f"/v1/fastastrukturen/enheter/{int(unit_id)}"
        self._resource("PUT", path, "enheter/{id}", json_body=body, expect_json=False)

    def phrases(self, unit_id: int) -> list[t.Phrase]:
        params = [("enhetsId", str(int(unit_id)))]
        return structure_parse.phrases(
            self._resource("GET", "/v1/fastastrukturen/enheter/fraser", "fraser", params=params)
        )

    # Kund (seed 7.4, 7.4.1).

    def customer(self, customer_id: int) -> t.Customer:
        return structure_parse.customer(self._resource("GET", f"/v1/kund/{int(customer_id)}", "kund/{id}"))

    def customer_by_number(self, customer_number: str) -> t.Customer:
        path = f"/v1/kund/kundnummer/{_segment(customer_number)}"
        return structure_parse.customer(self._resource("GET", path, "kund/kundnummer/{nummer}"))

    def update_customer_contact(
        self, customer_id: int, *, email: str | None = None, phones: tuple[t.Phone, ...] = ()
    ) -> None:
        """Sets the e-mail address when given ("" removes it) and each phone by its kind; others stay."""
        body: dict[str, Any] = {}
        if email is not None:
            body["epostAdress"] = email
        if phones:
            body["telefon"] = [{"typ": p.kind, "telefonNr": p.number} for p in phones]
        path = f"/v1/kund/{int(customer_id)}/kontaktuppgift"
        self._resource("PUT", path, "kund/{id}/kontaktuppgift", json_body=body, expect_json=False)

    # Skapa arbetsorder (seed 7.6.2).

    def create_work_order(self, order: t.NewWorkOrder) -> int:
        """The new work order's id; it starts in REG, or GODK when a utförare is given."""
        data = self._resource("POST", "/v1/arbetsorder", "arbetsorder", json_body=_work_order_body(order))
        return parse.created_id(data)


def _work_order_body(order: t.NewWorkOrder) -> dict[str, Any]:
    information = {
        "beskrivning": order.description or None,
        "kommentar": order.comment or None,
        "anmarkning": order.remark or None,
    }
    reporter = order.reporter
    anmalare = {"namn": reporter.name, "telefon": reporter.phone, "epostAdress": reporter.email} if reporter else {}
    body: dict[str, Any] = {
        "objektId": order.object_id,
        "utrymmesId": order.room_id,
        "enhetsId": order.unit_id,
        "enhetsNotering": order.unit_note or None,
        "frasNr": order.phrase_id,
        "arbetsordertypKod": order.kind_code or None,
        "kundNr": order.customer_number or None,
        "resursId": order.performer_id or None,
        "prioKod": order.priority_code or None,
        "tilltradesKod": order.access_code or None,
        "statusKod": order.status_code or None,
        "ursprung": order.origin or None,
        "information": {k: v for k, v in information.items() if v} or None,
        "anmalare": {k: v for k, v in anmalare.items() if v} or None,
    }
    if order.planning is not None:
        body["planering"] = {
            "bokadDatum": order.planning.day.isoformat() if order.planning.day else None,
            "bokadFromTid": order.planning.from_time,
            "bokadTomTid": order.planning.to_time,
        }
    return {name: value for name, value in body.items() if value is not None}


def _segment(value: str) -> str:
    """A path segment from outside: quoted, so a "/" or "?" in it cannot change the call."""
    return quote(str(value), safe="")
