"""Logins and API tokens: creation, password checks, token checks."""

from __future__ import annotations

import hashlib
import secrets
from datetime import datetime

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlmodel import Session, col, select

from scheduler.audit import record_action
from scheduler.errors import Conflict, Invalid, NotFound
from scheduler.sessions.models import Patient
from scheduler.sessions.phones import to_e164
from scheduler.staff.models import ApiToken, Role, User

_hasher = PasswordHasher()
MIN_PASSWORD = 8
PATIENTS_NUMBER = "is a patient's number; alerts must go to the practitioner's own"
# Verifying against this when the user does not exist keeps the timing the same.
_DUMMY_HASH = _hasher.hash("not-a-real-password")


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def create_user(
    db: Session,
    *,
    username: str,
    password: str,
    role: str,
    phone: str | None,
    region: str,
    now: datetime,
    actor: str = "cli",
) -> User:
    """A new login. Practitioners' phones receive their alerts."""
    errors: dict[str, str] = {}
    username = username.strip()
    if (
        not username
        or len(username) > 64
        or not username.replace("-", "").replace("_", "").replace(".", "").isalnum()
    ):
        errors["username"] = "use 1-64 letters, digits, '.', '-' or '_'"
    if role not in Role.__members__:
        errors["role"] = f"one of {', '.join(Role.__members__)}"
    if len(password) < MIN_PASSWORD:
        errors["password"] = f"at least {MIN_PASSWORD} characters"
    e164 = None
    try:
        e164 = alert_phone(db, phone or "", region=region)
    except ValueError as exc:
        errors["phone"] = str(exc)
    if errors:
        raise Invalid(errors)
    if db.exec(select(User).where(User.username == username)).first() is not None:
        raise Conflict(f"user {username!r} exists already")
    user = User(
        username=username,
        password_hash=hash_password(password),
        role=role,
        phone=e164,
        created_at=now,
    )
    db.add(user)
    db.flush()
    record_action(
        db,
        actor=actor,
        action="user.created",
        subject_type="user",
        subject_id=user.id,
        now=now,
        detail=f"{username} ({role})",
    )
    return user


def authenticate(db: Session, username: str, password: str) -> User | None:
    """The active user with this password, or None (same work either way)."""
    user = db.exec(select(User).where(User.username == username)).first()
    try:
        _hasher.verify(user.password_hash if user else _DUMMY_HASH, password)
    except (VerificationError, InvalidHashError):
        return None
    if user is None or not user.active:
        return None
    return user


def set_password(db: Session, username: str, password: str, *, now: datetime, actor: str) -> User:
    if len(password) < MIN_PASSWORD:
        raise Invalid.field("password", f"at least {MIN_PASSWORD} characters")
    user = get_user(db, username)
    user.password_hash = hash_password(password)
    user.session_epoch += 1  # whoever had the old password is logged out
    db.add(user)
    record_action(
        db,
        actor=actor,
        action="user.password_set",
        subject_type="user",
        subject_id=user.id,
        now=now,
    )
    return user


def alert_phone(db: Session, phone: str, *, region: str) -> str | None:
    """The E.164 number a login's alerts go to (None when none is given); ValueError when
    it is no phone number, or a patient's."""
    if not phone.strip():
        return None
    e164 = to_e164(phone, region=region)
    if db.exec(select(Patient.id).where(Patient.phone == e164)).first() is not None:
        raise ValueError(PATIENTS_NUMBER)
    return e164


def set_phone(
    db: Session, username: str, phone: str, *, region: str, now: datetime, actor: str
) -> User:
    """A new number for the login's alerts ("" removes it: alerts then go to on-call)."""
    user = get_user(db, username)
    try:
        e164 = alert_phone(db, phone, region=region)
    except ValueError as exc:
        raise Invalid.field("phone", str(exc)) from None
    user.phone = e164
    db.add(user)
    record_action(
        db,
        actor=actor,
        action="user.phone_set",
        subject_type="user",
        subject_id=user.id,
        now=now,
        detail=f"{username}: {'a new number' if e164 else 'none'}",
    )
    return user


def set_active(db: Session, username: str, active: bool, *, now: datetime, actor: str) -> User:
    user = get_user(db, username)
    user.active = active
    user.session_epoch += 1
    db.add(user)
    record_action(
        db,
        actor=actor,
        action="user.enabled" if active else "user.disabled",
        subject_type="user",
        subject_id=user.id,
        now=now,
    )
    return user


def end_sessions(db: Session, user_id: int) -> None:
    """Every session cookie of this login stops working (logout ends them everywhere)."""
    user = db.get(User, user_id)
    if user is not None:
        user.session_epoch += 1
        db.add(user)


def get_user(db: Session, username: str) -> User:
    user = db.exec(select(User).where(User.username == username)).first()
    if user is None:
        raise NotFound(f"no user {username!r}")
    return user


def token_digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def create_api_token(db: Session, *, name: str, now: datetime, actor: str = "cli") -> str:
    """A new bearer token; only its hash is stored, so it is shown once."""
    if not name.strip():
        raise Invalid.field("name", "required")
    token = "act_" + secrets.token_urlsafe(32)
    record = ApiToken(name=name.strip(), token_hash=token_digest(token), created_at=now)
    db.add(record)
    db.flush()
    record_action(
        db,
        actor=actor,
        action="token.created",
        subject_type="token",
        subject_id=record.id,
        now=now,
        detail=record.name,
    )
    return token


def check_api_token(db: Session, token: str, *, now: datetime) -> ApiToken | None:
    record = db.exec(
        select(ApiToken).where(
            ApiToken.token_hash == token_digest(token), col(ApiToken.revoked_at).is_(None)
        )
    ).first()
    if record is not None:
        record.last_used_at = now
        db.add(record)
    return record
