"""Every rule about phone numbers: reading, spacing and linking them, and checking a venue's number."""

from __future__ import annotations

import re
from collections.abc import Iterator

import phonenumbers

from .check.load import LoadedFile
from .model import Problem
from .schema import subschema_at

PHONE_REGION = "GB"  # a number written without a country code (023..., 07...) is a UK number
UK_COUNTRY_CODE = 44
# Ofcom keeps 01632 960000 to 01632 960999 for drama: numbers that can never ring anyone (without the 0 and +44).
DRAMA_PHONE = re.compile(r"^1632960\d{3}$")
# The example in the fixes is a drama number: it can never ring anyone.
EXAMPLE_PHONE = "01632 960 123"
SHORT_FIX = "is too short for {a} phone number: write all of it, with the area code"
LENGTH_FIXES = {
    phonenumbers.ValidationResult.TOO_SHORT: SHORT_FIX,
    # Dialled from a mobile or from another town, a number without its area code rings no one.
    phonenumbers.ValidationResult.IS_POSSIBLE_LOCAL_ONLY: SHORT_FIX,
    phonenumbers.ValidationResult.TOO_LONG: "is too long for {a} phone number: check for a digit typed twice, "
                                            "and write one number only",
    phonenumbers.ValidationResult.INVALID_LENGTH: "does not have the right number of digits for {a} phone number: "
                                                  "check each digit",
}
# Why phonenumbers could not read a number at all, as the same reasons (other parse errors mean too few digits).
PARSE_REASONS = {
    phonenumbers.NumberParseException.INVALID_COUNTRY_CODE: phonenumbers.ValidationResult.INVALID_COUNTRY_CODE,
    phonenumbers.NumberParseException.TOO_LONG: phonenumbers.ValidationResult.TOO_LONG,
}


def parse_phone(written: str) -> phonenumbers.PhoneNumber | None:
    """Read a written phone number, a UK one unless it starts with a country code, or None when it is not one."""
    try:
        return phonenumbers.parse(written, PHONE_REGION)
    except phonenumbers.NumberParseException:
        return None


def is_whole_number(number: phonenumbers.PhoneNumber) -> bool:
    """Tell whether a number has the length to ring from anywhere: not too short or long, not lacking its area code."""
    # is_possible_number() also passes a number that rings only from its own area (IS_POSSIBLE_LOCAL_ONLY).
    return phonenumbers.is_possible_number_with_reason(number) == phonenumbers.ValidationResult.IS_POSSIBLE


def tel_href(phone: str) -> str:
    """Turn a written phone number into a tel: link in international form (tel:+442392688000)."""
    # The international form rings the venue from any phone, a foreign SIM included; 023... only from a UK one.
    number = parse_phone(phone)
    if number is None or not is_whole_number(number):
        # Validation refuses such a number; keep what was written rather than make up another.
        return "tel:" + "".join(ch for ch in phone if ch.isdigit() or ch == "+")
    return "tel:" + phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def spaced_phone(typed: str) -> str:
    """Space a phone number the usual way: 023 7123 4567, or +44 23 7123 4567 when written with its country code."""
    number = parse_phone(typed)
    if number is None or not is_whole_number(number):
        return typed  # a number cut short or too long has no usual spacing: check_phone explains it
    style = phonenumbers.PhoneNumberFormat.INTERNATIONAL if typed.startswith("+") else phonenumbers.PhoneNumberFormat.NATIONAL
    spaced = phonenumbers.format_number(number, style)
    # A number in no range in use is spaced without its leading 0: give back the digits as typed, never others.
    return spaced if re.sub(r"\D", "", spaced) == re.sub(r"\D", "", typed) else typed


def is_mobile(number: phonenumbers.PhoneNumber) -> bool:
    """Tell whether a number is a mobile: a UK 07... number (in use or not: 07700 900... is made up for drama) or one
    phonenumbers knows as a mobile abroad."""
    if number.country_code == UK_COUNTRY_CODE:
        # And a mobile's length: "Room 7123" or "Benchmark Venue 7995" parses as a possible UK number starting 7.
        return (str(number.national_number).startswith("7")
                and phonenumbers.is_possible_number_for_type(number, phonenumbers.PhoneNumberType.MOBILE))
    return phonenumbers.number_type(number) in (phonenumbers.PhoneNumberType.MOBILE,
                                                phonenumbers.PhoneNumberType.PERSONAL_NUMBER)


def mobiles_in(written: str) -> Iterator[str]:
    """Yield each mobile number in a text, as it is written there."""
    # POSSIBLE: a number need not be in use to be someone's, nor to be found in the text.
    for match in phonenumbers.PhoneNumberMatcher(written, PHONE_REGION, leniency=phonenumbers.Leniency.POSSIBLE):
        if is_mobile(match.number):
            yield match.raw_string


def written_phone(data: dict) -> str | None:
    """Return contact: phone when it has the form the schema asks for (digits and spaces), else None."""
    # A phone number of the wrong form is explained once, by the schema: the rules judge only well-formed ones.
    contact = data.get("contact") if isinstance(data.get("contact"), dict) else {}
    phone = contact.get("phone")
    pattern = subschema_at(("contact", "phone"))["pattern"]
    return phone if isinstance(phone, str) and re.search(pattern, phone) else None


def is_drama_phone(phone: str) -> bool:
    """Tell whether a written phone number is one of Ofcom's drama numbers, however it is written."""
    number = parse_phone(phone)
    return (number is not None and number.country_code == UK_COUNTRY_CODE
            and bool(DRAMA_PHONE.match(phonenumbers.national_significant_number(number))))


def check_phone(loaded: LoadedFile) -> list[Problem]:
    """Refuse a phone number of the wrong length; warn about one in no range of numbers in use."""
    phone = written_phone(loaded.data)
    if phone is None:
        return []
    where = loaded.where(("contact", "phone"))
    try:
        number = phonenumbers.parse(phone, PHONE_REGION)
        reason = phonenumbers.is_possible_number_with_reason(number)
    except phonenumbers.NumberParseException as error:
        number, reason = None, PARSE_REASONS.get(error.error_type, phonenumbers.ValidationResult.TOO_SHORT)
    if reason == phonenumbers.ValidationResult.INVALID_COUNTRY_CODE:
        return [Problem(loaded.source, *where,
                        f'contact: phone: "{phone}" does not start with a country code we know. Check the digits '
                        f'after the +, or write a UK number without it, for example "{EXAMPLE_PHONE}".')]
    uk = number.country_code == UK_COUNTRY_CODE if number else _written_as_uk(phone)
    if reason != phonenumbers.ValidationResult.IS_POSSIBLE:
        fix = LENGTH_FIXES[reason].format(a="a UK" if uk else "a")
        return [Problem(loaded.source, *where, f'contact: phone: "{phone}" {fix}, for example "{EXAMPLE_PHONE}".')]
    if phonenumbers.is_valid_number(number) or is_drama_phone(phone):
        # A drama number is fine on an example venue; check_leftovers refuses it on a real one.
        return []
    # Only a warning: the list of numbers in use that phonenumbers carries may lag behind a new range.
    return [Problem(loaded.source, *where,
                    f'contact: phone: "{phone}" is not a phone number in use in {"the UK" if uk else "that country"}: '
                    "check each digit, and that you wrote all of it with the area code.", severity="warning")]


def _written_as_uk(phone: str) -> bool:
    """Tell whether a number phonenumbers could not read is written as a UK one: +44, 0044 or no country code."""
    compact = "".join(phone.split())
    if compact.startswith(("+", "00")):
        return compact.startswith(("+44", "0044"))
    return True
