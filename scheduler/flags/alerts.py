"""The practitioner's alert: initials, session date, a link. No diagnosis, no treated area."""

from __future__ import annotations

from datetime import datetime

from sqlmodel import Session

from scheduler.config import Settings
from scheduler.flags.models import Flag
from scheduler.messaging.models import OutboundMessage, Purpose
from scheduler.messaging.outbox import enqueue_message
from scheduler.messaging.texts import SmsTexts, initials
from scheduler.sessions.models import Patient, TreatmentSession
from scheduler.staff.models import User


def flag_link(settings: Settings, flag_id: int | None) -> str:
    return f"{settings.web.public_base_url}/staff/flags/{flag_id}"


def queue_practitioner_alert(
    db: Session,
    flag: Flag,
    *,
    patient: Patient,
    session: TreatmentSession | None,
    settings: Settings,
    texts: SmsTexts,
    now: datetime,
    purpose: Purpose = Purpose.alert,
) -> OutboundMessage | None:
    """Queue the alert to the session's practitioner; None if they have no phone on file."""
    practitioner = db.get(User, session.practitioner_id) if session else None
    if practitioner is None or not practitioner.phone:
        return None  # the flag is still on the staff list; nothing is lost
    session_date = (
        session.ended_at.astimezone(settings.clinic.tz).strftime("%b %d").replace(" 0", " ")
        if session
        else "unknown"
    )
    body = texts.render(
        "practitioner_alert",
        label=flag.label,
        initials=initials(patient.name),
        session_date=session_date,
        link=flag_link(settings, flag.id),
        clinic=settings.clinic.name,
        repeat=purpose == Purpose.escalation,
    )
    return enqueue_message(
        db, to=practitioner.phone, body=body, purpose=purpose, now=now, flag_id=flag.id
    )
