"""Link attempts: limited per customer number and per IP in the shared cache, and every one audited."""

from unittest import mock

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from apps.accounts import limits
from apps.accounts.models import LinkAttempt

from .conftest import PERSONNUMMER, PERSONNUMMER_12

pytestmark = pytest.mark.django_db

SIGNUP = reverse("account_signup")
LIMITED = "Det har gjorts för många försök att koppla ett konto. Vänta en timme och försök igen."
NO_CONTACT = (
    "Din hyresvärd har ingen e-postadress eller mobiltelefon till dig som vi kan skicka en kod till. "
    "Kontakta din hyresvärd och be dem lägga till en, och försök sedan igen."
)

User = get_user_model()


@pytest.fixture
def this_hour():
    """The clock of the limits, held in the middle of one hour."""
    with mock.patch.object(limits.time, "time", return_value=1_800_000_000 + 1800) as clock:
        yield clock


def attempt(client, signup_data, ip: str, **changes):
    return client.post(SIGNUP, {**signup_data, **changes}, REMOTE_ADDR=ip)


def test_a_customer_number_gets_five_attempts_an_hour_from_any_address(
    client, signup_data, backend_refuses, backend_confirms, this_hour
):
    with mock.patch("apps.accounts.services.verify_customer", side_effect=backend_refuses.side_effect):
        refused = [attempt(client, signup_data, f"10.0.0.{n}") for n in range(5)]
    sixth = attempt(client, signup_data, "10.0.0.99")  # now with the right personnummer

    assert all(r.context["form"].non_field_errors() != [LIMITED] for r in refused)
    assert sixth.context["form"].non_field_errors() == [LIMITED]
    backend_confirms.assert_not_called()  # a limited attempt does not reach the backend
    assert not User.objects.filter(email="carl@example.se").exists()
    other_customer = attempt(client, signup_data, "10.0.0.99", customer_number="20002")
    assert other_customer.status_code == 302


def test_the_limit_of_a_customer_number_ends_with_the_hour(client, signup_data, backend_refuses, this_hour):
    for n in range(6):
        attempt(client, signup_data, f"10.0.0.{n}")
    this_hour.return_value += 3600

    response = attempt(client, signup_data, "10.0.0.7")

    assert response.context["form"].non_field_errors() != [LIMITED]


def test_an_address_gets_its_own_limit_across_customer_numbers(
    client, signup_data, backend_refuses, settings, this_hour
):
    settings.LINK_ATTEMPTS_PER_IP_PER_HOUR = 3
    answers = [attempt(client, signup_data, "192.0.2.1", customer_number=str(20001 + n)) for n in range(4)]
    elsewhere = attempt(client, signup_data, "192.0.2.2", customer_number="20009")

    assert [a.context["form"].non_field_errors() == [LIMITED] for a in answers] == [False, False, False, True]
    assert elsewhere.context["form"].non_field_errors() != [LIMITED]
    assert backend_refuses.call_count == 4


def test_the_counts_live_in_the_shared_cache_without_customer_number_or_address_in_clear(
    client, signup_data, backend_refuses, this_hour
):
    with mock.patch.object(limits, "cache", wraps=limits.cache) as cache:
        attempt(client, signup_data, "192.0.2.1")

    keys = [call.args[0] for call in cache.incr.call_args_list]
    assert len(keys) == 2
    assert not any("20001" in key or "192.0.2.1" in key for key in keys)


def test_every_attempt_is_audited_without_the_personnummer(client, signup_data, backend_refuses, this_hour):
    attempt(client, signup_data, "192.0.2.1")
    with mock.patch("apps.accounts.services.verify_customer", return_value=None):
        no_contact = attempt(client, signup_data, "192.0.2.2")
    for _ in range(4):
        attempt(client, signup_data, "192.0.2.3")

    rows = list(LinkAttempt.objects.order_by("pk"))
    assert [row.outcome for row in rows] == ["mismatch", "no_contact", "mismatch", "mismatch", "mismatch", "limited"]
    assert [row.ip for row in rows[:2]] == ["192.0.2.1", "192.0.2.2"]
    assert {row.customer_number for row in rows} == {"20001"}
    assert all(row.created_at and row.user is None for row in rows)
    [keyed_hash] = {row.personnummer_hash for row in rows}  # the same personnummer, the same keyed hash
    assert len(keyed_hash) == 64
    assert not any(form in keyed_hash for form in (PERSONNUMMER, PERSONNUMMER_12, "1212121212"))
    assert no_contact.context["form"].non_field_errors() == [NO_CONTACT]


def test_no_contact_on_file_says_to_contact_the_landlord_and_creates_nothing(client, signup_data):
    with mock.patch("apps.accounts.services.verify_customer", return_value=None):
        response = client.post(SIGNUP, signup_data)

    assert response.status_code == 200
    assert NO_CONTACT in response.text
    assert "<title>Fel: Skapa konto" in response.text
    assert not User.objects.filter(email="carl@example.se").exists()
