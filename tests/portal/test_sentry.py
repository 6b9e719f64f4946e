"""Sentry: on only with SENTRY_DSN, and nothing personal in what it sends."""

from portal import request_id
from portal.sentry import init_sentry, scrub_event
from tests.portal.test_settings import _settings_value


def test_without_a_dsn_nothing_is_started():
    assert init_sentry("", environment="test") is False


def test_with_a_dsn_it_starts_without_personal_data(tmp_path):
    options = _settings_value(
        "__import__('sentry_sdk').get_client().options['send_default_pii'],"
        " __import__('sentry_sdk').get_client().is_active()",
        SENTRY_DSN="https://key@sentry.example/1",
        PORTAL_VAR_DIR=str(tmp_path),
    )

    assert options == "False True"


def test_it_sends_no_cookies_headers_user_or_secrets():
    event = {
        "event_id": "0123456789abcdef0123456789012345",
        "user": {"email": "alice@example.se"},
        "request": {
            "url": "https://minasidor.example/sandbox/pm5/session/s3cr3t/kund",
            "method": "GET",
            "cookies": {"sessionid": "abc"},
            "headers": {"Cookie": "sessionid=abc"},
            "query_string": "pnr=191212121212",
            "data": {"personnummer": "191212121212"},
        },
        "exception": {"values": [{"value": "no customer for 19121212-1212 at /session/s3cr3t/"}]},
        "breadcrumbs": {"values": [{"message": "GET /konto/confirm-email/MQ:key/"}]},
    }
    token = request_id._request_id.set("req-5")
    try:
        scrubbed = scrub_event(event)
    finally:
        request_id._request_id.reset(token)

    assert "user" not in scrubbed
    assert scrubbed["request"] == {
        "url": "https://minasidor.example/sandbox/pm5/session/[redacted]/kund",
        "method": "GET",
    }
    assert scrubbed["exception"]["values"][0]["value"] == "no customer for [redacted] at /session/[redacted]/"
    assert scrubbed["breadcrumbs"]["values"][0]["message"] == "GET /konto/confirm-email/[redacted]/"
    assert scrubbed["event_id"] == event["event_id"]
    assert scrubbed["tags"] == {"request_id": "req-5"}
