"""Texts in both directions.

OutboundMessage is an outbox: a row is written in the same transaction as whatever
caused it (a due check-in, a flag, a reply) and a sender delivers it, retrying transient
failures. Status: pending -> sending -> sent | failed; `sending` rows carry a lease.
"""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum

from sqlalchemy import JSON, Column, Index, text
from sqlmodel import Field, SQLModel

from scheduler.dbtypes import utc_field


class MessageStatus(StrEnum):
    pending = "pending"
    sending = "sending"
    sent = "sent"
    failed = "failed"


class Purpose(StrEnum):
    checkin = "checkin"
    auto_reply = "auto_reply"
    alert = "alert"
    escalation = "escalation"
    opt_out_confirmation = "opt_out_confirmation"
    opt_in_confirmation = "opt_in_confirmation"
    help = "help"


# Twilio MessageStatus values after which nothing changes.
FINAL_DELIVERY = frozenset({"delivered", "undelivered", "failed", "canceled", "read"})
# Sent texts whose fate is still open: the ones a lost status callback leaves unknown.
UNSETTLED_DELIVERY = text(
    "status = 'sent' AND (delivery_status IS NULL OR delivery_status NOT IN "
    "('delivered', 'undelivered', 'failed', 'canceled', 'read'))"
)


class OutboundMessage(SQLModel, table=True):
    __tablename__ = "outbound_message"
    __table_args__ = (
        Index(
            "ix_outbound_pending_next",
            "next_attempt_at",
            "id",
            postgresql_where=text("status = 'pending'"),
            sqlite_where=text("status = 'pending'"),
        ),
        Index(
            "ix_outbound_delivery_open",
            "sent_at",
            postgresql_where=UNSETTLED_DELIVERY,
            sqlite_where=UNSETTLED_DELIVERY,
        ),
        # a patient's latest text, for the webhook (migration 0005): also their texts
        Index("ix_outbound_patient_latest", "patient_id", "id"),
    )

    id: int | None = Field(default=None, primary_key=True)
    to: str = Field(max_length=20)
    body: str
    purpose: str = Field(max_length=32)
    status: str = Field(default=MessageStatus.pending, max_length=16, index=True)
    attempts: int = 0
    redeliveries: int = 0  # resends after the carrier reported it unreachable (30003)
    next_attempt_at: datetime = utc_field()
    not_after: datetime | None = utc_field(nullable=True, default=None)  # give up past this
    lease_owner: str | None = Field(default=None, max_length=64)
    lease_until: datetime | None = utc_field(nullable=True, default=None)
    sid: str | None = Field(default=None, unique=True, max_length=64)
    delivery_status: str | None = Field(default=None, max_length=32)  # Twilio's last
    error_code: int | None = None
    error: str | None = Field(default=None, max_length=300)
    patient_id: int | None = Field(default=None, foreign_key="patient.id")
    flag_id: int | None = Field(default=None, foreign_key="flag.id", index=True)
    created_at: datetime = utc_field()
    sent_at: datetime | None = utc_field(nullable=True, default=None)
    # When we last asked the provider, because no final status callback had come.
    delivery_checked_at: datetime | None = utc_field(nullable=True, default=None)


class InboundMessage(SQLModel, table=True):
    """A text a patient (or anyone) sent us. `sid` is unique: Twilio retries are no-ops."""

    __tablename__ = "inbound_message"

    id: int | None = Field(default=None, primary_key=True)
    sid: str = Field(unique=True, max_length=64)
    from_number: str = Field(max_length=32, index=True)
    to_number: str = Field(default="", max_length=32)
    body: str = ""
    num_media: int = 0
    # Where an MMS's pictures are: [{"url": Twilio's MediaUrlN, "content_type": ...}]
    media: list[dict[str, str]] | None = Field(default=None, sa_column=Column(JSON))
    received_at: datetime = utc_field(index=True)
    patient_id: int | None = Field(default=None, foreign_key="patient.id", index=True)
    session_id: int | None = Field(default=None, foreign_key="treatment_session.id")
    checkin_kind: str | None = Field(default=None, max_length=8)
    handled_as: str = Field(default="triage", max_length=32)  # triage, opt_out, opt_in, help
    needs_review: str | None = Field(default=None, max_length=64)  # unknown_sender, mms, ...
    reviewed_at: datetime | None = utc_field(nullable=True, default=None)
