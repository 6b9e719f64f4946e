"""The rounds of backend calls a page waits for, counted without a clock: calls held at a gate.

Every outgoing HTTP call is held at the gate until no other call has come for a
moment (QUIET); then the calls held are let go together, as one round. A call a
page makes only once another has answered cannot come while that one is held, so
it opens a round of its own; calls a page makes at once come together and are one
round, however long each then takes. The test asserts on the rounds and on how
many calls were held at once, never on how long anything took.
"""

import threading
import time
from urllib.parse import urlsplit

QUIET = 0.3  # seconds without a new call before the calls held are let go


class BackendRounds:
    def __init__(self):
        self.rounds: list[list[str]] = []  # each round's calls, as "METHOD /path"
        self._lock = threading.Condition()
        self._open: list[str] | None = None  # the round calls may still join
        self._last_joined = 0.0

    def reset(self) -> None:
        with self._lock:
            self.rounds = []

    @property
    def calls(self) -> list[str]:
        return [call for round_ in self.rounds for call in round_]

    @property
    def most_at_once(self) -> int:
        return max((len(round_) for round_ in self.rounds), default=0)

    def hold(self, method: str, url: str) -> None:
        """Wait at the gate with whichever calls come before it opens."""
        with self._lock:
            if self._open is None:
                self._open = []
                self.rounds.append(self._open)
                opener = True
            else:
                opener = False
            held = self._open
            held.append(f"{method} {urlsplit(url).path}")
            self._last_joined = time.monotonic()
            self._lock.notify_all()
            if opener:
                while (waited := time.monotonic() - self._last_joined) < QUIET:
                    self._lock.wait(QUIET - waited)
                self._open = None  # the next call opens the next round
                self._lock.notify_all()
            else:
                while self._open is held:
                    self._lock.wait()


def install(monkeypatch) -> BackendRounds:
    """Hold every call the requests library sends in this process (the portal's backend calls)."""
    from requests.adapters import HTTPAdapter

    gate = BackendRounds()
    real_send = HTTPAdapter.send

    def held_send(self, prepared, *args, **kwargs):
        gate.hold(prepared.method, prepared.url)
        return real_send(self, prepared, *args, **kwargs)

    monkeypatch.setattr(HTTPAdapter, "send", held_send)
    return gate
