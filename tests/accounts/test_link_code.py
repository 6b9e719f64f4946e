"""The link code: sent to the landlord's contact at signup, and the account linked only when it comes back."""

import re
from datetime import timedelta
from unittest import mock

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from apps.accounts import linking
from apps.accounts.contacts_on_file import SMS
from apps.accounts.models import CustomerLink, LinkAttempt, PendingLink
from apps.accounts.sms import LocmemSmsSender

from .conftest import LANDLORD_EMAIL, LANDLORD_MOBILE

pytestmark = pytest.mark.django_db

SIGNUP = reverse("account_signup")
LINK = reverse("accounts:link")
WRONG_CODE = "Koden stämmer inte."
LOCKED = "Du har skrivit fel kod för många gånger, så koden går inte att använda längre."
EXPIRED = "Koden har gått ut. En kod gäller i 15 minuter."

User = get_user_model()


@pytest.fixture
def sign_up(client, signup_data, django_capture_on_commit_callbacks):
    """Sign up through the page (the backend mocked to confirm) and return the code the landlord's contact got."""

    def sign_up(browser=client, contact=LANDLORD_EMAIL, **changes) -> str:
        mail.outbox.clear()
        with (
            mock.patch("apps.accounts.services.verify_customer", return_value=contact),
            django_capture_on_commit_callbacks(execute=True),
        ):
            response = browser.post(SIGNUP, {**signup_data, **changes})
        assert response["Location"] == LINK
        if contact.channel == SMS:
            return re.search(r"\b(\d{6})\b", LocmemSmsSender.outbox[-1][1]).group(1)
        return code_sent_to(contact.address)

    return sign_up


def code_sent_to(address: str) -> str:
    message = next(message for message in mail.outbox if message.to == [address])
    return re.search(r"^\s+(\d{6})$", message.body, re.MULTILINE).group(1)


def enter(browser, code: str):
    return browser.post(LINK, {"code": code, "check_code": "1"})


def other_than(code: str) -> str:
    return f"{(int(code) + 1) % 10**6:06d}"


def outcomes() -> list[str]:
    return list(LinkAttempt.objects.order_by("pk").values_list("outcome", flat=True))


def test_the_right_code_links_the_account(client, sign_up):
    code = sign_up()

    response = enter(client, code)

    assert response.status_code == 302
    assert response["Location"] == reverse("account_email_verification_sent")
    assert User.objects.get(email="carl@example.se").customer_link.customer_number == "20001"
    page = client.get(response["Location"]).text
    assert "Ditt konto är kopplat till kundnummer 20001." in page
    assert outcomes() == ["code_sent", "linked"]


def test_the_code_page_says_where_the_code_went_masked_and_works_without_javascript(client, sign_up):
    sign_up()

    page = client.get(LINK).text

    assert "Vi har skickat en kod med e-post till <strong>k***@example.se</strong>" in page
    assert LANDLORD_EMAIL.address not in page
    assert f'<form method="post" action="{LINK}" novalidate>' in page
    assert 'name="csrfmiddlewaretoken"' in page
    assert '<label for="id_code">Kod</label>' in page
    assert 'autocomplete="one-time-code"' in page
    assert '<button type="submit" name="check_code" value="1">' in page


def test_a_wrong_code_is_an_error_in_the_summary_and_at_the_field(client, sign_up):
    code = sign_up()

    response = enter(client, other_than(code))

    assert response.status_code == 200
    page = response.text
    assert "<title>Fel: Koppla ditt konto" in page
    assert '<a href="#id_code">Koden stämmer inte. Du kan försöka 4 gånger till.</a>' in page
    assert 'aria-describedby="id_code_helptext id_code_error"' in page
    assert not CustomerLink.objects.exists()


def test_five_wrong_codes_lock_it_and_a_sixth_right_one_does_not_link(client, sign_up):
    code = sign_up()

    answers = [enter(client, other_than(code)) for _ in range(5)]
    sixth = enter(client, code)

    assert [WRONG_CODE in answer.text for answer in answers] == [True] * 4 + [False]
    assert LOCKED in answers[4].text
    assert LOCKED in sixth.text
    assert 'name="code"' not in sixth.text, "no code field once it is locked"
    assert not CustomerLink.objects.exists()
    assert outcomes() == ["code_sent"] + ["wrong_code"] * 4 + ["locked", "locked"]


def test_an_expired_code_fails(client, sign_up):
    code = sign_up()
    PendingLink.objects.update(expires_at=timezone.now() - timedelta(seconds=1))

    response = enter(client, code)

    assert EXPIRED in response.text
    assert not CustomerLink.objects.exists()
    assert outcomes() == ["code_sent", "expired"]


def test_a_code_is_valid_for_fifteen_minutes(sign_up):
    sign_up()
    pending = PendingLink.objects.get()
    assert pending.expires_at - pending.created_at == pytest.approx(timedelta(minutes=15), abs=timedelta(seconds=1))


def test_a_code_is_single_use(client, sign_up, rf):
    code = sign_up()
    pending = PendingLink.objects.get()
    request = rf.post(LINK)
    request.session = client.session
    request.user = pending.user

    first = linking.enter_code(request, pending, code)
    pending.refresh_from_db()
    second = linking.enter_code(request, pending, code)

    assert first.result is linking.CodeResult.LINKED
    assert second.result is linking.CodeResult.USED


def test_another_customers_code_never_works(client, sign_up):
    other_browser = Client()
    with mock.patch.object(linking.secrets, "randbelow", side_effect=[111111, 222222]):
        other_code = sign_up(browser=other_browser, email="dora@example.se", customer_number="20002")
        sign_up()

    response = enter(client, other_code)

    assert other_code == "111111"
    assert WRONG_CODE in response.text
    assert not CustomerLink.objects.exists()


def test_the_same_digits_do_not_work_for_another_signup(sign_up):
    code = sign_up()
    other_browser = Client()
    sign_up(browser=other_browser, email="dora@example.se", customer_number="20002")
    PendingLink.objects.filter(customer_number="20002").update(
        code_hash=PendingLink.objects.get(customer_number="20001").code_hash
    )

    response = enter(other_browser, code)

    assert WRONG_CODE in response.text, "the code is hashed with its own signup's token"
    assert not CustomerLink.objects.exists()


def test_two_signups_for_one_customer_link_only_the_first_to_enter_its_code(client, sign_up):
    first_code = sign_up()
    other_browser = Client()
    second_code = sign_up(browser=other_browser, email="dora@example.se")

    enter(client, first_code)
    response = enter(other_browser, second_code)

    assert "Det finns redan ett konto för det här kundnumret." in response.text
    assert CustomerLink.objects.get(customer_number="20001").user.email == "carl@example.se"
    assert outcomes()[-1] == "already_linked"


def test_a_mobile_on_file_gets_the_code_by_sms_and_the_page_says_so(client, sign_up, sms_outbox):
    code = sign_up(contact=LANDLORD_MOBILE)
    [(to, text)] = sms_outbox

    page = client.get(LINK).text

    assert to == LANDLORD_MOBILE.address
    assert text.startswith("Din kod för att koppla ditt konto på Mina sidor: ")
    assert "Vi har skickat en kod med sms till <strong>070-*** ** 67</strong>" in page
    assert [message.to for message in mail.outbox] == [["carl@example.se"]], "only the verification e-mail"
    assert enter(client, code)["Location"] == reverse("account_email_verification_sent")


def test_a_signed_in_account_without_a_customer_is_sent_to_the_code_page(client, sign_up):
    sign_up()
    user = User.objects.get(email="carl@example.se")
    client.force_login(user)

    response = client.get(reverse("customer:overview"))

    assert response["Location"] == LINK
    assert "k***@example.se" in client.get(LINK).text


def test_a_signed_in_account_whose_code_expired_can_ask_for_a_new_one(
    client, sign_up, signup_data, django_capture_on_commit_callbacks
):
    sign_up()
    PendingLink.objects.update(expires_at=timezone.now() - timedelta(seconds=1))
    client.force_login(User.objects.get(email="carl@example.se"))
    form = {k: signup_data[k] for k in ("customer_number", "personnummer")}

    assert 'name="new_code"' in client.get(LINK).text
    mail.outbox.clear()
    with (
        mock.patch("apps.accounts.services.verify_customer", return_value=LANDLORD_EMAIL),
        django_capture_on_commit_callbacks(execute=True),
    ):
        asked = client.post(LINK, {**form, "new_code": "1"})
    code = code_sent_to(LANDLORD_EMAIL.address)
    linked = enter(client, code)

    assert asked["Location"] == LINK
    assert linked["Location"] == reverse("customer:overview")
    assert User.objects.get(email="carl@example.se").customer_link.customer_number == "20001"


def test_staff_without_a_customer_still_get_the_plain_page(client, staff):
    client.force_login(staff)
    assert client.get(reverse("customer:overview")).status_code == 403
