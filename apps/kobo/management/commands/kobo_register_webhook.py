"""Register the portal's webhook API key with Kobo (POST /fdvusystem/), so Kobo's messages can be checked.

The key is KOBO_WEBHOOK_API_KEY (set it from a secret store in production);
registering again replaces the key Kobo holds, so rotating is: set the new key,
restart the portal, run this. --url is sent for the sandbox, which has no setup
page for it; a real Kobo takes the URL from the FDVU system's setup.
"""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

from apps.backends.errors import BackendError
from apps.backends.kobo import get_client

SHORTEST_KEY = 32


class Command(BaseCommand):
    help = "Register the portal's webhook API key (KOBO_WEBHOOK_API_KEY) with Kobo."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--url", default=None, help="The portal's webhook address (default KOBO_WEBHOOK_URL).")

    def handle(self, *args, url: str | None, **options) -> None:
        key = settings.KOBO_WEBHOOK_API_KEY
        if len(key) < SHORTEST_KEY and not settings.SANDBOX_ENABLED:
            raise CommandError(f"KOBO_WEBHOOK_API_KEY must have at least {SHORTEST_KEY} characters.")
        if not key:
            raise CommandError("KOBO_WEBHOOK_API_KEY is not set.")
        address = url or settings.KOBO_WEBHOOK_URL
        try:
            get_client().register_webhook_key(key, address or None)
        except BackendError as exc:
            raise CommandError(
                f"Kobo did not take the key: {type(exc).__name__} {getattr(exc, 'message', '')}"
            ) from None
        self.stdout.write(
            self.style.SUCCESS(
                f"Registered the webhook key with Kobo; messages go to {address or 'the address set up in Kobo'}."
            )
        )
