"""Phone numbers: everything Aftercare stores or sends to is E.164."""

from __future__ import annotations

import phonenumbers


def is_test_number(parsed: phonenumbers.PhoneNumber) -> bool:
    """+1 555 xxx xxxx: an area code reserved for fiction and testing, never a real phone.
    All ten digits: "555 1235" is a local number's dialling, no number to text."""
    national = str(parsed.national_number)
    return parsed.country_code == 1 and national.startswith("555") and len(national) == 10


def to_e164(raw: str, *, region: str, allow_test_numbers: bool = True) -> str:
    """Parse a number as a person typed it; raise ValueError with a readable reason."""
    text = (raw or "").strip()
    if not text:
        raise ValueError("a phone number is required")
    try:
        parsed = phonenumbers.parse(text, region)
    except phonenumbers.NumberParseException as exc:
        raise ValueError(f"not a phone number: {text!r}") from exc
    valid = phonenumbers.is_valid_number(parsed) or (allow_test_numbers and is_test_number(parsed))
    if not valid:
        raise ValueError(
            f"not a valid phone number: {text!r} (use +<country code><number>, "
            f"or a {region} number)"
        )
    return phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164)
