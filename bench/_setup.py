"""Shared set-up for benchmarks: a database with N due check-ins, loaded in bulk."""

from __future__ import annotations

import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from sqlalchemy import insert
from sqlalchemy.engine import Engine

from scheduler.checkins.models import CheckIn
from scheduler.config import Settings
from scheduler.db import make_engine, session_scope
from scheduler.migrate import upgrade_database
from scheduler.sessions.models import Patient, TreatmentSession
from scheduler.staff.accounts import create_user

# Today at 15:00 UTC (10:00 or 11:00 in New York: inside the send window). Relative to the
# real date because the newcomer's APScheduler runs on the real clock: its jobs, due a day
# after NOW, must still be in the future while it is measured.
NOW = datetime.now(UTC).replace(hour=15, minute=0, second=0, microsecond=0)


def bench_settings(tmp: Path, url: str, **sms: Any) -> Settings:
    from tests.helpers import make_settings

    return make_settings(
        tmp,
        database={"url": url},
        sms={"max_per_second": 0, **sms},
        dispatch={"batch_size": 500, "lease_seconds": 300},
    )


def load_due_checkins(url: str, count: int, *, due: datetime = NOW, future: int = 0) -> Engine:
    """`count` check-ins due at `due`, plus `future` pending ones due next week."""
    engine = make_engine(url)
    upgrade_database(engine)
    with session_scope(engine) as db:
        create_user(
            db,
            username="drbench",
            password="bench-password",
            role="practitioner",
            phone="+15550100001",
            region="US",
            now=NOW,
        )
    total = count + future
    chunk = 20_000
    with engine.begin() as conn:
        for lo in range(0, total, chunk):
            hi = min(total, lo + chunk)
            conn.execute(
                insert(Patient),
                [
                    {
                        "id": i + 1,
                        "name": f"P {i}",
                        "phone": f"+1555{3000000 + i:07d}",
                        "sms_consent_at": NOW,
                        "created_at": NOW,
                    }
                    for i in range(lo, hi)
                ],
            )
            conn.execute(
                insert(TreatmentSession),
                [
                    {
                        "id": i + 1,
                        "patient_id": i + 1,
                        "practitioner_id": 1,
                        "source": "bench",
                        "ended_at": NOW - timedelta(hours=24),
                        "treated_area": "",
                        "created_at": NOW,
                    }
                    for i in range(lo, hi)
                ],
            )
            conn.execute(
                insert(CheckIn),
                [
                    {
                        "session_id": i + 1,
                        "kind": "24h",
                        "status": "pending",
                        "updated_at": NOW,
                        "due_at": due if i < count else due + timedelta(days=7),
                        "expires_at": (due if i < count else due + timedelta(days=7))
                        + timedelta(hours=16),
                    }
                    for i in range(lo, hi)
                ],
            )
    return engine
