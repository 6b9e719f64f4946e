"""E-mails with a link to a new contact address: a few per tenant and hour, counted in the shared cache."""

import pytest
from django.core import mail
from django.urls import reverse

from apps.contacts import services
from apps.contacts.models import EmailChange

EDIT = reverse("contacts:edit")
LIMITED = "Du har bett om för många ändringar av e-postadressen på kort tid"


def details(**changes) -> dict:
    return {"email": "kalle.andersson@example.se", "phone": "08-465 004 63", "mobile": "070-174 06 18"} | changes


@pytest.fixture
def ask(reauthenticated, backend, django_capture_on_commit_callbacks):
    """Send the form with a new e-mail address (and perhaps other changes), the links' e-mails sent at commit."""

    def ask(new: str, **changes):
        with django_capture_on_commit_callbacks(execute=True):
            return reauthenticated.post(EDIT, details(email=new, **changes))

    return ask


@pytest.mark.parametrize("earlier", [0, 1], ids=["under", "at"])
def test_a_link_within_the_hours_limit_is_sent(ask, settings, this_hour, earlier):
    settings.CONTACT_EMAIL_CHANGES_PER_TENANT_PER_HOUR = 2
    for n in range(earlier):
        ask(f"tidigare{n}@nytt.example")

    response = ask("kalle@nytt.example")

    assert response.status_code == 302
    assert mail.outbox[-1].to == ["kalle@nytt.example"]


def test_over_the_limit_nothing_is_sent_or_saved_and_the_form_keeps_what_was_typed(ask, backend, settings, this_hour):
    settings.CONTACT_EMAIL_CHANGES_PER_TENANT_PER_HOUR = 2
    ask("forsta@nytt.example")
    ask("andra@nytt.example")

    response = ask("tredje@nytt.example", mobile="0701234567")

    assert response.status_code == 429
    assert [m.to for m in mail.outbox] == [["forsta@nytt.example"], ["andra@nytt.example"]]
    assert not EmailChange.objects.filter(email="tredje@nytt.example").exists()
    assert backend.calls == [], "not even the new mobile number: one outcome for one form"
    text = response.text
    assert text.count(LIMITED) == 2, "in the error summary and at the field"
    assert 'href="#id_email"' in text
    assert 'id="id_email_error"' in text
    assert 'value="tredje@nytt.example"' in text
    assert 'value="0701234567"' in text


def test_phone_numbers_alone_are_not_limited(ask, reauthenticated, backend, settings, this_hour):
    settings.CONTACT_EMAIL_CHANGES_PER_TENANT_PER_HOUR = 1
    ask("forsta@nytt.example")
    assert ask("andra@nytt.example").status_code == 429

    response = reauthenticated.post(EDIT, details(mobile="0701234567"))

    assert response.status_code == 302
    assert len(backend.calls) == 1


def test_the_limit_ends_with_the_hour(ask, settings, this_hour):
    settings.CONTACT_EMAIL_CHANGES_PER_TENANT_PER_HOUR = 1
    ask("forsta@nytt.example")
    this_hour.return_value += 3600

    assert ask("andra@nytt.example").status_code == 302


def test_the_count_is_kept_per_customer_without_it_in_clear(ask, settings, this_hour):
    from unittest import mock

    from portal import ratelimit

    with mock.patch.object(ratelimit, "cache", wraps=ratelimit.cache) as cache:
        ask("kalle@nytt.example")

    (key,) = [call.args[0] for call in cache.incr.call_args_list]
    assert key.startswith(f"ratelimit:{services.EMAIL_CHANGES.scope}:")
    assert "15555" not in key
