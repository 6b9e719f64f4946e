"""Streaming a backend file to the browser, under WSGI and ASGI alike, without reading it whole."""

import asyncio

import pytest
import requests
from django.test import AsyncRequestFactory, RequestFactory

from apps.backends.errors import BackendUnavailable
from apps.backends.pm5.economy_types import Download
from portal.responses import safe_filename, streamed


class FakeResponse:
    """A backend answer whose body arrives in pieces, recording how far it has been read."""

    def __init__(self, chunks: list[bytes], *, fail_after: int | None = None, headers=None):
        self.chunks = chunks
        self.read = 0
        self.closed = False
        self.fail_after = fail_after
        self.headers = headers or {}

    def iter_content(self, chunk_size):
        for index, chunk in enumerate(self.chunks):
            if self.fail_after is not None and index == self.fail_after:
                raise requests.ConnectionError("reset")
            self.read += 1
            yield chunk

    def close(self):
        self.closed = True


def test_a_download_reads_the_backend_only_as_fast_as_it_is_handed_on():
    response = FakeResponse([b"a" * 10, b"b" * 10, b"c" * 10], headers={"Content-Length": "30"})
    download = Download(response, endpoint="test", content_type="application/pdf")
    chunks = iter(download)

    assert next(chunks) == b"a" * 10
    assert response.read == 1, "one chunk in memory at a time"
    assert download.length == 30
    download.close()
    assert response.closed


def test_a_download_cut_off_midway_is_an_error_not_a_short_file():
    download = Download(FakeResponse([b"a", b"b", b"c"], fail_after=1), endpoint="test", content_type="x/y")
    with pytest.raises(BackendUnavailable):
        list(download)


def test_a_compressed_answer_has_no_length_to_hand_on():
    response = FakeResponse([], headers={"Content-Length": "10", "Content-Encoding": "gzip"})
    assert Download(response, endpoint="test", content_type="x/y").length is None


def a_download(response: FakeResponse) -> Download:
    return Download(response, endpoint="test", content_type="application/pdf")


@pytest.mark.django_db  # closing a response ends the request, which tidies database connections
def test_under_wsgi_the_chunks_are_read_one_at_a_time():
    backend = FakeResponse([b"%PDF-", b"x" * 10, b"y" * 10], headers={"Content-Length": "25"})
    response = streamed(RequestFactory().get("/"), a_download(backend), filename="avi.pdf")

    assert not response.is_async
    chunks = iter(response.streaming_content)
    assert next(chunks) == b"%PDF-"
    assert backend.read == 1
    assert response["Content-Length"] == "25"
    response.close()
    assert backend.closed


@pytest.mark.django_db
def test_under_asgi_the_chunks_are_read_one_at_a_time_too():
    backend = FakeResponse([b"%PDF-", b"x" * 10, b"y" * 10], headers={"Content-Length": "25"})
    response = streamed(AsyncRequestFactory().get("/"), a_download(backend), filename="avi.pdf")

    async def first_chunk():
        async for chunk in response.streaming_content:
            return chunk

    assert response.is_async
    assert asyncio.run(first_chunk()) == b"%PDF-"
    assert backend.read == 1, "not consumed into a list first"
    assert response["Content-Length"] == "25"
    response.close()
    assert backend.closed


def test_the_file_name_is_sent_per_rfc_6266():
    response = streamed(RequestFactory().get("/"), a_download(FakeResponse([])), filename="Tvättstuga.pdf")
    assert response["Content-Disposition"] == "attachment; filename*=utf-8''Tv%C3%A4ttstuga.pdf"
    inline = streamed(RequestFactory().get("/"), a_download(FakeResponse([])), filename="avi.pdf", as_attachment=False)
    assert inline["Content-Disposition"] == 'inline; filename="avi.pdf"'


def test_a_file_name_never_carries_a_path_or_control_characters():
    assert safe_filename('../../etc/passwd\r\n"x".pdf') == "etc passwd x .pdf"
    assert safe_filename("...") == "fil"
