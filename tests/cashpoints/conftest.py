import time
from collections.abc import Callable
from datetime import datetime

import pytest
from django.utils import timezone

from apps.cashpoints.models import RegisterCopy


@pytest.fixture
def copy_finished() -> Callable[..., RegisterCopy]:
    """Wait until a copy attempt begun after now has ended, wherever it runs.

    Without a broker the task has run before ``delay`` returns; on the production
    path a separate worker runs it against this test's live sandbox (the script
    gives the worker CASHSERVICES_BASE_URL), so the test waits for its row.
    """
    since = timezone.now()

    def wait(timeout: float = 60.0, after: datetime | None = None) -> RegisterCopy:
        deadline = time.monotonic() + timeout
        while True:
            copy = RegisterCopy.objects.filter(last_attempt_at__gte=after or since).first()
            if copy is not None:
                return copy
            if time.monotonic() > deadline:
                raise AssertionError(f"no copy of the register was attempted within {timeout} s")
            time.sleep(0.2)

    return wait
