"""Inspections: in the errand list, on the errand page, and their protocol streamed through the portal."""

import pytest
from django.urls import reverse

ERRANDS = reverse("faults:errands")


def inspections_of(customer_number: str):
    from apps.sandbox.models import Errand

    return Errand.objects.filter(customer__customer_number=customer_number, kind="Besiktning").order_by("pk")


def done_inspection(customer_number: str):
    return inspections_of(customer_number).filter(closed_at__isnull=False).get()


def protocol_url(errand_id: int, *, inline: bool = False) -> str:
    return reverse("faults:protocol_inline" if inline else "faults:protocol", args=[errand_id])


@pytest.mark.integration
def test_inspections_are_in_the_errand_list_with_their_kind(logged_in, live_sandbox):
    response = logged_in.get(ERRANDS)
    assert response.status_code == 200
    for inspection in inspections_of(live_sandbox.alice.number):
        assert inspection.number in response.text
    assert "Inflyttningsbesiktning" in response.text


@pytest.mark.integration
def test_a_done_inspections_page_offers_its_protocol_and_a_booked_ones_says_when(logged_in, live_sandbox):
    done = done_inspection(live_sandbox.alice.number)
    page = logged_in.get(reverse("faults:errand", args=[done.pk]))
    assert page.status_code == 200
    assert f'href="{protocol_url(done.pk)}"' in page.text
    assert f'href="{protocol_url(done.pk, inline=True)}"' in page.text
    assert "Din beskrivning" not in page.text, "an inspection is the landlord's, not the tenant's report"

    booked = inspections_of(live_sandbox.alice.number).filter(closed_at__isnull=True).get()
    page = logged_in.get(reverse("faults:errand", args=[booked.pk]))
    assert "Protokollet kan hämtas här när besiktningen är gjord." in page.text
    assert protocol_url(booked.pk) not in page.text


@pytest.mark.integration
def test_the_protocol_is_streamed_as_a_named_pdf(logged_in, live_sandbox):
    done = done_inspection(live_sandbox.alice.number)
    response = logged_in.get(protocol_url(done.pk))
    assert response.status_code == 200
    assert response.streaming
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == f'attachment; filename="besiktningsprotokoll-{done.number}.pdf"'
    assert b"".join(response.streaming_content).startswith(b"%PDF")
    inline = logged_in.get(protocol_url(done.pk, inline=True))
    assert inline["Content-Disposition"].startswith("inline;")


@pytest.mark.integration
def test_another_tenants_inspection_or_an_errand_that_is_none_is_not_found_without_asking_the_backend(
    client, bob, live_sandbox, backend_calls
):
    from apps.sandbox.models import Errand

    alices = done_inspection(live_sandbox.alice.number)
    client.force_login(bob)
    client.get(ERRANDS)  # bob's own session data, now cached
    backend_calls.reset()
    assert client.get(protocol_url(alices.pk)).status_code == 404
    bobs_fault = Errand.objects.filter(customer__customer_number=live_sandbox.bob.number, kind="Order").first()
    if bobs_fault is not None:
        assert client.get(protocol_url(bobs_fault.pk)).status_code == 404
    assert client.get(protocol_url(999999999)).status_code == 404
    assert len(backend_calls) == 0


@pytest.mark.integration
def test_a_protocol_the_backend_does_not_have_yet_sends_the_tenant_back_with_word(logged_in, live_sandbox):
    booked = inspections_of(live_sandbox.alice.number).filter(closed_at__isnull=True).get()
    response = logged_in.get(protocol_url(booked.pk), follow=True)
    assert response.redirect_chain == [(reverse("faults:errand", args=[booked.pk]), 302)]
    assert "Protokollet finns inte hos hyresvärden ännu." in response.text


@pytest.mark.integration
def test_a_failing_backend_sends_the_tenant_back_with_a_calm_message(logged_in, live_sandbox):
    from apps.sandbox.models import SandboxBehaviour

    done = done_inspection(live_sandbox.alice.number)
    logged_in.get(ERRANDS)  # the session data is cached
    SandboxBehaviour.objects.update_or_create(pk=1, defaults={"outage": True})

    response = logged_in.get(protocol_url(done.pk))

    assert response.status_code == 302
    assert response["Location"] == reverse("faults:errand", args=[done.pk])
    page = logged_in.get(response["Location"])
    assert "Vi kunde inte hämta protokollet just nu." in page.text
    assert "Traceback" not in page.text


def test_the_protocol_refuses_other_methods(client, alice):
    client.force_login(alice)
    assert client.post(protocol_url(1)).status_code == 405


def test_the_protocol_is_calm_when_the_backend_is_down(client, alice, settings, unreachable):
    settings.PM5_BASE_URL = f"{unreachable}/pm5"
    client.force_login(alice)
    response = client.get(protocol_url(1))
    assert response.status_code == 503
    assert "Vi kan inte visa dina ärenden just nu" in response.text
