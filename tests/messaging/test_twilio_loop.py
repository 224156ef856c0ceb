"""The whole loop with sms.backend = "twilio": register -> check-in -> reply -> flag ->
alert, every text through twilio's Client to Prism, every webhook signed."""

from __future__ import annotations

from pathlib import Path

from scheduler.checkins.dispatch import run_once
from scheduler.context import AppContext, make_gateway
from scheduler.messaging.signature import sign
from scheduler.messaging.twilio import TwilioGateway
from tests.helpers import (
    AUTH_TOKEN,
    T0,
    LiveServer,
    add_practitioner,
    add_token,
    hours,
    make_context,
    make_settings,
    session_payload,
    wait_until,
)
from tests.messaging.prism import ACCOUNT_SID, PrismClient

PATIENT, PRACTITIONER = "+15551234567", "+15550100001"


def test_whole_loop_through_twilio(tmp_path: Path, prism_url: str) -> None:
    settings = make_settings(
        tmp_path,
        sms={"backend": "twilio", "from_number": "+15550000000"},
        twilio={"account_sid": ACCOUNT_SID, "auth_token": AUTH_TOKEN, "api_base_url": prism_url},
    )
    assert isinstance(make_gateway(settings), TwilioGateway)  # what production would build
    client = PrismClient(prism_url)
    gateway = TwilioGateway(
        account_sid=ACCOUNT_SID,
        auth_token=AUTH_TOKEN,
        from_number="+15550000000",
        http_client=client,
    )
    ctx = make_context(settings, gateway=gateway)  # type: ignore[arg-type]
    add_practitioner(ctx.engine)
    token = add_token(ctx.engine)
    server = LiveServer(ctx).start()
    try:
        with server.client(headers={"Authorization": f"Bearer {token}"}) as api:
            session_id = api.post(
                "/api/sessions", json=session_payload(PATIENT, ended_at=T0.isoformat())
            ).json()["id"]
            ctx.clock.advance(hours(24))  # type: ignore[attr-defined]
            run_once(ctx, now=ctx.clock.now())
            checkin = client.sent[-1]
            assert checkin["To"] == PATIENT and checkin["From"] == "+15550000000"
            assert checkin["StatusCallback"].startswith(
                "http://testserver.local/webhooks/twilio/status?m="
            )

            assert server.text_in(PATIENT, "my chest feels tight").status_code == 200
            wait_until(lambda: len(client.sent) == 3)
            alert, answer = client.sent[1], client.sent[2]
            assert alert["To"] == PRACTITIONER and "/staff/flags/1" in alert["Body"]
            assert answer["To"] == PATIENT and "911" in answer["Body"]

            callback = checkin["StatusCallback"]
            sid = api.get(f"/api/sessions/{session_id}").json()
            assert sid["checkins"][0]["delivery"] == "queued"
            message_sid = latest_checkin_sid(ctx)
            params = {
                "MessageSid": message_sid,
                "MessageStatus": "delivered",
                "AccountSid": ACCOUNT_SID,
            }
            r = api.post(
                callback.replace("http://testserver.local", ""),
                data=params,
                headers={"X-Twilio-Signature": sign(callback, params, AUTH_TOKEN)},
            )
            assert r.status_code == 200
            assert (
                api.get(f"/api/sessions/{session_id}").json()["checkins"][0]["delivery"]
                == "delivered"
            )
            assert [f["label"] for f in api.get("/api/flags").json()] == ["emergency"]
    finally:
        server.stop()


def latest_checkin_sid(ctx: AppContext) -> str:
    from sqlmodel import select

    from scheduler.db import session_scope
    from scheduler.messaging.models import OutboundMessage

    with session_scope(ctx.engine) as db:
        message = db.exec(select(OutboundMessage).where(OutboundMessage.purpose == "checkin")).one()
        return str(message.sid)
