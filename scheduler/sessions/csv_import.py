"""Bulk registration from CSV: all rows or, per bad row, a line-numbered reason.

Rows are parsed one by one, then registered as one batch (`register_sessions`): a bad
row stores nothing of itself and does not hold back the good ones. A row that repeats an
already registered session is reported (it would be a 409 on the API) and skipped.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from datetime import datetime

from sqlmodel import Session

from scheduler.config import Settings
from scheduler.errors import AftercareError, Conflict, Invalid
from scheduler.sessions.schemas import SessionIn, parse_session
from scheduler.sessions.service import register_sessions

COLUMNS = ("patient_name", "phone", "sms_consent", "practitioner", "ended_at", "treated_area")
TRUE_WORDS = {"true", "yes", "y", "1"}
FALSE_WORDS = {"false", "no", "n", "0", ""}
MAX_ROWS = 50_000


@dataclass
class ImportReport:
    registered: list[int] = field(default_factory=list)
    errors: list[tuple[int, str]] = field(default_factory=list)  # (line number, message)


def import_sessions_csv(
    db: Session, text: str, *, settings: Settings, now: datetime, actor: str, source: str = "csv"
) -> ImportReport:
    report = ImportReport()
    reader = csv.DictReader(io.StringIO(text.lstrip("\ufeff")))
    missing = [c for c in COLUMNS if c not in (reader.fieldnames or [])]
    if missing:
        report.errors.append((1, f"missing column(s): {', '.join(missing)}"))
        return report
    parsed: list[tuple[int, SessionIn]] = []  # (line number, row)
    for row in reader:
        line = reader.line_num
        if len(parsed) + len(report.errors) >= MAX_ROWS:
            report.errors.append((line, f"more than {MAX_ROWS} rows; split the file"))
            break
        extra = row.get(None)
        if extra:  # more fields than columns: an unquoted comma, most likely ("Smith, John")
            columns = len(reader.fieldnames or [])
            report.errors.append(
                (line, f"{columns + len(extra)} fields for {columns} columns; "
                 "put quotes round a value with a comma in it")
            )
            continue
        try:
            parsed.append((line, row_to_session(row)))
        except AftercareError as exc:
            report.errors.append((line, describe(exc)))
    outcomes = register_sessions(
        db, [data for _, data in parsed], settings=settings, now=now, source=source, actor=actor
    ).outcomes
    for (line, _), outcome in zip(parsed, outcomes, strict=True):
        if isinstance(outcome, AftercareError):
            report.errors.append((line, describe(outcome)))
        else:
            report.registered.append(outcome)
    report.errors.sort()
    return report


def describe(exc: AftercareError) -> str:
    if isinstance(exc, Invalid):
        return "; ".join(f"{k}: {v}" for k, v in exc.errors.items())
    if isinstance(exc, Conflict):
        return f"{exc.message} (session {exc.details.get('session_id')})"
    return exc.message


def row_to_session(row: dict[str, str | None]) -> SessionIn:
    consent = (row.get("sms_consent") or "").strip().lower()
    if consent not in TRUE_WORDS | FALSE_WORDS:
        raise Invalid.field("sms_consent", f"expected yes/no or true/false, got {consent!r}")
    return parse_session(
        {
            "patient": {
                "name": row.get("patient_name") or "",
                "phone": row.get("phone") or "",
                "sms_consent": consent in TRUE_WORDS,
            },
            "practitioner": row.get("practitioner") or "",
            "ended_at": (row.get("ended_at") or "").strip(),
            "treated_area": row.get("treated_area") or "",
        }
    )
