"""The documents page and downloads: grouped by object, streamed, only the tenant's own."""

import pytest
from django.http import StreamingHttpResponse
from django.urls import reverse

LIST = reverse("documents:list")


def download_url(file_id: int) -> str:
    return reverse("documents:download", args=[file_id])


def read(response) -> bytes:
    try:
        return b"".join(response.streaming_content)
    finally:
        response.close()


def test_an_anonymous_visitor_is_sent_to_log_in(client):
    assert client.get(LIST).status_code == 302
    assert client.get(download_url(12345)).status_code == 302


def test_it_refuses_a_post(client, alice):
    client.force_login(alice)
    assert client.post(LIST).status_code == 405
    assert client.post(download_url(12345)).status_code == 405


def test_a_staff_account_without_a_customer_sees_no_documents(client, staff):
    client.force_login(staff)
    assert client.get(LIST).status_code == 403


def test_a_failing_backend_gets_a_calm_page(client, alice, settings, unreachable):
    settings.PM5_BASE_URL = f"{unreachable}/pm5"
    client.force_login(alice)
    response = client.get(LIST)
    assert response.status_code == 503
    assert "Vi kan inte visa dina dokument just nu" in response.text


@pytest.mark.integration
def test_documents_are_grouped_by_object_with_label_file_type_and_message(logged_in, live_sandbox, documents):
    response = logged_in.get(LIST)

    assert response.status_code == 200
    groups = response.context["groups"]
    titles = [(str(g.object_type), g.address) for g in groups]
    assert ("Lägenhet", "Storgatan 16") in titles
    assert ("Tvättstuga", "Storgatan 16") in titles
    html = response.text
    lease = documents.lease()
    assert f'<a href="{download_url(lease.pk)}">{lease.label}</a>' in html
    assert "Hyresavtal · PDF" in html
    assert lease.message in html
    assert 'hx-history="false"' in html


@pytest.mark.integration
def test_within_an_object_documents_follow_the_backends_order(logged_in, live_sandbox):
    apartment = next(g for g in logged_in.get(LIST).context["groups"] if str(g.object_type) == "Lägenhet")
    categories = [d.category for d in apartment.documents]
    assert categories == ["Hyresavtal", "Ritningar", "Information", "Information", "Bruksanvisning"]


@pytest.mark.integration
def test_an_external_link_opens_without_handing_over_the_page(logged_in, live_sandbox, documents):
    link = documents.link()
    html = logged_in.get(LIST).text
    assert f'<a href="{link.web_url}" target="_blank" rel="noopener noreferrer">' in html
    assert "(öppnas i ett nytt fönster)" in html


@pytest.mark.integration
def test_a_download_is_streamed_with_its_type_and_name(logged_in, live_sandbox, documents):
    lease = documents.lease()
    response = logged_in.get(download_url(lease.pk))

    assert response.status_code == 200
    assert isinstance(response, StreamingHttpResponse)
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == f'attachment; filename="{lease.label}.pdf"'
    body = read(response)
    assert body.startswith(b"%PDF-")
    assert int(response["Content-Length"]) == len(body) == lease.file.size


@pytest.mark.integration
def test_a_name_with_swedish_letters_is_encoded_per_rfc_6266(logged_in, live_sandbox):
    from apps.sandbox.models import Document

    rules = Document.objects.get(label="Ordningsregler för tvättstugan")
    response = logged_in.get(download_url(rules.pk))
    read(response)
    assert response["Content-Disposition"] == (
        "attachment; filename*=utf-8''Ordningsregler%20f%C3%B6r%20tv%C3%A4ttstugan.pdf"
    )


@pytest.mark.integration
def test_it_rejects_another_tenants_document_without_asking_the_backend_for_it(
    logged_in, live_sandbox, bobs_document, backend_calls
):
    logged_in.get(LIST)  # the tenant's own documents are cached
    backend_calls.reset()

    response = logged_in.get(download_url(bobs_document.pk))

    assert response.status_code == 404
    assert len(backend_calls) == 0


@pytest.mark.integration
def test_a_link_has_no_file_to_download(logged_in, live_sandbox, documents, backend_calls):
    logged_in.get(LIST)
    backend_calls.reset()
    assert logged_in.get(download_url(documents.link().pk)).status_code == 404
    assert len(backend_calls) == 0


@pytest.mark.integration
def test_a_failing_backend_gets_a_calm_message_on_the_documents_page(logged_in, live_sandbox, documents):
    from apps.sandbox.models import SandboxBehaviour

    logged_in.get(LIST)
    SandboxBehaviour.objects.update_or_create(pk=1, defaults={"outage": True})

    response = logged_in.get(download_url(documents.lease().pk), follow=True)

    assert response.redirect_chain == [(LIST, 302)]
    assert f"Vi kunde inte hämta {documents.lease().label} just nu" in response.text


@pytest.mark.integration
def test_the_large_scanned_drawing_is_made_on_first_download_and_streamed_in_chunks(
    media_root, logged_in, live_sandbox, documents
):
    drawing = documents.drawing()
    assert not drawing.file, "the demo build writes no large file"

    response = logged_in.get(download_url(drawing.pk))

    assert response.status_code == 200
    size, chunks = 0, 0
    first = b""
    for chunk in response.streaming_content:
        first = first or bytes(chunk[:8])
        size += len(chunk)
        chunks += 1
        assert len(chunk) <= 64 * 1024, "handed on chunk by chunk"
    response.close()
    assert first.startswith(b"%PDF-")
    assert size >= 20 * 1024 * 1024
    assert size == int(response["Content-Length"])
    assert chunks > 300
    drawing.refresh_from_db()
    assert drawing.file.name.endswith(f"planritning-{drawing.rental_object.number}.pdf")


@pytest.mark.integration
def test_cold_a_download_asks_for_the_session_data_and_the_file_at_once(
    logged_in, live_sandbox, documents, pm5_in_flight
):
    from apps.customer.services import CustomerSession

    logged_in.get(LIST)  # the backend session key, as at login
    CustomerSession(None, live_sandbox.alice.number).forget()
    pm5_in_flight.reset()

    response = logged_in.get(download_url(documents.lease().pk))

    assert response.status_code == 200 and read(response)
    assert len(pm5_in_flight.calls) == 2 and pm5_in_flight.most == 2, "one round trip"


@pytest.mark.integration
def test_cold_another_tenants_document_is_404_and_its_bytes_are_not_sent_on(
    logged_in, live_sandbox, bobs_document, pm5_in_flight
):
    from apps.customer.services import CustomerSession

    logged_in.get(LIST)
    CustomerSession(None, live_sandbox.alice.number).forget()
    pm5_in_flight.reset()

    response = logged_in.get(download_url(bobs_document.pk))

    assert response.status_code == 404
    assert not isinstance(response, StreamingHttpResponse)
    assert bobs_document.label not in response.text
