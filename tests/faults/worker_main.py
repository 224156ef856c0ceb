"""A real dispatcher process for fault tests: the product's run_once loop with a gateway
that records every accepted text to a file and can kill its own process at a chosen point.

    python -m tests.faults.worker_main CONFIG RECORD [--kill-at before-send|after-accept]
        [--after N]
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import time
from datetime import datetime
from pathlib import Path

from scheduler.checkins.dispatch import run_once
from scheduler.config import load_settings
from scheduler.context import build_context
from scheduler.messaging.gateway import OutgoingSms, SentSms


class RecordingGateway:
    def __init__(self, record: Path, kill_at: str | None, after: int) -> None:
        self.record, self.kill_at, self.after, self.calls = record, kill_at, after, 0

    def send(self, sms: OutgoingSms) -> SentSms:
        self.calls += 1
        if self.kill_at == "before-send" and self.calls > self.after:
            os.kill(os.getpid(), signal.SIGKILL)  # died inside the call, before the provider
        sid = f"SM{os.getpid():08d}{self.calls:024d}"
        with self.record.open("a") as f:
            f.write(json.dumps({"to": sms.to, "body": sms.body, "sid": sid}) + "\n")
            f.flush()
            os.fsync(f.fileno())
        if self.kill_at == "after-accept" and self.calls > self.after:
            os.kill(os.getpid(), signal.SIGKILL)  # the provider has it; we never recorded it
        return SentSms(sid=sid, status="queued")

    def fetch_status(self, sid: str) -> tuple[str, int | None]:
        return "delivered", None

    def find_accepted(self, to: str, body: str, *, since: datetime) -> list[SentSms]:
        """The record file is this provider's message list (every worker appends to it)."""
        if not self.record.exists():
            return []
        lines = [json.loads(line) for line in self.record.read_text().splitlines() if line]
        return [
            SentSms(sid=line["sid"], status="queued")
            for line in reversed(lines)
            if (line["to"], line["body"]) == (to, body)
        ]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("config", type=Path)
    parser.add_argument("record", type=Path)
    parser.add_argument("--kill-at", choices=["before-send", "after-accept"])
    parser.add_argument("--after", type=int, default=0)
    parser.add_argument("--seconds", type=float, default=30)
    args = parser.parse_args()
    ctx = build_context(
        load_settings(args.config), gateway=RecordingGateway(args.record, args.kill_at, args.after)
    )
    deadline = time.monotonic() + args.seconds
    while time.monotonic() < deadline:
        report = run_once(ctx, now=ctx.clock.now())
        idle = report.queued == 0 and report.sending is not None and report.sending.sent == 0
        time.sleep(0.2 if idle else 0)


if __name__ == "__main__":
    main()
