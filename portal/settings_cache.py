"""The cache and the sessions kept in it. Part of portal.settings (its docstring lists the parts)."""

from portal.env import env_int, env_str

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

# Whether the web processes and the Celery worker all see one cache. What a page remembers of an
# account's rows (portal/account_state.py) is forgotten through it when another process changes
# them, so it is remembered only then: not with each process's local memory (the demo's worker is a
# process of its own).
CACHE_SHARED_BY_ALL_PROCESSES = bool(REDIS_URL)

SESSION_COOKIE_AGE = env_int("SESSION_COOKIE_AGE", 60 * 60 * 8)
# Every request moves the expiry, so a session ends SESSION_COOKIE_AGE after the last
# page or htmx request and the time left is known when a page is rendered: the
# session-timeout warning (WCAG 2.2.1) counts down from it without asking the server.
SESSION_SAVE_EVERY_REQUEST = True
# How long before the session ends a signed-in person is warned and offered more time.
SESSION_TIMEOUT_WARNING_SECONDS = env_int("SESSION_TIMEOUT_WARNING_SECONDS", 5 * 60)
