"""Static files and uploaded files (storage). Part of portal.settings (its docstring lists the parts)."""

from pathlib import Path

from portal.env import env_str
from portal.settings_base import BASE_DIR, PRODUCTION, VAR_DIR
from portal.storage import default_storage_from_env

STATIC_URL = "/static/"
# Production serves collected, hashed files; the demo and the tests serve them
# straight from static/ through the finders.
STATIC_ROOT = Path(env_str("STATIC_ROOT", str(VAR_DIR / "staticfiles"))) if PRODUCTION else None
WHITENOISE_USE_FINDERS = not PRODUCTION
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": default_storage_from_env(),  # the file system, or S3 with STORAGE_BACKEND=s3 (portal/storage.py)
    "staticfiles": {
        "BACKEND": (
            "whitenoise.storage.CompressedManifestStaticFilesStorage"
            if PRODUCTION
            else "django.contrib.staticfiles.storage.StaticFilesStorage"
        )
    },
}
MEDIA_ROOT = VAR_DIR / "media"
