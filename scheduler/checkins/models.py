"""A check-in: one text due at a time, and where it stands.

Status moves pending -> sending -> sent | failed, or pending -> cancelled (reason:
expired, superseded, opted_out). A check-in leaves `sending` only when its outbound
message is sent or fails for good.
"""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum

from sqlalchemy import Index, text
from sqlmodel import Field, SQLModel

from scheduler.dbtypes import utc_field


class CheckInStatus(StrEnum):
    pending = "pending"
    sending = "sending"
    sent = "sent"
    failed = "failed"
    cancelled = "cancelled"


class CheckIn(SQLModel, table=True):
    __tablename__ = "checkin"
    __table_args__ = (
        # The dispatcher's claim reads only pending rows in due order; a partial index keeps
        # that cost flat however many sent rows pile up.
        Index(
            "ix_checkin_pending_due",
            "due_at",
            "id",
            postgresql_where=text("status = 'pending'"),
            sqlite_where=text("status = 'pending'"),
        ),
    )

    id: int | None = Field(default=None, primary_key=True)
    session_id: int = Field(foreign_key="treatment_session.id", index=True)
    kind: str = Field(max_length=8)  # "24h", "48h": the configured offset
    due_at: datetime = utc_field()
    expires_at: datetime = utc_field()
    status: str = Field(default=CheckInStatus.pending, max_length=16)
    reason: str | None = Field(default=None, max_length=200)  # why cancelled / failed
    message_id: int | None = Field(default=None, foreign_key="outbound_message.id", index=True)
    updated_at: datetime = utc_field()
