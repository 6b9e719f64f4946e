"""General errands and inspections in the demo: the node classes Störning and Önskemål with their
trees, one disturbance and two inspections (one done, with its protocol; one booked) for demo customer 1.

Written after every other errand, so what draws from the run's random numbers before stays as it was.
"""

from datetime import timedelta

from apps.sandbox.demo.accounting import guid
from apps.sandbox.demo.estate import Estate
from apps.sandbox.demo.people import Tenant
from apps.sandbox.models import (
    Errand,
    ErrandClass,
    ErrandClassNode,
    ErrandRow,
    WorkOrderStatus,
)

GROUP, USAGE = "AllmantArende", "ExternWebbArende"  # the seed's examples (000:945-946)
OCCURRED = {"id": 1, "system_name": "Intraffat", "label": "Inträffat"}  # the seed's example (000:969-970)

# (id, Beteckning, Kod, Kortbeteckning, SystemName, time points, tree of (label, children)).
CLASSES = (
    (
        1,
        "Störning",
        "S",
        "Stör",
        "Storning",
        [OCCURRED],
        (
            ("Buller", (("Musik eller fest", ()), ("Renovering eller byggljud", ()), ("Bråk eller skrik", ()))),
            ("Lukt", (("Rök", ()), ("Matos", ()), ("Annan lukt", ()))),
            ("Ordning och trivsel", (("Nedskräpning", ()), ("Husdjur", ()), ("Hot eller trakasserier", ()))),
        ),
    ),
    (
        2,
        "Önskemål",
        "O",
        "Önsk",
        "Onskemal",
        [],
        (
            ("I lägenheten", (("Målning eller tapetsering", ()), ("Ny utrustning", ()))),
            ("Utemiljö", (("Belysning", ()), ("Cykelställ", ()), ("Planteringar", ()))),
            ("Gemensamma utrymmen", ()),
        ),
    ),
)
# Seven digits: the demo's random node ids have six, so these never clash with them.
FIRST_NODE = 1000001

# The move-in inspection's remarks, per room of the apartment (the rest: no remarks).
REMARKS = {
    "Kök": "Repa i bänkskivan vid diskbänken, ca 10 cm.",
    "Hall": "Märken på dörrkarmen till badrummet.",
    "Badrum": "Inga anmärkningar.",
}


def build_errand_classes() -> None:
    number = FIRST_NODE
    nodes: list[ErrandClassNode] = []
    for class_id, label, code, short, system_name, points, tree in CLASSES:
        errand_class = ErrandClass.objects.create(
            id=class_id,
            group=GROUP,
            usage=USAGE,
            label=label,
            code=code,
            short_label=short,
            system_name=system_name,
            position=class_id,
            time_points=points,
        )
        number = _plant(errand_class, tree, None, number, nodes)
    ErrandClassNode.objects.bulk_create(nodes)


def _plant(errand_class, tree, parent, number: int, out: list[ErrandClassNode]) -> int:
    for position, (label, children) in enumerate(tree):
        node_id = f"n{number}"
        number += 1
        node = ErrandClassNode(
            id=node_id,
            errand_class=errand_class,
            parent=parent,
            label=label,
            path=f"{parent.path}-{node_id}" if parent else node_id,
            position=position,
        )
        out.append(node)
        number = _plant(errand_class, children, node, number, out)
    return number


def write_demo(writer, tenant: Tenant, estate: Estate) -> None:
    """Demo customer 1's disturbance report and inspections, with the writer's ids and lists."""
    run = writer.run
    apartment = tenant.apartment
    root = estate.node(apartment)
    # A disturbance reported a week ago: music at night, at the handler's.
    received = run.at(run.today - timedelta(days=7), 9, 15)
    disturbance = writer._errand(tenant, apartment, received, Errand.Kind.ALLMANT, urgent=False)
    disturbance.errand_class = ErrandClass.objects.get(system_name="Storning")
    music = ErrandClassNode.objects.get(errand_class_id=1, label="Musik eller fest")
    row = _row(writer, disturbance, root, WorkOrderStatus.REG, received)
    row.class_node = music
    row.description = "Hög musik från lägenheten ovanför efter midnatt, flera helger i rad."
    row.occurred_at = received - timedelta(hours=32)
    writer._step(row, "Registrerad", received, "Mina sidor")

    # The move-in inspection, done the day the lease began: its protocol is in the sandbox.
    lease_start = tenant.customer.leases.filter(rental_object=apartment).order_by("start_date").first().start_date
    inspected = run.at(lease_start, 10, 0)
    inspection = writer._errand(
        tenant, apartment, inspected, Errand.Kind.BESIKTNING, urgent=False, source=Errand.Source.INTERNT
    )
    inspection.moving_in = True
    inspection.closed_at = inspected + timedelta(hours=1)
    rooms = [node for labels, node in estate.nodes[apartment.pk].items() if len(labels) == 1]
    for room in rooms:
        row = _row(writer, inspection, room, WorkOrderStatus.UTFORD, inspected)
        row.description = REMARKS.get(room.label, "Inga anmärkningar.")
        row.ordered_at = inspected - timedelta(days=7)  # booked a week before
        row.done_at = inspected + timedelta(hours=1)
        row.action, row.action_code = "Besiktigas", "Besiktigas"
        writer._step(row, "Besiktigad", row.done_at, "Besiktningsman")

    # The yearly inspection, booked for next month: no protocol yet.
    booked = run.at(run.today + timedelta(days=24), 13, 0)
    yearly = writer._errand(
        tenant, apartment, run.at(run.today, 8, 0), Errand.Kind.BESIKTNING, urgent=False, source=Errand.Source.INTERNT
    )
    yearly.moving_in = True
    yearly.planned_start, yearly.planned_finish = booked, booked + timedelta(hours=1)
    row = _row(writer, yearly, root, WorkOrderStatus.GODK, yearly.received_at)
    row.description = "Årlig besiktning av lägenheten."
    row.ordered_at, row.planned_at = yearly.received_at, booked
    writer._step(row, "Bokad", yearly.received_at, "Kundservice")


def _row(writer, errand: Errand, node, status: str, received) -> ErrandRow:
    row_id = writer.run.next_id("errand_row")
    row = ErrandRow(
        id=row_id,
        guid=guid("errand_row", row_id),
        errand=errand,
        node=node,
        status=status,
        registered_at=received,
    )
    writer.rows.append(row)
    writer.rows_of[errand.id].append(row)
    return row
