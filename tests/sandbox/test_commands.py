"""sandbox_demo_data: builds the company, creates the demo logins, prints how to use them."""

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.management.base import CommandError

from apps.accounts.models import CustomerLink
from apps.sandbox.models import ContactDetail, Customer
from tests.sandbox.conftest import ANNA, KALLE, MAJA

pytestmark = pytest.mark.django_db


def run(*args: str) -> str:
    from io import StringIO

    out = StringIO()
    call_command("sandbox_demo_data", *args, stdout=out)
    return out.getvalue()


def test_it_builds_the_company_and_creates_the_demo_logins():
    run("--size", "small")

    assert Customer.objects.count() == 3
    assert CustomerLink.objects.get(user__email="hyresgast@example.se").customer_number == KALLE
    assert CustomerLink.objects.get(user__email="hyresgast2@example.se").customer_number == ANNA
    staff = get_user_model().objects.get(email="personal@example.se")
    assert staff.is_staff and not CustomerLink.objects.filter(user=staff).exists()
    assert EmailAddress.objects.filter(email="hyresgast@example.se", verified=True).exists()
    assert get_user_model().objects.get(email="hyresgast@example.se").check_password("Hyresgast-demo-1")
    assert not CustomerLink.objects.filter(customer_number=MAJA).exists()


def test_it_prints_the_login_url_the_logins_and_a_customer_to_link():
    output = run("--size", "small")

    unlinked = Customer.objects.get(customer_number=MAJA)
    assert "http://127.0.0.1:8000/" in output
    for text in (
        "hyresgast@example.se",
        "Hyresgast-demo-1",
        "hyresgast2@example.se",
        "Hyresgast-demo-2",
        "personal@example.se",
        "Personal-demo-1",
        KALLE,
        ANNA,
    ):
        assert text in output
    assert unlinked.customer_number in output and unlinked.personnummer in output


def test_the_customer_to_link_has_an_email_on_file_for_the_link_code_and_it_is_printed():
    output = run("--size", "small")

    on_file = ContactDetail.objects.get(customer__customer_number=MAJA, kind=ContactDetail.Kind.EPOST)
    assert f"The link code goes to {on_file.value}" in output
    every_customer = set(Customer.objects.values_list("pk", flat=True))
    with_email = set(ContactDetail.objects.filter(kind=ContactDetail.Kind.EPOST).values_list("customer", flat=True))
    assert with_email == every_customer, "every demo customer can be linked"


def test_if_empty_keeps_the_data_and_still_prints_the_logins():
    run("--size", "small", "--seed", "1")
    before = list(Customer.objects.values_list("personnummer", flat=True))

    output = run("--if-empty", "--seed", "2")

    assert list(Customer.objects.values_list("personnummer", flat=True)) == before
    assert "kept it" in output
    assert "Hyresgast-demo-1" in output


def test_it_refuses_to_build_over_existing_data():
    run("--size", "small")
    with pytest.raises(CommandError, match="--reset"):
        run("--size", "small")


def test_reset_builds_afresh():
    run("--size", "small", "--seed", "1")
    before = list(Customer.objects.values_list("personnummer", flat=True))

    run("--size", "small", "--seed", "2", "--reset")

    assert list(Customer.objects.values_list("personnummer", flat=True)) != before
    assert Customer.objects.count() == 3
