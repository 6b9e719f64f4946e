"""The session store in Redis: Django's cache sessions, with a cheaper save of an unchanged session.

Sessions are saved on every request (SESSION_SAVE_EVERY_REQUEST moves their expiry, see
settings_cache.py), and Django's cache store saves by reading the session back first (to fail
with UpdateError when it was deleted meanwhile, say by a logout in another tab) and then
writing it whole: two round trips to Redis and a decode, for a session that mostly has not
changed. An unchanged session only needs its expiry moved: one EXPIRE, which also fails
when the key is gone, so the logout in another tab still wins. It also leaves alone what a
concurrent request of the same browser wrote meanwhile, which writing back a stale copy
would undo. A changed session is saved as Django does.

A session signed in before the login backends moved to apps.accounts.backends names the old
backend's path; it is read as naming the new one (apps.accounts.backends.MOVED), so the move
logs nobody out. Its stored copy keeps the old path until the session changes.
"""

from django.contrib.auth import BACKEND_SESSION_KEY
from django.contrib.sessions.backends.base import UpdateError
from django.contrib.sessions.backends.cache import SessionStore as CacheSessionStore

from apps.accounts.backends import MOVED


class SessionStore(CacheSessionStore):
    def load(self) -> dict:
        data = super().load()
        moved = MOVED.get(data.get(BACKEND_SESSION_KEY))
        if moved is not None:
            data[BACKEND_SESSION_KEY] = moved
        return data

    def save(self, must_create: bool = False) -> None:
        if must_create or self.session_key is None or self.modified:
            return super().save(must_create=must_create)
        if not self._cache.touch(self.cache_key, self.get_expiry_age()):
            raise UpdateError
        return None
