"""An emergency nobody acknowledges is escalated once: practitioner again, and on-call."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest

from scheduler.checkins.dispatch import run_once
from scheduler.config import Settings
from scheduler.context import AppContext
from scheduler.db import session_scope
from scheduler.flags.service import acknowledge_flag
from scheduler.staff.accounts import get_user
from tests.helpers import (
    T0,
    FakeGateway,
    LiveServer,
    add_practitioner,
    add_token,
    make_context,
    make_settings,
    session_payload,
    wait_until,
)

PATIENT, PRACTITIONER, ON_CALL = "+15551234567", "+15550100001", "+15550100077"


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return make_settings(
        tmp_path, clinic={"on_call_phone": ON_CALL}, alerts={"escalate_after_minutes": 15}
    )


@pytest.fixture
def ctx(settings: Settings, gateway: FakeGateway) -> AppContext:
    context = make_context(settings, gateway=gateway)
    add_practitioner(context.engine)
    return context


def report(server: LiveServer, text: str) -> None:
    token = add_token(server.ctx.engine)
    with server.client(headers={"Authorization": f"Bearer {token}"}) as api:
        api.post("/api/sessions", json=session_payload(PATIENT))
    server.text_in(PATIENT, text)
    wait_until(lambda: len(server.ctx.gateway.to(PATIENT)) >= 1)  # type: ignore[attr-defined]


def test_unacknowledged_emergency_is_escalated_once(
    server: LiveServer, ctx: AppContext, gateway: FakeGateway
) -> None:
    report(server, "I blacked out for a minute")
    assert len(gateway.to(PRACTITIONER)) == 1
    run_once(ctx, now=T0 + timedelta(minutes=14))
    assert gateway.to(ON_CALL) == []
    run_once(ctx, now=T0 + timedelta(minutes=16))
    run_once(ctx, now=T0 + timedelta(minutes=30))
    assert (
        len(gateway.to(PRACTITIONER)) == 2 and "STILL UNACKNOWLEDGED" in gateway.to(PRACTITIONER)[1]
    )
    assert len(gateway.to(ON_CALL)) == 1 and "/staff/flags/1" in gateway.to(ON_CALL)[0]


def test_acknowledged_emergency_is_not_escalated(
    server: LiveServer, ctx: AppContext, gateway: FakeGateway
) -> None:
    report(server, "chest pain")
    with session_scope(ctx.engine) as db:
        acknowledge_flag(db, 1, actor=get_user(db, "drlin"), now=T0 + timedelta(minutes=5))
    run_once(ctx, now=T0 + timedelta(minutes=20))
    assert gateway.to(ON_CALL) == [] and len(gateway.to(PRACTITIONER)) == 1


def test_complications_are_not_escalated_by_text(
    server: LiveServer, ctx: AppContext, gateway: FakeGateway
) -> None:
    report(server, "big bruise")
    run_once(ctx, now=T0 + timedelta(minutes=60))
    assert gateway.to(ON_CALL) == [] and len(gateway.to(PRACTITIONER)) == 1
