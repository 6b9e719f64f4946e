"""A Felmeddelande in a 2xx answer (contract A02, A10, A44): empty is success, filled is a refusal."""

import pytest

from apps.backends.errors import BackendInvalid, BackendRefused
from apps.backends.pm5.addresses_parse import raise_for_felmeddelande


@pytest.mark.parametrize("body", [None, {"Felkod": None, "Meddelande": None}, {}, {"Fel": None}])
def test_an_empty_felmeddelande_is_success(body):
    raise_for_felmeddelande(body, "test")


@pytest.mark.parametrize(
    "body",
    [
        {"Felkod": "Postnummer", "Meddelande": "Fel postnummer."},
        {"Fel": {"Felkod": "Postnummer", "Meddelande": "Fel postnummer."}},
        {" felkod ": "Postnummer", "MEDDELANDE": "Fel postnummer."},
    ],
)
def test_a_filled_felmeddelande_in_a_200_is_a_refusal(body):
    with pytest.raises(BackendRefused) as refused:
        raise_for_felmeddelande(body, "test")
    assert (refused.value.code, refused.value.message, refused.value.status) == ("Postnummer", "Fel postnummer.", 200)


def test_a_message_without_a_code_is_a_refusal_too():
    with pytest.raises(BackendRefused) as refused:
        raise_for_felmeddelande({"Felkod": None, "Meddelande": "Nej."}, "test")
    assert refused.value.code is None


def test_an_answer_that_is_no_object_breaks_the_contract():
    with pytest.raises(BackendInvalid):
        raise_for_felmeddelande([1, 2], "test")
