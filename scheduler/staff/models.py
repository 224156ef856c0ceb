"""Users (admin, staff, practitioners), API tokens and the audit log."""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum

from sqlmodel import Field, SQLModel

from scheduler.dbtypes import utc_field


class Role(StrEnum):
    admin = "admin"
    staff = "staff"
    practitioner = "practitioner"


class User(SQLModel, table=True):
    __tablename__ = "app_user"

    id: int | None = Field(default=None, primary_key=True)
    username: str = Field(unique=True, index=True, max_length=64)
    password_hash: str
    role: str = Field(max_length=16)
    phone: str | None = Field(default=None, max_length=20)  # a practitioner's alerts go here
    active: bool = True
    created_at: datetime = utc_field()
    # Moved on by logout, a new password or disabling: older session cookies stop working.
    session_epoch: int = Field(default=0, sa_column_kwargs={"server_default": "0"})


class ApiToken(SQLModel, table=True):
    __tablename__ = "api_token"

    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(max_length=100)
    token_hash: str = Field(unique=True, index=True, max_length=64)  # sha256 hex; never the token
    created_at: datetime = utc_field()
    last_used_at: datetime | None = utc_field(nullable=True, default=None)
    revoked_at: datetime | None = utc_field(nullable=True, default=None)


class AuditEntry(SQLModel, table=True):
    """Who did what to which record. Never holds patient message text."""

    __tablename__ = "audit_entry"

    id: int | None = Field(default=None, primary_key=True)
    at: datetime = utc_field(index=True)
    actor: str = Field(max_length=100)  # a username, "api:<token name>", "system", "patient"
    action: str = Field(max_length=64)
    subject_type: str = Field(max_length=32)
    subject_id: int | None = Field(default=None, index=True)
    patient_id: int | None = Field(default=None, index=True)
    detail: str = Field(default="", max_length=500)
