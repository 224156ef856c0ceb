"""SIGKILL a dispatcher process at points of a dispatch, on a real PostgreSQL: nothing is
lost, nothing stays stuck past one lease, duplicates are bounded by the crashes."""

from __future__ import annotations

import subprocess
import sys
import time
from collections import Counter
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import text

from scheduler.messaging.sending import AcceptedSends
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


def statuses(postgres: PostgresServer, url: str) -> Counter[str]:
    import psycopg

    dsn = url.replace("postgresql+psycopg://", "postgresql://")
    with psycopg.connect(dsn) as conn:
        rows = conn.execute(text("SELECT status FROM checkin WHERE kind = '24h'").text)
        return Counter(r[0] for r in rows)


@pytest.mark.parametrize("kill_at", ["before-send", "after-accept"])
def test_a_killed_worker_loses_nothing_and_its_texts_recover_within_a_lease(
    tmp_path: Path, postgres: PostgresServer, kill_at: str
) -> None:
    config, url = setup(tmp_path, postgres)
    record = tmp_path / "sent.txt"
    crashed = worker(config, record, "--kill-at", kill_at, "--after", "5")
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
    sent = Counter(line.split()[0] for line in record.read_text().splitlines())
    assert set(sent) == {f"+1555{7200000 + i:07d}" for i in range(CHECKINS)}  # none lost
    duplicates = sum(n - 1 for n in sent.values())
    # Texts the dead worker had handed over but not yet recorded (at most one group) go
    # again; the one it died sending before the provider had it does not count.
    assert duplicates <= AcceptedSends.GROUP
    assert statuses(postgres, url) == Counter({"sent": CHECKINS})  # nothing stuck
    assert recovered < LEASE + 5
