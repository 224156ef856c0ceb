"""Sending the outbox: claimed texts handed to the gateway, outcomes recorded.

Accepted texts are recorded a group at a time; a rejection fails the text at once; a
transient failure is retried with full-jitter backoff until attempts or time run out.
"""

from __future__ import annotations

import logging
import random
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import bindparam, update
from sqlalchemy.engine import Engine
from sqlmodel import col, select

from scheduler.checkins.models import CheckIn, CheckInStatus
from scheduler.checkins.timing import retry_delay
from scheduler.config import Settings
from scheduler.db import execute_dml, session_scope
from scheduler.messaging.console import mask_phone
from scheduler.messaging.gateway import (
    OutgoingSms,
    SentSms,
    SmsError,
    SmsGateway,
    SmsRejected,
    SmsTransientError,
)
from scheduler.messaging.models import MessageStatus, OutboundMessage
from scheduler.messaging.outbox import (
    Claimed,
    claim_limit,
    claim_messages,
    held_by,
    set_checkin_status,
)
from scheduler.messaging.pacing import SendPacer
from scheduler.sessions.consent import record_opt_out
from scheduler.sessions.models import Patient

log = logging.getLogger(__name__)

RETRY_CAP_SECONDS = 3600.0
URGENT_RETRY_CAP_SECONDS = 300.0  # an alert waits at most five minutes between tries
URGENT_RETRY_FOR = timedelta(days=1)


@dataclass
class SendReport:
    sent: int = 0
    retrying: int = 0
    failed: int = 0
    unsettled: int = 0  # the provider may have them: looked up before any resend


def send_due_messages(
    engine: Engine,
    gateway: SmsGateway,
    *,
    settings: Settings,
    now: datetime,
    worker: str,
    status_callback: str | None = None,
    pacer: SendPacer | None = None,
    rand: Callable[[], float] = random.random,
    stopping: threading.Event | None = None,
) -> SendReport:
    """Claim due messages and hand each to the gateway, recording the outcome. When
    `stopping` is set, the texts not yet handed over go back to the queue at once."""
    report = SendReport()
    claimed = claim_messages(
        engine,
        now=now,
        worker=worker,
        lease=timedelta(seconds=settings.dispatch.lease_seconds),
        limit=claim_limit(settings),
    )
    accepted = AcceptedSends(engine, worker=worker, now=now)
    try:
        for position, item in enumerate(claimed):
            if pacer is not None and not item.blocked:
                pacer.wait_turn()
            if stopping is not None and stopping.is_set():
                release_claims(engine, [c.id for c in claimed[position:]], worker=worker)
                break
            send_one(
                item,
                gateway,
                accepted,
                report,
                settings=settings,
                worker=worker,
                now=now,
                status_callback=status_callback,
                rand=rand,
            )
    finally:
        accepted.record()
    return report


def send_one(
    item: Claimed,
    gateway: SmsGateway,
    accepted: AcceptedSends,
    report: SendReport,
    *,
    settings: Settings,
    worker: str,
    now: datetime,
    status_callback: str | None,
    rand: Callable[[], float],
) -> None:
    """Hand one claimed text to the gateway and file the outcome."""
    engine = accepted.engine
    if item.blocked:
        finish_failed(engine, item.id, worker=worker, now=now, error=item.blocked)
        report.failed += 1
        return
    try:
        callback = f"{status_callback}?m={item.id}" if status_callback else None
        sent = gateway.send(OutgoingSms(item.to, item.body, callback))
    except SmsRejected as exc:
        if exc.configuration and item.is_urgent:
            # the account is wrong, not the number: an alert goes once it is fixed
            log.error("SMS %s held: provider configuration error %s: %s", item.id, exc.code, exc)
            outcome = handle_transient(
                engine, item, exc, settings=settings, worker=worker, now=now, rand=rand
            )
            setattr(report, outcome, getattr(report, outcome) + 1)
            return
        handle_rejected(engine, item, exc, worker=worker, now=now)
        report.failed += 1
    except SmsTransientError as exc:
        if exc.maybe_accepted:
            leave_unsettled(engine, item, exc, worker=worker, now=now)
            report.unsettled += 1
        else:
            outcome = handle_transient(
                engine, item, exc, settings=settings, worker=worker, now=now, rand=rand
            )
            setattr(report, outcome, getattr(report, outcome) + 1)
    except Exception as exc:  # transient, or a bug in a gateway: never lose the message
        if not isinstance(exc, SmsError):
            log.exception("gateway raised unexpectedly for message %s", item.id)
            exc = SmsTransientError(repr(exc))
        outcome = handle_transient(
            engine, item, exc, settings=settings, worker=worker, now=now, rand=rand
        )
        setattr(report, outcome, getattr(report, outcome) + 1)
    else:
        accepted.add(item.id, sent, is_checkin=item.is_checkin)
        report.sent += 1


class AcceptedSends:
    """Texts the provider accepted, recorded a few at a time (one commit per group).

    A commit per text would make the database, not the provider, the limit on throughput.
    The price: a worker killed mid-group leaves up to GROUP accepted texts unrecorded;
    they are adopted from their status callbacks or, after the lease, found in the
    provider's list (`reconcile`) — looked up, not sent again. At Twilio's pace MAX_WAIT
    closes a group long before GROUP fills; GROUP matters for fast providers.
    """

    GROUP = 100
    MAX_WAIT = 0.5  # seconds an accepted text may wait to be recorded

    def __init__(self, engine: Engine, *, worker: str, now: datetime) -> None:
        self.engine, self.worker, self.now = engine, worker, now
        self.items: list[tuple[int, SentSms]] = []
        self.checkins = False  # whether any text in the group is a check-in's
        self.first_at = 0.0

    def add(self, message_id: int, sent: SentSms, *, is_checkin: bool) -> None:
        if not self.items:
            self.first_at = time.monotonic()
        self.items.append((message_id, sent))
        self.checkins |= is_checkin
        if len(self.items) >= self.GROUP or time.monotonic() - self.first_at > self.MAX_WAIT:
            self.record()

    def record(self) -> None:
        """Two statements per group: mark the texts sent (only those this worker still
        holds), then their check-ins (none to update for answers and alerts)."""
        if not self.items:
            return
        with self.engine.begin() as conn:
            conn.execute(
                MARK_SENT,
                [
                    {
                        "m_id": i,
                        "m_sid": sent.sid,
                        "m_status": sent.status,
                        "m_worker": self.worker,
                        "m_now": self.now,
                    }
                    for i, sent in self.items
                ],
            )
            if self.checkins:
                conn.execute(
                    MARK_CHECKINS_SENT,
                    {
                        "ids": [i for i, _ in self.items],
                        "sids": [sent.sid for _, sent in self.items],
                        "now": self.now,
                    },
                )
        self.items, self.checkins = [], False


def _recording_statements() -> tuple[Any, Any]:
    """AcceptedSends' two statements, built once: building one cost more than running it."""
    messages, checkins = OutboundMessage.__table__, CheckIn.__table__  # type: ignore[attr-defined]
    mark_sent = (
        update(messages)
        .where(
            messages.c.id == bindparam("m_id"),
            messages.c.lease_owner == bindparam("m_worker"),
            messages.c.status == MessageStatus.sending,
        )
        .values(
            status=MessageStatus.sent,
            sid=bindparam("m_sid"),
            delivery_status=bindparam("m_status"),
            sent_at=bindparam("m_now"),
            attempts=messages.c.attempts + 1,
            lease_owner=None,
            lease_until=None,
            error=None,
        )
    )
    recorded = select(messages.c.id).where(  # the texts the update above recorded
        messages.c.id.in_(bindparam("ids", expanding=True)),
        messages.c.sid.in_(bindparam("sids", expanding=True)),
    )
    mark_checkins = (
        update(checkins)
        .where(checkins.c.message_id.in_(recorded))
        .values(status=CheckInStatus.sent, reason=None, updated_at=bindparam("now"))
    )
    return mark_sent, mark_checkins


MARK_SENT, MARK_CHECKINS_SENT = _recording_statements()


def finish_failed(
    engine: Engine,
    message_id: int,
    *,
    worker: str,
    now: datetime,
    error: str,
    code: int | None = None,
) -> None:
    with session_scope(engine) as db:
        touched = execute_dml(
            db,
            update(OutboundMessage)
            .where(*held_by(message_id, worker))
            .values(
                status=MessageStatus.failed,
                error=error[:300],
                error_code=code,
                lease_owner=None,
                lease_until=None,
            ),
        )
        if touched:
            set_checkin_status(
                db,
                message_id,
                CheckInStatus.failed,
                reason=f"couldn't reach this patient: {error}"[:200],
                now=now,
            )


def release_claims(engine: Engine, ids: Sequence[int], *, worker: str) -> None:
    """Texts this worker claimed but never handed over: due again now, for anyone."""
    with session_scope(engine) as db:
        execute_dml(
            db,
            update(OutboundMessage)
            .where(
                col(OutboundMessage.id).in_(list(ids)),
                col(OutboundMessage.status) == MessageStatus.sending,
                col(OutboundMessage.lease_owner) == worker,
            )
            .values(status=MessageStatus.pending, lease_owner=None, lease_until=None),
        )


# Long enough for the provider to list a text it accepted as our request timed out.
SETTLE_DELAY = timedelta(seconds=10)


def leave_unsettled(
    engine: Engine, item: Claimed, exc: SmsError, *, worker: str, now: datetime
) -> None:
    """The provider may have accepted the text: keep it in `sending`, lease released, so
    `reconcile.settle_unknown_sends` asks the provider before it is sent again."""
    log.warning("SMS %s: outcome unknown (%s); will look it up before resending", item.id, exc)
    with session_scope(engine) as db:
        execute_dml(
            db,
            update(OutboundMessage)
            .where(*held_by(item.id, worker))
            .values(
                lease_owner=None,
                lease_until=now + SETTLE_DELAY,
                error=str(exc)[:300],
                error_code=exc.code,
            ),
        )


def handle_rejected(
    engine: Engine, item: Claimed, exc: SmsRejected, *, worker: str, now: datetime
) -> None:
    if exc.configuration:
        log.error(
            "SMS provider configuration error %s: %s — fix the account, not the patient",
            exc.code,
            exc,
        )
    else:
        log.warning("SMS to %s rejected (%s): %s", mask_phone(item.to), exc.code, exc)
    finish_failed(engine, item.id, worker=worker, now=now, error=str(exc), code=exc.code)
    if exc.opted_out:
        with session_scope(engine) as db:
            patient = db.exec(select(Patient).where(Patient.phone == item.to)).first()
            if patient is not None:
                record_opt_out(db, patient, now=now, source=f"provider:{exc.code}")


def handle_transient(
    engine: Engine,
    item: Claimed,
    exc: SmsError,
    *,
    settings: Settings,
    worker: str,
    now: datetime,
    rand: Callable[[], float],
) -> str:
    """Schedule a retry with full-jitter backoff, or fail once attempts or time run out."""
    with session_scope(engine) as db:
        message = db.get(OutboundMessage, item.id)
        if message is None or message.lease_owner != worker:
            return "retrying"
        attempts = message.attempts + 1
        delay = retry_delay(
            attempts,
            base_seconds=settings.sms.retry_base_seconds,
            cap_seconds=URGENT_RETRY_CAP_SECONDS if item.is_urgent else RETRY_CAP_SECONDS,
            rand=rand(),
        )
        next_at = now + timedelta(seconds=delay)
        out_of_time = message.not_after is not None and next_at >= message.not_after
        if item.is_urgent:
            # An alert or "call 911" is tried every few minutes through an outage, for a
            # day (shown as retrying on the flag), not dropped after sms.max_attempts.
            spent = attempts >= settings.sms.max_attempts and now - message.created_at >= (
                URGENT_RETRY_FOR
            )
        else:
            spent = attempts >= settings.sms.max_attempts
        if spent or out_of_time:
            message.attempts = attempts
            db.add(message)
            db.flush()
            give_up = f"gave up after {attempts} attempts: {exc}"
        else:
            message.attempts, message.status = attempts, MessageStatus.pending
            message.next_attempt_at, message.error, message.error_code = (
                next_at,
                str(exc)[:300],
                exc.code,
            )
            message.lease_owner = message.lease_until = None
            log.info(
                "SMS %s failed transiently (%s); retry %d in %.0fs",
                item.id,
                exc.code,
                attempts,
                delay,
            )
            return "retrying"
    log.warning("SMS %s failed for good: %s", item.id, give_up)
    finish_failed(engine, item.id, worker=worker, now=now, error=give_up, code=exc.code)
    return "failed"
