"""The outbox: texts queued in the caller's transaction, claimed under a lease.

Invariant: a message leaves `sending` only by `sent` or `failed`, or — once its lease has
run out — by `reconcile.settle_unknown_sends`, which asks the provider first: a text the
provider has is recorded as sent, never sent twice.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

import sqlalchemy as sa
from sqlalchemy import ColumnElement, bindparam, update
from sqlalchemy.engine import Engine
from sqlmodel import Session, col

from scheduler.checkins.models import CheckIn, CheckInStatus
from scheduler.config import Settings
from scheduler.db import execute_dml, insert_row
from scheduler.messaging.models import MessageStatus, OutboundMessage, Purpose
from scheduler.sessions.models import Patient

AHEAD_OF_CHECKINS = timedelta(days=1)
# Texts that must not be given up on after a few failures: someone is waiting on them.
URGENT = frozenset({Purpose.alert, Purpose.escalation, Purpose.auto_reply})


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
) -> int:
    """Queue a text in the caller's transaction; it is sent only if that commits. Returns
    the message's id.

    Everything queued here answers someone now (an alert, "call 911", a STOP's
    confirmation), so it is due from AHEAD_OF_CHECKINS ago: claims take texts in
    next_attempt_at order, and this one then goes before every check-in queued since,
    however many an 08:00 batch holds. A retry is due at its own time like any other."""
    return insert_row(
        db,
        OutboundMessage,
        to=to,
        body=body,
        purpose=purpose,
        next_attempt_at=now - AHEAD_OF_CHECKINS,
        created_at=now,
        patient_id=patient_id,
        flag_id=flag_id,
        not_after=not_after,
    )


# The channel on which a process announces texts it queued, for workers to send at once.
OUTBOX_CHANNEL = "aftercare_outbox"
ANNOUNCE = sa.text(f"NOTIFY {OUTBOX_CHANNEL}")


def announce_queued(db: Session) -> None:
    """Wake the workers listening for queued texts (PostgreSQL; elsewhere they find them at
    their next tick). The server delivers the notification when this transaction commits,
    so no worker looks before the rows are there, and none at all if it rolls back."""
    if db.get_bind().dialect.name == "postgresql":
        db.execute(ANNOUNCE)


@dataclass(frozen=True)
class Claimed:
    id: int
    to: str
    body: str
    blocked: str | None  # why it must not go, decided inside the claim transaction
    is_checkin: bool = False  # a check-in's text: its check-in follows the outcome
    is_urgent: bool = False  # an alert or an answer to a patient: retried until it goes


def _claim_statement() -> Any:
    """Due pending texts moved to `sending` under a lease, and what sending them needs
    (the patient's opt-out for a check-in's text): one statement. Built once."""
    messages = OutboundMessage.__table__  # type: ignore[attr-defined]
    due = (
        sa.select(messages.c.id)
        .where(
            messages.c.status == MessageStatus.pending,
            messages.c.next_attempt_at <= bindparam("now"),
        )
        .order_by(messages.c.next_attempt_at, messages.c.id)
        .limit(bindparam("limit"))
        .with_for_update(skip_locked=True)  # rows another worker is claiming are skipped
    )
    opted_out_at = (
        sa.select(col(Patient.opted_out_at))
        .where(col(Patient.id) == messages.c.patient_id)
        .scalar_subquery()
    )
    return (
        sa.update(messages)
        .where(messages.c.id.in_(due))
        .values(
            status=MessageStatus.sending,
            lease_owner=bindparam("worker"),
            lease_until=bindparam("lease_end"),
        )
        .returning(
            messages.c.id,
            messages.c.to,
            messages.c.body,
            messages.c.purpose,
            messages.c.not_after,
            messages.c.next_attempt_at,
            opted_out_at.label("opted_out_at"),
        )
    )


CLAIM_DUE_MESSAGES = _claim_statement()


def claim_messages(
    engine: Engine, *, now: datetime, worker: str, lease: timedelta, limit: int
) -> list[Claimed]:
    """Atomically move due pending messages to `sending` under this worker's lease; in due
    order (the alert before the patient's answer)."""
    with engine.begin() as conn:
        rows = conn.execute(
            CLAIM_DUE_MESSAGES,
            {"now": now, "limit": limit, "worker": worker, "lease_end": now + lease},
        ).all()
    rows = sorted(rows, key=lambda row: (row.next_attempt_at, row.id))
    return [
        Claimed(
            row.id,
            row.to,
            row.body,
            blocked_reason(row.purpose, row.not_after, row.opted_out_at, now),
            row.purpose == Purpose.checkin,
            row.purpose in URGENT,
        )
        for row in rows
    ]


def blocked_reason(
    purpose: str, not_after: datetime | None, opted_out_at: datetime | None, now: datetime
) -> str | None:
    # Check-ins stop at an opt-out; answers to the patient's own text (the opt-out
    # confirmation, emergency advice) still go, as carriers and the FCC rule allow.
    if purpose == Purpose.checkin and opted_out_at is not None:
        return "patient opted out"
    if not_after is not None and now >= not_after:
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
