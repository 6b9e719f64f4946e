"""A bounded store a process keeps things in by key: rendered HTML (``{% fragment %}``, ``{% kept %}``), small values.

Whatever is kept must never change once kept (text, frozen dataclasses, tuples): the threads of a
process share it.
"""

import threading

from django.core.signals import setting_changed


class Kept:
    """At most ``size`` values by key for a process's threads; the oldest go first."""

    def __init__(self, size: int):
        self.size = size
        self._values: dict[tuple, object] = {}
        self._lock = threading.Lock()
        # Settings are in no key (they are the same for a process's life), but tests change them.
        setting_changed.connect(self._forget_all)

    def _forget_all(self, **kwargs) -> None:
        self.clear()

    def get(self, key: tuple):
        return self._values.get(key)

    def keep(self, key: tuple, value) -> None:
        with self._lock:
            while len(self._values) >= self.size:
                self._values.pop(next(iter(self._values)), None)  # the oldest
            self._values[key] = value

    def clear(self) -> None:
        with self._lock:
            self._values.clear()

    def values(self) -> list:
        return list(self._values.values())

    def items(self) -> list[tuple[tuple, object]]:
        return list(self._values.items())

    def __len__(self) -> int:
        return len(self._values)
