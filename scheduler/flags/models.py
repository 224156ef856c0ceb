"""Assessments of replies, and the flags that bring the serious ones to a person.

A flag moves open -> acknowledged -> resolved; each step records who and when.
"""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum
from typing import Any

from sqlmodel import Field, SQLModel

from scheduler.dbtypes import json_field, utc_field


class FlagStatus(StrEnum):
    open = "open"
    acknowledged = "acknowledged"
    resolved = "resolved"


class ReplyAssessment(SQLModel, table=True):
    __tablename__ = "reply_assessment"

    id: int | None = Field(default=None, primary_key=True)
    inbound_id: int = Field(foreign_key="inbound_message.id", unique=True)
    label: str = Field(max_length=16)
    findings: list[dict[str, Any]] = json_field()
    created_at: datetime = utc_field()


class Flag(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    label: str = Field(max_length=16, index=True)  # emergency | complication
    severity: int = Field(index=True)  # 0 = most severe; the list sorts on it
    status: str = Field(default=FlagStatus.open, max_length=16, index=True)
    # None: the text came from a number not on file (migration 0006)
    patient_id: int | None = Field(default=None, foreign_key="patient.id", index=True)
    session_id: int | None = Field(default=None, foreign_key="treatment_session.id")
    inbound_id: int = Field(foreign_key="inbound_message.id", unique=True)
    assessment_id: int = Field(foreign_key="reply_assessment.id")
    practitioner_id: int | None = Field(default=None, foreign_key="app_user.id", index=True)
    created_at: datetime = utc_field(index=True)
    acknowledged_at: datetime | None = utc_field(nullable=True, default=None)
    acknowledged_by: str | None = Field(default=None, max_length=64)
    resolved_at: datetime | None = utc_field(nullable=True, default=None)
    resolved_by: str | None = Field(default=None, max_length=64)
    resolution_note: str | None = Field(default=None, max_length=2000)
    escalated_at: datetime | None = utc_field(nullable=True, default=None)
