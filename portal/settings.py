"""Settings for Mina sidor, read from the environment.

With no environment at all the portal runs as the demo: SQLite, the embedded
sandbox backend, e-mail to the console, Celery tasks run in-process. Production
sets PORTAL_ENV=production and the switches listed in the README.

This is the one settings module (DJANGO_SETTINGS_MODULE=portal.settings everywhere;
portal.settings_test is the pytest profile on top of it). It holds Django's own wiring
(apps, middleware, templates, languages) and takes everything else from one file per
concern beside it, star-imported below in the order their checks run:

    portal/settings_base.py      PORTAL_ENV, PRODUCTION, TESTING, DEBUG, the folders (BASE_DIR,
                                 VAR_DIR), SECRET_KEY, ALLOWED_HOSTS, SANDBOX_ENABLED
    portal/settings_security.py  https, HSTS, cookie names and flags, the Content-Security-Policy
    portal/settings_database.py  DATABASES (SQLite's options for concurrent use)
    portal/settings_cache.py     CACHES (Redis or local memory), SESSION_* (engine, age, timeout warning)
    portal/settings_auth.py      passwords, allauth ACCOUNT_*, MFA_*, linking (LINK_ATTEMPTS_*, SMS_SENDER),
                                 e-ID (EID_*, SOCIALACCOUNT_*, eid_providers)
    portal/settings_files.py     STATIC_*, STORAGES (file system or S3), MEDIA_ROOT
    portal/settings_mail.py      MAILERS (console, SMTP or files), DEFAULT_FROM_EMAIL
    portal/settings_celery.py    CELERY_* (broker, acks, time limits, the beat schedule)
    portal/settings_backends.py  BACKEND_BREAKER_*, FAULT_RETRY_*, PM5_*, FAST2_*, ERRANDS_*,
                                 CASHSERVICES_*, KOBO_*, STAFF_PARALLEL_READS, READYZ_REQUIRE_BACKENDS,
                                 how long backend data is reused, the sandbox's side (SANDBOX_*)
    portal/settings_features.py  abuse limits per tenant, LANDLORD_*, ACCESSIBILITY_CONTACT_EMAIL
    portal/settings_logging.py   LOGGING, Sentry

Files beside this one rather than a portal/settings/ package: the module every entry point
names stays this file, and `ls portal/settings*` lists all of them. A part takes what it
needs from settings_base (never from here), so each can be read on its own; a setting that
depends on another part's imports it from there by name.
"""

from django.utils.translation import gettext_lazy as _

# isort: off
# In this order: the parts' checks (ImproperlyConfigured) run in it, so the first mistake
# in an environment is the one reported, as when this was one module.
from portal.settings_base import *  # noqa: F403
from portal.settings_base import BASE_DIR, SANDBOX_ENABLED
from portal.settings_security import *  # noqa: F403
from portal.settings_database import *  # noqa: F403
from portal.settings_cache import *  # noqa: F403
from portal.settings_auth import *  # noqa: F403
from portal.settings_auth import eid_providers  # noqa: F401  portal.settings_test and the e-ID tests take it from here
from portal.settings_files import *  # noqa: F403
from portal.settings_mail import *  # noqa: F403
from portal.settings_celery import *  # noqa: F403
from portal.settings_backends import *  # noqa: F403
from portal.settings_features import *  # noqa: F403
from portal.settings_logging import *  # noqa: F403
# isort: on

INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django_htmx",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "allauth.socialaccount",
    "allauth.socialaccount.providers.openid_connect",
    "apps.accounts",
    "apps.backends",
    "apps.customer",
    "apps.invoices",
    "apps.documents",
    "apps.faults",
    "apps.addresses",
    "apps.contacts",
    "apps.staff",
    "apps.privacy",
    "apps.cashpoints",
    "apps.home",
    "apps.inbox",
    "apps.sharing",
    "apps.kobo",
]

# The embedded reference backend (SANDBOX_ENABLED: settings_base.py).
if SANDBOX_ENABLED:
    INSTALLED_APPS.append("apps.sandbox")

MIDDLEWARE = [
    # First: every line logged while serving the request carries its id.
    "portal.request_id.RequestIdMiddleware",
    # Each account's stamp read at most once a request (portal/account_state.py).
    "portal.account_state.StampsPerRequest",
    "django.middleware.security.SecurityMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    # /healthz and /readyz, answered before host checks, sessions and language (portal/health.py).
    "portal.health.HealthCheckMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "portal.middleware.ActivitySessionMiddleware",
    "portal.middleware.SwedishFirstLocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    # Guards the whole staff tree (/personal/): staff accounts with TOTP only.
    "apps.staff.middleware.StaffMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
]

ROOT_URLCONF = "portal.urls"
WSGI_APPLICATION = "portal.wsgi.application"
ASGI_APPLICATION = "portal.asgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                "django.template.context_processors.csp",
                "apps.accounts.context_processors.session_timeout",
            ],
            "builtins": ["portal.formatting", "portal.fragments"],
        },
    },
]

LANGUAGE_CODE = "sv"
LANGUAGES = [("sv", _("Svenska")), ("nb", _("Norsk bokmål")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
# Our date, time and money formats per language (portal/formats/<lang>/formats.py),
# in front of Django's own; see portal/formatting.py.
FORMAT_MODULE_PATH = ["portal.formats"]
TIME_ZONE = "Europe/Stockholm"
USE_I18N = True
USE_TZ = True
