"""E-mail. Part of portal.settings (its docstring lists the parts)."""

from django.core.exceptions import ImproperlyConfigured

from portal.env import env_bool, env_int, env_str
from portal.settings_base import PRODUCTION, VAR_DIR

# E-mail (Django 6.1 MAILERS): to the console in the demo, SMTP in production.
EMAIL_BACKEND_CLASS = env_str(
    "EMAIL_BACKEND",
    "django.core.mail.backends.smtp.EmailBackend" if PRODUCTION else "django.core.mail.backends.console.EmailBackend",
)
_mailer_options: dict[str, object] = {}
if EMAIL_BACKEND_CLASS.endswith("smtp.EmailBackend"):
    if PRODUCTION and not env_str("EMAIL_HOST"):
        raise ImproperlyConfigured("EMAIL_HOST must be set in production (the SMTP server for the portal's mail)")
    _use_ssl = env_bool("EMAIL_USE_SSL", default=False)  # implicit TLS, usually port 465
    _mailer_options = {
        "host": env_str("EMAIL_HOST", "localhost"),
        "port": env_int("EMAIL_PORT", 465 if _use_ssl else 587),
        "username": env_str("EMAIL_HOST_USER"),
        "password": env_str("EMAIL_HOST_PASSWORD"),
        "use_tls": env_bool("EMAIL_USE_TLS", default=not _use_ssl),
        "use_ssl": _use_ssl,
        "timeout": env_int("EMAIL_TIMEOUT", 10),
    }
elif EMAIL_BACKEND_CLASS.endswith("filebased.EmailBackend"):
    _mailer_options = {"file_path": env_str("EMAIL_FILE_PATH", str(VAR_DIR / "mail"))}
MAILERS = {"default": {"BACKEND": EMAIL_BACKEND_CLASS, "OPTIONS": _mailer_options}}
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "Mina sidor <noreply@minasidor.example>")
# The test profile keeps these: pytest-django swaps MAILERS for locmem; the production-path
# run's worker is outside the test environment and keeps its file backend.
