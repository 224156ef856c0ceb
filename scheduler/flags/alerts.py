"""The alert about a flag: initials, session date, a link. No diagnosis, no treated area.

It goes to the session's practitioner when they have an active login with a phone; else
to the clinic's on-call phone (`clinic.on_call_phone`); else to nobody, which is said out
loud: logged as an error, written to the audit log, shown on the flag's page, and the
patient is not told that anyone was alerted.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from sqlalchemy import bindparam
from sqlmodel import Session, col, select

from scheduler.audit import record_action
from scheduler.config import Settings
from scheduler.messaging.models import OutboundMessage, Purpose
from scheduler.messaging.outbox import enqueue_message
from scheduler.messaging.texts import SmsTexts, initials
from scheduler.sessions.models import Patient, TreatmentSession
from scheduler.staff.models import User

log = logging.getLogger(__name__)

# Built once: on the path of every flagged reply, and building a statement costs more
# than running it. A disabled login gets no alerts: its link would not open for them.
PRACTITIONER_PHONE = select(col(User.phone)).where(
    col(User.id) == bindparam("user_id"), col(User.active).is_(True)
)


class Alerted(StrEnum):
    """Who was texted about a flag; the patient's answer says only what is true."""

    practitioner = "practitioner"
    on_call = "on_call"
    nobody = "nobody"


@dataclass(frozen=True)
class Alert:
    alerted: Alerted
    message_id: int | None = None


def flag_link(settings: Settings, flag_id: int | None) -> str:
    return f"{settings.web.public_base_url}/staff/flags/{flag_id}"


def practitioner_phone(db: Session, session: TreatmentSession | None) -> str | None:
    if session is None:
        return None
    return db.execute(PRACTITIONER_PHONE, {"user_id": session.practitioner_id}).scalar()


def queue_flag_alert(
    db: Session,
    *,
    flag_id: int,
    label: str,
    patient: Patient | None,
    session: TreatmentSession | None,
    settings: Settings,
    texts: SmsTexts,
    now: datetime,
    purpose: Purpose = Purpose.alert,
    skip_practitioner: bool = False,
) -> Alert:
    """Queue the alert about flag `flag_id` to whoever can act on it (see the module);
    `skip_practitioner` when their alert could not be delivered."""
    phone = None if skip_practitioner else practitioner_phone(db, session)
    alerted = Alerted.practitioner
    if not phone:
        phone, alerted = settings.clinic.on_call_phone, Alerted.on_call
    if not phone:
        report_nobody_alerted(db, flag_id, patient, now=now)
        return Alert(Alerted.nobody)
    body = texts.render(
        "practitioner_alert",
        label=label,
        initials=initials(patient.name) if patient else "from an unknown number",
        session_date=session_date(session, settings),
        link=flag_link(settings, flag_id),
        clinic=settings.clinic.name,
        # "STILL UNACKNOWLEDGED" only to someone already told of it
        repeat=purpose == Purpose.escalation and told_before(db, flag_id, phone),
        instead_of_practitioner=alerted == Alerted.on_call,
    )
    message_id = enqueue_message(db, to=phone, body=body, purpose=purpose, now=now, flag_id=flag_id)
    return Alert(alerted, message_id)


def told_before(db: Session, flag_id: int, phone: str) -> bool:
    return (
        db.exec(
            select(OutboundMessage.id).where(
                OutboundMessage.flag_id == flag_id, OutboundMessage.to == phone
            )
        ).first()
        is not None
    )


def session_date(session: TreatmentSession | None, settings: Settings) -> str:
    if session is None:
        return "no recent session"
    ended = session.ended_at.astimezone(settings.clinic.tz)
    return "session " + ended.strftime("%b %d").replace(" 0", " ")


def report_nobody_alerted(
    db: Session, flag_id: int, patient: Patient | None, *, now: datetime
) -> None:
    log.error(
        "flag %s: nobody could be texted (the practitioner has no active login with a "
        "phone, and clinic.on_call_phone is not set); it waits on the staff list",
        flag_id,
    )
    record_action(
        db,
        actor="system",
        action="flag.not_alerted",
        subject_type="flag",
        subject_id=flag_id,
        patient_id=patient.id if patient else None,
        now=now,
        detail="no practitioner phone and no clinic.on_call_phone",
    )
