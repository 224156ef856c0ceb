"""Texts whose send outcome is unknown, settled against the provider before any resend.

A text is left in `sending` with no live lease when its worker died between handing it to
the provider and recording the answer, or when the provider timed out mid-request. The
status callback usually settles it within seconds (`delivery.adopt_unrecorded_send`);
what is still unsettled when the lease runs out is looked up in the provider's own list
of messages: found means sent (adopt its sid), not found means it never left (send it).
A text is never resent while the provider cannot be asked.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import update
from sqlalchemy.engine import Engine
from sqlmodel import col, select

from scheduler.checkins.models import CheckInStatus
from scheduler.config import Settings
from scheduler.db import execute_dml, session_scope, try_exclusive
from scheduler.messaging.gateway import SmsError, SmsGateway
from scheduler.messaging.models import MessageStatus, OutboundMessage
from scheduler.messaging.outbox import held_by, set_checkin_status

log = logging.getLogger(__name__)

# Twilio's clock and ours may disagree; a wider window is safe because only sids we
# have never recorded are adopted.
CLOCK_MARGIN = timedelta(minutes=5)
SETTLE_BATCH = 50


@dataclass
class SettleReport:
    adopted: int = 0  # the provider had it: recorded as sent
    requeued: int = 0  # the provider never got it: back in the queue
    failed: int = 0  # never got it, and out of attempts or time
    unresolved: int = 0  # the provider could not be asked: tried again later

    @property
    def total(self) -> int:
        return self.adopted + self.requeued + self.failed + self.unresolved


@dataclass(frozen=True)
class Unsettled:
    id: int
    to: str
    body: str
    created_at: datetime
    attempts: int
    not_after: datetime | None


def settle_unknown_sends(
    engine: Engine, gateway: SmsGateway, *, settings: Settings, now: datetime, worker: str
) -> SettleReport:
    """Settle texts in `sending` whose lease has run out; one worker at a time per text."""
    report = SettleReport()
    lease = timedelta(seconds=settings.dispatch.lease_seconds)
    settler = f"settle:{worker}"[:64]
    for text in claim_unsettled(engine, now=now, owner=settler, lease=lease):
        try:
            candidates = gateway.find_accepted(
                text.to, text.body, since=text.created_at - CLOCK_MARGIN
            )
        except SmsError as exc:
            log.warning("can't ask the SMS provider about message %s yet: %s", text.id, exc)
            report.unresolved += 1  # keeps the settle lease; looked up again when it ends
            continue
        # Each adoption commits before the next lookup, so twins take one sid each.
        sid = first_unrecorded(engine, [c.sid for c in candidates])
        if sid is not None:
            status = next(c.status for c in candidates if c.sid == sid)
            adopt(engine, text, sid=sid, status=status, owner=settler, now=now)
            report.adopted += 1
        elif text.attempts + 1 >= settings.sms.max_attempts or (
            text.not_after is not None and now >= text.not_after
        ):
            give_up(engine, text, owner=settler, now=now)
            report.failed += 1
        else:
            requeue(engine, text, owner=settler, now=now)
            report.requeued += 1
    if report.total:
        log.warning(
            "settled texts with an unknown outcome: %d found at the provider, %d resent, "
            "%d given up, %d still unknown",
            report.adopted,
            report.requeued,
            report.failed,
            report.unresolved,
        )
    return report


def claim_unsettled(
    engine: Engine, *, now: datetime, owner: str, lease: timedelta
) -> list[Unsettled]:
    """Take texts stuck in `sending` past their lease, under a lease of our own."""
    with session_scope(engine) as db:
        if not try_exclusive(db, "outbox.settle_unknown_sends"):
            return []
        rows = db.exec(
            select(OutboundMessage)
            .where(OutboundMessage.status == MessageStatus.sending)
            .where(col(OutboundMessage.lease_until) < now)
            .order_by(col(OutboundMessage.lease_until))
            .limit(SETTLE_BATCH)
            .with_for_update(skip_locked=True)
        ).all()
        if not rows:
            return []
        ids = [m.id for m in rows]
        execute_dml(
            db,
            update(OutboundMessage)
            .where(col(OutboundMessage.id).in_(ids))
            .values(lease_owner=owner, lease_until=now + lease),
        )
        return [
            Unsettled(m.id, m.to, m.body, m.created_at, m.attempts, m.not_after)  # type: ignore[arg-type]
            for m in rows
        ]


def first_unrecorded(engine: Engine, sids: list[str]) -> str | None:
    """The newest of the provider's sids that no text of ours carries yet."""
    if not sids:
        return None
    with session_scope(engine) as db:
        known = set(db.exec(select(OutboundMessage.sid).where(col(OutboundMessage.sid).in_(sids))))
    return next((sid for sid in sids if sid not in known), None)


def adopt(
    engine: Engine, text: Unsettled, *, sid: str, status: str, owner: str, now: datetime
) -> None:
    with session_scope(engine) as db:
        touched = execute_dml(
            db,
            update(OutboundMessage)
            .where(*held_by(text.id, owner))
            .values(
                status=MessageStatus.sent,
                sid=sid,
                delivery_status=status,
                sent_at=now,
                attempts=text.attempts + 1,
                lease_owner=None,
                lease_until=None,
                error=None,
            ),
        )
        if touched:
            set_checkin_status(db, text.id, CheckInStatus.sent, reason=None, now=now)


def requeue(engine: Engine, text: Unsettled, *, owner: str, now: datetime) -> None:
    with session_scope(engine) as db:
        execute_dml(
            db,
            update(OutboundMessage)
            .where(*held_by(text.id, owner))
            .values(
                status=MessageStatus.pending,
                next_attempt_at=now,
                attempts=text.attempts + 1,  # a text that kills its worker must not loop
                lease_owner=None,
                lease_until=None,
            ),
        )


def give_up(engine: Engine, text: Unsettled, *, owner: str, now: datetime) -> None:
    error = f"gave up after {text.attempts + 1} attempts; the provider never got the last"
    with session_scope(engine) as db:
        touched = execute_dml(
            db,
            update(OutboundMessage)
            .where(*held_by(text.id, owner))
            .values(
                status=MessageStatus.failed,
                attempts=text.attempts + 1,
                error=error,
                lease_owner=None,
                lease_until=None,
            ),
        )
        if touched:
            set_checkin_status(
                db,
                text.id,
                CheckInStatus.failed,
                reason=f"couldn't reach this patient: {error}",
                now=now,
            )
