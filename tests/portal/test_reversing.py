"""RowUrls: the same URLs as reverse(), reversed once per list."""

import pytest
from django.urls import reverse

from portal.reversing import RowUrls


@pytest.mark.parametrize("value", ["9213210", "A-12.3", "nr 5", "Å1", "1&2", "x" * 40])
def test_it_answers_what_reverse_answers_for_a_text_id(value):
    assert RowUrls("invoices:detail")(value) == reverse("invoices:detail", args=[value])
    assert RowUrls("invoices:pdf")(value) == reverse("invoices:pdf", args=[value])


@pytest.mark.parametrize("value", [0, 7, 516863, 918273645546372819, "42"])
def test_it_answers_what_reverse_answers_for_a_number(value):
    assert RowUrls("faults:errand")(value) == reverse("faults:errand", args=[value])
