"""Kobo Bolig API V1 (seed 004): one method per operation (the token and the system id: base.py).

Every write answers the unit after the change (contract K2), parsed. There is no
lookup by the landlord's object number and no list: a unit is read by its koboId.
"""

from urllib.parse import quote
from uuid import UUID

from django.conf import settings

from apps.backends.kobo import parse
from apps.backends.kobo import types as t
from apps.backends.kobo.base import TOKEN_KEY, KoboBase
from apps.backends.kobo.codes import LeaseEndReason, UnitStatus

__all__ = ["TOKEN_KEY", "KoboClient", "get_client"]


def _unit_path(kobo_id: str) -> str:
    return f"/kobobolig/{UUID(str(kobo_id))}"  # a koboId is a uuid: nothing else reaches the path


class KoboClient(KoboBase):
    # --- the unit
    def unit(self, kobo_id: str) -> t.Unit:
        return parse.unit(self._json("GET", _unit_path(kobo_id), "hentBolig"))

    def create_unit(self, registration: t.UnitRegistration) -> t.Unit:
        return parse.unit(self._json("POST", "/kobobolig", "opprettBolig", json=parse.unit_body(registration)))

    def update_unit(self, kobo_id: str, registration: t.UnitRegistration) -> t.Unit:
        body = parse.unit_body(registration)
        return parse.unit(self._json("PUT", _unit_path(kobo_id), "oppdaterBolig", json=body))

    def delete_unit(self, kobo_id: str) -> bool:
        """Soft delete; True if Kobo deleted it now (x-kobo-behandlet)."""
        response = self._call("DELETE", _unit_path(kobo_id), "slettBolig")
        return response.headers.get("x-kobo-behandlet", "").strip().casefold() == "true"

    # --- reservations and allocation
    def reserve(self, kobo_id: str, case_reference: str) -> t.Unit:
        path = f"{_unit_path(kobo_id)}/sak/{_reference(case_reference)}/reservasjon"
        return parse.unit(self._json("PUT", path, "reserverBolig"))

    def remove_reservation(self, kobo_id: str, case_reference: str) -> t.Unit:
        path = f"{_unit_path(kobo_id)}/sak/{_reference(case_reference)}/reservasjon"
        return parse.unit(self._json("DELETE", path, "fjernReservasjon"))

    def allocate(self, kobo_id: str, case_reference: str) -> t.Unit:
        body = {"koboSaksreferanse": case_reference}
        return parse.unit(self._json("POST", f"{_unit_path(kobo_id)}/tildeling", "tildelBolig", json=body))

    def remove_allocation(self, kobo_id: str, case_reference: str) -> t.Unit:
        body = {"koboSaksreferanse": case_reference}  # K8: a DELETE with a body
        return parse.unit(self._json("DELETE", f"{_unit_path(kobo_id)}/tildeling", "fjernTildeling", json=body))

    # --- the lease
    def open_lease(self, kobo_id: str, terms: t.LeaseTerms, case_reference: str) -> t.Unit:
        body = {"leieforhold": parse.lease_terms_body(terms), "koboSaksreferanse": case_reference}
        return parse.unit(self._json("POST", f"{_unit_path(kobo_id)}/leieforhold", "opprettLeieforhold", json=body))

    def change_lease(self, kobo_id: str, terms: t.LeaseTerms) -> t.Unit:
        body = parse.lease_terms_body(terms)
        path = f"{_unit_path(kobo_id)}/leieforhold"
        return parse.unit(self._json("PUT", path, "oppdaterEksisterendeLeieforhold", json=body))

    def end_lease(self, kobo_id: str, moved_out_on, status: UnitStatus, reason: LeaseEndReason) -> t.Unit:
        body = {
            "utflyttetdato": moved_out_on.isoformat(),
            "boligstatus": status.value,
            "avslutningsgrunn": reason.value,
        }
        return parse.unit(self._json("DELETE", f"{_unit_path(kobo_id)}/leieforhold", "avsluttLeieforhold", json=body))

    # --- notice of termination
    def register_notice(self, kobo_id: str, request: t.NoticeRequest) -> t.Unit:
        path = f"{_unit_path(kobo_id)}/leieforhold/oppsigelse"
        return parse.unit(self._json("POST", path, "registrerOppsigelse", json=parse.notice_body(request)))

    def change_notice(self, kobo_id: str, request: t.NoticeRequest) -> t.Unit:
        path = f"{_unit_path(kobo_id)}/leieforhold/oppsigelse"
        return parse.unit(self._json("PUT", path, "endreOppsigelse", json=parse.notice_body(request)))

    def withdraw_notice(self, kobo_id: str) -> t.Unit:
        return parse.unit(self._json("DELETE", f"{_unit_path(kobo_id)}/leieforhold/oppsigelse", "opphevOppsigelse"))

    # --- the webhook key
    def register_webhook_key(self, api_key: str, url: str | None = None) -> None:
        """registrerApiKey; ``url`` is the sandbox's addition (a real Kobo has it from the setup)."""
        body = {"apiKey": api_key} | ({"url": url} if url else {})
        self._call("POST", "/fdvusystem/", "registrerApiKey", json=body)


def _reference(case_reference: str) -> str:
    return quote(case_reference, safe="")


def get_client() -> KoboClient:
    return KoboClient(
        base_url=settings.KOBO_BASE_URL,
        token_url=settings.KOBO_TOKEN_URL,
        client_id=settings.KOBO_CLIENT_ID,
        client_secret=settings.KOBO_CLIENT_SECRET,
        system_id=settings.KOBO_SYSTEM_ID,
        timeout=(settings.KOBO_CONNECT_TIMEOUT, settings.KOBO_READ_TIMEOUT),
    )
