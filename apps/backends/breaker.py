"""A circuit breaker per backend, its state in the shared cache so every web process agrees.

closed → open after ``BACKEND_BREAKER_FAILURES`` consecutive failures (a transport
error, a timeout, a 5xx; a 4xx is an answer, so it counts as success) → after
``BACKEND_BREAKER_COOLDOWN_SECONDS`` one caller, in one process, probes the
backend (half-open) while every other still fails at once → closed when the
probe succeeds, open again for another cool-down when it fails.

A closed breaker costs one cache read per call (``get_many`` of its two keys)
and no write while calls succeed.
"""

import logging
import time
from dataclasses import dataclass
from typing import Literal

from django.conf import settings
from django.core.cache import cache

from apps.backends.errors import CircuitOpen

logger = logging.getLogger(__name__)

State = Literal["closed", "open", "half-open"]
KEY = "backend-breaker:{name}:{part}"
# Every backend's breaker by name, filled as the clients are imported (BackendsConfig.ready).
BREAKERS: dict[str, "Breaker"] = {}


@dataclass(frozen=True)
class Passage:
    """What the breaker knew when it let a call through, so that reporting back costs no read."""

    probe: bool = False
    after_failures: bool = False


class Breaker:
    def __init__(self, name: str, label: str):
        self.name = name
        self.label = label  # "PM5", in log lines and error text
        self._opened = KEY.format(name=name, part="opened")  # when it opened, epoch seconds
        self._failures = KEY.format(name=name, part="failures")
        self._probe = KEY.format(name=name, part="probe")  # held by the one half-open probe
        BREAKERS[name] = self

    def before_call(self) -> Passage:
        """Let the call through, or raise CircuitOpen (a BackendUnavailable) at once while the circuit is open."""
        found = cache.get_many([self._opened, self._failures])
        opened = found.get(self._opened)
        if opened is None:
            return Passage(after_failures=bool(found.get(self._failures)))
        if (now := _now()) < opened + _cooldown():
            raise CircuitOpen(f"{self.label}: circuit open", retry_after=opened + _cooldown() - now)
        # The probe's key outlives a probe that never reports back (a killed process), so one comes later.
        if not cache.add(self._probe, 1, timeout=_cooldown() + 60):
            raise CircuitOpen(f"{self.label}: circuit open, probing", retry_after=0)
        logger.info("%s circuit half-open: one probe after %.0f s", self.label, _cooldown())
        return Passage(probe=True)

    def succeeded(self, passage: Passage) -> None:
        if passage.probe:
            cache.delete_many([self._opened, self._failures, self._probe])
            logger.info("%s circuit closed: the probe succeeded", self.label)
        elif passage.after_failures:
            cache.delete(self._failures)

    def failed(self, passage: Passage) -> None:
        if passage.probe:
            cache.set(self._opened, _now(), timeout=None)
            cache.delete(self._probe)
            logger.warning("%s circuit open again: the probe failed", self.label)
            return
        cache.add(self._failures, 0, timeout=None)
        try:
            failures = cache.incr(self._failures)
        except ValueError:  # evicted between add and incr
            failures = 1
        threshold = settings.BACKEND_BREAKER_FAILURES
        # add, not set: of several processes failing at once, one opens the breaker and logs it.
        if failures >= threshold and cache.add(self._opened, _now(), timeout=None):
            logger.warning(
                "%s circuit open after %d consecutive failures: calls fail at once for %.0f s",
                self.label,
                failures,
                _cooldown(),
            )

    def state(self) -> State:
        opened = cache.get(self._opened)
        if opened is None:
            return "closed"
        if _now() < opened + _cooldown():
            return "open"
        return "half-open"


def backend_states() -> dict[str, State]:
    """Each backend's breaker state by name ({"pm5": "closed", ...}), for readiness checks and operators."""
    return {name: breaker.state() for name, breaker in sorted(BREAKERS.items())}


def _now() -> float:
    # Wall-clock seconds, comparable between processes (monotonic time is not); tests replace it.
    return time.time()


def _cooldown() -> float:
    return float(settings.BACKEND_BREAKER_COOLDOWN_SECONDS)
