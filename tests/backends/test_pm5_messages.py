"""Messages and their attachments: the session's Meddelanden (A13) and NotifieringBilagaFil read as it arrives."""

import base64
import json
from datetime import UTC, datetime

import pytest
import requests

from apps.backends.errors import BackendInvalid, BackendNotFound, BackendUnavailable
from apps.backends.pm5 import SessionParts, get_client
from apps.backends.pm5.codes import MessageChannelKind
from apps.backends.pm5.parse import portal_session
from apps.backends.pm5.wrapped_file import SPOOL_IN_MEMORY, WrappedFile

FILE = bytes(range(256)) * 1000 + b"tail"  # 256 004 bytes: not a multiple of three, every byte value


class FakeResponse:
    """A streamed answer that hands its body over in chunks of a chosen size."""

    def __init__(self, body: bytes, chunk: int = 7, fail_after: int | None = None):
        self.body, self.chunk, self.fail_after = body, chunk, fail_after
        self.headers = {"Content-Type": "application/json"}
        self.closed = False

    def iter_content(self, _size):
        for start in range(0, len(self.body), self.chunk):
            if self.fail_after is not None and start >= self.fail_after:
                raise requests.ConnectionError("gone")
            yield self.body[start : start + self.chunk]

    def close(self):
        self.closed = True


def wrapped(body: bytes, **kwargs) -> WrappedFile:
    return WrappedFile(FakeResponse(body, **kwargs), where="PM5 get message attachment")


def encoded(data: bytes = FILE) -> str:
    return base64.b64encode(data).decode()


@pytest.mark.parametrize("chunk", [1, 3, 7, 4096, 10**7])
def test_the_type_first_streams_the_file_whatever_the_chunks(chunk):
    body = json.dumps({"MimeTyp": "image/jpeg", "Extension": ".jpeg", "Data": encoded()}).encode()
    download = wrapped(body, chunk=chunk)
    assert download.content_type == "image/jpeg"
    assert download.field("Extension") == ".jpeg"
    assert b"".join(download) == FILE


def test_data_before_the_type_waits_in_a_spool_until_the_type_is_known():
    body = json.dumps({"Data": encoded(), "Extension": ".pdf", "MimeTyp": "application/pdf"}).encode()
    download = wrapped(body, chunk=1000)
    assert download.content_type == "application/pdf"
    assert b"".join(download) == FILE
    download.close()


def test_a_large_file_before_its_type_goes_to_disk_not_memory():
    big = b"x" * (SPOOL_IN_MEMORY + 10)
    download = wrapped(json.dumps({"Data": encoded(big), "MimeTyp": "text/plain"}).encode(), chunk=65536)
    assert download._spool._rolled  # SpooledTemporaryFile moved it to a file
    assert sum(len(c) for c in download) == len(big)
    download.close()


def test_escaped_slashes_line_breaks_and_missing_padding_are_read():
    text = encoded(b"\xff\xfe\xfd?>").rstrip("=")
    escaped = text.replace("/", "\\/")
    text_with_breaks = escaped[:4] + "\\r\\n" + escaped[4:]
    body = ('{"MimeTyp":"application/octet-stream","Data":"' + text_with_breaks + '"}').encode()
    assert b"".join(wrapped(body, chunk=2)) == b"\xff\xfe\xfd?>"


def test_names_are_matched_in_any_case_and_unknown_members_are_skipped():
    body = (
        '{"mimetyp":"image/png","Okänd":{"a":[1,{"b":"}"}]},"Storlek":12,"data":"' + encoded(b"png") + '","x":null}'
    ).encode()
    download = wrapped(body, chunk=3)
    assert download.content_type == "image/png"
    assert b"".join(download) == b"png"


def test_a_file_without_a_type_is_sent_as_a_plain_download():
    download = wrapped(b'{"Data":"QUJD"}')
    assert download.content_type == "application/octet-stream"
    assert b"".join(download) == b"ABC"


def test_a_malformed_type_is_sent_as_a_plain_download():
    download = wrapped(json.dumps({"MimeTyp": "text/html<script>", "Data": encoded(b"x")}).encode())
    assert download.content_type == "application/octet-stream"


@pytest.mark.parametrize(
    "body",
    [
        b'{"MimeTyp":"image/png"}',  # no Data
        b'{"MimeTyp":"image/png","Data":null}',
        b"[1, 2]",
        b'{"Data":"!!!!","MimeTyp":"image/png"}',  # not base64, found while spooling
        b'{"Data":"QUJD"',  # cut off after Data: the rest never comes
        b'{"Data":"QUJD"} and more',
    ],
)
def test_an_answer_that_is_not_a_wrapped_file_is_invalid_before_anything_is_sent(body):
    response = FakeResponse(body)
    with pytest.raises(BackendInvalid):
        download = WrappedFile(response, where="PM5 get message attachment")
        b"".join(download)
    assert response.closed


def test_a_file_that_breaks_off_mid_stream_breaks_the_download():
    body = json.dumps({"MimeTyp": "image/jpeg", "Data": encoded()}).encode()
    download = wrapped(body, chunk=1000, fail_after=50_000)
    with pytest.raises(BackendUnavailable):
        b"".join(download)


def test_a_file_cut_off_after_its_type_breaks_the_download():
    with pytest.raises(BackendUnavailable):
        b"".join(wrapped(b'{"MimeTyp":"image/png","Data":"' + b"A" * 10))


def test_bad_base64_mid_stream_breaks_the_download():
    body = b'{"MimeTyp":"image/jpeg","Data":"QUJD' + b"*" * 8 + b'"}'
    with pytest.raises(BackendUnavailable):
        b"".join(wrapped(body))


# --- the session's Meddelanden ---------------------------------------------------------------


def session_with(messages) -> dict:
    return {"Kund": {"Kundinformation": {"Kundnummer": "1"}, "Meddelanden": messages}, "Ärenden": None}


def test_messages_are_read_from_sessionkund_with_channels_and_attachments():
    data = session_with(
        [
            {
                "MeddelandeUtgåendeId": 54321,
                "Kanaler": [
                    {
                        "KanalTyp": {"SystemName": "Epost", "Beteckning": "E-post"},
                        "Notifierad": True,
                        "KlarUtc": "2020-02-26 09:34:09.477",
                        "ÖvergivenUtc": None,
                        "Ämne": "Ny test",
                        "Brödtext": "Hej",
                    }
                ],
                "Bilagor": [
                    {
                        "MeddelandeUtgåendeBilagaId": 1,
                        "MeddelandeUtgåendeId": 54321,
                        "ExterntId": 7,
                        "ExterntNamn": "a.jpg",
                    },
                    {"MeddelandeUtgåendeBilagaId": 2, "MeddelandeUtgåendeId": 99999, "ExterntId": 8},  # another's
                    {"MeddelandeUtgåendeBilagaId": 3, "ExterntNamn": "no ids"},
                ],
            },
            {"MeddelandeUtgåendeId": 54322, "Kanaler": None, "Bilagor": None},
        ]
    )
    session = portal_session(data, SessionParts(messages=True))
    first, second = session.messages
    assert first.subject == "Ny test"
    assert first.channels[0].kind == MessageChannelKind.EMAIL
    # KlarUtc has no offset in the seed's example, yet it is UTC.
    assert first.sent_at == datetime(2020, 2, 26, 9, 34, 9, 477000, tzinfo=UTC)
    assert [(a.message_id, a.external_id, a.name) for a in first.attachments] == [(54321, 7, "a.jpg")]
    assert second.channels == () and second.attachments == () and second.sent_at is None


def test_messages_not_asked_for_are_none():
    assert portal_session(session_with([]), SessionParts()).messages is None
    assert portal_session(session_with(None), SessionParts(messages=True)).messages == ()


# --- over HTTP --------------------------------------------------------------------------------


@pytest.mark.integration
def test_the_sandbox_sends_attachments_and_the_client_streams_them(live_sandbox):
    from apps.sandbox.models import MessageAttachment

    client = get_client()
    key = client.open_session(customer_number=live_sandbox.alice.number)
    session = client.get_session(key, SessionParts(messages=True))
    attachments = [a for m in session.messages for a in m.attachments]
    assert {a.name for a in attachments} == {"Information om vattenavstängning.pdf", "Karta över avstängningen.png"}
    for attachment in attachments:
        stored = MessageAttachment.objects.get(pk=attachment.external_id)
        download = client.message_attachment(key, attachment.message_id, attachment.external_id)
        try:
            assert download.content_type == stored.content_type
            assert b"".join(download) == stored.file.open("rb").read()
        finally:
            download.close()


@pytest.mark.integration
def test_another_customers_attachment_is_not_found(live_sandbox):
    from apps.sandbox.models import MessageAttachment

    bobs = MessageAttachment.objects.filter(message__customer__customer_number=live_sandbox.bob.number).first()
    client = get_client()
    key = client.open_session(customer_number=live_sandbox.alice.number)
    with pytest.raises(BackendNotFound):
        client.message_attachment(key, bobs.message_id, bobs.pk)
