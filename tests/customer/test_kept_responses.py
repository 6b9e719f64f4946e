"""Whole tenant pages kept per process (apps/customer/kept_responses.py): the same page, never another's.

A kept page is the page as it would be rendered, with this request's CSRF token, in the language
and for the address asked for, and with whatever messages are waiting: those are shown once.
"""

import re

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse

from apps.customer.kept_responses import kept_responses
from tests.customer.conftest import without_tokens

pytestmark = pytest.mark.integration

PAGES = [
    reverse("customer:overview"),
    reverse("invoices:list"),
    reverse("faults:errands"),
    reverse("documents:list"),
    reverse("inbox:list"),
    reverse("contacts:details"),
    reverse("addresses:list"),
]
DOCUMENTS = reverse("documents:list")
TOKEN = re.compile(r'"X-CSRFToken": "([^"]+)"')


@pytest.fixture(autouse=True)
def _nothing_kept_yet():
    kept_responses.clear()
    yield
    kept_responses.clear()


def rendered(response) -> bool:
    """Whether the page was rendered from its templates in this request, rather than answered as kept."""
    return bool(response.templates)


@pytest.mark.parametrize("url", PAGES)
def test_from_the_second_cached_look_the_page_is_kept_and_the_same(alices, url):
    assert rendered(alices.get(url)), "the first look reads the session data from the backend: nothing to key it by"
    second = alices.get(url)
    assert rendered(second) and len(kept_responses) == 1

    third = alices.get(url)

    assert third.status_code == 200 and not rendered(third)
    assert without_tokens(third.text) == without_tokens(second.text)
    assert third["Cache-Control"] == second["Cache-Control"]  # personal data: never cached by the browser


@pytest.mark.parametrize("url", PAGES)
def test_two_tenants_by_turns_each_see_only_their_own_kept_page(alices, bobs, url):
    alices.get(url), bobs.get(url)  # each one's session data cached
    alices_own, bobs_own = without_tokens(alices.get(url).text), without_tokens(bobs.get(url).text)
    assert alices_own != bobs_own, "the demo tenants' pages differ, or this test shows nothing"

    for _ in range(2):
        assert without_tokens(alices.get(url).text) == alices_own
        assert without_tokens(bobs.get(url).text) == bobs_own


def test_a_kept_page_carries_this_requests_csrf_token_and_it_is_accepted(alice, live_sandbox):
    client = Client(enforce_csrf_checks=True)
    client.force_login(alice)
    for _ in range(2):
        client.get(DOCUMENTS)

    first, second = client.get(DOCUMENTS), client.get(DOCUMENTS)

    assert not rendered(first) and not rendered(second)
    tokens = TOKEN.findall(first.text) + re.findall(r'name="csrfmiddlewaretoken" value="([^"]+)"', first.text)
    assert len(set(tokens)) == 1 and len(tokens) >= 3  # the page's headers, logout and language forms: one token
    assert TOKEN.search(second.text).group(1) != tokens[0]  # masked anew for every request, as Django does
    assert settings.CSRF_COOKIE_NAME in first.cookies  # the cookie set with the token, as a rendered page sets it
    logged_out = client.post(reverse("account_logout"), {"csrfmiddlewaretoken": tokens[0]})
    assert logged_out.status_code == 302
    assert client.get(DOCUMENTS)["Location"].startswith(reverse("account_login"))


def test_a_message_waiting_is_shown_once_on_a_kept_page(alices, live_sandbox):
    from apps.sandbox.models import SandboxBehaviour

    alices.get(DOCUMENTS)
    download = re.search(r'href="(/dokument/\d+/[^"]*)"', alices.get(DOCUMENTS).text).group(1)
    SandboxBehaviour.objects.update_or_create(pk=1, defaults={"outage": True})

    with_message = alices.get(download, follow=True)

    assert with_message.redirect_chain == [(DOCUMENTS, 302)]
    assert "Vi kunde inte hämta" in with_message.text
    again = alices.get(DOCUMENTS)
    assert "Vi kunde inte hämta" not in again.text and not rendered(again)


def test_a_new_language_shows_at_once_on_a_kept_page(alices):
    overview = reverse("customer:overview")
    for _ in range(3):
        assert '<html lang="sv">' in alices.get(overview).text

    alices.post(reverse("set_language"), {"language": "en", "next": overview})

    page = alices.get(overview).text
    assert '<html lang="en">' in page and "Overview" in page


def test_the_language_switch_returns_to_the_address_asked_for(alices):
    for _ in range(2):
        alices.get(DOCUMENTS)

    page = alices.get(DOCUMENTS + "?fran=meny").text

    assert '<input name="next" type="hidden" value="/dokument/?fran=meny">' in page
