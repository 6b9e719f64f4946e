"""A tenant looks at an unpaid invoice, downloads its PDF and finds the documents."""

import re

import pytest
from playwright.sync_api import expect

pytestmark = [pytest.mark.integration, pytest.mark.journey]


def test_a_tenant_opens_an_unpaid_invoice_and_downloads_its_pdf(journey, alice, live_sandbox):
    walk = journey("invoices")
    page = walk.page
    walk.log_in("alice@example.se", "Alice-password-1")
    expect(page.get_by_role("heading", level=1)).to_have_text("Översikt")

    page.get_by_role("navigation", name="Huvudmeny").get_by_role("link", name="Fakturor").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Fakturor och avier")
    walk.check("invoice list")

    unpaid = page.get_by_role("table", name=re.compile("^Obetalda avier och fakturor"))
    unpaid.get_by_role("row").filter(has_text="Obetald").first.get_by_role("rowheader").get_by_role("link").click()
    expect(page.get_by_role("heading", name="Så betalar du")).to_be_visible()
    expect(page.get_by_role("img", name="QR-kod för betalning med bankappen")).to_be_visible()
    walk.check("invoice detail")

    with page.expect_download() as download_info:
        page.get_by_role("link", name="Ladda ner PDF").click()
    download = download_info.value
    assert download.suggested_filename.endswith(".pdf")
    with open(download.path(), "rb") as pdf:
        assert pdf.read(5) == b"%PDF-"

    page.get_by_role("navigation", name="Huvudmeny").get_by_role("link", name="Dokument").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Dokument")
    expect(page.get_by_role("link", name=re.compile(r"^Hyresavtal ")).first).to_be_visible()
    walk.check("documents")
