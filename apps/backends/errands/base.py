"""What is Errands v2's own under the shared transport: the technical user's Bearer token.

Sign-in is the contract's reading: a technical user's token as a Bearer token
(ambiguity 1). The token never appears in a log line or an error message.
"""

import logging
from typing import Any

from apps.backends.breaker import Breaker
from apps.backends.errors import BackendRefused
from apps.backends.transport import Transport

logger = logging.getLogger(__name__)

BREAKER = Breaker("errands", "Errands v2")


class ErrandsBase:
    def __init__(self, *, base_url: str, token: str, timeout: tuple[float, float]):
        self.token = token
        self.transport = Transport(BREAKER, base_url=base_url, timeout=timeout)

    def _get(self, path: str, endpoint: str, params: dict[str, str]) -> Any:
        headers = {"Authorization": f"Bearer {self.token}"}
        try:
            return self.transport.json("GET", path, endpoint, params=params, headers=headers)
        except BackendRefused as refused:
            if refused.status in (401, 403):
                # The technical user's token or role is wrong: a configuration fault, not the staff member's.
                logger.error("Errands v2 refused the portal's user (HTTP %s)", refused.status)
            raise
