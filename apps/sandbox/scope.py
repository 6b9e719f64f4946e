"""What belongs to a customer: the objects they may use, the documents they may read, the places they may report on.

Every facade asks here, so an id that is not the session customer's is
answered 404 the same way everywhere (contract A02).
"""

from datetime import date

from django.db.models import Q, QuerySet
from django.utils import timezone

from apps.sandbox.models import Customer, Document, Node, RentalObject


class NotTheirs(LookupError):
    """An object or node the customer may not report on: 404, telling nothing more."""


def active_lease_filter(today: date, prefix: str = "") -> Q:
    return Q(**{f"{prefix}start_date__lte": today}) & (
        Q(**{f"{prefix}end_date__isnull": True}) | Q(**{f"{prefix}end_date__gte": today})
    )


def available_objects(customer: Customer, today: date) -> QuerySet[RentalObject]:
    """Objects the customer rents today, plus the common rooms of the buildings they live in."""
    leased = RentalObject.objects.filter(active_lease_filter(today, "leases__") & Q(leases__customer=customer))
    homes = leased.filter(kind=RentalObject.Kind.BOSTAD).values("building")
    return (
        RentalObject.objects.filter(Q(pk__in=leased.values("pk")) | Q(is_common=True, building__in=homes))
        .select_related("building__property__company")
        .order_by("kind", "number")
    )


def visible_documents(customer: Customer, objects: list[RentalObject]) -> QuerySet[Document]:
    """The customer's own documents, and those shared on the objects they may use."""
    return Document.objects.filter(
        Q(customer=customer) | Q(customer__isnull=True, rental_object__in=objects)
    ).select_related("document_type", "rental_object__building")


def node_on_path(customer: Customer, path: str) -> Node:
    """The path's last node, if the path runs parent to child from the root of an object the customer
    may report on; else NotTheirs. Each node stores its joined path from the root, so one lookup checks
    every link."""
    if not path or any(not part for part in path.split("-")):
        raise NotTheirs
    reportable = available_objects(customer, timezone.localdate()).filter(fault_reportable=True)
    node = Node.objects.select_related("kind", "rental_object").filter(path=path, rental_object__in=reportable).first()
    if node is None:
        raise NotTheirs
    return node
