"""How many backend round trips a page waited for, from when each of its backend calls began and ended.

A page's calls form chains: a call that began after another had ended may have
needed its answer, one that began before could not have. The longest such chain
is the number of rounds the page waited for one after another, whatever each
call cost the backend; the page's time is then about its own work plus, per
round, the latency and the slowest call's processing.
"""

from collections.abc import Sequence

Interval = tuple[float, float]  # (began, ended), one clock, any unit


def rounds(calls: Sequence[Interval]) -> int:
    """The longest chain of calls, each beginning after the one before it ended (0 for no call)."""
    by_end = sorted(calls, key=lambda call: call[1])
    longest: list[int] = []
    for began, _ in by_end:
        before = [chain for (_, ended), chain in zip(by_end, longest, strict=False) if ended <= began]
        longest.append(1 + max(before, default=0))
    return max(longest, default=0)


def most_at_once(calls: Sequence[Interval]) -> int:
    """The most calls under way at the same moment."""
    edges = sorted([(began, 1) for began, _ in calls] + [(ended, -1) for _, ended in calls])
    under_way = most = 0
    for _, change in edges:  # at a tie an end (-1) sorts first: back to back is not at once
        under_way += change
        most = max(most, under_way)
    return most
