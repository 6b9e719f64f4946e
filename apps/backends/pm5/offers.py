"""Spara erbjudandesvar: the tenant's answer to a maintenance offer (seed 000:879-899, contract A47)."""

from collections.abc import Sequence

from apps.backends.pm5.base import Pm5Base
from apps.backends.pm5.home_types import OfferAnswer


class OffersApi(Pm5Base):
    def save_offer_answers(self, key: str, answers: Sequence[OfferAnswer]) -> None:
        """Accepted rows carry their date, withdrawn ones None; the whole answer is saved or refused.

        After the offer's last day PM5 refuses with BackendRefused (Felkod "SvarstidenHarGattUt"
        in the sandbox), whose message is fit to show the tenant.
        """
        body = {
            "Rader": [
                {
                    "ÄrendeRadId": answer.row_id,
                    "Accepterad": answer.accepted_on.isoformat() if answer.accepted_on else None,
                }
                for answer in answers
            ]
        }
        self._write(self._session_path(key, "arende", "sparaerbjudanden"), "save offer answers", body)
