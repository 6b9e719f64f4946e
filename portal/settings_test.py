"""The pytest profile of portal.settings: fast hasher, locmem e-mail, eager tasks."""

import os

os.environ["PORTAL_ENV"] = "test"

from portal.settings import *  # noqa: E402,F403
