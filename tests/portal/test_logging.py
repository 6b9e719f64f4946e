import logging

import pytest


@pytest.mark.parametrize("logger_name", ["django.request", "django.server"])
def test_session_keys_in_request_paths_never_reach_a_log_line(logger_name, caplog):
    caplog.set_level(logging.INFO)
    logging.getLogger(logger_name).warning("Unauthorized: %s", "/sandbox/pm5/session/s3cr3t-key/kund/dokument/1")
    assert "s3cr3t-key" not in caplog.text
    assert "/session/[redacted]/kund/dokument/1" in caplog.text


@pytest.mark.parametrize(
    ("path", "kept"),
    [
        ("/konto/confirm-email/MQ:1vPz:s3cr3t-key/", "/konto/confirm-email/[redacted]/"),
        ("/konto/password/reset/key/1-s3cr3t-key/", "/konto/password/reset/key/[redacted]/"),
        ("/kontaktuppgifter/bekrafta/s3cr3t-key/", "/kontaktuppgifter/bekrafta/[redacted]/"),
    ],
)
def test_one_time_links_in_request_lines_never_reach_a_log_line(path, kept, caplog):
    caplog.set_level(logging.INFO)
    logging.getLogger("django.server").info('"GET %s HTTP/1.1" 200 1234', path)
    assert "s3cr3t-key" not in caplog.text
    assert kept in caplog.text


def test_the_page_after_a_password_reset_is_logged_as_it_is(caplog):
    caplog.set_level(logging.INFO)
    logging.getLogger("django.server").info('"GET %s HTTP/1.1" 200 1234', "/konto/password/reset/key/done/")
    assert "/konto/password/reset/key/done/" in caplog.text
