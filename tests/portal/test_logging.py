import logging

import pytest


@pytest.mark.parametrize("logger_name", ["django.request", "django.server"])
def test_session_keys_in_request_paths_never_reach_a_log_line(logger_name, caplog):
    caplog.set_level(logging.INFO)
    logging.getLogger(logger_name).warning("Unauthorized: %s", "/sandbox/pm5/session/s3cr3t-key/kund/dokument/1")
    assert "s3cr3t-key" not in caplog.text
    assert "/session/[redacted]/kund/dokument/1" in caplog.text
