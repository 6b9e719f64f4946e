"""Hämta utskrift and Hämta dokument: the sandbox's side and the PM5 client's, over real HTTP."""

import io

import pytest
import requests
from pypdf import PdfReader

from apps.backends.errors import BackendInvalid, BackendNotFound, BackendSessionExpired, BackendUnavailable
from apps.backends.pm5 import get_client

pytestmark = pytest.mark.integration


@pytest.fixture
def key(live_sandbox) -> str:
    return get_client().open_session(customer_number=live_sandbox.alice.number)


def test_the_print_of_a_notice_is_a_pdf_of_everything_on_it(live_sandbox, key, notices):
    notice = notices.partly_paid()
    download = get_client().notice_pdf(key, notice.pk)
    try:
        body = b"".join(download)
    finally:
        download.close()

    assert download.content_type == "application/pdf"
    assert download.length == len(body)
    reader = PdfReader(io.BytesIO(body))
    text = " ".join(page.extract_text() for page in reader.pages).replace("\xa0", " ")
    assert reader.metadata.title == f"Hyresavi {notice.number}"
    for expected in (
        notice.number,
        notice.ocr,
        "Kalle Andersson",
        "Storgatan 16",
        "Org.nr 556677-8899",
        "Grundhyra",
        "Förfallodag",
        f"{notice.due_date:%Y-%m-%d}",
        "Inbetalt",
        "Att betala",
        "Bankgiro",
    ):
        assert expected in text, expected


def test_the_print_holds_the_hot_water_readings_quantity_and_unit_price(live_sandbox, key):
    from apps.sandbox.models import LedgerRowSpecification

    spec = (
        LedgerRowSpecification.objects.filter(row__period__notice__customer__customer_number=live_sandbox.alice.number)
        .select_related("row__period__notice")
        .first()
    )
    download = get_client().notice_pdf(key, spec.row.period.notice.pk)
    text = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(b"".join(download))).pages).replace("\xa0", " ")
    download.close()

    assert f"mätare {spec.source_identity}" in text
    assert f"{spec.value_from:.3f}".replace(".", ",") in text
    assert f"= {spec.quantity:.3f}".replace(".", ",") in text
    assert "à 62,50 kr" in text


def test_the_same_notice_prints_to_the_same_bytes(live_sandbox, key, notices):
    client = get_client()
    first, second = (client.notice_pdf(key, notices.repair().pk) for _ in range(2))
    assert b"".join(first) == b"".join(second)


def test_a_credit_invoice_says_nothing_is_to_be_paid(live_sandbox, key, notices):
    download = get_client().notice_pdf(key, notices.credit().pk)
    text = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(b"".join(download))).pages)
    assert "Kreditfaktura" in text
    assert "Du ska inte betala något" in text


def test_another_customers_notice_is_not_found(live_sandbox, key, bobs_notice):
    with pytest.raises(BackendNotFound):
        get_client().notice_pdf(key, bobs_notice.pk)


def test_an_unknown_notice_is_not_found(live_sandbox, key):
    with pytest.raises(BackendNotFound):
        get_client().notice_pdf(key, 1)


def test_a_stale_key_is_expired(live_sandbox, notices):
    with pytest.raises(BackendSessionExpired):
        get_client().notice_pdf("not-a-key", notices.repair().pk)


def test_an_outage_is_unavailable(live_sandbox, key, notices):
    from apps.sandbox.models import SandboxBehaviour

    SandboxBehaviour.objects.update_or_create(pk=1, defaults={"outage": True})
    with pytest.raises(BackendUnavailable):
        get_client().notice_pdf(key, notices.repair().pk)


def test_a_document_comes_with_its_mime_type(live_sandbox, key):
    from apps.sandbox.models import Document

    lease = Document.objects.filter(customer__customer_number=live_sandbox.alice.number).first()
    download = get_client().document_file(key, lease.pk)
    body = b"".join(download)
    assert download.content_type == "application/pdf"
    assert body == lease.file.open("rb").read()


def test_a_shared_document_of_an_object_the_customer_uses_is_theirs_too(live_sandbox, key):
    from apps.sandbox.models import Document

    rules = Document.objects.get(label="Ordningsregler för tvättstugan", rental_object__number__startswith="142")
    assert b"".join(get_client().document_file(key, rules.pk)).startswith(b"%PDF-")


def test_another_customers_document_and_a_link_are_not_found(live_sandbox, key):
    from apps.sandbox.models import Document

    bobs = Document.objects.filter(customer__customer_number=live_sandbox.bob.number).first()
    link = Document.objects.exclude(web_url="").first()
    for document in (bobs, link):
        with pytest.raises(BackendNotFound):
            get_client().document_file(key, document.pk)


def test_the_paths_are_matched_in_any_case_and_with_a_trailing_slash(live_sandbox, key, notices):
    base = f"{live_sandbox.base_url}/Session/{key}/Kund/Ekonomi/Avisering/{notices.repair().pk}/"
    response = requests.get(base, timeout=10)
    assert response.status_code == 200
    assert response.headers["Content-Type"] == "application/pdf"


def test_a_path_id_that_is_not_a_number_is_not_found(live_sandbox, key):
    response = requests.get(f"{live_sandbox.base_url}/session/{key}/kund/dokument/abc", timeout=10)
    assert response.status_code == 404
    assert response.json()["Felkod"] == "DokumentSaknas"


def test_only_get_is_allowed(live_sandbox, key, notices):
    response = requests.post(
        f"{live_sandbox.base_url}/session/{key}/kund/ekonomi/avisering/{notices.repair().pk}", timeout=10
    )
    assert response.status_code == 405


def test_a_pdf_endpoint_answering_anything_else_is_a_contract_breach(live_sandbox, key, monkeypatch):
    # The session endpoint answers JSON: asking it for "a PDF" must not hand JSON to the browser.
    from apps.backends.pm5 import economy

    monkeypatch.setattr(economy.EconomyApi, "_session_path", lambda self, key, *rest: f"/session/{key}")
    with pytest.raises(BackendInvalid):
        get_client().notice_pdf(key, 1)


def test_a_client_that_accepts_only_json_is_not_sent_a_pdf(live_sandbox, key, notices):
    # The client asks for what it wants (Accept: application/pdf); a strict PM5 refuses JSON-only asks.
    url = f"{live_sandbox.base_url}/session/{key}/kund/ekonomi/avisering/{notices.repair().pk}"
    assert requests.get(url, headers={"Accept": "application/json"}, timeout=10).status_code == 406
    assert requests.get(url, headers={"Accept": "application/pdf"}, timeout=10).status_code == 200
