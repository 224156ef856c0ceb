"""One contract, both gateways: what the rest of Aftercare relies on from `send`."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from scheduler.clock import ManualClock
from scheduler.messaging.console import ConsoleGateway
from scheduler.messaging.gateway import OutgoingSms, SmsGateway, SmsRejected
from scheduler.messaging.twilio import TwilioGateway
from tests.messaging.prism import ACCOUNT_SID, PrismClient

# Twilio's message_enum_status values a freshly accepted text can have.
TWILIO_STATUSES = {"accepted", "scheduled", "queued", "sending", "sent", "delivered"}


@pytest.fixture(params=["console", "twilio"])
def gateway(request: pytest.FixtureRequest, tmp_path: Path) -> SmsGateway:
    if request.param == "console":
        return ConsoleGateway(outbox=tmp_path / "outbox.jsonl", from_number="+15550000000")
    # Only the Twilio variant needs Prism, so only it is skipped when Prism is missing.
    prism_url: str = request.getfixturevalue("prism_url")
    return TwilioGateway(
        account_sid=ACCOUNT_SID,
        auth_token="t",
        from_number="+15550000000",
        http_client=PrismClient(prism_url),
    )


def test_send_returns_a_unique_message_sid_and_a_twilio_status(gateway: SmsGateway) -> None:
    first = gateway.send(OutgoingSms("+15551234567", "one", "https://x.example/cb"))
    second = gateway.send(OutgoingSms("+15551234567", "two"))
    assert first.sid.startswith("SM") and len(first.sid) == 34
    assert first.sid != second.sid
    assert {first.status, second.status} <= TWILIO_STATUSES


def test_the_console_outbox_has_one_json_line_per_text(tmp_path: Path) -> None:
    gw = ConsoleGateway(outbox=tmp_path / "out" / "outbox.jsonl", from_number="+15550000000")
    sent = gw.send(OutgoingSms("+15551234567", "héllo 👍"))
    (line,) = (tmp_path / "out" / "outbox.jsonl").read_text(encoding="utf-8").splitlines()
    record = json.loads(line)
    assert set(record) == {"to", "from", "body", "sid", "sent_at"}
    assert (record["to"], record["from"], record["body"], record["sid"]) == (
        "+15551234567",
        "+15550000000",
        "héllo 👍",
        sent.sid,
    )


def test_the_console_gateway_finds_what_it_accepted(tmp_path: Path) -> None:
    clock = ManualClock(datetime(2026, 11, 25, 9, 0, tzinfo=UTC))
    gw = ConsoleGateway(outbox=tmp_path / "outbox.jsonl", from_number="+15550000000", clock=clock)
    since = clock.now()
    assert gw.find_accepted("+15551234567", "one", since=since) == []  # no outbox yet
    early = gw.send(OutgoingSms("+15551234567", "one"))
    clock.advance(timedelta(minutes=1))
    later = gw.send(OutgoingSms("+15551234567", "one"))
    gw.send(OutgoingSms("+15551234567", "two"))
    gw.send(OutgoingSms("+15559999999", "one"))
    found = gw.find_accepted("+15551234567", "one", since=since)
    assert [s.sid for s in found] == [later.sid, early.sid]  # newest first
    assert [s.sid for s in gw.find_accepted("+15551234567", "one", since=clock.now())] == [
        later.sid
    ]


def test_the_console_gateway_reports_its_texts_delivered(tmp_path: Path) -> None:
    gw = ConsoleGateway(outbox=tmp_path / "outbox.jsonl", from_number="+15550000000")
    sent = gw.send(OutgoingSms("+15551234567", "one"))
    assert gw.fetch_status(sent.sid) == ("delivered", None)
    with pytest.raises(SmsRejected):
        gw.fetch_status("SM" + "0" * 32)
