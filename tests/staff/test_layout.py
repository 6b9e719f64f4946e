"""Desktop first: the staff pages take the full width, the work order has two columns, no inline styles."""

import re

import pytest
from django.urls import reverse

from tests.staff.conftest import a_row

pytestmark = pytest.mark.integration


def test_the_queue_is_full_width_with_the_filters_and_their_buttons_in_one_row(staff_client, live_sandbox):
    html = staff_client.get(reverse("staff:queue")).content.decode()
    assert 'class="staff-wide"' in html
    row = html[html.index('class="staff-filter-fields"') : html.index('id="queue-results"')]
    assert 'name="status"' in row and 'name="text"' in row and 'class="staff-filter-buttons"' in row
    assert " style=" not in html  # a Content-Security-Policy will forbid them


def test_the_work_order_puts_the_facts_and_the_actions_side_by_side(staff_client, live_sandbox):
    html = staff_client.get(reverse("staff:work_order", args=[a_row("PAGAR").pk])).content.decode()
    facts, actions = html.index('class="staff-facts"'), html.index('class="staff-actions"')
    assert 'class="staff-wide"' in html and facts < actions
    assert facts < html.index('id="handelser"') < actions  # events with the facts
    for section in ('id="tider"', "Kontaktpersoner", "Ändra status", "Planering"):
        assert html.index(section) > actions
    assert " style=" not in html


def test_the_sla_margin_is_written_in_days_and_hours(staff_client, live_sandbox):
    html = staff_client.get(reverse("staff:work_order", args=[a_row("REG").pk])).content.decode()
    margin = re.search(r"<dt>Marginal</dt><dd>(.*?)</dd>", html, re.S).group(1)
    assert "minuter" not in margin and re.search(r"\d+ (dag|dagar|tim|min)", margin.replace("\xa0", " "))
