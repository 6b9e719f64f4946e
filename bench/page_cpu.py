"""The portal's own CPU time per page, in one process, with production's settings: where the time goes.

    .venv/bin/python bench/page_cpu.py [--rounds 10] [--requests 20] [--profile PAGE [--top 40] [--callers FUNCTION]]

bench/throughput.py measures pages under load, where every number moves with whatever else
the machine does. This measures what the portal itself spends on a page: the Django test
client in this process, ``time.process_time`` (CPU, not wall time: Redis, PostgreSQL and the
sandbox run in processes of their own), the best of --rounds rounds of --requests requests, the
rounds going through all the pages in turn.
The settings are bench/throughput.py's (bench/throughput_settings.py with PORTAL_ENV=production,
DEBUG off, cache and sessions in Redis, PostgreSQL), with a database and key prefix of its own,
so the two can run at once. The sandbox runs in a process of its own; each page is visited
once before it is measured, so the tenant's session data is cached, as in the load runs.

The ratio is the trivial logged-in page's CPU over the page's: what the page would reach
under load if the portal's own CPU were all that counted (throughput.py's ratio also has
gunicorn's, wrk's and Redis's share in it).

--profile PAGE runs cProfile over the page's requests and prints the --top functions by
cumulative and by own time (PAGE is a name from the table, e.g. "overview").
"""

import argparse
import cProfile
import logging
import os
import pstats
import shutil
import sys
import tempfile
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH))
import throughput  # noqa: E402  (its environment, database and login helpers)
from processes import free_port, server  # noqa: E402

throughput.DATABASE = f"bench_page_cpu_{os.getpid()}"
throughput.PREFIX = f"bench-page-cpu-{os.getpid()}:"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=10)
    parser.add_argument("--requests", type=int, default=20, help="requests per round")
    parser.add_argument("--tenants", type=int, default=1)
    parser.add_argument("--profile", metavar="PAGE", help="cProfile this page's requests")
    parser.add_argument("--top", type=int, default=40)
    parser.add_argument("--callers", metavar="FUNCTION", help="with --profile: who called the functions matching this")
    args = parser.parse_args()

    scratch = Path(tempfile.mkdtemp(prefix="mina-sidor-page-cpu-"))
    sandbox_port = free_port()
    env = throughput.environment(scratch, throughput.PREFIX, sandbox_port)
    env["ALLOWED_HOSTS"] = "127.0.0.1,testserver"
    os.environ.clear()
    os.environ.update(env | {"SANDBOX_ENABLED": "true"})
    sys.path.insert(0, str(throughput.ROOT))
    throughput.forget_keys(throughput.PREFIX)
    throughput.recreate_database()
    import django

    django.setup()
    try:
        from django.core.management import call_command

        call_command("collectstatic", interactive=False, verbosity=0)  # production's manifest storage
        tenants = throughput.build(args.tenants)
        throughput.make_staff()
        sandbox_env = env | {"SANDBOX_ENABLED": "true", "DATABASE_CONN_MAX_AGE": "0"}
        with server(sandbox_env, sandbox_port, scratch / "sandbox.log"):
            measure(tenants[0][0], args)
    finally:
        throughput.clean_up(throughput.PREFIX, scratch)
        shutil.rmtree(scratch, ignore_errors=True)
    return 0


def measure(email: str, args) -> None:
    from django.contrib.auth import get_user_model
    from django.test import Client

    quiet_logs()
    pages = page_paths()
    tenant, staff = Client(), Client()
    tenant.force_login(get_user_model().objects.get(email=email))
    staff.force_login(get_user_model().objects.get(email=throughput.STAFF_EMAIL))
    if args.profile:
        path, client = pages[args.profile](tenant, staff)
        profile(client, path, args)
        return
    targets = {name: target(tenant, staff) for name, target in pages.items()}
    for path, client in targets.values():
        get(client, path)  # the session data cached, the templates loaded
    # Round by round through all the pages, rather than page by page: the machine's other work
    # comes and goes, and each page gets its best block from moments spread over the whole run.
    results = dict.fromkeys(targets, float("inf"))
    for _ in range(args.rounds):
        for name, (path, client) in targets.items():
            results[name] = min(results[name], cpu_ms(client, path, args.requests))
    trivial = results["trivial logged-in page"]
    print(f"{'page':<28} {'CPU ms':>8} {'ratio':>6}")
    for name, ms in results.items():
        print(f"{name:<28} {ms:>8.2f} {trivial / ms:>6.2f}")


def page_paths() -> dict:
    from django.contrib.auth import get_user_model
    from django.urls import reverse

    from apps.sandbox.models import ErrandRow, Notice

    def customer_of(client) -> str:
        return get_user_model().objects.get(pk=client.session["_auth_user_id"]).customer_link.customer_number

    def notice(tenant, staff):
        found = Notice.objects.filter(customer__customer_number=customer_of(tenant)).order_by("-due_date").first()
        return reverse("invoices:detail", args=[found.number]), tenant

    def errand(tenant, staff):
        row = ErrandRow.objects.filter(errand__customer__customer_number=customer_of(tenant)).first()
        return reverse("faults:errand", args=[row.errand.pk]), tenant

    def tenant_page(route):
        return lambda tenant, staff: (reverse(route), tenant)

    def staff_page(route, *arguments):
        return lambda tenant, staff: (reverse(route, args=[a() for a in arguments]), staff)

    return {
        "trivial logged-in page": lambda tenant, staff: ("/bench/ok/", tenant),
        "bare layout, kept": lambda tenant, staff: ("/bench/layout/", tenant),
        "bare layout, rendered": lambda tenant, staff: ("/bench/layout-rendered/", tenant),
        "overview": tenant_page("customer:overview"),
        "invoices": tenant_page("invoices:list"),
        "invoice": notice,
        "errands": tenant_page("faults:errands"),
        "errand": errand,
        "documents": tenant_page("documents:list"),
        "temporary addresses": tenant_page("addresses:list"),
        "contact details": tenant_page("contacts:details"),
        "messages": tenant_page("inbox:list"),
        "staff: queue": staff_page("staff:queue"),
        "staff: work order": staff_page("staff:work_order", lambda: ErrandRow.objects.order_by("pk").first().pk),
    }


def quiet_logs() -> None:
    """The access log is still formatted, as in production, but written nowhere: the table stays readable."""
    devnull = open(os.devnull, "w")  # noqa: SIM115  (open for the rest of the run)
    for handler in logging.getLogger().handlers + logging.getLogger("portal.access").handlers:
        if isinstance(handler, logging.StreamHandler) and handler.stream in (sys.stdout, sys.stderr):
            handler.setStream(devnull)


def get(client, path: str):
    answer = client.get(path, headers={"x-forwarded-proto": "https"})
    if answer.status_code != 200:
        raise SystemExit(f"{path} answered {answer.status_code}")
    return answer


def cpu_ms(client, path: str, requests: int) -> float:
    """The CPU milliseconds of one request of ``path``, on average over ``requests`` in a row."""
    started = time.process_time()
    for _ in range(requests):
        get(client, path)
    return (time.process_time() - started) * 1000 / requests


def profile(client, path: str, args) -> None:
    get(client, path)
    profiler = cProfile.Profile()
    profiler.enable()
    for _ in range(args.rounds * args.requests):
        get(client, path)
    profiler.disable()
    stats = pstats.Stats(profiler).strip_dirs()
    stats.sort_stats("cumulative").print_stats(args.top)
    stats.sort_stats("tottime").print_stats(args.top)
    if args.callers:
        stats.print_callers(args.callers)


if __name__ == "__main__":
    sys.exit(main())
