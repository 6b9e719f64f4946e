"""Settings for Mina sidor, read from the environment.

With no environment at all the portal runs as the demo: SQLite, the embedded
sandbox backend, e-mail to the console, Celery tasks run in-process. Production
sets PORTAL_ENV=production and the switches listed in the README.
"""

from pathlib import Path
from urllib.parse import urlsplit

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

from portal.env import env_bool, env_float, env_int, env_list, env_str, portal_env
from portal.logging import json_lines_from_env, logging_config
from portal.sentry import init_sentry
from portal.settings_security import *  # noqa: F403  HTTPS, HSTS, cookies, Content-Security-Policy
from portal.storage import default_storage_from_env

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

# The embedded reference backend. Off in production, where the backend
# settings below point at the landlord's real systems.
SANDBOX_ENABLED = env_bool("SANDBOX_ENABLED", default=not PRODUCTION)
if SANDBOX_ENABLED:
    INSTALLED_APPS.append("apps.sandbox")

MIDDLEWARE = [
    # First: every line logged while serving the request carries its id.
    "portal.request_id.RequestIdMiddleware",
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

# Database: SQLite file by default, PostgreSQL (or any dj-database-url URL) in production.
if not env_str("DATABASE_URL"):
    VAR_DIR.mkdir(parents=True, exist_ok=True)  # the SQLite file's folder
DATABASES = {
    "default": dj_database_url.parse(
        env_str("DATABASE_URL", f"sqlite:///{VAR_DIR / 'db.sqlite3'}"),
        conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 60 if PRODUCTION else 0),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # The demo's web requests, the sandbox they call and the Celery worker all write to one
    # file at once. SQLite's default (DEFERRED) transaction starts as a reader and fails at
    # once with "database is locked", without waiting, when it then writes while another
    # connection writes: a reader cannot become a writer over a newer snapshot. IMMEDIATE
    # takes the write lock at BEGIN, so a transaction waits (up to `timeout` seconds) for
    # its turn instead; WAL lets readers go on while one connection writes, and
    # synchronous=NORMAL is the durability WAL is designed for (a power cut may lose the
    # last commits, never corrupt the file). tests/portal/test_sqlite_concurrency.py holds
    # the demo to it. Django >= 5.1 reads transaction_mode and init_command.
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {
            "timeout": 20,
            "transaction_mode": "IMMEDIATE",
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL",
        }
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Cache and sessions: local memory and the database by default, Redis in production.
REDIS_URL = env_str("REDIS_URL")
if REDIS_URL:
    # Sessions get a cache of their own, so clearing cached data never logs anybody out.
    # CACHE_KEY_PREFIX keeps portals (or test runs) that share one Redis apart.
    _prefix = env_str("CACHE_KEY_PREFIX")
    CACHES = {
        # Django's RedisCache with one client per process and server (portal/cache.py says why).
        "default": {
            "BACKEND": "portal.cache.SharedClientRedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": _prefix,
        },
        "sessions": {
            "BACKEND": "portal.cache.SharedClientRedisCache",
            "LOCATION": env_str("SESSION_REDIS_URL", REDIS_URL),
            "KEY_PREFIX": f"{_prefix}session",
        },
    }
    # Django's cache sessions, whose save of an unchanged session is one EXPIRE (portal/sessions.py).
    SESSION_ENGINE = "portal.sessions"
    SESSION_CACHE_ALIAS = "sessions"
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    SESSION_ENGINE = "django.contrib.sessions.backends.db"

SESSION_COOKIE_AGE = env_int("SESSION_COOKIE_AGE", 60 * 60 * 8)
# Every request moves the expiry, so a session ends SESSION_COOKIE_AGE after the last
# page or htmx request and the time left is known when a page is rendered: the
# session-timeout warning (WCAG 2.2.1) counts down from it without asking the server.
SESSION_SAVE_EVERY_REQUEST = True
# How long before the session ends a signed-in person is warned and offered more time.
SESSION_TIMEOUT_WARNING_SECONDS = env_int("SESSION_TIMEOUT_WARNING_SECONDS", 5 * 60)

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
# Django's and allauth's, each loading the account with its customer link in one query.
AUTHENTICATION_BACKENDS = [
    "apps.accounts.backends.ModelBackend",
    "apps.accounts.backends.AuthenticationBackend",
]

# allauth: log in by e-mail and password; the e-mail must be verified.
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
ACCOUNT_SESSION_REMEMBER = None
ACCOUNT_LOGIN_BY_CODE_ENABLED = False
ACCOUNT_ADAPTER = "apps.accounts.adapter.AccountAdapter"
ACCOUNT_USER_DISPLAY = "apps.accounts.adapter.user_display"
# Links in e-mails (verification, password reset) are https in production, even behind a proxy.
ACCOUNT_DEFAULT_HTTP_PROTOCOL = "https" if PRODUCTION else "http"
ACCOUNT_FORMS = {
    "signup": "apps.accounts.forms.LinkCustomerSignupForm",
    # allauth's own forms with our Swedish labels and hints, without placeholders.
    "login": "apps.accounts.forms.LoginForm",
    "reauthenticate": "apps.accounts.forms.ReauthenticateForm",
    "reset_password": "apps.accounts.forms.ResetPasswordForm",
    "reset_password_from_key": "apps.accounts.forms.ResetPasswordKeyForm",
    "change_password": "apps.accounts.forms.ChangePasswordForm",
    "add_email": "apps.accounts.forms.AddEmailForm",
}
# False switches allauth's rate limits off; a dict is merged into its defaults.
ACCOUNT_RATE_LIMITS = (
    False
    if PORTAL_ENV == "test"
    else {
        "login_failed": "10/m/ip,5/5m/key",
        "signup": "20/m/ip",
        "reset_password": "20/m/ip,5/m/key",
    }
)
# Linking an account to its customer (apps/accounts/linking.py): attempts per hour, counted in
# the shared cache, and the sender of the one-time code when it goes by SMS (apps/accounts/sms.py).
LINK_ATTEMPTS_PER_CUSTOMER_PER_HOUR = env_int("LINK_ATTEMPTS_PER_CUSTOMER_PER_HOUR", 5)
LINK_ATTEMPTS_PER_IP_PER_HOUR = env_int("LINK_ATTEMPTS_PER_IP_PER_HOUR", 20)
# Abuse limits per tenant (customer number) and hour, counted in the shared cache (portal.ratelimit):
# fault reports submitted, photos uploaded to the fault wizard, e-mail links for a new contact address.
FAULT_REPORTS_PER_TENANT_PER_HOUR = env_int("FAULT_REPORTS_PER_TENANT_PER_HOUR", 10)
FAULT_PHOTOS_PER_TENANT_PER_HOUR = env_int("FAULT_PHOTOS_PER_TENANT_PER_HOUR", 30)
CONTACT_EMAIL_CHANGES_PER_TENANT_PER_HOUR = env_int("CONTACT_EMAIL_CHANGES_PER_TENANT_PER_HOUR", 5)
# A shared errand's public page (apps/sharing): views per client IP and hour, found or not.
SHARED_ERRAND_VIEWS_PER_IP_PER_HOUR = env_int("SHARED_ERRAND_VIEWS_PER_IP_PER_HOUR", 60)
# Production has no default: the console sender would write codes to the log. Without a sender
# no code goes by SMS, only by e-mail.
SMS_SENDER = env_str("SMS_SENDER", "" if PRODUCTION else "apps.accounts.sms.ConsoleSmsSender")
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "customer:overview"
ACCOUNT_LOGOUT_REDIRECT_URL = "account_login"
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = env_str("MFA_TOTP_ISSUER", "Mina sidor")
MFA_FORMS = {
    "activate_totp": "apps.accounts.forms.ActivateTOTPForm",
    "authenticate": "apps.accounts.forms.AuthenticateForm",
    "reauthenticate": "apps.accounts.forms.MfaReauthenticateForm",
}

# e-ID login (BankID, Freja eID) through an OpenID Connect broker: apps/accounts/eid. Off when
# EID_SERVER_URL is empty; the demo uses the sandbox's provider at /sandbox/oidc/.
EID_SERVER_URL = env_str("EID_SERVER_URL", "http://127.0.0.1:8000/sandbox/oidc" if SANDBOX_ENABLED else "").rstrip("/")
EID_CLIENT_ID = env_str("EID_CLIENT_ID", "mina-sidor-demo" if SANDBOX_ENABLED else "")
EID_CLIENT_SECRET = env_str("EID_CLIENT_SECRET", "sandbox-oidc-secret" if SANDBOX_ENABLED else "")
# The claim that carries the verified personnummer; the default is the Swedish OIDC profile's.
EID_PERSONNUMMER_CLAIM = env_str("EID_PERSONNUMMER_CLAIM", "https://id.oidc.se/claim/personalIdentityNumber")
EID_SCOPES = env_list("EID_SCOPES", ["openid", "https://id.oidc.se/scope/naturalPersonNumber"])
if EID_SERVER_URL and not (EID_CLIENT_ID and EID_CLIENT_SECRET):
    raise ImproperlyConfigured("EID_SERVER_URL needs EID_CLIENT_ID and EID_CLIENT_SECRET")
if EID_SERVER_URL and PRODUCTION:
    # The e-ID button posts to us and is redirected to the broker: browsers apply the
    # policy's form-action to that redirect too, so the broker's origin must be allowed.
    # (The demo's broker is the sandbox, on the portal's own origin.)
    _broker = urlsplit(EID_SERVER_URL)
    SECURE_CSP["form-action"] = [*SECURE_CSP["form-action"], f"{_broker.scheme}://{_broker.netloc}"]  # noqa: F405


def eid_providers(server_url: str) -> dict:
    """allauth's OpenID Connect provider with the one app "eid", or none when server_url is empty."""
    app = {
        "provider_id": "eid",
        "name": "BankID / Freja eID",
        "client_id": EID_CLIENT_ID,
        "secret": EID_CLIENT_SECRET,
        # The ID token carries what we need; no userinfo call.
        "settings": {"server_url": server_url, "fetch_userinfo": False, "token_auth_method": "client_secret_basic"},
    }
    return {
        "openid_connect": {
            # Ours verifies every ID token's signature and keeps no personnummer (apps/accounts/eid/provider.py).
            "provider_class": "apps.accounts.eid.provider.EidProvider",
            "OAUTH_PKCE_ENABLED": True,
            "SCOPE": EID_SCOPES,
            "APPS": [app] if server_url else [],
        }
    }


SOCIALACCOUNT_PROVIDERS = eid_providers(EID_SERVER_URL)
SOCIALACCOUNT_ADAPTER = "apps.accounts.eid.adapter.EidAdapter"
# The e-ID proved the person; an account made by it has no e-mail to confirm yet.
SOCIALACCOUNT_EMAIL_VERIFICATION = "none"
SOCIALACCOUNT_STORE_TOKENS = False

LANGUAGE_CODE = "sv"
LANGUAGES = [("sv", _("Svenska")), ("nb", _("Norsk bokmål")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
# Our date, time and money formats per language (portal/formats/<lang>/formats.py),
# in front of Django's own; see portal/formatting.py.
FORMAT_MODULE_PATH = ["portal.formats"]
TIME_ZONE = "Europe/Stockholm"
USE_I18N = True
USE_TZ = True

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

# Celery: one code path (tasks are always sent with delay/apply_async), three ways to run it.
# - A broker (Redis or RabbitMQ) and workers: production.
# - CELERY_BROKER_URL=filesystem://: kombu's file transport in var/celery, no broker server.
#   `make demo` runs it, with one worker and beat next to runserver, so retries wait
#   their backoff and the periodic outbox sweep runs, as in production.
# - No broker: tasks run in-process (the test profile, a bare runserver; pretix does the
#   same). A retry cannot wait there, so a report left queued is delivered by the sweep.
CELERY_BROKER_URL = env_str("CELERY_BROKER_URL")
CELERY_TASK_ALWAYS_EAGER = not CELERY_BROKER_URL
CELERY_TASK_EAGER_PROPAGATES = TESTING
CELERY_RESULT_BACKEND = env_str("CELERY_RESULT_BACKEND") or None
# A task's message is acknowledged only when it has run, and handed to another worker when
# the one running it dies: every task is idempotent (the outbox's lease and idempotency key).
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
# Each worker process takes one message at a time: deliveries wait on the backend, and a
# prefetched message would wait behind them instead of going to an idle worker.
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
# The longest task is one delivery attempt: four backend calls, each at most the connect and
# read timeouts (under a minute), within the outbox's five-minute lease.
CELERY_TASK_SOFT_TIME_LIMIT = env_int("CELERY_TASK_SOFT_TIME_LIMIT", 120)
CELERY_TASK_TIME_LIMIT = env_int("CELERY_TASK_TIME_LIMIT", 180)
# Redis redelivers a message not acknowledged within the visibility timeout. A retry waits
# with its message held unacknowledged until its time (at most 30 minutes of backoff), so the
# timeout is above that plus the hard time limit, or a waiting retry would be sent twice.
_visibility_timeout = env_int("CELERY_BROKER_VISIBILITY_TIMEOUT", 60 * 60)
CELERY_BROKER_TRANSPORT_OPTIONS = {"visibility_timeout": _visibility_timeout}
# The queue every task goes to and every worker takes from: portals (or test runs) that share
# one broker keep apart by naming their own.
CELERY_TASK_DEFAULT_QUEUE = env_str("CELERY_QUEUE", "celery")
CELERY_TASK_SERIALIZER = "json"
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
_celery_dir = VAR_DIR / "celery"
if CELERY_BROKER_URL.startswith("filesystem://"):
    # Web processes write messages into queue/ and the worker reads them from there.
    # kombu's control folder defaults to "control" in the working directory: keep it in var too.
    for _folder in ("queue", "processed", "control"):
        (_celery_dir / _folder).mkdir(parents=True, exist_ok=True)
    CELERY_BROKER_TRANSPORT_OPTIONS |= {
        "control_folder": str(_celery_dir / "control"),
        "data_folder_in": str(_celery_dir / "queue"),
        "data_folder_out": str(_celery_dir / "queue"),
        "processed_folder": str(_celery_dir / "processed"),
        "store_processed": False,
    }
    # kombu's filesystem transport, writing each message whole: its own let a worker read one half-written.
    CELERY_BROKER_TRANSPORT = "portal.filesystem_transport:Transport"
CELERY_BEAT_SCHEDULE_FILENAME = str(_celery_dir / "beat-schedule")
CELERY_BEAT_SCHEDULE = {
    # The safety net of the fault-report outbox: whatever is due is sent again,
    # whatever became of its own retry (a worker restarted, a message lost).
    "faults-sweep-outbox": {"task": "faults.sweep_outbox", "schedule": 30.0},
    "faults-purge-expired-drafts": {"task": "faults.purge_expired_drafts", "schedule": 60 * 60.0},
    "faults-purge-delivered-reports": {"task": "faults.purge_delivered_reports", "schedule": 24 * 60 * 60.0},
    "contacts-purge-old-changes": {"task": "contacts.purge_old_changes", "schedule": 24 * 60 * 60.0},
    # The places that take bills in cash: a copy of Tillväxtverket's register, kept when it fails.
    # Checked often, copied when there is none or it is a day old (apps/cashpoints/services.py).
    "cashpoints-sync-register-when-due": {"task": "cashpoints.sync_register_when_due", "schedule": 10 * 60.0},
    # Kobo: tenants' notices due for registering or withdrawing, webhook messages not yet processed.
    "kobo-sweep": {"task": "kobo.sweep", "schedule": 30.0},
    "kobo-purge-old-notices": {"task": "kobo.purge_old_notices", "schedule": 24 * 60 * 60.0},
    "accounts-purge-expired-pending-links": {
        "task": "accounts.purge_expired_pending_links",
        "schedule": 24 * 60 * 60.0,
    },
    "accounts-purge-old-link-attempts": {"task": "accounts.purge_old_link_attempts", "schedule": 24 * 60 * 60.0},
}

if SANDBOX_ENABLED:
    # The Kobo sandbox's webhook messages: whatever is due is sent again (apps/sandbox/kobo/webhooks.py).
    CELERY_BEAT_SCHEDULE["sandbox-kobo-webhooks"] = {"task": "sandbox.kobo_deliver_webhooks", "schedule": 15.0}

# Every backend's circuit breaker (apps/backends/breaker.py), shared by all processes through
# the cache: after this many consecutive failures (no connection, timeout, 5xx) calls fail at
# once, and after the cool-down one call probes whether the backend is back.
BACKEND_BREAKER_FAILURES = env_int("BACKEND_BREAKER_FAILURES", 5)
BACKEND_BREAKER_COOLDOWN_SECONDS = env_float("BACKEND_BREAKER_COOLDOWN_SECONDS", 30.0)
if BACKEND_BREAKER_FAILURES < 1 or BACKEND_BREAKER_COOLDOWN_SECONDS <= 0:
    raise ImproperlyConfigured("BACKEND_BREAKER_FAILURES must be at least 1 and the cool-down positive")
# The outbox (apps/faults/services/delivery.py): the first retry of an undelivered fault report
# waits up to this long, each next one up to twice as long, at most FAULT_RETRY_MAX_SECONDS
# (each wait a random point in the upper half).
FAULT_RETRY_BASE_SECONDS = env_float("FAULT_RETRY_BASE_SECONDS", 15.0)
FAULT_RETRY_MAX_SECONDS = env_float("FAULT_RETRY_MAX_SECONDS", 30 * 60.0)
if not 0 < FAULT_RETRY_BASE_SECONDS <= FAULT_RETRY_MAX_SECONDS:
    raise ImproperlyConfigured("FAULT_RETRY_BASE_SECONDS must be positive and at most FAULT_RETRY_MAX_SECONDS")

# The landlord's PM5 "Mina sidor" API. By default: the sandbox served by this
# same process at /sandbox/pm5/, reached over HTTP like a real backend.
PM5_BASE_URL = env_str("PM5_BASE_URL", "http://127.0.0.1:8000/sandbox/pm5" if SANDBOX_ENABLED else "").rstrip("/")
PM5_CLIENT_ID = env_str("PM5_CLIENT_ID", "mina-sidor-demo" if SANDBOX_ENABLED else "")
PM5_CLIENT_SECRET = env_str("PM5_CLIENT_SECRET", "sandbox-secret" if SANDBOX_ENABLED else "")
PM5_CONNECT_TIMEOUT = env_float("PM5_CONNECT_TIMEOUT", 3.05)
PM5_READ_TIMEOUT = env_float("PM5_READ_TIMEOUT", 10.0)
if PRODUCTION and not (PM5_BASE_URL and PM5_CLIENT_ID and PM5_CLIENT_SECRET):
    raise ImproperlyConfigured("PM5_BASE_URL, PM5_CLIENT_ID and PM5_CLIENT_SECRET must be set in production")

# The landlord's FAST2 API arbetsorder (staff work-order handling): the gateway's client
# credentials (OAuth2 client_credentials at {FAST2_BASE_URL}/oauth2/token) and the FAST2
# resource the portal logs in as. By default: the sandbox at /sandbox/fast2/.
FAST2_BASE_URL = env_str("FAST2_BASE_URL", "http://127.0.0.1:8000/sandbox/fast2" if SANDBOX_ENABLED else "").rstrip("/")
FAST2_CLIENT_ID = env_str("FAST2_CLIENT_ID", "mina-sidor-demo" if SANDBOX_ENABLED else "")
FAST2_CLIENT_SECRET = env_str("FAST2_CLIENT_SECRET", "sandbox-secret" if SANDBOX_ENABLED else "")
FAST2_USERNAME = env_str("FAST2_USERNAME", "handlaggare" if SANDBOX_ENABLED else "")
FAST2_PASSWORD = env_str("FAST2_PASSWORD", "sandbox-fast2" if SANDBOX_ENABLED else "")
FAST2_CONNECT_TIMEOUT = env_float("FAST2_CONNECT_TIMEOUT", 3.05)
FAST2_READ_TIMEOUT = env_float("FAST2_READ_TIMEOUT", 10.0)
# Optional in production (without it the staff pages say FAST2 cannot be reached), but never half set.
if PRODUCTION and FAST2_BASE_URL and not (FAST2_CLIENT_ID and FAST2_CLIENT_SECRET and FAST2_USERNAME):
    raise ImproperlyConfigured(
        "FAST2_CLIENT_ID, FAST2_CLIENT_SECRET and FAST2_USERNAME must be set with FAST2_BASE_URL"
    )

# Momentum Errands Rows v2 (an errand's rows, participants and accounting on the staff pages):
# a technical PM user with the role Extern Leverantör, whose token is sent as a Bearer token.
# By default: the sandbox at /sandbox/errands/. Optional; without it the staff page says so.
ERRANDS_BASE_URL = env_str(
    "ERRANDS_BASE_URL", "http://127.0.0.1:8000/sandbox/errands" if SANDBOX_ENABLED else ""
).rstrip("/")
ERRANDS_TOKEN = env_str("ERRANDS_TOKEN", "sandbox-errands-token" if SANDBOX_ENABLED else "")
ERRANDS_CONNECT_TIMEOUT = env_float("ERRANDS_CONNECT_TIMEOUT", 3.05)
ERRANDS_READ_TIMEOUT = env_float("ERRANDS_READ_TIMEOUT", 10.0)
if PRODUCTION and ERRANDS_BASE_URL and not ERRANDS_TOKEN:
    raise ImproperlyConfigured("ERRANDS_TOKEN must be set with ERRANDS_BASE_URL")

# Tillväxtverket's register of cash services (seed 003): where a tenant can pay a bill in cash.
# A password grant at {CASHSERVICES_BASE_URL}/Token. By default: the sandbox at /sandbox/cashservices/.
# Optional; without it the "Betala kontant" page says the register cannot be reached.
CASHSERVICES_BASE_URL = env_str(
    "CASHSERVICES_BASE_URL", "http://127.0.0.1:8000/sandbox/cashservices" if SANDBOX_ENABLED else ""
).rstrip("/")
CASHSERVICES_USERNAME = env_str("CASHSERVICES_USERNAME", "mina-sidor" if SANDBOX_ENABLED else "")
CASHSERVICES_PASSWORD = env_str("CASHSERVICES_PASSWORD", "sandbox-kontant" if SANDBOX_ENABLED else "")
CASHSERVICES_CONNECT_TIMEOUT = env_float("CASHSERVICES_CONNECT_TIMEOUT", 3.05)
CASHSERVICES_READ_TIMEOUT = env_float("CASHSERVICES_READ_TIMEOUT", 30.0)
# How long a token is reused when the register does not say (the seed documents no lifetime).
CASHSERVICES_TOKEN_CACHE_SECONDS = env_int("CASHSERVICES_TOKEN_CACHE_SECONDS", 15 * 60)
if PRODUCTION and CASHSERVICES_BASE_URL and not (CASHSERVICES_USERNAME and CASHSERVICES_PASSWORD):
    raise ImproperlyConfigured("CASHSERVICES_USERNAME and CASHSERVICES_PASSWORD must be set with CASHSERVICES_BASE_URL")

# Kobo Bolig (seed 004): Norwegian municipal housing; the tenant's notice of termination and the
# staff's Kobo page. A bearer token from KOBO_TOKEN_URL (client credentials: the sandbox's stand-in
# for Maskinporten) and the FDVU system's id on every call. By default: the sandbox at /sandbox/kobo/.
# Optional; without it the notice page is not offered and the staff page says Kobo cannot be reached.
KOBO_BASE_URL = env_str("KOBO_BASE_URL", "http://127.0.0.1:8000/sandbox/kobo" if SANDBOX_ENABLED else "").rstrip("/")
KOBO_TOKEN_URL = env_str("KOBO_TOKEN_URL", f"{KOBO_BASE_URL}/token" if SANDBOX_ENABLED else "")
KOBO_CLIENT_ID = env_str("KOBO_CLIENT_ID", "mina-sidor-kobo" if SANDBOX_ENABLED else "")
KOBO_CLIENT_SECRET = env_str("KOBO_CLIENT_SECRET", "sandbox-kobo" if SANDBOX_ENABLED else "")
KOBO_SYSTEM_ID = env_str("KOBO_SYSTEM_ID", "tallbacken-fdvu" if SANDBOX_ENABLED else "")
KOBO_CONNECT_TIMEOUT = env_float("KOBO_CONNECT_TIMEOUT", 3.05)
KOBO_READ_TIMEOUT = env_float("KOBO_READ_TIMEOUT", 10.0)
# The secret Kobo sends with each webhook message (registered by `manage.py kobo_register_webhook`),
# and the address of the portal's webhook endpoint given to the sandbox with it.
KOBO_WEBHOOK_API_KEY = env_str("KOBO_WEBHOOK_API_KEY", "sandbox-kobo-webhook-key-0001" if SANDBOX_ENABLED else "")
KOBO_WEBHOOK_URL = env_str("KOBO_WEBHOOK_URL", "http://127.0.0.1:8000/kobo/webhook/" if SANDBOX_ENABLED else "")
if PRODUCTION and KOBO_BASE_URL and not (KOBO_TOKEN_URL and KOBO_CLIENT_ID and KOBO_CLIENT_SECRET and KOBO_SYSTEM_ID):
    raise ImproperlyConfigured(
        "KOBO_TOKEN_URL, KOBO_CLIENT_ID, KOBO_CLIENT_SECRET and KOBO_SYSTEM_ID must be set with KOBO_BASE_URL"
    )
if PRODUCTION and KOBO_BASE_URL and len(KOBO_WEBHOOK_API_KEY) < 32:
    raise ImproperlyConfigured("KOBO_WEBHOOK_API_KEY must be set, at least 32 characters, with KOBO_BASE_URL")

# The landlord as payee: shown with the payment details and put in the invoice QR code
# (UsingQR nme, cid); PM5 does not send them.
LANDLORD_NAME = env_str("LANDLORD_NAME", "Bostads AB Tallbacken" if SANDBOX_ENABLED else "")
LANDLORD_ORGANISATION_NUMBER = env_str("LANDLORD_ORGANISATION_NUMBER", "556677-8899" if SANDBOX_ENABLED else "")
# Where the accessibility statement (/tillganglighet/) asks people to report a problem.
ACCESSIBILITY_CONTACT_EMAIL = env_str(
    "ACCESSIBILITY_CONTACT_EMAIL", "tillganglighet@tallbacken.example" if SANDBOX_ENABLED else ""
)
if PRODUCTION and not ACCESSIBILITY_CONTACT_EMAIL:
    # The law on accessible public digital services asks for a way to report a problem.
    raise ImproperlyConfigured("ACCESSIBILITY_CONTACT_EMAIL must be set in production")

# How many backend reads a staff page makes at once: the work order's events, statuses, SLA,
# contacts, tider and Errands v2 rows, and when they are not cached the händelse types, the
# aktiviteter and an open one's utrymmen, enheter and fraser (eleven); the queue's counts.
# The same threads (apps/backends/parallel.py) carry a tenant page's call beside its session data.
STAFF_PARALLEL_READS = env_int("STAFF_PARALLEL_READS", 11)

# Whether /readyz answers 503 when a backend cannot be reached (portal/health.py says why not by default).
READYZ_REQUIRE_BACKENDS = env_bool("READYZ_REQUIRE_BACKENDS", default=False)

# How long a tenant's backend session data is reused before it is read again.
CUSTOMER_SESSION_CACHE_SECONDS = env_int("CUSTOMER_SESSION_CACHE_SECONDS", 120)
# How long the fault wizard's copies (the tenant's reportable objects, the node trees walked)
# are kept for reporting while PM5 is down; a node tree is not used once older than this.
FAULT_OUTAGE_COPY_SECONDS = env_int("FAULT_OUTAGE_COPY_SECONDS", 30 * 24 * 60 * 60)

# The client credentials the sandbox accepts (its side of PM5_CLIENT_ID/SECRET).
SANDBOX_CLIENT_ID = env_str("SANDBOX_CLIENT_ID", "mina-sidor-demo")
SANDBOX_CLIENT_SECRET = env_str("SANDBOX_CLIENT_SECRET", "sandbox-secret")
SANDBOX_SESSION_TTL_SECONDS = env_int("SANDBOX_SESSION_TTL_SECONDS", 30 * 60)
# The token of the sandbox's Errands v2 user (its side of ERRANDS_TOKEN).
SANDBOX_ERRANDS_TOKEN = env_str("SANDBOX_ERRANDS_TOKEN", "sandbox-errands-token")
# The one client the sandbox's OIDC provider knows (its side of EID_CLIENT_ID/SECRET).
SANDBOX_OIDC_CLIENT_ID = env_str("SANDBOX_OIDC_CLIENT_ID", "mina-sidor-demo")
SANDBOX_OIDC_CLIENT_SECRET = env_str("SANDBOX_OIDC_CLIENT_SECRET", "sandbox-oidc-secret")

# Logs to stdout, one line per record with the request id (portal/request_id.py): JSON
# lines in production, readable lines elsewhere; secrets in paths blanked on every handler.
LOGGING = logging_config(json_lines=json_lines_from_env(), level=env_str("LOG_LEVEL", "INFO"))
# Celery keeps the logging above (to stdout, with request ids) instead of setting up its own.
CELERY_WORKER_HIJACK_ROOT_LOGGER = False

# Error reports to Sentry when SENTRY_DSN is set, with personal data scrubbed; nothing otherwise.
init_sentry(env_str("SENTRY_DSN"), environment=env_str("SENTRY_ENVIRONMENT", PORTAL_ENV))

if TESTING:
    PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    # pytest-django swaps MAILERS for locmem; the production-path run's worker
    # is outside the test environment and keeps its file backend.
