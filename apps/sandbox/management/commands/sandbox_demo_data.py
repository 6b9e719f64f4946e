"""Fill the sandbox with the demo housing company and create the portal's demo logins."""

import time

from django.core.management.base import BaseCommand, CommandError, CommandParser

from apps.accounts.services import create_linked_account
from apps.sandbox.demo import DemoDataExists, build_demo, has_demo_data, reset_demo
from apps.sandbox.demo.builder import SIZES, counts
from apps.sandbox.demo.personas import DEMO_LOGINS, UNLINKED_CUSTOMER
from apps.sandbox.models import ContactDetail, Customer

LOGIN_URL = "http://127.0.0.1:8000/"


class Command(BaseCommand):
    help = "Build the sandbox's demo data (deterministic from --seed) and the demo logins."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--seed", type=int, default=2026, help="Random seed (default 2026).")
        parser.add_argument("--size", choices=sorted(SIZES), default="full", help="full (default) or small.")
        parser.add_argument("--if-empty", action="store_true", help="Keep existing data instead of failing.")
        parser.add_argument("--reset", action="store_true", help="Remove the existing sandbox data first.")

    def handle(self, *args, seed: int, size: str, if_empty: bool, reset: bool, **options) -> None:
        if reset:
            reset_demo()
            self.stdout.write("Removed the previous sandbox data.")
        if if_empty and has_demo_data():
            self.stdout.write("The sandbox already holds data; kept it.")
        else:
            started = time.perf_counter()
            try:
                summary = build_demo(seed=seed, size=size)
            except DemoDataExists as exc:
                raise CommandError(f"{exc} Use --reset to rebuild, or --if-empty to keep it.") from None
            seconds = time.perf_counter() - started
            self.stdout.write(
                self.style.SUCCESS(
                    f"Built the {size} demo company (seed {seed}, today {summary.today}) in {seconds:.1f} s."
                )
            )
        for name, count in counts().items():
            self.stdout.write(f"  {name:<14} {count:>6}")
        self._create_logins()

    def _create_logins(self) -> None:
        for login in DEMO_LOGINS:
            if login.customer_number and not Customer.objects.filter(customer_number=login.customer_number).exists():
                raise CommandError(f"Demo customer {login.customer_number} is missing; rebuild with --reset.")
            create_linked_account(
                email=login.email,
                password=login.password,
                customer_number=login.customer_number,
                is_staff=login.is_staff,
            )
        self.stdout.write("")
        self.stdout.write(self.style.SUCCESS(f"Mina sidor: {LOGIN_URL}"))
        for login in DEMO_LOGINS:
            who = "personal (staff)" if login.is_staff else f"kundnummer {login.customer_number}"
            self.stdout.write(f"  {login.email:<24} {login.password:<18} {who}")
        unlinked = Customer.objects.filter(customer_number=UNLINKED_CUSTOMER.customer_number).first()
        if unlinked is not None:
            self.stdout.write(
                f"  Try signing up and linking a new account with kundnummer {unlinked.customer_number} "
                f"and personnummer {unlinked.personnummer} ({unlinked.full_name}, not linked yet)."
            )
            on_file = unlinked.contact_details.filter(kind=ContactDetail.Kind.EPOST).first()
            if on_file is not None:
                # Linking asks for a one-time code sent to the landlord's contact, never to the typed address.
                self.stdout.write(
                    f"  The link code goes to {on_file.value}, the e-mail the landlord has on file: "
                    "the worker writes it to var/celery/worker.log (a bare runserver prints it on its console)."
                )
