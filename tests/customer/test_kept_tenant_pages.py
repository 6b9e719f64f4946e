"""The documents, messages, contact details and addresses pages keep their content per process (``{% kept %}``).

Kept content is never another tenant's, and whatever the page shows besides the session data
(the messages read, a pending e-mail change, the login e-mail) shows at once on the next look.
"""

import re
from datetime import timedelta

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from apps.customer.templatetags.kept_pages import kept_pages
from tests.customer.conftest import without_tokens

pytestmark = pytest.mark.integration

PAGES = [reverse("documents:list"), reverse("inbox:list"), reverse("contacts:details"), reverse("addresses:list")]
CONTACTS = reverse("contacts:details")
INBOX = reverse("inbox:list")


def kept_after_second_look(client: Client, url: str) -> str:
    """The page's content is kept from the second look on: the first reads the session data from the backend."""
    client.get(url)
    return client.get(url).text


@pytest.mark.parametrize("url", PAGES)
def test_two_tenants_by_turns_each_see_only_their_own_page(alices, bobs, url):
    def rendered_afresh(client: Client) -> str:
        kept_pages.clear()
        return without_tokens(client.get(url).text)

    alices_own, bobs_own = rendered_afresh(alices), rendered_afresh(bobs)
    assert alices_own != bobs_own, "the demo tenants' pages differ, or this test shows nothing"

    for _ in range(2):  # by turns, each page's content kept after its first look
        assert without_tokens(alices.get(url).text) == alices_own
        assert without_tokens(bobs.get(url).text) == bobs_own


def test_a_message_read_or_marked_unread_shows_at_once(alices):
    first = re.search(
        r'<li class="is-unread">.*?href="(/meddelanden/(\d+)/)"', kept_after_second_look(alices, INBOX), re.S
    )
    assert first, "alice has an unread message in the demo"
    url, message_id = first.group(1), first.group(2)

    alices.get(url)  # opening it reads it
    assert re.search(rf'<li class="is-read">\s*<a href="{url}">', alices.get(INBOX).text)

    alices.post(url, {"unread": "1"})
    listed = alices.get(INBOX).text
    assert re.search(rf'<li class="is-unread">\s*<span[^>]*>[^<]*</span>\s*<a href="{url}">', listed), message_id


def test_an_email_change_started_or_withdrawn_shows_at_once(alices, alice, live_sandbox):
    from apps.contacts.models import EmailChange

    assert "väntar på bekräftelse" not in kept_after_second_look(alices, CONTACTS)

    EmailChange.objects.create(user=alice, customer_number=live_sandbox.alice.number, email="ny.adress@example.se")
    page = alices.get(CONTACTS).text
    assert "ny.adress@example.se väntar på bekräftelse" in page
    assert reverse("contacts:cancel_email_change") in page

    alices.post(reverse("contacts:cancel_email_change"))
    assert "ny.adress@example.se" not in alices.get(CONTACTS).text


def test_an_email_change_older_than_its_link_leaves_the_page_at_once(alices, alice, live_sandbox):
    from apps.contacts.models import EmailChange
    from apps.contacts.services import LINK_MAX_AGE

    change = EmailChange.objects.create(user=alice, customer_number=live_sandbox.alice.number, email="ny@example.se")
    assert "ny@example.se väntar på bekräftelse" in kept_after_second_look(alices, CONTACTS)

    EmailChange.objects.filter(pk=change.pk).update(created_at=timezone.now() - LINK_MAX_AGE - timedelta(minutes=1))
    assert "ny@example.se" not in alices.get(CONTACTS).text


def test_a_new_login_email_shows_at_once(alices, alice):
    assert "<strong>alice@example.se</strong>" in kept_after_second_look(alices, CONTACTS)

    alice.email = "alice.ny@example.se"
    alice.save(update_fields=["email"])
    page = alices.get(CONTACTS).text
    assert "<strong>alice.ny@example.se</strong>" in page and "alice@example.se" not in page
