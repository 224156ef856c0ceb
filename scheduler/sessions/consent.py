"""Opting out and back in: the patient's state, its history, and pending check-ins."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import update
from sqlalchemy.orm.attributes import set_committed_value
from sqlmodel import Session, col, select

from scheduler.audit import record_action
from scheduler.checkins.models import CheckIn, CheckInStatus
from scheduler.db import execute_dml
from scheduler.sessions.models import ConsentChange, Patient, TreatmentSession


def record_opt_out(db: Session, patient: Patient, *, now: datetime, source: str) -> bool:
    """Opt the patient out and cancel pending check-ins. False if already opted out."""
    if not set_opted_out_at(db, patient, now, was_out=False):
        return False
    execute_dml(
        db,
        update(CheckIn)
        .where(
            col(CheckIn.session_id).in_(patient_sessions(patient)),
            col(CheckIn.status) == CheckInStatus.pending,
        )
        .values(status=CheckInStatus.cancelled, reason="opted_out", updated_at=now),
    )
    record_consent_change(db, patient, opted_in=False, now=now, source=source)
    return True


def record_opt_in(db: Session, patient: Patient, *, now: datetime, source: str) -> bool:
    """Opt a patient back in (START): the check-ins the opt-out cancelled that can still
    go are pending again, so "you will get check-in texts again" holds. Ones cancelled
    for another reason, or past their time, stay as they are."""
    if not set_opted_out_at(db, patient, None, was_out=True):
        return False
    execute_dml(
        db,
        update(CheckIn)
        .where(
            col(CheckIn.session_id).in_(patient_sessions(patient)),
            col(CheckIn.status) == CheckInStatus.cancelled,
            col(CheckIn.reason) == "opted_out",
            col(CheckIn.expires_at) > now,
        )
        .values(status=CheckInStatus.pending, reason=None, updated_at=now),
    )
    record_consent_change(db, patient, opted_in=True, now=now, source=source)
    return True


def record_consent_change(
    db: Session, patient: Patient, *, opted_in: bool, now: datetime, source: str
) -> None:
    """The consent history row and the audit entry of one opt-out or opt-in."""
    db.add(ConsentChange(patient_id=patient.id, at=now, opted_in=opted_in, source=source))  # type: ignore[arg-type]
    # a member of staff passing on what the patient told them ("staff:ann") is the actor
    actor = source.removeprefix("staff:") if source.startswith("staff:") else "patient"
    record_action(
        db,
        actor=actor,
        action="patient.opted_in" if opted_in else "patient.opted_out",
        subject_type="patient",
        subject_id=patient.id,
        patient_id=patient.id,
        now=now,
        detail=source,
    )
    db.flush()


def patient_sessions(patient: Patient) -> Any:
    return select(TreatmentSession.id).where(TreatmentSession.patient_id == patient.id)


def set_opted_out_at(
    db: Session, patient: Patient, value: datetime | None, *, was_out: bool
) -> bool:
    """Change the patient's opt-out state if it is still what the caller saw: one
    conditional update, so two STOPs at once record one opt-out (and one answer)."""
    was = col(Patient.opted_out_at).is_not(None) if was_out else col(Patient.opted_out_at).is_(None)
    changed = execute_dml(
        db, update(Patient).where(col(Patient.id) == patient.id, was).values(opted_out_at=value)
    )
    if changed:
        set_committed_value(patient, "opted_out_at", value)  # the object agrees, not dirty
    return bool(changed)


def find_patient_by_phone(db: Session, phone: str) -> Patient | None:
    return db.exec(select(Patient).where(Patient.phone == phone)).first()
