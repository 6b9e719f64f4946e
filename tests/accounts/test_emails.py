"""E-mail: rendered in the request, sent by a Celery task once the data is committed."""

import re
import time

import pytest
from django.core import mail, signing
from django.urls import reverse

from apps.accounts.tasks import send_email

pytestmark = pytest.mark.django_db


def test_the_task_sends_what_it_is_given():
    send_email.delay(
        subject="Ämne", body="Text", html_body="<p>Text</p>", from_email="noreply@example.se", to=["a@example.se"]
    )

    (message,) = mail.outbox
    assert (message.subject, message.body, message.to) == ("Ämne", "Text", ["a@example.se"])
    assert message.alternatives[0] == ("<p>Text</p>", "text/html")


def test_confirming_the_address_logs_the_new_tenant_in(
    client, signup_data, backend_confirms, django_capture_on_commit_callbacks, monkeypatch
):
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("account_signup"), signup_data)
    verification = next(message for message in mail.outbox if message.to == ["carl@example.se"])
    link = re.search(r"http://testserver(/konto/confirm-email/\S+)", verification.body).group(1)
    # The tenant opens the link a few seconds later: the page must post back the same key.
    later = time.time() + 5
    monkeypatch.setattr(signing.time, "time", lambda: later)

    page = client.get(link)
    assert "Bekräfta att carl@example.se är din e-postadress." in page.text
    assert f'action="{link}"' in page.text
    response = client.post(link)

    assert response.status_code == 302
    assert response["Location"] == reverse("customer:overview")
    assert "_auth_user_id" in client.session


def test_an_old_or_broken_link_says_so(client):
    response = client.get(reverse("account_confirm_email", args=["not-a-key"]))
    assert response.status_code == 200
    assert "Länken har gått ut eller fungerar inte." in response.text
