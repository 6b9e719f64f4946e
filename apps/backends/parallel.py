"""Backend reads a page makes at once, on threads kept between requests.

The staff work order asks FAST2 and Errands v2 six to nine things at once; a
tenant page that has no cached session data asks PM5 for it and for the id it
was given at once (apps.customer.services, ``CustomerSession.data_beside``).
The threads are kept so each keeps its pooled connections (apps.backends.http
is per thread); they make HTTP calls only, no queries.
"""

from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from contextvars import copy_context

from django.conf import settings

_READS = ThreadPoolExecutor(max_workers=settings.STAFF_PARALLEL_READS, thread_name_prefix="backend-reads")


def read[T](call: Callable[..., T], *args) -> Future[T]:
    """One read on the pool, run in a copy of this request's context.

    A pool thread keeps the context it was started in, so without the copy the
    request id (portal/request_id.py) would not reach these calls' X-Request-ID.
    One copy per read: a context cannot be entered by two threads at once.
    """
    return _READS.submit(copy_context().run, call, *args)
