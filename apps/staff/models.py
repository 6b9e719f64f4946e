"""The staff audit log: what each staff member did to which work order.

The work orders live in FAST2; only the record of who changed what is ours.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class AuditEntry(models.Model):
    class Action(models.TextChoices):
        STATUS = "status", _("Status ändrad")
        EVENT = "event", _("Händelse tillagd")
        PRIORITY = "priority", _("Prioritet ändrad")
        PLANNING = "planning", _("Planering ändrad")
        SLA = "sla", _("SLA avslutad")
        CONTACT_ADDED = "contact_added", _("Kontaktperson tillagd")
        CONTACT_CHANGED = "contact_changed", _("Kontaktperson ändrad")
        CONTACT_REMOVED = "contact_removed", _("Kontaktperson borttagen")
        TIME_ADDED = "time_added", _("Tid tillagd")
        TIME_CHANGED = "time_changed", _("Tid ändrad")
        TIME_REMOVED = "time_removed", _("Tid borttagen")
        TIMER_STARTED = "timer_started", _("Tidtagning startad")
        TIMER_STOPPED = "timer_stopped", _("Tidtagning stoppad")
        EVENT_CHANGED = "event_changed", _("Händelse ändrad")
        EVENT_REMOVED = "event_removed", _("Händelse borttagen")
        EDITED = "edited", _("Arbetsorder ändrad")
        CREATED = "created", _("Arbetsorder skapad")
        FILE_ATTACHED = "file_attached", _("Fil bifogad")
        RESOURCE_SET = "resource_set", _("FAST2-resurs angiven")

    # Null for what is about no one work order (a staff member setting their FAST2 resource).
    work_order_id = models.PositiveBigIntegerField(db_index=True, null=True, blank=True)
    # The account may be removed one day; the e-mail keeps the entry readable.
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    actor_email = models.EmailField()
    at = models.DateTimeField(default=timezone.now)
    action = models.CharField(max_length=20, choices=Action.choices)
    before = models.CharField(max_length=200, blank=True)
    after = models.CharField(max_length=200, blank=True)

    class Meta:
        verbose_name_plural = "audit entries"
        ordering = ["-at", "-pk"]

    def __str__(self) -> str:
        return f"{self.work_order_id} {self.action} {self.before} → {self.after}"


class StaffResource(models.Model):
    """The FAST2 resource (utförare) a member of staff works as: a technician has one.

    FAST2 1.1 cannot list its resources (seed 2.2), so the portal keeps which one
    each staff account is; their queue then opens on their own work orders.
    """

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="fast2_resource")
    resource_id = models.CharField(max_length=40, help_text="resursId / utforare.id in FAST2, e.g. R12.")

    def __str__(self) -> str:
        return f"{self.user} = {self.resource_id}"


def resource_of(user) -> str:
    """The staff member's FAST2 resource id, or "" for staff who are no utförare."""
    found = StaffResource.objects.filter(user=user).values_list("resource_id", flat=True).first()
    return found or ""
