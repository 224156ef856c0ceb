"""Bulk registration from CSV: all rows or, per bad row, a line-numbered reason.

Each good row is registered in its own savepoint, so a bad row stores nothing of itself
and does not undo the good ones. A row that repeats an already registered session is
reported (it would be a 409 on the API) and skipped.
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
from scheduler.sessions.service import register_session

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
    for row in reader:
        line = reader.line_num
        if len(report.registered) + len(report.errors) >= MAX_ROWS:
            report.errors.append((line, f"more than {MAX_ROWS} rows; split the file"))
            break
        try:
            with db.begin_nested():
                session = register_session(
                    db, row_to_session(row), settings=settings, now=now, source=source, actor=actor
                )
            report.registered.append(session.id)  # type: ignore[arg-type]
        except Invalid as exc:
            report.errors.append((line, "; ".join(f"{k}: {v}" for k, v in exc.errors.items())))
        except Conflict as exc:
            report.errors.append((line, f"{exc.message} (session {exc.details.get('session_id')})"))
        except AftercareError as exc:
            report.errors.append((line, exc.message))
    return report


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
