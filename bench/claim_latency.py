"""Claim latency on PostgreSQL: how long the dispatcher's claim of one batch of due
check-ins takes with 10 k, 1 M (and 10 M) pending rows, and whether the partial index
on pending rows carries it.

    .venv/bin/python bench/claim_latency.py [--sizes 10000,1000000] [--claims 200]

Rows are loaded with generate_series; 1% are due now, the rest next week. Each claim
runs the dispatcher's own query (`claim_due`: SELECT … FOR UPDATE SKIP LOCKED)
in a transaction that is rolled back, so every claim sees the same table.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time

from _setup import NOW, ROOT

sys.path.insert(0, str(ROOT))

from sqlalchemy import text
from sqlmodel import Session

from scheduler.checkins.dispatch import claim_due
from scheduler.db import make_engine
from scheduler.migrate import upgrade_database
from tests.pg import start_postgres

LOAD = """
INSERT INTO app_user (id, username, password_hash, role, active, created_at)
VALUES (1, 'drbench', 'x', 'practitioner', true, :now);
INSERT INTO patient (id, name, phone, sms_consent_at, created_at)
SELECT i, 'P' || i, '+1555' || lpad(i::text, 8, '0'), :now, :now
FROM generate_series(1, :n) AS i;
INSERT INTO treatment_session (id, patient_id, practitioner_id, ended_at, treated_area, source,
                               created_at)
SELECT i, i, 1, :now - interval '1 day', '', 'bench', :now FROM generate_series(1, :n) AS i;
INSERT INTO checkin (session_id, kind, due_at, expires_at, status, updated_at)
SELECT i, '24h',
       CASE WHEN i % 100 = 0 THEN :now ELSE :now + interval '7 days' END,
       CASE WHEN i % 100 = 0 THEN :now ELSE :now + interval '7 days' END + interval '16 hours',
       'pending', :now
FROM generate_series(1, :n) AS i;
ANALYZE;
"""


def measure(url: str, size: int, claims: int, batch: int) -> None:
    engine = make_engine(url)
    upgrade_database(engine)
    started = time.perf_counter()
    with engine.begin() as conn:
        for statement in LOAD.strip().split(";\n"):
            if statement.strip():
                conn.execute(text(statement), {"n": size, "now": NOW})
    load_s = time.perf_counter() - started
    timings = []
    with Session(engine) as db:
        for _ in range(claims):
            t0 = time.perf_counter()
            rows = db.execute(claim_due(NOW, batch)).all()
            timings.append((time.perf_counter() - t0) * 1000)
            db.rollback()
        assert len(rows) == min(batch, size // 100)
        compiled = claim_due(NOW, batch).compile(engine, compile_kwargs={"literal_binds": True})
        plan = "\n".join(r[0] for r in db.execute(text(f"EXPLAIN ANALYZE {compiled}")))
    timings.sort()
    p99 = timings[min(len(timings) - 1, int(0.99 * len(timings)))]
    uses_index = "ix_checkin_pending_due" in plan
    print(
        f"{size:>10,} pending  load {load_s:6.1f} s  claim of {batch}: "
        f"p50 {statistics.median(timings):6.2f} ms  p99 {p99:6.2f} ms  "
        f"partial index used: {'yes' if uses_index else 'NO'}"
    )
    engine.dispose()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", default="10000,1000000")
    parser.add_argument("--claims", type=int, default=200)
    parser.add_argument("--batch", type=int, default=100)
    args = parser.parse_args()
    gen = start_postgres()
    server = next(gen)
    try:
        for size in (int(s) for s in args.sizes.split(",")):
            measure(server.url(server.create_database()), size, args.claims, args.batch)
    finally:
        gen.close()


if __name__ == "__main__":
    main()
