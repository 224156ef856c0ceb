"""Time from a patient's reply reaching the webhook to the practitioner's alert being
handed to the SMS gateway: p50 / p99 over N replies.

Runs the real app under uvicorn on a loopback port with a SQLite file database; each
reply is a signed POST over HTTP; the gateway records when it is handed the alert.

    .venv/bin/python bench/reply_to_alert.py [--replies 100]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import threading
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from scheduler.db import session_scope
from scheduler.messaging.gateway import OutgoingSms, SentSms
from scheduler.sessions.schemas import parse_session
from scheduler.sessions.service import register_session
from tests.helpers import LiveServer, add_practitioner, make_context, make_settings

PRACTITIONER = "+15550100001"


class TimingGateway:
    """Records the moment each text to the practitioner is handed over."""

    def __init__(self) -> None:
        self.handed: list[float] = []
        self.event = threading.Event()
        self.count = 0
        self.lock = threading.Lock()

    def send(self, sms: OutgoingSms) -> SentSms:
        with self.lock:
            self.count += 1
            if sms.to == PRACTITIONER:
                self.handed.append(time.perf_counter())
                self.event.set()
            return SentSms(sid=f"SM{self.count:032d}", status="queued")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--replies", type=int, default=100)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        now = datetime.now(UTC)
        settings = make_settings(Path(tmp))
        gateway = TimingGateway()
        ctx = make_context(settings, now=now, gateway=gateway)
        add_practitioner(ctx.engine, phone=PRACTITIONER)
        phones = [f"+1555{2000000 + i:07d}" for i in range(args.replies)]
        with session_scope(ctx.engine) as db:
            for i, phone in enumerate(phones):
                data = parse_session(
                    {
                        "patient": {"name": f"Patient {i}", "phone": phone, "sms_consent": True},
                        "practitioner": "drlin",
                        "ended_at": (now - timedelta(hours=25)).isoformat(),
                    }
                )
                register_session(db, data, settings=settings, now=now, source="bench", actor="b")
        server = LiveServer(ctx).start()
        latencies = []
        try:
            server.text_in(phones[0], "warm-up: fine thanks")  # first-request costs aside
            for phone in phones:
                gateway.event.clear()
                started = time.perf_counter()
                response = server.text_in(phone, "sharp pain and I feel dizzy")
                assert response.status_code == 200, response.text
                if not gateway.event.wait(10):
                    raise SystemExit("an alert never reached the gateway")
                latencies.append((gateway.handed[-1] - started) * 1000)
        finally:
            server.stop()
    report(latencies)


def report(latencies: list[float]) -> None:
    ordered = sorted(latencies)
    p99 = ordered[min(len(ordered) - 1, int(round(0.99 * len(ordered))) - 1)]
    print(f"replies: {len(latencies)} (SQLite file, in-process uvicorn, sequential)")
    print(
        f"reply -> alert handed to gateway: p50 {statistics.median(latencies):.1f} ms, "
        f"p99 {p99:.1f} ms, max {ordered[-1]:.1f} ms"
    )


if __name__ == "__main__":
    main()
