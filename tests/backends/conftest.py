"""Fixtures for the backend core: a clock for the breaker, and the sandbox told to misbehave."""

import pytest

from apps.backends import breaker


class BreakerClock:
    """The breaker's clock: real time, plus whatever a test skips ahead."""

    def __init__(self, real):
        self.real = real
        self.offset = 0.0

    def __call__(self) -> float:
        return self.real() + self.offset

    def skip(self, seconds: float) -> None:
        self.offset += seconds


@pytest.fixture
def breaker_clock(monkeypatch) -> BreakerClock:
    clock = BreakerClock(breaker._now)
    monkeypatch.setattr(breaker, "_now", clock)
    return clock


@pytest.fixture
def sandbox_behaviour(live_sandbox):
    """Set the sandbox's failure injection for every API (apps/sandbox/behaviour.py), as its command does."""
    from apps.sandbox.models import SandboxBehaviour

    def behave(**fields) -> None:
        defaults = {"latency_ms": 0, "error_rate": 0.0, "outage": False} | fields
        SandboxBehaviour.objects.update_or_create(pk=SandboxBehaviour.SINGLETON_PK, defaults=defaults)

    yield behave
    behave()
