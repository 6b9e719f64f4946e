"""Tell the sandbox to be slow or to fail, for every process at once."""

from argparse import BooleanOptionalAction

from django.core.management.base import BaseCommand, CommandError, CommandParser

from apps.sandbox.models import SandboxBehaviour


class Command(BaseCommand):
    help = "Set the sandbox's latency, error rate and outage; with no options, show them."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--latency-ms", type=int, help="Delay every answer by this many milliseconds.")
        parser.add_argument("--error-rate", type=float, help="Share of requests answered 500, 0 to 1.")
        parser.add_argument(
            "--outage",
            action=BooleanOptionalAction,
            default=None,
            help="Answer every request 503 (--no-outage ends it).",
        )
        parser.add_argument(
            "--outage-path",
            help="With --outage: only requests whose path contains this answer 503 ('' for every request).",
        )
        parser.add_argument("--reset", action="store_true", help="Back to fast and healthy, before other options.")

    def handle(
        self,
        *args,
        latency_ms: int | None,
        error_rate: float | None,
        outage: bool | None,
        outage_path: str | None,
        reset: bool,
        **options,
    ) -> None:
        if latency_ms is not None and latency_ms < 0:
            raise CommandError("--latency-ms cannot be negative.")
        if error_rate is not None and not 0 <= error_rate <= 1:
            raise CommandError("--error-rate must be between 0 and 1.")
        behaviour = SandboxBehaviour() if reset else SandboxBehaviour.current()
        behaviour.pk = SandboxBehaviour.SINGLETON_PK
        if latency_ms is not None:
            behaviour.latency_ms = latency_ms
        if error_rate is not None:
            behaviour.error_rate = error_rate
        if outage is not None:
            behaviour.outage = outage
        if outage_path is not None:
            behaviour.outage_path = outage_path
        behaviour.save()
        self.stdout.write(f"Sandbox behaviour: {behaviour}")
