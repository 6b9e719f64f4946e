"""GET /v2/errands/{id}: one errand and the rows its id selects, parts chosen by flags."""

from django.http import HttpRequest, HttpResponse

from apps.sandbox.behaviour import sandbox_api
from apps.sandbox.errands_v2 import auth, lookup, serializers
from apps.sandbox.errands_v2.wire import error
from apps.sandbox.pm5.wire import json_response

errands_api = sandbox_api(error)


@errands_api
@auth.reader_required
def errand(request: HttpRequest, errand_id: str) -> HttpResponse:
    if request.method != "GET":
        response = error(405, "MethodNotAllowed", "Endast GET stöds här.")
        response["Allow"] = "GET"
        return response
    try:
        flags = lookup.flags(request.GET)
        found = lookup.find(errand_id)
    except lookup.Malformed as exc:
        return error(400, "BadRequest", str(exc))
    if found is None:
        return error(404, "NotFound", f"Inget ärende eller IB-nummer {errand_id} finns.")
    return json_response(serializers.errand(found.errand, found.rows, flags))
