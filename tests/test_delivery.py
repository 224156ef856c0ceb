"""Carrier delivery reports: 30003 is retried once later; other failures go to staff."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlmodel import select

from scheduler.checkins.dispatch import run_once
from scheduler.context import AppContext
from scheduler.db import session_scope
from scheduler.messaging.delivery import check_open_deliveries, record_delivery_status
from scheduler.messaging.gateway import SmsTransientError
from scheduler.messaging.models import OutboundMessage
from scheduler.sessions.schemas import parse_session
from scheduler.sessions.service import checkins_of, register_session
from scheduler.staff import queries
from scheduler.staff.accounts import get_user
from tests.helpers import T0, FakeGateway, hours, session_payload

PATIENT = "+15551234567"

pytestmark = pytest.mark.parametrize("backend", ["sqlite", "postgresql"], indirect=True)


@pytest.fixture
def sent_checkin(ctx: AppContext, gateway: FakeGateway) -> str:
    with session_scope(ctx.engine) as db:
        register_session(
            db,
            parse_session(session_payload(PATIENT)),
            settings=ctx.settings,
            now=T0,
            source="api",
            actor="t",
        )
    run_once(ctx, now=T0 + hours(24))
    return f"SM{gateway.counter:032d}"


def report(ctx: AppContext, sid: str, status: str, code: str = "", at: float = 24.1) -> None:
    with session_scope(ctx.engine) as db:
        record_delivery_status(
            db, {"MessageSid": sid, "MessageStatus": status, "ErrorCode": code}, now=T0 + hours(at)
        )


def test_unreachable_handset_is_resent_once_later(
    ctx: AppContext, gateway: FakeGateway, sent_checkin: str
) -> None:
    report(ctx, sent_checkin, "undelivered", "30003")
    run_once(ctx, now=T0 + hours(24.2))
    assert len(gateway.to(PATIENT)) == 1  # not yet: the phone may come back on
    run_once(ctx, now=T0 + hours(24.1) + timedelta(minutes=31))
    assert len(gateway.to(PATIENT)) == 2
    second = f"SM{gateway.counter:032d}"
    report(ctx, second, "undelivered", "30003", at=25)
    run_once(ctx, now=T0 + hours(27))
    assert len(gateway.to(PATIENT)) == 2  # once only
    with session_scope(ctx.engine) as db:
        listed = queries.couldnt_reach(db, get_user(db, "drlin"))
    assert any("not delivered" in u.what for u in listed)


def test_a_resend_waiting_for_the_phone_says_so(
    ctx: AppContext, gateway: FakeGateway, sent_checkin: str
) -> None:
    report(ctx, sent_checkin, "undelivered", "30003")
    with session_scope(ctx.engine) as db:
        [first, _] = checkins_of(db, 1)
    assert first.status == "sending"
    assert first.reason == "phone unreachable; sending again after 2026-11-25 20:36 UTC"
    run_once(ctx, now=T0 + hours(24.1) + timedelta(minutes=31))
    with session_scope(ctx.engine) as db:
        [first, _] = checkins_of(db, 1)
    assert (first.status, first.reason) == ("sent", None)


@pytest.mark.parametrize("code", ["30004", "30005", "30006", "30007", "30008"])
def test_other_carrier_errors_are_shown_to_staff_not_retried(
    ctx: AppContext, gateway: FakeGateway, sent_checkin: str, code: str
) -> None:
    report(ctx, sent_checkin, "undelivered" if code != "30008" else "failed", code)
    run_once(ctx, now=T0 + hours(26))
    assert len(gateway.to(PATIENT)) == 1
    with session_scope(ctx.engine) as db:
        listed = queries.couldnt_reach(db, get_user(db, "drlin"))
        assert db.exec(select(OutboundMessage.error_code)).one() == int(code)
    assert [u.what for u in listed] == [f"check-in text not delivered: carrier error {code}"]


def test_a_late_sent_callback_does_not_undo_delivered(ctx: AppContext, sent_checkin: str) -> None:
    report(ctx, sent_checkin, "delivered")
    report(ctx, sent_checkin, "sent")
    report(ctx, sent_checkin, "failed", "30008")
    with session_scope(ctx.engine) as db:
        assert db.exec(select(OutboundMessage.delivery_status)).one() == "delivered"


SENT_AT = T0 + hours(24)


def asked(gateway: FakeGateway) -> list[str]:
    """Record every fetch_status call the delivery check makes."""
    calls: list[str] = []
    original = gateway.fetch_status

    def fetch(sid: str) -> tuple[str, int | None]:
        calls.append(sid)
        return original(sid)

    gateway.fetch_status = fetch  # type: ignore[method-assign]
    return calls


def text_of(ctx: AppContext, sid: str) -> OutboundMessage:
    with session_scope(ctx.engine) as db:
        return db.exec(select(OutboundMessage).where(OutboundMessage.sid == sid)).one()


def test_a_lost_callback_is_replaced_by_asking_the_provider(
    ctx: AppContext, gateway: FakeGateway, sent_checkin: str
) -> None:
    calls = asked(gateway)
    gateway.statuses[sent_checkin] = ("undelivered", 30006)  # a landline: callback lost
    assert check_open_deliveries(ctx.engine, gateway, now=SENT_AT + timedelta(minutes=10)) == 0
    assert calls == []  # a callback may still come
    assert check_open_deliveries(ctx.engine, gateway, now=SENT_AT + timedelta(minutes=16)) == 1
    text = text_of(ctx, sent_checkin)
    assert (text.delivery_status, text.error_code) == ("undelivered", 30006)
    with session_scope(ctx.engine) as db:
        listed = queries.couldnt_reach(db, get_user(db, "drlin"))
    assert any("not delivered" in u.what for u in listed)
    check_open_deliveries(ctx.engine, gateway, now=SENT_AT + hours(5))
    assert calls == [sent_checkin]  # final: never asked again


def test_an_unreachable_handset_found_this_way_is_resent_once(
    ctx: AppContext, gateway: FakeGateway, sent_checkin: str
) -> None:
    gateway.statuses[sent_checkin] = ("undelivered", 30003)
    check_open_deliveries(ctx.engine, gateway, now=SENT_AT + timedelta(minutes=16))
    run_once(ctx, now=SENT_AT + timedelta(minutes=47))
    assert len(gateway.to(PATIENT)) == 2


def test_a_text_still_on_its_way_is_asked_about_hourly_and_not_after_three_days(
    ctx: AppContext, gateway: FakeGateway, sent_checkin: str
) -> None:
    calls = asked(gateway)
    gateway.statuses[sent_checkin] = ("sent", None)  # the carrier has not confirmed yet
    gateway.lookup_failures.append(SmsTransientError("Twilio 503"))
    for minutes in (16, 30, 50, 77, 80):
        check_open_deliveries(ctx.engine, gateway, now=SENT_AT + timedelta(minutes=minutes))
    assert len(calls) == 2  # at 16 (failed: Twilio down) and 77 (an hour later), not between
    check_open_deliveries(ctx.engine, gateway, now=SENT_AT + timedelta(days=3, minutes=1))
    assert len(calls) == 2


def test_a_text_whose_callback_came_is_never_asked_about(
    ctx: AppContext, gateway: FakeGateway, sent_checkin: str
) -> None:
    calls = asked(gateway)
    report(ctx, sent_checkin, "delivered")
    check_open_deliveries(ctx.engine, gateway, now=SENT_AT + hours(2))
    assert calls == []


def test_a_patient_who_opted_out_is_not_listed_as_unreached(
    ctx: AppContext, gateway: FakeGateway, sent_checkin: str
) -> None:
    from scheduler.sessions.consent import find_patient_by_phone, record_opt_out

    with session_scope(ctx.engine) as db:
        patient = find_patient_by_phone(db, PATIENT)
        assert patient is not None
        record_opt_out(db, patient, now=T0 + hours(25), source="sms:STOP")
    run_once(ctx, now=T0 + hours(48))
    with session_scope(ctx.engine) as db:
        listed = queries.couldnt_reach(db, get_user(db, "drlin"))
    assert listed == []  # their wish, not a failure: the patient's timeline shows it
