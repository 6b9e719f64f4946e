"""gunicorn, the production web server: `gunicorn -c portal/gunicorn.conf.py` (scripts/serve runs it).

Why gunicorn with gthread: our views block on the landlord's backends (PM5 answers in
tens to hundreds of milliseconds, a streamed PDF takes as long as the tenant's
connection), so each process serves several requests at once on threads while one
waits; sync workers would idle, and an ASGI server would only pay off once the
backend clients are async. Everything is read from the environment (README, Operations).
"""

import os

from portal.env import env_float, env_int, env_str
from portal.logging import json_lines_from_env, logging_config

wsgi_app = "portal.wsgi:application"
bind = env_str("WEB_BIND", "0.0.0.0:8000")

worker_class = "gthread"
# Processes: one per core; threads: requests one process has in flight while they wait on backends.
workers = env_int("WEB_WORKERS", os.cpu_count() or 2)
threads = env_int("WEB_THREADS", 8)

# A request may wait on a backend twice (connect + read, then once more after PM5's 401 renews
# the session key), so the worker timeout is well above that; it only kills a worker whose
# main loop hangs, gthread keeps reporting while its threads wait.
_backend_wait = env_float("PM5_CONNECT_TIMEOUT", 3.05) + env_float("PM5_READ_TIMEOUT", 10.0)
timeout = env_int("WEB_TIMEOUT", int(2 * _backend_wait) + 30)
# On SIGTERM (a deploy), requests in flight get this long to finish, downloads included.
graceful_timeout = env_int("WEB_GRACEFUL_TIMEOUT", 30)
# Behind the proxy: keep its connections open a little longer than it expects.
keepalive = env_int("WEB_KEEPALIVE", 5)

# Recycle processes now and then (memory that grows slowly); the jitter keeps them from
# all restarting at once.
max_requests = env_int("WEB_MAX_REQUESTS", 1000)
max_requests_jitter = env_int("WEB_MAX_REQUESTS_JITTER", 100)

# gunicorn 27's control socket is one path per user ($HOME/.gunicorn): several web processes on
# one machine would take it from each other. Nothing here uses it; signals do the same.
control_socket_disable = True

# The heartbeat file in memory, not on a container's overlay disk, which can stall.
if os.path.isdir("/dev/shm"):
    worker_tmp_dir = "/dev/shm"

# The portal logs each request itself (portal/request_id.py: one line with its request id,
# probes only at DEBUG), so gunicorn's access log stays off; gunicorn's own lines go through
# the portal's logging: JSON lines in production, with secrets blanked.
accesslog = None
logconfig_dict = logging_config(json_lines=json_lines_from_env(), level=env_str("LOG_LEVEL", "INFO"))
