"""The pytest profile of portal.settings: fast hasher, locmem e-mail, eager tasks.

Nothing here may depend on what the shell or the Makefile exports (`make` exports the
demo's backend URLs to every target, `make test` included): the backends are set to
addresses that cannot resolve, and each test that needs one points it at a server a
fixture started (tests/conftest.py refuses any other outgoing call).
"""

import os
import tempfile

os.environ["PORTAL_ENV"] = "test"

from portal.settings import *  # noqa: E402,F403
from portal.settings import DATABASES, eid_providers  # noqa: E402

# RFC 6761 reserves .invalid: these never reach anything, whatever runs on this machine.
PM5_BASE_URL = "http://pm5.backend.invalid/sandbox/pm5"
FAST2_BASE_URL = "http://fast2.backend.invalid/sandbox/fast2"
ERRANDS_BASE_URL = "http://errands.backend.invalid/sandbox/errands"
# e-ID login is on, at a broker that is never reached unless a test points it at its live server.
EID_SERVER_URL = "http://oidc.backend.invalid/sandbox/oidc"
SOCIALACCOUNT_PROVIDERS = eid_providers(EID_SERVER_URL)
CASHSERVICES_BASE_URL = "http://cashservices.backend.invalid/sandbox/cashservices"
KOBO_BASE_URL = "http://kobo.backend.invalid/sandbox/kobo"
KOBO_TOKEN_URL = "http://kobo.backend.invalid/sandbox/kobo/token"
KOBO_WEBHOOK_URL = "http://portal.webhook.invalid/kobo/webhook/"
# Text messages are kept in LocmemSmsSender.outbox, like e-mail in django.core.mail.outbox.
SMS_SENDER = "apps.accounts.sms.LocmemSmsSender"

if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # A file, not Django's shared in-memory database: the live server answers the browser
    # and the portal's backend calls on several threads at once, and an in-memory
    # database is one connection that those threads would share (sqlite3.InterfaceError
    # under load). A file gives each thread its own connection, with the same WAL and
    # IMMEDIATE transactions as the demo, so the tests hold the demo's settings to
    # concurrent use too. In RAM where the machine has it; one file per test process.
    _folder = "/dev/shm" if os.access("/dev/shm", os.W_OK) else tempfile.gettempdir()
    DATABASES["default"]["TEST"] = {"NAME": os.path.join(_folder, f"minasidor-test-{os.getpid()}.sqlite3")}
