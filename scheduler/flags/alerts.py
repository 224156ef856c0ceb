"""The practitioner's alert: initials, session date, a link. No diagnosis, no treated area."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import bindparam
from sqlmodel import Session, col, select

from scheduler.config import Settings
from scheduler.messaging.models import Purpose
from scheduler.messaging.outbox import enqueue_message
from scheduler.messaging.texts import SmsTexts, initials
from scheduler.sessions.models import Patient, TreatmentSession
from scheduler.staff.models import User

# Built once: on the path of every flagged reply, and building a statement costs more
# than running it.
PRACTITIONER_PHONE = select(col(User.phone)).where(col(User.id) == bindparam("user_id"))


def flag_link(settings: Settings, flag_id: int | None) -> str:
    return f"{settings.web.public_base_url}/staff/flags/{flag_id}"


def queue_practitioner_alert(
    db: Session,
    *,
    flag_id: int,
    label: str,
    patient: Patient,
    session: TreatmentSession | None,
    settings: Settings,
    texts: SmsTexts,
    now: datetime,
    purpose: Purpose = Purpose.alert,
) -> int | None:
    """Queue the alert about flag `flag_id` to the session's practitioner: the message's id,
    or None if they have no phone on file."""
    phone = (
        db.execute(PRACTITIONER_PHONE, {"user_id": session.practitioner_id}).scalar()
        if session
        else None
    )
    if not phone:
        return None  # the flag is still on the staff list; nothing is lost
    session_date = (
        session.ended_at.astimezone(settings.clinic.tz).strftime("%b %d").replace(" 0", " ")
        if session
        else "unknown"
    )
    body = texts.render(
        "practitioner_alert",
        label=label,
        initials=initials(patient.name),
        session_date=session_date,
        link=flag_link(settings, flag_id),
        clinic=settings.clinic.name,
        repeat=purpose == Purpose.escalation,
    )
    return enqueue_message(
        db, to=phone, body=body, purpose=purpose, now=now, flag_id=flag_id
    )
