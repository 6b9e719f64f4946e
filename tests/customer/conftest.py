import re

import pytest
from django.test import Client


def without_tokens(html: str) -> str:
    """A page's HTML without its CSRF tokens, which are masked anew for every request."""
    return re.sub(r'"X-CSRFToken": "[^"]+"|name="csrfmiddlewaretoken" value="[^"]+"', "", html)


@pytest.fixture
def alices(alice, live_sandbox) -> Client:
    client = Client()
    client.force_login(alice)
    return client


@pytest.fixture
def bobs(bob) -> Client:
    client = Client()
    client.force_login(bob)
    return client
