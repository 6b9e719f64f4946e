"""Forgotten passwords: a link by e-mail, and no hint whether an address has an account."""

import re

import pytest
from django.core import mail
from django.urls import reverse

pytestmark = pytest.mark.django_db

RESET = reverse("account_reset_password")


def test_it_mails_a_reset_link_through_the_task(client, alice, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(RESET, {"email": "alice@example.se"})

    assert response.status_code == 302
    assert response["Location"] == reverse("account_reset_password_done")
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["alice@example.se"]
    assert message.subject == "Mina sidor: Välj ett nytt lösenord"
    assert "/konto/password/reset/key/" in message.body


def test_the_reset_link_lets_the_tenant_choose_a_new_password(client, alice, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        client.post(RESET, {"email": "alice@example.se"})
    link = re.search(r"http://testserver(/konto/password/reset/key/\S+)", mail.outbox[0].body).group(1)

    form_page = client.get(link, follow=True)
    assert "Välj ett nytt lösenord" in form_page.text
    assert form_page.text.count('autocomplete="new-password"') == 2
    action = form_page.context["action_url"]
    response = client.post(action, {"password1": "Nytt-och-bättre-lösen", "password2": "Nytt-och-bättre-lösen"})

    assert response.status_code == 302
    alice.refresh_from_db()
    assert alice.check_password("Nytt-och-bättre-lösen")


def test_an_unknown_address_gets_the_same_answer(client, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(RESET, {"email": "nobody@example.se"})

    assert response.status_code == 302
    assert response["Location"] == reverse("account_reset_password_done")
    assert mail.outbox[0].subject == "Mina sidor: Inget konto med den här e-postadressen"


def test_a_missing_address_is_an_error_on_the_field(client):
    response = client.post(RESET, {"email": ""})

    assert response.status_code == 200
    assert "<title>Fel: Glömt lösenordet" in response.text
    assert '<a href="#id_email">' in response.text
    assert 'aria-invalid="true"' in response.text
