"""A login to the overview waits for two backend rounds beyond the password hash (#18).

The PM5 session is opened at login (its key is needed before anything can be read),
and the overview reads the session data with it: two calls, one after the other,
and nothing else. Counted at a gate that holds calls (tests/backend_rounds.py),
never timed.
"""

import pytest
from django.urls import reverse

from tests.backend_rounds import install

pytestmark = pytest.mark.integration


def test_a_login_to_the_overview_is_two_calls_in_two_rounds(client, alice, live_sandbox, monkeypatch):
    rounds = install(monkeypatch)

    answer = client.post(reverse("account_login"), {"login": "alice@example.se", "password": "Alice-password-1"})
    overview = client.get(answer["Location"])

    assert answer.status_code == 302 and overview.status_code == 200
    opened, read = rounds.rounds
    assert opened == ["POST /sandbox/pm5/session"]
    assert len(read) == 1 and read[0].startswith("GET /sandbox/pm5/session/"), read


def test_a_login_whose_session_data_is_cached_is_one_round(client, alice, live_sandbox, monkeypatch):
    client.force_login(alice)
    client.get(reverse("customer:overview"))  # the session data, cached for every login of this tenant
    client.logout()
    rounds = install(monkeypatch)

    answer = client.post(reverse("account_login"), {"login": "alice@example.se", "password": "Alice-password-1"})
    client.get(answer["Location"])

    assert rounds.rounds == [["POST /sandbox/pm5/session"]]
