"""Messages from the landlord (Notifiering*, contract A13), in English and typed."""

from dataclasses import dataclass
from datetime import datetime

from apps.backends.pm5.codes import MessageChannelKind


@dataclass(frozen=True)
class MessageChannel:
    """NotifieringMeddelandeKanal: one way the message was sent (news on Mina sidor, e-mail, SMS)."""

    kind: MessageChannelKind | None  # None: a channel the portal does not know (label says what)
    label: str | None  # NotifieringKanalTyp.Beteckning, in the landlord's words
    notified: bool
    delivered_at: datetime | None  # KlarUtc
    abandoned_at: datetime | None  # ÖvergivenUtc: the channel gave up
    subject: str | None
    body: str | None


@dataclass(frozen=True)
class MessageAttachment:
    """NotifieringBilaga: MeddelandeUtgåendeId and ExterntId are the two ids of Hämta en bilaga."""

    message_id: int
    external_id: int
    name: str | None


@dataclass(frozen=True)
class Message:
    """One message (MeddelandeUtgåendeId) and the channels it went through."""

    message_id: int
    channels: tuple[MessageChannel, ...]
    attachments: tuple[MessageAttachment, ...]

    @property
    def subject(self) -> str:
        return next((c.subject for c in self.channels if c.subject), "")

    @property
    def body(self) -> str:
        # The longest text: an SMS is often a shortened copy of the e-mail or news item.
        return max((c.body or "" for c in self.channels), key=len, default="")

    @property
    def sent_at(self) -> datetime | None:
        """When it first reached the tenant by any channel, or was given up on."""
        moments = [c.delivered_at for c in self.channels if c.delivered_at]
        moments = moments or [c.abandoned_at for c in self.channels if c.abandoned_at]
        return min(moments) if moments else None
