"""The node trees a tenant has walked, kept per object, so they can report while PM5 is down.

A tree is what the backend offered for one of the tenant's objects: the nodes
under every path walked, the fault types of each, the object's key handling —
in the draft catalogue's own shape (``record_walk``). Every walk that PM5
answers is added to it; a walk PM5 cannot answer copies it into the draft
instead, and the draft's usual check (every id the browser sends was offered)
then holds against the kept copy.

Kept in the shared cache, not in a model: it is a copy of the backend's data
whose loss costs only comfort (the tenant describes the place in words), the
shared cache is where state every web process needs already lives (the
breaker), and its timeout does the expiry, with no migration or purge task.
Keyed by customer and object, so one tenant's copy never serves another.
"""

import hashlib
import logging
import time

from django.conf import settings
from django.core.cache import cache

from apps.backends.pm5.errands_types import NodeChoices

logger = logging.getLogger(__name__)


def record_walk(catalogue: dict, path: list[str], choices: NodeChoices) -> None:
    """Add what one walk call answered to a catalogue: the nodes under every prefix of the path, and the lists."""
    nodes = catalogue.setdefault("nodes", {})
    for depth, level in enumerate(choices.levels or (), start=1):
        nodes["-".join(path[:depth])] = [{"value": n.node_id, "label": n.label} for n in level if "-" not in n.node_id]
    if choices.fault_types is not None:
        catalogue.setdefault("fault_types", {})["-".join(path)] = [
            {"value": str(c.choice_id), "label": c.label} for c in choices.fault_types
        ]
    if choices.key_handling is not None:
        catalogue.setdefault("key_handling", {})[path[0]] = [
            {"value": str(c.choice_id), "label": c.label} for c in choices.key_handling
        ]


def keep(customer_number: str, path: list[str], choices: NodeChoices) -> None:
    """Add a walk PM5 answered to the object's kept tree.

    A tree is started over once it is older than FAULT_OUTAGE_COPY_SECONDS, so no
    part of it is used longer than that after PM5 offered it. Two processes adding
    at once may lose one addition: it is only a copy, and the next walk adds it again.
    """
    key = _key(customer_number, path[0])
    tree = _fresh(cache.get(key)) or {"since": time.time(), "catalogue": {}}
    record_walk(tree["catalogue"], path, choices)
    cache.set(key, tree, settings.FAULT_OUTAGE_COPY_SECONDS)


def copy_into(catalogue: dict, customer_number: str, head_node_id: str) -> bool:
    """Add the object's kept tree to a draft's catalogue, leaving what the draft has; False if none is kept."""
    tree = _fresh(cache.get(_key(customer_number, head_node_id)))
    if tree is None:
        return False
    for part, entries in tree["catalogue"].items():
        catalogue.setdefault(part, {})
        for path, options in entries.items():
            catalogue[part].setdefault(path, options)
    logger.info("PM5 unavailable: the fault wizard uses a node tree kept %d s ago", time.time() - tree["since"])
    return True


def _fresh(tree: dict | None) -> dict | None:
    if tree is None or time.time() - tree["since"] > settings.FAULT_OUTAGE_COPY_SECONDS:
        return None
    return tree


def _key(customer_number: str, head_node_id: str) -> str:
    # Hashed, so the customer number is not a cache key in clear (as in apps.customer.services).
    return "fault-tree:" + hashlib.sha256(f"{customer_number}|{head_node_id}".encode()).hexdigest()
