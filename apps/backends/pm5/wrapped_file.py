"""A file PM5 wraps in JSON, {"MimeTyp": …, "Extension": …, "Data": "<base64>"}, decoded as it arrives.

Hämta en bilaga answers a NotifieringBilagaFil (000:571-577, contract A28): the
bytes are a base64 string inside a JSON object. json.loads would hold the whole
answer, its string and the decoded bytes in memory at once; this reader scans
the object member by member and decodes the Data string chunk by chunk, so an
attachment passes through the portal like any other Download.

The members may come in any order. When MimeTyp comes before Data (the order of
the seed's table) the bytes are handed on as they are decoded; when it comes
after, the bytes wait in a spooled temporary file (memory up to SPOOL_IN_MEMORY,
then disk) until the type is known, since a response's headers go first.
"""

import base64
import binascii
import json
import re
import tempfile
from collections.abc import Iterator

import requests

from apps.backends.download import CHUNK_SIZE, FALLBACK_TYPE, MIME_TYPE, Download
from apps.backends.errors import BackendInvalid, BackendUnavailable

SMALL_VALUE_LIMIT = 64 * 1024  # MimeTyp, Extension and any member we do not know: never a file
SPOOL_IN_MEMORY = 1024 * 1024
WHITESPACE = b" \t\r\n"
BASE64 = re.compile(rb"[A-Za-z0-9+/=]*")
# JSON escapes a base64 string may carry: an escaped slash, or line breaks some encoders insert.
ESCAPES = {ord("/"): b"/", ord("n"): b"", ord("r"): b"", ord("t"): b""}


class WrappedFile(Download):
    """The Data member of a JSON answer as a Download, its type from the member ``type_field``."""

    def __init__(
        self, response: requests.Response, *, where: str, data_field: str = "Data", type_field: str = "MimeTyp"
    ):
        super().__init__(response, where=where)
        self.length = None  # the decoded size is not the size on the wire
        self.fields: dict[str, object] = {}
        self._scanner = _Scanner(response.iter_content(CHUNK_SIZE), where)
        self._data_field = data_field.casefold()
        self._spool: tempfile.SpooledTemporaryFile | None = None
        try:
            self._scanner.expect(b"{")
            found_data = self._read_members_until_data()
            if not found_data:
                raise BackendInvalid(f"{where}: the answer has no {data_field}")
            if type_field.casefold() not in self.fields:
                self._spool_data_then_read_rest()
        except BackendInvalid:
            self.close()
            raise
        except requests.RequestException as exc:
            self.close()
            raise BackendUnavailable(f"{where}: {type(exc).__name__}") from None
        mime = str(self.fields.get(type_field.casefold()) or "").split(";", 1)[0].strip().lower()
        self.content_type = mime if MIME_TYPE.fullmatch(mime) else FALLBACK_TYPE

    def field(self, name: str) -> object:
        return self.fields.get(name.casefold())

    def __iter__(self) -> Iterator[bytes]:
        try:
            if self._spool is not None:
                self._spool.seek(0)
                while chunk := self._spool.read(CHUNK_SIZE):
                    yield chunk
                return
            yield from self._scanner.base64_string(self._where)
            self._read_rest()
        except requests.RequestException as exc:
            raise BackendUnavailable(f"{self._where}: {type(exc).__name__}") from None
        except BackendInvalid as exc:
            # Part of the file may already be with the browser: break off, as a broken connection does.
            raise BackendUnavailable(str(exc)) from None

    def close(self) -> None:
        if self._spool is not None:
            self._spool.close()
        super().close()

    def _read_members_until_data(self) -> bool:
        """Read members up to the start of Data's string; False when the object ends first."""
        scanner = self._scanner
        first = True
        while True:
            if scanner.peek() == ord("}"):
                scanner.take()
                return False
            if not first:
                scanner.expect(b",")
            first = False
            name = scanner.small_value()
            if not isinstance(name, str):
                raise BackendInvalid(f"{scanner.where}: a member name is not a string")
            scanner.expect(b":")
            if name.strip().casefold() == self._data_field:
                if scanner.peek() != ord('"'):
                    raise BackendInvalid(f"{scanner.where}: {name} is not a string")
                scanner.take()
                return True
            self.fields[name.strip().casefold()] = scanner.small_value()

    def _spool_data_then_read_rest(self) -> None:
        self._spool = tempfile.SpooledTemporaryFile(max_size=SPOOL_IN_MEMORY)
        for chunk in self._scanner.base64_string(self._where):
            self._spool.write(chunk)
        self._read_rest()

    def _read_rest(self) -> None:
        """The members after Data, up to the end of the object: nothing may follow it."""
        scanner = self._scanner
        while scanner.peek() != ord("}"):
            scanner.expect(b",")
            name = scanner.small_value()
            scanner.expect(b":")
            value = scanner.small_value()
            if isinstance(name, str):
                self.fields.setdefault(name.strip().casefold(), value)
        scanner.take()
        if scanner.peek(end_ok=True) is not None:
            raise BackendInvalid(f"{scanner.where}: more follows the object")


class _Scanner:
    """JSON bytes from an iterator of chunks, read a little at a time."""

    def __init__(self, chunks: Iterator[bytes], where: str):
        self._chunks = chunks
        self._buffer = b""
        self._pos = 0
        self.where = where

    def _fill(self) -> bool:
        for chunk in self._chunks:
            if chunk:
                self._buffer = self._buffer[self._pos :] + chunk
                self._pos = 0
                return True
        return False

    def peek(self, *, end_ok: bool = False) -> int | None:
        """The next byte that is not whitespace, left unread."""
        while True:
            while self._pos < len(self._buffer) and self._buffer[self._pos] in WHITESPACE:
                self._pos += 1
            if self._pos < len(self._buffer):
                return self._buffer[self._pos]
            if not self._fill():
                if end_ok:
                    return None
                raise BackendInvalid(f"{self.where}: the answer ends too early")

    def take(self) -> int:
        byte = self.peek()
        self._pos += 1
        return byte

    def expect(self, token: bytes) -> None:
        if self.take() != token[0]:
            raise BackendInvalid(f"{self.where}: expected {token.decode()}")

    def small_value(self) -> object:
        """One JSON value that is not a file: a name, a type, a number, null, a small object."""
        self.peek()
        start = self._pos
        depth = 0
        in_string = escaped = False
        i = start
        while True:
            if i >= len(self._buffer):
                offset = i - self._pos
                start_offset = start - self._pos
                if i - start > SMALL_VALUE_LIMIT or not self._fill():
                    raise BackendInvalid(f"{self.where}: a member is too long or cut off")
                i = self._pos + offset
                start = self._pos + start_offset
                continue
            byte = self._buffer[i]
            if in_string:
                if escaped:
                    escaped = False
                elif byte == ord("\\"):
                    escaped = True
                elif byte == ord('"'):
                    in_string = False
                    if depth == 0:
                        i += 1
                        break
            elif byte == ord('"'):
                in_string = True
            elif byte in b"{[":
                depth += 1
            elif byte in b"}]":
                if depth == 0:
                    break
                depth -= 1
                if depth == 0:
                    i += 1
                    break
            elif byte in b"," + WHITESPACE and depth == 0:
                break
            i += 1
        raw = self._buffer[start:i]
        self._pos = i
        try:
            return json.loads(raw)
        except ValueError:
            raise BackendInvalid(f"{self.where}: a member is not JSON") from None

    def base64_string(self, where: str) -> Iterator[bytes]:
        """The rest of a JSON string of base64 (its opening quote already read), decoded chunk by chunk."""
        carry = b""
        while True:
            if self._pos >= len(self._buffer) and not self._fill():
                raise BackendInvalid(f"{where}: the file is cut off")
            end = self._buffer.find(b'"', self._pos)
            stop = end if end >= 0 else len(self._buffer)
            text = self._buffer[self._pos : stop]
            self._pos = stop
            if b"\\" in text:
                text, rest = _unescape(text)
                self._pos -= len(rest)  # an escape cut by the chunk's end waits for the next chunk
                if rest and not self._fill():
                    raise BackendInvalid(f"{where}: the file is cut off")
            carry += text
            whole = len(carry) - len(carry) % 4
            if whole:
                yield _decode(carry[:whole], where)
                carry = carry[whole:]
            if end >= 0 and self._pos == end:
                self._pos += 1
                break
        if carry:
            yield _decode(carry + b"=" * (-len(carry) % 4), where)  # some encoders leave the padding out


def _unescape(text: bytes) -> tuple[bytes, bytes]:
    """Base64 characters of a string piece with its escapes undone, and an escape left incomplete at its end."""
    out = bytearray()
    i = 0
    while i < len(text):
        byte = text[i]
        if byte != ord("\\"):
            out.append(byte)
            i += 1
            continue
        if i + 1 >= len(text):
            return bytes(out), text[i:]
        kind = text[i + 1]
        if kind == ord("u"):
            if i + 6 > len(text):
                return bytes(out), text[i:]
            try:
                char = chr(int(text[i + 2 : i + 6], 16))
            except ValueError:
                raise BackendInvalid("a file's string has a bad escape") from None
            if char.isspace():
                pass
            elif char.isascii():
                out += char.encode()
            else:
                raise BackendInvalid("a file's string is not base64")
            i += 6
            continue
        if kind not in ESCAPES:
            raise BackendInvalid("a file's string is not base64")
        out += ESCAPES[kind]
        i += 2
    return bytes(out), b""


def _decode(text: bytes, where: str) -> bytes:
    if not BASE64.fullmatch(text):
        raise BackendInvalid(f"{where}: the file is not base64")
    try:
        return base64.b64decode(text, validate=True)
    except binascii.Error:
        raise BackendInvalid(f"{where}: the file is not base64") from None
