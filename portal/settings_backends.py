"""The landlord's backends: what happens when one fails, each API's address, credentials and
timeouts, how long their data is reused, and the sandbox's side of the credentials.

Part of portal.settings (its docstring lists the parts).
"""

from django.core.exceptions import ImproperlyConfigured

from portal.env import env_bool, env_float, env_int, env_str
from portal.settings_base import PRODUCTION, SANDBOX_ENABLED

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
