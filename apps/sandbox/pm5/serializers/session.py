"""PortalSession: the answer of GET /session/{Sessionsnyckel}, part by part."""

from collections.abc import Callable
from datetime import date

from apps.sandbox.models import Customer
from apps.sandbox.pm5.flags import SessionParts
from apps.sandbox.pm5.serializers.common import Json
from apps.sandbox.pm5.serializers.customer import customer_part
from apps.sandbox.pm5.serializers.errands import errands_part
from apps.sandbox.pm5.serializers.objects import objects_part
from apps.sandbox.scope import available_objects


def portal_session(customer: Customer, parts: SessionParts, *, today: date, file_url: Callable[[int], str]) -> Json:
    """Every key is always present; a part not asked for is null (contract A07, A25)."""
    needs_objects = parts.objects or parts.documents or parts.market_profile
    objects = list(available_objects(customer, today)) if needs_objects else []
    return {
        "Kund": (
            customer_part(customer, parts, today=today, objects=objects, file_url=file_url) if parts.customer else None
        ),
        "Ärenden": errands_part(customer, parts) if parts.errands else None,
        "TillgängligaObjekt": objects_part(customer, objects, parts) if parts.objects else None,
    }
