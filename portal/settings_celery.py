"""Celery: the broker, how tasks run, the periodic tasks (beat).

Part of portal.settings (its docstring lists the parts).
"""

from portal.env import env_int, env_str
from portal.settings_base import SANDBOX_ENABLED, TESTING, VAR_DIR

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
# Celery keeps the portal's logging (settings_logging.py: to stdout, with request ids)
# instead of setting up its own.
CELERY_WORKER_HIJACK_ROOT_LOGGER = False
