"""Sharing an errand: the tenant makes a read-only link and takes it back; the link shows nothing personal."""

import pytest
from django.test import Client
from django.urls import reverse

from apps.sharing.models import ErrandShare


def share_url(errand_id: int) -> str:
    return reverse("sharing:share", args=[errand_id])


def shared_url(token: str) -> str:
    return reverse("sharing:shared", args=[token])


@pytest.fixture
def alices_errand(live_sandbox):
    """One of demo customer 1's errands with a reporter's name and phone, a row, an address and an object number."""
    from apps.sandbox.models import Errand, ErrandParticipant

    errand = (
        Errand.objects.filter(customer__customer_number=live_sandbox.alice.number, rows__isnull=False)
        .select_related("rental_object__building")
        .distinct()
        .first()
    )
    ErrandParticipant.objects.update_or_create(
        errand=errand,
        row=None,
        role=ErrandParticipant.Role.CONTACT,
        defaults={"display_name": "Kalle Reporter", "phone": "070-111 22 33", "email": "kalle.reporter@example.se"},
    )
    return errand


@pytest.fixture
def bobs_errand(live_sandbox):
    from apps.sandbox.models import Errand

    return Errand.objects.filter(customer__customer_number=live_sandbox.bob.number).first()


def shared_link(logged_in, errand) -> str:
    response = logged_in.post(share_url(errand.pk), {"share": "1"})
    assert response.status_code == 302 and response["Location"] == share_url(errand.pk)
    return ErrandShare.objects.get(errand_id=errand.pk).token


def test_an_anonymous_visitor_is_sent_to_log_in_to_share(client):
    assert client.get(share_url(516849)).status_code == 302
    assert client.post(share_url(516849), {"share": "1"}).status_code == 302


def test_an_unknown_link_is_404_and_a_post_is_refused(client, db):
    assert client.get(shared_url("no-such-link")).status_code == 404
    assert client.post(shared_url("no-such-link")).status_code == 405


@pytest.mark.integration
def test_a_tenant_shares_an_errand_and_the_link_shows_it_without_login(logged_in, alices_errand):
    page = logged_in.get(share_url(alices_errand.pk))
    assert page.status_code == 200
    assert "Det här visas aldrig" in page.text
    assert 'name="share"' in page.text

    token = shared_link(logged_in, alices_errand)
    page = logged_in.get(share_url(alices_errand.pk)).text
    assert f"http://testserver{shared_url(token)}" in page
    assert 'name="stop"' in page

    response = Client().get(shared_url(token))
    assert response.status_code == 200
    assert alices_errand.number in response.text
    assert "no-store" in response["Cache-Control"]
    assert response["Referrer-Policy"] == "no-referrer"


@pytest.mark.integration
def test_the_shared_view_shows_nothing_personal(logged_in, alices_errand):
    from apps.sandbox.models import ErrandRowHistoryEntry

    token = shared_link(logged_in, alices_errand)
    html = Client().get(shared_url(token)).text

    obj = alices_errand.rental_object
    row = alices_errand.rows.first()
    staff_names = set(ErrandRowHistoryEntry.objects.filter(row__errand=alices_errand).values_list("user", flat=True))
    never = {
        "Kalle Reporter",
        "070-111 22 33",
        "kalle.reporter@example.se",
        obj.number,
        obj.building.street,
        *(p.display_name for p in row.participants.all()),
        *(n for n in staff_names if n not in {"", "Mina sidor", "PM5"}),  # people, not systems
    }
    # PM5 sends all of it with the errand; the portal drops it when it reads the answer.
    backend_key = ErrandShare.objects.get(token=token).backend_key
    raw = Client().get(f"/sandbox/pm5/arende/{backend_key}").content.decode()
    assert "Kalle Reporter" in raw and obj.number in raw and obj.building.street in raw
    for text in never:
        assert text not in html, f"the shared view shows {text!r}"
    assert obj.type_label in html  # the kind of place, e.g. "Lägenhet" or "Tvättstuga"
    assert row.node.label in html  # what is wrong


@pytest.mark.integration
def test_stopping_sharing_makes_the_link_404_and_withdraws_the_backends_key(logged_in, alices_errand):
    from apps.sandbox.models import ErrandShareKey

    token = shared_link(logged_in, alices_errand)
    backend_key = ErrandShare.objects.get(token=token).backend_key
    assert Client().get(shared_url(token)).status_code == 200  # now cached for a minute

    response = logged_in.post(share_url(alices_errand.pk), {"stop": "1"})

    assert response.status_code == 302
    assert not ErrandShare.objects.exists()
    assert Client().get(shared_url(token)).status_code == 404
    assert ErrandShareKey.objects.get(key=backend_key).revoked_at is not None


@pytest.mark.integration
def test_a_post_without_an_action_changes_nothing(logged_in, alices_errand, backend_calls):
    logged_in.get(share_url(alices_errand.pk))
    backend_calls.reset()

    response = logged_in.post(share_url(alices_errand.pk), {"something": "else"})

    assert response.status_code == 302
    assert not ErrandShare.objects.exists() and len(backend_calls) == 0
    assert logged_in.get("/arenden/abc/dela/").status_code == 404


@pytest.mark.integration
def test_sharing_twice_keeps_one_link(logged_in, alices_errand):
    first = shared_link(logged_in, alices_errand)
    assert shared_link(logged_in, alices_errand) == first
    assert ErrandShare.objects.count() == 1


@pytest.mark.integration
def test_another_tenants_errand_is_404_before_any_backend_call(logged_in, bobs_errand, backend_calls):
    logged_in.get(reverse("faults:errands"))  # the session data is cached now
    backend_calls.reset()

    assert logged_in.get(share_url(bobs_errand.pk)).status_code == 404
    assert logged_in.post(share_url(bobs_errand.pk), {"share": "1"}).status_code == 404
    assert len(backend_calls) == 0
    assert not ErrandShare.objects.exists()


@pytest.mark.integration
def test_a_share_the_backend_cannot_make_keeps_the_page_with_a_calm_message(
    logged_in, alices_errand, sandbox_behaviour
):
    logged_in.get(share_url(alices_errand.pk))  # cached
    sandbox_behaviour(outage=True)

    response = logged_in.post(share_url(alices_errand.pk), {"share": "1"})

    assert response.status_code == 503
    assert "Vi kunde inte skapa en länk just nu." in response.text
    assert 'name="share"' in response.text
    assert not ErrandShare.objects.exists()


@pytest.mark.integration
def test_a_shared_link_while_the_backend_is_down_gets_a_calm_page(logged_in, alices_errand, sandbox_behaviour):
    token = shared_link(logged_in, alices_errand)
    sandbox_behaviour(outage=True)

    response = Client().get(shared_url(token))

    assert response.status_code == 503
    assert "Vi kan inte visa ärendet just nu" in response.text


@pytest.mark.integration
def test_a_link_the_backend_no_longer_knows_is_404(logged_in, alices_errand):
    from apps.sandbox.models import ErrandShareKey

    token = shared_link(logged_in, alices_errand)
    ErrandShareKey.objects.update(revoked_at="2026-01-01T00:00:00Z")

    assert Client().get(shared_url(token)).status_code == 404


@pytest.mark.integration
def test_stopping_while_the_backend_is_down_still_kills_the_link(logged_in, alices_errand, sandbox_behaviour):
    token = shared_link(logged_in, alices_errand)
    sandbox_behaviour(outage=True)

    logged_in.post(share_url(alices_errand.pk), {"stop": "1"})
    sandbox_behaviour()

    assert Client().get(shared_url(token)).status_code == 404


def test_the_public_view_is_limited_per_address(client, db, settings, this_hour):
    settings.SHARED_ERRAND_VIEWS_PER_IP_PER_HOUR = 2
    assert client.get(shared_url("unknown-1")).status_code == 404
    assert client.get(shared_url("unknown-2")).status_code == 404

    response = client.get(shared_url("unknown-3"))

    assert response.status_code == 429
    assert "Försök igen om en stund" in response.text
    assert Client(REMOTE_ADDR="10.0.0.9").get(shared_url("unknown-4")).status_code == 404


def test_the_links_token_is_blanked_in_log_lines():
    from portal.logging import redact

    line = '"GET /delat/AbCdEf0123456789xyzXYZ/ HTTP/1.1" 200 and GET /sandbox/pm5/arende/KEYkey0123456789abcdefgh'
    redacted = redact(line)
    assert "AbCdEf0123456789xyzXYZ" not in redacted
    assert "KEYkey0123456789abcdefgh" not in redacted
    assert redact("/sandbox/pm5/session/x/arende/516849").endswith("/arende/516849")
