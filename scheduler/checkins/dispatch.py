"""The dispatcher: turns due check-ins into queued texts, then delivers the queue.

`run_once(ctx, now=...)` is the whole tick; APScheduler calls it every few seconds and
tests call it with any `now`. The database decides what is due, so restarts and several
workers need nothing special.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime

from sqlmodel import Session, col, select

from scheduler.checkins.models import CheckIn, CheckInStatus
from scheduler.checkins.timing import next_window_start
from scheduler.config import Settings
from scheduler.context import AppContext
from scheduler.db import session_scope
from scheduler.flags.escalation import escalate_unacknowledged
from scheduler.messaging.models import Purpose
from scheduler.messaging.outbox import (
    SendReport,
    enqueue_message,
    reap_expired_leases,
    send_due_messages,
)
from scheduler.messaging.texts import SmsTexts, first_name
from scheduler.sessions.models import Patient, TreatmentSession

log = logging.getLogger(__name__)


@dataclass
class TickReport:
    queued: int = 0
    deferred: int = 0
    cancelled: int = 0
    reaped: int = 0
    escalated: int = 0
    sending: SendReport | None = None


def run_once(ctx: AppContext, *, now: datetime) -> TickReport:
    """One tick: reap dead leases, queue due check-ins and escalations, send the queue."""
    report = TickReport()
    report.reaped = reap_expired_leases(ctx.engine, now=now)
    with session_scope(ctx.engine) as db:
        queue_due_checkins(db, settings=ctx.settings, texts=ctx.texts, now=now, report=report)
    with session_scope(ctx.engine) as db:
        report.escalated = escalate_unacknowledged(db, settings=ctx.settings, texts=ctx.texts,
                                                   now=now)
    report.sending = send_due_messages(
        ctx.engine,
        ctx.gateway,
        settings=ctx.settings,
        now=now,
        worker=ctx.worker_id,
        status_callback=ctx.status_callback_url,
        pacer=ctx.pacer,
    )
    ctx.last_tick_at = now
    return report


def queue_due_checkins(
    db: Session, *, settings: Settings, texts: SmsTexts, now: datetime, report: TickReport
) -> None:
    """Claim due check-ins (row locks skip rows another worker holds) and queue their texts."""
    rows = db.exec(
        select(CheckIn, TreatmentSession, Patient)
        .join(TreatmentSession, col(TreatmentSession.id) == CheckIn.session_id)
        .join(Patient, col(Patient.id) == TreatmentSession.patient_id)
        .where(CheckIn.status == CheckInStatus.pending, CheckIn.due_at <= now)
        .order_by(col(CheckIn.due_at), col(CheckIn.id))
        .limit(settings.dispatch.batch_size)
        .with_for_update(skip_locked=True, of=CheckIn)
    ).all()
    for checkin, session, patient in rows:
        handle_due_checkin(
            db, checkin, session, patient, settings=settings, texts=texts, now=now, report=report
        )


def handle_due_checkin(
    db: Session,
    checkin: CheckIn,
    session: TreatmentSession,
    patient: Patient,
    *,
    settings: Settings,
    texts: SmsTexts,
    now: datetime,
    report: TickReport,
) -> None:
    checkin.updated_at = now
    if patient.opted_out_at is not None:
        cancel(db, checkin, "opted_out", report)
        return
    send_at = next_window_start(now, settings.checkins.send_window, settings.clinic.tz)
    if send_at >= checkin.expires_at or later_checkin_due(db, checkin, now):
        # Never late: a stale "how are you 24 h after?" confuses more than it helps.
        cancel(db, checkin, "expired", report)
        return
    if send_at > now:  # due, but outside the send window (e.g. after a night-long outage)
        checkin.due_at = send_at
        db.add(checkin)
        report.deferred += 1
        return
    body = texts.render_checkin(
        checkin.kind, first_name=first_name(patient.name), clinic=settings.clinic.name
    )
    message = enqueue_message(
        db,
        to=patient.phone,
        body=body,
        purpose=Purpose.checkin,
        now=now,
        patient_id=patient.id,
        not_after=checkin.expires_at,
    )
    checkin.status, checkin.message_id = CheckInStatus.sending, message.id
    db.add(checkin)
    report.queued += 1


def later_checkin_due(db: Session, checkin: CheckIn, now: datetime) -> bool:
    later = db.exec(
        select(CheckIn.id).where(
            CheckIn.session_id == checkin.session_id,
            CheckIn.due_at > checkin.due_at,
            CheckIn.due_at <= now,
        )
    ).first()
    return later is not None


def cancel(db: Session, checkin: CheckIn, reason: str, report: TickReport) -> None:
    checkin.status, checkin.reason = CheckInStatus.cancelled, reason
    db.add(checkin)
    report.cancelled += 1
    log.info("check-in %s cancelled: %s", checkin.id, reason)
