"""The FAST2 API arbetsorder client: one method per endpoint (tokens: base.py)."""

from decimal import Decimal
from typing import Any

from django.conf import settings

from apps.backends.fast2 import parse
from apps.backends.fast2 import types as t
from apps.backends.fast2.base import GATEWAY_KEY, RESOURCE_KEY, Fast2Base
from apps.backends.fast2.files import FileCalls
from apps.backends.fast2.structure import StructureCalls
from apps.backends.fast2.times import TimeCalls

__all__ = ["GATEWAY_KEY", "RESOURCE_KEY", "Fast2Client", "get_client"]


class Fast2Client(Fast2Base, TimeCalls, FileCalls, StructureCalls):
    # Work orders (seed 7.6).

    def work_orders(self, query: t.WorkOrderQuery, *, offset: int = 0, limit: int = 100) -> list[t.WorkOrder]:
        params: list[tuple[str, str]] = [("offset", str(offset)), ("limit", str(limit))]
        params += [("status", code) for code in query.statuses]
        params += [("feltyp", code) for code in query.kinds]
        params += [("utforare", resource_id) for resource_id in query.performers]
        # prio is the sandbox's extension of the seed's query; a FAST2 without it ignores it.
        params += [("prio", code) for code in query.priorities]
        if query.object_id:
            params.append(("objektId", query.object_id))
        if query.created_after:
            params.append(("skapadEfter", query.created_after.isoformat()))
        if query.modified_after:
            params.append(("modifieradEfter", query.modified_after.isoformat()))
        return parse.work_orders(self._resource("GET", "/v1/arbetsorder", "arbetsorder", params=params))

    def work_order(self, work_order_id: int) -> t.WorkOrder:
        return parse.work_order(self._resource("GET", f"/v1/arbetsorder/{int(work_order_id)}", "arbetsorder/{id}"))

    def set_priority(self, work_order_id: int, code: str) -> None:
        """PUT /v1/arbetsorder/{id} with prioKod only: a partial update (contract ambiguity 13)."""
        self._update(work_order_id, {"prioKod": code})

    def set_planning(self, work_order_id: int, planning: t.Planning | None) -> None:
        """Book a date and time window, or clear the booking with None."""
        body = None
        if planning is not None:
            body = {
                "bokadDatum": planning.day.isoformat() if planning.day else None,
                "bokadFromTid": planning.from_time,
                "bokadTomTid": planning.to_time,
            }
        self._update(work_order_id, {"planering": body})

    def update_work_order(self, work_order_id: int, change: t.WorkOrderChange) -> None:
        """PUT /v1/arbetsorder/{id} with the fields the change sets, nothing else (a partial update)."""
        information = {
            wire: value
            for wire, value in (
                ("beskrivning", change.description),
                ("kommentar", change.comment),
                ("anmarkning", change.remark),
                ("atgard", change.action_taken),
            )
            if value is not None
        }
        flat = {
            "enhetsNotering": change.unit_note,
            "arbetsordertypKod": change.kind_code,
            "tilltradesKod": change.access_code,
            "resursId": change.performer_id,
            "utrymmesId": change.room_id,
            "enhetsId": change.unit_id,
            "frasNr": change.phrase_id,
            "kundNr": change.customer_number,
        }
        body: dict[str, Any] = {wire: value for wire, value in flat.items() if value is not None}
        if information:
            body["information"] = information
        if change.economy is not None and change.economy_fields:
            body["ekonomi"] = {
                parse.ECONOMY_WIRE[name]: _wire_value(getattr(change.economy, name)) for name in change.economy_fields
            }
        if change.invoicing is not None:
            body["fakturera"] = {
                "faktureras": change.invoicing.to_invoice,
                "fakturaBelopp": _wire_value(change.invoicing.amount),
            }
        self._update(work_order_id, body)

    def _update(self, work_order_id: int, body: dict[str, Any]) -> None:
        path = f"/v1/arbetsorder/{int(work_order_id)}"
        self._resource("PUT", path, "arbetsorder/{id}", json_body=body, expect_json=False)

    # Status (seed 7.6.3-7.6.5).

    def status(self, work_order_id: int) -> t.Status:
        return parse.status(self._resource("GET", f"/v1/arbetsorder/{int(work_order_id)}/status", "status"))

    def status_choices(self, work_order_id: int) -> list[t.Status]:
        """The statuses this work order may move to now (the backend's rules, not ours)."""
        path = f"/v1/arbetsorder/{int(work_order_id)}/status/vardelista"
        return parse.statuses(self._resource("GET", path, "status/vardelista"))

    def set_status(self, work_order_id: int, code: str) -> None:
        path = f"/v1/arbetsorder/{int(work_order_id)}/status"
        self._resource("PUT", path, "status", json_body={"statuskod": code}, expect_json=False)

    # Kontaktpersoner (seed 7.7).

    def contacts(self, work_order_id: int) -> list[t.Contact]:
        params = [("arbetsorderId", str(int(work_order_id)))]
        return parse.contacts(
            self._resource("GET", "/v1/arbetsorder/kontaktpersoner", "kontaktpersoner", params=params)
        )

    def add_contact(self, work_order_id: int, contact: t.Contact) -> int:
        params = [("arbetsorderId", str(int(work_order_id)))]
        body = _contact_body(contact) | {"arbetsorderId": int(work_order_id)}
        path = "/v1/arbetsorder/kontaktpersoner"
        return parse.created_id(self._resource("POST", path, "kontaktpersoner", params=params, json_body=body))

    def update_contact(self, contact_id: int, contact: t.Contact) -> None:
        path = f"/v1/arbetsorder/kontaktpersoner/{int(contact_id)}"
        self._resource("PUT", path, "kontaktpersoner/{id}", json_body=_contact_body(contact), expect_json=False)

    def delete_contact(self, contact_id: int) -> None:
        path = f"/v1/arbetsorder/kontaktpersoner/{int(contact_id)}"
        self._resource("DELETE", path, "kontaktpersoner/{id}", expect_json=False)

    # SLA (seed 7.8).

    def sla(self, work_order_id: int) -> t.Sla:
        return parse.sla(self._resource("GET", f"/v1/arbetsorder/{int(work_order_id)}/sla", "sla"))

    def close_sla(self, work_order_id: int) -> None:
        path = f"/v1/arbetsorder/{int(work_order_id)}/sla/avslutad"
        self._resource("POST", path, "sla/avslutad", expect_json=False)

    # Händelser (seed 7.5).

    def events(self, work_order_id: int) -> list[t.Event]:
        params = [("arbetsorderId", str(int(work_order_id)))]
        return parse.events(self._resource("GET", "/v1/arbetsorder/handelser", "handelser", params=params))

    def event_types(self) -> list[t.EventType]:
        return parse.event_types(self._resource("GET", "/v1/arbetsorder/handelser/vardelista", "handelser/vardelista"))

    def add_event(
        self, work_order_id: int, *, title: str, text: str, type_code: str, files: tuple[str, ...] = ()
    ) -> int:
        """A new händelse; ``files`` are temporary file names (upload_temp_file) it links to the work order.

        The seed links files in händelser (2.7, 8.0) without naming the field: ``filer`` is the sandbox's reading.
        """
        params = [("arbetsorderId", str(int(work_order_id)))]
        body: dict[str, Any] = {"rubrik": title, "text": text, "typKod": type_code}
        if files:
            body["filer"] = list(files)
        data = self._resource("POST", "/v1/arbetsorder/handelser", "handelser", params=params, json_body=body)
        return parse.created_id(data)

    def event(self, event_id: int) -> t.Event:
        path = f"/v1/arbetsorder/handelser/{int(event_id)}"
        return parse.event(self._resource("GET", path, "handelser/{id}"))

    def update_event(self, event_id: int, change: t.EventChange) -> None:
        body = {
            "rubrik": change.title,
            "text": change.text,
            "typKod": change.type_code,
            "aktivFrom": change.active_from.isoformat() if change.active_from else None,
            "aktivTom": change.active_to.isoformat() if change.active_to else None,
        }
        path = f"/v1/arbetsorder/handelser/{int(event_id)}"
        self._resource("PUT", path, "handelser/{id}", json_body=body, expect_json=False)

    def delete_event(self, event_id: int) -> None:
        path = f"/v1/arbetsorder/handelser/{int(event_id)}"
        self._resource("DELETE", path, "handelser/{id}", expect_json=False)


def get_client() -> Fast2Client:
    return Fast2Client(
        base_url=settings.FAST2_BASE_URL,
        client_id=settings.FAST2_CLIENT_ID,
        client_secret=settings.FAST2_CLIENT_SECRET,
        username=settings.FAST2_USERNAME,
        password=settings.FAST2_PASSWORD,
        timeout=(settings.FAST2_CONNECT_TIMEOUT, settings.FAST2_READ_TIMEOUT),
    )


def _wire_value(value: Any) -> Any:
    """A Decimal as the JSON number FAST2 reads (as text, so no binary rounding); "" as null."""
    if value is None or value == "":
        return None
    return str(value) if isinstance(value, Decimal) else value


def _contact_body(contact: t.Contact) -> dict[str, Any]:
    return {
        "namn": contact.name,
        "epost": contact.email or None,
        "telefonMobil": contact.mobile or None,
        "telefonOvrig": contact.other_phone or None,
        "anmarkning": contact.note or None,
        "datumFom": contact.valid_from.isoformat() if contact.valid_from else None,
        "datumTom": contact.valid_to.isoformat() if contact.valid_to else None,
    }
