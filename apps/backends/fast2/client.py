"""The FAST2 API arbetsorder client: two tokens, cached, and one method per endpoint.

Seed 1.3: a gateway token (OAuth2 client credentials, long-lived) goes in
``Authorization``, a resource token (the FAST2 resource's login, short-lived)
in ``X-Auth-Token``. Both live in Django's cache, which every web process and
worker shares (Redis in production), and are dropped a minute before they
expire. A 401 drops both and the call is made once more with fresh ones: the
seed documents no refresh call, so "refresh" means logging in again (contract).
Tokens never appear in a log line or an error message.
"""

import json
import logging
from collections.abc import Callable
from decimal import Decimal
from typing import Any, TypeVar

import requests
from django.conf import settings
from django.core.cache import cache

from apps.backends.errors import (
    BackendError,
    BackendInvalid,
    BackendNotFound,
    BackendRefused,
    BackendSessionExpired,
    BackendUnavailable,
)
from apps.backends.fast2 import parse
from apps.backends.fast2 import types as t
from apps.backends.fast2.files import FileCalls
from apps.backends.fast2.structure import StructureCalls
from apps.backends.fast2.times import TimeCalls
from apps.backends.http import http_session

logger = logging.getLogger(__name__)
T = TypeVar("T")

GATEWAY_KEY = "fast2:gateway-token"
RESOURCE_KEY = "fast2:resource-token:{username}"
# A token is dropped this long before the backend would refuse it.
EXPIRY_MARGIN_SECONDS = 60


class Fast2Client(TimeCalls, FileCalls, StructureCalls):
    def __init__(
        self,
        *,
        base_url: str,
        client_id: str,
        client_secret: str,
        username: str,
        password: str,
        timeout: tuple[float, float],
    ):
        self.base_url = base_url.rstrip("/")
        self.client_id = client_id
        self.client_secret = client_secret
        self.username = username
        self.password = password
        self.timeout = timeout
        self.http = http_session("fast2")

    # Work orders (seed 7.6).

    def work_orders(self, query: t.WorkOrderQuery, *, offset: int = 0, limit: int = 100) -> list[t.WorkOrder]:
        params: list[tuple[str, str]] = [("offset", str(offset)), ("limit", str(limit))]
        params += [("status", code) for code in query.statuses]
        params += [("feltyp", code) for code in query.kinds]
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

    def add_event(self, work_order_id: int, *, title: str, text: str, type_code: str) -> int:
        params = [("arbetsorderId", str(int(work_order_id)))]
        body = {"rubrik": title, "text": text, "typKod": type_code}
        data = self._resource("POST", "/v1/arbetsorder/handelser", "handelser", params=params, json_body=body)
        return parse.created_id(data)

    # Tokens (seed 1.3).

    def _resource(
        self,
        method: str,
        path: str,
        endpoint: str,
        *,
        params: list[tuple[str, str]] | None = None,
        json_body: Any = None,
        expect_json: bool = True,
    ) -> Any:
        """One call of the resource API, with both tokens; once more with new tokens after a 401."""

        def call() -> Any:
            headers = {"Authorization": f"Bearer {self._gateway_token()}", "X-Auth-Token": self._resource_token()}
            response = self._send(
                method, "/ao-produkt" + path, endpoint, params=params, json_body=json_body, headers=headers
            )
            return _json(response, endpoint) if expect_json else None

        return self._with_fresh_tokens(call)

    def _with_fresh_tokens(self, call: Callable[[], T]) -> T:
        try:
            return call()
        except BackendSessionExpired:
            self.forget_tokens()
            return call()

    def forget_tokens(self) -> None:
        cache.delete_many([GATEWAY_KEY, RESOURCE_KEY.format(username=self.username)])

    def _gateway_token(self) -> str:
        token = cache.get(GATEWAY_KEY)
        if token:
            return token
        # The seed's form: the credential handed out by Fast2 as a Bearer token, JSON body (ambiguity 25).
        headers = {"Authorization": f"Bearer {self.client_id}:{self.client_secret}"}
        response = self._send(
            "POST", "/oauth2/token", "oauth2/token", json_body={"grant_type": "client_credentials"}, headers=headers
        )
        token, lifetime = _token(_json(response, "oauth2/token"), "oauth2/token")
        cache.set(GATEWAY_KEY, token, timeout=max(lifetime - EXPIRY_MARGIN_SECONDS, 1))
        return token

    def _resource_token(self) -> str:
        key = RESOURCE_KEY.format(username=self.username)
        token = cache.get(key)
        if token:
            return token

        def login() -> Any:
            headers = {"Authorization": f"Bearer {self._gateway_token()}"}
            body = {"username": self.username, "password": self.password}
            return _json(
                self._send("POST", "/ao-produkt/v1/auth/login", "auth/login", json_body=body, headers=headers),
                "auth/login",
            )

        try:
            data = login()
        except BackendSessionExpired:
            # The gateway token went stale before its time (a restarted gateway): get a new one, once.
            cache.delete(GATEWAY_KEY)
            data = login()
        token, lifetime = _token(data, "auth/login")
        cache.set(key, token, timeout=max(lifetime - EXPIRY_MARGIN_SECONDS, 1))
        return token

    def _send(
        self,
        method: str,
        path: str,
        endpoint: str,
        *,
        params: list[tuple[str, str]] | None = None,
        json_body: Any = None,
        headers: dict[str, str] | None = None,
        files: dict | None = None,
        stream: bool = False,
    ) -> requests.Response:
        """One HTTP call; ``files`` makes a multipart body, ``stream`` leaves the answer unread."""
        try:
            response = self.http.request(
                method,
                self.base_url + path,
                params=params,
                json=json_body,
                files=files,
                headers=headers,
                timeout=self.timeout,
                stream=stream,
            )
        except requests.RequestException as exc:
            logger.warning("FAST2 %s failed: %s", endpoint, type(exc).__name__)
            raise BackendUnavailable(f"FAST2 {endpoint}: {type(exc).__name__}") from None
        try:
            _raise_for_status(response, endpoint)
        except BackendError:
            response.close()  # a streamed answer holds its connection until closed
            raise
        return response


def get_client() -> Fast2Client:
    return Fast2Client(
        base_url=settings.FAST2_BASE_URL,
        client_id=settings.FAST2_CLIENT_ID,
        client_secret=settings.FAST2_CLIENT_SECRET,
        username=settings.FAST2_USERNAME,
        password=settings.FAST2_PASSWORD,
        timeout=(settings.FAST2_CONNECT_TIMEOUT, settings.FAST2_READ_TIMEOUT),
    )


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


def _token(data: Any, endpoint: str) -> tuple[str, int]:
    if not isinstance(data, dict) or not isinstance(data.get("access_token"), str) or not data["access_token"]:
        raise BackendInvalid(f"FAST2 {endpoint}: no access_token")
    try:
        lifetime = int(data.get("expires_in") or 0)
    except (TypeError, ValueError):
        raise BackendInvalid(f"FAST2 {endpoint}: expires_in is not a number") from None
    if lifetime <= 0:
        raise BackendInvalid(f"FAST2 {endpoint}: expires_in is missing")
    return data["access_token"], lifetime


def _json(response: requests.Response, endpoint: str) -> Any:
    try:
        return response.json(parse_float=Decimal)
    except (ValueError, json.JSONDecodeError):
        raise BackendInvalid(f"FAST2 {endpoint}: the answer is not JSON") from None


def _raise_for_status(response: requests.Response, endpoint: str) -> None:
    status = response.status_code
    if status < 400:
        return
    if status >= 500:
        logger.warning("FAST2 %s answered %s", endpoint, status)
        raise BackendUnavailable(f"FAST2 {endpoint}: HTTP {status}")
    try:
        data = response.json()
        message = str(data.get("message") or "") if isinstance(data, dict) else ""
    except ValueError:
        message = ""
    if status == 401:
        raise BackendSessionExpired(message, status=status)
    if status == 404:
        raise BackendNotFound(f"FAST2 {endpoint}: not found")
    raise BackendRefused(message, status=status)
