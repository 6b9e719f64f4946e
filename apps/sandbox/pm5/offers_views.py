"""PM5 'Mina sidor': Spara erbjudandesvar, the tenant's answer to maintenance offers.

The seed (000:879-899) only says the rows' dates are saved as the accepted date.
Our reading (contract A47): an offer row is a row of one of the customer's own
errands with an UnderhållsErbjudande; Accepterad is the date the tenant accepted,
null withdraws an acceptance (how a "no" and a change of choice are sent). After
ErbjudandeEkonomiSerieSvarSenast nothing is saved: 400, Felkod "SvarstidenHarGattUt".
A row that is not the customer's, or not an offer, is 404 (A02). One answer is saved
whole or not at all.
"""

from datetime import date
from typing import Any

from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.utils import timezone

from apps.sandbox.http import BadRequest, json_response
from apps.sandbox.models import ErrandRow, SessionKey
from apps.sandbox.pm5 import fields
from apps.sandbox.pm5.auth import session_required
from apps.sandbox.pm5.wire import PM5, SUCCESS, Refusal, felmeddelande

MAX_ROWS = 50
DEADLINE_PASSED = "SvarstidenHarGattUt"


@PM5.endpoint
@PM5.allow("POST")
@session_required
def save_offer_answers(request: HttpRequest, session: SessionKey) -> HttpResponse:
    """POST /session/{Sessionsnyckel}/arende/sparaerbjudanden {"Rader": [{"ÄrendeRadId", "Accepterad"}]}"""
    try:
        answers = _answers(fields.read(request))
    except BadRequest as refused:
        return PM5.bad_request(refused)
    today = timezone.localdate()
    with transaction.atomic():
        rows = {
            row.pk: row
            for row in ErrandRow.objects.select_for_update()
            .select_related("errand")
            .filter(pk__in=answers, errand__customer_id=session.customer_id, errand__offer_answer_by__isnull=False)
        }
        if len(rows) != len(answers):
            return felmeddelande(404, "ArendeRadSaknas", "Erbjudandet finns inte.")
        for row_id, accepted_on in answers.items():
            row = rows[row_id]
            deadline = row.errand.offer_answer_by
            if today > deadline:
                return felmeddelande(
                    400, DEADLINE_PASSED, f"Sista dag att svara på erbjudandet var {deadline.isoformat()}."
                )
            if accepted_on is not None and not timezone.localdate(row.errand.received_at) <= accepted_on <= today:
                return felmeddelande(400, "Accepterad", "Datumet kan inte vara före erbjudandet eller i framtiden.")
            row.offer_accepted_on = accepted_on
        ErrandRow.objects.bulk_update(rows.values(), ["offer_accepted_on"])
    return json_response(SUCCESS)


def _answers(body: dict[str, Any]) -> dict[int, date | None]:
    """Row id → accepted date (None: withdrawn), or the first Refusal."""
    rows = body.get("rader")
    if not isinstance(rows, list) or not rows:
        raise Refusal("Rader", "Ange minst en rad.")
    if len(rows) > MAX_ROWS:
        raise Refusal("Rader", f"Högst {MAX_ROWS} rader.")
    answers: dict[int, date | None] = {}
    for item in rows:
        if not isinstance(item, dict):
            raise Refusal("Rader", "Varje rad ska vara ett objekt.")
        row = {str(name).strip().casefold(): value for name, value in item.items()}
        row_id = row.get("ärenderadid")
        if isinstance(row_id, bool) or not isinstance(row_id, int):
            raise Refusal("ÄrendeRadId", "ÄrendeRadId ska vara ett heltal.")
        if row_id in answers:
            raise Refusal("ÄrendeRadId", "Samma rad kan bara besvaras en gång.")
        answers[row_id] = _accepted(row.get("accepterad"))
    return answers


def _accepted(value: Any) -> date | None:
    if value is None:
        return None
    if not isinstance(value, str):
        raise Refusal("Accepterad", "Datumet ska skrivas ÅÅÅÅ-MM-DD.")
    try:
        return date.fromisoformat(value.strip()[:10])
    except ValueError:
        raise Refusal("Accepterad", "Datumet ska skrivas ÅÅÅÅ-MM-DD.") from None
