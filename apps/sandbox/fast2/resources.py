"""FAST2 resurser (utförare) in the sandbox: one per supplier name, known by a stable id "R<n>".

A work order's utförare is its row's handler participant (the supplier it was
ordered from). The sandbox keeps one participant per row, so a resource is a
name, and its id is "R" and the lowest participant id with that name: the same
on every work order, and one POST /v1/arbetsorder accepts as resursId. The list's
``utforare`` filter (001:1062, an array) takes these ids.
"""

from django.db.models import Min, QuerySet

from apps.sandbox.models import ErrandParticipant, ErrandRow


def _performers() -> QuerySet[ErrandParticipant]:
    return ErrandParticipant.objects.filter(role=ErrandParticipant.Role.HANDLER, row__isnull=False)


def resource_ids() -> dict[str, str]:
    """Every resource's name → its id."""
    named = _performers().values("display_name").annotate(first=Min("pk"))
    return {found["display_name"]: f"R{found['first']}" for found in named}


def participant(resource_id: str) -> ErrandParticipant | None:
    """The participant an "R<n>" id names, or None."""
    if resource_id[:1] != "R" or not resource_id[1:].isdigit():
        return None
    return _performers().filter(pk=int(resource_id[1:])).first()


def performed_by(rows: QuerySet[ErrandRow], resource_ids: list[str]) -> QuerySet[ErrandRow]:
    """The rows whose utförare is one of the resources; an id no resource has matches nothing."""
    names = [found.display_name for found in map(participant, resource_ids) if found is not None]
    # A subquery, not a join: the list's own aggregate (its last change) stays one per row.
    performed = _performers().filter(display_name__in=names).values("row_id")
    return rows.filter(pk__in=performed)


def performing(row: ErrandRow, performer: ErrandParticipant) -> ErrandParticipant:
    """A new (unsaved) handler of the row: the resource ``performer`` is of, as its utförare."""
    return ErrandParticipant(
        errand=row.errand,
        row=row,
        role=ErrandParticipant.Role.HANDLER,
        display_name=performer.display_name,
        phone=performer.phone,
        mobile=performer.mobile,
        email=performer.email,
    )
