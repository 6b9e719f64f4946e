"""base.html is mostly fragments (portal/fragments.py); what belongs to one request is never kept in one."""

import re

import pytest
from django.urls import reverse

from portal import fragments

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _nothing_kept_yet():
    fragments.kept.clear()
    yield
    fragments.kept.clear()


def test_no_kept_fragment_holds_what_belongs_to_the_request(logged_in, alice):
    response = logged_in.get(reverse("accessibility") + "?marker=only-this-request")
    token = re.search(r'"X-CSRFToken": "(\w+)"', response.text)[1]
    kept = "".join(fragments.kept.values())

    assert len(fragments.kept), "base.html renders its fragments"
    # The page has them: the CSRF token (htmx header; logout, language and session forms), its own address,
    # the session's time left.
    assert response.text.count('name="csrfmiddlewaretoken"') == 4
    assert response.text.count(token) == 5
    assert response.text.count("only-this-request") == 3
    assert "data-session-expires-in=" in response.text
    # The kept pieces do not.
    assert "csrfmiddlewaretoken" not in kept
    assert token not in kept
    assert "only-this-request" not in kept
    assert "data-session-expires-in" not in kept
    assert alice.email not in kept


def test_a_visitor_and_a_tenant_get_their_own_layout(client, alice):
    anonymous = client.get(reverse("accessibility"))
    client.force_login(alice)
    signed_in = client.get(reverse("accessibility"))

    assert 'class="logout"' not in anonymous.text
    assert "session-timeout" not in anonymous.text
    assert anonymous.text.count('name="csrfmiddlewaretoken"') == 1  # the language switch
    assert signed_in.text.count('class="logout"') == 1
    assert f'<li><a href="{reverse("invoices:list")}"' in signed_in.text
    assert 'src="/static/js/session-timeout.js"' in signed_in.text
