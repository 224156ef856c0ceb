"""TwilioGateway with twilio's real Client against Prism running Twilio's API description."""

from __future__ import annotations

import json
import logging
import socket
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from twilio.http import HttpClient
from twilio.http.response import Response

from scheduler.db import session_scope
from scheduler.logs import setup_logging
from scheduler.messaging.gateway import OutgoingSms, SmsRejected, SmsTransientError
from scheduler.messaging.outbox import enqueue_message
from scheduler.messaging.sending import send_due_messages
from scheduler.messaging.twilio import TwilioGateway
from tests.helpers import T0, make_context, make_settings
from tests.messaging.prism import ACCOUNT_SID, PrismClient, free_port

TO = "+15551230001"
FROM = "+15551230002"
SERVICE = "MG" + "1" * 32
CALLBACK = "https://clinic.example/webhooks/twilio/status?m=7"


def gateway(
    prism_url: str, prefer: str | None = None, *, messaging_service_sid: str | None = None
) -> tuple[TwilioGateway, PrismClient]:
    client = PrismClient(prism_url, prefer=prefer)
    gw = TwilioGateway(
        account_sid=ACCOUNT_SID,
        auth_token="test",
        from_number=None if messaging_service_sid else FROM,
        messaging_service_sid=messaging_service_sid,
        http_client=client,
    )
    return gw, client


class CannedClient(HttpClient):
    """Answers every request with one fixed response: for bodies Prism's fixture lacks."""

    def __init__(self, status: int, body: dict[str, Any] | str) -> None:
        super().__init__(logger=logging.getLogger("tests.canned"), is_async=False)
        self.response = Response(status, body if isinstance(body, str) else json.dumps(body))

    def request(self, method: str, uri: str, *args: Any, **kwargs: Any) -> Response:
        return self.response


def canned_gateway(status: int, body: dict[str, Any] | str) -> TwilioGateway:
    return TwilioGateway(
        account_sid=ACCOUNT_SID,
        auth_token="t",
        from_number=FROM,
        http_client=CannedClient(status, body),
    )


@pytest.fixture
def silent_port() -> Iterator[int]:
    """A port that accepts connections (the kernel's backlog) but never answers."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        s.listen(8)
        yield int(s.getsockname()[1])


def test_a_text_is_accepted_and_carries_its_status_callback(prism_url: str) -> None:
    gw, client = gateway(prism_url)
    sent = gw.send(OutgoingSms(TO, "How are you feeling?", CALLBACK))
    assert sent.sid.startswith("SM") and sent.status == "queued"
    assert client.sent == [
        {"To": TO, "From": FROM, "Body": "How are you feeling?", "StatusCallback": CALLBACK}
    ]


def test_no_status_callback_is_sent_when_the_text_has_none(prism_url: str) -> None:
    gw, client = gateway(prism_url)
    gw.send(OutgoingSms(TO, "hi"))
    assert client.sent == [{"To": TO, "From": FROM, "Body": "hi"}]


def test_a_messaging_service_is_used_instead_of_a_number(prism_url: str) -> None:
    gw, client = gateway(prism_url, messaging_service_sid=SERVICE)
    gw.send(OutgoingSms(TO, "hi"))
    assert client.sent == [{"To": TO, "MessagingServiceSid": SERVICE, "Body": "hi"}]


def test_every_send_gets_its_own_sid(prism_url: str) -> None:
    gw, _ = gateway(prism_url)
    assert gw.send(OutgoingSms(TO, "a")).sid != gw.send(OutgoingSms(TO, "b")).sid


@pytest.mark.parametrize(
    ("prefer", "code", "opted_out", "configuration"),
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
    prism_url: str, prefer: str, code: int, opted_out: bool, configuration: bool
) -> None:
    gw, _ = gateway(prism_url, prefer=prefer)
    with pytest.raises(SmsRejected) as caught:
        gw.send(OutgoingSms(TO, "hi"))
    assert (caught.value.code, caught.value.opted_out, caught.value.configuration) == (
        code,
        opted_out,
        configuration,
    )


@pytest.mark.parametrize(
    ("prefer", "code"),
    [
        ("code=429, example=rate_limited_20429", 20429),
        ("code=500, example=internal_20500", 20500),
        ("code=503, example=unavailable_20503", 20503),
    ],
)
def test_rate_limits_and_outages_are_transient(prism_url: str, prefer: str, code: int) -> None:
    gw, _ = gateway(prism_url, prefer=prefer)
    with pytest.raises(SmsTransientError) as caught:
        gw.send(OutgoingSms(TO, "hi"))
    assert caught.value.code == code


def test_a_configuration_error_is_logged_once_loudly_without_the_text(
    prism_url: str, caplog: pytest.LogCaptureFixture, tmp_path: Path
) -> None:
    settings = make_settings(tmp_path)
    ctx = make_context(settings)
    ctx.gateway, _ = gateway(prism_url, prefer="code=401, example=auth_20003")
    with session_scope(ctx.engine) as db:
        enqueue_message(db, to=TO, body="your private check-in text", purpose="answer", now=T0)
    with caplog.at_level(logging.INFO):
        report = send_due_messages(ctx.engine, ctx.gateway, settings=settings, now=T0, worker="w1")
    assert report.failed == 1
    errors = [r.getMessage() for r in caplog.records if r.levelno == logging.ERROR]
    assert len(errors) == 1 and "20003" in errors[0] and "fix the account" in errors[0]
    assert "private check-in" not in caplog.text and TO not in caplog.text


def test_a_request_that_breaks_twilios_api_is_rejected_with_prisms_reason(
    prism_url: str,
) -> None:
    gw, _ = gateway(prism_url)
    with pytest.raises(SmsRejected, match=r"\(422\).*StatusCallback.*uri"):
        gw.send(OutgoingSms(TO, "hi", status_callback="not a url"))


@pytest.mark.parametrize("status", [429, 502])
def test_a_proxys_html_error_page_is_transient(status: int) -> None:
    # No JSON, so no Twilio code: twilio-python puts the HTTP status in `code`.
    with pytest.raises(SmsTransientError) as caught:
        canned_gateway(status, "<html>Bad Gateway</html>").send(OutgoingSms(TO, "hi"))
    assert caught.value.code == status


def test_twilios_rfc_9457_errors_are_mapped_too() -> None:
    problem = {"type": "https://www.twilio.com/docs/errors/20429", "title": "Too Many Requests"}
    with pytest.raises(SmsTransientError) as caught:
        canned_gateway(429, {**problem, "status": 429, "code": 20429}).send(OutgoingSms(TO, "hi"))
    assert caught.value.code == 20429
    with pytest.raises(SmsRejected, match="Bad To"):
        canned_gateway(400, {**problem, "title": "Bad To", "status": 400, "code": 21211}).send(
            OutgoingSms(TO, "hi")
        )


def test_the_full_number_twilio_quotes_is_masked_in_the_error() -> None:
    body = {"code": 21211, "message": f"The 'To' number {TO} is not a valid phone number."}
    with pytest.raises(SmsRejected) as caught:
        canned_gateway(400, {**body, "status": 400}).send(OutgoingSms(TO, "hi"))
    assert TO not in str(caught.value) and "+1555***0001" in str(caught.value)


def test_an_unreachable_api_is_transient() -> None:
    gw = TwilioGateway(
        account_sid=ACCOUNT_SID,
        auth_token="t",
        from_number=FROM,
        api_base_url=f"http://127.0.0.1:{free_port()}",
        timeout=2,
    )
    with pytest.raises(SmsTransientError, match="could not reach Twilio"):
        gw.send(OutgoingSms(TO, "hi"))


@pytest.mark.timeout(10)  # the gateway's own timeout must end this, not pytest's
def test_an_api_that_does_not_answer_times_out_as_transient(silent_port: int) -> None:
    gw = TwilioGateway(
        account_sid=ACCOUNT_SID,
        auth_token="t",
        from_number=FROM,
        api_base_url=f"http://127.0.0.1:{silent_port}",
        timeout=0.3,
    )
    with pytest.raises(SmsTransientError, match="may have been accepted"):
        gw.send(OutgoingSms(TO, "hi"))


@pytest.mark.parametrize(
    ("prefer", "status", "code"),
    [
        ("example=delivered", "delivered", None),
        ("example=undelivered_30003", "undelivered", 30003),
        ("example=failed_30008", "failed", 30008),
    ],
)
def test_fetch_status_reads_twilios_delivery_state(
    prism_url: str, prefer: str, status: str, code: int | None
) -> None:
    gw, _ = gateway(prism_url, prefer=prefer)
    assert gw.fetch_status("SM" + "a" * 32) == (status, code)


def test_fetch_status_maps_errors_like_send() -> None:
    gw = TwilioGateway(
        account_sid=ACCOUNT_SID,
        auth_token="t",
        from_number=FROM,
        api_base_url=f"http://127.0.0.1:{free_port()}",
    )
    with pytest.raises(SmsTransientError):
        gw.fetch_status("SM" + "a" * 32)
    with pytest.raises(SmsRejected) as caught:
        canned_gateway(404, {"code": 20404, "message": "not found", "status": 404}).fetch_status(
            "SM" + "b" * 32
        )
    assert caught.value.code == 20404


def test_a_gateway_needs_a_sender() -> None:
    with pytest.raises(ValueError, match="from_number or messaging_service_sid"):
        TwilioGateway(account_sid=ACCOUNT_SID, auth_token="t")


def test_find_accepted_reads_twilios_message_list_newest_first(prism_url: str) -> None:
    # Prism's example page: an outbound "testing" and an inbound MMS, both 2019-05-24.
    gw, _ = gateway(prism_url)
    found = gw.find_accepted(TO, "testing", since=datetime(2019, 5, 24, tzinfo=UTC))
    assert found and {s.sid for s in found} == {"SMded05904ccb347238880ca9264e8fe1c"}
    assert found[0].status == "sent"
    # The patient's own text to us has a matching body only in the other direction.
    assert (
        gw.find_accepted(TO, "look mom I have media!", since=datetime(2019, 5, 24, tzinfo=UTC))
        == []
    )


def test_find_accepted_stops_at_texts_older_than_since(prism_url: str) -> None:
    gw, client = gateway(prism_url)
    calls: list[str] = []
    original = client.request

    def counting(method: str, url: str, *args: Any, **kwargs: Any) -> Response:
        calls.append(url)
        return original(method, url, *args, **kwargs)

    client.request = counting  # type: ignore[method-assign]
    assert gw.find_accepted(TO, "testing", since=datetime(2020, 1, 1, tzinfo=UTC)) == []
    assert len(calls) == 1  # no second page once the list is older than `since`


def test_find_accepted_maps_errors_like_send() -> None:
    gw = canned_gateway(503, {"code": 20503, "message": "unavailable", "status": 503})
    with pytest.raises(SmsTransientError):
        gw.find_accepted(TO, "hi", since=datetime(2026, 1, 1, tzinfo=UTC))


def test_the_services_logging_keeps_twilios_request_log_and_its_numbers_out(
    prism_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    root = logging.getLogger()
    handlers, level = root.handlers[:], root.level
    try:
        setup_logging(level="INFO")  # as `aftercare serve` and `aftercare worker` do
        gw, _ = gateway(prism_url)
        gw.find_accepted(TO, "testing", since=datetime(2020, 1, 1, tzinfo=UTC))
        gw.send(OutgoingSms(TO, "your private check-in text"))
    finally:
        root.handlers[:] = handlers
        root.setLevel(level)
    logged = capsys.readouterr().err
    assert TO not in logged and "private check-in" not in logged
