"""GET /v2/errands/{id}: one errand and the rows its id selects, parts chosen by flags."""

from django.http import HttpRequest, HttpResponse

from apps.sandbox.errands_v2 import auth, lookup, serializers
from apps.sandbox.errands_v2.wire import ERRANDS, error
from apps.sandbox.http import json_response


@ERRANDS.endpoint
@auth.reader_required
@ERRANDS.allow("GET")
def errand(request: HttpRequest, errand_id: str) -> HttpResponse:
    try:
        flags = lookup.flags(request.GET)
        found = lookup.find(errand_id)
    except lookup.Malformed as exc:
        return error(400, "BadRequest", str(exc))
    if found is None:
        return error(404, "NotFound", f"Inget ärende eller IB-nummer {errand_id} finns.")
    return json_response(serializers.errand(found.errand, found.rows, flags))
