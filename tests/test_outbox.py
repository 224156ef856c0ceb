"""The outbox's order: whatever answers someone now goes before the check-ins queued."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlmodel import select

from scheduler.checkins.dispatch import TickReport, queue_due_checkins, run_once
from scheduler.context import AppContext
from scheduler.db import session_scope
from scheduler.messaging.fake_phone import inbound_params
from scheduler.messaging.gateway import SmsRejected, SmsTransientError
from scheduler.messaging.models import OutboundMessage
from scheduler.messaging.outbox import claim_messages
from scheduler.messaging.webhooks import handle_inbound
from scheduler.sessions.schemas import parse_session
from scheduler.sessions.service import register_sessions
from tests.helpers import T0, FakeGateway, hours, session_payload

pytestmark = pytest.mark.parametrize("backend", ["sqlite", "postgresql"], indirect=True)


def test_an_alert_and_its_answer_go_before_a_morning_of_checkins(ctx: AppContext) -> None:
    batch = [parse_session(session_payload(f"+1555{7300000 + i:07d}")) for i in range(40)]
    with session_scope(ctx.engine) as db:
        register_sessions(db, batch, settings=ctx.settings, now=T0, source="api", actor="t")
    now = T0 + hours(24)
    ctx.clock.set(now)  # type: ignore[attr-defined]
    with session_scope(ctx.engine) as db:
        queue_due_checkins(db, settings=ctx.settings, texts=ctx.texts, now=now,
                           report=TickReport())
    params = inbound_params(ctx.settings, from_number="+15557300007",
                            body="I can't breathe and my chest is crushing")
    handle_inbound(ctx, params)  # the 40 check-ins were queued first
    claimed = claim_messages(ctx.engine, now=now + timedelta(seconds=1), worker="w",
                             lease=timedelta(seconds=60), limit=2)
    with session_scope(ctx.engine) as db:
        purposes = [db.get(OutboundMessage, c.id).purpose for c in claimed]  # type: ignore[union-attr]
        queued = len(db.exec(select(OutboundMessage.id)).all())
    assert queued == 42
    assert purposes == ["alert", "auto_reply"]


PATIENT, PRACTITIONER = "+15551234567", "+15550100001"


def flagged_emergency(ctx: AppContext) -> None:
    with session_scope(ctx.engine) as db:
        register_sessions(db, [parse_session(session_payload(PATIENT))], settings=ctx.settings,
                          now=T0, source="api", actor="t")
    handle_inbound(ctx, inbound_params(ctx.settings, from_number=PATIENT,
                                       body="crushing chest pain, cannot breathe"))


def test_an_alert_and_its_answer_outlast_an_outage_longer_than_max_attempts(
    ctx: AppContext, gateway: FakeGateway
) -> None:
    flagged_emergency(ctx)
    gateway.failures = [SmsTransientError("Twilio 500", code=20500)] * 14  # 7 tries each
    now = T0
    for _ in range(20):
        run_once(ctx, now=now)
        now += timedelta(minutes=6)
    alerts = gateway.to(PRACTITIONER)  # the first alert, and the escalation after 15 min
    assert any(not body.startswith("STILL UNACKNOWLEDGED") for body in alerts)
    assert any("Call 911" in body for body in gateway.to(PATIENT))


def test_an_alert_held_by_an_account_error_goes_once_the_account_is_fixed(
    ctx: AppContext, gateway: FakeGateway
) -> None:
    flagged_emergency(ctx)
    gateway.failures = [SmsRejected("Authenticate", code=20003, configuration=True)] * 2
    run_once(ctx, now=T0)
    with session_scope(ctx.engine) as db:
        held = db.exec(select(OutboundMessage.status)).all()
    assert held == ["pending", "pending"]  # not failed: waiting for the account
    run_once(ctx, now=T0 + timedelta(minutes=6))
    assert len(gateway.to(PRACTITIONER)) == 1 and "Call 911" in gateway.to(PATIENT)[0]
