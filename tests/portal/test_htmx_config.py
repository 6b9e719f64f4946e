"""How htmx is configured for every page (the htmx-config meta in base.html)."""

import json
import re

from django.urls import reverse

CONFIG = re.compile(r"<meta name=\"htmx-config\" content='([^']*)'>")


def test_swapped_in_content_answers_at_once(client, db):
    """htmx binds what it swaps in only when it settles, 20 ms later by default: a choice made
    in between (the staff's new work order walk, a fast hand or a busy phone) asked for nothing."""
    page = client.get(reverse("account_login")).text

    config = json.loads(CONFIG.search(page).group(1))

    assert config["defaultSettleDelay"] == 0
