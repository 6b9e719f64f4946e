"""Maintenance offers: the tenant sees them, answers, and sees the answer PM5 recorded."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

pytestmark = pytest.mark.integration

OFFERS = reverse("home:offers")


def offer_errands(customer_number: str):
    from apps.sandbox.models import Errand

    return Errand.objects.filter(customer__customer_number=customer_number, offer_answer_by__isnull=False)


@pytest.fixture
def floor(live_sandbox):
    """Alice's offer of a new floor, with three floors to choose from."""
    return next(e for e in offer_errands(live_sandbox.alice.number) if e.rows.count() == 3)


@pytest.fixture
def painting(live_sandbox):
    """Alice's offer to have the kitchen painted early: yes or no."""
    return next(e for e in offer_errands(live_sandbox.alice.number) if e.rows.count() == 1)


def url(errand) -> str:
    return reverse("home:offer", args=[errand.pk])


def accepted(errand) -> dict[str, object]:
    return {row.action: row.offer_accepted_on for row in errand.rows.order_by("pk")}


def test_the_list_shows_each_offer_and_its_last_day(logged_in, live_sandbox, floor, painting):
    response = logged_in.get(OFFERS)
    assert response.status_code == 200
    assert response.text.count(reverse("home:offer", args=[floor.pk])) == 1
    assert reverse("home:offer", args=[painting.pk]) in response.text
    assert f"Svara senast {floor.offer_answer_by.isoformat()}" in response.text


def test_an_offer_shows_its_choices_with_the_tenants_share_of_the_cost(logged_in, live_sandbox, floor):
    response = logged_in.get(url(floor))
    assert response.status_code == 200
    text = response.text
    assert "Läggs med ekparkett" in text and "Läggs med laminat" in text and "Läggs med linoleum" in text
    assert "Du betalar 4\xa0200,00\xa0kr." in text
    assert "Ingen kostnad för dig." in text
    assert "Inget av dem, tack" in text
    assert f'action="{url(floor)}"' in text and 'method="post"' in text, "works as a plain form without JavaScript"
    assert "csrfmiddlewaretoken" in text


def test_picking_a_choice_records_it_with_todays_date(logged_in, live_sandbox, floor):
    laminate = floor.rows.get(action="Läggs med laminat")

    response = logged_in.post(url(floor), {"answer": str(laminate.pk)}, follow=True)

    assert response.redirect_chain == [(url(floor), 302)]
    today = timezone.localdate()
    assert accepted(floor) == {"Läggs med ekparkett": None, "Läggs med laminat": today, "Läggs med linoleum": None}
    assert "Ditt svar är sparat: du tackar ja till erbjudandet." in response.text
    assert f"Du valde ”Läggs med laminat” {today.isoformat()}." in response.text, "the answer as PM5 now has it"
    assert (
        f'value="{laminate.pk}" id="id_answer_1" aria-describedby="choice-{laminate.pk}-hint" checked' in response.text
    )


def test_changing_to_another_choice_withdraws_the_first(logged_in, live_sandbox, floor):
    oak, laminate, _ = floor.rows.order_by("pk")
    logged_in.post(url(floor), {"answer": str(oak.pk)})
    logged_in.post(url(floor), {"answer": str(laminate.pk)})
    assert accepted(floor)["Läggs med ekparkett"] is None
    assert accepted(floor)["Läggs med laminat"] == timezone.localdate()


def test_saying_no_leaves_nothing_accepted(logged_in, live_sandbox, painting):
    (row,) = painting.rows.all()
    logged_in.post(url(painting), {"answer": str(row.pk)})

    response = logged_in.post(url(painting), {"answer": "nej"}, follow=True)

    assert accepted(painting) == {"Målas": None}
    assert "du tackar nej till erbjudandet" in response.text
    assert "Inte accepterat" in response.text


def test_no_answer_is_asked_for_again(logged_in, live_sandbox, painting):
    response = logged_in.post(url(painting), {})
    assert response.status_code == 200
    assert "Det finns ett problem" in response.text
    assert '<a href="#id_answer">Välj ett svar.</a>' in response.text
    assert 'aria-describedby="answer-hint id_answer_error"' in response.text


def test_a_row_of_another_offer_is_not_a_choice(logged_in, live_sandbox, floor, painting):
    (row,) = painting.rows.all()
    response = logged_in.post(url(floor), {"answer": str(row.pk)})
    assert response.status_code == 200
    assert "Välj ett av svaren." in response.text
    assert accepted(painting) == {"Målas": None}


def test_an_answer_after_the_last_day_shows_pm5s_refusal_at_the_choice_and_keeps_it(logged_in, live_sandbox, floor):
    from apps.sandbox.models import Errand

    logged_in.get(url(floor))  # the page was read while the offer was open...
    oak = floor.rows.get(action="Läggs med ekparkett")
    yesterday = timezone.localdate() - timedelta(days=1)
    Errand.objects.filter(pk=floor.pk).update(offer_answer_by=yesterday)  # ...and answered after its last day

    response = logged_in.post(url(floor), {"answer": str(oak.pk)})

    assert response.status_code == 200
    message = f"Sista dag att svara på erbjudandet var {yesterday.isoformat()}."
    assert (
        f'<p class="error-message" id="id_answer_error"><span class="visually-hidden">Fel:</span> {message}</p>'
        in response.text
    )
    assert f'<a href="#id_answer">{message}</a>' in response.text
    assert f'value="{oak.pk}" id="id_answer" aria-describedby="choice-{oak.pk}-hint" checked' in response.text
    assert accepted(floor)["Läggs med ekparkett"] is None


def test_an_offer_past_its_last_day_has_no_form(logged_in, live_sandbox, painting):
    from apps.sandbox.models import Errand

    Errand.objects.filter(pk=painting.pk).update(offer_answer_by=timezone.localdate() - timedelta(days=3))
    response = logged_in.get(url(painting))
    assert "Tiden att svara har gått ut." in response.text
    assert '<form method="post" action="' + url(painting) not in response.text


def test_another_tenants_offer_is_not_found(client, bob, live_sandbox, floor):
    client.force_login(bob)
    oak = floor.rows.first()
    assert client.get(url(floor)).status_code == 404
    assert client.post(url(floor), {"answer": str(oak.pk)}).status_code == 404
    assert accepted(floor)["Läggs med ekparkett"] is None


def test_an_errand_that_is_not_an_offer_is_not_found(logged_in, live_sandbox):
    from apps.sandbox.models import Errand

    fault = Errand.objects.filter(
        customer__customer_number=live_sandbox.alice.number, offer_answer_by__isnull=True
    ).first()
    assert logged_in.get(reverse("home:offer", args=[fault.pk])).status_code == 404


def test_a_backend_that_fails_the_answer_keeps_the_choice(logged_in, live_sandbox, sandbox_behaviour, floor):
    oak = floor.rows.get(action="Läggs med ekparkett")
    logged_in.get(url(floor))  # the session data is cached
    sandbox_behaviour(outage=True)

    response = logged_in.post(url(floor), {"answer": str(oak.pk)})

    assert response.status_code == 503
    assert "Vi kan inte spara ditt svar just nu." in response.text
    assert f'value="{oak.pk}" id="id_answer" aria-describedby="choice-{oak.pk}-hint" checked' in response.text


def test_a_backend_that_is_down_gives_the_calm_page(logged_in, live_sandbox, sandbox_behaviour, floor):
    sandbox_behaviour(outage=True)
    for page in (OFFERS, url(floor)):
        response = logged_in.get(page)
        assert response.status_code == 503
        assert "Hyresvärdens system svarar inte för tillfället." in response.text


def test_with_htmx_the_answer_comes_back_in_place(logged_in, live_sandbox, painting):
    (row,) = painting.rows.all()
    response = logged_in.post(url(painting), {"answer": str(row.pk)}, headers={"HX-Request": "true"})
    assert response.status_code == 200
    assert "<html" not in response.text
    assert 'role="status" tabindex="-1" data-autofocus>Ditt svar är sparat' in response.text
    assert f"Du tackade ja {timezone.localdate().isoformat()}." in response.text


def test_it_refuses_other_methods(logged_in, live_sandbox, floor):
    assert logged_in.put(url(floor)).status_code == 405
    assert logged_in.post(OFFERS).status_code == 405


def test_the_client_turns_pm5s_answers_into_typed_errors(live_sandbox, floor, painting):
    from apps.backends.errors import BackendNotFound, BackendRefused
    from apps.backends.pm5 import get_client
    from apps.backends.pm5.home_types import OfferAnswer
    from apps.sandbox.models import Errand

    client = get_client()
    key = client.open_session(customer_number=live_sandbox.alice.number)
    (row,) = painting.rows.all()
    client.save_offer_answers(key, [OfferAnswer(row.pk, timezone.localdate())])
    assert accepted(painting) == {"Målas": timezone.localdate()}

    bobs = client.open_session(customer_number=live_sandbox.bob.number)
    with pytest.raises(BackendNotFound):
        client.save_offer_answers(bobs, [OfferAnswer(row.pk, None)])

    Errand.objects.filter(pk=painting.pk).update(offer_answer_by=timezone.localdate() - timedelta(days=1))
    with pytest.raises(BackendRefused) as refused:
        client.save_offer_answers(key, [OfferAnswer(row.pk, None)])
    assert refused.value.code == "SvarstidenHarGattUt"
    assert accepted(painting) == {"Målas": timezone.localdate()}


def test_a_norwegian_reader_sees_norwegian_dates_and_money(logged_in, live_sandbox, floor, settings):
    logged_in.cookies[settings.LANGUAGE_COOKIE_NAME] = "nb"
    response = logged_in.get(url(floor))
    assert (
        f'Svar senest</dt><dd><time datetime="{floor.offer_answer_by.isoformat()}">{floor.offer_answer_by:%d.%m.%Y}</time>'
        in response.text
    )
    assert "Du betaler kr\xa04\xa0200,00." in response.text
    assert "Ingen av dem, takk" in response.text
