"""Every backend call carries the portal's request id, so the landlord's logs lead back to one page view."""

import pytest

from apps.backends.pm5 import get_client
from portal import request_id

pytestmark = pytest.mark.integration


@pytest.fixture
def sent_headers(monkeypatch) -> list[dict]:
    import requests

    sent: list[dict] = []
    real_send = requests.Session.send

    def recording_send(self, prepared, **kwargs):
        sent.append(dict(prepared.headers))
        return real_send(self, prepared, **kwargs)

    monkeypatch.setattr(requests.Session, "send", recording_send)
    return sent


def test_a_backend_call_carries_the_request_id_of_the_page_it_serves(live_sandbox, sent_headers):
    token = request_id._request_id.set("page-view-42")
    try:
        get_client().open_session(customer_number=live_sandbox.alice.number)
    finally:
        request_id._request_id.reset(token)

    assert sent_headers[-1]["X-Request-ID"] == "page-view-42"


def test_outside_a_request_or_task_no_id_is_made_up(live_sandbox, sent_headers):
    get_client().open_session(customer_number=live_sandbox.alice.number)

    assert "X-Request-ID" not in sent_headers[-1]
