"""The settings every other part reads: which portal this is (demo, test or production),
its folders, its secret key and host names, and whether the embedded sandbox runs.

Part of portal.settings (its docstring lists the parts); imported first.
"""

from pathlib import Path

from django.core.exceptions import ImproperlyConfigured

from portal.env import env_bool, env_list, env_str, portal_env

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(env_str("PORTAL_VAR_DIR", str(BASE_DIR / "var")))

# "demo" (the default), "test" (the pytest profile) or "production".
PORTAL_ENV = portal_env()
PRODUCTION = PORTAL_ENV == "production"
TESTING = PORTAL_ENV == "test"

DEBUG = env_bool("DEBUG", default=PORTAL_ENV == "demo")

SECRET_KEY = env_str("SECRET_KEY")
if not SECRET_KEY:
    if PRODUCTION:
        raise ImproperlyConfigured("SECRET_KEY (or SECRET_KEY_FILE) must be set in production")
    SECRET_KEY = "demo-only-insecure-key-never-use-in-production"

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", [] if PRODUCTION else ["127.0.0.1", "localhost", "testserver"])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])

# The embedded reference backend. Off in production, where the backend
# settings (settings_backends.py) point at the landlord's real systems.
SANDBOX_ENABLED = env_bool("SANDBOX_ENABLED", default=not PRODUCTION)
