"""FAST2 tider (time booked on a work order) and filetransfer's temporary files.

A work order's permanent files are the photos tenants attach through PM5
(ErrandRowMedia): one store, so the tenant's and the staff's view agree.
Temporary files are uploads not yet linked to anything (seed 8.0).
"""

from django.db import models

from apps.sandbox.models.errands import ErrandRow


class WorkOrderTime(models.Model):
    """A FAST2 tid: time a resource booked on a work order, or a timer still running."""

    row = models.ForeignKey(ErrandRow, on_delete=models.CASCADE, related_name="times")
    resource_id = models.CharField(max_length=40, help_text="resursId: who did the work.")
    hours = models.PositiveIntegerField(default=0)
    minutes = models.PositiveSmallIntegerField(default=0)
    start_time = models.TimeField(null=True, blank=True)
    end_time = models.TimeField(null=True, blank=True)
    date_from = models.DateField(null=True, blank=True)
    date_to = models.DateField(null=True, blank=True)
    # frasId of an aktivitet from the value list, and its text as the seed's "aktivitet".
    activity_id = models.PositiveIntegerField(null=True, blank=True)
    activity = models.CharField(max_length=120, blank=True)
    price = models.DecimalField(max_digits=10, decimal_places=2, null=True, blank=True)
    # Set while a timer started with tider/starta runs; cleared when it is stopped.
    running_since = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["row", "resource_id"],
                condition=models.Q(running_since__isnull=False),
                name="sandbox_one_running_timer_per_resource",
            ),
        ]

    def __str__(self) -> str:
        return f"Tid {self.pk} on {self.row_id}: {self.hours} h {self.minutes} min"


class TempFile(models.Model):
    """An upload to /v1/filetransfer/tempfile, known by its random name until it is deleted."""

    name = models.CharField(max_length=64, unique=True)
    original_name = models.CharField(max_length=200, blank=True)
    content_type = models.CharField(max_length=50)
    size = models.PositiveIntegerField()
    # Kept in the database like ErrandRowMedia: every sandbox process sees it.
    content = models.BinaryField()
    uploaded_by = models.CharField(max_length=40)
    uploaded_at = models.DateTimeField()

    class Meta:
        ordering = ["pk"]

    def __str__(self) -> str:
        return self.name
