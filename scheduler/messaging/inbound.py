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

from sqlalchemy import and_, bindparam, func
from sqlmodel import Session, col, select

from scheduler.checkins.models import CheckIn, CheckInStatus
from scheduler.config import Settings
from scheduler.db import insert_new_row, insert_row
from scheduler.flags.alerts import Alerted, queue_flag_alert
from scheduler.flags.models import ReplyAssessment
from scheduler.flags.service import FLAGGED_LABELS, raise_flag
from scheduler.messaging.keywords import Keyword, keyword_of
from scheduler.messaging.models import InboundMessage, OutboundMessage, Purpose
from scheduler.messaging.outbox import enqueue_message
from scheduler.messaging.texts import SmsTexts, first_name
from scheduler.sessions.consent import record_opt_in, record_opt_out
from scheduler.sessions.models import Patient, TreatmentSession
from scheduler.staff.models import User
from scheduler.triage import Assessment, PainThresholds, assess

log = logging.getLogger(__name__)
OWN_ANSWERS = (Keyword.start, Keyword.help)  # answered as such, never triaged
MAX_MEDIA = 10  # Twilio attaches at most ten


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
    answers: str = ""  # our last check-in and last text to them: quoted back, not read
    staff: bool = False  # a practitioner's or staff phone: answering an alert, not a patient


def _sender_query() -> Any:
    """The patient with a number, the session in its reply window they are answering, the
    kind and text of the last check-in sent for it, and the last text we sent them. Built
    once: constructing a statement costs more than running it, and this one runs for every
    text that arrives."""

    def of_last_sent(column: Any, *, with_text: bool = False) -> Any:
        found = select(column).select_from(CheckIn)
        if with_text:
            text_of = col(OutboundMessage.id) == col(CheckIn.message_id)
            found = found.join(OutboundMessage, text_of, isouter=True)
        return (
            found.where(
                CheckIn.session_id == TreatmentSession.id, CheckIn.status == CheckInStatus.sent
            )
            .order_by(col(CheckIn.due_at).desc())
            .limit(1)
            .correlate(TreatmentSession)
            .scalar_subquery()
        )

    last_sent_kind = of_last_sent(CheckIn.kind)
    last_sent_body = of_last_sent(OutboundMessage.body, with_text=True)
    # and the last text we sent the patient at all (an answer may be quoted back too:
    # "...or you have chest pain, trouble breathing or a fever, call 911")
    last_text = (
        select(OutboundMessage.body)
        .where(
            col(OutboundMessage.patient_id) == Patient.id,
            col(OutboundMessage.to) == Patient.phone,
            col(OutboundMessage.sent_at).is_not(None),
        )
        .order_by(col(OutboundMessage.id).desc())
        .limit(1)
        .correlate(Patient)
        .scalar_subquery()
    )
    our_texts = func.coalesce(last_sent_body, "") + "\n" + func.coalesce(last_text, "")
    window_open = and_(
        col(TreatmentSession.patient_id) == Patient.id,
        col(TreatmentSession.ended_at) >= bindparam("window_start"),
        col(TreatmentSession.ended_at) <= bindparam("now"),
    )
    # The session a reply answers: the one whose check-in went last (not a newer one
    # registered since, none of whose texts the patient has seen), else the latest.
    last_sent_due = (
        select(func.max(CheckIn.due_at))
        .where(CheckIn.session_id == TreatmentSession.id, CheckIn.status == CheckInStatus.sent)
        .correlate(TreatmentSession)
        .scalar_subquery()
    )
    return (
        select(Patient, TreatmentSession, last_sent_kind, our_texts)
        .join(TreatmentSession, window_open, isouter=True)
        .where(Patient.phone == bindparam("phone"))
        .order_by(last_sent_due.desc().nulls_last(), col(TreatmentSession.ended_at).desc())
        .limit(1)
    )


SENDER_QUERY = _sender_query()
STAFF_PHONE = select(User.id).where(col(User.phone) == bindparam("phone")).limit(1)


def identify_sender(
    db: Session, params: Mapping[str, str], *, settings: Settings, now: datetime
) -> Sender:
    """Who texted, and what they are answering."""
    found = db.exec(
        SENDER_QUERY,
        params={
            "phone": params.get("From", ""),
            "window_start": now - settings.checkins.reply_window,
            "now": now,
        },
    ).first()
    if found is None:
        staff = db.execute(STAFF_PHONE, {"phone": params.get("From", "")}).first() is not None
        return Sender(None, None, None, staff=staff)
    patient, session, kind, answers = found
    triaged = keyword_of(params.get("Body", "")) not in OWN_ANSWERS
    return Sender(patient, session, checkin_kind(kind) if triaged else None, answers or "")


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
    """Handle one inbound SMS webhook (signature checked, sender identified). The text is
    read first (keywords, triage: no I/O), then stored complete by one insert, which is
    also the duplicate check."""
    patient, session = sender.patient, sender.session
    body = params.get("Body", "")
    keyword = keyword_of(body)
    # A number not on file is read too: "chest pain" from a new phone or a relative's
    # must reach a person as surely as from a patient's (a staff phone's is not: "ok,
    # calling her now, she said chest pain" answers an alert).
    unread = patient or sender.staff or keyword in OWN_ANSWERS
    kind = sender.checkin_kind or (None if unread else "24h")
    found = (
        assess(body, kind, thresholds=thresholds, sent=sender.answers) if kind else None
    )
    inbound_id = store_inbound(
        db, params, now=now, sender=sender, handled_as=handled_as(sender, keyword, found)
    )
    if inbound_id is None:
        return InboundResult(duplicate=True)
    result = InboundResult(inbound_id=inbound_id)
    to = params.get("From", "")
    reply = Reply(db, inbound_id, to, patient, session, settings, texts, now, result)
    if sender.staff:
        reply.answer("staff_reply", Purpose.help, link=f"{settings.web.public_base_url}/staff/")
        return result
    if patient is None:
        # Strangers get no automatic answer, unless what they describe needs one.
        if found is not None and found.label in FLAGGED_LABELS:
            reply.triage(found, wants_out=False)
        log.info("inbound %s from an unknown number, listed for review", inbound_id)
        return result
    if found is not None:
        reply.triage(found, wants_out=wants_out(found, keyword))
    elif keyword == Keyword.start:
        reply.opt_in()
    elif keyword == Keyword.help:
        reply.help()
    return result


def wants_out(found: Assessment, keyword: Keyword | None) -> bool:
    return found.opt_out_requested or keyword == Keyword.stop or found.label == "opt_out"


def handled_as(sender: Sender, keyword: Keyword | None, found: Assessment | None) -> str:
    """What the inbound list shows the text was taken as."""
    if sender.staff:
        return "staff_phone"
    if sender.patient is None:
        return "unknown_sender"
    if found is None:
        return "opt_in" if keyword == Keyword.start else "help"
    return "opt_out" if wants_out(found, keyword) else "triage"


def store_inbound(
    db: Session,
    params: Mapping[str, str],
    *,
    now: datetime,
    sender: Sender,
    handled_as: str,
) -> int | None:
    """Insert the message: its id, or None if this MessageSid was stored before (a provider
    retry, or the same post several times at once: the unique sid lets exactly one in)."""
    sid = params.get("MessageSid") or params.get("SmsMessageSid") or params.get("SmsSid") or ""
    num_media = _int(params.get("NumMedia"))
    media = media_of(params, num_media)
    patient, session = sender.patient, sender.session
    new_id = insert_new_row(
        db,
        InboundMessage,
        key="sid",
        sid=sid,
        from_number=params.get("From", ""),
        to_number=params.get("To", ""),
        body=params.get("Body", ""),
        num_media=num_media,
        media=media or None,
        received_at=now,
        patient_id=patient.id if patient else None,
        session_id=session.id if session else None,
        checkin_kind=sender.checkin_kind,
        handled_as=handled_as,
        needs_review=None if sender.staff else review_reason(patient, session, num_media),
    )
    if new_id is None:
        log.info("inbound %s already handled (provider retry)", sid[:8] + "…")
    return new_id


def media_of(params: Mapping[str, str], num_media: int) -> list[dict[str, str]]:
    """Where an MMS's pictures are kept by Twilio (MediaUrlN, MediaContentTypeN), so
    staff can open them; only https links are kept, the page shows them as links."""
    media = []
    for n in range(min(num_media, MAX_MEDIA)):
        url = params.get(f"MediaUrl{n}", "")
        if url.startswith("https://"):
            media.append({"url": url, "content_type": params.get(f"MediaContentType{n}", "")})
    return media


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


def checkin_kind(last_sent: str | None) -> str:
    """Which check-in a reply answers, as triage knows them (24h/48h): the latest one
    sent, or the first if none has gone yet."""
    hours = last_sent.rstrip("h") if last_sent else ""
    return "48h" if hours.isdigit() and int(hours) >= 48 else "24h"


@dataclass
class Reply:
    """The answers to one stored inbound message, queued in the same transaction."""

    db: Session
    inbound_id: int
    to: str  # the number that texted: the patient's, or one not on file
    patient: Patient | None
    session: TreatmentSession | None
    settings: Settings
    texts: SmsTexts
    now: datetime
    result: InboundResult

    def answer(
        self, template: str, purpose: Purpose, flag_id: int | None = None, **context: object
    ) -> None:
        body = self.texts.render(
            template,
            clinic=self.settings.clinic.name,
            clinic_phone=self.settings.clinic.phone,
            first_name=first_name(self.patient.name) if self.patient else "",
            **context,
        )
        message_id = enqueue_message(
            self.db,
            to=self.to,
            body=body,
            purpose=purpose,
            now=self.now,
            patient_id=self.patient.id if self.patient else None,
            flag_id=flag_id,  # the answer to a flagged report is shown on the flag
        )
        self.result.queued.append(message_id)

    def opt_in(self) -> None:
        assert self.patient is not None
        record_opt_in(self.db, self.patient, now=self.now, source="sms:START")
        self.answer("opt_in_confirmation", Purpose.opt_in_confirmation)

    def help(self) -> None:
        self.answer("help", Purpose.help)

    def triage(self, found: Assessment, *, wants_out: bool) -> None:
        assessment_id = insert_row(
            self.db,
            ReplyAssessment,
            inbound_id=self.inbound_id,
            label=found.label,
            findings=found.to_dict()["findings"],
            created_at=self.now,
        )
        self.result.label = found.label
        alerted = Alerted.nobody
        if found.label in FLAGGED_LABELS:
            alerted = self.flag(found.label, assessment_id)
        if found.label != "opt_out":
            self.answer(
                f"reply_{found.label}", Purpose.auto_reply, self.result.flag_id, alerted=alerted
            )
        # After any alert: a symptom report inside an opt-out is flagged first.
        if (
            wants_out
            and self.patient is not None
            and record_opt_out(self.db, self.patient, now=self.now, source="sms:patient")
        ):
            self.answer("opt_out_confirmation", Purpose.opt_out_confirmation)

    def flag(self, label: str, assessment_id: int) -> Alerted:
        """Raise the flag and alert whoever can act on it; says who that was."""
        flag_id = raise_flag(
            self.db,
            label=label,
            assessment_id=assessment_id,
            inbound_id=self.inbound_id,
            patient_id=self.patient.id if self.patient else None,
            session=self.session,
            now=self.now,
        )
        self.result.flag_id = flag_id
        alert = queue_flag_alert(
            self.db,
            flag_id=flag_id,
            label=label,
            patient=self.patient,
            session=self.session,
            settings=self.settings,
            texts=self.texts,
            now=self.now,
        )
        if alert.message_id is not None:
            # The alert goes before the patient's answer.
            self.result.queued.insert(0, alert.message_id)
        log.info("inbound %s flagged %s (flag %s)", self.inbound_id, label, flag_id)
        return alert.alerted
