"""Dispatch throughput: check-ins sent per second by 1 and 4 worker processes, on SQLite
and PostgreSQL, through a zero-latency gateway; and a check that each went exactly once.

    .venv/bin/python bench/dispatch.py [--checkins 5000] [--backends sqlite,postgresql]

PostgreSQL runs as the tests start it (tests/pg.py: fsync off, a throwaway server), so
the figures are the software's, not a disk's.
"""

from __future__ import annotations

import argparse
import multiprocessing as mp
import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _setup import NOW, ROOT, bench_settings, load_due_checkins

sys.path.insert(0, str(ROOT))


class ZeroLatencyGateway:
    """Accepts at once; writes each sid to a file so duplicates can be counted."""

    def __init__(self, record: Path) -> None:
        self.record = record.open("a")
        self.n = 0

    def send(self, sms):  # type: ignore[no-untyped-def]
        from scheduler.messaging.gateway import SentSms

        self.n += 1
        self.record.write(sms.to + "\n")
        return SentSms(sid=f"SM{os.getpid():08d}{self.n:024d}", status="queued")

    def find_accepted(self, to, body, *, since):  # type: ignore[no-untyped-def]
        return []  # no worker dies in this benchmark

    def fetch_status(self, sid):  # type: ignore[no-untyped-def]
        return "delivered", None


def worker(url: str, tmp: str, record: str, ready: object, go: object) -> None:
    from scheduler.checkins.dispatch import run_once
    from scheduler.clock import ManualClock
    from scheduler.context import build_context

    settings = bench_settings(Path(tmp), url)
    gateway = ZeroLatencyGateway(Path(record))
    ctx = build_context(settings, clock=ManualClock(NOW), gateway=gateway)  # type: ignore[arg-type]
    ctx.engine.connect().close()  # connect before the clock starts
    ready.release()  # type: ignore[attr-defined]
    go.wait()  # type: ignore[attr-defined]
    idle = 0
    while idle < 3:  # a few empty ticks in a row: the others have the rest
        report = run_once(ctx, now=NOW)
        sent = report.sending.sent if report.sending else 0
        idle = idle + 1 if (report.queued == 0 and sent == 0) else 0
    gateway.record.close()


def run(url: str, tmp: Path, count: int, workers: int) -> tuple[float, int, int]:
    load_due_checkins(url, count)
    records = [tmp / f"sent-{w}.txt" for w in range(workers)]
    spawn = mp.get_context("spawn")
    ready, go = spawn.Semaphore(0), spawn.Event()
    procs = [spawn.Process(target=worker, args=(url, str(tmp), str(r), ready, go)) for r in records]
    for p in procs:
        p.start()
    for _ in procs:  # imports and connections are not what is measured
        ready.acquire()
    started = time.perf_counter()
    go.set()
    for p in procs:
        p.join()
    elapsed = time.perf_counter() - started
    phones = [line for r in records if r.exists() for line in r.read_text().splitlines()]
    return elapsed, len(phones), len(phones) - len(set(phones))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--checkins", type=int, default=5000)
    parser.add_argument("--backends", default="sqlite,postgresql")
    args = parser.parse_args()
    print(
        f"{'backend':<11} {'workers':>7} {'check-ins':>9} {'seconds':>8} {'per s':>8} {'dups':>5}"
    )
    for backend in args.backends.split(","):
        for workers in (1, 4):
            with tempfile.TemporaryDirectory() as tmp_s:
                tmp = Path(tmp_s)
                with database(backend, tmp) as url:
                    elapsed, sent, dups = run(url, tmp, args.checkins, workers)
            print(
                f"{backend:<11} {workers:>7} {sent:>9} {elapsed:>8.2f} "
                f"{sent / elapsed:>8.0f} {dups:>5}"
            )


class database:  # noqa: N801 (a context manager used like a function)
    def __init__(self, backend: str, tmp: Path) -> None:
        self.backend, self.tmp, self.server = backend, tmp, None

    def __enter__(self) -> str:
        if self.backend == "sqlite":
            return f"sqlite:///{self.tmp / 'bench.db'}"
        from tests.pg import start_postgres

        self.gen = start_postgres()
        self.server = next(self.gen)
        return self.server.url(self.server.create_database())  # type: ignore[attr-defined]

    def __exit__(self, *exc: object) -> None:
        if self.server is not None:
            self.gen.close()


if __name__ == "__main__":
    main()
