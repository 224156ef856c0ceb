"""A gateway failing 30% of calls, and a clock that jumps: on PostgreSQL and SQLite,
every check-in ends sent exactly once or visibly failed; nothing is sent late or twice."""

from __future__ import annotations

import random
from collections import Counter
from datetime import timedelta

import pytest
from sqlmodel import select

from scheduler.checkins.dispatch import run_once
from scheduler.checkins.models import CheckIn
from scheduler.context import AppContext
from scheduler.db import session_scope
from scheduler.messaging.gateway import OutgoingSms, SentSms, SmsTransientError
from scheduler.sessions.schemas import parse_session
from scheduler.sessions.service import register_session
from tests.helpers import T0, FakeGateway, hours, session_payload

pytestmark = pytest.mark.parametrize("backend", ["sqlite", "postgresql"], indirect=True)
PATIENTS = [f"+1555{7300000 + i:07d}" for i in range(40)]


class FlakyGateway(FakeGateway):
    def __init__(self, failure_rate: float, seed: int = 7) -> None:
        super().__init__()
        self.random, self.failure_rate = random.Random(seed), failure_rate

    def send(self, sms: OutgoingSms) -> SentSms:
        if self.random.random() < self.failure_rate:
            raise SmsTransientError("503 from provider", code=503)
        return super().send(sms)


@pytest.fixture
def gateway() -> FakeGateway:
    return FlakyGateway(0.3)


def register_all(ctx: AppContext) -> None:
    with session_scope(ctx.engine) as db:
        for phone in PATIENTS:
            register_session(
                db,
                parse_session(session_payload(phone, ended_at=T0.isoformat())),
                settings=ctx.settings,
                now=T0,
                source="api",
                actor="t",
            )


def final_statuses(ctx: AppContext) -> Counter[str]:
    with session_scope(ctx.engine) as db:
        return Counter(c.status for c in db.exec(select(CheckIn).where(CheckIn.kind == "24h")))


def test_a_gateway_failing_30_percent_loses_nothing(ctx: AppContext, gateway: FakeGateway) -> None:
    register_all(ctx)
    now = T0 + hours(24)
    for _ in range(40):
        run_once(ctx, now=now)
        now += timedelta(minutes=5)
    statuses = final_statuses(ctx)
    sent_to = Counter(s.to for s in gateway.sent)
    assert statuses["sending"] == 0 and statuses["pending"] == 0  # nothing stuck
    assert statuses["sent"] + statuses["failed"] == len(PATIENTS)
    assert statuses["sent"] == len(sent_to) and max(sent_to.values()) == 1  # exactly once
    assert statuses["sent"] >= len(PATIENTS) - 2  # with 5 attempts, nearly all get through


def test_a_clock_jump_never_sends_late_or_twice(ctx: AppContext) -> None:
    ctx.gateway = FakeGateway()
    register_all(ctx)
    run_once(ctx, now=T0 + hours(24))  # the 24 h check-ins go
    run_once(ctx, now=T0 + hours(23))  # the clock jumps back an hour: nothing new
    run_once(ctx, now=T0 + hours(24.5))
    assert len(ctx.gateway.sent) == len(PATIENTS)  # type: ignore[attr-defined]
    run_once(ctx, now=T0 + hours(24 + 72))  # then three days ahead: the 48 h ones are stale
    assert len(ctx.gateway.sent) == len(PATIENTS)  # type: ignore[attr-defined]
    with session_scope(ctx.engine) as db:
        late = db.exec(select(CheckIn).where(CheckIn.kind == "48h")).all()
        assert {(c.status, c.reason) for c in late} == {("cancelled", "expired")}
