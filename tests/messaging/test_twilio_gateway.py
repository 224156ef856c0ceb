"""TwilioGateway with twilio's real Client against Prism running Twilio's API description."""

from __future__ import annotations

import pytest

from scheduler.messaging.gateway import OutgoingSms, SmsRejected, SmsTransientError
from scheduler.messaging.twilio import TwilioGateway
from tests.messaging.prism import ACCOUNT_SID, PrismClient, free_port

TO = "+15551230001"
CALLBACK = "https://clinic.example/webhooks/twilio/status?m=7"


def gateway(
    prism_url: str, prefer: str | None = None, **kw: str
) -> tuple[TwilioGateway, PrismClient]:
    client = PrismClient(prism_url, prefer=prefer)
    sender = kw or {"from_number": "+15551230002"}
    return TwilioGateway(
        account_sid=ACCOUNT_SID, auth_token="test", http_client=client, **sender
    ), client  # type: ignore[arg-type]


def test_a_text_is_accepted_and_carries_its_status_callback(prism_url: str) -> None:
    gw, client = gateway(prism_url)
    sent = gw.send(OutgoingSms(TO, "How are you feeling?", CALLBACK))
    assert sent.sid.startswith("SM") and sent.status == "queued"
    assert client.sent[-1] == {
        "To": TO,
        "From": "+15551230002",
        "Body": "How are you feeling?",
        "StatusCallback": CALLBACK,
    }


def test_a_messaging_service_is_used_instead_of_a_number(prism_url: str) -> None:
    gw, client = gateway(prism_url, messaging_service_sid="MG" + "1" * 32)
    gw.send(OutgoingSms(TO, "hi"))
    assert client.sent[-1]["MessagingServiceSid"] == "MG" + "1" * 32
    assert "From" not in client.sent[-1]


def test_every_send_gets_its_own_sid(prism_url: str) -> None:
    gw, _ = gateway(prism_url)
    assert gw.send(OutgoingSms(TO, "a")).sid != gw.send(OutgoingSms(TO, "b")).sid


@pytest.mark.parametrize(
    ("example", "code", "opted_out", "configuration"),
    [
        ("code=400, example=invalid_to_21211", 21211, False, False),
        ("code=400, example=not_mobile_21614", 21614, False, False),
        ("code=400, example=unsubscribed_21610", 21610, True, False),
        ("code=400, example=geo_permission_21408", 21408, False, True),
        ("code=400, example=from_not_capable_21606", 21606, False, True),
        ("code=401, example=auth_20003", 20003, False, True),
    ],
)
def test_permanent_errors_are_rejections(
    prism_url: str, example: str, code: int, opted_out: bool, configuration: bool
) -> None:
    gw, _ = gateway(prism_url, prefer=example)
    with pytest.raises(SmsRejected) as caught:
        gw.send(OutgoingSms(TO, "hi"))
    assert (caught.value.code, caught.value.opted_out, caught.value.configuration) == (
        code,
        opted_out,
        configuration,
    )


@pytest.mark.parametrize(
    "example",
    [
        "code=429, example=rate_limited_20429",
        "code=500, example=internal_20500",
        "code=503, example=unavailable_20503",
    ],
)
def test_rate_limits_and_outages_are_transient(prism_url: str, example: str) -> None:
    gw, _ = gateway(prism_url, prefer=example)
    with pytest.raises(SmsTransientError):
        gw.send(OutgoingSms(TO, "hi"))


def test_an_unreachable_api_is_transient() -> None:
    gw = TwilioGateway(
        account_sid=ACCOUNT_SID,
        auth_token="t",
        from_number="+15551230002",
        api_base_url=f"http://127.0.0.1:{free_port()}",
        timeout=2,
    )
    with pytest.raises(SmsTransientError, match="could not reach Twilio"):
        gw.send(OutgoingSms(TO, "hi"))


@pytest.mark.parametrize(
    ("example", "status", "code"),
    [
        ("example=delivered", "delivered", None),
        ("example=undelivered_30003", "undelivered", 30003),
        ("example=failed_30008", "failed", 30008),
    ],
)
def test_fetch_status_reads_twilios_delivery_state(
    prism_url: str, example: str, status: str, code: int | None
) -> None:
    gw, _ = gateway(prism_url, prefer=example)
    assert gw.fetch_status("SM" + "a" * 32) == (status, code)


def test_a_gateway_needs_a_sender() -> None:
    with pytest.raises(ValueError, match="from_number or messaging_service_sid"):
        TwilioGateway(account_sid=ACCOUNT_SID, auth_token="t")
