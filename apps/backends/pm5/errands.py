"""Fault reports and errands: the node walk, Skapa felanmälan, Hämta ett ärende, Hämta Ärenderadfil."""

import base64
import json
import secrets
from collections.abc import Iterator, Sequence
from urllib.parse import quote

from apps.backends.download import Download
from apps.backends.pm5 import errands_parse
from apps.backends.pm5.base import Pm5Base, query
from apps.backends.pm5.errands_types import FaultReportRequest, NodeChoices, ReportPhoto
from apps.backends.pm5.types import Errand

ERRAND_TYPE = "Order"  # ArendeTyp of the walk, spelled as in the seed's tables (A06)


class ErrandsApi(Pm5Base):
    def node_choices(
        self,
        key: str,
        path: Sequence[str],
        *,
        nodes: bool = True,
        fault_types: bool = False,
        key_handling: bool = False,
        errand_type: str = ERRAND_TYPE,
        usage: str = errands_parse.USAGE_FAULT_REPORT,
    ) -> NodeChoices:
        """GET /session/{key}/arende/typ/Order/Felanmälan/{path}: what lies under each node of the path.

        Every flag is sent, true or false (A07); the path is the node ids joined with '-' (A40).
        A general errand walks its class: ``errand_type`` AllmantArende, ``usage`` the class's SystemName;
        an inspection ``errand_type`` Besiktning (000:609).
        """
        segments = [errand_type, usage, "-".join(path)]
        params = {
            "HämtaAvser": nodes,
            "HämtaFelbeskrivningstyper": fault_types,
            "HämtaNyckelhanteringstyper": key_handling,
        }
        url = self._session_path(key, "arende", "typ", *(quote(s, safe="") for s in segments))
        return errands_parse.node_choices(self._json("GET", url, "node walk", params=query(params)))

    def create_fault_report(self, key: str, report: FaultReportRequest, *, idempotency_key: str | None = None) -> int:
        """POST /session/{key}/arende/: the new errand's ÄrendeId.

        Never retried here: PM5 has no idempotency key (A09), so the caller decides
        what a failed attempt means. ``idempotency_key`` goes in an Idempotency-Key
        header, which the sandbox honours and a real PM5 ignores.
        """
        body = _StreamedJson(report)
        headers = {"Content-Type": "application/json; charset=utf-8"}
        if idempotency_key:
            headers["Idempotency-Key"] = idempotency_key
        path = self._session_path(key, "arende") + "/"
        response = self._send("POST", path, "create fault report", data=body, headers=headers)
        try:
            data = response.json()
        except ValueError:
            data = None
        return errands_parse.created_errand_id(data)

    def get_errand(self, key: str, errand_id: int) -> Errand:
        """GET /session/{key}/arende/{ÄrendeId}."""
        data = self._json("GET", self._session_path(key, "arende", str(int(errand_id))), "get errand")
        return errands_parse.errand_answer(data)

    def errand_row_file(self, key: str, errand_id: int, row_id: int, file_id: int) -> Download:
        """GET /session/{key}/arenderadfil/{ArendeId}/{ArendeRadId}/{FilesId}, streamed (A28)."""
        ids = (str(int(errand_id)), str(int(row_id)), str(int(file_id)))
        return self.transport.download(self._session_path(key, "arenderadfil", *ids), "errand row file")


class _StreamedJson:
    """The create request's JSON, with each photo base64-encoded from its file while it is sent.

    Base64 of n bytes is exactly 4·⌈n/3⌉ characters, so the body's length is known
    before a photo is opened and it goes with a Content-Length: at no time is more
    than one chunk of one photo in memory, however many photos a report carries.
    """

    CHUNK = 3 * 64 * 1024  # a multiple of 3, so chunks encode without padding between them

    def __init__(self, report: FaultReportRequest):
        self.photos: list[ReportPhoto] = [photo for row in report.rows for photo in row.photos]
        token = secrets.token_hex(16)
        placeholders = [f"{token}-{i}" for i in range(len(self.photos))]
        text = json.dumps(errands_parse.create_body(report, placeholders), ensure_ascii=False)
        self.pieces = [piece.encode() for piece in _split_on(text, [json.dumps(p) for p in placeholders])]

    def __len__(self) -> int:
        photos = sum(2 + 4 * -(-photo.size // 3) for photo in self.photos)  # quotes + base64
        return sum(len(piece) for piece in self.pieces) + photos

    def __iter__(self) -> Iterator[bytes]:
        yield self.pieces[0]
        for photo, piece in zip(self.photos, self.pieces[1:], strict=True):
            yield b'"'
            yield from self._encoded(photo)
            yield b'"'
            yield piece

    def _encoded(self, photo: ReportPhoto) -> Iterator[bytes]:
        sent = 0
        carry = b""  # a file may return short reads; only whole 3-byte groups are encoded mid-stream
        with photo.open() as file:
            while chunk := file.read(self.CHUNK):
                sent += len(chunk)
                carry += chunk
                whole = len(carry) - len(carry) % 3
                if whole:
                    yield base64.b64encode(carry[:whole])
                    carry = carry[whole:]
        if carry:
            yield base64.b64encode(carry)
        if sent != photo.size:
            # The Content-Length promised would be wrong; better to fail than to send garbage.
            raise OSError(f"a photo changed size while it was sent ({sent} bytes, not {photo.size})")


def _split_on(text: str, separators: list[str]) -> list[str]:
    pieces = []
    for separator in separators:
        head, found, text = text.partition(separator)
        if not found:
            raise ValueError("a photo's placeholder is missing from the body")
        pieces.append(head)
    return [*pieces, text]
