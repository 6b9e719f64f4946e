"""Messages from the landlord: the inbox, one message, its attachments, and what the tenant has read.

Messages come with the tenant's cached session data (HämtaKundMeddelanden), so
the inbox and the overview's count cost no backend call of their own. A message
or attachment id from the browser is looked up there first; only then is the
backend's answer for an attachment's bytes used (with the data cached, only then
is it asked; without, the bytes are asked beside the data and dropped unread if
the attachment is not the tenant's).
"""

from collections.abc import Collection
from dataclasses import dataclass
from datetime import datetime

from django.contrib.auth.models import AbstractBaseUser
from django.utils.functional import Promise
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from apps.backends.download import Download
from apps.backends.pm5.codes import MessageChannelKind
from apps.backends.pm5.messages_types import Message, MessageAttachment, MessageChannel
from apps.backends.pm5.types import PortalSession
from apps.customer.services import Beside, CustomerSession
from apps.inbox.models import ReadMessage
from portal.account_state import remembered
from portal.formatting import isodatetime, machine_moment
from portal.reversing import RowUrls

# The portal's own words for the channels it knows; another channel shows the landlord's Beteckning.
CHANNEL_NAMES = {
    MessageChannelKind.NEWS: _("Nyhet på Mina sidor"),
    MessageChannelKind.EMAIL: _("E-post"),
    MessageChannelKind.SMS: _("SMS"),
}


@dataclass(frozen=True)
class Channel:
    name: str | Promise
    delivered_at: datetime | None
    failed: bool  # the channel gave up: the message never arrived that way


@dataclass(frozen=True)
class InboxMessage:
    message: Message
    read: bool
    channels: tuple[Channel, ...]

    @property
    def message_id(self) -> int:
        return self.message.message_id


def channel(c: MessageChannel) -> Channel:
    name = CHANNEL_NAMES.get(c.kind) or c.label or _("Okänd kanal")
    return Channel(name=name, delivered_at=c.delivered_at, failed=c.delivered_at is None and c.abandoned_at is not None)


def inbox(session: PortalSession, user: AbstractBaseUser, read: Collection[int] | None = None) -> list[InboxMessage]:
    """Unread first, then read; newest first within each. ``read``: the ids ``read_ids`` gave, if asked already."""
    messages = session.messages or ()
    if read is None:
        read = _read_ids(user, messages)
    listed = [
        InboxMessage(m, read=m.message_id in read, channels=tuple(channel(c) for c in m.channels)) for m in messages
    ]
    return sorted(listed, key=lambda m: (m.read, -(m.message.sent_at.timestamp() if m.message.sent_at else 0)))


def list_rows(listed: list[InboxMessage]) -> tuple[dict[str, object], ...]:
    """The inbox's lines with every part written (plain dicts: one lookup a part, no filters)."""
    detail_url, no_subject = RowUrls("inbox:detail"), gettext("(utan ämne)")
    return tuple(
        {
            "url": detail_url(item.message_id),
            "read": item.read,
            "subject": item.message.subject or no_subject,
            "sent_iso": machine_moment(item.message.sent_at),
            "sent": isodatetime(item.message.sent_at),
            "channels": ", ".join(str(c.name) for c in item.channels),
            "attachments": len(item.message.attachments),
        }
        for item in listed
    )


def read_ids(session: PortalSession, user: AbstractBaseUser) -> tuple[int, ...]:
    """The ids of the session's messages this account has opened, in order: with the session data, all the list shows."""
    return tuple(sorted(_read_ids(user, session.messages or ())))


def unread_count(session: PortalSession, user: AbstractBaseUser) -> int:
    messages = session.messages or ()
    return len(messages) - len(_read_ids(user, messages))


def find_message(session: PortalSession, user: AbstractBaseUser, message_id: int) -> InboxMessage | None:
    """The tenant's own message with this id, or None."""
    return next((m for m in inbox(session, user) if m.message_id == message_id), None)


def find_attachment(session: PortalSession, message_id: int, external_id: int) -> MessageAttachment | None:
    for message in session.messages or ():
        if message.message_id == message_id:
            return next((a for a in message.attachments if a.external_id == external_id), None)
    return None


def mark_read(user: AbstractBaseUser, message_id: int) -> None:
    ReadMessage.objects.get_or_create(user=user, message_id=message_id)


def mark_unread(user: AbstractBaseUser, message_id: int) -> None:
    ReadMessage.objects.filter(user=user, message_id=message_id).delete()


def own_attachment(
    customer: CustomerSession, message_id: int, external_id: int
) -> tuple[MessageAttachment | None, Beside[Download]]:
    """The tenant's own attachment with these ids (None if not theirs), and its bytes.

    Take the bytes (``result()``) only for an attachment that is the tenant's; use the second
    as a context manager, so bytes not taken are dropped (``CustomerSession.data_beside``).
    """
    session, file = customer.data_beside(lambda client, key: client.message_attachment(key, message_id, external_id))
    return find_attachment(session, message_id, external_id), file


def filename(attachment: MessageAttachment, download: Download) -> str:
    """The name the landlord gave it (ExterntNamn), or one made from the ids and the type."""
    if attachment.name:
        return attachment.name
    extension = {"application/pdf": ".pdf", "image/jpeg": ".jpg", "image/png": ".png"}.get(download.mime_type, "")
    return f"bilaga-{attachment.message_id}-{attachment.external_id}{extension}"


def _read_ids(user: AbstractBaseUser, messages: tuple[Message, ...]) -> set[int]:
    if not messages:
        return set()
    return {m.message_id for m in messages} & _all_read_ids(user)


def _all_read_ids(user: AbstractBaseUser) -> frozenset[int]:
    # Remembered until the account reads or unreads a message (portal/account_state.py).
    return remembered(
        user,
        "read-messages",
        lambda: frozenset(ReadMessage.objects.filter(user=user).values_list("message_id", flat=True)),
    )


def held_for(user: AbstractBaseUser) -> list[dict]:
    """The messages this account has opened, for the tenant's export."""
    return [
        {"message_id": read.message_id, "read_at": read.read_at}
        for read in ReadMessage.objects.filter(user=user).order_by("read_at")
    ]
