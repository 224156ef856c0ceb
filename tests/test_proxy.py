"""Signatures behind a TLS-terminating proxy."""

from __future__ import annotations

from pathlib import Path

from scheduler.messaging.fake_phone import inbound_params
from scheduler.messaging.signature import sign
from tests.helpers import AUTH_TOKEN, FakeGateway, LiveServer, make_context, make_settings

PATIENT = "+15551234567"


def test_behind_a_trusted_proxy_the_forwarded_url_is_checked(
    tmp_path: Path, gateway: FakeGateway
) -> None:
    settings = make_settings(
        tmp_path, web={"trust_proxy": True, "public_base_url": "https://clinic.example"}
    )
    live = LiveServer(make_context(settings, gateway=gateway)).start()
    try:
        params = inbound_params(settings, from_number=PATIENT, body="fine")
        public = "https://care.example.org/webhooks/twilio/sms"
        headers = {
            "X-Twilio-Signature": sign(public, params, AUTH_TOKEN),
            "X-Forwarded-Proto": "https",
            "X-Forwarded-Host": "care.example.org",
        }
        with live.client() as c:
            assert c.post("/webhooks/twilio/sms", data=params, headers=headers).status_code == 200
            headers["X-Forwarded-Proto"] = "http"  # signed for https: refused
            params["MessageSid"] = "SM" + "9" * 32
            assert c.post("/webhooks/twilio/sms", data=params, headers=headers).status_code == 403
    finally:
        live.stop()
