"""The dispatcher: turns due check-ins into queued texts, then delivers the queue.

`run_once(ctx, now=...)` is the whole tick; APScheduler calls it every few seconds and
tests call it with any `now`. The database decides what is due, so restarts and several
workers need nothing special.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import func, insert, update
from sqlmodel import Session, col, select

from scheduler.checkins.models import CheckIn, CheckInStatus
from scheduler.checkins.timing import next_window_start
from scheduler.config import Settings
from scheduler.context import AppContext
from scheduler.db import session_scope
from scheduler.flags.escalation import escalate_unacknowledged
from scheduler.messaging.models import MessageStatus, OutboundMessage, Purpose
from scheduler.messaging.reconcile import SettleReport, settle_unknown_sends
from scheduler.messaging.sending import SendReport, send_due_messages
from scheduler.messaging.texts import SmsTexts, first_name
from scheduler.sessions.models import Patient, TreatmentSession

log = logging.getLogger(__name__)


@dataclass
class TickReport:
    queued: int = 0
    deferred: int = 0
    cancelled: int = 0
    settled: SettleReport | None = None
    escalated: int = 0
    sending: SendReport | None = None


def run_once(ctx: AppContext, *, now: datetime) -> TickReport:
    """One tick: settle sends left unknown, queue due check-ins and escalations, send the
    queue."""
    report = TickReport()
    report.settled = settle_unknown_sends(
        ctx.engine, ctx.gateway, settings=ctx.settings, now=now, worker=ctx.worker_id
    )
    with session_scope(ctx.engine) as db:
        queue_due_checkins(db, settings=ctx.settings, texts=ctx.texts, now=now, report=report)
    with session_scope(ctx.engine) as db:
        report.escalated = escalate_unacknowledged(
            db, settings=ctx.settings, texts=ctx.texts, now=now
        )
    report.sending = send_due_messages(
        ctx.engine,
        ctx.gateway,
        settings=ctx.settings,
        now=now,
        worker=ctx.worker_id,
        status_callback=ctx.status_callback_url,
        pacer=ctx.pacer,
        stopping=ctx.stopping,
    )
    ctx.last_tick_at = now
    return report


def queue_due_checkins(
    db: Session, *, settings: Settings, texts: SmsTexts, now: datetime, report: TickReport
) -> None:
    """Claim due check-ins (row locks skip rows another worker holds) and queue their texts.

    One batch is a handful of statements whatever its size: the claim, one query for
    superseded check-ins, one multi-row insert of texts, one update of the check-ins.
    """
    rows = db.exec(
        select(CheckIn, TreatmentSession, Patient)
        .join(TreatmentSession, col(TreatmentSession.id) == CheckIn.session_id)
        .join(Patient, col(Patient.id) == TreatmentSession.patient_id)
        .where(CheckIn.status == CheckInStatus.pending, CheckIn.due_at <= now)
        .order_by(col(CheckIn.due_at), col(CheckIn.id))
        .limit(settings.dispatch.batch_size)
        .with_for_update(skip_locked=True, of=CheckIn)
    ).all()
    if not rows:
        return
    latest_due = latest_due_by_session(db, {c.session_id for c, _, _ in rows}, now)
    send_at = next_window_start(now, settings.checkins.send_window, settings.clinic.tz)
    to_send: list[tuple[CheckIn, Patient]] = []
    for checkin, _session, patient in rows:
        checkin.updated_at = now
        if patient.opted_out_at is not None:
            cancel(db, checkin, "opted_out", report)
        elif send_at >= checkin.expires_at or latest_due[checkin.session_id] > checkin.due_at:
            # Never late: a stale "how are you 24 h after?" confuses more than it helps.
            cancel(db, checkin, "expired", report)
        elif send_at > now:  # due, but outside the send window (e.g. after an outage)
            checkin.due_at = send_at
            db.add(checkin)
            report.deferred += 1
        else:
            to_send.append((checkin, patient))
    queue_checkin_texts(db, to_send, settings=settings, texts=texts, now=now)
    report.queued += len(to_send)


def latest_due_by_session(db: Session, session_ids: set[int], now: datetime) -> dict[int, Any]:
    """Each session's latest check-in that is already due: earlier ones are superseded."""
    found = db.exec(
        select(CheckIn.session_id, func.max(CheckIn.due_at))
        .where(col(CheckIn.session_id).in_(session_ids), CheckIn.due_at <= now)
        .group_by(col(CheckIn.session_id))
    ).all()
    return {sid: as_utc(due) for sid, due in found}


def as_utc(value: Any) -> datetime:
    # An aggregate bypasses the column type: SQLite hands back naive UTC (or text).
    if isinstance(value, str):
        value = datetime.fromisoformat(value)
    return value if value.tzinfo else value.replace(tzinfo=UTC)


def queue_checkin_texts(
    db: Session,
    batch: list[tuple[CheckIn, Patient]],
    *,
    settings: Settings,
    texts: SmsTexts,
    now: datetime,
) -> None:
    """One multi-row insert of the texts, one update pointing each check-in at its text."""
    if not batch:
        return
    messages = [
        {
            "to": patient.phone,
            "purpose": Purpose.checkin,
            "status": MessageStatus.pending,
            "body": texts.render_checkin(
                checkin.kind, first_name=first_name(patient.name), clinic=settings.clinic.name
            ),
            "next_attempt_at": now,
            "created_at": now,
            "not_after": checkin.expires_at,
            "patient_id": patient.id,
            "attempts": 0,
            "redeliveries": 0,
        }
        for checkin, patient in batch
    ]
    ids = (
        db.execute(
            insert(OutboundMessage).returning(
                col(OutboundMessage.id), sort_by_parameter_order=True
            ),
            messages,
        )
        .scalars()
        .all()
    )
    db.execute(
        update(CheckIn),
        [
            {
                "id": checkin.id,
                "status": CheckInStatus.sending,
                "message_id": message_id,
                "updated_at": now,
            }
            for (checkin, _), message_id in zip(batch, ids, strict=True)
        ],
    )


def cancel(db: Session, checkin: CheckIn, reason: str, report: TickReport) -> None:
    checkin.status, checkin.reason = CheckInStatus.cancelled, reason
    db.add(checkin)
    report.cancelled += 1
    log.info("check-in %s cancelled: %s", checkin.id, reason)
