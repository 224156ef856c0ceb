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

import sqlalchemy as sa
from sqlalchemy import func, insert, update
from sqlmodel import Session, col, select

from scheduler.checkins.models import CheckIn, CheckInStatus
from scheduler.checkins.timing import next_window_start
from scheduler.config import Settings
from scheduler.context import AppContext
from scheduler.db import session_scope
from scheduler.flags.escalation import escalate_unacknowledged, reroute_failed_alerts
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
    rerouted: int = 0  # flags whose alert failed, sent to on-call
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
        report.rerouted = reroute_failed_alerts(db, settings=ctx.settings, texts=ctx.texts, now=now)
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


def claim_due(now: datetime, batch: int) -> Any:
    """The claim: due pending check-ins in due order, with who to text, rows locked (rows
    another worker holds are skipped). Plain columns: its cost is the index scan, not
    loading objects."""
    return (
        sa.select(  # sqlmodel's select types at most four columns
            col(CheckIn.id),
            col(CheckIn.session_id),
            col(CheckIn.kind),
            col(CheckIn.due_at),
            col(CheckIn.expires_at),
            col(Patient.id).label("patient_id"),
            col(Patient.phone),
            col(Patient.name),
            col(Patient.opted_out_at),
        )
        .join(TreatmentSession, col(TreatmentSession.id) == CheckIn.session_id)
        .join(Patient, col(Patient.id) == TreatmentSession.patient_id)
        .where(col(CheckIn.status) == CheckInStatus.pending, col(CheckIn.due_at) <= now)
        .order_by(col(CheckIn.due_at), col(CheckIn.id))
        .limit(batch)
        .with_for_update(skip_locked=True, of=CheckIn)
    )


def queue_due_checkins(
    db: Session, *, settings: Settings, texts: SmsTexts, now: datetime, report: TickReport
) -> None:
    """Claim due check-ins (row locks skip rows another worker holds) and queue their texts.

    One batch is a handful of statements whatever its size: the claim, one query for
    superseded check-ins, one multi-row insert of texts, one update per outcome.
    """
    rows: list[Any] = list(db.execute(claim_due(now, settings.dispatch.batch_size)))
    if not rows:
        return
    latest_due = latest_due_by_session(db, {row.session_id for row in rows}, now)
    send_at = next_window_start(now, settings.checkins.send_window, settings.clinic.tz)
    to_send: list[Any] = []
    cancelled: dict[str, list[int]] = {"opted_out": [], "expired": []}
    deferred: list[int] = []
    for row in rows:
        if row.opted_out_at is not None:
            cancelled["opted_out"].append(row.id)
        elif send_at >= row.expires_at or latest_due[row.session_id] > row.due_at:
            # Never late: a stale "how are you 24 h after?" confuses more than it helps.
            cancelled["expired"].append(row.id)
        elif send_at > now:  # due, but outside the send window (e.g. after an outage)
            deferred.append(row.id)
        else:
            to_send.append(row)
    for reason, ids in cancelled.items():
        set_checkins(db, ids, now, status=CheckInStatus.cancelled, reason=reason)
        if ids:
            log.info("%d check-ins cancelled: %s", len(ids), reason)
        report.cancelled += len(ids)
    set_checkins(db, deferred, now, due_at=send_at)
    report.deferred += len(deferred)
    queue_checkin_texts(db, to_send, settings=settings, texts=texts, now=now)
    report.queued += len(to_send)


def set_checkins(db: Session, ids: list[int], now: datetime, **values: Any) -> None:
    """One update of these check-ins (by primary key, one statement for all)."""
    if ids:
        db.execute(update(CheckIn), [{"id": i, "updated_at": now, **values} for i in ids])


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
    batch: list[Any],
    *,
    settings: Settings,
    texts: SmsTexts,
    now: datetime,
) -> None:
    """One multi-row insert of the texts, one update pointing each check-in at its text.
    `batch` holds claimed rows: check-in id, kind, expires_at; the patient's id, phone, name."""
    if not batch:
        return
    messages = [
        {
            "to": row.phone,
            "purpose": Purpose.checkin,
            "status": MessageStatus.pending,
            "body": texts.render_checkin(
                row.kind, first_name=first_name(row.name), clinic=settings.clinic.name
            ),
            "next_attempt_at": now,
            "created_at": now,
            "not_after": row.expires_at,
            "patient_id": row.patient_id,
            "attempts": 0,
            "redeliveries": 0,
        }
        for row in batch
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
                "id": row.id,
                "status": CheckInStatus.sending,
                "message_id": message_id,
                "updated_at": now,
            }
            for row, message_id in zip(batch, ids, strict=True)
        ],
    )
