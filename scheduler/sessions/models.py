"""Patients and their treatment sessions."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import UniqueConstraint
from sqlmodel import Field, SQLModel

from scheduler.dbtypes import utc_field


class Patient(SQLModel, table=True):
    """One phone number, one patient. Opt-out state lives here; its history in ConsentChange."""

    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(max_length=200)
    phone: str = Field(unique=True, index=True, max_length=20)  # E.164
    sms_consent_at: datetime = utc_field()
    opted_out_at: datetime | None = utc_field(nullable=True, default=None)
    created_at: datetime = utc_field()


class ConsentChange(SQLModel, table=True):
    """Every opt-in or opt-out, with when and how it came (the law asks for the record)."""

    __tablename__ = "consent_change"

    id: int | None = Field(default=None, primary_key=True)
    patient_id: int = Field(foreign_key="patient.id", index=True)
    at: datetime = utc_field()
    opted_in: bool
    source: str = Field(max_length=64)  # registration, sms:STOP, sms:natural, twilio:21610, ...


class TreatmentSession(SQLModel, table=True):
    __tablename__ = "treatment_session"
    __table_args__ = (UniqueConstraint("patient_id", "ended_at", name="uq_session_patient_ended"),)

    id: int | None = Field(default=None, primary_key=True)
    patient_id: int = Field(foreign_key="patient.id", index=True)
    practitioner_id: int = Field(foreign_key="app_user.id", index=True)
    ended_at: datetime = utc_field(index=True)
    treated_area: str = Field(default="", max_length=200)
    source: str = Field(default="api", max_length=16)  # api, web, cli, csv, demo
    created_at: datetime = utc_field()
