"""The contact-details form: phone numbers read and tidied with phonenumbers, e-mail checked,
and what counts as a change."""

import pytest

from apps.contacts.forms import ContactDetailsForm
from apps.contacts.services import ContactDetails

CURRENT = ContactDetails(email="kalle.andersson@example.se", phone="08-465 004 63", mobile="070-174 06 18")


def bound(current: ContactDetails = CURRENT, **changes) -> ContactDetailsForm:
    data = {"email": current.email, "phone": current.phone, "mobile": current.mobile} | changes
    return ContactDetailsForm(data, current=current)


def cleaned(**changes) -> dict:
    form = bound(**changes)
    assert form.is_valid(), form.errors
    return form.cleaned_data


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("0701234567", "070-123 45 67"),
        ("070 123 45 67", "070-123 45 67"),
        ("+46 70 123 45 67", "070-123 45 67"),
        ("0046701234567", "070-123 45 67"),
        ("+47 41 23 45 67", "+47 41 23 45 67"),
        ("+4741234567", "+47 41 23 45 67"),
        ("+358 40 1234567", "+358 40 1234567"),
    ],
)
def test_a_mobile_number_is_swedish_by_default_international_when_it_says_so_and_tidied(typed, stored):
    assert cleaned(mobile=typed)["mobile"] == stored


@pytest.mark.parametrize(("typed", "stored"), [("084650099", "08-465 00 99"), ("040-5555555", "040-555 55 55")])
def test_a_home_number_is_tidied_the_swedish_way(typed, stored):
    assert cleaned(phone=typed)["phone"] == stored


@pytest.mark.parametrize("typed", ["123", "070-123", "abc", "+999 1234567", "07012345678901"])
def test_a_number_that_cannot_be_called_is_refused_with_an_example(typed):
    form = bound(mobile=typed)
    assert not form.is_valid()
    assert form.errors["mobile"] == [
        "Skriv ett telefonnummer som går att ringa, till exempel 070-123 45 67, "
        "eller med landsnummer, till exempel +47 41 23 45 67."
    ]


def test_a_fixed_line_in_the_mobile_field_is_pointed_to_the_home_field():
    form = bound(mobile="08-465 004 99")
    assert not form.is_valid()
    assert form.errors["mobile"] == ["Det här ser ut som ett fast telefonnummer. Skriv det under Telefon hem."]


def test_an_old_value_left_as_it_was_is_kept_even_if_it_would_not_pass_today():
    legacy = ContactDetails(email="kalle@example.se", phone="040-5555", mobile="")
    form = bound(legacy, mobile="0701234567")
    assert form.is_valid(), form.errors
    assert form.cleaned_data["phone"] == "040-5555"
    assert form.changed_now() == {"mobile": "070-123 45 67"}


def test_an_email_address_is_checked():
    form = bound(email="kalle@")
    assert not form.is_valid()
    assert form.errors["email"] == ["Skriv e-postadressen som namn@exempel.se."]


def test_empty_fields_are_allowed_and_remove_the_detail():
    form = bound(phone="", email="")
    assert form.is_valid(), form.errors
    assert form.changed_now() == {"phone": "", "email": ""}
    assert form.new_email is None


def test_a_new_email_address_waits_for_its_link_and_is_not_sent_at_once():
    form = bound(email="kalle@nytt.example")
    assert form.is_valid()
    assert form.new_email == "kalle@nytt.example"
    assert form.changed_now() == {}


def test_the_same_address_in_other_letters_is_no_change():
    form = bound(email="Kalle.Andersson@Example.se", mobile="0701740618")
    assert form.is_valid()
    assert form.new_email is None
    assert form.changed_now() == {}


@pytest.mark.parametrize(
    ("felkod", "field"), [("Epost", "email"), ("Telefonnummer", "phone"), ("MOBILTELEFONNUMMER", "mobile")]
)
def test_a_backend_refusal_that_names_a_field_is_shown_there(felkod, field):
    form = bound()
    assert form.is_valid()
    form.add_backend_refusal(felkod, "Hyresvärdens besked.")
    assert form.errors == {field: ["Hyresvärdens besked."]}


def test_a_backend_refusal_about_no_field_goes_to_the_top_in_our_words_if_it_has_none():
    form = bound()
    assert form.is_valid()
    form.add_backend_refusal("Sparrad", "")
    assert form.non_field_errors() == ["Hyresvärdens system tog inte emot ändringen. Kontrollera uppgifterna."]


def test_the_form_starts_with_what_the_landlord_has():
    form = ContactDetailsForm(current=CURRENT, check_url="/kontaktuppgifter/andra/")
    assert form["mobile"].value() == "070-174 06 18"
    assert 'type="tel"' in str(form["mobile"])
    assert form.fields["email"].widget.attrs["hx-post"] == "/kontaktuppgifter/andra/"
