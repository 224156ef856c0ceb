"""SIGKILL a dispatcher process at points of a dispatch, on a real PostgreSQL: nothing is
lost, nothing stays stuck past one lease, and nothing goes twice — a text the dead worker
handed over is found in the provider's list before any resend."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from collections import Counter
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import text

from tests.cli_helpers import run, write_config
from tests.pg import PostgresServer

ROOT = Path(__file__).resolve().parents[2]
LEASE = 2  # seconds: a short lease so recovery is quick to observe
CHECKINS = 30


def setup(tmp_path: Path, postgres: PostgresServer) -> tuple[Path, str]:
    url = postgres.url(postgres.create_database())
    config = write_config(
        tmp_path,
        database={"url": url},
        dispatch={"lease_seconds": LEASE, "interval_seconds": 0.2},
        sms={"max_per_second": 0},
        checkins={"send_window": "00:00-24:00"},
    )
    run(
        config,
        "user",
        "add",
        "drlin",
        "--role",
        "practitioner",
        "--password-stdin",
        stdin="correct-horse\n",
    )
    ended = (datetime.now(UTC) - timedelta(hours=24, minutes=1)).isoformat()
    lines = ["patient_name,phone,sms_consent,practitioner,ended_at,treated_area"]
    lines += [f"P {i},+1555{7200000 + i:07d},yes,drlin,{ended}," for i in range(CHECKINS)]
    (tmp_path / "s.csv").write_text("\n".join(lines) + "\n")
    run(config, "import", str(tmp_path / "s.csv"))
    return config, url


def worker(config: Path, record: Path, *extra: str) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, "-m", "tests.faults.worker_main", str(config), str(record), *extra],
        cwd=ROOT,
    )


def recorded_sids(url: str) -> set[str]:
    import psycopg

    dsn = url.replace("postgresql+psycopg://", "postgresql://")
    with psycopg.connect(dsn) as conn:
        rows = conn.execute("SELECT sid FROM outbound_message WHERE purpose = 'checkin'")
        return {r[0] for r in rows}


def statuses(postgres: PostgresServer, url: str) -> Counter[str]:
    import psycopg

    dsn = url.replace("postgresql+psycopg://", "postgresql://")
    with psycopg.connect(dsn) as conn:
        rows = conn.execute(text("SELECT status FROM checkin WHERE kind = '24h'").text)
        return Counter(r[0] for r in rows)


@pytest.mark.parametrize(
    ("kill_at", "after"),
    [
        ("before-send", 0),  # the very first text, before the provider has it
        ("before-send", 5),  # mid-group: five accepted and not yet recorded
        ("after-accept", 5),  # the provider has the sixth; we recorded none of them
        ("after-accept", CHECKINS - 2),  # most accepted, none recorded yet
    ],
)
def test_a_killed_worker_loses_nothing_sends_nothing_twice_and_recovers_within_a_lease(
    tmp_path: Path, postgres: PostgresServer, kill_at: str, after: int
) -> None:
    config, url = setup(tmp_path, postgres)
    record = tmp_path / "sent.jsonl"
    crashed = worker(config, record, "--kill-at", kill_at, "--after", str(after))
    assert crashed.wait(60) == -9  # SIGKILL, mid-dispatch
    killed_at = time.monotonic()
    healthy = worker(config, record, "--seconds", "20")
    try:
        deadline = time.monotonic() + 30
        while statuses(postgres, url).get("sent", 0) < CHECKINS:
            assert time.monotonic() < deadline, statuses(postgres, url)
            time.sleep(0.2)
        recovered = time.monotonic() - killed_at
    finally:
        healthy.terminate()
        healthy.wait(15)
    sent = Counter(json.loads(line)["to"] for line in record.read_text().splitlines())
    assert set(sent) == {f"+1555{7200000 + i:07d}" for i in range(CHECKINS)}  # none lost
    assert max(sent.values()) == 1  # none twice
    assert statuses(postgres, url) == Counter({"sent": CHECKINS})  # nothing stuck
    assert recorded_sids(url) == {
        json.loads(line)["sid"] for line in record.read_text().splitlines()
    }
    assert recovered < LEASE + 5
