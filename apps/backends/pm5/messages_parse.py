"""Notifiering* on the wire → messages_types. Swedish names end here."""

from datetime import UTC, datetime

from apps.backends.pm5 import messages_types as t
from apps.backends.pm5.codes import MessageChannelKind
from apps.backends.wire import Wire, code, parse_datetime


def messages(kund: Wire) -> tuple[t.Message, ...]:
    """SessionKund.Meddelanden, the reading of contract A13 (README, "Messages")."""
    return kund.objects("Meddelanden", message)


def message(w: Wire) -> t.Message:
    message_id = w.required_integer("MeddelandeUtgåendeId", "MeddelandeId")
    return t.Message(
        message_id=message_id,
        channels=w.objects("Kanaler", channel),
        # Null when there are none (000:161). One without its ids cannot be fetched, and one
        # naming another message is not this one's: both are left out, the message still shows.
        attachments=tuple(a for a in w.objects("Bilagor", attachment) if a is not None and a.message_id == message_id),
    )


def channel(w: Wire) -> t.MessageChannel:
    kind = w.group("KanalTyp")
    return t.MessageChannel(
        kind=code(MessageChannelKind, kind.text("SystemName")),
        label=kind.text("Beteckning"),
        notified=w.boolean("Notifierad"),
        delivered_at=_utc(w, "KlarUtc"),
        abandoned_at=_utc(w, "ÖvergivenUtc"),
        subject=w.text("Ämne"),
        body=w.text("Brödtext"),
    )


def attachment(w: Wire) -> t.MessageAttachment | None:
    message_id, external_id = w.integer("MeddelandeUtgåendeId"), w.integer("ExterntId")
    if message_id is None or external_id is None:
        return None
    return t.MessageAttachment(message_id=message_id, external_id=external_id, name=w.text("ExterntNamn"))


def _utc(w: Wire, name: str) -> datetime | None:
    """*Utc fields are UTC even without an offset, as the seed's example writes them (000:147)."""
    value = w.text(name)
    if value is None:
        return None
    text = value.strip()
    moment = parse_datetime(text, f"{w.where}.{name}")
    has_offset = text.endswith(("Z", "z")) or "+" in text[10:] or "-" in text[10:]
    return moment if has_offset else moment.replace(tzinfo=UTC)
