"""Every rule of the temporary-address form, with the message the tenant reads next to the field."""

import pytest
from django.utils import translation

from apps.addresses.forms import TemporaryAddressForm
from tests.addresses.conftest import current, days, temporary, today, upcoming


def form_data(**changes) -> dict:
    data = {
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
    }
    return data | changes


def new_form(original=None, others=None, **changes) -> TemporaryAddressForm:
    others = (current(), upcoming()) if others is None else others
    return TemporaryAddressForm(form_data(**changes), today=today(), others=others, original=original)


def errors(form: TemporaryAddressForm) -> dict[str, list[str]]:
    form.is_valid()
    return {name: list(messages) for name, messages in form.errors.items()}


def test_a_complete_address_in_a_free_period_is_accepted():
    form = new_form()
    assert form.is_valid(), form.errors
    address = form.as_input()
    assert address.address_id is None
    assert (address.street, address.postal_code, address.country_code) == ("Fäbodvägen 12", "82062", "SE")
    assert (address.valid_from, address.valid_to) == (days(100), days(130))


@pytest.mark.parametrize("typed", ["123 45", "12345"])
def test_a_swedish_postal_code_may_be_written_with_or_without_the_space(typed):
    form = new_form(postal_code=typed)
    assert form.is_valid(), form.errors
    assert form.cleaned_data["postal_code"] == "12345"


@pytest.mark.parametrize("typed", ["1234", "123456", "ABC 12", "023 45", "12-345"])
def test_a_swedish_address_needs_a_swedish_postal_code(typed):
    assert errors(new_form(postal_code=typed)) == {
        "postal_code": ["Skriv ett svenskt postnummer med fem siffror, till exempel 123 45."]
    }


def test_a_foreign_postal_code_follows_its_own_country():
    form = new_form(country="NO", postal_code="0150", city="Oslo")
    assert form.is_valid(), form.errors
    assert form.as_input().country_code == "NO"
    assert errors(new_form(country="GB", postal_code="SW1A 1AA!")) == {
        "postal_code": ["Postnumret får bara innehålla bokstäver, siffror, mellanslag och bindestreck."]
    }


def test_a_country_outside_the_list_is_refused():
    assert errors(new_form(country="XX")) == {"country": ["Välj ett land i listan."]}


def test_street_postal_code_city_and_both_dates_are_required():
    form = new_form(street="", postal_code="", city="", valid_from="", valid_to="")
    assert errors(form) == {
        "street": ["Skriv gatuadressen."],
        "postal_code": ["Skriv postnumret."],
        "city": ["Skriv orten."],
        "valid_from": ["Skriv första dagen som adressen ska gälla."],
        "valid_to": ["Skriv sista dagen som adressen ska gälla."],
    }


def test_a_date_that_is_not_a_date_says_how_to_write_it():
    assert errors(new_form(valid_from="1 december")) == {
        "valid_from": ["Skriv första dagen som ett datum, till exempel 2026-12-01."]
    }


def test_a_line_that_is_too_long_says_by_how_much():
    assert errors(new_form(city="Ö" * 61)) == {"city": ["Skriv högst 60 tecken (du har skrivit 61)."]}


def test_the_last_day_may_not_come_before_the_first():
    assert errors(new_form(valid_from=days(130).isoformat(), valid_to=days(100).isoformat())) == {
        "valid_to": ["Sista dagen kan inte vara före första dagen."]
    }


def test_one_single_day_is_a_period():
    assert new_form(valid_from=days(100).isoformat(), valid_to=days(100).isoformat()).is_valid()


def test_a_new_address_may_not_start_in_the_past():
    assert errors(new_form(valid_from=days(-1).isoformat())) == {
        "valid_from": ["Första dagen kan inte ha passerat. Välj i dag eller ett senare datum."]
    }


def test_a_new_address_may_start_today():
    assert new_form(valid_from=today().isoformat(), valid_to=days(5).isoformat(), others=()).is_valid()


def test_a_new_address_may_not_overlap_another_temporary_address():
    form = new_form(valid_from=days(50).isoformat(), valid_to=days(70).isoformat())
    assert errors(form) == {
        "valid_from": [
            f"Perioden krockar med en annan tillfällig adress, Sjövägen 8, {days(40)} – {days(60)}. "
            "Välj dagar som inte överlappar den."
        ]
    }


def test_the_overlapping_days_are_written_as_the_tenants_language_writes_dates():
    with translation.override("nb"):
        form = new_form(valid_from=days(50).isoformat(), valid_to=days(70).isoformat())
        message = errors(form)["valid_from"][0]
    assert f"{days(40):%d.%m.%Y} – {days(60):%d.%m.%Y}" in message


def test_periods_that_touch_on_one_day_overlap():
    """Both days are inclusive, so ending the day another starts is a collision."""
    assert "valid_from" in errors(new_form(valid_from=days(30).isoformat(), valid_to=days(40).isoformat()))
    assert new_form(valid_from=days(30).isoformat(), valid_to=days(39).isoformat()).is_valid()


def test_an_ongoing_address_keeps_its_first_day():
    form = new_form(original=current(), valid_from=days(-19).isoformat(), valid_to=days(10).isoformat())
    assert errors(form) == {
        "valid_from": [f"Adressen gäller redan, så första dagen kan inte ändras. Den är {days(-20)}."]
    }


def test_an_ongoing_address_may_get_a_new_last_day_and_does_not_collide_with_itself():
    form = new_form(original=current(), valid_from=days(-20).isoformat(), valid_to=days(30).isoformat())
    assert form.is_valid(), form.errors
    assert form.as_input().address_id == current().address_id


def test_an_ongoing_address_may_end_today_but_not_in_the_past():
    assert new_form(original=current(), valid_from=days(-20).isoformat(), valid_to=today().isoformat()).is_valid()
    assert errors(new_form(original=current(), valid_from=days(-20).isoformat(), valid_to=days(-1).isoformat())) == {
        "valid_to": ["Sista dagen kan inte ha passerat. Vill du avsluta adressen nu, välj dagens datum."]
    }


def test_an_upcoming_address_may_move_but_not_into_the_past():
    assert new_form(original=upcoming(), valid_from=days(45).isoformat(), valid_to=days(65).isoformat()).is_valid()
    assert "valid_from" in errors(
        new_form(original=upcoming(), valid_from=days(-2).isoformat(), valid_to=days(65).isoformat())
    )


def test_an_upcoming_address_may_not_be_moved_onto_the_ongoing_one():
    form = new_form(original=upcoming(), valid_from=days(5).isoformat(), valid_to=days(65).isoformat())
    assert errors(form) == {
        "valid_from": [
            f"Perioden krockar med en annan tillfällig adress, Strandvägen 4, {days(-20)} – {days(10)}. "
            "Välj dagar som inte överlappar den."
        ]
    }


def test_an_ongoing_address_says_so_next_to_its_first_day():
    form = TemporaryAddressForm(today=today(), others=(), original=current())
    assert form.fields["valid_from"].help_text == "Adressen gäller redan, så första dagen kan inte ändras."


@pytest.mark.parametrize(
    ("felkod", "field"),
    [
        ("Postnummer", "postal_code"),
        ("Tom", "valid_to"),
        ("Fom", "valid_from"),
        ("Overlapp", "valid_from"),
        ("Land", "country"),
        ("Gatuadress1", "street"),
        ("CareOf", "care_of"),
        ("postort", "city"),
    ],
)
def test_a_backend_refusal_that_names_a_field_is_shown_at_that_field(felkod, field):
    form = new_form()
    assert form.is_valid()
    form.add_backend_refusal(felkod, "Hyresvärdens besked.")
    assert form.errors == {field: ["Hyresvärdens besked."]}


def test_a_backend_refusal_about_no_field_goes_to_the_top():
    form = new_form()
    assert form.is_valid()
    form.add_backend_refusal("Avslutad", "Adressen har upphört och kan inte ändras.")
    assert form.non_field_errors() == ["Adressen har upphört och kan inte ändras."]


def test_a_backend_refusal_without_words_gets_ours():
    form = new_form()
    assert form.is_valid()
    form.add_backend_refusal(None, "")
    assert form.non_field_errors() == ["Hyresvärdens system tog inte emot adressen. Kontrollera uppgifterna."]


def test_each_field_asks_the_server_to_check_it_when_it_changes():
    form = TemporaryAddressForm(today=today(), others=(), check_url="/adresser/ny/")
    for field in form.fields.values():
        assert field.widget.attrs["hx-post"] == "/adresser/ny/"
        assert field.widget.attrs["hx-target"] == "closest .field"


def test_a_form_about_an_ended_address_is_never_built_with_itself_as_another():
    ended = temporary(9, days(-60), days(-30))
    form = new_form(original=upcoming(), others=(ended, upcoming()), valid_from=days(45).isoformat())
    assert form.others == (ended,)


def test_without_the_tenants_addresses_only_the_self_contained_rules_apply():
    """The backend could not be read: nothing is saved, and no rule is guessed at."""
    form = TemporaryAddressForm(
        form_data(valid_from=days(-19).isoformat(), valid_to=days(-25).isoformat(), postal_code="12"),
        today=None,
        others=(),
    )
    assert errors(form) == {
        "postal_code": ["Skriv ett svenskt postnummer med fem siffror, till exempel 123 45."],
        "valid_to": ["Sista dagen kan inte vara före första dagen."],
    }
