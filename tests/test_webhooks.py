"""POST /webhooks/twilio/sms and /status over real HTTP."""

from __future__ import annotations

import shutil
import threading
from pathlib import Path

import pytest
from sqlmodel import func, select

from scheduler.checkins.dispatch import run_once
from scheduler.context import AppContext
from scheduler.db import session_scope
from scheduler.flags.models import Flag, ReplyAssessment
from scheduler.messaging.fake_phone import inbound_params
from scheduler.messaging.models import InboundMessage, OutboundMessage
from scheduler.messaging.signature import sign
from scheduler.messaging.texts import TEMPLATES_DIR, SmsTexts
from scheduler.sessions.consent import find_patient_by_phone
from scheduler.sessions.models import ConsentChange
from tests.helpers import (
    AUTH_TOKEN,
    T0,
    FakeGateway,
    LiveServer,
    add_practitioner,
    hours,
    login,
    session_payload,
    wait_until,
)

PATIENT = "+15551234567"
pytestmark = pytest.mark.parametrize("backend", ["sqlite", "postgresql"], indirect=True)


def registered(server: LiveServer, token: str) -> None:
    with server.client(headers={"Authorization": f"Bearer {token}"}) as c:
        assert c.post("/api/sessions", json=session_payload(PATIENT)).status_code == 201


def count(ctx: AppContext, model: type) -> int:
    with session_scope(ctx.engine) as db:
        return int(db.exec(select(func.count()).select_from(model)).one())


def test_unsigned_or_forged_webhook_is_refused(server: LiveServer, ctx: AppContext) -> None:
    refused = server.text_in(PATIENT, "chest pain", signature="")
    assert (refused.status_code, refused.json()) == (403, {"error": "invalid Twilio signature"})
    assert server.text_in(PATIENT, "chest pain", signature="bm90IGEgc2ln").status_code == 403
    params = inbound_params(ctx.settings, from_number=PATIENT, body="fine")
    sig = sign("http://testserver.local/webhooks/twilio/sms", params, AUTH_TOKEN)
    params["Body"] = "chest pain"  # tampered after signing
    with server.client() as c:
        r = c.post("/webhooks/twilio/sms", data=params, headers={"X-Twilio-Signature": sig})
        assert r.status_code == 403
        assert c.post("/webhooks/twilio/status", data={"MessageSid": "SM1"}).status_code == 403
    assert count(ctx, InboundMessage) == 0


def test_the_webhooks_take_posts_only_and_leave_other_paths_to_the_app(
    server: LiveServer,
) -> None:
    with server.client() as c:
        r = c.get("/webhooks/twilio/sms")
        assert (r.status_code, r.headers["allow"]) == (405, "POST")
        assert c.get("/webhooks/twilio/elsewhere").status_code == 404
        assert "Content-Security-Policy" in c.get("/healthz").headers


def test_same_message_sid_five_times_at_once_is_handled_once(
    server: LiveServer, ctx: AppContext, gateway: FakeGateway, token: str
) -> None:
    registered(server, token)
    ctx.clock.advance(hours(24))  # type: ignore[attr-defined]
    sid = "SM" + "7" * 32
    codes: list[int] = []
    threads = [
        threading.Thread(
            target=lambda: codes.append(
                server.text_in(PATIENT, "I fainted this morning", sid=sid).status_code
            )
        )
        for _ in range(5)
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert codes == [200] * 5
    assert count(ctx, InboundMessage) == 1 and count(ctx, Flag) == 1
    wait_until(lambda: len(gateway.to(PATIENT)) == 1)
    assert len(gateway.to("+15550100001")) == 1


def test_two_stops_at_once_record_one_opt_out_and_one_confirmation(
    server: LiveServer, ctx: AppContext, gateway: FakeGateway, token: str
) -> None:
    registered(server, token)
    threads = [
        threading.Thread(target=server.text_in, args=(PATIENT, body), kwargs={"sid": sid})
        for body, sid in (("STOP", "SM" + "1" * 32), ("stop texting me", "SM" + "2" * 32))
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    wait_until(lambda: len(gateway.to(PATIENT)) >= 1)
    with session_scope(ctx.engine) as db:
        opt_outs = db.exec(
            select(func.count()).select_from(ConsentChange).where(ConsentChange.opted_in == False)  # noqa: E712
        ).one()
    assert opt_outs == 1
    assert len(gateway.to(PATIENT)) == 1


def test_text_from_an_unknown_number_is_stored_for_review(
    server: LiveServer, ctx: AppContext, gateway: FakeGateway
) -> None:
    assert server.text_in("+12025550143", "hello who is this").status_code == 200
    with session_scope(ctx.engine) as db:
        message = db.exec(select(InboundMessage)).one()
        assert message.needs_review == "unknown_sender"
    assert gateway.sent == []  # strangers get no automatic answer


def test_a_practitioner_answering_an_alert_is_not_read_as_a_patient(
    server: LiveServer, ctx: AppContext, gateway: FakeGateway
) -> None:
    server.text_in("+15550100001", "ok will call her now, she mentioned chest pain")
    wait_until(lambda: len(gateway.to("+15550100001")) == 1)
    assert "this number does not read replies" in gateway.to("+15550100001")[0]
    assert count(ctx, Flag) == 0 and len(gateway.sent) == 1
    with session_scope(ctx.engine) as db:
        message = db.exec(select(InboundMessage)).one()
        assert (message.handled_as, message.needs_review) == ("staff_phone", None)


def test_an_emergency_from_an_unknown_number_is_answered_and_flagged(
    server: LiveServer, ctx: AppContext, gateway: FakeGateway, token: str
) -> None:
    stranger = "+12025550143"
    reply = server.text_in(stranger, "new phone. I have chest pain and cant breathe")
    assert reply.status_code == 200
    wait_until(lambda: len(gateway.to(stranger)) == 1)
    assert "Call 911" in gateway.to(stranger)[0]
    with server.client(headers={"Authorization": f"Bearer {token}"}) as api:
        [flag] = api.get("/api/flags").json()
    assert (flag["label"], flag["patient"]) == ("emergency", {"name": None, "phone": stranger})
    with login(server) as staff:  # a practitioner sees only their own patients' flags
        assert stranger not in staff.get("/staff/").text
    add_practitioner(ctx.engine, username="desk", phone="", role="staff")
    with login(server, "desk") as staff:
        listed = staff.get("/staff/").text
        detail = staff.get(f"/staff/flags/{flag['id']}").text
    assert stranger in listed and "a number not on file" in listed
    assert "Nobody was texted about this flag" in detail


def test_stop_opts_out_cancels_checkins_and_confirms_once(
    server: LiveServer, ctx: AppContext, gateway: FakeGateway, token: str
) -> None:
    registered(server, token)
    server.text_in(PATIENT, "STOP")
    server.text_in(PATIENT, "stop")  # a second STOP: no second confirmation
    wait_until(lambda: len(gateway.to(PATIENT)) >= 1)
    run_once(ctx, now=T0 + hours(48))
    bodies = gateway.to(PATIENT)
    assert len(bodies) == 1 and "no more" in bodies[0]
    with session_scope(ctx.engine) as db:
        patient = find_patient_by_phone(db, PATIENT)
        assert patient is not None and patient.opted_out_at is not None


def test_start_opts_back_in_and_help_answers_with_the_clinic(
    server: LiveServer, ctx: AppContext, gateway: FakeGateway, token: str
) -> None:
    registered(server, token)
    server.text_in(PATIENT, "unsubscribe")
    server.text_in(PATIENT, "START")
    server.text_in(PATIENT, "help")
    wait_until(lambda: len(gateway.to(PATIENT)) == 3)
    assert "again" in gateway.to(PATIENT)[1]
    assert "Aftercare Clinic" in gateway.to(PATIENT)[2] and "+15550000001" in gateway.to(PATIENT)[2]


def test_a_reply_is_filed_on_the_session_whose_checkin_it_answers(
    server: LiveServer, ctx: AppContext, gateway: FakeGateway, token: str
) -> None:
    registered(server, token)  # with drlin, ended 14:30 on the 24th
    run_once(ctx, now=T0 + hours(24))  # its 24 h check-in goes
    ctx.clock.advance(hours(24))  # type: ignore[attr-defined]
    add_practitioner(ctx.engine, username="drkim", phone="+15550100002")
    later = session_payload(PATIENT, practitioner="drkim",
                            ended_at=(T0 + hours(23.5)).isoformat())
    with server.client(headers={"Authorization": f"Bearer {token}"}) as c:
        assert c.post("/api/sessions", json=later).status_code == 201  # nothing sent yet
    server.text_in(PATIENT, "re yesterday: the needle site on my back is badly swollen and hot")
    wait_until(lambda: len(gateway.to("+15550100001")) == 1)
    assert gateway.to("+15550100002") == []
    with session_scope(ctx.engine) as db:
        assert db.exec(select(Flag.session_id)).one() == 1


def test_soreness_is_answered_with_self_care_not_gladness(
    server: LiveServer, gateway: FakeGateway, token: str
) -> None:
    registered(server, token)
    server.text_in(PATIENT, "my back is quite sore and achy today, pain is 5/10")
    wait_until(lambda: len(gateway.to(PATIENT)) == 1)
    answer = gateway.to(PATIENT)[0]
    assert answer.startswith("Aftercare Clinic: thanks for letting us know, Ada.")
    assert "glad" not in answer and "drink water" in answer


def test_start_after_stop_brings_back_the_checkins_that_can_still_go(
    server: LiveServer, ctx: AppContext, gateway: FakeGateway, token: str
) -> None:
    registered(server, token)  # ended 14:30 local; check-ins due +24 h and +48 h
    server.text_in(PATIENT, "STOP")
    ctx.clock.advance(hours(45))  # type: ignore[attr-defined]
    server.text_in(PATIENT, "START")  # the 24 h check-in's time is past; the 48 h one's is not
    wait_until(lambda: len(gateway.to(PATIENT)) == 2)
    run_once(ctx, now=T0 + hours(48))
    bodies = gateway.to(PATIENT)
    assert len(bodies) == 3, bodies
    assert "Two days on" in bodies[2]  # the 48 h check-in, and only it
    with server.client(headers={"Authorization": f"Bearer {token}"}) as c:
        checkins = c.get("/api/sessions/1").json()["checkins"]
    assert [c["status"] for c in checkins] == ["cancelled", "sent"]


def test_a_symptom_inside_an_opt_out_is_flagged_first(
    server: LiveServer, ctx: AppContext, gateway: FakeGateway, token: str
) -> None:
    registered(server, token)
    server.text_in(PATIENT, "stop texting me, I'm at the ER with chest pain")
    wait_until(lambda: len(gateway.to(PATIENT)) == 2)
    assert count(ctx, Flag) == 1
    assert "911" in gateway.to(PATIENT)[0] and "no more" in gateway.to(PATIENT)[1]
    assert len(gateway.to("+15550100001")) == 1


def test_status_callbacks_never_leave_a_final_state(
    server: LiveServer, ctx: AppContext, gateway: FakeGateway, token: str
) -> None:
    registered(server, token)
    run_once(ctx, now=T0 + hours(24))
    sid = gateway.counter and f"SM{gateway.counter:032d}"
    url = "http://testserver.local/webhooks/twilio/status"
    with server.client() as c:
        for status in ("sent", "delivered", "sent", "undelivered"):
            params = {"MessageSid": sid, "MessageStatus": status, "AccountSid": "AC" + "0" * 32}
            r = c.post(
                "/webhooks/twilio/status",
                data=params,
                headers={"X-Twilio-Signature": sign(url, params, AUTH_TOKEN)},
            )
            assert r.status_code == 200
    with session_scope(ctx.engine) as db:
        assert db.exec(select(OutboundMessage.delivery_status)).one() == "delivered"


def test_a_send_the_worker_never_recorded_is_adopted_from_its_status_callback(
    server: LiveServer, ctx: AppContext, gateway: FakeGateway, token: str
) -> None:
    registered(server, token)

    def accept_then_die(sms):  # type: ignore[no-untyped-def]
        gateway.sent.append(sms)  # the provider accepted it...
        raise KeyboardInterrupt  # ...and the worker died before recording the sid

    gateway.send = accept_then_die  # type: ignore[method-assign]
    try:
        run_once(ctx, now=T0 + hours(24))
    except KeyboardInterrupt:
        pass
    callback = gateway.sent[0].status_callback
    assert callback is not None and callback.endswith("?m=1")
    params = {"MessageSid": "SM" + "e" * 32, "MessageStatus": "sent", "AccountSid": "AC" + "0" * 32}
    with server.client() as c:
        r = c.post(
            callback.replace("http://testserver.local", ""),
            data=params,
            headers={"X-Twilio-Signature": sign(callback, params, AUTH_TOKEN)},
        )
        assert r.status_code == 200
    del gateway.send  # back to the class's method
    run_once(ctx, now=T0 + hours(25))  # long after the lease: nothing is resent
    assert len(gateway.sent) == 1
    with session_scope(ctx.engine) as db:
        message = db.exec(select(OutboundMessage)).one()
        assert (message.status, message.sid) == ("sent", "SM" + "e" * 32)


def test_a_reply_with_a_nul_character_is_stored_flagged_and_answered(
    server: LiveServer, ctx: AppContext, gateway: FakeGateway, token: str
) -> None:
    registered(server, token)
    assert server.text_in(PATIENT, "I have chest pain\x00 and fever").status_code == 200
    wait_until(lambda: len(gateway.to(PATIENT)) == 1)
    assert "Call 911" in gateway.to(PATIENT)[0]
    with session_scope(ctx.engine) as db:
        assert db.exec(select(InboundMessage.body)).one() == "I have chest pain\ufffd and fever"
    assert count(ctx, Flag) == 1


def test_a_picture_message_is_stored_and_listed_for_review(
    server: LiveServer, ctx: AppContext, token: str
) -> None:
    registered(server, token)
    params = inbound_params(ctx.settings, from_number=PATIENT, body="see photo")
    params.update(
        {
            "NumMedia": "2",
            "MediaUrl0": "https://api.twilio.com/x.jpg",
            "MediaContentType0": "image/jpeg",
            "MediaUrl1": "javascript:alert(1)",  # not a link anyone should be given
        }
    )
    url = "http://testserver.local/webhooks/twilio/sms"
    with server.client() as c:
        r = c.post(
            "/webhooks/twilio/sms",
            data=params,
            headers={"X-Twilio-Signature": sign(url, params, AUTH_TOKEN)},
        )
    assert r.status_code == 200
    with session_scope(ctx.engine) as db:
        message = db.exec(select(InboundMessage)).one()
        assert (message.num_media, message.needs_review) == (2, "mms")
        assert message.media == [
            {"url": "https://api.twilio.com/x.jpg", "content_type": "image/jpeg"}
        ]
    with login(server) as staff:
        page = staff.get("/staff/review").text
    assert '<a href="https://api.twilio.com/x.jpg"' in page and "javascript:" not in page


def test_without_proxy_trust_forwarded_headers_are_ignored(
    server: LiveServer, ctx: AppContext
) -> None:
    params = inbound_params(ctx.settings, from_number=PATIENT, body="fine")
    forged = "https://attacker.example/webhooks/twilio/sms"
    headers = {
        "X-Twilio-Signature": sign(forged, params, AUTH_TOKEN),
        "X-Forwarded-Proto": "https",
        "X-Forwarded-Host": "attacker.example",
    }
    with server.client() as c:
        assert c.post("/webhooks/twilio/sms", data=params, headers=headers).status_code == 403


def test_our_own_texts_quoted_back_are_not_read_as_the_patients(
    server: LiveServer, ctx: AppContext, gateway: FakeGateway, token: str, tmp_path: Path
) -> None:
    # A clinic's own check-in, naming the symptoms it asks about, and our answers: a phone
    # that quotes them back under "all fine" must not raise a flag for chest pain.
    shutil.copytree(TEMPLATES_DIR / "sms", tmp_path / "sms")
    (tmp_path / "sms" / "checkin_24h.j2").write_text(
        "Hi {{ first_name }}, {{ clinic }} here. Any chest pain, fever, swelling or "
        "dizziness since your session? Tell us in your own words. Reply STOP to opt out."
    )
    ctx.texts = SmsTexts(tmp_path)
    registered(server, token)
    run_once(ctx, now=T0 + hours(24))
    (checkin,) = gateway.to(PATIENT)
    assert "chest pain" in checkin
    server.text_in(PATIENT, f"all fine thank you\n\n{checkin}")
    wait_until(lambda: len(gateway.to(PATIENT)) == 2)
    server.text_in(PATIENT, f'"{checkin}"\nbit of chest pain last night actually')
    wait_until(lambda: len(gateway.to(PATIENT)) == 3)
    # and our answer quoted back: "...or you have chest pain, trouble breathing or a fever"
    server.text_in(PATIENT, "my arm has come up in a big bruise")
    wait_until(lambda: len(gateway.to(PATIENT)) == 4)
    answer = gateway.to(PATIENT)[3]
    assert "chest pain" in answer
    server.text_in(PATIENT, f"ok thanks will do\n\n{answer}")
    wait_until(lambda: len(gateway.to(PATIENT)) == 5)
    with session_scope(ctx.engine) as db:
        labels = db.exec(select(ReplyAssessment.label).order_by(ReplyAssessment.id)).all()
    assert labels == ["normal", "emergency", "complication", "normal"]
    assert count(ctx, Flag) == 2
