"""The invoice list: unpaid first, status in words, balances, 12, 24 or 36 months."""

from decimal import Decimal

import pytest
from django.urls import reverse

from tests.invoices.conftest import detail_url

LIST = reverse("invoices:list")


def test_an_anonymous_visitor_is_sent_to_log_in(client):
    response = client.get(LIST)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


def test_a_staff_account_without_a_customer_sees_no_invoices(client, staff):
    client.force_login(staff)
    assert client.get(LIST).status_code == 403


def test_it_refuses_a_post(client, alice):
    client.force_login(alice)
    assert client.post(LIST).status_code == 405


def test_a_failing_backend_gets_a_calm_page(client, alice, settings, unreachable):
    settings.PM5_BASE_URL = f"{unreachable}/pm5"
    client.force_login(alice)
    response = client.get(LIST)
    assert response.status_code == 503
    assert "Vi kan inte visa dina fakturor just nu" in response.text
    assert "Traceback" not in response.text


@pytest.mark.integration
def test_it_lists_twelve_months_unpaid_first_with_the_status_in_words(logged_in_alice, notices):
    response = logged_in_alice.get(LIST)

    assert response.status_code == 200
    listing = response.context["invoices"]
    assert listing.months == 12
    assert listing.open and listing.settled
    assert all(i.status != "paid" for i in listing.open)
    assert all(i.status == "paid" for i in listing.settled)
    due_dates = [i.notice.due_date for i in listing.open]
    assert due_dates == sorted(due_dates), "the most urgent first"
    settled = [i.notice.due_date for i in listing.settled]
    assert settled == sorted(settled, reverse=True), "the newest paid first"
    html = response.text
    assert html.index("Att betala") < html.index(notices.overdue().number) < html.index(notices.paid().number)


@pytest.mark.integration
def test_each_demo_case_has_its_status_in_words(logged_in_alice, notices):
    response = logged_in_alice.get(LIST)
    statuses = {i.notice.number: str(i.status.label) for i in response.context["invoices"].open}
    statuses |= {i.notice.number: str(i.status.label) for i in response.context["invoices"].settled}

    assert statuses[notices.paid().number] == "Betald"
    assert statuses[notices.partly_paid().number].startswith("Delvis betald")
    assert statuses[notices.overdue().number] == "Förfallen"
    assert statuses[notices.debt_collection().number] == "Skickad till inkasso"
    assert statuses[notices.repair().number] == "Obetald"
    assert statuses[notices.credit().number] == "Tillgodo"
    for word in ("Betald", "Delvis betald", "Förfallen", "Skickad till inkasso", "Obetald", "Tillgodo"):
        assert f">{word}" in response.text


@pytest.mark.integration
def test_a_row_shows_number_type_period_due_date_amount_and_remainder(logged_in_alice, notices):
    notice = notices.several_periods()
    response = logged_in_alice.get(LIST)
    row = next(
        i
        for i in response.context["invoices"].open + response.context["invoices"].settled
        if i.notice.number == notice.number
    )

    months = sorted(f"{p.period_start:%Y-%m}" for p in notice.periods.all())
    assert row.periods == f"{months[0]} – {months[-1]}"
    assert str(row.kind) == "Hyresavi"
    html = response.text
    assert f'href="{detail_url(notice.number)}"' in html
    assert f'<time datetime="{notice.due_date:%Y-%m-%d}">' in html
    assert _money(notice.gross) in html


@pytest.mark.integration
def test_the_totals_match_the_rent_and_invoice_balances(logged_in_alice, notices):
    response = logged_in_alice.get(LIST)
    listing = response.context["invoices"]

    assert listing.rent_balance == sum((n.remaining for n in notices.avis()), Decimal("0.00"))
    assert listing.invoice_balance == sum((n.remaining for n in notices.invoices()), Decimal("0.00"))
    assert listing.balance == listing.rent_balance + listing.invoice_balance
    assert _money(listing.rent_balance) in response.text
    assert _money(listing.invoice_balance) in response.text


@pytest.mark.integration
@pytest.mark.parametrize("months", [24, 36])
def test_the_tenant_can_ask_for_more_months(logged_in_alice, notices, months, monkeypatch):
    from apps.backends.pm5.session import SessionApi

    asked = []
    real_get_session = SessionApi.get_session

    def recording_get_session(self, key, parts):
        asked.append(parts.notice_months)
        return real_get_session(self, key, parts)

    monkeypatch.setattr(SessionApi, "get_session", recording_get_session)
    response = logged_in_alice.get(LIST, {"manader": months})

    listing = response.context["invoices"]
    assert listing.months == months
    assert asked == [months], "HämtaKundAviseringarAntMån is the tenant's choice"
    shown = {i.notice.number for i in listing.open + listing.settled}
    assert notices.older_than(12).number in shown
    assert f'aria-current="true">{months} månader' in response.text
    assert detail_url(notices.older_than(12).number, manader=months) in response.text


@pytest.mark.integration
def test_twelve_months_leave_the_older_notices_out(logged_in_alice, notices):
    response = logged_in_alice.get(LIST)
    shown = {i.notice.number for i in response.context["invoices"].open + response.context["invoices"].settled}
    assert notices.older_than(12).number not in shown


@pytest.mark.integration
@pytest.mark.parametrize("bad", ["7", "abc", "-12", "1200"])
def test_a_month_count_that_is_not_offered_gets_twelve_months(logged_in_alice, bad):
    response = logged_in_alice.get(LIST, {"manader": bad})
    assert response.status_code == 200
    assert response.context["invoices"].months == 12


@pytest.mark.integration
def test_htmx_gets_the_list_fragment_only(logged_in_alice):
    response = logged_in_alice.get(LIST, {"manader": 24}, headers={"HX-Request": "true"})

    assert response.status_code == 200
    assert response.text.lstrip().startswith('<div id="invoices"')
    assert "<html" not in response.text
    assert "HX-Request" in response["Vary"]


@pytest.mark.integration
def test_without_javascript_the_month_choice_is_a_plain_link_and_the_page_is_whole(logged_in_alice):
    response = logged_in_alice.get(LIST)

    html = response.text
    assert "<html" in html
    assert 'hx-history="false"' in html
    for months in (12, 24, 36):
        link = f"{LIST}?manader={months}"
        assert f'href="{link}"' in html and f'hx-get="{link}"' in html
    assert "no-store" in response["Cache-Control"]


@pytest.mark.integration
def test_amounts_and_dates_are_written_the_swedish_way(logged_in_alice, notices):
    response = logged_in_alice.get(LIST)
    notice = notices.repair()
    assert _money(notice.gross) in response.text  # 2 450,00 kr
    assert "\xa0kr" in response.text and ".00 kr" not in response.text


def _money(amount: Decimal) -> str:
    sign = "-" if amount < 0 else ""
    whole, cents = f"{abs(amount):.2f}".split(".")
    groups = []
    while whole:
        groups.insert(0, whole[-3:])
        whole = whole[:-3]
    return f"{sign}{chr(0xA0).join(groups)},{cents}\xa0kr"
