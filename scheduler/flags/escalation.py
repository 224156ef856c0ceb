"""Escalation: an emergency nobody acknowledged is raised again, louder; an alert that
could not be delivered goes to on-call at once.

After `alerts.escalate_after_minutes` an open emergency re-alerts its practitioner and
texts the clinic's on-call number, once. Rows are locked while escalated, so two workers
never escalate the same flag twice.
"""

from __future__ import annotations

import logging
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import and_, exists, or_
from sqlmodel import Session, col, select

from scheduler.audit import record_action
from scheduler.config import Settings
from scheduler.db import try_exclusive
from scheduler.flags.alerts import Alert, Alerted, flag_link, queue_flag_alert
from scheduler.flags.models import Flag, FlagStatus
from scheduler.messaging.models import MessageStatus, OutboundMessage, Purpose
from scheduler.messaging.outbox import enqueue_message
from scheduler.messaging.texts import SmsTexts, initials
from scheduler.sessions.models import Patient, TreatmentSession

log = logging.getLogger(__name__)


def escalate_unacknowledged(
    db: Session, *, settings: Settings, texts: SmsTexts, now: datetime
) -> int:
    """Queue escalation texts for overdue emergencies; returns how many were escalated."""
    if not try_exclusive(db, "flags.escalate_unacknowledged"):
        return 0  # another process is escalating right now
    cutoff = now - timedelta(minutes=settings.alerts.escalate_after_minutes)
    overdue = db.exec(
        select(Flag)
        .where(Flag.label == "emergency", Flag.status == FlagStatus.open)
        .where(col(Flag.escalated_at).is_(None), Flag.created_at <= cutoff)
        .order_by(col(Flag.created_at))
        .with_for_update(skip_locked=True)
    ).all()
    for flag in overdue:
        escalate(db, flag, settings=settings, texts=texts, now=now)
    return len(overdue)


def reroute_failed_alerts(
    db: Session, *, settings: Settings, texts: SmsTexts, now: datetime
) -> int:
    """Flags whose alert failed or was not delivered (a wrong number, a phone the carrier
    cannot reach), and that on-call has not heard of: on-call is texted now, not when the
    escalation timer runs out. Returns how many."""
    on_call = settings.clinic.on_call_phone
    if not on_call or not try_exclusive(db, "flags.reroute_failed_alerts"):
        return 0
    alerts_of_flag = and_(
        col(OutboundMessage.flag_id) == Flag.id,
        col(OutboundMessage.purpose).in_([Purpose.alert, Purpose.escalation]),
    )
    lost = or_(
        col(OutboundMessage.status) == MessageStatus.failed,
        col(OutboundMessage.delivery_status).in_(["undelivered", "failed"]),
    )
    told_on_call = and_(col(OutboundMessage.flag_id) == Flag.id, col(OutboundMessage.to) == on_call)
    flags = db.exec(
        select(Flag)
        .where(Flag.status != FlagStatus.resolved)
        .where(exists().where(alerts_of_flag, lost), ~exists().where(told_on_call))
        .with_for_update(skip_locked=True)
    ).all()
    for flag in flags:
        alert_about(db, flag, settings=settings, texts=texts, now=now, skip_practitioner=True)
        log.warning("flag %s: its alert was not delivered; on-call texted", flag.id)
    return len(flags)


def alert_about(
    db: Session, flag: Flag, *, settings: Settings, texts: SmsTexts, now: datetime, **how: Any
) -> Alert:
    """Queue an alert about a stored flag, its patient and session looked up."""
    return queue_flag_alert(
        db,
        flag_id=flag.id,  # type: ignore[arg-type]
        label=flag.label,
        patient=db.get(Patient, flag.patient_id) if flag.patient_id else None,
        session=db.get(TreatmentSession, flag.session_id) if flag.session_id else None,
        settings=settings,
        texts=texts,
        now=now,
        **how,
    )


def escalate(
    db: Session, flag: Flag, *, settings: Settings, texts: SmsTexts, now: datetime
) -> None:
    patient = db.get(Patient, flag.patient_id) if flag.patient_id else None
    first = alert_about(
        db, flag, settings=settings, texts=texts, now=now, purpose=Purpose.escalation
    )
    # On-call hears of it too, unless the repeat above went to on-call already.
    on_call = settings.clinic.on_call_phone and first.alerted == Alerted.practitioner
    if on_call:
        body = texts.render(
            "on_call_escalation",
            clinic=settings.clinic.name,
            initials=initials(patient.name) if patient else "from an unknown number",
            link=flag_link(settings, flag.id),
            minutes=settings.alerts.escalate_after_minutes,
        )
        enqueue_message(
            db,
            to=settings.clinic.on_call_phone,
            body=body,
            purpose=Purpose.escalation,
            now=now,
            flag_id=flag.id,
        )
    flag.escalated_at = now
    db.add(flag)
    record_action(
        db,
        actor="system",
        action="flag.escalated",
        subject_type="flag",
        subject_id=flag.id,
        patient_id=flag.patient_id,
        now=now,
        detail=f"not acknowledged after {settings.alerts.escalate_after_minutes} min"
        + ("" if first.alerted != Alerted.nobody else "; nobody could be texted"),
    )
    log.warning("emergency flag %s escalated: not acknowledged in time", flag.id)
