"""Text messages, through the sender SMS_SENDER names.

Like Django's e-mail backends: the demo's sender writes each message to the log (the
console), the tests' keeps them in a list, production names a class of its own that
talks to the landlord's SMS gateway. A sender has one method, send(to, text).
"""

import logging
from typing import ClassVar

from django.conf import settings
from django.utils.module_loading import import_string

logger = logging.getLogger(__name__)


class ConsoleSmsSender:
    """The demo's: every message is written to the log, the way the console e-mail backend prints mail."""

    def send(self, to: str, text: str) -> None:
        logger.info("SMS to %s:\n%s", to, text)


class LocmemSmsSender:
    """The tests': messages are kept in outbox, like django.core.mail.outbox."""

    outbox: ClassVar[list[tuple[str, str]]] = []

    def send(self, to: str, text: str) -> None:
        self.outbox.append((to, text))


def get_sms_sender():
    return import_string(settings.SMS_SENDER)()
