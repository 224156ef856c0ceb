"""Registering treatment sessions: validation, the patient record, and its check-ins."""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, col, select

from scheduler.audit import record_action
from scheduler.checkins.models import CheckIn
from scheduler.checkins.timing import plan_checkins
from scheduler.config import Settings
from scheduler.errors import Conflict, Invalid, NotFound
from scheduler.sessions.models import ConsentChange, Patient, TreatmentSession
from scheduler.sessions.phones import to_e164
from scheduler.sessions.schemas import SessionIn
from scheduler.staff.models import Role, User

# A session cannot end in the future; this much allows for clocks that disagree.
CLOCK_SKEW = timedelta(minutes=5)


def register_session(
    db: Session, data: SessionIn, *, settings: Settings, now: datetime, source: str, actor: str
) -> TreatmentSession:
    """Store a session and plan its check-ins. Raises Invalid (422) or Conflict (409)."""
    phone, practitioner = validate_registration(db, data, settings=settings, now=now)
    patient = upsert_patient(db, name=data.patient.name, phone=phone, now=now)
    existing = db.exec(
        select(TreatmentSession).where(
            TreatmentSession.patient_id == patient.id, TreatmentSession.ended_at == data.ended_at
        )
    ).first()
    if existing is not None:
        raise Conflict("this session is already registered", session_id=existing.id)
    session = TreatmentSession(
        patient_id=patient.id,  # type: ignore[arg-type]
        practitioner_id=practitioner.id,  # type: ignore[arg-type]
        ended_at=data.ended_at,
        treated_area=data.treated_area,
        source=source,
        created_at=now,
    )
    db.add(session)
    try:
        db.flush()
    except IntegrityError as exc:  # a concurrent registration of the same session won
        raise Conflict("this session is already registered") from exc
    add_checkins(db, session, settings=settings, now=now)
    record_action(
        db,
        actor=actor,
        action="session.registered",
        subject_type="session",
        subject_id=session.id,
        patient_id=patient.id,
        now=now,
        detail=f"via {source}",
    )
    return session


def validate_registration(
    db: Session, data: SessionIn, *, settings: Settings, now: datetime
) -> tuple[str, User]:
    """Every rule the input must meet; all failures are reported together."""
    errors: dict[str, str] = {}
    phone = ""
    try:
        phone = to_e164(
            data.patient.phone,
            region=settings.clinic.default_region,
            allow_test_numbers=settings.clinic.allow_test_numbers,
        )
    except ValueError as exc:
        errors["patient.phone"] = str(exc)
    if not data.patient.sms_consent:
        errors["patient.sms_consent"] = "the patient must agree to receive texts"
    ended_error = check_ended_at(data.ended_at, settings=settings, now=now)
    if ended_error:
        errors["ended_at"] = ended_error
    practitioner = find_practitioner(db, data.practitioner)
    if practitioner is None:
        errors["practitioner"] = f"no active practitioner with username {data.practitioner!r}"
    if errors:
        raise Invalid(errors)
    assert practitioner is not None
    return phone, practitioner


def check_ended_at(ended_at: datetime, *, settings: Settings, now: datetime) -> str | None:
    if ended_at.tzinfo is None or ended_at.utcoffset() is None:
        return "must include a time zone offset, e.g. 2026-11-24T15:30:00-05:00"
    if ended_at > now + CLOCK_SKEW:
        return "lies in the future"
    if ended_at < now - settings.checkins.reply_window:
        return "is older than the reply window; no check-in could still be sent"
    return None


def find_practitioner(db: Session, username: str) -> User | None:
    return db.exec(
        select(User).where(
            User.username == username, User.role == Role.practitioner, col(User.active).is_(True)
        )
    ).first()


def upsert_patient(db: Session, *, name: str, phone: str, now: datetime) -> Patient:
    """The patient with this phone, created on first registration (with consent recorded)."""
    patient = db.exec(select(Patient).where(Patient.phone == phone)).first()
    if patient is None:
        patient = Patient(name=name, phone=phone, sms_consent_at=now, created_at=now)
        db.add(patient)
        db.flush()
        db.add(ConsentChange(patient_id=patient.id, at=now, opted_in=True, source="registration"))  # type: ignore[arg-type]
    elif patient.name != name:
        patient.name = name
    # A patient who texted STOP stays opted out: a new registration is not a new consent
    # to texts; the patient must text START.
    return patient


def add_checkins(
    db: Session, session: TreatmentSession, *, settings: Settings, now: datetime
) -> None:
    plan = plan_checkins(
        session.ended_at,
        offsets=settings.checkins.offsets,
        window=settings.checkins.send_window,
        tz=settings.clinic.tz,
        expire_after=settings.checkins.expire_after,
    )
    for planned in plan:
        db.add(
            CheckIn(
                session_id=session.id,  # type: ignore[arg-type]
                kind=planned.kind,
                due_at=planned.due_at,
                expires_at=planned.expires_at,
                updated_at=now,
            )
        )
    db.flush()


def get_session(db: Session, session_id: int) -> TreatmentSession:
    session = db.get(TreatmentSession, session_id)
    if session is None:
        raise NotFound(f"no session {session_id}")
    return session


def checkins_of(db: Session, session_id: int) -> list[CheckIn]:
    return list(
        db.exec(
            select(CheckIn).where(CheckIn.session_id == session_id).order_by(col(CheckIn.due_at))
        )
    )
