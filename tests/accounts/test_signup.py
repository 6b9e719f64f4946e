"""Signup: a new account for an existing backend customer, proven by customer number and personnummer."""

import logging
import re
from unittest import mock

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.core import mail
from django.core.signals import got_request_exception
from django.urls import reverse
from django.views.debug import SafeExceptionReporterFilter

from apps.accounts import services
from apps.accounts.contacts_on_file import mask_email
from apps.accounts.models import CustomerLink, LinkAttempt, PendingLink
from apps.accounts.tasks import send_email

from .conftest import LANDLORD_EMAIL, PERSONNUMMER, PERSONNUMMER_12

pytestmark = pytest.mark.django_db

SIGNUP = reverse("account_signup")
INVALID = "Personnumret är inte giltigt. Skriv det som ÅÅÅÅMMDD-XXXX."
MISMATCH = "Kundnumret och personnumret hör inte ihop. Kontrollera båda och försök igen."
ALREADY_LINKED = "Det finns redan ett konto för det här kundnumret."
UNAVAILABLE = "Vi kan inte kontrollera dina uppgifter just nu. Försök igen om en stund."

User = get_user_model()


def test_it_creates_an_unlinked_account_and_sends_the_code_to_the_landlords_contact(
    client, signup_data, backend_confirms, django_capture_on_commit_callbacks
):
    with (
        mock.patch.object(send_email, "delay", wraps=send_email.delay) as delay,
        django_capture_on_commit_callbacks(execute=True),
    ):
        response = client.post(SIGNUP, signup_data)

    assert response.status_code == 302
    assert response["Location"] == reverse("accounts:link")
    user = User.objects.get(email="carl@example.se")
    assert not hasattr(user, "customer_link"), "linked only when the code is entered"
    assert user.pending_links.get().customer_number == "20001"
    assert not EmailAddress.objects.get(user=user).verified
    backend_confirms.assert_called_once_with("20001", PERSONNUMMER_12)
    assert delay.call_count == 2
    verification, code_mail = sorted(mail.outbox, key=lambda message: message.to[0])
    assert code_mail.to == [LANDLORD_EMAIL.address]
    assert code_mail.subject == "Mina sidor: Din kod för att koppla ditt konto"
    assert verification.to == ["carl@example.se"]
    assert verification.subject == "Mina sidor: Bekräfta din e-postadress"
    assert "/konto/confirm-email/" in verification.body


def test_it_sends_no_email_before_the_signup_is_committed(client, signup_data, backend_confirms):
    client.post(SIGNUP, signup_data)
    assert mail.outbox == []


def test_the_signup_page_asks_for_customer_number_and_personnummer(client):
    response = client.get(SIGNUP)
    assert response.status_code == 200
    page = response.text
    assert 'action="/konto/signup/"' in page
    assert 'name="csrfmiddlewaretoken"' in page
    assert '<label for="id_customer_number">Kundnummer</label>' in page
    assert '<label for="id_personnummer">Personnummer</label>' in page
    assert 'autocomplete="email"' in page
    assert page.count('autocomplete="new-password"') == 2
    assert "placeholder" not in page


@pytest.mark.parametrize(
    ("typed", "cleaned"),
    [
        ("19121212-1212", "191212121212"),
        ("191212121212", "191212121212"),
        ("19121212 1212", "191212121212"),
        ("811218-9876", "198112189876"),
        ("8112189876", "198112189876"),
        (" 811218-9876 ", "198112189876"),
        ("811218+9876", "188112189876"),  # the plus: a hundred years or older
        ("121212-1212", "201212121212"),  # without the century: the most recent date it can be
    ],
)
def test_it_accepts_a_personnummer_with_or_without_century_and_dash(
    client, signup_data, backend_confirms, typed, cleaned
):
    response = client.post(SIGNUP, {**signup_data, "personnummer": typed})
    assert response.status_code == 302
    backend_confirms.assert_called_once_with("20001", cleaned)


@pytest.mark.parametrize(
    "typed",
    [
        "19121212-1213",  # bad checksum
        "19990230-1234",  # checksum right, but there is no 30 February
        "20991231-1231",  # not born yet
        "1212121",
        "ÅÅÅÅMMDD-XXXX",
    ],
)
def test_it_rejects_a_personnummer_with_a_bad_checksum_or_date(client, signup_data, backend_confirms, typed):
    response = client.post(SIGNUP, {**signup_data, "personnummer": typed})

    assert response.status_code == 200
    assert response.context["form"].errors["personnummer"] == [INVALID]
    assert '<a href="#id_personnummer">' + INVALID in response.text
    assert 'id="id_personnummer_error"' in response.text
    assert response.text.count(INVALID) == 2  # in the summary and at the field
    assert "<title>Fel: Skapa konto" in response.text
    backend_confirms.assert_not_called()
    assert not User.objects.filter(email="carl@example.se").exists()


def test_it_asks_for_a_customer_number_of_digits(client, signup_data, backend_confirms):
    response = client.post(SIGNUP, {**signup_data, "customer_number": "A-200"})
    assert response.context["form"].errors["customer_number"] == ["Kundnumret får bara innehålla siffror."]
    backend_confirms.assert_not_called()


def test_it_says_when_customer_number_and_personnummer_do_not_belong_together(client, signup_data, backend_refuses):
    response = client.post(SIGNUP, signup_data)

    assert response.status_code == 200
    assert response.context["form"].non_field_errors() == [MISMATCH]
    assert "<title>Fel: Skapa konto" in response.text
    assert not User.objects.filter(email="carl@example.se").exists()


def test_it_says_when_the_customer_already_has_an_account(client, signup_data, alice, backend_confirms):
    response = client.post(SIGNUP, {**signup_data, "customer_number": alice.customer_link.customer_number})

    assert response.status_code == 200
    assert ALREADY_LINKED in response.text
    assert f'<a href="{reverse("account_reset_password")}">återställ ditt lösenord</a>' in response.text
    assert not User.objects.filter(email="carl@example.se").exists()


def test_it_tells_that_a_customer_has_an_account_only_to_who_has_the_personnummer(
    client, signup_data, alice, backend_refuses
):
    response = client.post(SIGNUP, {**signup_data, "customer_number": alice.customer_link.customer_number})

    assert ALREADY_LINKED not in response.text
    assert response.context["form"].non_field_errors() == [MISMATCH]


def test_it_checks_the_personnummer_before_telling_that_the_customer_has_an_account(client, signup_data, alice):
    response = client.post(
        SIGNUP,
        {**signup_data, "customer_number": alice.customer_link.customer_number, "personnummer": "19121212-1213"},
    )
    assert response.context["form"].errors == {"personnummer": [INVALID]}


def test_it_asks_the_backend_only_when_everything_else_is_right(client, signup_data, backend_confirms):
    response = client.post(SIGNUP, {**signup_data, "password2": "something else entirely"})
    assert "password2" in response.context["form"].errors
    backend_confirms.assert_not_called()


def test_it_keeps_everything_typed_but_the_passwords_when_the_backend_is_unavailable(client, signup_data):
    with mock.patch("apps.accounts.services.verify_customer", side_effect=services.CustomerCheckUnavailable):
        response = client.post(SIGNUP, signup_data)

    assert response.status_code == 200
    assert response.context["form"].non_field_errors() == [UNAVAILABLE]
    page = response.text
    assert 'value="20001"' in page
    assert f'value="{PERSONNUMMER}"' in page
    assert 'value="carl@example.se"' in page
    assert signup_data["password1"] not in page
    assert not User.objects.filter(email="carl@example.se").exists()


def test_a_backend_that_refuses_connections_is_unavailable(client, signup_data):
    response = client.post(SIGNUP, signup_data)  # the tests' PM5 refuses connections
    assert response.context["form"].non_field_errors() == [UNAVAILABLE]


def test_an_email_that_already_has_an_account_gets_a_mail_and_no_second_account(
    client, signup_data, alice, backend_confirms, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(SIGNUP, {**signup_data, "email": "alice@example.se"})

    assert response.status_code == 302
    assert response["Location"] == reverse("accounts:link")  # the same answer as a new address: no enumeration
    assert User.objects.filter(email="alice@example.se").count() == 1
    assert not CustomerLink.objects.filter(customer_number="20001").exists()
    assert [message.subject for message in mail.outbox] == ["Mina sidor: Du har redan ett konto"]  # and no code
    assert PendingLink.objects.get().user is None


def test_the_personnummer_is_never_logged_nor_put_in_a_url(client, signup_data, caplog):
    caplog.set_level(logging.DEBUG)
    forms_of_it = {PERSONNUMMER, PERSONNUMMER_12, "121212-1212", "1212121212"}

    unavailable = client.post(SIGNUP, signup_data)  # through the real client: refused connection
    with mock.patch("apps.accounts.services.verify_customer", return_value=LANDLORD_EMAIL):
        created = client.post(SIGNUP, signup_data)

    assert unavailable.status_code == 200
    assert created.status_code == 302
    assert not any(form in created["Location"] for form in forms_of_it)
    assert caplog.records, "the refused connection is logged"
    for record in caplog.records:
        logged = record.getMessage() + repr(record.args) + (record.exc_text or "")
        assert not any(form in logged for form in forms_of_it), record
    stored = [repr(row.__dict__) for model in (LinkAttempt, PendingLink) for row in model.objects.all()]
    assert len(stored) == 3  # unavailable, code sent, the pending link
    assert not any(form in row for row in stored for form in forms_of_it)


def test_the_personnummer_is_hidden_from_error_reports(client, signup_data):
    seen = []

    def remember_request(sender, request, **kwargs):
        seen.append(request)

    got_request_exception.connect(remember_request)
    client.raise_request_exception = False
    try:
        with mock.patch("apps.accounts.services.verify_customer", side_effect=RuntimeError("boom")):
            response = client.post(SIGNUP, signup_data)
    finally:
        got_request_exception.disconnect(remember_request)

    assert response.status_code == 500
    posted = SafeExceptionReporterFilter().get_post_parameters(seen[0])
    assert posted["personnummer"] == SafeExceptionReporterFilter.cleansed_substitute
    assert posted["customer_number"] == "20001"


@pytest.mark.integration
def test_it_links_a_customer_the_sandbox_confirms_over_http_once_the_code_is_entered(
    client, live_sandbox, django_capture_on_commit_callbacks, mailbox
):
    customer = live_sandbox.unlinked
    data = {
        "customer_number": customer.number,
        "personnummer": customer.personnummer,
        "email": "unlinked@example.se",
        "password1": "Grön-tomat-på-balkongen",
        "password2": "Grön-tomat-på-balkongen",
    }

    mismatch = client.post(SIGNUP, {**data, "personnummer": live_sandbox.bob.personnummer})
    unknown = client.post(SIGNUP, {**data, "customer_number": "99999999"})
    with django_capture_on_commit_callbacks(execute=True):
        created = client.post(SIGNUP, data)
    code_page = client.get(created["Location"])
    code = re.search(r"^\s+(\d{6})$", mailbox.wait_for(customer.email), re.MULTILINE).group(1)
    linked = client.post(reverse("accounts:link"), {"code": code, "check_code": "1"})

    assert mismatch.context["form"].non_field_errors() == [MISMATCH]
    assert unknown.context["form"].non_field_errors() == [MISMATCH]
    assert created["Location"] == reverse("accounts:link")
    assert mask_email(customer.email) in code_page.text, "the sandbox's e-mail on file, masked"
    assert linked["Location"] == reverse("account_email_verification_sent")
    assert User.objects.get(email="unlinked@example.se").customer_link.customer_number == customer.number
    assert "Bekräfta" in mailbox.wait_for("unlinked@example.se"), "the verification e-mail went out through Celery"
    outcomes = list(LinkAttempt.objects.order_by("pk").values_list("outcome", flat=True))
    assert outcomes == ["mismatch", "mismatch", "code_sent", "linked"]
