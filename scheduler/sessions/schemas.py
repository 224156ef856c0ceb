"""What a registration looks like on the way in, whatever the channel (API, form, CLI, CSV)."""

from __future__ import annotations

from datetime import datetime

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from scheduler.dbtypes import storable
from scheduler.errors import Invalid


class PatientIn(BaseModel):
    model_config = ConfigDict(str_strip_whitespace=True, extra="forbid")

    name: str = Field(min_length=1, max_length=200)
    phone: str = Field(min_length=1, max_length=40)
    sms_consent: bool


class SessionIn(BaseModel):
    model_config = ConfigDict(str_strip_whitespace=True, extra="forbid")

    patient: PatientIn
    practitioner: str = Field(min_length=1, max_length=64)
    ended_at: datetime
    treated_area: str = Field(default="", max_length=200)


def errors_by_field(exc: ValidationError, *, skip: tuple[str, ...] = ("body",)) -> dict[str, str]:
    """pydantic's errors as {"patient.phone": "message"}, one message per field."""
    errors: dict[str, str] = {}
    for err in exc.errors():
        key = ".".join(str(p) for p in err["loc"] if p not in skip) or "body"
        msg = err["msg"].removeprefix("Value error, ")
        if err["type"] == "missing":
            msg = "required"
        elif err["type"] == "extra_forbidden":
            msg = "unknown field"
        errors.setdefault(key, msg)
    return errors


def storable_values(data: object) -> object:
    """Every string in the (nested) input as the database can hold it."""
    if isinstance(data, str):
        return storable(data)
    if isinstance(data, dict):
        return {key: storable_values(value) for key, value in data.items()}
    return data


def parse_session(data: object) -> SessionIn:
    """Validate a dict into SessionIn, raising Invalid with a message per field."""
    try:
        return SessionIn.model_validate(storable_values(data))
    except ValidationError as exc:
        raise Invalid(errors_by_field(exc)) from exc
