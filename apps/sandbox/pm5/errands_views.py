"""PM5 fault reports: the node walk, Skapa felanmälan, Hämta ett ärende, Hämta Ärenderadfil.

What belongs to the session's customer is decided in one place (scope.py): a
path that does not start at an object the customer may report on, or a node
that is not its parent's child, is answered 404 like any id that is not theirs
(contract A02). Reading and saving a report is creation.py's.
"""

from django.db import IntegrityError
from django.http import HttpRequest, HttpResponse

from apps.sandbox.http import BadRequest, json_response
from apps.sandbox.models import Errand, ErrandRowMedia, Node, SessionKey
from apps.sandbox.pm5 import creation, general_views
from apps.sandbox.pm5.auth import session_required
from apps.sandbox.pm5.serializers.errands import node_choices, single_errand
from apps.sandbox.pm5.wire import PM5, Refusal, felmeddelande, folded, not_acceptable
from apps.sandbox.scope import NotTheirs, node_on_path

# The walk's ArendeTyp over the object's own tree: fault reports, and the places an inspection covers (000:609).
ERRAND_TYPES = {"order", "besiktning"}
WALK_FLAGS = ("HämtaAvser", "HämtaFelbeskrivningstyper", "HämtaNyckelhanteringstyper")


# --- Hämta noder under ett objekt ------------------------------------------------------------


@PM5.endpoint
@PM5.allow("GET")
@session_required
def node_walk(request: HttpRequest, session: SessionKey, errand_type: str, usage: str, path: str) -> HttpResponse:
    """GET /session/{key}/arende/typ/{ArendeTyp}/{Anvandningstyp}/{Id} (A05–A07, A40).

    A general errand walks its class's tree: ArendeTyp AllmantArende, the class's SystemName as usage.
    """
    try:
        nodes, fault_types, key_handling = (_flag(request, name) for name in WALK_FLAGS)
    except BadRequest as exc:
        return PM5.bad_request(exc)
    if folded(errand_type) == general_views.GENERAL_ERRAND_TYPE:
        return _general_walk(session, usage, path, nodes=nodes, fault_types=fault_types, key_handling=key_handling)
    if folded(errand_type) not in ERRAND_TYPES or folded(usage) != creation.FAULT_REPORT_USAGE:
        return felmeddelande(400, "OgiltigParameter", "Ärendetypen eller användningstypen stöds inte.")
    try:
        last = node_on_path(session.customer, path)
    except NotTheirs:
        return felmeddelande(404, "NodSaknas", "Det finns ingen sådan plats att felanmäla.")

    ids = last.path_ids
    children: dict[str, list[Node]] = {node_id: [] for node_id in ids}
    for child in Node.objects.filter(parent_id__in=ids).order_by("position", "label"):
        children[child.parent_id].append(child)
    return json_response(
        node_choices(
            levels=[children[node_id] for node_id in ids] if nodes else None,
            fault_types=last.kind.fault_types.order_by("pk") if fault_types else None,
            key_handling=last.rental_object.key_handling_types.all() if key_handling else None,
        )
    )


def _general_walk(
    session: SessionKey, usage: str, path: str, *, nodes: bool, fault_types: bool, key_handling: bool
) -> HttpResponse:
    errand_class = general_views.class_named(usage)
    if errand_class is None:
        return felmeddelande(400, "OgiltigParameter", "Ärendetypen eller användningstypen stöds inte.")
    try:
        levels = general_views.class_walk(session, errand_class, path)
    except NotTheirs:
        return felmeddelande(404, "NodSaknas", "Det finns ingen sådan plats för ärendet.")
    # A general errand has no fault descriptions or key handling: asked for, they are empty lists.
    return json_response(
        {
            "Avser": levels if nodes else None,
            "Felbeskrivningstyper": [] if fault_types else None,
            "Nyckelhanteringstyper": [] if key_handling else None,
        }
    )


def _flag(request: HttpRequest, name: str) -> bool:
    """A Hämta* flag: opt-in, 'true'/'false' in any case (A07)."""
    wanted = folded(name)
    value = next((v for k, v in request.GET.items() if folded(k) == wanted), None)
    if value is None:
        return False
    if value.strip().casefold() not in {"true", "false"}:
        raise Refusal("OgiltigParameter", f"{name} ska vara true eller false.")
    return value.strip().casefold() == "true"


# --- Skapa felanmälan -------------------------------------------------------------------------


@PM5.endpoint
@PM5.allow("POST")
@session_required
def create_errand(request: HttpRequest, session: SessionKey) -> HttpResponse:
    """POST /session/{key}/arende/ → {"ÄrendeId": …} (A03, A04, A18, A49).

    Not PM5 (A09): an optional Idempotency-Key header; a repeated key answers the
    errand the first request created, so a client may safely send a report again.
    """
    customer = session.customer
    idempotency_key = request.headers.get("Idempotency-Key", "").strip()[:100]
    if idempotency_key:
        earlier = Errand.objects.filter(customer=customer, idempotency_key=idempotency_key).first()
        if earlier is not None:
            return json_response({"ÄrendeId": earlier.pk})
    try:
        errand = creation.create(customer, PM5.json_object(request), idempotency_key)
    except BadRequest as exc:
        return PM5.bad_request(exc)
    except NotTheirs:
        return felmeddelande(404, "ObjektSaknas", "Det finns inget sådant objekt att felanmäla.")
    except IntegrityError:
        # The same key raced in twice: the other request's errand is the answer.
        errand = Errand.objects.get(customer=customer, idempotency_key=idempotency_key)
    return json_response({"ÄrendeId": errand.pk})


# --- Hämta ett ärende, Hämta Ärenderadfil --------------------------------------------------------


@PM5.endpoint
@PM5.allow("GET")
@session_required
def errand_detail(request: HttpRequest, session: SessionKey, errand_id: str) -> HttpResponse:
    """GET /session/{key}/arende/{ÄrendeId}: the customer's own errand, or 404 (A02, A10)."""
    errand = Errand.objects.filter(pk=int(errand_id), customer=session.customer).first()
    if errand is None:
        return felmeddelande(404, "ArendeSaknas", "Det finns inget sådant ärende.")
    return json_response(single_errand(errand))


@PM5.endpoint
@PM5.allow("GET")
@session_required
def errand_row_file(
    request: HttpRequest, session: SessionKey, errand_id: str, row_id: str, file_id: str
) -> HttpResponse:
    """GET /session/{key}/arenderadfil/{ArendeId}/{ArendeRadId}/{FilesId}: raw bytes with their type (A28)."""
    media = (
        ErrandRowMedia.objects.filter(
            pk=int(file_id), row_id=int(row_id), row__errand_id=int(errand_id), row__errand__customer=session.customer
        )
        .only("content", "content_type")
        .first()
    )
    if media is None:
        return felmeddelande(404, "FilSaknas", "Det finns ingen sådan fil.")
    if refused := not_acceptable(request, media.content_type):
        return refused
    response = HttpResponse(bytes(media.content), content_type=media.content_type)
    response["Content-Disposition"] = f'inline; filename="arende-{errand_id}-{media.pk}"'
    return response
