"""Copy the cash-services register now, as the daily beat task does."""

from django.core.management.base import BaseCommand, CommandError

from apps.cashpoints import services


class Command(BaseCommand):
    help = "Copy the places that take bills in cash (and pay out cash) from Tillväxtverket's register."

    def handle(self, *args, **options) -> None:
        result = services.sync_register()
        if not result.ok:
            raise CommandError(f"The register could not be read; the last copy is kept. ({result.error})")
        self.stdout.write(
            self.style.SUCCESS(
                f"Copied the register: {result.added} added, {result.changed} changed, {result.removed} removed."
            )
        )
