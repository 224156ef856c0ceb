"""ConsoleGateway: the local SmsGateway. Appends each text to a JSON-lines outbox and logs it.

Used by the embedded default and the demo, so a fresh machine can run the whole loop
without a Twilio account. The outbox is the black-box record checks read.
"""

from __future__ import annotations

import json
import logging
import secrets
import threading
from datetime import datetime
from pathlib import Path

from scheduler.clock import Clock, SystemClock
from scheduler.messaging.gateway import OutgoingSms, SentSms, SmsRejected

log = logging.getLogger(__name__)


class ConsoleGateway:
    """Writes `{"to","from","body","sid","sent_at"}` lines to `outbox`; never fails a valid send."""

    def __init__(self, *, outbox: Path, from_number: str, clock: Clock | None = None) -> None:
        self.outbox = outbox
        self.from_number = from_number
        self.clock = clock or SystemClock()  # the app's clock, so a demo's times agree
        self._lock = threading.Lock()

    def send(self, sms: OutgoingSms) -> SentSms:
        sid = "SM" + secrets.token_hex(16)
        line = {
            "to": sms.to,
            "from": self.from_number,
            "body": sms.body,
            "sid": sid,
            "sent_at": self.clock.now().isoformat(),
        }
        self.outbox.parent.mkdir(parents=True, exist_ok=True)
        with self._lock, self.outbox.open("a", encoding="utf-8") as f:
            f.write(json.dumps(line, ensure_ascii=False) + "\n")
        # The body may carry patient-specific text: only its length goes to the log.
        log.info("console sms %s to %s (%d chars)", sid, mask_phone(sms.to), len(sms.body))
        return SentSms(sid=sid, status="sent")

    def records(self) -> list[dict[str, str]]:
        """Every text this gateway has accepted, oldest first."""
        if not self.outbox.exists():
            return []
        with self._lock, self.outbox.open(encoding="utf-8") as f:
            return [json.loads(line) for line in f if line.strip()]

    def fetch_status(self, sid: str) -> tuple[str, int | None]:
        """Every text in the outbox counts as delivered; others are unknown (404)."""
        if any(record["sid"] == sid for record in self.records()):
            return "delivered", None
        raise SmsRejected(f"no message {sid} in the console outbox", code=20404)

    def find_accepted(self, to: str, body: str, *, since: datetime) -> list[SentSms]:
        """The outbox is this provider's record: matching lines, newest first."""
        return [
            SentSms(sid=line["sid"], status="sent")
            for line in reversed(self.records())
            if line["to"] == to
            and line["body"] == body
            and datetime.fromisoformat(line["sent_at"]) >= since
        ]


def mask_phone(phone: str) -> str:
    """+15551234567 -> +1555***4567: enough for an operator, not a full number in logs."""
    return phone[:5] + "***" + phone[-4:] if len(phone) > 9 else "***"
