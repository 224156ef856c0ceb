"""One contract, both gateways: what the rest of Aftercare relies on from `send`."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from scheduler.messaging.console import ConsoleGateway
from scheduler.messaging.gateway import OutgoingSms, SmsGateway
from scheduler.messaging.twilio import TwilioGateway
from tests.messaging.prism import ACCOUNT_SID, PrismClient

TWILIO_STATUSES = {"accepted", "scheduled", "queued", "sending", "sent", "delivered"}


def console(tmp_path: Path, prism_url: str) -> SmsGateway:
    return ConsoleGateway(outbox=tmp_path / "outbox.jsonl", from_number="+15550000000")


def twilio(tmp_path: Path, prism_url: str) -> SmsGateway:
    return TwilioGateway(
        account_sid=ACCOUNT_SID,
        auth_token="t",
        from_number="+15550000000",
        http_client=PrismClient(prism_url),
    )


@pytest.fixture(params=[console, twilio], ids=["console", "twilio"])
def make(request: pytest.FixtureRequest) -> Callable[[Path, str], SmsGateway]:
    return request.param  # type: ignore[no-any-return]


def test_send_returns_a_unique_message_sid_and_a_twilio_status(
    make: Callable[[Path, str], SmsGateway], tmp_path: Path, prism_url: str
) -> None:
    gw = make(tmp_path, prism_url)
    first = gw.send(OutgoingSms("+15551234567", "one", "https://x.example/cb"))
    second = gw.send(OutgoingSms("+15551234567", "two"))
    assert first.sid.startswith("SM") and len(first.sid) == 34
    assert first.sid != second.sid
    assert first.status in TWILIO_STATUSES


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
