"""Registering treatment sessions: validation, the patient record, and its check-ins.

One code path for one session (API, form, CLI) and for thousands (CSV import): a batch
costs a fixed number of statements — one lookup of the practitioners, patients and staff
phones it names (per 500 values), one multi-row insert per table, and a look at earlier
sessions only when some were registered before — however many rows it has. A session
registered alone is six statements: the lookup and five inserts.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from itertools import zip_longest
from typing import Any

from sqlalchemy import (
    CompoundSelect,
    Table,
    bindparam,
    insert,
    literal_column,
    null,
    union_all,
    update,
)
from sqlalchemy import select as core_select
from sqlalchemy.sql.elements import BindParameter
from sqlmodel import Session, col, select

from scheduler.audit import record_action
from scheduler.checkins.models import CheckIn
from scheduler.checkins.timing import PlannedCheckIn, plan_checkins
from scheduler.config import Settings
from scheduler.db import dialect_insert, execute_dml
from scheduler.errors import AftercareError, Conflict, Invalid, NotFound
from scheduler.messaging.texts import initials
from scheduler.sessions.models import ConsentChange, Patient, TreatmentSession
from scheduler.sessions.phones import to_e164
from scheduler.sessions.schemas import SessionIn
from scheduler.staff.models import AuditEntry, Role, User

# A session cannot end in the future; this much allows for clocks that disagree.
CLOCK_SKEW = timedelta(minutes=5)
ALREADY = "this session is already registered"
CHUNK = 500  # values per IN (...) list: far below SQLite's and PostgreSQL's limits

SessionKey = tuple[int, datetime]  # (patient id, ended_at in UTC): unique per session
Row = tuple[int, SessionIn, str, int]  # a valid item: (position, data, phone, practitioner)


def register_session(
    db: Session, data: SessionIn, *, settings: Settings, now: datetime, source: str, actor: str
) -> TreatmentSession:
    """Store a session and plan its check-ins. Raises Invalid (422) or Conflict (409)."""
    registered = register_sessions(
        db, [data], settings=settings, now=now, source=source, actor=actor
    )
    [outcome] = registered.outcomes
    if isinstance(outcome, AftercareError):
        raise outcome
    [(row, session_id)] = registered.created  # the row as inserted: no second read of it
    return TreatmentSession(id=session_id, **row)


@dataclass
class Registered:
    """A batch's outcomes, in order: each new session's id, or why the item was refused
    (Invalid 422, Conflict 409); and the session rows inserted, with their ids."""

    outcomes: list[int | AftercareError]
    created: list[tuple[dict[str, Any], int]]


def register_sessions(
    db: Session,
    batch: Sequence[SessionIn],
    *,
    settings: Settings,
    now: datetime,
    source: str,
    actor: str,
) -> Registered:
    """Register many sessions. A refused item stores nothing and holds none of the others
    back."""
    outcomes: list[int | AftercareError] = [Invalid({}) for _ in batch]
    phones = [parse_phone(data, settings) for data in batch]
    files = on_file(
        db,
        {data.practitioner for data in batch},
        {phone for phone in phones if not isinstance(phone, Invalid)},
    )
    valid: list[Row] = []
    for position, (data, phone) in enumerate(zip(batch, phones, strict=True)):
        try:
            practitioner = validate_registration(
                data, phone, files.practitioners, settings=settings, now=now
            )
        except Invalid as exc:
            outcomes[position] = exc
            continue
        valid.append((position, data, str(phone), practitioner))
    known = {phone: (i, name) for phone, (i, name, _) in files.patients.items()}
    opted_out = {i for i, _, out in files.patients.values() if out}
    valid = refuse(valid, outcomes, someone_else_on_file(known))
    valid = refuse(valid, outcomes, a_staff_phone(files.staff_phones))
    names = {phone: data.patient.name for _, data, phone, _ in valid}
    patients = upsert_patients(db, names, known, now)
    new: dict[SessionKey, dict[str, Any]] = {}  # insertion order is batch order
    positions: dict[SessionKey, list[int]] = {}  # a key repeated inside the batch: twins
    for position, data, phone, practitioner in valid:
        key = (patients[phone], data.ended_at.astimezone(UTC))
        positions.setdefault(key, []).append(position)
        new.setdefault(
            key,
            {
                "patient_id": key[0],
                "practitioner_id": practitioner,
                "ended_at": key[1],
                "treated_area": data.treated_area,
                "source": source,
                "created_at": now,
            },
        )
    stored = insert_sessions(db, list(new.values()))
    # Keys the insert skipped were registered before (or by a concurrent request just now).
    skipped = {key[0] for key, i in zip(new, stored, strict=True) if i is None}
    earlier = registered_sessions(db, skipped)
    for key, session_id in zip(new, stored, strict=True):
        first, *twins = positions[key]
        if session_id is None:
            outcomes[first] = Conflict(ALREADY, session_id=earlier.get(key))
        else:
            outcomes[first] = session_id
        for twin in twins:
            outcomes[twin] = Conflict(ALREADY, session_id=session_id or earlier.get(key))
    created = [(row, i) for row, i in zip(new.values(), stored, strict=True) if i is not None]
    add_checkins(db, created, settings=settings, now=now, opted_out=opted_out)
    record_registrations(db, created, source=source, actor=actor, now=now)
    return Registered(outcomes, created)


def parse_phone(data: SessionIn, settings: Settings) -> str | Invalid:
    """The patient's number in E.164, or why it is not one."""
    try:
        return to_e164(
            data.patient.phone,
            region=settings.clinic.default_region,
            allow_test_numbers=settings.clinic.allow_test_numbers,
        )
    except ValueError as exc:
        return Invalid.field("patient.phone", str(exc))


def validate_registration(
    data: SessionIn,
    phone: str | Invalid,
    practitioners: dict[str, int],
    *,
    settings: Settings,
    now: datetime,
) -> int:
    """Every rule the input must meet, all failures reported together; the practitioner's id."""
    errors: dict[str, str] = dict(phone.errors) if isinstance(phone, Invalid) else {}
    if not data.patient.sms_consent:
        errors["patient.sms_consent"] = "the patient must agree to receive texts"
    ended_error = check_ended_at(data.ended_at, settings=settings, now=now)
    if ended_error:
        errors["ended_at"] = ended_error
    practitioner = practitioners.get(data.practitioner)
    if practitioner is None:
        errors["practitioner"] = f"no active practitioner with username {data.practitioner!r}"
    if errors:
        raise Invalid(errors)
    assert practitioner is not None
    return practitioner


def refuse(
    valid: list[Row], outcomes: list[int | AftercareError], why_not: Callable[[Row], str | None]
) -> list[Row]:
    """The rows `why_not` has nothing against; the others get a 422 on patient.phone."""
    kept = []
    for row in valid:
        reason = why_not(row)
        if reason is None:
            kept.append(row)
        else:
            outcomes[row[0]] = Invalid.field("patient.phone", reason)
    return kept


def someone_else_on_file(known: dict[str, tuple[int, str]]) -> Callable[[Row], str | None]:
    """A phone number is one patient: a row naming someone else on a number on file (or
    on a number an earlier row of the batch named) is refused. Taking it would rename the
    patient on file, so their check-ins, replies and alerts would carry the wrong name,
    and the replies of two people would be filed as one's."""
    on_file = {phone: name for phone, (_, name) in known.items()}

    def why_not(row: Row) -> str | None:
        given = row[1].patient.name
        name = on_file.setdefault(row[2], given)
        if same_person(name, given):
            return None
        return (
            f"is on file for another patient ({initials(name)}); one number is one patient: "
            "check the number, or use the name on file"
        )

    return why_not


def a_staff_phone(staff: set[str]) -> Callable[[Row], str | None]:
    """A staff phone gets alerts about patients: a patient on it would be sent their
    own alerts, and a practitioner's "ok, calling her" read as the patient's reply."""

    def why_not(row: Row) -> str | None:
        if row[2] in staff:
            return "is a staff member's phone (alerts go to it); use the patient's own"
        return None

    return why_not


def same_person(on_file: str, given: str) -> bool:
    """The same name, or one that adds or leaves out a part ("Ada" / "Ada M. Quinn"),
    ignoring case and punctuation."""
    a, b = name_parts(on_file), name_parts(given)
    return a <= b or b <= a


def name_parts(name: str) -> set[str]:
    return set("".join(c if c.isalnum() else " " for c in name.casefold()).split())


def check_ended_at(ended_at: datetime, *, settings: Settings, now: datetime) -> str | None:
    if ended_at.tzinfo is None or ended_at.utcoffset() is None:
        return "must include a time zone offset, e.g. 2026-11-24T15:30:00-05:00"
    if ended_at > now + CLOCK_SKEW:
        return "lies in the future"
    if ended_at < now - settings.checkins.reply_window:
        return "is older than the reply window; no check-in could still be sent"
    last = planned_checkins(ended_at.astimezone(UTC), settings)[-1]
    if last.expires_at <= now:
        # Accepted, it would sit "pending" and never go: say so now instead.
        return (
            f"is too long ago: the last check-in ({last.kind}) could be sent only until "
            f"{last.expires_at.astimezone(settings.clinic.tz):%b %d %H:%M}; "
            "nothing would be sent"
        )
    return None


def planned_checkins(ended_at: datetime, settings: Settings) -> list[PlannedCheckIn]:
    return plan_checkins(
        ended_at,
        offsets=settings.checkins.offsets,
        window=settings.checkins.send_window,
        tz=settings.clinic.tz,
        expire_after=settings.checkins.expire_after,
    )


def chunks(values: Iterable[Any]) -> Iterator[list[Any]]:
    items = list(values)
    for start in range(0, len(items), CHUNK):
        yield items[start : start + CHUNK]


@dataclass
class OnFile:
    """What a batch's usernames and phone numbers match on file."""

    practitioners: dict[str, int] = field(default_factory=dict)  # active ones, by username
    # (id, name, opted out), by phone
    patients: dict[str, tuple[int, str, bool]] = field(default_factory=dict)
    staff_phones: set[str] = field(default_factory=set)


def on_file(db: Session, usernames: set[str], phones: set[str]) -> OnFile:
    """Practitioners, patients and staff phones a batch names: one statement per chunk of
    values (one in all for a session registered alone), not one per table."""
    found = OnFile()
    pairs: Iterator[tuple[list[str], list[str]]] = zip_longest(
        chunks(usernames), chunks(phones), fillvalue=[]
    )
    for names, numbers in pairs:
        values = {"usernames": names, "phones": numbers}
        for kind, key, i, name, out in db.connection().execute(LOOKUP, values):
            if kind == "practitioner":
                found.practitioners[key] = i
            elif kind == "patient":
                found.patients[key] = (i, name, bool(out))
            else:
                found.staff_phones.add(key)
    return found


def lookup() -> CompoundSelect:
    """Built once: the IN lists are expanding parameters (`usernames`, `phones`)."""
    usernames: BindParameter[str] = bindparam("usernames", expanding=True)
    phones: BindParameter[str] = bindparam("phones", expanding=True)
    users: Table = User.__table__  # type: ignore[attr-defined]
    patients: Table = Patient.__table__  # type: ignore[attr-defined]
    return union_all(
        core_select(
            literal_column("'practitioner'"), users.c.username, users.c.id, null(), null()
        ).where(
            users.c.username.in_(usernames),
            users.c.role == Role.practitioner,
            users.c.active.is_(True),
        ),
        core_select(
            literal_column("'patient'"),
            patients.c.phone,
            patients.c.id,
            patients.c.name,
            patients.c.opted_out_at.is_not(None),
        ).where(patients.c.phone.in_(phones)),
        core_select(literal_column("'staff'"), users.c.phone, users.c.id, null(), null()).where(
            users.c.phone.in_(phones)
        ),
    )


LOOKUP = lookup()


def upsert_patients(
    db: Session, names: dict[str, str], known: dict[str, tuple[int, str]], now: datetime
) -> dict[str, int]:
    """Patient ids by phone; new patients are created with their consent recorded, and
    a name on file gains the parts a registration adds ("Ada" becomes "Ada Quinn").
    `known` holds the (id, name) already on file, by phone.

    A patient who texted STOP stays opted out: a new registration is not a new consent
    to texts; the patient must text START. A concurrent registration of the same new
    patient is harmless: the insert skips phones that exist by then.
    """
    if not names:
        return {}
    patients: Table = Patient.__table__  # type: ignore[attr-defined]
    known = {phone: known[phone] for phone in names if phone in known}
    fresh: list[dict[str, Any]] = [
        {"name": names[phone], "phone": phone, "sms_consent_at": now, "created_at": now}
        for phone in names
        if phone not in known
    ]
    created: dict[str, int] = {}
    if fresh:
        insert_new = dialect_insert(db, patients).on_conflict_do_nothing(index_elements=["phone"])
        created = dict(
            db.execute(insert_new.returning(patients.c.phone, patients.c.id), fresh).all()
        )
        if len(created) < len(fresh):  # lost a race for some: they exist now
            known.update(
                patient_rows(db, [row["phone"] for row in fresh if row["phone"] not in created])
            )
    if created:
        consent: Table = ConsentChange.__table__  # type: ignore[attr-defined]
        db.execute(
            insert(consent),
            [
                {"patient_id": i, "at": now, "opted_in": True, "source": "registration"}
                for i in created.values()
            ],
        )
    renamed = [
        {"p_id": i, "p_name": names[phone]}
        for phone, (i, name) in known.items()
        if name_parts(names[phone]) > name_parts(name)
    ]
    if renamed:
        db.execute(
            update(patients)
            .where(patients.c.id == bindparam("p_id"))
            .values(name=bindparam("p_name")),
            renamed,
        )
    return {**{phone: i for phone, (i, _) in known.items()}, **created}


def patient_rows(db: Session, phones: Iterable[str]) -> dict[str, tuple[int, str]]:
    """(id, name) of the patients with these phones, by phone."""
    patients = on_file(db, set(), set(phones)).patients
    return {phone: (i, name) for phone, (i, name, _) in patients.items()}


def registered_sessions(db: Session, patient_ids: set[int]) -> dict[SessionKey, int]:
    """Sessions these patients already have, by (patient id, ended_at)."""
    found: dict[SessionKey, int] = {}
    for part in chunks(patient_ids):
        rows = db.exec(
            select(
                TreatmentSession.patient_id, TreatmentSession.ended_at, TreatmentSession.id
            ).where(col(TreatmentSession.patient_id).in_(part))
        ).all()
        found.update({(p, ended.astimezone(UTC)): i for p, ended, i in rows})  # type: ignore[misc]
    return found


def insert_sessions(db: Session, rows: list[dict[str, Any]]) -> list[int | None]:
    """Insert sessions; their ids in order, None for one that exists already (registered
    earlier, or by a concurrent request a moment ago: the unique key decides)."""
    if not rows:
        return []
    sessions: Table = TreatmentSession.__table__  # type: ignore[attr-defined]
    # Ids are matched back by the unique key: a multi-row INSERT ... RETURNING need not
    # return rows in the order given.
    statement = (
        dialect_insert(db, sessions)
        .on_conflict_do_nothing(index_elements=["patient_id", "ended_at"])
        .returning(sessions.c.patient_id, sessions.c.ended_at, sessions.c.id)
    )
    ids = {(p, ended): i for p, ended, i in db.execute(statement, rows).all()}
    return [ids.get(session_key(row)) for row in rows]


def session_key(row: dict[str, Any]) -> SessionKey:
    return row["patient_id"], row["ended_at"]


def add_checkins(
    db: Session,
    created: list[tuple[dict[str, Any], int]],
    *,
    settings: Settings,
    now: datetime,
    opted_out: frozenset[int] | set[int] = frozenset(),
) -> None:
    """The planned check-ins of each new session, in one insert, stored as they will
    really go: one whose time has passed (a session registered late) cancelled as
    expired, and an opted-out patient's cancelled as opted out (START brings them back)."""

    def status(patient_id: int, planned: PlannedCheckIn) -> dict[str, str | None]:
        if planned.expires_at <= now:
            return {"status": "cancelled", "reason": "expired"}
        if patient_id in opted_out:
            return {"status": "cancelled", "reason": "opted_out"}
        return {"status": "pending", "reason": None}

    rows = [
        {
            "session_id": session_id,
            "kind": planned.kind,
            "due_at": planned.due_at,
            "expires_at": planned.expires_at,
            **status(row["patient_id"], planned),
            "updated_at": now,
        }
        for row, session_id in created
        for planned in planned_checkins(row["ended_at"], settings)
    ]
    if rows:
        db.execute(insert(CheckIn.__table__), rows)  # type: ignore[attr-defined]


def record_registrations(
    db: Session,
    created: list[tuple[dict[str, Any], int]],
    *,
    source: str,
    actor: str,
    now: datetime,
) -> None:
    """One audit entry per new session."""
    if created:
        db.execute(
            insert(AuditEntry.__table__),  # type: ignore[attr-defined]
            [
                {
                    "at": now,
                    "actor": actor,
                    "action": "session.registered",
                    "subject_type": "session",
                    "subject_id": session_id,
                    "patient_id": row["patient_id"],
                    "detail": f"via {source}",
                }
                for row, session_id in created
            ],
        )


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


def cancel_checkins(db: Session, session: TreatmentSession, *, actor: str, now: datetime) -> int:
    """A session entered by mistake: its pending check-ins are cancelled (recorded, never
    deleted); how many."""
    cancelled = execute_dml(
        db,
        update(CheckIn)
        .where(col(CheckIn.session_id) == session.id, col(CheckIn.status) == "pending")
        .values(status="cancelled", reason=f"cancelled by {actor}", updated_at=now),
    )
    if cancelled:
        record_action(
            db,
            actor=actor,
            action="session.checkins_cancelled",
            subject_type="session",
            subject_id=session.id,
            patient_id=session.patient_id,
            now=now,
            detail=f"{cancelled} pending check-in(s)",
        )
    return cancelled
