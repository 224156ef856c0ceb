"""A stand-in for a patient's phone: signs an inbound-SMS webhook as Twilio would."""

from __future__ import annotations

import secrets

import httpx

from scheduler.config import Settings
from scheduler.messaging.signature import sign

WEBHOOK_PATH = "/webhooks/twilio/sms"


def inbound_params(
    settings: Settings, *, from_number: str, body: str, sid: str | None = None, num_media: int = 0
) -> dict[str, str]:
    """The fields Twilio posts for an incoming text (the ones Aftercare reads, and more)."""
    return {
        "MessageSid": sid or "SM" + secrets.token_hex(16),
        "AccountSid": settings.twilio.account_sid or "AC" + "0" * 32,
        "From": from_number,
        "To": settings.sms.from_number,
        "Body": body,
        "NumMedia": str(num_media),
        "NumSegments": "1",
        "SmsStatus": "received",
        "ApiVersion": "2010-04-01",
    }


def post_inbound_sms(
    settings: Settings,
    *,
    from_number: str,
    body: str,
    base_url: str | None = None,
    sid: str | None = None,
    client: httpx.Client | None = None,
) -> int:
    """POST a signed inbound SMS; returns the HTTP status. Signed for web.public_base_url."""
    params = inbound_params(settings, from_number=from_number, body=body, sid=sid)
    signed_url = settings.web.public_base_url + WEBHOOK_PATH
    target = (base_url or settings.web.public_base_url).rstrip("/") + WEBHOOK_PATH
    headers = {"X-Twilio-Signature": sign(signed_url, params, settings.twilio.auth_token)}
    if client is not None:
        return client.post(target, data=params, headers=headers).status_code
    try:
        return httpx.post(target, data=params, headers=headers, timeout=15).status_code
    except httpx.TransportError as exc:
        raise OSError(str(exc)) from exc
