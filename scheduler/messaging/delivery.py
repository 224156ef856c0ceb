"""Twilio's status callbacks: where each text we sent has got to."""

from __future__ import annotations

import logging
from collections.abc import Mapping
from datetime import datetime, timedelta

from sqlalchemy import or_, update
from sqlalchemy.engine import Engine
from sqlmodel import Session, col, select

from scheduler.checkins.models import CheckInStatus
from scheduler.db import execute_dml, session_scope, try_exclusive
from scheduler.messaging.gateway import SmsError, SmsGateway
from scheduler.messaging.models import (
    FINAL_DELIVERY,
    UNSETTLED_DELIVERY,
    MessageStatus,
    OutboundMessage,
)
from scheduler.messaging.outbox import set_checkin_status

log = logging.getLogger(__name__)

UNREACHABLE_HANDSET = 30003
REDELIVERY_DELAY = timedelta(minutes=30)
# A status callback normally comes within seconds; after CHECK_AFTER without a final one
# we ask the provider, at most every CHECK_EVERY, for texts up to CHECK_WITHIN old.
CHECK_AFTER = timedelta(minutes=15)
CHECK_EVERY = timedelta(hours=1)
CHECK_WITHIN = timedelta(days=3)
CHECK_BATCH = 50

# Twilio's statuses in the order a message moves through them; callbacks can arrive
# out of order, so a status never replaces a later one, and nothing replaces a final one.
PROGRESS = (
    "accepted",
    "scheduled",
    "queued",
    "sending",
    "sent",
    "receiving",
    "received",
    "delivered",
    "read",
    "undelivered",
    "failed",
    "canceled",
    "partially_delivered",
)


def record_delivery_status(
    db: Session, params: Mapping[str, str], *, now: datetime, message_id: int | None = None
) -> bool:
    """Apply one status callback; False when it is unknown, stale or a repeat.

    `message_id` comes from the callback URL (`?m=`), which we set per message: it lets a
    send whose outcome we never recorded (the worker died after the provider accepted it)
    be adopted here instead of being sent again.
    """
    sid = params.get("MessageSid") or params.get("SmsSid") or ""
    status = (params.get("MessageStatus") or params.get("SmsStatus") or "").lower()
    message = db.exec(select(OutboundMessage).where(OutboundMessage.sid == sid)).first()
    if message is None and message_id is not None and sid:
        message = adopt_unrecorded_send(db, message_id, sid, now=now)
    if message is None or not status:
        log.info("status callback for an unknown message (%s)", sid[:10])
        return False
    current = message.delivery_status
    if current in FINAL_DELIVERY or (
        current in PROGRESS
        and status in PROGRESS
        and PROGRESS.index(status) <= PROGRESS.index(current)
    ):
        return False
    message.delivery_status = status
    code = params.get("ErrorCode")
    if code and code.isdigit():
        message.error_code = int(code)
    db.add(message)
    if status in ("undelivered", "failed"):
        log.warning("message %s %s (error %s)", message.id, status, code)
        if message.error_code == UNREACHABLE_HANDSET:
            schedule_redelivery(db, message, now=now)
    return True


def schedule_redelivery(db: Session, message: OutboundMessage, *, now: datetime) -> bool:
    """30003 (phone off, no signal): send once more later, if still worth sending.

    Other carrier errors (30004 blocked, 30005 unknown, 30006 landline, 30007 filtered,
    30008 unknown) are not retried blindly: staff see them on "Couldn't reach".
    """
    retry_at = now + REDELIVERY_DELAY
    if message.redeliveries >= 1 or (message.not_after and retry_at >= message.not_after):
        return False
    message.redeliveries += 1
    message.status, message.next_attempt_at = MessageStatus.pending, retry_at
    db.add(message)
    # Still "sending" (its text is in the outbox), with why it has not arrived yet: the API
    # and the patient page show the wait instead of a bare "sending" for half an hour.
    why = f"phone unreachable; sending again after {retry_at:%Y-%m-%d %H:%M} UTC"
    set_checkin_status(db, message.id, CheckInStatus.sending, reason=why, now=now)  # type: ignore[arg-type]
    log.info("message %s will be resent at %s (handset unreachable)", message.id, retry_at)
    return True


def adopt_unrecorded_send(
    db: Session, message_id: int, sid: str, *, now: datetime
) -> OutboundMessage | None:
    """The provider has a message we have no sid for: record it as sent, don't resend it."""
    message = db.get(OutboundMessage, message_id)
    if message is None or message.sid is not None:
        return None
    if message.status not in (MessageStatus.sending, MessageStatus.pending):
        return None
    message.sid, message.status, message.sent_at = sid, MessageStatus.sent, now
    message.lease_owner = message.lease_until = None
    db.add(message)
    set_checkin_status(db, message_id, CheckInStatus.sent, reason=None, now=now)
    log.warning("message %s: adopted send %s… the worker never recorded", message_id, sid[:8])
    return message


def check_open_deliveries(engine: Engine, gateway: SmsGateway, *, now: datetime) -> int:
    """Ask the provider about sent texts whose final status callback never came (our web
    process was down when Twilio posted it), and apply the answer as that callback would
    have: a carrier failure then shows under "Couldn't reach", a 30003 is sent again."""
    with session_scope(engine) as db:
        if not try_exclusive(db, "delivery.check_open_deliveries"):
            return 0
        due = db.exec(
            select(OutboundMessage.id, OutboundMessage.sid)
            .where(UNSETTLED_DELIVERY)  # the partial index's own predicate
            .where(col(OutboundMessage.sent_at) <= now - CHECK_AFTER)
            .where(col(OutboundMessage.sent_at) >= now - CHECK_WITHIN)
            .where(
                or_(
                    col(OutboundMessage.delivery_checked_at).is_(None),
                    col(OutboundMessage.delivery_checked_at) <= now - CHECK_EVERY,
                )
            )
            .order_by(col(OutboundMessage.sent_at))
            .limit(CHECK_BATCH)
        ).all()
        if not due:
            return 0
        execute_dml(
            db,
            update(OutboundMessage)
            .where(col(OutboundMessage.id).in_([i for i, _ in due]))
            .values(delivery_checked_at=now),
        )
    settled = 0
    for message_id, sid in due:
        try:
            status, code = gateway.fetch_status(sid or "")
        except SmsError as exc:
            log.warning("can't fetch the delivery status of message %s: %s", message_id, exc)
            continue
        params = {"MessageSid": sid or "", "MessageStatus": status}
        if code is not None:
            params["ErrorCode"] = str(code)
        with session_scope(engine) as db:
            settled += record_delivery_status(db, params, now=now)
    if settled:
        log.info(
            "delivery check: %d of %d texts had news the callbacks never brought", settled, len(due)
        )
    return settled
