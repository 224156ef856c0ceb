"""Aftercare's expected failures, and how the web layer answers them.

    AftercareError
    ├── NotFound      404  the thing asked for does not exist (or is not yours)
    ├── Conflict      409  it exists already; `details` carries the existing id
    ├── Invalid       422  input broke a rule; `errors` maps field -> message
    └── Forbidden     403  authenticated but not allowed / bad signature

An expected failure is never a 500: every route raises one of these and one handler
turns it into JSON.
"""

from __future__ import annotations

from typing import Any


class AftercareError(Exception):
    status_code = 400

    def __init__(self, message: str, **details: Any) -> None:
        super().__init__(message)
        self.message = message
        self.details = details

    def to_json(self) -> dict[str, Any]:
        return {"error": self.message, **self.details}


class NotFound(AftercareError):
    status_code = 404


class Conflict(AftercareError):
    status_code = 409


class Forbidden(AftercareError):
    status_code = 403


class Invalid(AftercareError):
    """`errors` maps a dotted field name ("patient.phone") to what is wrong with it."""

    status_code = 422

    def __init__(self, errors: dict[str, str], message: str = "invalid input") -> None:
        super().__init__(message, errors=errors)
        self.errors = errors

    @classmethod
    def field(cls, name: str, message: str) -> Invalid:
        return cls({name: message})
