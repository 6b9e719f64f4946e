"""Logs and error reports. Part of portal.settings (its docstring lists the parts); imported last."""

from portal.env import env_str
from portal.logging import json_lines_from_env, logging_config
from portal.sentry import init_sentry
from portal.settings_base import PORTAL_ENV

# Logs to stdout, one line per record with the request id (portal/request_id.py): JSON
# lines in production, readable lines elsewhere; secrets in paths blanked on every handler.
LOGGING = logging_config(json_lines=json_lines_from_env(), level=env_str("LOG_LEVEL", "INFO"))

# Error reports to Sentry when SENTRY_DSN is set, with personal data scrubbed; nothing otherwise.
init_sentry(env_str("SENTRY_DSN"), environment=env_str("SENTRY_ENVIRONMENT", PORTAL_ENV))
