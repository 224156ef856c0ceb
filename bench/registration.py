"""Registration throughput: sessions per second through the JSON API (real HTTP to the
app under uvicorn: one session a request from 4 concurrent clients, and batches of 100
from one client) and through CSV import, on SQLite and PostgreSQL.

    .venv/bin/python bench/registration.py [--sessions 1000] [--backends sqlite,postgresql]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime, timedelta
from pathlib import Path

from _setup import ROOT

sys.path.insert(0, str(ROOT))

from bench.dispatch import database
from scheduler.db import session_scope
from scheduler.sessions.csv_import import import_sessions_csv
from tests.helpers import LiveServer, add_practitioner, add_token, make_context, make_settings

ENDED = (datetime.now(UTC) - timedelta(hours=1)).isoformat()


def payload(i: int) -> dict[str, object]:
    return {
        "patient": {"name": f"P {i}", "phone": f"+1555{8000000 + i:07d}", "sms_consent": True},
        "practitioner": "drlin",
        "ended_at": ENDED,
    }


def via_api(url: str, tmp: Path, n: int) -> float:
    ctx = make_context(make_settings(tmp, database={"url": url}), now=datetime.now(UTC))
    add_practitioner(ctx.engine)
    token = add_token(ctx.engine)
    server = LiveServer(ctx).start()
    try:
        clients = [server.client(headers={"Authorization": f"Bearer {token}"}) for _ in range(4)]
        started = time.perf_counter()
        with ThreadPoolExecutor(4) as pool:
            codes = list(
                pool.map(
                    lambda i: clients[i % 4].post("/api/sessions", json=payload(i)).status_code,
                    range(n),
                )
            )
        elapsed = time.perf_counter() - started
        assert codes.count(201) == n, set(codes)
    finally:
        server.stop()
    return n / elapsed


def via_api_batches(url: str, tmp: Path, n: int) -> float:
    """POST /api/sessions/batch, 100 sessions a request, one client."""
    ctx = make_context(make_settings(tmp, database={"url": url}), now=datetime.now(UTC))
    add_practitioner(ctx.engine)
    token = add_token(ctx.engine)
    server = LiveServer(ctx).start()
    try:
        with server.client(headers={"Authorization": f"Bearer {token}"}) as client:
            started = time.perf_counter()
            registered = 0
            for first in range(0, n, 100):
                batch = [payload(i) for i in range(first, min(n, first + 100))]
                answer = client.post("/api/sessions/batch", json={"sessions": batch})
                registered += answer.json()["registered"]
            elapsed = time.perf_counter() - started
        assert registered == n, registered
    finally:
        server.stop()
    return n / elapsed


def via_csv(url: str, tmp: Path, n: int) -> float:
    ctx = make_context(make_settings(tmp, database={"url": url}), now=datetime.now(UTC))
    add_practitioner(ctx.engine)
    lines = ["patient_name,phone,sms_consent,practitioner,ended_at,treated_area"]
    lines += [f"P {i},+1555{9000000 + i:07d},yes,drlin,{ENDED}," for i in range(n)]
    started = time.perf_counter()
    with session_scope(ctx.engine) as db:
        report = import_sessions_csv(
            db, "\n".join(lines), settings=ctx.settings, now=datetime.now(UTC), actor="bench"
        )
    elapsed = time.perf_counter() - started
    assert len(report.registered) == n, report.errors[:3]
    return n / elapsed


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sessions", type=int, default=1000)
    parser.add_argument("--backends", default="sqlite,postgresql")
    args = parser.parse_args()
    print(f"{'backend':<11} {'API one each/s':>15} {'API batches/s':>15} {'CSV import/s':>15}")
    for backend in args.backends.split(","):
        rates = []
        for how in (via_api, via_api_batches, via_csv):
            with tempfile.TemporaryDirectory() as tmp, database(backend, Path(tmp)) as url:
                rates.append(how(url, Path(tmp), args.sessions))
        print(f"{backend:<11} " + " ".join(f"{rate:>15.0f}" for rate in rates))


if __name__ == "__main__":
    main()
