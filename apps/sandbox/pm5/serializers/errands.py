"""Ärende and ÄrendeRad: the customer's errands, row by row."""

import base64
from collections.abc import Iterable

from django.db.models import Prefetch, QuerySet

from apps.sandbox.models import (
    Customer,
    Errand,
    ErrandClassNode,
    ErrandParticipant,
    ErrandRow,
    ErrandRowMedia,
    FaultDescriptionType,
    KeyHandlingType,
    Node,
    Priority,
)
from apps.sandbox.pm5.flags import SessionParts
from apps.sandbox.pm5.general_views import class_node_part
from apps.sandbox.pm5.serializers.common import Json, address, node_part, participant
from apps.sandbox.pm5.wire import day, moment, money

# ÄrendeRadBeskrivning is a classification, derived from the work-order priority (A17).
CLASSIFICATIONS = {
    Priority.NORMAL: (1, "Normal", "Normal"),
    Priority.AKUT: (2, "Allvarligt", "Allvarligt"),
}
OCCURRED = {"ÄrendeRadTidpunktTypId": 1, "ÄrendeRadTidpunktTypSystemName": "Intraffat"}
OCCURRED_LABEL = "Inträffat"


def errands_part(customer: Customer, parts: SessionParts) -> list[Json]:
    errands = customer.errands.select_related("rental_object__building", "errand_class").prefetch_related(
        Prefetch("participants", queryset=ErrandParticipant.objects.filter(row__isnull=True))
    )
    if not parts.errand_rows:
        return [errand(e, None) for e in errands]
    errands = list(errands.prefetch_related(Prefetch("rows", queryset=rows_queryset(parts.errand_media))))
    paths = PathBook.for_rows(row for e in errands for row in e.rows.all())
    return [errand(e, paths, with_media_bytes=parts.errand_media) for e in errands]


def rows_queryset(with_media_bytes: bool) -> QuerySet[ErrandRow]:
    media = ErrandRowMedia.objects.all() if with_media_bytes else ErrandRowMedia.objects.defer("content")
    return ErrandRow.objects.select_related(
        "node", "class_node", "errand__rental_object__building", "errand__errand_class"
    ).prefetch_related("history", "participants", Prefetch("media", queryset=media))


class PathBook:
    """Every node on the paths of some rows, fetched in one query, to spell out each Nodstig."""

    def __init__(self, nodes: dict[str, Node]):
        self.nodes = nodes

    @classmethod
    def for_rows(cls, rows: Iterable[ErrandRow]) -> "PathBook":
        ids = {node_id for row in rows for node_id in row.node.path_ids}
        return cls(Node.objects.in_bulk(ids) if ids else {})

    def path(self, node: Node) -> list[Json]:
        return [node_part(self.nodes[node_id]) for node_id in node.path_ids]

    def row_path(self, row: ErrandRow) -> list[Json]:
        """The row's Nodstig: the object's nodes, then for a general errand its class's nodes."""
        if row.class_node is None:
            return self.path(row.node)
        below = ErrandClassNode.objects.in_bulk(row.class_node.path_ids)
        return self.path(row.node) + [class_node_part(below[i]) for i in row.class_node.path_ids]


def kind_label(e: Errand) -> str:
    """Ärende.Typ, the kind as people read it: a general errand's class, an inspection's side."""
    if e.kind == Errand.Kind.ALLMANT and e.errand_class:
        return e.errand_class.label
    if e.kind == Errand.Kind.BESIKTNING:
        return "Inflyttningsbesiktning" if e.moving_in else "Avflyttningsbesiktning"
    return e.get_kind_display()


def errand(e: Errand, paths: PathBook | None, *, with_media_bytes: bool = False) -> Json:
    """Avser, Adress and Processteg are null except for inspections, as the seed says."""
    contacts = [p for p in e.participants.all() if p.role == ErrandParticipant.Role.CONTACT]
    handlers = [p for p in e.participants.all() if p.role == ErrandParticipant.Role.HANDLER]
    inspection = e.kind == Errand.Kind.BESIKTNING
    return {
        "Id": e.pk,
        "Nummer": e.number,
        "Typ": kind_label(e),
        "TypReferensNamn": e.kind,
        "Avser": [node_part(e.rental_object.root_node)] if inspection else None,
        "Adress": address(e.rental_object) if inspection else None,
        "Kontakter": [participant(p) for p in contacts],
        "Rader": (
            [errand_row(row, paths, with_media_bytes=with_media_bytes) for row in e.rows.all()]
            if paths is not None
            else None
        ),
        "Processteg": inspection_step(e) if inspection else None,
        "Handläggare": [participant(p) for p in handlers],
        "Händelser": {
            "ÄrendeInkommen": moment(e.received_at),
            "ÄrendeKlarSenast": moment(e.due_at),
            "ÄrendeAvslutat": moment(e.closed_at),
            "Borttagen": False,  # removed errands are never handed out
            "ÄrendePlaneradKlar": moment(e.planned_finish),
            "ÄrendePlaneradStart": moment(e.planned_start),
        },
        "UnderhållsErbjudande": (
            {"ErbjudandeEkonomiSerieSvarSenast": day(e.offer_answer_by)} if e.offer_answer_by else None
        ),
    }


def inspection_step(e: Errand) -> Json | None:
    """An inspection's Processteg: where its first row is (booked, done)."""
    row = next(iter(e.rows.all()), None)  # prefetched with the rows when they are asked for
    if row is None:
        return None
    _, step = row.pm5_status()
    return {"Referensnamn": step.reference, "Beteckning": step.label}


def errand_row(row: ErrandRow, paths: PathBook, *, with_media_bytes: bool) -> Json:
    status, step = row.pm5_status()
    obj = row.errand.rental_object
    classification_id, system_name, label = CLASSIFICATIONS[Priority(row.priority)]
    return {
        "Id": row.pk,
        "Avser": class_node_part(row.class_node) if row.class_node else node_part(row.node),
        "Adress": address(obj),
        "Status": {"Referensnamn": status.reference, "Beteckning": status.label},
        "Processteg": {"Referensnamn": step.reference, "Beteckning": step.label},
        "Huvudentitet": obj.number,
        "HuvudentitetNodKlassBeteckning": obj.type_label,
        "Nodstig": paths.row_path(row),
        "Handläggare": [participant(p) for p in row.participants.all()],
        "Historik": [{"Beteckning": h.label, "Tidpunkt": moment(h.at), "Användare": h.user} for h in row.history.all()],
        "Åtgärd": action(row),
        "Media": [
            {
                # Bytes only with HämtaÄrendeRaderMediaBytes (A49); otherwise the content is not even read.
                "Media": base64.b64encode(m.content).decode() if with_media_bytes else None,
                "Id": m.pk,
            }
            for m in row.media.all()
        ],
        "PrisModell": (
            {"RestVärde": money(row.residual_value), "Rabatt": money(row.discount)}
            if row.residual_value is not None or row.discount is not None
            else None
        ),
        "Tidpunkter": (
            [
                {
                    "ÄrendeRadId": row.pk,
                    # One point in time per row, so it shares the row's id.
                    "ÄrendeRadTidpunktId": row.pk,
                    "Värde": moment(row.occurred_at),
                    **OCCURRED,
                    "ÄrendeRadTidpunktTypBeteckning": OCCURRED_LABEL,  # the seed's "Tyb", corrected (A20)
                }
            ]
            if row.occurred_at
            else []
        ),
        "Beskrivning": {
            "ÄrendeRadId": row.pk,
            "ÄrendeKlassificeringTypId": classification_id,
            "ÄrendeKlassificeringSystemName": system_name,
            "ÄrendeKlassificeringBeteckning": label,
        },
    }


def action(row: ErrandRow) -> Json:
    unit = row.interval_unit
    return {
        "Beställd": moment(row.ordered_at),
        "Utförd": moment(row.done_at),
        "ÅtgärdNod": {
            # Accepterad is the tenant's answer to a maintenance offer (A47).
            "Accepterad": day(row.offer_accepted_on),
            "Planerad": moment(row.planned_at),
            "Skapad": moment(row.registered_at),
        },
        "ÅtgärdNodKlass": (
            {
                "Intervall": row.interval,  # the first of the seed's two "IntervallEnhet" rows (A21)
                "IntervallEnhet": {
                    "ReferensNamn": unit,
                    "Beteckning": ErrandRow.TIME_UNIT_LABELS[unit][0],
                    "BeteckningPlural": ErrandRow.TIME_UNIT_LABELS[unit][1],
                },
            }
            if row.interval and unit
            else None
        ),
        "ÅtgärdNodKlassTyp": {"Beteckning": row.action, "KortBeteckning": row.action_code} if row.action else None,
    }


# --- Hämta noder under ett objekt -------------------------------------------------------


def node_choices(
    levels: list[list[Node]] | None,
    fault_types: Iterable[FaultDescriptionType] | None,
    key_handling: Iterable[KeyHandlingType] | None,
) -> Json:
    """ÄrendeAvserVäljareInställningar: one list per node of the path; lists not asked for are null (A05, A07)."""
    return {
        "Avser": None if levels is None else [[node_part(node) for node in level] for level in levels],
        "Felbeskrivningstyper": (
            None if fault_types is None else [{"FelbeskrivningId": t.pk, "Beteckning": t.label} for t in fault_types]
        ),
        "Nyckelhanteringstyper": (
            None if key_handling is None else [{"NyckelhanteringId": k.pk, "Beteckning": k.label} for k in key_handling]
        ),
    }


def single_errand(e: Errand) -> Json:
    """Hämta ett ärende: the bare Ärende with its rows (A10), photos by id only (A49)."""
    errand_with_rows = (
        Errand.objects.select_related("rental_object__building", "errand_class")
        .prefetch_related(
            Prefetch("participants", queryset=ErrandParticipant.objects.filter(row__isnull=True)),
            Prefetch("rows", queryset=rows_queryset(with_media_bytes=False)),
        )
        .get(pk=e.pk)
    )
    return errand(errand_with_rows, PathBook.for_rows(errand_with_rows.rows.all()))
