"""Inspections (besiktningar): the protocol of one of the tenant's own, streamed through.

Which errand is the tenant's inspection is read from their own cached session
data before the backend is asked for its protocol: another tenant's id, or an
errand that is no inspection, is 404 without a backend call for it.
"""

from django.http import Http404

from apps.backends.download import Download
from apps.backends.pm5.types import Errand
from apps.customer.services import CustomerSession


def own_inspection(customer: CustomerSession, errand_id: int) -> Errand:
    """The tenant's inspection with this id, from their session data; 404 for anything else."""
    for errand in customer.data().errands or ():
        if errand.errand_id == errand_id and errand.is_inspection:
            return errand
    raise Http404("not this tenant's inspection")


def protocol(customer: CustomerSession, errand: Errand) -> Download:
    """Hämta besiktningsprotokoll, for the side of the inspection that is the tenant's (A29)."""
    return customer.call(
        lambda client, key: client.inspection_protocol(
            key, errand.errand_id, incoming_tenant=errand.for_incoming_tenant
        )
    )


def protocol_filename(errand: Errand) -> str:
    return f"besiktningsprotokoll-{errand.number}.pdf"
