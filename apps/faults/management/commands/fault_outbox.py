"""The fault-report outbox for operators: what waits, what was refused, what was delivered;
and sending waiting reports again now, instead of after their backoff.

    manage.py fault_outbox                      the queued reports (the default)
    manage.py fault_outbox --status refused     or delivered, or all
    manage.py fault_outbox --retry ID [ID ...]  make these queued reports due now and queue them
    manage.py fault_outbox --retry-all          every queued report

Reports are named by their public id; nothing a tenant wrote is printed. A refused report is
a draft again, back with the tenant to correct, and cannot be retried from here.
"""

import uuid

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db.models import Q, QuerySet
from django.utils import timezone

from apps.faults.models import FaultReport
from apps.faults.services import delivery

QUEUED = FaultReport.Status.QUEUED
STATUSES = {
    "queued": Q(status=QUEUED),
    "refused": Q(status=FaultReport.Status.DRAFT, refused_at__isnull=False),
    "delivered": Q(status=FaultReport.Status.DELIVERED),
}
STATUSES["all"] = STATUSES["queued"] | STATUSES["refused"] | STATUSES["delivered"]
COLUMNS = "{:<36}  {:<9}  {:<16}  {:>8}  {:<16}  {}"


class Command(BaseCommand):
    help = "List the fault-report outbox (queued, refused, delivered) and retry queued reports now."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--status", choices=sorted(STATUSES), default="queued", help="Which reports to list.")
        parser.add_argument("--limit", type=int, default=50, help="At most this many, newest first.")
        retry = parser.add_mutually_exclusive_group()
        retry.add_argument("--retry", nargs="+", metavar="ID", help="Queued reports (public ids) to send again now.")
        retry.add_argument("--retry-all", action="store_true", help="Send every queued report again now.")

    def handle(self, *args, status: str, limit: int, retry: list[str] | None, retry_all: bool, **options) -> None:
        if retry or retry_all:
            self.send_again(_public_ids(retry) if retry else None)
            return
        reports = FaultReport.objects.filter(STATUSES[status]).order_by("-submitted_at", "-pk")[:limit]
        self.show(reports)

    def show(self, reports: QuerySet[FaultReport]) -> None:
        self.stdout.write(COLUMNS.format("report", "status", "submitted", "attempts", "next attempt", "details"))
        for report in reports:
            self.stdout.write(
                COLUMNS.format(
                    str(report.public_id),
                    _status(report),
                    _when(report.submitted_at),
                    report.attempts,
                    _when(report.next_attempt_at) if report.status == QUEUED else "",
                    _details(report),
                )
            )

    def send_again(self, public_ids: list[uuid.UUID] | None) -> None:
        queued = FaultReport.objects.filter(status=QUEUED)
        if public_ids is not None:
            queued = queued.filter(public_id__in=public_ids)
            missing = set(public_ids) - set(queued.values_list("public_id", flat=True))
            if missing:
                raise CommandError(f"Not queued (delivered, refused or unknown): {', '.join(map(str, missing))}")
        now = timezone.now()
        # Due now instead of after the backoff; a report a worker holds keeps its lease.
        made_due = queued.update(next_attempt_at=now)
        held = queued.filter(lease_until__gt=now).count()
        sent = delivery.sweep(now)  # queues every due report, these included, through Celery
        self.stdout.write(f"Made due now: {made_due}; held by a worker right now: {held}; queued for delivery: {sent}.")


def _public_ids(values: list[str]) -> list[uuid.UUID]:
    try:
        return [uuid.UUID(value) for value in values]
    except ValueError as exc:
        raise CommandError(f"Not a report id: {exc}") from exc


def _status(report: FaultReport) -> str:
    return "refused" if report.status == FaultReport.Status.DRAFT else report.status


def _when(moment) -> str:
    return timezone.localtime(moment).strftime("%Y-%m-%d %H:%M") if moment else ""


def _details(report: FaultReport) -> str:
    if report.status == FaultReport.Status.DELIVERED:
        return f"errand {report.errand_number or report.errand_id}"
    if report.status == FaultReport.Status.DRAFT:
        return f"refused {_when(report.refused_at)}"
    details = [f"last error {report.last_error}"] if report.last_error else []
    if report.outcome_unknown:
        details.append("outcome of an attempt unknown")
    if report.lease_until and report.lease_until > timezone.now():
        details.append(f"held by a worker until {_when(report.lease_until)}")
    return "; ".join(details)
