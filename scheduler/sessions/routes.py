"""JSON API for registering and reading sessions (bearer token)."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Body
from fastapi.responses import JSONResponse
from sqlmodel import Session

from scheduler.deps import ApiCaller, Ctx, Db
from scheduler.messaging.models import OutboundMessage
from scheduler.sessions.models import Patient, TreatmentSession
from scheduler.sessions.schemas import parse_session
from scheduler.sessions.service import checkins_of, get_session, register_session
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
