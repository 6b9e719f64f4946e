"""Give notice: the lease, the earliest end, the password again, the outbox, the receipt, withdrawing."""

from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from apps.kobo import rules
from apps.kobo.models import Notice
from apps.kobo.services import notices
from tests.kobo.conftest import ANNA_OBJECT, KALLE_OBJECT, notice_attempted, notice_settles, sandbox_unit

pytestmark = pytest.mark.integration

PAGE = reverse("kobo:notice", args=[KALLE_OBJECT])
# Kobo down for notices alone: the page can still read the lease, the notice cannot be registered.
NOTICES_DOWN = {"outage": True, "outage_path": "/leieforhold/oppsigelse"}


def earliest() -> date:
    return rules.earliest_end(timezone.localdate(), rules.Period(months=3, by_law=True))


def kobo_lease(object_number: str = KALLE_OBJECT) -> dict:
    return sandbox_unit(object_number).document["leieforhold"]


def test_the_page_shows_the_lease_and_explains_the_earliest_end(kobo_copy, logged_in):
    response = logged_in.get(PAGE)

    assert response.status_code == 200
    html = response.content.decode()
    assert "Säg upp hyresavtalet" in html
    assert "2019-04-01" in html  # the lease's start, as Swedish writes it
    assert "3 månader, som lagen säger" in html
    assert f"kan hyresavtalet upphöra tidigast {earliest().isoformat()}" in html
    assert f'min="{earliest().isoformat()}"' in html
    assert f'action="{PAGE}"' in html and 'method="post"' in html  # a plain form: works without JavaScript


def test_the_page_is_in_norwegian_for_a_norwegian_reader(kobo_copy, logged_in):
    logged_in.post(reverse("set_language"), {"language": "nb", "next": PAGE})

    html = logged_in.get(PAGE).content.decode()
    assert "Si opp leieforholdet" in html
    assert "3 måneder" in html


def test_one_object_in_kobo_goes_straight_to_its_page(kobo_copy, logged_in):
    assert logged_in.get(reverse("kobo:start")).url == PAGE


def test_another_tenants_object_and_an_unknown_one_are_not_found(kobo_copy, logged_in):
    assert logged_in.get(reverse("kobo:notice", args=[ANNA_OBJECT])).status_code == 404
    assert logged_in.get(reverse("kobo:notice", args=["999-999-99"])).status_code == 404


def test_giving_notice_asks_for_the_password_first(kobo_copy, logged_in):
    response = logged_in.post(PAGE, {"give_notice": "1", "end_date": earliest().isoformat()})

    assert response.status_code == 302 and reverse("account_reauthenticate") in response.url
    assert not Notice.objects.exists()


def test_a_notice_is_registered_in_kobo_and_the_receipt_shows_its_dates(kobo_copy, reauthenticated):
    chosen = earliest() + timedelta(days=14)

    response = reauthenticated.post(PAGE, {"give_notice": "1", "end_date": chosen.isoformat()})

    assert response.status_code == 302 and response.url == PAGE
    notice = notice_settles()
    assert notice.status == Notice.Status.REGISTERED and notice.period == "MND3"
    lease = kobo_lease()
    assert lease["oppsagtAktor"] == "LEIETAKER"
    assert lease["oppsigelseMottattDato"] == timezone.localdate().isoformat()
    assert lease["oppsagtFraDato"] == lease["planlagtUtflyttingsdato"] == chosen.isoformat()
    html = reauthenticated.get(PAGE).content.decode()
    assert "Uppsägningen är registrerad" in html and chosen.isoformat() in html
    assert 'name="withdraw"' in html


def test_a_double_submit_gives_notice_once(kobo_copy, reauthenticated):
    body = {"give_notice": "1", "end_date": earliest().isoformat()}

    reauthenticated.post(PAGE, body)
    reauthenticated.post(PAGE, body)

    assert Notice.objects.count() == 1
    assert notice_settles().status == Notice.Status.REGISTERED


@pytest.mark.parametrize(
    ("chosen", "message"),
    [
        (lambda: timezone.localdate() - timedelta(days=1), "Dagen har redan varit"),
        (lambda: earliest() - timedelta(days=1), "Uppsägningstiden räcker inte"),
        (lambda: "31.12.2027", "ÅÅÅÅ-MM-DD"),
        (lambda: "", "Välj hyresavtalets sista dag"),
    ],
)
def test_a_date_the_rule_does_not_allow_is_refused_next_to_the_field(kobo_copy, reauthenticated, chosen, message):
    value = chosen()
    response = reauthenticated.post(PAGE, {"give_notice": "1", "end_date": str(value)})

    assert response.status_code == 200
    html = response.content.decode()
    assert message in html
    assert 'id="id_end_date_error"' in html and "error-summary" in html
    assert f'value="{value}"' in html or value == ""
    assert not Notice.objects.exists()


def test_a_lease_with_its_own_period_is_counted_by_it(kobo_copy, bob, client):
    client.force_login(bob)
    page = reverse("kobo:notice", args=[ANNA_OBJECT])

    html = client.get(page).content.decode()

    one_month = rules.earliest_end(timezone.localdate(), rules.Period(months=1))
    assert "1 månad, enligt ditt avtal" in html
    assert f"tidigast {one_month.isoformat()}" in html


def test_while_kobo_is_down_a_submit_sends_nothing_and_answers_calmly(kobo_copy, reauthenticated, sandbox_behaviour):
    sandbox_behaviour(outage=True)

    response = reauthenticated.post(PAGE, {"give_notice": "1", "end_date": earliest().isoformat()})

    assert response.status_code == 503  # the page cannot read the lease to check the date
    assert not Notice.objects.exists()
    html = response.content.decode()
    assert f'name="end_date" value="{earliest().isoformat()}"' in html  # the choice goes with the retry
    assert 'name="give_notice"' in html


def test_a_notice_that_kobo_cannot_take_now_stays_queued_and_is_delivered_later(
    kobo_copy, reauthenticated, sandbox_behaviour
):
    chosen = earliest()
    sandbox_behaviour(**NOTICES_DOWN)

    reauthenticated.post(PAGE, {"give_notice": "1", "end_date": chosen.isoformat()})

    notice = notice_attempted()
    assert notice.status == Notice.Status.QUEUED and notice.last_error == "BackendUnavailable"
    assert kobo_lease()["oppsagtAktor"] is None
    assert "Uppsägningen är mottagen" in reauthenticated.get(PAGE).content.decode()

    sandbox_behaviour()  # Kobo takes notices again
    Notice.objects.filter(pk=notice.pk).update(next_attempt_at=timezone.now())
    assert notices.sweep() == 1
    notice = notice_settles()
    assert notice.status == Notice.Status.REGISTERED and kobo_lease()["oppsagtFraDato"] == chosen.isoformat()


def test_the_receipt_asks_again_while_the_notice_waits_and_reloads_the_page_once_it_has_settled(
    kobo_copy, reauthenticated, sandbox_behaviour
):
    sandbox_behaviour(**NOTICES_DOWN)
    reauthenticated.post(PAGE, {"give_notice": "1", "end_date": earliest().isoformat()})
    notice_attempted()
    poll = {"HX-Request": "true", "HX-Target": "notice-receipt", "X-Poll": "1"}

    html = reauthenticated.get(PAGE).content.decode()
    assert 'id="notice-receipt"' in html and 'hx-trigger="every 5s"' in html
    assert """hx-headers='{"X-Poll": "1"}'""" in html  # asking again is not the tenant's activity
    assert f'<a href="{PAGE}">Uppdatera sidan</a>' in html  # without JavaScript: a link to look again
    part = reauthenticated.get(PAGE, headers=poll)
    assert part.status_code == 200 and "HX-Refresh" not in part
    assert part.content.decode().lstrip().startswith('<section id="notice-receipt"')
    assert "Uppsägningen är mottagen" in part.content.decode() and "<html" not in part.content.decode()

    sandbox_behaviour()
    Notice.objects.update(next_attempt_at=timezone.now())
    notices.sweep()
    assert notice_settles().status == Notice.Status.REGISTERED

    settled = reauthenticated.get(PAGE, headers=poll)
    assert settled.status_code == 200 and settled["HX-Refresh"] == "true"
    html = reauthenticated.get(PAGE).content.decode()
    assert "Uppsägningen är registrerad" in html and 'hx-trigger="every 5s"' not in html


def test_kobos_refusal_is_shown_next_to_the_field_with_the_date_kept(kobo_copy, reauthenticated, sandbox_behaviour):
    chosen = earliest() + timedelta(days=30)
    sandbox_behaviour(**NOTICES_DOWN)  # the notice waits in the outbox while Kobo takes none
    reauthenticated.post(PAGE, {"give_notice": "1", "end_date": chosen.isoformat()})
    assert notice_attempted().status == Notice.Status.QUEUED
    # Meanwhile Kobo comes to hold a fixed end before the chosen day, which the portal's page did not know.
    unit = sandbox_unit(KALLE_OBJECT)
    unit.document["leieforhold"] |= {"erTidsubegrenset": False, "kontraktUtlopsdato": earliest().isoformat()}
    unit.save()

    sandbox_behaviour()
    Notice.objects.update(next_attempt_at=timezone.now())
    assert notices.sweep() == 1

    notice = notice_settles()
    assert notice.status == Notice.Status.REFUSED
    assert "oppsagtFraDato kan ikke være etter kontraktUtlopsdato" in notice.refusal
    html = reauthenticated.get(PAGE).content.decode()
    assert "Kobo tog inte emot uppsägningen: oppsagtFraDato kan ikke være etter kontraktUtlopsdato" in html
    assert 'id="id_end_date_error"' in html


def test_a_registered_notice_can_be_withdrawn_while_kobo_accepts_it(kobo_copy, reauthenticated):
    reauthenticated.post(PAGE, {"give_notice": "1", "end_date": earliest().isoformat()})
    assert notice_settles().status == Notice.Status.REGISTERED

    response = reauthenticated.post(PAGE, {"withdraw": "1"})

    assert response.status_code == 302
    notice = notice_settles()
    assert notice.status == Notice.Status.WITHDRAWN
    assert kobo_lease()["oppsagtAktor"] is None
    html = reauthenticated.get(PAGE).content.decode()
    assert "Du ångrade din uppsägning" in html and 'name="give_notice"' in html


def test_withdrawing_kobo_refuses_is_shown_and_the_notice_stays(kobo_copy, reauthenticated):
    reauthenticated.post(PAGE, {"give_notice": "1", "end_date": earliest().isoformat()})
    assert notice_settles().status == Notice.Status.REGISTERED
    unit = sandbox_unit(KALLE_OBJECT)
    unit.document["leieforhold"]["oppsagtFraDato"] = "2020-01-01"  # Kobo: it already applies
    unit.save()

    reauthenticated.post(PAGE, {"withdraw": "1"})

    notice = notice_settles()
    assert notice.status == Notice.Status.REGISTERED
    assert "Oppsigelsen gjelder allerede" in notice.refusal
    assert "Oppsigelsen gjelder allerede" in reauthenticated.get(PAGE).content.decode()


def test_nothing_to_withdraw_is_not_found(kobo_copy, reauthenticated):
    assert reauthenticated.post(PAGE, {"withdraw": "1"}).status_code == 404


def test_kobo_down_gives_the_calm_page(kobo_copy, logged_in, sandbox_behaviour):
    sandbox_behaviour(outage=True)

    response = logged_in.get(PAGE)

    assert response.status_code == 503
    assert "Vi kan inte visa ditt hyresavtal just nu" in response.content.decode()


def test_a_notice_the_landlord_registered_is_shown_and_no_form(kobo_copy, logged_in):
    unit = sandbox_unit(KALLE_OBJECT)
    unit.document["leieforhold"] |= {
        "oppsagtAktor": "UTLEIER",
        "oppsigelseMottattDato": "2026-11-02",
        "oppsagtFraDato": "2027-02-28",
    }
    unit.save()

    html = logged_in.get(PAGE).content.decode()

    assert "Hyresavtalet är redan uppsagt" in html and 'name="give_notice"' not in html


def test_other_methods_are_not_allowed(kobo_copy, logged_in):
    assert logged_in.put(PAGE).status_code == 405
