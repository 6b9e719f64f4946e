"""The sandbox's Ändra kontaktuppgift (contract A32) and its confirm endpoint for Validera=true."""

import json
import re
from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from apps.sandbox.models import ContactDetail, ContactValidation
from tests.sandbox.conftest import ANNA, KALLE, PM5

pytestmark = pytest.mark.django_db

VALIDATION_URL = "https://minasidor.example/kontaktuppgifter/?nyckel={0}&c=1"


@pytest.fixture(autouse=True)
def _demo(small_demo):
    return small_demo


def change(pm5, key: str, **body):
    return pm5.client.post(
        f"{PM5}/session/{key}/andrakontaktuppgift/", json.dumps(body), content_type="application/json"
    )


def confirm(pm5, key: str, nyckel: str):
    return pm5.client.post(
        f"{PM5}/session/{key}/andrakontaktuppgift/validera/",
        json.dumps({"Nyckel": nyckel}),
        content_type="application/json",
    )


def details(customer_number: str = KALLE) -> dict[str, tuple[str, bool]]:
    return {
        d.kind: (d.value, d.validated) for d in ContactDetail.objects.filter(customer__customer_number=customer_number)
    }


def test_a_new_value_is_stored_at_once_and_unvalidated(pm5):
    response = change(pm5, pm5.key(), Mobiltelefonnummer="070-123 45 67", Validera=False)

    assert response.status_code == 200
    assert response.json() == {"Felkod": None, "Meddelande": None}
    assert details()["Mobiltelefonnummer"] == ("070-123 45 67", False)


def test_null_leaves_a_detail_as_it_is_and_an_empty_string_removes_it(pm5):
    before = details()
    assert change(pm5, pm5.key(), Epost=None, Telefonnummer="", Mobiltelefonnummer=None).status_code == 200
    after = details()
    assert "Telefonnummer" not in after
    assert after["Epost"] == before["Epost"] and after["Mobiltelefonnummer"] == before["Mobiltelefonnummer"]


def test_the_same_value_again_keeps_its_validation(pm5):
    email, validated = details()["Epost"]
    assert validated
    change(pm5, pm5.key(), Epost=email)
    assert details()["Epost"] == (email, True)


@pytest.mark.parametrize(
    ("body", "felkod"),
    [
        ({"Epost": "kalle@"}, "Epost"),
        ({"Epost": 12}, "Epost"),
        ({"Telefonnummer": "ring mig"}, "Telefonnummer"),
        ({"Mobiltelefonnummer": "070"}, "Mobiltelefonnummer"),
        ({"Validera": "kanske"}, "Validera"),
        ({"Epost": "kalle@nytt.example", "Validera": True}, "ValideringsUrl"),
        ({"Epost": "kalle@nytt.example", "Validera": True, "ValideringsUrl": "https://x.example/"}, "ValideringsUrl"),
        ({"Epost": "kalle@nytt.example", "Validera": True, "ValideringsUrl": "javascript:{0}"}, "ValideringsUrl"),
    ],
)
def test_it_refuses_a_value_naming_the_field(pm5, body, felkod):
    before = details()
    response = change(pm5, pm5.key(), **body)
    assert response.status_code == 400
    assert response.json()["Felkod"] == felkod and response.json()["Meddelande"]
    assert details() == before, "a refusal changes nothing, not even the valid parts"


def test_with_validera_the_email_waits_for_its_link(pm5, django_capture_on_commit_callbacks):
    key = pm5.key()
    before = details()["Epost"]

    with django_capture_on_commit_callbacks(execute=True):
        response = change(pm5, key, Epost="kalle@nytt.example", Validera=True, ValideringsUrl=VALIDATION_URL)

    assert response.status_code == 200
    assert details()["Epost"] == before, "unchanged until the link is followed"
    (message,) = mail.outbox
    assert message.to == ["kalle@nytt.example"]
    nyckel = re.search(r"nyckel=([\w-]+)&c=1", message.body).group(1)

    assert confirm(pm5, key, nyckel).json() == {"Felkod": None, "Meddelande": None}
    assert details()["Epost"] == ("kalle@nytt.example", True)

    again = confirm(pm5, key, nyckel)
    assert again.status_code == 404
    assert again.json()["Felkod"] == "NyckelSaknas"


def test_with_validera_phone_numbers_are_stored_at_once_but_not_validated(pm5):
    response = change(pm5, pm5.key(), Telefonnummer="08-123 456", Validera=True, ValideringsUrl=VALIDATION_URL)
    assert response.status_code == 200
    assert details()["Telefonnummer"] == ("08-123 456", False)


def test_a_key_is_the_customers_own_and_does_not_last(pm5, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        change(pm5, pm5.key(), Epost="kalle@nytt.example", Validera=True, ValideringsUrl=VALIDATION_URL)
    nyckel = re.search(r"nyckel=([\w-]+)", mail.outbox[0].body).group(1)

    assert confirm(pm5, pm5.key(ANNA), nyckel).status_code == 404, "another customer's session"
    ContactValidation.objects.update(expires_at=timezone.now() - timedelta(seconds=1))
    assert confirm(pm5, pm5.key(), nyckel).status_code == 404, "expired"
    assert details()["Epost"][0] != "kalle@nytt.example"


def test_a_newer_change_retires_the_older_key(pm5, django_capture_on_commit_callbacks):
    key = pm5.key()
    with django_capture_on_commit_callbacks(execute=True):
        change(pm5, key, Epost="kalle@forsta.example", Validera=True, ValideringsUrl=VALIDATION_URL)
        change(pm5, key, Epost="kalle@andra.example", Validera=True, ValideringsUrl=VALIDATION_URL)
    first, second = (re.search(r"nyckel=([\w-]+)", m.body).group(1) for m in mail.outbox)

    assert confirm(pm5, key, first).status_code == 404
    assert confirm(pm5, key, second).status_code == 200
    assert details()["Epost"] == ("kalle@andra.example", True)


def test_only_the_hash_of_a_key_is_stored(pm5, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        change(pm5, pm5.key(), Epost="kalle@nytt.example", Validera=True, ValideringsUrl=VALIDATION_URL)
    nyckel = re.search(r"nyckel=([\w-]+)", mail.outbox[0].body).group(1)
    assert not ContactValidation.objects.filter(key_hash=nyckel).exists()


def test_it_takes_post_only_and_a_live_session(pm5):
    assert pm5.client.get(f"{PM5}/session/{pm5.key()}/andrakontaktuppgift/").status_code == 405
    assert change(pm5, "nope", Epost="a@b.se").status_code == 401
    assert confirm(pm5, "nope", "x").status_code == 401
