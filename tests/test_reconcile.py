"""Texts whose send outcome is unknown are looked up at the provider before any resend."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta

import pytest
from sqlmodel import select

from scheduler.checkins.dispatch import run_once
from scheduler.checkins.models import CheckIn
from scheduler.context import AppContext
from scheduler.db import session_scope
from scheduler.messaging.delivery import record_delivery_status
from scheduler.messaging.gateway import OutgoingSms, SentSms, SmsTransientError
from scheduler.messaging.models import OutboundMessage
from scheduler.messaging.outbox import enqueue_message
from scheduler.messaging.sending import SETTLE_DELAY
from scheduler.sessions.schemas import parse_session
from scheduler.sessions.service import register_session
from tests.helpers import T0, FakeGateway, hours, session_payload

PHONE = "+15551234567"
DUE = T0 + hours(24)
LEASE = timedelta(seconds=60)  # make_settings' dispatch.lease_seconds

pytestmark = pytest.mark.parametrize("backend", ["sqlite", "postgresql"], indirect=True)


class WorkerDied(BaseException):
    """Stands in for SIGKILL: nothing after it in the worker runs, no handler catches it."""


def register(ctx: AppContext) -> None:
    with session_scope(ctx.engine) as db:
        data = parse_session(session_payload(PHONE, ended_at=T0.isoformat()))
        register_session(db, data, settings=ctx.settings, now=T0, source="api", actor="test")


def dies(gateway: FakeGateway, *, after_accepting: bool) -> Callable[[OutgoingSms], SentSms]:
    original = gateway.send

    def send(sms: OutgoingSms) -> SentSms:
        if after_accepting:
            original(sms)  # the provider has it; the worker never records the answer
        raise WorkerDied

    return send


def tick_dying(ctx: AppContext, gateway: FakeGateway, *, after_accepting: bool) -> None:
    original = gateway.send
    gateway.send = dies(gateway, after_accepting=after_accepting)  # type: ignore[method-assign]
    with pytest.raises(WorkerDied):
        run_once(ctx, now=DUE)
    gateway.send = original  # type: ignore[method-assign]


def checkin_texts(ctx: AppContext) -> list[OutboundMessage]:
    with session_scope(ctx.engine) as db:
        return list(db.exec(select(OutboundMessage).where(OutboundMessage.purpose == "checkin")))


def checkin_24h(ctx: AppContext) -> CheckIn:
    with session_scope(ctx.engine) as db:
        return db.exec(select(CheckIn).where(CheckIn.kind == "24h")).one()


def test_a_text_the_dead_worker_never_handed_over_is_sent_after_the_lease(
    ctx: AppContext, gateway: FakeGateway
) -> None:
    register(ctx)
    tick_dying(ctx, gateway, after_accepting=False)
    run_once(ctx, now=DUE + LEASE / 2)  # the lease still holds: nobody touches it
    assert gateway.sent == []
    assert [m.status for m in checkin_texts(ctx)] == ["sending"]  # visible meanwhile
    report = run_once(ctx, now=DUE + LEASE + timedelta(seconds=1))
    assert report.settled is not None and report.settled.requeued == 1
    assert len(gateway.to(PHONE)) == 1
    assert checkin_24h(ctx).status == "sent"


def test_a_text_the_provider_accepted_before_the_worker_died_is_adopted_not_resent(
    ctx: AppContext, gateway: FakeGateway
) -> None:
    register(ctx)
    tick_dying(ctx, gateway, after_accepting=True)
    report = run_once(ctx, now=DUE + LEASE + timedelta(seconds=1))
    assert report.settled is not None and report.settled.adopted == 1
    assert len(gateway.to(PHONE)) == 1  # never twice
    [text] = checkin_texts(ctx)
    assert (text.status, text.sid) == ("sent", gateway.sids[0])
    assert checkin_24h(ctx).status == "sent"


def test_a_timeout_is_looked_up_before_a_resend(ctx: AppContext, gateway: FakeGateway) -> None:
    register(ctx)
    original = gateway.send

    def accepted_then_timed_out(sms: OutgoingSms) -> SentSms:
        original(sms)
        raise SmsTransientError("no answer in time", maybe_accepted=True)

    gateway.send = accepted_then_timed_out  # type: ignore[method-assign]
    report = run_once(ctx, now=DUE)
    gateway.send = original  # type: ignore[method-assign]
    assert report.sending is not None and report.sending.unsettled == 1
    run_once(ctx, now=DUE + SETTLE_DELAY + timedelta(seconds=1))
    assert len(gateway.to(PHONE)) == 1
    assert [(m.status, m.sid) for m in checkin_texts(ctx)] == [("sent", gateway.sids[0])]


def test_a_timeout_the_provider_never_saw_is_resent(ctx: AppContext, gateway: FakeGateway) -> None:
    register(ctx)
    gateway.failures.append(SmsTransientError("no answer in time", maybe_accepted=True))
    run_once(ctx, now=DUE)
    assert gateway.sent == []
    run_once(ctx, now=DUE + SETTLE_DELAY / 2)  # too soon to ask
    assert gateway.sent == []
    run_once(ctx, now=DUE + SETTLE_DELAY + timedelta(seconds=1))
    assert len(gateway.to(PHONE)) == 1
    assert checkin_24h(ctx).status == "sent"


def test_nothing_is_resent_while_the_provider_cannot_be_asked(
    ctx: AppContext, gateway: FakeGateway
) -> None:
    register(ctx)
    tick_dying(ctx, gateway, after_accepting=True)
    gateway.lookup_failures.append(SmsTransientError("Twilio 503"))
    now = DUE + LEASE + timedelta(seconds=1)
    report = run_once(ctx, now=now)
    assert report.settled is not None and report.settled.unresolved == 1
    run_once(ctx, now=now + LEASE / 2)  # asked again only when the settle lease ends
    assert len(gateway.to(PHONE)) == 1
    assert [m.status for m in checkin_texts(ctx)] == ["sending"]
    run_once(ctx, now=now + LEASE + timedelta(seconds=1))
    assert len(gateway.to(PHONE)) == 1
    assert [m.status for m in checkin_texts(ctx)] == ["sent"]


def queue_same_text_twice(ctx: AppContext) -> None:
    with session_scope(ctx.engine) as db:
        for _ in range(2):
            enqueue_message(db, to=PHONE, body="Same words", purpose="answer", now=DUE)


def recorded_sids(ctx: AppContext) -> list[str | None]:
    with session_scope(ctx.engine) as db:
        return sorted(m.sid or "" for m in db.exec(select(OutboundMessage)))  # type: ignore[misc]


def test_a_lost_text_never_adopts_the_sid_of_a_recorded_twin(
    ctx: AppContext, gateway: FakeGateway
) -> None:
    queue_same_text_twice(ctx)
    original = gateway.send

    def second_accepted_then_died(sms: OutgoingSms) -> SentSms:
        sent = original(sms)
        if len(gateway.sent) == 2:
            raise WorkerDied
        return sent

    gateway.send = second_accepted_then_died  # type: ignore[method-assign]
    with pytest.raises(WorkerDied):
        run_once(ctx, now=DUE)
    gateway.send = original  # type: ignore[method-assign]
    report = run_once(ctx, now=DUE + LEASE + timedelta(seconds=1))
    assert report.settled is not None and report.settled.adopted == 1
    assert gateway.to(PHONE) == ["Same words", "Same words"]  # nothing a third time
    assert recorded_sids(ctx) == sorted(gateway.sids)


def test_two_lost_twins_take_one_provider_message_each(
    ctx: AppContext, gateway: FakeGateway
) -> None:
    queue_same_text_twice(ctx)
    with session_scope(ctx.engine) as db:  # both handed over; neither recorded
        for text in db.exec(select(OutboundMessage)):
            gateway.send(OutgoingSms(text.to, text.body))
            text.status, text.lease_owner, text.lease_until = "sending", "dead:1", DUE
            db.add(text)
    report = run_once(ctx, now=DUE + timedelta(seconds=1))
    assert report.settled is not None and report.settled.adopted == 2
    assert len(gateway.sent) == 2
    assert recorded_sids(ctx) == sorted(gateway.sids)


def test_a_status_callback_settles_it_first(ctx: AppContext, gateway: FakeGateway) -> None:
    register(ctx)
    tick_dying(ctx, gateway, after_accepting=True)
    [text] = checkin_texts(ctx)
    params = {"MessageSid": gateway.sids[0], "MessageStatus": "delivered"}
    with session_scope(ctx.engine) as db:
        assert record_delivery_status(db, params, now=DUE, message_id=text.id)
    report = run_once(ctx, now=DUE + LEASE + timedelta(seconds=1))
    assert report.settled is not None and report.settled.total == 0
    assert len(gateway.to(PHONE)) == 1
    assert checkin_24h(ctx).status == "sent"


def test_a_text_that_keeps_killing_its_worker_ends_failed_and_visible(
    ctx: AppContext, gateway: FakeGateway
) -> None:
    register(ctx)
    now: datetime = DUE
    for _ in range(ctx.settings.sms.max_attempts):
        original = gateway.send
        gateway.send = dies(gateway, after_accepting=False)  # type: ignore[method-assign]
        try:
            run_once(ctx, now=now)
        except WorkerDied:
            pass
        gateway.send = original  # type: ignore[method-assign]
        now += LEASE + timedelta(seconds=1)
    run_once(ctx, now=now)
    [text] = checkin_texts(ctx)
    assert text.status == "failed" and "gave up" in (text.error or "")
    assert checkin_24h(ctx).status == "failed"
    assert gateway.sent == []


def test_a_sender_told_to_stop_hands_back_what_it_had_not_sent(
    ctx: AppContext, gateway: FakeGateway
) -> None:
    with session_scope(ctx.engine) as db:
        for i in range(5):
            enqueue_message(db, to=PHONE, body=f"text {i}", purpose="answer", now=DUE)
    original = gateway.send

    def send_then_shutdown_after_two(sms: OutgoingSms) -> SentSms:
        sent = original(sms)
        if len(gateway.sent) == 2:
            ctx.stopping.set()  # SIGTERM arrives while the second text is in hand
        return sent

    gateway.send = send_then_shutdown_after_two  # type: ignore[method-assign]
    report = run_once(ctx, now=DUE)
    assert report.sending is not None and report.sending.sent == 2
    with session_scope(ctx.engine) as db:
        texts = db.exec(select(OutboundMessage).order_by(OutboundMessage.id)).all()  # type: ignore[arg-type]
    assert [m.status for m in texts] == ["sent", "sent", "pending", "pending", "pending"]
    assert {m.lease_owner for m in texts} == {None}
    gateway.send = original  # type: ignore[method-assign]
    ctx.stopping.clear()  # another process, or this one restarted: no lease to wait out
    run_once(ctx, now=DUE + timedelta(seconds=1))
    assert gateway.to(PHONE) == [f"text {i}" for i in range(5)]
