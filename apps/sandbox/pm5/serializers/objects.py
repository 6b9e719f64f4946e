"""SessionTillgängligtObjekt: what the customer may use, and report faults on."""

from collections import defaultdict

from django.db.models import Prefetch

from apps.sandbox.models import Customer, Maintenance, Meter, MeterInstallation, Node, RentalObject
from apps.sandbox.pm5.flags import SessionParts
from apps.sandbox.pm5.serializers.common import Json, address, node_part
from apps.sandbox.pm5.serializers.errands import PathBook, errand_row, rows_queryset
from apps.sandbox.pm5.wire import day, moment, money, quantity

FAULT_REPORT = {"Referensnamn": "Felanmälan", "Beteckning": "Felanmälan"}  # Beteckning proposed in A45

ByObject = dict[int, list[Json]]  # rental object id → its serialized items


def objects_part(customer: Customer, objects: list[RentalObject], parts: SessionParts) -> list[Json]:
    roots = {n.rental_object_id: n for n in Node.objects.filter(rental_object__in=objects, parent__isnull=True)}
    rows = _errand_rows(customer, objects) if parts.object_errand_rows else None
    maintenance = _maintenance(objects) if parts.maintenance else None
    meter_data = _meter_data(objects) if parts.meter_data else None

    def per_object(items: ByObject | None, obj: RentalObject) -> list[Json] | None:
        return None if items is None else items.get(obj.pk, [])

    return [
        {
            "Typ": obj.kind,
            "Typbeteckning": obj.get_kind_display(),
            "ObjektTypBeteckning": obj.type_label,
            "Nummer": obj.number,
            "Användning": [FAULT_REPORT] if obj.fault_reportable else [],
            "Entitet": node_part(roots[obj.pk]),
            "Adress": address(obj),
            "ÄrendeRader": per_object(rows, obj),
            "Underhåll": per_object(maintenance, obj),
            "MätdataAnläggningar": per_object(meter_data, obj),
        }
        for obj in objects
    ]


def _errand_rows(customer: Customer, objects: list[RentalObject]) -> ByObject:
    """The customer's own errand rows on each object."""
    own_rows = rows_queryset(with_media_bytes=False).filter(errand__customer=customer)
    rows = list(own_rows.filter(errand__rental_object__in=objects))
    paths = PathBook.for_rows(rows)
    grouped: ByObject = defaultdict(list)
    for row in rows:
        grouped[row.errand.rental_object_id].append(errand_row(row, paths, with_media_bytes=False))
    return grouped


def _maintenance(objects: list[RentalObject]) -> ByObject:
    grouped: ByObject = defaultdict(list)
    for item in Maintenance.objects.filter(rental_object__in=objects):
        grouped[item.rental_object_id].append(
            {
                "Åtgärd": item.action,
                "Planeratdatum": day(item.planned_on),
                "Avser": item.target,
                "Utförd": day(item.done_on),
                "Beställd": day(item.ordered_on),
            }
        )
    return grouped


def _meter_data(objects: list[RentalObject]) -> ByObject:
    meters = Meter.objects.prefetch_related("readings")
    installations = MeterInstallation.objects.filter(rental_object__in=objects).prefetch_related(
        Prefetch("meters", queryset=meters)
    )
    grouped: ByObject = defaultdict(list)
    for item in installations:
        grouped[item.rental_object_id].append(installation(item))
    return grouped


def installation(item: MeterInstallation) -> Json:
    return {
        "Användning": item.usage,
        "Mätare": [
            {
                "Användning": meter.usage,
                "Mätdata": [
                    {
                        "Förbrukning": quantity(r.consumption),
                        "Mätarställning": quantity(r.reading),
                        "Enhet": meter.unit,
                        "Tom": day(r.period_end),  # the seed's "T o m" (A20)
                        "Datum": day(r.period_end),
                        "Kostnad": money(r.cost),
                        "Debiterad": r.charged,
                        "AvlästTid": moment(r.read_at),
                        "Pris": None,  # not explained by the seed (A46); Apris carries the price
                        "Apris": money(r.unit_price),
                        "DebiterasTidigast": day(r.charge_from),
                    }
                    for r in meter.readings.all()
                ],
                "Beteckning": meter.label,  # the seed's "Beteckning ???" (A20)
            }
            for meter in item.meters.all()
        ],
        "Beteckning": item.label,  # the seed's "Beteckning?" (A20)
    }
