"""Imports every table so SQLModel.metadata (and Alembic) sees the whole schema."""

from scheduler.checkins.models import CheckIn, CheckInStatus
from scheduler.flags.models import Flag, FlagStatus, ReplyAssessment
from scheduler.messaging.models import InboundMessage, MessageStatus, OutboundMessage, Purpose
from scheduler.messaging.pacing import SendPace
from scheduler.sessions.models import ConsentChange, Patient, TreatmentSession
from scheduler.staff.models import ApiToken, AuditEntry, Role, User

__all__ = [
    "ApiToken",
    "AuditEntry",
    "CheckIn",
    "CheckInStatus",
    "ConsentChange",
    "Flag",
    "FlagStatus",
    "InboundMessage",
    "MessageStatus",
    "OutboundMessage",
    "Patient",
    "Purpose",
    "ReplyAssessment",
    "Role",
    "SendPace",
    "TreatmentSession",
    "User",
]
