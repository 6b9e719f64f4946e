"""The invoice list in Norwegian and English: the reader's number and date format, always kronor."""

from decimal import Decimal

import pytest
from django.conf import settings
from django.urls import reverse

LIST = reverse("invoices:list")
ENGLISH_MONTHS = "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split()


@pytest.mark.integration
def test_the_list_in_norwegian_has_norwegian_amounts_and_dates(logged_in, live_sandbox, notices):
    logged_in.cookies[settings.LANGUAGE_COOKIE_NAME] = "nb"
    response = logged_in.get(LIST)

    assert response.status_code == 200
    html = response.text
    assert '<html lang="nb">' in html
    assert "Fakturaer" in html and "Å betale" in html
    notice = notices.overdue()
    due = notice.due_date
    assert f'<time datetime="{due.isoformat()}">{due:%d.%m.%Y}</time>' in html
    assert f"kr\xa0{_grouped(notice.remaining, ',', chr(0xA0))}" in html
    assert "\xa0kr<" not in html, "no Swedish amounts left"


@pytest.mark.integration
def test_the_list_in_english_has_english_amounts_and_dates(logged_in, live_sandbox, notices):
    logged_in.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    html = logged_in.get(LIST).text

    notice = notices.overdue()
    due = notice.due_date
    assert (
        f'<time datetime="{due.isoformat()}">{due.day}\xa0{ENGLISH_MONTHS[due.month - 1]}\xa0{due.year}</time>' in html
    )
    assert f"SEK\xa0{_grouped(notice.remaining, '.', ',')}" in html


def _grouped(amount: Decimal, decimal_mark: str, thousands: str) -> str:
    sign = "-" if amount < 0 else ""
    whole, cents = f"{abs(amount):.2f}".split(".")
    groups = []
    while whole:
        groups.insert(0, whole[-3:])
        whole = whole[:-3]
    return f"{sign}{thousands.join(groups)}{decimal_mark}{cents}"
