"""The company, its properties and buildings, their rental objects and node trees."""

from collections.abc import Iterator
from dataclasses import dataclass, field
from decimal import Decimal

from apps.sandbox.checksums import with_check_digit
from apps.sandbox.demo import catalogue
from apps.sandbox.demo.catalogue import BuildingPlan, PropertyPlan, Tree
from apps.sandbox.demo.personas import PERSONAS
from apps.sandbox.demo.run import DemoRun
from apps.sandbox.models import (
    Building,
    Company,
    DocumentType,
    FaultDescriptionType,
    KeyHandlingType,
    Maintenance,
    Node,
    NodeKind,
    Property,
    RentalObject,
)

LabelPath = tuple[str, ...]
STORAGE_RENT = Decimal("250.00")
AREA_BY_ROOMS = {1: (32, 42), 2: (52, 64), 3: (70, 82), 4: (88, 102)}  # m² by number of rooms


@dataclass
class Estate:
    company: Company
    apartments: list[RentalObject] = field(default_factory=list)
    laundry_of: dict[int, RentalObject] = field(default_factory=dict)  # building id → its laundry room
    storages_of: dict[int, list[RentalObject]] = field(default_factory=dict)  # building id → storage rooms
    metered: set[str] = field(default_factory=set)  # numbers of the apartments with hot-water meters
    # Each object's nodes by their label path from the root, e.g. ("Kök", "Kyl/Frys").
    nodes: dict[int, dict[LabelPath, Node]] = field(default_factory=dict)

    def node(self, obj: RentalObject, *labels: str) -> Node:
        return self.nodes[obj.pk][labels]

    def leaves(self, obj: RentalObject) -> list[Node]:
        """Nodes a fault is usually reported on: those without children, and not the catch-all."""
        paths = self.nodes[obj.pk]
        parents = {path[:-1] for path in paths}
        return [node for path, node in paths.items() if path not in parents and node.kind_id != "OVRIGT"]


def build_catalogue() -> None:
    """The shared lists every object's tree refers to."""
    FaultDescriptionType.objects.bulk_create(
        FaultDescriptionType(id=i, label=label) for i, label in catalogue.FAULT_TYPES.items()
    )
    KeyHandlingType.objects.bulk_create(
        KeyHandlingType(id=i, label=label, permits_entry=entry, position=i)
        for i, (label, entry) in catalogue.KEY_HANDLING.items()
    )
    DocumentType.objects.bulk_create(
        DocumentType(id=i, label=label, position=position) for i, (label, position) in catalogue.DOCUMENT_TYPES.items()
    )
    NodeKind.objects.bulk_create(
        NodeKind(code=code, label=kind.label, level=kind.level) for code, kind in catalogue.KINDS.items()
    )
    fault_ids = {label: i for i, label in catalogue.FAULT_TYPES.items()}
    NodeKind.fault_types.through.objects.bulk_create(
        NodeKind.fault_types.through(nodekind_id=code, faultdescriptiontype_id=fault_ids[fault])
        for code, kind in catalogue.KINDS.items()
        for fault in kind.faults
    )


def build_estate(run: DemoRun, plans: tuple[PropertyPlan, ...]) -> Estate:
    company = Company.objects.create(bankgiro=with_check_digit(catalogue.BANKGIRO_BASE), **catalogue.COMPANY)
    estate = Estate(company=company)
    objects: list[RentalObject] = []
    for plan in plans:
        prop = Property.objects.create(
            company=company, code=plan.code, designation=plan.designation, district=plan.district
        )
        sequence = iter(range(plan.first_object, 1000))
        for building_plan in plan.buildings:
            x, y = catalogue.COORDINATES.get(building_plan.street, (None, None))
            building = Building.objects.create(
                property=prop,
                name=building_plan.name,
                street=building_plan.street,
                postal_code=building_plan.postal_code,
                city=catalogue.CITY,
                built_year=building_plan.built_year,
                floors=building_plan.floors,
                x=x and Decimal(x),
                y=y and Decimal(y),
            )
            objects += _objects_of(run, estate, plan, building, building_plan, sequence)
    RentalObject.objects.bulk_create(objects)
    RentalObject.key_handling_types.through.objects.bulk_create(
        RentalObject.key_handling_types.through(rentalobject_id=obj.pk, keyhandlingtype_id=key_id)
        for obj in objects
        # Only an apartment's tenant can be at home or leave a key; common rooms open with the master key.
        for key_id in (catalogue.KEY_HANDLING if obj.kind == RentalObject.Kind.BOSTAD else (1,))
    )
    _plant_trees(run, estate, objects)
    _plan_maintenance(run, estate)
    return estate


def _objects_of(
    run: DemoRun, estate: Estate, plan: PropertyPlan, building: Building, shape: BuildingPlan, sequence: Iterator[int]
) -> list[RentalObject]:
    made = []

    def number() -> str:
        return f"{plan.code}-{next(sequence):03d}-01"

    fixed = {persona.apartment: persona for persona in PERSONAS}
    for floor in range(shape.floors):
        for door in range(1, shape.apartments_per_floor + 1):
            apartment_number = number()
            persona = fixed.get(apartment_number)
            rooms = persona.rooms if persona else run.rng.choices((1, 2, 3, 4), weights=(2, 4, 3, 1))[0]
            area = Decimal(run.rng.randint(*AREA_BY_ROOMS[rooms])) + Decimal(run.rng.choice((0, 5))) / 10
            # Swedish utility-value rents: roughly 1 250–1 450 kr per m² and year.
            rent = (area * run.rng.randint(1250, 1450) / 12).quantize(Decimal("1"))
            obj = RentalObject(
                building=building,
                number=apartment_number,
                kind=RentalObject.Kind.BOSTAD,
                type_label="Lägenhet",
                apartment_number=f"{10 + floor}{door:02d}",
                floor=floor,
                rooms=rooms,
                area=area,
                monthly_rent=rent,
            )
            made.append(obj)
            estate.apartments.append(obj)
            if plan.metered_hot_water:
                estate.metered.add(apartment_number)
    laundry = RentalObject(
        building=building, number=number(), kind=RentalObject.Kind.TVATTSTUGA, type_label="Tvättstuga", is_common=True
    )
    storages = [
        RentalObject(
            building=building,
            number=number(),
            kind=RentalObject.Kind.FORRAD,
            type_label="Förråd",
            area=Decimal(run.rng.choice((3, 4, 5, 6))),
            monthly_rent=STORAGE_RENT,
        )
        for _ in range(shape.storage_rooms)
    ]
    estate.laundry_of[building.pk] = laundry
    estate.storages_of[building.pk] = storages
    return [*made, laundry, *storages]


def _plant_trees(run: DemoRun, estate: Estate, objects: list[RentalObject]) -> None:
    run.reserve_node_ids(list(catalogue.FREEZER_IDS.values()))
    demo_apartment = PERSONAS[0].apartment
    nodes: list[Node] = []
    for obj in objects:
        if obj.kind == RentalObject.Kind.BOSTAD:
            tree = catalogue.apartment_tree(bedrooms=obj.rooms - 1, balcony=obj.floor > 0 and obj.rooms > 1)
        elif obj.kind == RentalObject.Kind.TVATTSTUGA:
            tree = catalogue.LAUNDRY_TREE
        else:
            tree = catalogue.STORAGE_TREE
        fixed = catalogue.FREEZER_IDS if obj.number == demo_apartment else {}
        estate.nodes[obj.pk] = {}
        _plant(run, estate, obj, tree, parent=None, labels=(), fixed=fixed, out=nodes, position=0)
    Node.objects.bulk_create(nodes)


def _plant(
    run: DemoRun,
    estate: Estate,
    obj: RentalObject,
    tree: Tree,
    *,
    parent: Node | None,
    labels: LabelPath,
    fixed: dict[LabelPath, str],
    out: list[Node],
    position: int,
) -> None:
    code, label, children = tree
    kind = catalogue.KINDS[code]
    label = label or kind.label
    path_labels = (*labels, label) if parent else ()
    node_id = run.node_id(kind.type, fixed.get(path_labels))
    node = Node(
        id=node_id,
        rental_object=obj,
        parent=parent,
        kind_id=code,
        type=kind.type,
        label=label,
        path=f"{parent.path}-{node_id}" if parent else node_id,
        position=position,
    )
    out.append(node)
    estate.nodes[obj.pk][path_labels] = node
    for index, child in enumerate(children):
        _plant(run, estate, obj, child, parent=node, labels=path_labels, fixed=fixed, out=out, position=index)


def _plan_maintenance(run: DemoRun, estate: Estate) -> None:
    """A few lines of the maintenance plan per apartment and laundry room (SessionUnderhåll)."""
    today = run.today
    items = []
    for obj in estate.apartments:
        painted = today.replace(year=today.year - run.rng.randint(2, 9), month=run.rng.randint(1, 12), day=15)
        items += [
            Maintenance(
                rental_object=obj,
                node=estate.node(obj, "Vardagsrum"),
                action="Målas",
                target="Vardagsrum / Väggar",
                ordered_on=painted.replace(day=1),
                planned_on=painted,
                done_on=painted,
            ),
            Maintenance(
                rental_object=obj,
                node=estate.node(obj, "Kök", "Kyl/Frys"),
                action="Bytes",
                target="Kök / Kyl/Frys",
                planned_on=today.replace(year=today.year + 1, month=4, day=1),
            ),
            Maintenance(
                rental_object=obj,
                node=estate.node(obj, "Badrum", "Handdukstork"),
                action="Bytes",
                target="Badrum / Handdukstork",
                planned_on=today.replace(year=today.year + 2, month=9, day=1),
            ),
        ]
    for laundry in estate.laundry_of.values():
        items.append(
            Maintenance(
                rental_object=laundry,
                node=estate.node(laundry, "Tvättmaskin 1"),
                action="Bytes",
                target="Tvättstuga / Tvättmaskin 1",
                ordered_on=today.replace(day=1),
                planned_on=today.replace(year=today.year + 1, month=2, day=1),
            )
        )
    Maintenance.objects.bulk_create(items)
