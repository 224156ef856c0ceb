"""The outbox: texts queued in the caller's transaction, claimed under a lease.

Invariant: a message leaves `sending` only by `sent` or `failed`, or — once its lease has
run out — by `reconcile.settle_unknown_sends`, which asks the provider first: a text the
provider has is recorded as sent, never sent twice.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import ColumnElement, update
from sqlalchemy.engine import Engine
from sqlmodel import Session, col, select

from scheduler.checkins.models import CheckIn, CheckInStatus
from scheduler.config import Settings
from scheduler.db import execute_dml, session_scope
from scheduler.messaging.models import MessageStatus, OutboundMessage, Purpose
from scheduler.sessions.models import Patient


def enqueue_message(
    db: Session,
    *,
    to: str,
    body: str,
    purpose: Purpose,
    now: datetime,
    patient_id: int | None = None,
    flag_id: int | None = None,
    not_after: datetime | None = None,
) -> OutboundMessage:
    """Queue a text in the caller's transaction; it is sent only if that commits."""
    message = OutboundMessage(
        to=to,
        body=body,
        purpose=purpose,
        next_attempt_at=now,
        created_at=now,
        patient_id=patient_id,
        flag_id=flag_id,
        not_after=not_after,
    )
    db.add(message)
    db.flush()
    return message


@dataclass(frozen=True)
class Claimed:
    id: int
    to: str
    body: str
    blocked: str | None  # why it must not go, decided inside the claim transaction
    is_checkin: bool = False  # a check-in's text: its check-in follows the outcome


def claim_messages(
    engine: Engine,
    *,
    now: datetime,
    worker: str,
    lease: timedelta,
    limit: int,
    ids: Sequence[int] | None = None,
) -> list[Claimed]:
    """Atomically move due pending messages to `sending` under this worker's lease."""
    with session_scope(engine) as db:
        due = (
            select(OutboundMessage.id)
            .where(OutboundMessage.status == MessageStatus.pending)
            .where(OutboundMessage.next_attempt_at <= now)
            .order_by(col(OutboundMessage.next_attempt_at), col(OutboundMessage.id))
            .limit(limit)
            .with_for_update(skip_locked=True)
        )
        if ids is not None:
            due = due.where(col(OutboundMessage.id).in_(list(ids)))
        claimed_ids = list(db.exec(due))
        if not claimed_ids:
            return []
        db.execute(
            update(OutboundMessage)
            .where(col(OutboundMessage.id).in_(claimed_ids))
            .values(status=MessageStatus.sending, lease_owner=worker, lease_until=now + lease)
        )
        rows = db.exec(
            select(OutboundMessage, Patient)
            .join(Patient, col(Patient.id) == OutboundMessage.patient_id, isouter=True)
            .where(col(OutboundMessage.id).in_(claimed_ids))
            .order_by(col(OutboundMessage.next_attempt_at), col(OutboundMessage.id))
        ).all()
        return [
            Claimed(m.id, m.to, m.body, blocked_reason(m, p, now), m.purpose == Purpose.checkin)  # type: ignore[arg-type]
            for m, p in rows
        ]


def blocked_reason(message: OutboundMessage, patient: Patient | None, now: datetime) -> str | None:
    # Check-ins stop at an opt-out; answers to the patient's own text (the opt-out
    # confirmation, emergency advice) still go, as carriers and the FCC rule allow.
    if message.purpose == Purpose.checkin and patient is not None and patient.opted_out_at:
        return "patient opted out"
    if message.not_after is not None and now >= message.not_after:
        return "expired before it could be sent"
    return None


def claim_limit(settings: Settings) -> int:
    """How many texts one claim may take: all of them must be sent well inside the lease,
    or the lease runs out mid-batch and another worker sends them again. With pacing at
    1 text/s and a 60 s lease, that is 30, not the batch size."""
    rate = settings.sms.max_per_second
    if rate <= 0:
        return settings.dispatch.batch_size
    return max(
        1, min(settings.dispatch.batch_size, int(settings.dispatch.lease_seconds * rate / 2))
    )


def held_by(message_id: int, owner: str) -> list[ColumnElement[bool]]:
    """Only the holder of a text's lease may complete it: a worker whose lease ran out
    finds its update touching nothing."""
    return [
        col(OutboundMessage.id) == message_id,
        col(OutboundMessage.status) == MessageStatus.sending,
        col(OutboundMessage.lease_owner) == owner,
    ]


def set_checkin_status(
    db: Session, message_id: int, status: CheckInStatus, *, reason: str | None, now: datetime
) -> None:
    """The check-in a text belongs to (if any) follows the text's outcome."""
    execute_dml(
        db,
        update(CheckIn)
        .where(col(CheckIn.message_id) == message_id)
        .values(status=status, reason=reason, updated_at=now),
    )
