"""The audit log: one row per action someone (or the system) took on a record."""

from __future__ import annotations

from datetime import datetime

from sqlmodel import Session

from scheduler.db import insert_row
from scheduler.staff.models import AuditEntry


def record_action(
    db: Session,
    *,
    actor: str,
    action: str,
    subject_type: str,
    subject_id: int | None,
    now: datetime,
    patient_id: int | None = None,
    detail: str = "",
) -> None:
    """Append an entry. `detail` is for staff-visible context, never a patient's message.
    A plain INSERT, not an ORM object: entries are never read back in the transaction that
    writes them, and a flagged reply's unit-of-work flush cost more than the row."""
    insert_row(
        db,
        AuditEntry,
        at=now,
        actor=actor,
        action=action,
        subject_type=subject_type,
        subject_id=subject_id,
        patient_id=patient_id,
        detail=detail[:500],
    )
