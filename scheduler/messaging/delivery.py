"""Twilio's status callbacks: where each text we sent has got to."""

from __future__ import annotations

import logging
from collections.abc import Mapping
from datetime import datetime

from sqlmodel import Session, select

from scheduler.messaging.models import FINAL_DELIVERY, OutboundMessage

log = logging.getLogger(__name__)

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


def record_delivery_status(db: Session, params: Mapping[str, str], *, now: datetime) -> bool:
    """Apply one status callback; False when it is unknown, stale or a repeat."""
    sid = params.get("MessageSid") or params.get("SmsSid") or ""
    status = (params.get("MessageStatus") or params.get("SmsStatus") or "").lower()
    message = db.exec(select(OutboundMessage).where(OutboundMessage.sid == sid)).first()
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
    return True
