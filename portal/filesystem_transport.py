"""kombu's ``filesystem://`` transport (the embedded default's broker, no server), each message written whole.

kombu's own transport creates a message file and then writes into it, while a worker
lists the folder and moves and reads any file without waiting. Under load a worker read
a message that was still empty: the JSONDecodeError is an unrecoverable error to Celery,
so the worker stopped, and its embedded beat (the outbox sweep) with it, and the message
was gone (bench/never_lost.py, 2026-12-03, kombu 5.7). Here a message is written under a
name the reader passes over and then renamed into place, which is atomic within one file
system: a reader sees a whole message or none.
"""

import os
import uuid
from time import monotonic

from kombu.exceptions import ChannelError
from kombu.transport import filesystem
from kombu.utils.encoding import str_to_bytes
from kombu.utils.json import dumps


class Channel(filesystem.Channel):
    def _put(self, queue, payload, **kwargs):
        # The same name as kombu's (its order is the queue's order); the reader takes only
        # names whose part after the first dot is "<queue>.msg", so ".<name>.part" is skipped.
        name = f"{int(round(monotonic() * 1000))}_{uuid.uuid4()}.{queue}.msg"
        final = os.path.join(self.data_folder_out, name)
        partial = os.path.join(self.data_folder_out, f".{name}.part")
        try:
            with open(partial, "wb") as file:
                file.write(str_to_bytes(dumps(payload)))
            os.replace(partial, final)
        except OSError as exc:
            raise ChannelError(f"Cannot add file {final!r} to directory") from exc


class Transport(filesystem.Transport):
    Channel = Channel
