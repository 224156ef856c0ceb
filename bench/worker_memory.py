"""Worker memory against the number of pending check-ins: RSS of a real `aftercare worker`
after it has ticked for a while, with 0, 100 k and 1 M check-ins pending on PostgreSQL.

    .venv/bin/python bench/worker_memory.py [--sizes 0,100000,1000000] [--seconds 8]
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from _setup import NOW, ROOT

sys.path.insert(0, str(ROOT))

from sqlalchemy import text

from bench.claim_latency import LOAD
from scheduler.db import make_engine
from scheduler.migrate import upgrade_database
from tests.cli_helpers import AFTERCARE, write_config
from tests.pg import start_postgres


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def measure(url: str, size: int, seconds: float) -> float:
    engine = make_engine(url)
    upgrade_database(engine)
    if size:
        with engine.begin() as conn:
            for statement in LOAD.strip().split(";\n"):
                if statement.strip():
                    conn.execute(text(statement), {"n": size, "now": NOW})
            conn.execute(
                text(
                    "UPDATE checkin SET due_at = due_at + interval '30 days', "
                    "expires_at = expires_at + interval '30 days'"
                )
            )
    engine.dispose()
    with tempfile.TemporaryDirectory() as tmp:
        config = write_config(Path(tmp), dispatch={"interval_seconds": 0.5})
        config.write_text(
            config.read_text().replace('url = "sqlite:///var/aftercare.db"', f'url = "{url}"')
        )
        env = {**os.environ, "AFTERCARE_CONFIG": str(config)}
        proc = subprocess.Popen(
            [AFTERCARE, "worker"], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
        try:
            time.sleep(seconds)
            return rss_mb(proc.pid)
        finally:
            proc.terminate()
            proc.wait(15)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", default="0,100000,1000000")
    parser.add_argument("--seconds", type=float, default=8)
    args = parser.parse_args()
    gen = start_postgres()
    server = next(gen)
    try:
        for size in (int(s) for s in args.sizes.split(",")):
            mb = measure(server.url(server.create_database()), size, args.seconds)
            print(f"{size:>10,} pending: worker RSS {mb:6.1f} MB")
    finally:
        gen.close()


if __name__ == "__main__":
    main()
