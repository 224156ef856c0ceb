"""A patient's text arrives: store it once, read it, answer it, flag it if serious.

Everything happens in the caller's transaction, and the MessageSid is unique, so when
Twilio retries (or posts the same message five times at once) exactly one attempt stores
the message, raises the flag and queues the answers; the others change nothing.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import Table
from sqlalchemy.orm import make_transient_to_detached
from sqlmodel import Session, col, select

from scheduler.checkins.models import CheckIn, CheckInStatus
from scheduler.config import Settings
from scheduler.db import dialect_insert
from scheduler.flags.alerts import queue_practitioner_alert
from scheduler.flags.models import ReplyAssessment
from scheduler.flags.service import FLAGGED_LABELS, raise_flag
from scheduler.messaging.keywords import Keyword, keyword_of
from scheduler.messaging.models import InboundMessage, Purpose
from scheduler.messaging.outbox import enqueue_message
from scheduler.messaging.texts import SmsTexts, first_name
from scheduler.sessions.consent import find_patient_by_phone, record_opt_in, record_opt_out
from scheduler.sessions.models import Patient, TreatmentSession
from scheduler.triage import Assessment, PainThresholds, assess

log = logging.getLogger(__name__)
OWN_ANSWERS = (Keyword.start, Keyword.help)  # answered as such, never triaged


@dataclass
class InboundResult:
    duplicate: bool = False
    inbound_id: int | None = None
    label: str | None = None
    flag_id: int | None = None
    queued: list[int] = field(default_factory=list)  # outbound message ids to send now


@dataclass(frozen=True)
class Sender:
    """Who texted and what they are answering: looked up before anything is written, so the
    message is stored complete by one insert."""

    patient: Patient | None
    session: TreatmentSession | None
    checkin_kind: str | None  # None when the text is not triaged (unknown sender, START, HELP)


def identify_sender(
    db: Session, params: Mapping[str, str], *, settings: Settings, now: datetime
) -> Sender:
    patient = find_patient_by_phone(db, params.get("From", ""))
    session = latest_session(db, patient, settings=settings, now=now) if patient else None
    triaged = patient is not None and keyword_of(params.get("Body", "")) not in OWN_ANSWERS
    return Sender(patient, session, checkin_kind_for(db, session) if triaged else None)


def receive_sms(
    db: Session,
    params: Mapping[str, str],
    *,
    sender: Sender,
    settings: Settings,
    texts: SmsTexts,
    thresholds: PainThresholds,
    now: datetime,
) -> InboundResult:
    """Handle one inbound SMS webhook (signature checked, sender identified). The message
    is stored by one insert, which is also the duplicate check."""
    inbound = store_inbound(db, params, now=now, sender=sender)
    if inbound is None:
        return InboundResult(duplicate=True)
    result = InboundResult(inbound_id=inbound.id)
    patient, session = sender.patient, sender.session
    if patient is None:
        log.info("inbound %s from an unknown number, listed for review", inbound.id)
        return result
    reply = Reply(db, inbound, patient, session, settings, texts, now, result)
    keyword = keyword_of(inbound.body)
    if keyword == Keyword.start:
        reply.opt_in()
    elif keyword == Keyword.help:
        reply.help()
    else:
        reply.triage(thresholds)
    return result


def store_inbound(
    db: Session,
    params: Mapping[str, str],
    *,
    now: datetime,
    sender: Sender,
) -> InboundMessage | None:
    """Insert the message; None if this MessageSid was stored before (a provider retry,
    or the same post several times at once: the unique sid lets exactly one through)."""
    sid = params.get("MessageSid") or params.get("SmsMessageSid") or params.get("SmsSid") or ""
    num_media = _int(params.get("NumMedia"))
    patient, session = sender.patient, sender.session
    row: dict[str, Any] = {
        "sid": sid,
        "from_number": params.get("From", ""),
        "to_number": params.get("To", ""),
        "body": params.get("Body", ""),
        "num_media": num_media,
        "received_at": now,
        "patient_id": patient.id if patient else None,
        "session_id": session.id if session else None,
        "checkin_kind": sender.checkin_kind,
        "handled_as": "unknown_sender" if patient is None else "triage",
        "needs_review": review_reason(patient, session, num_media),
    }
    table: Table = InboundMessage.__table__  # type: ignore[attr-defined]
    insert_new = dialect_insert(db, table).on_conflict_do_nothing(index_elements=["sid"])
    new_id = db.execute(insert_new.returning(table.c.id), row).scalar()
    if new_id is None:
        log.info("inbound %s already handled (provider retry)", sid[:8] + "…")
        return None
    inbound = InboundMessage(id=new_id, **row)
    make_transient_to_detached(inbound)  # the row exists: later changes are updates
    db.add(inbound)
    return inbound


def review_reason(
    patient: Patient | None, session: TreatmentSession | None, num_media: int
) -> str | None:
    """Why a person must look at this message whatever triage says, if they must."""
    if patient is None:
        return "unknown_sender"
    if num_media:
        return "mms"
    if session is None:
        return "no_recent_session"
    return None


def _int(value: str | None) -> int:
    try:
        return int(value or 0)
    except ValueError:
        return 0


def latest_session(
    db: Session, patient: Patient, *, settings: Settings, now: datetime
) -> TreatmentSession | None:
    """The patient's most recent session whose reply window is still open."""
    return db.exec(
        select(TreatmentSession)
        .where(TreatmentSession.patient_id == patient.id)
        .where(TreatmentSession.ended_at >= now - settings.checkins.reply_window)
        .where(TreatmentSession.ended_at <= now)
        .order_by(col(TreatmentSession.ended_at).desc())
    ).first()


def checkin_kind_for(db: Session, session: TreatmentSession | None) -> str:
    """The check-in the patient is answering: the latest one sent (triage knows 24h/48h)."""
    if session is None:
        return "24h"
    sent = db.exec(
        select(CheckIn.kind)
        .where(CheckIn.session_id == session.id, CheckIn.status == CheckInStatus.sent)
        .order_by(col(CheckIn.due_at).desc())
    ).first()
    if sent is None:
        return "24h"
    hours = int(sent.rstrip("h")) if sent.rstrip("h").isdigit() else 24
    return "48h" if hours >= 48 else "24h"


@dataclass
class Reply:
    """The answers to one stored inbound message, queued in the same transaction."""

    db: Session
    inbound: InboundMessage
    patient: Patient
    session: TreatmentSession | None
    settings: Settings
    texts: SmsTexts
    now: datetime
    result: InboundResult

    def answer(self, template: str, purpose: Purpose, **context: object) -> None:
        body = self.texts.render(
            template,
            clinic=self.settings.clinic.name,
            clinic_phone=self.settings.clinic.phone,
            first_name=first_name(self.patient.name),
            **context,
        )
        message = enqueue_message(
            self.db,
            to=self.patient.phone,
            body=body,
            purpose=purpose,
            now=self.now,
            patient_id=self.patient.id,
        )
        self.result.queued.append(message.id)  # type: ignore[arg-type]

    def opt_in(self) -> None:
        self.inbound.handled_as = "opt_in"
        record_opt_in(self.db, self.patient, now=self.now, source="sms:START")
        self.answer("opt_in_confirmation", Purpose.opt_in_confirmation)

    def help(self) -> None:
        self.inbound.handled_as = "help"
        self.answer("help", Purpose.help)

    def triage(self, thresholds: PainThresholds) -> None:
        kind = self.inbound.checkin_kind or "24h"
        found = assess(self.inbound.body, kind, thresholds=thresholds)
        assessment = self.store_assessment(found)
        self.result.label = found.label
        wants_out = found.opt_out_requested or keyword_of(self.inbound.body) == Keyword.stop
        if found.label in FLAGGED_LABELS:
            self.flag(assessment)
        if found.label != "opt_out":
            self.answer(f"reply_{found.label}", Purpose.auto_reply)
        if wants_out or found.label == "opt_out":
            # After any alert: a symptom report inside an opt-out is flagged first.
            self.inbound.handled_as = "opt_out"
            if record_opt_out(self.db, self.patient, now=self.now, source="sms:patient"):
                self.answer("opt_out_confirmation", Purpose.opt_out_confirmation)

    def store_assessment(self, found: Assessment) -> ReplyAssessment:
        assessment = ReplyAssessment(
            inbound_id=self.inbound.id,  # type: ignore[arg-type]
            label=found.label,
            findings=found.to_dict()["findings"],
            created_at=self.now,
        )
        self.db.add(assessment)
        self.db.flush()
        return assessment

    def flag(self, assessment: ReplyAssessment) -> None:
        flag = raise_flag(
            self.db,
            assessment=assessment,
            inbound=self.inbound,
            patient=self.patient,
            session=self.session,
            now=self.now,
        )
        self.result.flag_id = flag.id
        alert = queue_practitioner_alert(
            self.db,
            flag,
            patient=self.patient,
            session=self.session,
            settings=self.settings,
            texts=self.texts,
            now=self.now,
        )
        if alert is not None:
            # The practitioner's alert goes before the patient's answer.
            self.result.queued.insert(0, alert.id)  # type: ignore[arg-type]
        log.info("inbound %s flagged %s (flag %s)", self.inbound.id, flag.label, flag.id)
