"""Which invoice cases and errand statuses some data shows, read straight from the tables."""

from datetime import date

from apps.sandbox.models import Customer, ErrandRow, Notice

INVOICE_CASES = {
    "paid",
    "partly paid",
    "unpaid, not yet due",
    "overdue",
    "debt collection",
    "credit invoice",
    "several periods",
    "repair invoice",
    "hot water specification",
}


def invoice_cases(customers, today: date) -> set[str]:
    cases = set()
    notices = Notice.objects.filter(customer__in=customers).prefetch_related("payments", "periods__rows__specification")
    for notice in notices:
        periods = list(notice.periods.all())
        paid, rest = notice.paid, notice.remaining
        collected = any(p.sent_to_collection_on for p in periods)
        if notice.kind == Notice.Kind.AVI:
            if paid and not rest:
                cases.add("paid")
            if 0 < paid < notice.gross:
                cases.add("partly paid")
            if not paid and rest > 0 and notice.due_date >= today:
                cases.add("unpaid, not yet due")
            if rest > 0 and notice.due_date < today and not collected:
                cases.add("overdue")
            if len({p.period_start for p in periods}) > 1:
                cases.add("several periods")
            if any(hasattr(row, "specification") for p in periods for row in p.rows.all()):
                cases.add("hot water specification")
        else:
            if notice.gross < 0:
                cases.add("credit invoice")
            if notice.vat > 0:
                cases.add("repair invoice")
        if collected and rest > 0:
            cases.add("debt collection")
    return cases


def pm5_statuses(rows) -> set[str]:
    return {row.pm5_status()[0].reference for row in rows} | {row.pm5_status()[1].reference for row in rows}


def work_order_statuses(rows) -> set[str]:
    return {row.status for row in rows}


def customer(number: str) -> Customer:
    return Customer.objects.get(customer_number=number)


def rows_of(customers) -> list[ErrandRow]:
    return list(ErrandRow.objects.filter(errand__customer__in=customers))
