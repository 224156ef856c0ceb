"""Flags: raised when a reply is a complication or emergency, worked by staff.

Lifecycle: open -> acknowledged -> resolved (resolve also accepts an open flag).
Each step is recorded on the flag and in the audit log.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlmodel import Session, col, select

from scheduler.audit import record_action
from scheduler.db import insert_row
from scheduler.errors import Conflict, NotFound
from scheduler.flags.models import Flag, FlagStatus, ReplyAssessment
from scheduler.messaging.models import InboundMessage, OutboundMessage
from scheduler.sessions.models import Patient, TreatmentSession
from scheduler.staff.models import Role, User
from scheduler.triage import LABELS

FLAGGED_LABELS = ("emergency", "complication")


def severity(label: str) -> int:
    """0 for the most severe label; the flagged list sorts ascending on it."""
    return LABELS.index(label) if label in LABELS else len(LABELS)


def raise_flag(
    db: Session,
    *,
    label: str,
    assessment_id: int,
    inbound_id: int,
    patient_id: int | None,
    session: TreatmentSession | None,
    now: datetime,
) -> int:
    """Open a flag on an assessed reply; returns its id."""
    flag_id = insert_row(
        db,
        Flag,
        label=label,
        severity=severity(label),
        patient_id=patient_id,
        session_id=session.id if session else None,
        inbound_id=inbound_id,
        assessment_id=assessment_id,
        practitioner_id=session.practitioner_id if session else None,
        created_at=now,
    )
    record_action(
        db,
        actor="system",
        action="flag.raised",
        subject_type="flag",
        subject_id=flag_id,
        patient_id=patient_id,
        now=now,
        detail=label,
    )
    return flag_id


def visible_to(user: User | None) -> Any:
    """Practitioners see their own patients' flags; staff and admins see all."""
    if user is not None and user.role == Role.practitioner:
        return Flag.practitioner_id == user.id
    return True


def list_flags(
    db: Session,
    *,
    statuses: tuple[str, ...] = (FlagStatus.open,),
    user: User | None = None,
    limit: int = 500,
) -> list[tuple[Flag, Patient | None, InboundMessage, ReplyAssessment]]:
    """Most severe first, then oldest first: the one waiting longest at the top."""
    rows = db.exec(
        select(Flag, Patient, InboundMessage, ReplyAssessment)
        .join(Patient, col(Patient.id) == Flag.patient_id, isouter=True)  # unknown numbers
        .join(InboundMessage, col(InboundMessage.id) == Flag.inbound_id)
        .join(ReplyAssessment, col(ReplyAssessment.id) == Flag.assessment_id)
        .where(col(Flag.status).in_(statuses))
        .where(visible_to(user))
        .order_by(col(Flag.severity), col(Flag.created_at), col(Flag.id))
        .limit(limit)
    ).all()
    return [tuple(r) for r in rows]  # type: ignore[misc]


def alerts_of(db: Session, flag_ids: set[int]) -> dict[int, list[OutboundMessage]]:
    """The texts sent (or still trying) about each flag: alerts, escalations, and the
    answer to the patient's report."""
    if not flag_ids:
        return {}
    found: dict[int, list[OutboundMessage]] = {i: [] for i in flag_ids}
    for message in db.exec(
        select(OutboundMessage)
        .where(col(OutboundMessage.flag_id).in_(flag_ids))
        .order_by(col(OutboundMessage.id))
    ):
        found[message.flag_id].append(message)  # type: ignore[index]
    return found


def get_flag(
    db: Session, flag_id: int, *, user: User | None = None, for_update: bool = False
) -> Flag:
    """The flag, if `user` may see it. `for_update` locks it (PostgreSQL; SQLite's writer
    lock does the same): two people resolving at once then see each other's outcome."""
    flag = db.get(Flag, flag_id, with_for_update=for_update)
    if flag is None or (
        user is not None and user.role == Role.practitioner and flag.practitioner_id != user.id
    ):
        raise NotFound(f"no flag {flag_id}")
    return flag


def acknowledge_flag(db: Session, flag_id: int, *, actor: User, now: datetime) -> Flag:
    flag = get_flag(db, flag_id, user=actor, for_update=True)
    if flag.status != FlagStatus.open:
        raise Conflict(f"flag {flag_id} is already {flag.status}")
    flag.status, flag.acknowledged_at, flag.acknowledged_by = (
        FlagStatus.acknowledged,
        now,
        actor.username,
    )
    db.add(flag)
    record_action(
        db,
        actor=actor.username,
        action="flag.acknowledged",
        subject_type="flag",
        subject_id=flag.id,
        patient_id=flag.patient_id,
        now=now,
    )
    db.flush()
    return flag


def resolve_flag(db: Session, flag_id: int, *, actor: User, now: datetime, note: str) -> Flag:
    flag = get_flag(db, flag_id, user=actor, for_update=True)
    if flag.status == FlagStatus.resolved:
        raise Conflict(f"flag {flag_id} was already resolved by {flag.resolved_by}")
    if flag.acknowledged_at is None:
        flag.acknowledged_at, flag.acknowledged_by = now, actor.username
    flag.status, flag.resolved_at, flag.resolved_by = FlagStatus.resolved, now, actor.username
    flag.resolution_note = note.strip()[:2000] or None
    db.add(flag)
    record_action(
        db,
        actor=actor.username,
        action="flag.resolved",
        subject_type="flag",
        subject_id=flag.id,
        patient_id=flag.patient_id,
        now=now,
    )
    db.flush()
    return flag


def flag_to_json(
    flag: Flag, patient: Patient | None, inbound: InboundMessage, assessment: ReplyAssessment
) -> dict[str, Any]:
    """A flag from a number not on file has a patient with no name and the number."""
    return {
        "id": flag.id,
        "label": flag.label,
        "status": flag.status,
        "patient": {
            "name": patient.name if patient else None,
            "phone": patient.phone if patient else inbound.from_number,
        },
        "session_id": flag.session_id,
        "reply": inbound.body,
        "findings": assessment.findings,
        "created_at": flag.created_at.isoformat(),
        "acknowledged_at": flag.acknowledged_at.isoformat() if flag.acknowledged_at else None,
        "acknowledged_by": flag.acknowledged_by,
        "resolved_at": flag.resolved_at.isoformat() if flag.resolved_at else None,
        "resolved_by": flag.resolved_by,
    }
