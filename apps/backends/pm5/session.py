"""GET /session and the key to it."""

from apps.backends.pm5 import parse
from apps.backends.pm5.base import Pm5Base, query
from apps.backends.pm5.types import PortalSession, SessionParts
from apps.backends.wire import Wire


class SessionApi(Pm5Base):
    def open_session(self, *, customer_number: str, personnummer: str | None = None) -> str:
        """Obtain a session key for a customer (the sandbox's documented addition, README).

        With a personnummer the backend also checks that it belongs to the customer;
        an unknown customer and a mismatch are the same BackendNotFound.
        """
        body: dict[str, str] = {"Kundnummer": customer_number}
        if personnummer:
            body["Personnummer"] = personnummer
        data = self._json("POST", "/session", "open session", json=body, auth=self.auth)
        key = Wire(data, "Session").required_text("Sessionsnyckel")
        return key

    def get_session(self, key: str, parts: SessionParts) -> PortalSession:
        """GET /session/{key}: the customer's data, each part asked for explicitly (A07)."""
        params = {
            "HämtaKund": parts.customer,
            "HämtaKontaktuppgifter": parts.contact_details,
            "HämtaKundEkonomi": parts.economy,
            "HämtaKundEkonomiAviseringar": parts.notices,
            "HämtaKundAviseringarAntMån": parts.notice_months,
            "HämtaTillfälligaAdresser": parts.temporary_addresses,
            "HämtaDokument": parts.documents,
            "HämtaÄrende": parts.errands,
            "HämtaÄrendeRader": parts.errand_rows,
            "HämtaTillgängligaObjekt": parts.objects,
            "HämtaUnderhåll": parts.maintenance,
            "HämtaMätdata": parts.meter_data,
            "HämtaKundMeddelanden": parts.messages,
        }
        data = self._json("GET", self._session_path(key), "get session", params=query(params))
        return parse.portal_session(data, parts)

    def customer_number_for(self, personnummer: str) -> str:
        """The customer a verified personnummer belongs to (e-ID login; the sandbox's addition, README).

        The backend opens a session for that customer; the key is dropped here, the
        tenant's own session starts at login. No such customer: BackendNotFound.
        """
        body = {"Personnummer": personnummer}
        data = self._json("POST", "/e-legitimation/session", "open session for a person", json=body, auth=self.auth)
        return Wire(data, "Session").required_text("Kundnummer")
