"""How long the five nearest cash places take among 20 000 service points.

    .venv/bin/python bench/cash_points_nearest.py [--points 20000] [--homes 500]

Fills a throwaway SQLite database (the demo's default) with service points in
clusters around 200 fictional towns spread over Sweden's SWEREF 99 TM extent,
deterministically, then asks for the five nearest from homes near the towns and
far from any. Prints the median and 90th percentile of ``nearest()`` and how many
queries it took (one: the growing bounding box is a recursive CTE in the same statement).
"""

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ["PORTAL_VAR_DIR"] = tempfile.mkdtemp(prefix="bench-cash-")
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings_test")

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection, reset_queries  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.utils import timezone  # noqa: E402

from apps.cashpoints.models import CashPoint  # noqa: E402
from apps.cashpoints.nearest import nearest  # noqa: E402

BILLS = CashPoint.Purpose.BILL_PAYMENT


def fill(count: int, towns: list[tuple[float, float]], rng: random.Random) -> None:
    now = timezone.now()
    rows = []
    for i in range(count):
        cx, cy = towns[i % len(towns)]
        purpose = BILLS if i % 2 == 0 else CashPoint.Purpose.WITHDRAWAL
        rows.append(
            CashPoint(
                provider_id=i // 2 + 1 if purpose == BILLS else i,
                purpose=purpose,
                name=f"Plats {i}",
                visiting_address="Gatan 1",
                postal_code="123 45",
                post_town="ORT",
                x=rng.gauss(cx, 4000),
                y=rng.gauss(cy, 4000),
                forms="Över disk hos ombud",
                synced_at=now,
            )
        )
    CashPoint.objects.bulk_create(rows, batch_size=2000)


def measure(homes: list[tuple[float, float]]) -> tuple[float, float, float]:
    timings, queries = [], []
    for x, y in homes:
        with CaptureQueriesContext(connection) as captured:
            started = time.perf_counter()
            found = nearest(x, y, BILLS).places
            timings.append((time.perf_counter() - started) * 1000)
        assert len(found) == 5
        queries.append(len(captured.captured_queries))
    timings.sort()
    return statistics.median(timings), timings[int(len(timings) * 0.9)], statistics.mean(queries)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--points", type=int, default=20_000)
    parser.add_argument("--homes", type=int, default=500)
    args = parser.parse_args()
    call_command("migrate", verbosity=0)
    rng = random.Random(2026)
    towns = [(rng.uniform(300_000, 900_000), rng.uniform(6_150_000, 7_600_000)) for _ in range(200)]
    fill(args.points, towns, rng)
    reset_queries()
    in_town = [(rng.gauss(cx, 2000), rng.gauss(cy, 2000)) for cx, cy in rng.choices(towns, k=args.homes)]
    remote = [(rng.uniform(300_000, 900_000), rng.uniform(6_150_000, 7_600_000)) for _ in range(args.homes)]
    print(f"{args.points} service points ({args.points // 2} taking bills in cash), {len(towns)} towns, SQLite")
    for label, homes in (("home in a town", in_town), ("home anywhere", remote)):
        median, p90, queries = measure(homes)
        print(f"{label:<16} median {median:.2f} ms, 90th percentile {p90:.2f} ms, {queries:.1f} queries on average")


if __name__ == "__main__":
    main()
