"""Fixtures for the backend core: a clock for the breaker (the sandbox told to misbehave is in tests/conftest.py)."""

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
