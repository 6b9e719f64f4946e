"""The settings bench/throughput.py runs the portal and the sandbox with: the portal's own, plus two bench-only pages.

    DJANGO_SETTINGS_MODULE=throughput_settings (with bench/ on PYTHONPATH)

Everything else comes from the environment, as in production (the benchmark sets
PORTAL_ENV=production and what loopback needs). Only the URLs differ, and only here:
``/bench/ok/`` (a logged-in page that renders nothing), ``/bench/layout/`` (base.html
alone, kept whole as the tenant pages keep theirs), ``/bench/layout-rendered/`` (base.html
rendered afresh, as a page with a form pays for it) and ``/bench/backend-calls/`` (how many requests this process has served under
/sandbox/, counted by the middleware below; the sandbox process answers it).
"""

from portal.settings import *  # noqa: F403

ROOT_URLCONF = "throughput_urls"
MIDDLEWARE = ["throughput_urls.count_backend_calls", *MIDDLEWARE]  # noqa: F405
