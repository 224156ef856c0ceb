"""JSON API for registering and reading sessions (bearer token)."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Body
from fastapi.responses import JSONResponse
from sqlmodel import Session

from scheduler.deps import ApiCaller, Ctx, Db
from scheduler.errors import AftercareError, Invalid
from scheduler.messaging.models import OutboundMessage
from scheduler.sessions.models import Patient, TreatmentSession
from scheduler.sessions.schemas import SessionIn, parse_session
from scheduler.sessions.service import (
    checkins_of,
    get_session,
    register_session,
    register_sessions,
)
from scheduler.staff.models import User

router = APIRouter(prefix="/api", tags=["sessions"])


@router.post("/sessions", status_code=201)
def create_session(
    payload: Annotated[Any, Body()], ctx: Ctx, db: Db, caller: ApiCaller
) -> JSONResponse:
    """Register a session; 422 names each bad field, 409 gives the existing session's id.

    A plain `def`: FastAPI runs it in a thread, so its database work never blocks the
    event loop (on SQLite that could starve the commit of another request)."""
    data = parse_session(payload)
    session = register_session(
        db,
        data,
        settings=ctx.settings,
        now=ctx.clock.now(),
        source="api",
        actor=f"api:{caller.name}",
    )
    return JSONResponse(session_to_json(db, session), status_code=201)


MAX_BATCH = 1000


@router.post("/sessions/batch")
def create_sessions(
    payload: Annotated[Any, Body()], ctx: Ctx, db: Db, caller: ApiCaller
) -> dict[str, Any]:
    """Register up to 1,000 sessions in one request (a booking system's nightly push).

    `{"sessions": [...]}` in, one result per item, in order: `{"status": 201, "id": ...}`,
    `{"status": 422, "errors": {...}}` or `{"status": 409, "session_id": ...}`. A bad item
    stores nothing and holds back none of the others."""
    items = payload.get("sessions") if isinstance(payload, dict) else None
    if not isinstance(items, list) or not 1 <= len(items) <= MAX_BATCH:
        raise Invalid({"sessions": f"expected a list of 1 to {MAX_BATCH} sessions"})
    results: list[dict[str, Any]] = [{} for _ in items]
    parsed: list[tuple[int, SessionIn]] = []
    for index, item in enumerate(items):
        try:
            parsed.append((index, parse_session(item)))
        except Invalid as exc:
            results[index] = item_result(exc)
    outcomes = register_sessions(
        db,
        [data for _, data in parsed],
        settings=ctx.settings,
        now=ctx.clock.now(),
        source="api",
        actor=f"api:{caller.name}",
    ).outcomes
    for (index, _), outcome in zip(parsed, outcomes, strict=True):
        results[index] = item_result(outcome)
    registered = sum(1 for r in results if r["status"] == 201)
    return {"registered": registered, "results": results}


def item_result(outcome: int | AftercareError) -> dict[str, Any]:
    if isinstance(outcome, AftercareError):
        return {"status": outcome.status_code, **outcome.to_json()}
    return {"status": 201, "id": outcome}


@router.get("/sessions/{session_id}")
def read_session(session_id: int, db: Db, caller: ApiCaller) -> dict[str, Any]:
    return session_to_json(db, get_session(db, session_id))


def session_to_json(db: Session, session: TreatmentSession) -> dict[str, Any]:
    patient = db.get(Patient, session.patient_id)
    practitioner = db.get(User, session.practitioner_id)
    checkins = []
    for c in checkins_of(db, session.id):  # type: ignore[arg-type]
        message = db.get(OutboundMessage, c.message_id) if c.message_id else None
        checkins.append(
            {
                "kind": c.kind,
                "due_at": c.due_at.isoformat(),
                "status": c.status,
                "delivery": message.delivery_status if message else None,
                "reason": c.reason,
            }
        )
    return {
        "id": session.id,
        "patient": {
            "name": patient.name,
            "phone": patient.phone,
            "opted_out": patient.opted_out_at is not None,
        }
        if patient
        else None,
        "practitioner": practitioner.username if practitioner else None,
        "ended_at": session.ended_at.isoformat(),
        "treated_area": session.treated_area,
        "checkins": checkins,
    }
