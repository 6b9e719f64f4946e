"""PM5 general errands (Allmänna ärenden): Hämta NodKlassInfoLista, and the walk down a class's nodes.

The classes come from GET /session/{key}/{NodKlassGruppSystemName} (A34: a bare
array, the usage as a query parameter, [] for a group nobody knows). The walk is
the ordinary node walk, GET /session/{key}/arende/typ/AllmantArende/{SystemName}/{Id},
whose Id starts at the object's root node and goes on down the class's own tree.
"""

from django.http import HttpRequest, HttpResponse

from apps.sandbox.http import json_response
from apps.sandbox.models import ErrandClass, ErrandClassNode, Node, SessionKey
from apps.sandbox.pm5.auth import session_required
from apps.sandbox.pm5.serializers.common import Json
from apps.sandbox.pm5.wire import PM5, folded
from apps.sandbox.scope import NotTheirs, node_on_path

GENERAL_ERRAND_TYPE = "allmantarende"  # the walk's ArendeTyp for a general errand, folded


@PM5.endpoint
@PM5.allow("GET")
@session_required
def errand_classes(request: HttpRequest, session: SessionKey, group: str) -> HttpResponse:
    """GET /session/{key}/{NodKlassGruppSystemName}?NodKlassAnvändningTypSystemName=…: NodKlass[] (A34)."""
    usage = next((v for k, v in request.GET.items() if folded(k) == folded("NodKlassAnvändningTypSystemName")), None)
    classes = [
        c
        for c in ErrandClass.objects.filter(removed=False)
        if folded(c.group) == folded(group) and (usage is None or folded(c.usage) == folded(usage))
    ]
    return json_response([node_class(c) for c in classes])


def node_class(c: ErrandClass) -> Json:
    return {
        "NodKlassId": c.pk,
        "Beteckning": c.label,
        "Kod": c.code,
        "Borttagen": c.removed,
        "Kortbeteckning": c.short_label,
        "SystemName": c.system_name,
        "ÄrendeKlassTidpunktLista": [
            {
                "ÄrendeTidpunktTypId": point["id"],
                "ÄrendeTidpunktTypBorttagen": None,
                "ÄrendeTidpunktTypBeteckning": point["label"],
                "ÄrendeTidpunktTypSystemName": point["system_name"],
            }
            for point in c.time_points
        ],
    }


def class_named(usage: str) -> ErrandClass | None:
    """The live class whose SystemName the walk's usage segment names, in any case."""
    return next((c for c in ErrandClass.objects.filter(removed=False) if folded(c.system_name) == folded(usage)), None)


def class_walk(session: SessionKey, errand_class: ErrandClass, path: str) -> list[list[Json]]:
    """Avser for a class's walk: the class's top nodes under the object, then each chosen node's children.

    NotTheirs when the path does not start at the root of an object the customer may report
    on, or does not run parent to child down this class's tree.
    """
    root_id, _, below = path.partition("-")
    node_on_path(session.customer, root_id)
    chosen = resolve(errand_class, below)
    levels = [list(errand_class.nodes.filter(parent__isnull=True))]
    levels += [list(node.children.all()) for node in chosen]
    return [[class_node_part(n) for n in level] for level in levels]


def resolve(errand_class: ErrandClass, below: str) -> list[ErrandClassNode]:
    """The class's nodes along ``below`` (ids joined with '-'), top first; NotTheirs if it is no path of it."""
    if not below:
        return []
    last = ErrandClassNode.objects.filter(errand_class=errand_class, path=below).first()
    if last is None:
        raise NotTheirs
    nodes = ErrandClassNode.objects.in_bulk(last.path_ids)
    return [nodes[node_id] for node_id in last.path_ids]


def class_node_part(node: ErrandClassNode) -> Json:
    return {"Id": node.id, "Typ": Node.Type.NOD, "Visningstext": node.label}
