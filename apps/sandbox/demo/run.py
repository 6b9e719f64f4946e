"""One build of the demo data: its random source, its "today", and the ids it hands out.

Everything that reaches the wire gets an explicit id from here, never from the
database's counters, so the same seed and today give byte-identical answers
even after --reset in a database whose counters have moved on.
"""

from dataclasses import dataclass, field
from datetime import date, datetime, time
from random import Random

from django.utils import timezone

# First id of each kind of wire id; ranges never overlap, so an id is never
# mistaken for another kind (AviseringId has eight digits, Avinummer seven).
FIRST_IDS = {
    "notice": 10020030,
    "notice_number": 9213210,
    "errand": 516849,
    "errand_number": 5000,
    "errand_row": 827310,
    "ib_number": 10000,
    "incoming_invoice": 100001,
    "media": 40210,
    "address": 3617390,
    "document": 12345,
    "lease": 71200,
    "profile": 123456,
    "message": 54321,
    "attachment": 880100,
}


@dataclass
class DemoRun:
    seed: int
    today: date
    rng: Random = field(init=False)
    _next: dict[str, int] = field(init=False)
    _used_node_numbers: set[int] = field(init=False, default_factory=set)

    def __post_init__(self) -> None:
        self.rng = Random(self.seed)
        self._next = dict(FIRST_IDS)

    def next_id(self, kind: str) -> int:
        value = self._next[kind]
        self._next[kind] += 1
        return value

    def node_id(self, node_type: str, fixed: str | None = None) -> str:
        """An explicit PM5 node id: n… for nodes, nk… for node classes, d… for details (A40)."""
        if fixed is not None:
            self._used_node_numbers.add(int(fixed.lstrip("ndk")))
            return fixed
        while True:
            number = self.rng.randrange(100000, 1000000)
            if number not in self._used_node_numbers:
                self._used_node_numbers.add(number)
                return {"Nod": "n", "Nodklass": "nk", "Detalj": "d"}[node_type] + str(number)

    def reserve_node_ids(self, ids: list[str]) -> None:
        """Keep fixed ids (the seed's example walk) from being drawn at random."""
        self._used_node_numbers.update(int(i.lstrip("ndk")) for i in ids)

    def at(self, day: date, hour: int | None = None, minute: int | None = None) -> datetime:
        """An aware local time on ``day``; office hours at random when no time is given."""
        hour = self.rng.randint(7, 16) if hour is None else hour
        minute = self.rng.randrange(0, 60, 5) if minute is None else minute
        return timezone.make_aware(datetime.combine(day, time(hour, minute)))

    def chance(self, probability: float) -> bool:
        return self.rng.random() < probability
