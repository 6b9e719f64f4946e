"""Security headers and cookies: the Content-Security-Policy on every response, HTTPS settings in production."""

import re
from pathlib import Path

import pytest
from django.urls import reverse

from tests.portal.test_settings import _settings_value

ROOT = Path(__file__).resolve().parents[2]
TEMPLATES = sorted([*ROOT.glob("templates/**/*.html"), *ROOT.glob("apps/*/templates/**/*.html")])
# An inline <script> (one without src), a <style> element, a style="" attribute or an
# on*="" handler: each needs 'unsafe-inline' (or a hash) that our policy does not allow.
INLINE = re.compile(r"<script(?![^>]*\bsrc=)[^>]*>|<style\b|\sstyle=|\son[a-z]+=", re.IGNORECASE)


def policy_of(response) -> dict[str, str]:
    header = response.headers["Content-Security-Policy"]
    return dict(part.strip().split(" ", 1) for part in header.split(";"))


@pytest.mark.django_db
@pytest.mark.parametrize("path", [reverse("account_login"), reverse("accessibility"), "/no-such-page/"])
def test_every_page_carries_the_content_security_policy(client, path):
    policy = policy_of(client.get(path))

    assert policy["default-src"] == "'self'"
    assert policy["script-src"] == "'self'"  # no nonce sent while no page has an inline script
    assert policy["style-src"] == "'self'"
    assert policy["object-src"] == "'none'"
    assert policy["base-uri"] == "'none'"
    assert policy["frame-ancestors"] == "'none'"
    assert policy["form-action"] == "'self'"
    assert "unsafe" not in client.get(path).headers["Content-Security-Policy"]


def test_the_backend_answers_carry_it_too(client, db):
    response = client.get("/sandbox/pm5/no-such-endpoint")

    assert "Content-Security-Policy" in response.headers


@pytest.mark.parametrize("template", TEMPLATES, ids=lambda path: str(path.relative_to(ROOT)))
def test_no_template_has_an_inline_script_style_or_event_handler(template):
    assert not INLINE.findall(template.read_text(encoding="utf-8"))


def test_htmx_is_told_not_to_inject_styles_or_evaluate_code(client, db):
    page = client.get(reverse("account_login")).text

    assert '"includeIndicatorStyles": false' in page
    assert '"allowEval": false' in page
    assert ".htmx-indicator" in (ROOT / "static" / "css" / "portal.css").read_text(encoding="utf-8")


PRODUCTION_ENV = {
    "PORTAL_ENV": "production",
    "SECRET_KEY": "production-test-key-" + "x" * 60,
    "ALLOWED_HOSTS": "minasidor.example",
    "PM5_BASE_URL": "https://pm5.example/api",
    "PM5_CLIENT_ID": "portal",
    "PM5_CLIENT_SECRET": "secret",
    "FAST2_BASE_URL": "",
    "ERRANDS_BASE_URL": "",
    "ACCESSIBILITY_CONTACT_EMAIL": "tillganglighet@landlord.example",
    "EMAIL_HOST": "smtp.landlord.example",
}


def test_production_cookies_are_secure_http_only_and_host_prefixed(tmp_path):
    names = _settings_value(
        "(s.SESSION_COOKIE_NAME, s.CSRF_COOKIE_NAME, s.LANGUAGE_COOKIE_NAME, s.SESSION_COOKIE_SECURE,"
        " s.CSRF_COOKIE_SECURE, s.LANGUAGE_COOKIE_SECURE, s.SESSION_COOKIE_HTTPONLY, s.CSRF_COOKIE_HTTPONLY)",
        PORTAL_VAR_DIR=str(tmp_path),
        **PRODUCTION_ENV,
    )

    assert names == "('__Host-sessionid', '__Host-csrftoken', '__Host-language', True, True, True, True, True)"


def test_production_mail_goes_over_smtp_from_the_environment(tmp_path):
    mailers = _settings_value("s.MAILERS", PORTAL_VAR_DIR=str(tmp_path), **PRODUCTION_ENV)

    assert "'BACKEND': 'django.core.mail.backends.smtp.EmailBackend'" in mailers
    assert "'host': 'smtp.landlord.example'" in mailers


def test_the_demo_writes_mail_to_the_console(tmp_path):
    assert "console.EmailBackend" in _settings_value("s.MAILERS", PORTAL_VAR_DIR=str(tmp_path), PORTAL_ENV="demo")


def test_production_logs_json_lines_and_the_demo_readable_ones(tmp_path):
    production = _settings_value("s.LOGGING['handlers']['console']", PORTAL_VAR_DIR=str(tmp_path), **PRODUCTION_ENV)
    demo = _settings_value("s.LOGGING['handlers']['console']", PORTAL_VAR_DIR=str(tmp_path), PORTAL_ENV="demo")

    assert "'formatter': 'json'" in production and "'formatter': 'text'" in demo
    for handler in (production, demo):
        assert "'filters': ['request_id', 'redact_secrets']" in handler


def test_the_e_id_brokers_origin_may_receive_the_login_form_in_production(tmp_path):
    broker = {"EID_SERVER_URL": "https://broker.example/oidc", "EID_CLIENT_ID": "portal", "EID_CLIENT_SECRET": "s"}
    form_action = _settings_value(
        's.SECURE_CSP["form-action"]', PORTAL_VAR_DIR=str(tmp_path), **PRODUCTION_ENV, **broker
    )

    assert "https://broker.example" in form_action and "'self'" in form_action
