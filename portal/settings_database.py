"""The database. Part of portal.settings (its docstring lists the parts)."""

import dj_database_url

from portal.env import env_int, env_str
from portal.settings_base import PRODUCTION, VAR_DIR

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
