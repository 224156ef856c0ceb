"""Phone numbers: everything Aftercare stores or sends to is E.164."""

from __future__ import annotations

import phonenumbers


def to_e164(raw: str, *, region: str) -> str:
    """Parse a number as a person typed it; raise ValueError with a readable reason."""
    text = (raw or "").strip()
    if not text:
        raise ValueError("a phone number is required")
    try:
        parsed = phonenumbers.parse(text, region)
    except phonenumbers.NumberParseException as exc:
        raise ValueError(f"not a phone number: {text!r}") from exc
    if not phonenumbers.is_valid_number(parsed):
        raise ValueError(
            f"not a valid phone number: {text!r} (use +<country code><number>, "
            f"or a {region} number)"
        )
    return phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164)
