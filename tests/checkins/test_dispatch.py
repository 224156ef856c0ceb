"""The dispatcher tick: what goes out when, and what happens on failure."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from sqlmodel import select

from scheduler.checkins.dispatch import run_once
from scheduler.checkins.models import CheckIn
from scheduler.context import AppContext
from scheduler.db import session_scope
from scheduler.messaging.gateway import SmsRejected, SmsTransientError
from scheduler.messaging.models import OutboundMessage
from scheduler.sessions.consent import find_patient_by_phone, record_opt_out
from scheduler.sessions.schemas import parse_session
from scheduler.sessions.service import register_session
from tests.helpers import T0, FakeGateway, hours, session_payload

PHONE = "+15551234567"

pytestmark = pytest.mark.parametrize("backend", ["sqlite", "postgresql"], indirect=True)


def register(ctx: AppContext, ended_at: datetime = T0, phone: str = PHONE) -> int:
    with session_scope(ctx.engine) as db:
        data = parse_session(session_payload(phone, ended_at=ended_at.isoformat()))
        return register_session(
            db, data, settings=ctx.settings, now=ended_at, source="api", actor="test"
        ).id  # type: ignore[return-value]


def test_the_checkin_greets_the_patient_by_the_name_they_use(
    ctx: AppContext, gateway: FakeGateway
) -> None:
    for phone, name in (("+15551234501", "Smith, John"), ("+15551234502", "Dr. Jane Roe")):
        payload = session_payload(phone, ended_at=T0.isoformat())
        payload["patient"]["name"] = name
        with session_scope(ctx.engine) as db:
            register_session(db, parse_session(payload), settings=ctx.settings, now=T0,
                             source="api", actor="test")
    run_once(ctx, now=T0 + hours(24))
    assert gateway.to("+15551234501")[0].startswith("Hi John, this is")
    assert gateway.to("+15551234502")[0].startswith("Hi Jane, this is")


def statuses(ctx: AppContext, session_id: int) -> dict[str, tuple[str, str | None]]:
    with session_scope(ctx.engine) as db:
        rows = db.exec(select(CheckIn).where(CheckIn.session_id == session_id)).all()
        return {c.kind: (c.status, c.reason) for c in rows}


def test_nothing_goes_before_24h(ctx: AppContext, gateway: FakeGateway) -> None:
    sid = register(ctx)
    run_once(ctx, now=T0 + hours(23.9))
    assert gateway.sent == []
    assert statuses(ctx, sid)["24h"] == ("pending", None)


def test_24h_then_48h_checkins_go_out_once_each(ctx: AppContext, gateway: FakeGateway) -> None:
    sid = register(ctx)
    run_once(ctx, now=T0 + hours(24))
    run_once(ctx, now=T0 + hours(24.1))  # a second tick sends nothing again
    assert len(gateway.to(PHONE)) == 1
    assert "a day after" in gateway.to(PHONE)[0]
    run_once(ctx, now=T0 + hours(48))
    assert len(gateway.to(PHONE)) == 2
    assert statuses(ctx, sid) == {"24h": ("sent", None), "48h": ("sent", None)}


def test_checkin_text_carries_no_treated_area(ctx: AppContext, gateway: FakeGateway) -> None:
    register(ctx)
    run_once(ctx, now=T0 + hours(24))
    assert "back" not in gateway.to(PHONE)[0].lower()
    assert gateway.sent[0].status_callback == "http://testserver.local/webhooks/twilio/status?m=1"


def test_when_both_are_overdue_only_the_48h_goes(ctx: AppContext, gateway: FakeGateway) -> None:
    sid = register(ctx)
    run_once(ctx, now=T0 + hours(48.5))
    assert len(gateway.to(PHONE)) == 1
    assert "Two days" in gateway.to(PHONE)[0]
    assert statuses(ctx, sid)["24h"] == ("cancelled", "expired")


def test_a_checkin_past_its_expiry_is_never_sent_late(
    ctx: AppContext, gateway: FakeGateway
) -> None:
    sid = register(ctx)
    # The 24 h check-in was due at 15:00 local on the 25th and expires 16 h later.
    run_once(ctx, now=T0 + hours(24 + 17))
    assert statuses(ctx, sid)["24h"] == ("cancelled", "expired")
    assert gateway.sent == []


def test_overdue_checkin_outside_window_waits_for_the_morning(
    ctx: AppContext, gateway: FakeGateway
) -> None:
    # Session ended 19:30 local: 24 h check-in due 19:30 next day. The service was down
    # until 21:00 (outside the window): it goes at 08:00 the day after, within its expiry.
    ended = datetime.fromisoformat("2026-11-24T19:30:00-05:00")
    sid = register(ctx, ended_at=ended)
    run_once(ctx, now=ended + hours(25.5))
    assert gateway.sent == []
    assert statuses(ctx, sid)["24h"] == ("pending", None)
    run_once(ctx, now=datetime.fromisoformat("2026-11-26T08:00:00-05:00"))
    assert len(gateway.to(PHONE)) == 1


def test_nothing_goes_to_an_opted_out_patient(ctx: AppContext, gateway: FakeGateway) -> None:
    sid = register(ctx)
    with session_scope(ctx.engine) as db:
        patient = find_patient_by_phone(db, PHONE)
        assert patient is not None
        record_opt_out(db, patient, now=T0 + hours(1), source="test")
    run_once(ctx, now=T0 + hours(48))
    assert gateway.sent == []
    assert statuses(ctx, sid)["24h"] == ("cancelled", "opted_out")


def test_transient_errors_are_retried_with_backoff(ctx: AppContext, gateway: FakeGateway) -> None:
    sid = register(ctx)
    gateway.failures = [SmsTransientError("503 from provider", code=20503)] * 2
    now = T0 + hours(24)
    run_once(ctx, now=now)
    assert statuses(ctx, sid)["24h"] == ("sending", None)
    for _ in range(4):  # backoff is at most 30 s, 60 s, ...: a few ticks minutes apart
        now += timedelta(minutes=5)
        run_once(ctx, now=now)
    assert len(gateway.to(PHONE)) == 1
    assert statuses(ctx, sid)["24h"] == ("sent", None)
    with session_scope(ctx.engine) as db:
        message = db.exec(select(OutboundMessage)).one()
        assert message.attempts == 3


def test_after_max_attempts_the_checkin_fails_visibly(
    ctx: AppContext, gateway: FakeGateway
) -> None:
    sid = register(ctx)
    gateway.failures = [SmsTransientError("timeout")] * 10
    now = T0 + hours(24)
    for _ in range(8):
        run_once(ctx, now=now)
        now += timedelta(minutes=30)
    status, reason = statuses(ctx, sid)["24h"]
    assert status == "failed"
    assert reason and "couldn't reach this patient" in reason and "5 attempts" in reason


def test_a_rejected_number_fails_at_once(ctx: AppContext, gateway: FakeGateway) -> None:
    sid = register(ctx)
    gateway.failures = [SmsRejected("invalid To number", code=21211)]
    run_once(ctx, now=T0 + hours(24))
    assert statuses(ctx, sid)["24h"][0] == "failed"


def test_provider_opt_out_error_records_the_opt_out(ctx: AppContext, gateway: FakeGateway) -> None:
    sid = register(ctx)
    gateway.failures = [SmsRejected("unsubscribed", code=21610, opted_out=True)]
    run_once(ctx, now=T0 + hours(24))
    with session_scope(ctx.engine) as db:
        patient = find_patient_by_phone(db, PHONE)
        assert patient is not None and patient.opted_out_at is not None
    assert statuses(ctx, sid)["48h"] == ("cancelled", "opted_out")
