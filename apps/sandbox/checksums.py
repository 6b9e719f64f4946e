"""Check digits of Swedish identity and payment numbers.

Personnummer, OCR references and bankgiro numbers all end in a Luhn (mod 10)
check digit, so one function serves them all and the demo data can only
produce numbers that a bank or Skatteverket would accept.
"""

import re
from datetime import date

from django.core.exceptions import ValidationError


def luhn_check_digit(digits: str) -> str:
    """The digit that makes ``digits + check`` pass the Luhn test."""
    total = 0
    # Weights 2, 1, 2, ... counted from the right of the payload.
    for position, char in enumerate(reversed(digits)):
        value = int(char) * (2 if position % 2 == 0 else 1)
        total += value - 9 if value > 9 else value
    return str((10 - total % 10) % 10)


def is_luhn_valid(digits: str) -> bool:
    return digits.isdigit() and len(digits) > 1 and luhn_check_digit(digits[:-1]) == digits[-1]


def personnummer(born: date, serial: int) -> str:
    """A 12-digit personnummer YYYYMMDDnnnc; the check digit covers the last ten."""
    payload = f"{born:%y%m%d}{serial:03d}"
    return f"{born:%Y%m%d}{serial:03d}{luhn_check_digit(payload)}"


def is_valid_personnummer(value: str) -> bool:
    if not re.fullmatch(r"\d{12}", value):
        return False
    try:
        date(int(value[:4]), int(value[4:6]), int(value[6:8]))
    except ValueError:
        return False
    return is_luhn_valid(value[2:])


def ocr_reference(base: str) -> str:
    """An OCR number with length digit and check digit (Bankgirot, variable length).

    The length digit is the full length (base + 2) modulo 10, so a bank can
    catch a dropped or doubled digit as well as a mistyped one.
    """
    with_length = f"{base}{(len(base) + 2) % 10}"
    return with_length + luhn_check_digit(with_length)


def is_valid_ocr(value: str) -> bool:
    return value.isdigit() and 2 <= len(value) <= 25 and int(value[-2]) == len(value) % 10 and is_luhn_valid(value)


def with_check_digit(base: str) -> str:
    """A bankgiro or organisation number: ``base`` plus its Luhn check digit."""
    return base + luhn_check_digit(base)


def validate_personnummer(value: str) -> None:
    if not is_valid_personnummer(value):
        raise ValidationError("Ange personnumret som ÅÅÅÅMMDDNNNN med giltig kontrollsiffra.", code="invalid")


def validate_ocr(value: str) -> None:
    if not is_valid_ocr(value):
        raise ValidationError("OCR-numret har fel längd- eller kontrollsiffra.", code="invalid")
