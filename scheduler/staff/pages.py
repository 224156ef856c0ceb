"""Staff pages under /staff/: login, the flagged list, review lists, timelines, the form."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from sqlmodel import col, select

from scheduler.db import session_scope
from scheduler.deps import Ctx, Db
from scheduler.errors import Conflict, Invalid, NotFound
from scheduler.flags.models import Flag, FlagStatus, ReplyAssessment
from scheduler.flags.service import (
    acknowledge_flag,
    alerts_of,
    get_flag,
    list_flags,
    resolve_flag,
)
from scheduler.messaging.models import InboundMessage
from scheduler.sessions.consent import record_opt_out
from scheduler.sessions.csv_import import import_sessions_csv
from scheduler.sessions.models import Patient, TreatmentSession
from scheduler.sessions.schemas import parse_session
from scheduler.sessions.service import cancel_checkins, register_session
from scheduler.staff import queries
from scheduler.staff.accounts import authenticate, end_sessions
from scheduler.staff.models import Role, User
from scheduler.staff.web import Csrf, Form, StaffUser, Upload, login_user, page_context

router = APIRouter(prefix="/staff", tags=["staff"], include_in_schema=False)


def render(
    request: Request, name: str, user: User | None, status_code: int = 200, **extra: Any
) -> HTMLResponse:
    ctx = request.app.state.ctx
    templates = request.app.state.templates
    return templates.TemplateResponse(
        request,
        name,
        page_context(
            request,
            user,
            now=ctx.clock.now(),
            tz=ctx.settings.clinic.tz,
            clinic=ctx.settings.clinic,
            **extra,
        ),
        status_code=status_code,
    )


@router.get("/login")
def login_form(request: Request) -> HTMLResponse:
    return render(request, "login.html", None, next=request.query_params.get("next", ""))


@router.post("/login", response_model=None)
def login(request: Request, ctx: Ctx, _csrf: Csrf, form: Form) -> Response:
    username, password = str(form.get("username", "")).strip(), str(form.get("password", ""))
    throttle = request.app.state.login_throttle
    keys = throttle.keys(username, request.client.host if request.client else "-")
    if throttle.blocked(*keys):
        return render(
            request,
            "login.html",
            None,
            status_code=429,
            error="Too many failed attempts. Wait 15 minutes and try again.",
        )
    with session_scope(ctx.engine) as db:
        user = authenticate(db, username, password)
    if user is None:
        throttle.failed(*keys)
        return render(
            request,
            "login.html",
            None,
            status_code=401,
            error="Wrong username or password.",
            username=username,
        )
    throttle.succeeded(keys[0])
    login_user(request, user)
    target = str(form.get("next", ""))
    return RedirectResponse(target if target.startswith("/staff/") else "/staff/", 303)


@router.post("/logout")
def logout(request: Request, db: Db, _csrf: Csrf) -> RedirectResponse:
    user_id = request.session.get("user_id")
    if user_id:
        end_sessions(db, user_id)  # a copy of this cookie stops working too
    request.session.clear()
    return RedirectResponse("/staff/login", 303)


def flag_rows(db: Db, user: User) -> list[Any]:
    return list_flags(db, statuses=(FlagStatus.open, FlagStatus.acknowledged), user=user)


def session_details(db: Db, rows: list[Any]) -> dict[int, tuple[Any, str]]:
    """session id -> (ended_at, practitioner username), for the rows' sessions."""
    ids = {flag.session_id for flag, *_ in rows if flag.session_id}
    if not ids:
        return {}
    found = db.exec(
        select(TreatmentSession, User)
        .join(User, col(User.id) == TreatmentSession.practitioner_id)
        .where(col(TreatmentSession.id).in_(ids))
    ).all()
    return {s.id: (s.ended_at, u.username) for s, u in found}  # type: ignore[misc]


def label_counts(rows: list[Any]) -> dict[str, int]:
    counts = {"emergency": 0, "complication": 0}
    for flag, *_ in rows:
        counts[flag.label] = counts.get(flag.label, 0) + 1
    return counts


@router.get("/")
def flagged_list(request: Request, db: Db, user: StaffUser) -> HTMLResponse:
    rows = flag_rows(db, user)
    return render(
        request,
        "flags.html",
        user,
        rows=rows,
        counts=label_counts(rows),
        sessions=session_details(db, rows),
        alerts=alerts_of(db, {flag.id for flag, *_ in rows}),
    )


@router.get("/flags/rows")
def flagged_rows(request: Request, db: Db, user: StaffUser) -> HTMLResponse:
    """The list's body alone, polled by live.js every few seconds."""
    rows = flag_rows(db, user)
    return render(
        request,
        "_flag_rows.html",
        user,
        rows=rows,
        counts=label_counts(rows),
        sessions=session_details(db, rows),
        alerts=alerts_of(db, {flag.id for flag, *_ in rows}),
    )


@router.get("/flags/{flag_id}")
def flag_detail(flag_id: int, request: Request, db: Db, user: StaffUser) -> HTMLResponse:
    flag = get_flag(db, flag_id, user=user)
    patient = db.get(Patient, flag.patient_id) if flag.patient_id else None
    inbound = db.get(InboundMessage, flag.inbound_id)
    assessment = db.get(ReplyAssessment, flag.assessment_id)
    session = db.get(TreatmentSession, flag.session_id) if flag.session_id else None
    practitioner = db.get(User, flag.practitioner_id) if flag.practitioner_id else None
    return render(
        request,
        "flag.html",
        user,
        flag=flag,
        patient=patient,
        inbound=inbound,
        assessment=assessment,
        session=session,
        practitioner=practitioner,
        alerts=alerts_of(db, {flag_id})[flag_id],
    )


@router.post("/flags/{flag_id}/acknowledge")
def acknowledge(
    flag_id: int, request: Request, ctx: Ctx, db: Db, user: StaffUser, _csrf: Csrf
) -> RedirectResponse:
    try:
        acknowledge_flag(db, flag_id, actor=user, now=ctx.clock.now())
    except Conflict:
        pass  # someone else got there first: the page shows who
    return RedirectResponse(back_to(request), 303)


@router.post("/flags/{flag_id}/resolve")
def resolve(
    flag_id: int, request: Request, ctx: Ctx, db: Db, user: StaffUser, _csrf: Csrf, form: Form
) -> RedirectResponse:
    note = str(form.get("note", "")).strip()
    try:
        resolve_flag(db, flag_id, actor=user, now=ctx.clock.now(), note=note)
    except Conflict as exc:
        if note:  # someone resolved it first: say so, and hand the note back
            raise Conflict(f"{exc.message}; your note was not saved: {note}") from None
    return RedirectResponse(back_to(request), 303)


def back_to(request: Request) -> str:
    referer = request.headers.get("referer", "")
    path = "/" + referer.split("://", 1)[-1].split("/", 1)[-1] if "://" in referer else ""
    return path if path.startswith("/staff/") else "/staff/"


@router.get("/review")
def review(request: Request, ctx: Ctx, db: Db, user: StaffUser) -> HTMLResponse:
    return render(
        request,
        "review.html",
        user,
        to_review=queries.needs_review(db, user),
        unreached=queries.couldnt_reach(db, user),
        today=queries.todays_sessions(db, user, now=ctx.clock.now(), tz=ctx.settings.clinic.tz),
    )


@router.get("/patients/{patient_id}")
def patient_page(patient_id: int, request: Request, db: Db, user: StaffUser) -> HTMLResponse:
    patient = db.get(Patient, patient_id)
    if patient is None or not can_see_patient(db, user, patient_id):
        raise NotFound(f"no patient {patient_id}")
    return render(
        request,
        "patient.html",
        user,
        patient=patient,
        events=queries.patient_timeline(db, patient),
        sessions=queries.sessions_of(db, patient, user),
    )


@router.post("/patients/{patient_id}/stop-texts")
def stop_texts(
    patient_id: int, request: Request, ctx: Ctx, db: Db, user: StaffUser, _csrf: Csrf
) -> RedirectResponse:
    """The patient asked a person (on the phone, at the desk) for no more texts."""
    patient = db.get(Patient, patient_id)
    if patient is None or not can_see_patient(db, user, patient_id):
        raise NotFound(f"no patient {patient_id}")
    record_opt_out(db, patient, now=ctx.clock.now(), source=f"staff:{user.username}")
    return RedirectResponse(f"/staff/patients/{patient_id}", 303)


@router.post("/sessions/{session_id}/cancel")
def cancel_session_checkins(
    session_id: int, request: Request, ctx: Ctx, db: Db, user: StaffUser, _csrf: Csrf
) -> RedirectResponse:
    """A session entered by mistake: nothing more is sent for it."""
    session = db.get(TreatmentSession, session_id)
    if session is None or not can_see_session(user, session):
        raise NotFound(f"no session {session_id}")
    cancel_checkins(db, session, actor=user.username, now=ctx.clock.now())
    return RedirectResponse(f"/staff/patients/{session.patient_id}", 303)


def can_see_patient(db: Db, user: User, patient_id: int) -> bool:
    if user.role != Role.practitioner:
        return True
    mine = db.exec(
        select(TreatmentSession.id).where(
            TreatmentSession.patient_id == patient_id, TreatmentSession.practitioner_id == user.id
        )
    )
    return mine.first() is not None


def can_see_message(db: Db, user: User, inbound: InboundMessage) -> bool:
    """A practitioner's are the messages of their own sessions (as the review list shows);
    a message from a number not on file, or of no session, is for staff."""
    session = db.get(TreatmentSession, inbound.session_id) if inbound.session_id else None
    return can_see_session(user, session)


def can_see_session(user: User, session: TreatmentSession | None) -> bool:
    """Practitioners act on their own sessions; staff and admins on any (and on none)."""
    if user.role != Role.practitioner:
        return True
    return session is not None and session.practitioner_id == user.id


def practitioners(db: Db) -> list[User]:
    return list(db.exec(select(User).where(User.role == Role.practitioner, User.active == True)))  # noqa: E712


@router.get("/sessions/new")
def session_form(request: Request, ctx: Ctx, db: Db, user: StaffUser) -> HTMLResponse:
    return render(
        request,
        "session_new.html",
        user,
        practitioners=practitioners(db),
        values={
            "practitioner": user.username if user.role == Role.practitioner else "",
            # a session just ended, as the picker writes it, in the clinic's time
            "ended_at": f"{ctx.clock.now().astimezone(ctx.settings.clinic.tz):%Y-%m-%dT%H:%M}",
        },
        errors={},
    )


@router.post("/sessions/new")
def session_submit(
    request: Request, ctx: Ctx, db: Db, user: StaffUser, _csrf: Csrf, form: Form
) -> Response:
    try:
        data = parse_session(
            {
                "patient": {
                    "name": form.get("patient_name", ""),
                    "phone": form.get("phone", ""),
                    "sms_consent": form.get("sms_consent") == "yes",
                },
                "practitioner": form.get("practitioner", ""),
                "ended_at": in_clinic_time(form.get("ended_at", ""), ctx.settings.clinic.tz),
                "treated_area": form.get("treated_area", ""),
            }
        )
        session = register_session(
            db, data, settings=ctx.settings, now=ctx.clock.now(), source="web", actor=user.username
        )
    except (Invalid, Conflict) as exc:
        errors = exc.errors if isinstance(exc, Invalid) else {"form": exc.message}
        return render(
            request,
            "session_new.html",
            user,
            status_code=exc.status_code,
            practitioners=practitioners(db),
            values=form,
            errors=errors,
        )
    return RedirectResponse(f"/staff/patients/{session.patient_id}?registered={session.id}", 303)


def in_clinic_time(value: str, tz: Any) -> str:
    """The form's picker gives the clinic's wall time ("2026-11-24T15:30"): the instant it
    names there (an offset typed in is kept). Anything else is left for validation."""
    try:
        ended = datetime.fromisoformat(value.strip())
    except ValueError:
        return value
    if ended.tzinfo is None:
        ended = ended.replace(tzinfo=tz, fold=0)
    return ended.isoformat()


@router.post("/sessions/import")
def session_import(
    request: Request, ctx: Ctx, db: Db, user: StaffUser, _csrf: Csrf, raw: Upload
) -> HTMLResponse:
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = ""
    report = (
        import_sessions_csv(
            db, text, settings=ctx.settings, now=ctx.clock.now(), actor=user.username
        )
        if text
        else None
    )
    return render(
        request,
        "session_new.html",
        user,
        practitioners=practitioners(db),
        values={},
        errors={},
        report=report,
        upload_error=None if text else "The file is empty or not UTF-8 CSV.",
    )


@router.post("/inbound/{inbound_id}/reviewed")
def mark_reviewed(
    inbound_id: int, request: Request, ctx: Ctx, db: Db, user: StaffUser, _csrf: Csrf
) -> RedirectResponse:
    inbound = db.get(InboundMessage, inbound_id)
    if inbound is None or not can_see_message(db, user, inbound):
        raise NotFound(f"no message {inbound_id}")
    inbound.reviewed_at = ctx.clock.now()
    db.add(inbound)
    return RedirectResponse("/staff/review", 303)


__all__ = ["router", "Flag"]
