"""A shared Ärende on the wire → sharing_types, read down to what may be shown to anyone."""

from apps.backends.pm5 import sharing_types as t
from apps.backends.pm5.parse import errand_row
from apps.backends.wire import Wire


def shared_errand(data: object) -> t.SharedErrand:
    """The bare Ärende (A10) of GET /arende/{Delningsnyckel}, read down to what may be shown to anyone."""
    w = Wire(data, "Ärende")
    events = w.group("Händelser")
    return t.SharedErrand(
        number=w.required_text("Nummer"),
        kind=w.text("Typ"),
        received_at=events.datetime("ÄrendeInkommen"),
        planned_start=events.datetime("ÄrendePlaneradStart"),
        planned_end=events.datetime("ÄrendePlaneradKlar"),
        closed_at=events.datetime("ÄrendeAvslutat"),
        rows=w.objects("Rader", shared_row),
    )


def shared_row(w: Wire) -> t.SharedRow:
    row = errand_row(w)
    return t.SharedRow(
        object_kind=row.main_entity if w.has("HuvudentitetNodKlassBeteckning") else None,
        # The first step is the object itself (its number); the rest says what and where inside it.
        node_path=row.node_path[1:],
        status_label=row.status_label,
        step_label=row.step_label,
        action=row.action,
        planned_at=row.planned_at,
        done_at=row.done_at,
    )
