"""What the staff pages list beyond flags: replies to review, patients we couldn't reach,
today's sessions, and one patient's whole timeline."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlmodel import Session, col, or_, select

from scheduler.checkins.models import CheckIn, CheckInStatus
from scheduler.flags.models import Flag, ReplyAssessment
from scheduler.messaging.models import InboundMessage, MessageStatus, OutboundMessage, Purpose
from scheduler.sessions.models import ConsentChange, Patient, TreatmentSession
from scheduler.staff.models import AuditEntry, Role, User


def _mine(user: User) -> Any:
    """Practitioners see their own patients' sessions; everyone else sees all."""
    if user.role == Role.practitioner:
        return TreatmentSession.practitioner_id == user.id
    return True


def needs_review(db: Session, user: User, limit: int = 200) -> list[Any]:
    """Replies a person must read: label `review`, unknown senders, MMS, no session."""
    rows = db.exec(
        select(InboundMessage, ReplyAssessment, Patient)
        .join(ReplyAssessment, col(ReplyAssessment.inbound_id) == InboundMessage.id, isouter=True)
        .join(Patient, col(Patient.id) == InboundMessage.patient_id, isouter=True)
        .join(TreatmentSession, col(TreatmentSession.id) == InboundMessage.session_id, isouter=True)
        .where(col(InboundMessage.reviewed_at).is_(None))
        .where(
            or_(ReplyAssessment.label == "review", col(InboundMessage.needs_review).is_not(None))
        )
        .where(_mine(user) if user.role == Role.practitioner else True)
        .order_by(col(InboundMessage.received_at))
        .limit(limit)
    ).all()
    return list(rows)


@dataclass
class Unreached:
    patient: Patient
    session_id: int | None
    what: str
    at: datetime


def couldnt_reach(db: Session, user: User, limit: int = 200) -> list[Unreached]:
    """Check-ins that failed or expired (not those an opt-out cancelled), and alerts and
    answers to flagged reports that could not be delivered."""
    out: list[Unreached] = []
    rows = db.exec(
        select(CheckIn, TreatmentSession, Patient)
        .join(TreatmentSession, col(TreatmentSession.id) == CheckIn.session_id)
        .join(Patient, col(Patient.id) == TreatmentSession.patient_id)
        .where(
            or_(CheckIn.status == CheckInStatus.failed, CheckIn.status == CheckInStatus.cancelled)
        )
        # a patient who asked for no texts was not failed: the timeline shows it
        .where(or_(col(CheckIn.reason).is_(None), col(CheckIn.reason) != "opted_out"))
        .where(_mine(user))
        .order_by(col(CheckIn.updated_at).desc())
        .limit(limit)
    ).all()
    for c, s, p in rows:
        what = {
            "expired": f"{c.kind} check-in expired before it could be sent",
        }.get(c.reason or "", f"{c.kind} check-in: {c.reason or c.status}")
        out.append(Unreached(p, s.id, what, c.updated_at))
    undelivered = db.exec(
        select(OutboundMessage)
        .where(
            col(OutboundMessage.purpose).in_(
                [Purpose.checkin, Purpose.alert, Purpose.escalation, Purpose.auto_reply]
            )
        )
        .where(
            or_(
                OutboundMessage.status == MessageStatus.failed,
                col(OutboundMessage.delivery_status).in_(["undelivered", "failed"]),
            )
        )
        .where(OutboundMessage.status != MessageStatus.pending)  # a resend is still coming
        .order_by(col(OutboundMessage.created_at).desc())
        .limit(limit)
    ).all()
    for m in undelivered:
        out.extend(unreached_message(db, m))
    return out


def unreached_message(db: Session, m: OutboundMessage) -> list[Unreached]:
    """A text the carrier could not deliver: whose it was, and what the carrier said."""
    why = m.error or (f"carrier error {m.error_code}" if m.error_code else m.delivery_status)
    if m.purpose == Purpose.checkin:
        patient = db.get(Patient, m.patient_id) if m.patient_id else None
        if patient is None or m.status == MessageStatus.failed:
            return []  # failed check-ins are listed from the check-in itself
        return [Unreached(patient, None, f"check-in text not delivered: {why}", m.created_at)]
    flag = db.get(Flag, m.flag_id) if m.flag_id else None
    patient = db.get(Patient, flag.patient_id) if flag and flag.patient_id else None
    if flag is None or patient is None:
        return []  # (an answer to no flag, "glad you're well", is not worth a line)
    what = (
        f"our answer to their {flag.label} report not delivered: {why}"
        if m.purpose == Purpose.auto_reply
        else f"practitioner alert not delivered: {why}"
    )
    return [Unreached(patient, flag.session_id, what, m.created_at)]


def todays_sessions(db: Session, user: User, *, now: datetime, tz: Any) -> list[Any]:
    start = datetime.combine(now.astimezone(tz).date(), datetime.min.time(), tz)
    return list(
        db.exec(
            select(TreatmentSession, Patient, User)
            .join(Patient, col(Patient.id) == TreatmentSession.patient_id)
            .join(User, col(User.id) == TreatmentSession.practitioner_id)
            .where(
                TreatmentSession.ended_at >= start,
                TreatmentSession.ended_at < start + timedelta(days=1),
            )
            .where(_mine(user))
            .order_by(col(TreatmentSession.ended_at))
        ).all()
    )


@dataclass
class TimelineEvent:
    at: datetime
    kind: str  # checkin, outbound, inbound, flag, consent, audit
    text: str
    detail: Any = None


def patient_timeline(db: Session, patient: Patient) -> list[TimelineEvent]:
    """Every check-in, message, assessment, flag step and opt-out change, oldest first."""
    events: list[TimelineEvent] = []
    sessions = db.exec(
        select(TreatmentSession).where(TreatmentSession.patient_id == patient.id)
    ).all()
    for s in sessions:
        events.append(TimelineEvent(s.ended_at, "session", f"session #{s.id} ended"))
        for c in db.exec(select(CheckIn).where(CheckIn.session_id == s.id)).all():
            # a pending one is placed at its due time; any other when it got there
            pending = c.status == CheckInStatus.pending
            events.append(
                TimelineEvent(
                    c.due_at if pending else c.updated_at,
                    "checkin",
                    f"{c.kind} check-in {'due' if pending else c.status}"
                    + (f" ({c.reason})" if c.reason else ""),
                )
            )
    for m in db.exec(select(OutboundMessage).where(OutboundMessage.patient_id == patient.id)).all():
        events.append(
            TimelineEvent(
                m.sent_at or m.created_at,
                "outbound",
                m.body,
                {"status": m.status, "delivery": m.delivery_status, "purpose": m.purpose},
            )
        )
    for i, a in db.exec(
        select(InboundMessage, ReplyAssessment)
        .join(ReplyAssessment, col(ReplyAssessment.inbound_id) == InboundMessage.id, isouter=True)
        .where(InboundMessage.patient_id == patient.id)
    ).all():
        events.append(
            TimelineEvent(
                i.received_at,
                "inbound",
                i.body,
                {"label": a.label if a else i.handled_as, "findings": a.findings if a else []},
            )
        )
    changes = select(ConsentChange).where(ConsentChange.patient_id == patient.id)
    for change in db.exec(changes).all():
        events.append(
            TimelineEvent(
                change.at,
                "consent",
                ("opted in" if change.opted_in else "opted out") + f" ({change.source})",
            )
        )
    for e in db.exec(
        select(AuditEntry).where(
            AuditEntry.patient_id == patient.id, col(AuditEntry.action).like("flag.%")
        )
    ).all():
        events.append(
            TimelineEvent(
                e.at,
                "flag",
                f"{e.action.split('.')[1]} by {e.actor}" + (f": {e.detail}" if e.detail else ""),
            )
        )
    return sorted(events, key=lambda e: e.at)


@dataclass
class SessionLine:
    session: TreatmentSession
    practitioner: str
    checkins: list[CheckIn]

    @property
    def pending(self) -> bool:
        return any(c.status == CheckInStatus.pending for c in self.checkins)


def sessions_of(db: Session, patient: Patient, user: User) -> list[SessionLine]:
    """The patient's sessions, newest first, with their check-ins (a practitioner's own)."""
    rows = db.exec(
        select(TreatmentSession, User)
        .join(User, col(User.id) == TreatmentSession.practitioner_id)
        .where(TreatmentSession.patient_id == patient.id)
        .where(_mine(user))
        .order_by(col(TreatmentSession.ended_at).desc())
    ).all()
    lines = []
    for session, practitioner in rows:
        checkins = db.exec(
            select(CheckIn).where(CheckIn.session_id == session.id).order_by(col(CheckIn.due_at))
        ).all()
        lines.append(SessionLine(session, practitioner.username, list(checkins)))
    return lines
