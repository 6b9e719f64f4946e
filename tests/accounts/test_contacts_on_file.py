"""Where a link code goes: the landlord's own contact for the customer, shown masked."""

from unittest import mock

import pytest

from apps.accounts.contacts_on_file import EMAIL, SMS, Contact, contact_for_code, mask_email, mask_mobile
from apps.backends.pm5.types import ContactDetail


@pytest.mark.parametrize(
    ("address", "masked"),
    [("karin.berg@example.se", "k***@example.se"), ("k@example.se", "k***@example.se")],
)
def test_an_email_address_is_masked_to_its_first_letter_and_domain(address, masked):
    assert mask_email(address) == masked


@pytest.mark.parametrize("number", ["070-174 06 67", "0701740667", "+46 70 174 06 67", "+46701740667"])
def test_a_mobile_number_is_masked_to_its_prefix_and_last_two_digits(number):
    assert mask_mobile(number) == "070-*** ** 67"


def test_a_contact_knows_its_mask():
    assert Contact(EMAIL, "karin.berg@example.se").masked == "k***@example.se"
    assert Contact(SMS, "070-174 06 67").masked == "070-*** ** 67"


def client_with(*details: ContactDetail):
    client = mock.Mock()
    client.get_session.return_value = mock.Mock(contact_details=details)
    return client


def detail(kind: str, value: str, verified: bool = True) -> ContactDetail:
    return ContactDetail(kind=kind, label=None, value=value, verified=verified)


def test_a_verified_email_comes_first_then_a_mobile():
    client = client_with(
        detail("Mobiltelefonnummer", "070-174 06 67"),
        detail("Telefonnummer", "08-465 004 31"),
        detail("Epost", "karin.berg@example.se"),
    )
    assert contact_for_code(client, "key") == Contact(EMAIL, "karin.berg@example.se")
    assert client.get_session.call_args.args[1].contact_details


def test_a_verified_mobile_comes_before_an_unverified_email():
    client = client_with(detail("Epost", "old@example.se", verified=False), detail("Mobiltelefonnummer", "0701740667"))
    assert contact_for_code(client, "key") == Contact(SMS, "0701740667")


def test_a_home_phone_or_nothing_is_no_contact_for_a_code():
    assert contact_for_code(client_with(detail("Telefonnummer", "08-465 004 31")), "key") is None
    assert contact_for_code(client_with(), "key") is None


def test_without_an_sms_sender_a_mobile_gets_no_code(settings):
    settings.SMS_SENDER = ""  # production's default: no codes in a log
    assert contact_for_code(client_with(detail("Mobiltelefonnummer", "0701740667")), "key") is None
