"""/healthz: is the database reachable, is the scheduler alive, how old is the last tick."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse
from sqlalchemy import text
from starlette.concurrency import run_in_threadpool

router = APIRouter(include_in_schema=False)


@router.get("/healthz")
async def healthz(request: Request) -> JSONResponse:
    ctx = request.app.state.ctx
    scheduler = getattr(request.app.state, "scheduler", None)
    body: dict[str, Any] = {"database": "ok", "scheduler": "off"}
    status = 200
    try:
        await run_in_threadpool(ping, ctx.engine)
    except Exception as exc:  # any failure here means "not healthy", reported as such
        body["database"], status = f"error: {type(exc).__name__}", 503
    if scheduler is not None:
        body["scheduler"] = "running" if scheduler.running else "stopped"
        status = status if scheduler.running else 503
    if ctx.last_tick_at is not None:
        body["last_dispatch_age_seconds"] = round(
            (ctx.clock.now() - ctx.last_tick_at).total_seconds(), 1
        )
    return JSONResponse(body, status_code=status)


def ping(engine: Any) -> None:
    with engine.connect() as conn:
        conn.execute(text("SELECT 1"))
