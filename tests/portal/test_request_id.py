"""The request id: from the proxy or new, answered in a header, on every log line, carried to tasks."""

import json
import logging
from types import SimpleNamespace

import pytest
from django.urls import reverse

from portal import request_id
from portal.logging import TEXT_FORMAT, JsonLinesFormatter, RedactSecretsInPaths
from portal.request_id import RequestIdFilter

pytestmark = pytest.mark.django_db


class Captured(logging.Handler):
    """The records one logger writes, stamped like the portal's own handler stamps them."""

    def __init__(self):
        super().__init__()
        self.records: list[logging.LogRecord] = []
        self.addFilter(RequestIdFilter())
        self.addFilter(RedactSecretsInPaths())

    def emit(self, record):
        self.records.append(record)


@pytest.fixture
def access_lines():
    handler = Captured()
    logger = logging.getLogger("portal.access")
    logger.addHandler(handler)
    logger.setLevel(logging.DEBUG)
    yield handler.records
    logger.removeHandler(handler)
    logger.setLevel(logging.NOTSET)


def test_it_answers_with_the_request_id_the_proxy_sent(client):
    response = client.get(reverse("account_login"), HTTP_X_REQUEST_ID="lb-1234.abc")

    assert response["X-Request-ID"] == "lb-1234.abc"


@pytest.mark.parametrize("sent", ["", "two words", "x" * 129, "forged\nline"])
def test_it_makes_a_new_id_when_none_or_a_strange_one_is_sent(client, sent):
    response = client.get(reverse("account_login"), HTTP_X_REQUEST_ID=sent)

    assert response["X-Request-ID"] != sent
    assert len(response["X-Request-ID"]) == 32


def test_each_request_is_logged_once_with_its_id_and_without_its_query(client, access_lines):
    client.get(reverse("account_login") + "?next=/fakturor/", HTTP_X_REQUEST_ID="req-1")

    [line] = access_lines
    assert line.levelno == logging.INFO
    assert line.getMessage().startswith("GET /konto/login/ 200 ")
    assert line.request_id == "req-1"


def test_probes_are_logged_only_at_debug(client, access_lines):
    client.get("/healthz")

    assert [line.levelno for line in access_lines] == [logging.DEBUG]


def test_the_id_is_gone_after_the_request(client):
    client.get(reverse("account_login"))

    assert request_id.current() is None


def _record(message: str, *args, exc_info=None) -> logging.LogRecord:
    record = logging.LogRecord("apps.faults", logging.WARNING, __file__, 1, message, args, exc_info)
    RequestIdFilter().filter(record)
    RedactSecretsInPaths().filter(record)
    return record


def test_production_lines_are_json_with_the_request_id_and_no_secrets():
    token = request_id._request_id.set("req-9")
    try:
        try:
            raise ConnectionError("GET https://pm5.example/session/s3cr3t/kund failed")
        except ConnectionError as exc:
            record = _record("PM5 %s answered 500", "/session/s3cr3t/kund", exc_info=(type(exc), exc, None))
    finally:
        request_id._request_id.reset(token)

    line = JsonLinesFormatter().format(record)

    assert "\n" not in line
    parsed = json.loads(line)
    assert parsed["level"] == "WARNING"
    assert parsed["logger"] == "apps.faults"
    assert parsed["request_id"] == "req-9"
    assert parsed["message"] == "PM5 /session/[redacted]/kund answered 500"
    assert "s3cr3t" not in line
    assert "ConnectionError" in parsed["exception"]


def test_demo_lines_are_readable_with_the_request_id():
    line = logging.Formatter(TEXT_FORMAT).format(_record("hello"))

    assert line.endswith("WARNING apps.faults [-] hello")


def test_a_task_sent_during_a_request_carries_its_id():
    headers: dict = {}
    token = request_id._request_id.set("req-7")
    try:
        request_id._send_request_id_with_the_task(headers=headers)
    finally:
        request_id._request_id.reset(token)

    assert headers == {"request_id": "req-7"}


def test_a_worker_serves_a_task_under_the_id_it_came_with_and_forgets_it_after():
    task = SimpleNamespace(request=SimpleNamespace(is_eager=False, request_id="req-7"))

    request_id._take_request_id_from_the_task(task_id="t1", task=task)
    assert request_id.current() == "req-7"
    request_id._forget_request_id_after_the_task(task_id="t1")
    assert request_id.current() is None


def test_a_task_without_an_id_gets_its_own():
    task = SimpleNamespace(request=SimpleNamespace(is_eager=False))

    request_id._take_request_id_from_the_task(task_id="t2", task=task)
    assert len(request_id.current()) == 32
    request_id._forget_request_id_after_the_task(task_id="t2")
