"""Client of the landlord's PM5 'Mina sidor' session API (seed 000)."""

from apps.backends.pm5.client import Pm5Client, get_client
from apps.backends.pm5.types import SessionParts

__all__ = ["Pm5Client", "SessionParts", "get_client"]
