"""What the fault reports hold about one account: for the tenant's export, and when the account is deleted.

The export has what the tenant answered and what became of each report, never the
backend's lists kept for the wizard, the outbox's bookkeeping, or an id of anybody
else. Deleting an account deletes its drafts with their photos; its queued reports
are delivered or discarded, as the tenant chose.
"""

from django.db.models import Q
from django.utils import timezone

from apps.faults.models import FaultReport
from apps.faults.services import drafts, photos


def held_for(user) -> list[dict]:
    """Every report the portal holds for the account, as the tenant may read it (times as datetimes)."""
    return [_report(report) for report in FaultReport.objects.filter(user=user).prefetch_related("photos")]


def undelivered(user):
    """The account's reports in the outbox: submitted, not yet in the landlord's system."""
    return FaultReport.objects.filter(user=user, status=FaultReport.Status.QUEUED)


def release(user, *, deliver_queued: bool) -> None:
    """Before the account is deleted (in its transaction): drafts go with their photos; queued reports
    are left to the outbox without an account (it needs only the customer number), or discarded.

    A report a worker is sending right now cannot be called back: it is left to be delivered.
    """
    for draft in FaultReport.objects.drafts().filter(user=user):
        drafts.discard(draft)
    queued = undelivered(user)
    if not deliver_queued:
        now = timezone.now()
        for report in queued.filter(Q(lease_until__isnull=True) | Q(lease_until__lte=now)):
            photos.delete_files_of(report)
            report.delete()
    queued.update(user=None)
    # Delivered reports are the landlord's errands now: the portal's copy goes with the account.
    FaultReport.objects.filter(user=user, status=FaultReport.Status.DELIVERED).delete()


def _report(report: FaultReport) -> dict:
    contact = None
    if report.contact == FaultReport.Contact.OTHER:
        contact = {
            "first_name": report.contact_first_name,
            "last_name": report.contact_last_name,
            "phone": report.contact_phone,
            "email": report.contact_email,
        }
    return {
        "id": str(report.public_id),  # the report's own id, as in the tenant's links
        "status": report.status,
        "created_at": report.created_at,
        "updated_at": report.updated_at,
        "submitted_at": report.submitted_at,
        "delivered_at": report.delivered_at,
        "errand_number": report.errand_number,
        "customer_number": report.customer_number,
        "general_errand_class": report.errand_class_label,  # Störning, Önskemål; empty for a fault report
        "object": report.object_label,
        "place": report.place_label,
        "fault_type": report.fault_type_label,
        "description": report.description,
        "times": report.times,  # a general errand's points in time, e.g. when a disturbance happened
        "access": report.key_handling_label,
        "access_note": report.key_note,
        "has_pets": report.has_pets,
        "pets": report.pets,
        "contact": "self" if report.contact == FaultReport.Contact.CUSTOMER else ("other" if contact else ""),
        "other_contact": contact,
        "refused_by_landlord_system": report.refusal if report.refused_at else None,
        "photos": [
            {"added_at": photo.created_at, "width": photo.width, "height": photo.height, "bytes": photo.size}
            for photo in report.photos.all()
        ],
    }
