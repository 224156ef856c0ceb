"""The audit log: one row per action someone (or the system) took on a record."""

from __future__ import annotations

from datetime import datetime

from sqlmodel import Session

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
    """Append an entry. `detail` is for staff-visible context, never a patient's message."""
    db.add(
        AuditEntry(
            at=now,
            actor=actor,
            action=action,
            subject_type=subject_type,
            subject_id=subject_id,
            patient_id=patient_id,
            detail=detail[:500],
        )
    )
