"""Who hears of a flag, and what the patient is told about it: only what is true."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from sqlmodel import select

from scheduler.checkins.dispatch import run_once
from scheduler.context import AppContext
from scheduler.db import session_scope
from scheduler.messaging.signature import sign
from scheduler.staff.accounts import set_active
from scheduler.staff.models import AuditEntry
from tests.helpers import (
    AUTH_TOKEN,
    T0,
    FakeGateway,
    LiveServer,
    add_practitioner,
    add_token,
    hours,
    login,
    make_context,
    make_settings,
    session_payload,
    wait_until,
)

PATIENT, PRACTITIONER, ON_CALL = "+15551234567", "+15550100001", "+15550100077"


def clinic(tmp_path: Path, gateway: FakeGateway, *, on_call: str, practitioner_phone: str,
           ) -> Iterator[LiveServer]:
    settings = make_settings(
        tmp_path, clinic={"on_call_phone": on_call}, alerts={"escalate_after_minutes": 15}
    )
    ctx = make_context(settings, gateway=gateway)
    add_practitioner(ctx.engine, phone=practitioner_phone)
    add_practitioner(ctx.engine, username="frontdesk", phone="", role="staff")
    live = LiveServer(ctx).start()
    yield live
    live.stop()


@pytest.fixture
def with_on_call(tmp_path: Path, gateway: FakeGateway) -> Iterator[LiveServer]:
    yield from clinic(tmp_path, gateway, on_call=ON_CALL, practitioner_phone=PRACTITIONER)


@pytest.fixture
def nobody_to_text(tmp_path: Path, gateway: FakeGateway) -> Iterator[LiveServer]:
    yield from clinic(tmp_path, gateway, on_call="", practitioner_phone="")


def registered(server: LiveServer) -> None:
    token = add_token(server.ctx.engine)
    with server.client(headers={"Authorization": f"Bearer {token}"}) as api:
        assert api.post("/api/sessions", json=session_payload(PATIENT)).status_code == 201


def answer_to(server: LiveServer, gateway: FakeGateway, text: str) -> str:
    server.text_in(PATIENT, text)
    wait_until(lambda: len(gateway.to(PATIENT)) >= 1)
    return gateway.to(PATIENT)[-1]


def audit_actions(ctx: AppContext) -> list[str]:
    with session_scope(ctx.engine) as db:
        return list(db.exec(select(AuditEntry.action).order_by(AuditEntry.id)))  # type: ignore[arg-type]


def test_the_practitioner_is_alerted_and_the_patient_told_so(
    with_on_call: LiveServer, gateway: FakeGateway
) -> None:
    registered(with_on_call)
    answer = answer_to(with_on_call, gateway, "I fainted in the kitchen")
    assert "We have alerted your practitioner" in answer
    assert len(gateway.to(PRACTITIONER)) == 1 and gateway.to(ON_CALL) == []


def test_a_disabled_practitioner_gets_no_alert_the_on_call_phone_does(
    with_on_call: LiveServer, gateway: FakeGateway
) -> None:
    registered(with_on_call)
    with session_scope(with_on_call.ctx.engine) as db:
        set_active(db, "drlin", False, now=T0, actor="admin")
    answer = answer_to(with_on_call, gateway, "big bruise where the needle went in, very sore")
    assert gateway.to(PRACTITIONER) == []
    [alert] = gateway.to(ON_CALL)
    assert "practitioner could not be texted" in alert and "/staff/flags/1" in alert
    assert "Our on-call team will call you today" in answer
    assert "practitioner" not in answer


def test_a_reply_after_the_reply_window_still_reaches_someone(
    with_on_call: LiveServer, gateway: FakeGateway
) -> None:
    registered(with_on_call)
    with_on_call.ctx.clock.advance(timedelta(days=9))  # type: ignore[attr-defined]
    answer = answer_to(with_on_call, gateway, "chest pain since this morning")
    [alert] = gateway.to(ON_CALL)
    assert "no recent session" in alert
    assert "We have alerted our on-call team" in answer


def test_with_nobody_to_text_the_patient_is_promised_nothing_and_staff_see_it(
    nobody_to_text: LiveServer, gateway: FakeGateway
) -> None:
    registered(nobody_to_text)
    answer = answer_to(nobody_to_text, gateway, "I can't breathe properly")
    assert "Call 911" in answer and "alerted" not in answer
    assert [m.to for m in gateway.sent] == [PATIENT]  # the answer, and nothing else
    assert "flag.not_alerted" in audit_actions(nobody_to_text.ctx)
    with login(nobody_to_text, "frontdesk") as staff:
        assert "nobody texted" in staff.get("/staff/").text
        page = staff.get("/staff/flags/1").text
    assert "Nobody was texted about this flag" in page


def test_with_nobody_to_text_a_complication_gives_the_clinic_number(
    nobody_to_text: LiveServer, gateway: FakeGateway
) -> None:
    registered(nobody_to_text)
    answer = answer_to(nobody_to_text, gateway, "there is a big bruise and it is swelling")
    assert "Your practitioner will call" not in answer
    assert "if you have not heard from us today, call +15550000001" in answer


def test_an_escalation_with_nobody_to_text_is_recorded_as_such(
    nobody_to_text: LiveServer, gateway: FakeGateway
) -> None:
    registered(nobody_to_text)
    answer_to(nobody_to_text, gateway, "I blacked out for a minute")
    run_once(nobody_to_text.ctx, now=T0 + hours(1))
    with session_scope(nobody_to_text.ctx.engine) as db:
        escalated = db.exec(
            select(AuditEntry.detail).where(AuditEntry.action == "flag.escalated")
        ).one()
    assert escalated.endswith("nobody could be texted")
    assert [m.to for m in gateway.sent] == [PATIENT]


def status_callback(server: LiveServer, sid: str, status: str, code: str) -> None:
    url = "http://testserver.local/webhooks/twilio/status"
    params = {"MessageSid": sid, "MessageStatus": status, "ErrorCode": code,
              "AccountSid": "AC" + "0" * 32}
    with server.client() as c:
        signature = sign(url, params, AUTH_TOKEN)
        response = c.post("/webhooks/twilio/status", data=params,
                          headers={"X-Twilio-Signature": signature})
    assert response.status_code == 200


def test_an_alert_that_could_not_be_delivered_goes_to_on_call_at_once(
    with_on_call: LiveServer, gateway: FakeGateway
) -> None:
    registered(with_on_call)
    answer_to(with_on_call, gateway, "I fainted in the kitchen")
    [alert_sid] = [sid for sms, sid in zip(gateway.sent, gateway.sids, strict=True)
                   if sms.to == PRACTITIONER]
    status_callback(with_on_call, alert_sid, "undelivered", "30006")  # a landline
    run_once(with_on_call.ctx, now=T0 + timedelta(minutes=1))  # not 15 minutes later
    [rerouted] = gateway.to(ON_CALL)
    assert "practitioner could not be texted" in rerouted and "/staff/flags/1" in rerouted
    with login(with_on_call, "frontdesk") as staff:
        assert "alert failed" in staff.get("/staff/").text
    run_once(with_on_call.ctx, now=T0 + timedelta(minutes=2))
    assert len(gateway.to(ON_CALL)) == 1  # once


def test_an_emergency_answer_the_patient_never_got_is_shown_to_staff(
    with_on_call: LiveServer, gateway: FakeGateway
) -> None:
    registered(with_on_call)
    answer_to(with_on_call, gateway, "chest pain since this morning")
    [answer_sid] = [sid for sms, sid in zip(gateway.sent, gateway.sids, strict=True)
                    if sms.to == PATIENT]
    status_callback(with_on_call, answer_sid, "failed", "30007")
    with login(with_on_call, "frontdesk") as staff:
        review = staff.get("/staff/review").text
        flag = staff.get("/staff/flags/1").text
    assert "our answer to their emergency report not delivered" in review
    assert "Our answer to the patient to +15551234567: sent (failed)" in flag
