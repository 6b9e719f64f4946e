"""The address pages against a recorded backend: what is sent, what is shown, what is refused.

The same journeys against the live sandbox are in test_addresses_live.py.
"""

import re
from dataclasses import replace

import pytest
from django.urls import reverse

from apps.backends.errors import BackendNotFound, BackendRefused, BackendUnavailable
from apps.customer.services import CustomerSession
from tests.addresses.conftest import POSTAL, current, days, temporary, upcoming

LIST = reverse("addresses:list")
ADD = reverse("addresses:add")
HTMX = {"HX-Request": "true"}


def edit_url(address_id: int) -> str:
    return reverse("addresses:edit", args=[address_id])


def new_address(**changes) -> dict:
    return {
        "name": "Kalle Andersson",
        "care_of": "Lena Andersson",
        "attention": "",
        "street": "Fäbodvägen 12",
        "street2": "",
        "postal_code": "820 62",
        "city": "Bergsjö",
        "country": "SE",
        "valid_from": days(100).isoformat(),
        "valid_to": days(130).isoformat(),
    } | changes


def saves(backend) -> list:
    return [argument for name, argument in backend.calls if name == "save_temporary_address"]


# --- access ------------------------------------------------------------------------------


@pytest.mark.parametrize("url", [LIST, ADD, edit_url(501)])
def test_an_anonymous_visitor_is_sent_to_log_in(client, url):
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


def test_a_staff_account_without_a_customer_sees_no_addresses(client, staff):
    client.force_login(staff)
    assert client.get(LIST).status_code == 403


@pytest.mark.parametrize(("method", "url"), [("post", LIST), ("put", ADD), ("delete", edit_url(501)), ("patch", LIST)])
def test_other_methods_are_not_allowed(logged_in, backend, method, url):
    assert getattr(logged_in, method)(url).status_code == 405


def test_another_tenants_address_is_not_found_and_never_reaches_the_backend(logged_in, backend):
    for response in (logged_in.get(edit_url(3617390)), logged_in.post(edit_url(3617390), new_address())):
        assert response.status_code == 404
    assert backend.calls == []


def test_an_ended_address_cannot_be_edited(logged_in, backend, session_data, monkeypatch):
    ended = temporary(503, days(-60), days(-30))
    with_ended = replace(session_data, temporary_addresses=(*session_data.temporary_addresses, ended))
    monkeypatch.setattr(CustomerSession, "data", lambda self, parts=None: with_ended)

    assert logged_in.get(edit_url(503)).status_code == 404
    assert backend.calls == []


# --- the list ----------------------------------------------------------------------------


def test_the_list_shows_the_current_and_the_upcoming_address_with_their_state(logged_in, backend):
    response = logged_in.get(LIST)

    assert response.status_code == 200
    page = response.text
    assert page.index("Strandvägen 4") < page.index("Sjövägen 8")
    assert "Gäller nu" in page and "Kommande" in page
    assert f'href="{edit_url(current().address_id)}"' in page
    assert f'hx-get="{edit_url(current().address_id)}"' in page
    assert "804\xa026 Gävle" in page
    assert 'hx-history="false"' in page
    assert "no-store" in response["Cache-Control"]


def test_ended_addresses_are_read_only_when_asked_for(logged_in, backend):
    backend.addresses = (temporary(490, days(-400), days(-330), street="Fäbodvägen 12"), current(), upcoming())

    page = logged_in.get(LIST).text
    assert "Fäbodvägen 12" not in page
    assert ("temporary_addresses", True) not in backend.calls

    page = logged_in.get(LIST + "?avslutade=1").text  # the no-JS link
    assert "Fäbodvägen 12" in page and "Avslutad" in page
    assert ("temporary_addresses", True) in backend.calls
    assert edit_url(490) not in page, "an ended address is not editable"


def test_the_ended_addresses_come_as_a_fragment_to_htmx(logged_in, backend):
    backend.addresses = (temporary(490, days(-400), days(-330), street="Fäbodvägen 12"),)
    response = logged_in.get(LIST + "?avslutade=1", headers=HTMX)
    assert response.text.lstrip().startswith('<section id="ended"')
    assert "<html" not in response.text
    assert "Fäbodvägen 12" in response.text
    assert ("customer_addresses", None) not in backend.calls, "the fragment needs no permanent address"


def test_the_permanent_addresses_are_shown_for_reference(logged_in, backend):
    backend.permanent = (POSTAL,)
    page = logged_in.get(LIST).text
    assert "Din vanliga adress" in page
    assert "Postadress" in page and "Lgh 1101" in page


def test_an_older_backend_without_permanent_addresses_leaves_them_out(logged_in, backend):
    backend.error = BackendNotFound("no such endpoint")
    page = logged_in.get(LIST).text
    assert "Din vanliga adress" not in page
    assert "Strandvägen 4" in page


def test_the_permanent_addresses_are_read_once_and_then_cached(logged_in, backend):
    logged_in.get(LIST)
    logged_in.get(LIST)
    assert backend.calls.count(("customer_addresses", None)) == 1


def test_a_backend_that_is_down_gets_a_calm_page(logged_in, alice, settings, unreachable):
    settings.PM5_BASE_URL = f"{unreachable}/pm5"
    response = logged_in.get(LIST)
    assert response.status_code == 503
    assert "Vi kan inte visa dina adresser just nu" in response.text
    assert "Traceback" not in response.text


# --- adding ------------------------------------------------------------------------------


def test_adding_sends_the_address_and_goes_back_to_the_list(logged_in, backend):
    response = logged_in.post(ADD, new_address())

    assert response.status_code == 302
    assert response["Location"] == LIST
    (sent,) = saves(backend)
    assert sent.address_id is None
    assert (sent.care_of, sent.street, sent.postal_code, sent.city) == (
        "Lena Andersson",
        "Fäbodvägen 12",
        "82062",
        "Bergsjö",
    )
    assert (sent.valid_from, sent.valid_to, sent.country_code) == (days(100), days(130), "SE")
    assert "Den tillfälliga adressen är sparad." in logged_in.get(LIST).text


def test_the_form_starts_with_the_tenants_name_and_sweden(logged_in, backend):
    page = logged_in.get(ADD).text
    assert 'value="Kalle Andersson"' in page
    assert '<option value="SE" selected>Sverige</option>' in page
    assert 'type="date"' in page


def test_a_mistake_is_shown_at_the_field_and_in_the_summary_and_nothing_typed_is_lost(logged_in, backend):
    response = logged_in.post(ADD, new_address(postal_code="8206", valid_to=days(90).isoformat()))

    assert response.status_code == 200
    page = response.text
    assert "<title>Fel: Ny tillfällig adress" in page
    assert 'class="error-summary"' in page
    assert '<a href="#id_postal_code">Skriv ett svenskt postnummer' in page
    assert 'id="id_postal_code_error"' in page
    assert 'id="id_valid_to_error"' in page and "Sista dagen kan inte vara före första dagen." in page
    for typed in ('value="Lena Andersson"', 'value="Fäbodvägen 12"', 'value="8206"', 'value="Bergsjö"'):
        assert typed in page
    assert saves(backend) == []


@pytest.mark.parametrize(
    ("felkod", "field_id"),
    [("Postnummer", "id_postal_code"), ("Overlapp", "id_valid_from"), ("Tom", "id_valid_to"), ("Land", "id_country")],
)
def test_a_backend_refusal_is_shown_at_the_field_it_names(logged_in, backend, felkod, field_id):
    backend.error = BackendRefused("Hyresvärden säger nej.", code=felkod, status=400)

    response = logged_in.post(ADD, new_address())

    assert response.status_code == 200
    assert f'<a href="#{field_id}">Hyresvärden säger nej.</a>' in response.text
    assert f'id="{field_id}_error"' in response.text
    assert 'value="Fäbodvägen 12"' in response.text


def test_a_backend_refusal_about_nothing_in_particular_is_shown_at_the_top(logged_in, backend):
    backend.error = BackendRefused("Kunden är spärrad för ändringar.", code="Sparrad", status=400)
    response = logged_in.post(ADD, new_address())
    assert "<li>Kunden är spärrad för ändringar.</li>" in response.text


def test_a_backend_that_fails_while_saving_keeps_what_was_typed(logged_in, backend):
    backend.error = BackendUnavailable("down")

    response = logged_in.post(ADD, new_address())

    assert response.status_code == 503
    assert "hyresvärdens system svarar inte. Det du skrev finns kvar" in response.text
    assert 'value="Fäbodvägen 12"' in response.text and 'value="Lena Andersson"' in response.text


def test_an_unreachable_backend_while_saving_keeps_what_was_typed(logged_in, alice, settings, unreachable):
    settings.PM5_BASE_URL = f"{unreachable}/pm5"
    response = logged_in.post(ADD, new_address())
    assert response.status_code == 503
    assert 'value="Fäbodvägen 12"' in response.text
    assert "Det du skrev finns kvar" in response.text


# --- editing -----------------------------------------------------------------------------


def test_editing_shows_the_address_and_sends_its_id(logged_in, backend):
    page = logged_in.get(edit_url(upcoming().address_id)).text
    assert 'value="Sjövägen 8"' in page
    assert f'value="{days(40).isoformat()}"' in page

    fields = new_address(street="Sjövägen 10", valid_from=days(41).isoformat(), valid_to=days(61).isoformat())
    response = logged_in.post(edit_url(upcoming().address_id), fields)

    assert response.status_code == 302
    (sent,) = saves(backend)
    assert (sent.address_id, sent.street, sent.valid_from) == (upcoming().address_id, "Sjövägen 10", days(41))
    assert "Den tillfälliga adressen är ändrad." in logged_in.get(LIST).text


def test_an_ongoing_address_cannot_have_its_start_moved(logged_in, backend):
    fields = new_address(valid_from=days(-19).isoformat(), valid_to=days(10).isoformat())
    response = logged_in.post(edit_url(current().address_id), fields)
    assert "Adressen gäller redan, så första dagen kan inte ändras." in response.text
    assert saves(backend) == []


def test_an_address_gone_from_the_backend_meanwhile_is_not_found(logged_in, backend):
    backend.error = BackendNotFound("gone")
    fields = new_address(valid_from=days(40).isoformat(), valid_to=days(60).isoformat())
    assert logged_in.post(edit_url(upcoming().address_id), fields).status_code == 404


# --- htmx ------------------------------------------------------------------------------


def test_htmx_gets_the_form_alone_to_edit_in_place(logged_in, backend):
    response = logged_in.get(edit_url(current().address_id), headers=HTMX)
    assert response.text.lstrip().startswith('<form class="address-form"')
    assert f'action="{edit_url(current().address_id)}"' in response.text
    assert "<html" not in response.text


def test_a_changed_field_is_checked_alone_and_comes_back_with_its_message(logged_in, backend):
    fields = new_address(postal_code="12")
    response = logged_in.post(ADD, fields, headers=HTMX | {"HX-Trigger-Name": "postal_code"})

    assert response.status_code == 200
    fragment = response.text.strip()
    assert fragment.startswith('<div class="field field-error">')
    assert "Skriv ett svenskt postnummer med fem siffror" in fragment
    assert 'value="12"' in fragment
    assert 'aria-invalid="true"' in fragment
    assert "id_street" not in fragment, "only the changed field comes back"
    assert saves(backend) == []


def test_a_field_check_uses_the_other_fields_too(logged_in, backend):
    fields = new_address(valid_from=days(50).isoformat(), valid_to=days(70).isoformat())
    response = logged_in.post(ADD, fields, headers=HTMX | {"HX-Trigger-Name": "valid_from"})
    assert "Perioden krockar med en annan tillfällig adress, Sjövägen 8" in response.text


def test_a_field_that_is_right_comes_back_without_a_message(logged_in, backend):
    response = logged_in.post(ADD, new_address(), headers=HTMX | {"HX-Trigger-Name": "postal_code"})
    assert response.text.strip().startswith('<div class="field">')
    assert 'value="820 62"' in response.text


def test_the_form_swapped_in_place_takes_the_focus(logged_in, backend):
    response = logged_in.get(ADD, headers=HTMX)
    assert re.search(r'<input[^>]*name="name"[^>]*autofocus', response.text)
    assert response.text.count("autofocus") == 1


def test_an_htmx_post_from_something_that_is_not_a_field_saves_nothing(logged_in, backend):
    response = logged_in.post(ADD, new_address(), headers=HTMX | {"HX-Trigger-Name": "csrfmiddlewaretoken"})
    assert response.status_code == 400
    assert saves(backend) == []


def test_the_form_with_a_backend_that_is_down_gets_a_calm_page(logged_in, alice, settings, unreachable):
    settings.PM5_BASE_URL = f"{unreachable}/pm5"
    response = logged_in.get(ADD)
    assert response.status_code == 503
    assert "Vi kan inte visa dina adresser just nu" in response.text


def test_editing_while_the_backend_is_down_keeps_the_input_and_guesses_no_rule(logged_in, alice, settings, unreachable):
    settings.PM5_BASE_URL = f"{unreachable}/pm5"
    fields = new_address(valid_from=days(-20).isoformat(), valid_to=days(30).isoformat())
    response = logged_in.post(edit_url(current().address_id), fields)
    assert response.status_code == 503
    assert "Det du skrev finns kvar" in response.text
    assert "Första dagen kan inte ha passerat" not in response.text
    assert f'value="{days(-20).isoformat()}"' in response.text
