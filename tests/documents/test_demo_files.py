"""The sandbox's demo documents: every apartment's and laundry room's papers, and the large drawing."""

import hashlib
import io

import pytest
from pypdf import PdfReader

from apps.sandbox.demo.documents import MANUAL_PAGES, STOVE, manual
from apps.sandbox.demo.files import text_pdf, write_scanned_drawing


def test_a_text_pdf_has_a_page_per_list_of_lines():
    reader = PdfReader(io.BytesIO(text_pdf("Trivselregler", [["Första sidan"], ["Andra sidan", "åäö"]])))
    assert len(reader.pages) == 2
    assert "Andra sidan" in reader.pages[1].extract_text()
    assert "åäö" in reader.pages[1].extract_text()


def test_a_manual_is_the_small_file_of_the_benchmark():
    pdf = manual("Spis och ugn", STOVE)
    assert 80_000 <= len(pdf) <= 130_000
    assert len(PdfReader(io.BytesIO(pdf)).pages) == MANUAL_PAGES


def test_the_scanned_drawing_is_a_large_valid_pdf_and_the_same_every_time():
    digests = []
    for _ in range(2):
        out = io.BytesIO()
        size = write_scanned_drawing(
            out, title="Planritning 142-043-01", caption="Lägenhet", rooms=2, seed="142-043-01"
        )
        body = out.getvalue()
        assert size == len(body) >= 20 * 1024 * 1024
        digests.append(hashlib.sha256(body).hexdigest())
    assert digests[0] == digests[1]
    reader = PdfReader(io.BytesIO(body))
    assert "Planritning 142-043-01" in reader.pages[0].extract_text()
    image = reader.pages[0].images[0]
    assert image.image.size == (5953, 4209)


@pytest.mark.django_db(transaction=True)
def test_every_apartment_and_laundry_room_has_its_documents(settings, tmp_path):
    from apps.sandbox.demo import build_demo, reset_demo
    from apps.sandbox.models import Document, RentalObject

    settings.MEDIA_ROOT = tmp_path
    build_demo(size="small")
    try:
        for apartment in RentalObject.objects.filter(kind=RentalObject.Kind.BOSTAD, leases__isnull=False):
            labels = set(Document.objects.filter(rental_object=apartment).values_list("label", flat=True))
            assert {
                f"Hyresavtal {apartment.number}",
                f"Planritning {apartment.number}",
                "Trivselregler",
                "Spis och ugn",
                "Information om ditt boende",
            } <= labels
        for laundry in RentalObject.objects.filter(kind=RentalObject.Kind.TVATTSTUGA):
            documents = Document.objects.filter(rental_object=laundry)
            assert documents.filter(extension=".PDF").count() == 2
            assert documents.exclude(web_url="").count() == 1
        stored = Document.objects.exclude(file="")
        assert all(d.file.storage.exists(d.file.name) for d in stored)
        assert not Document.objects.filter(recipe="", file="", web_url="").exists(), "every file has its bytes"
        assert not any(p.name.startswith("planritning") for p in tmp_path.rglob("*")), "drawings wait for a download"
    finally:
        reset_demo()
