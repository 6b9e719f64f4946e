"""Check digits of personnummer, OCR and bankgiro numbers."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError

from apps.sandbox.checksums import (
    is_luhn_valid,
    is_valid_ocr,
    is_valid_personnummer,
    ocr_reference,
    personnummer,
    validate_ocr,
    validate_personnummer,
    with_check_digit,
)


def test_it_knows_skatteverkets_own_example():
    # "Tolvan Tolvansson", 19121212-1212, the personnummer Skatteverket uses in its examples.
    assert is_valid_personnummer("191212121212")
    assert personnummer(date(1912, 12, 12), 121) == "191212121212"


@pytest.mark.parametrize("value", ["191212121213", "19121212121", "191213321212", "19121212-1212", "abcdefghijkl"])
def test_it_rejects_a_bad_personnummer(value):
    assert not is_valid_personnummer(value)
    with pytest.raises(ValidationError):
        validate_personnummer(value)


def test_an_ocr_reference_carries_its_length_and_check_digit():
    reference = ocr_reference("9213210")

    assert len(reference) == 9
    assert reference[-2] == "9"
    assert is_valid_ocr(reference)
    validate_ocr(reference)


def test_it_rejects_an_ocr_reference_with_a_wrong_digit():
    reference = ocr_reference("9213210")
    wrong_digit = reference[:3] + str((int(reference[3]) + 1) % 10) + reference[4:]
    dropped_digit = reference[1:]

    assert not is_valid_ocr(wrong_digit)
    assert not is_valid_ocr(dropped_digit)
    with pytest.raises(ValidationError):
        validate_ocr(wrong_digit)


def test_a_bankgiro_number_gets_a_luhn_check_digit():
    bankgiro = with_check_digit("5050105")
    other_check_digit = str((int(bankgiro[-1]) + 1) % 10)

    assert is_luhn_valid(bankgiro)
    assert not is_luhn_valid(bankgiro[:-1] + other_check_digit)
