"""/metrics in Prometheus' text format.

Totals (texts sent and failed, flags by label, check-ins by status, dispatch lag) are read
from the database at scrape time, so every process reports the same cluster-wide
figures; webhook latency is a per-process histogram.
"""

from __future__ import annotations

import bisect
import threading
from datetime import UTC, datetime
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import PlainTextResponse
from sqlmodel import Session, col, func, select
from starlette.concurrency import run_in_threadpool

from scheduler.checkins.models import CheckIn, CheckInStatus
from scheduler.flags.models import Flag
from scheduler.messaging.models import OutboundMessage

router = APIRouter(include_in_schema=False)


class Histogram:
    """A cumulative-bucket latency histogram, thread-safe."""

    def __init__(self, buckets: tuple[float, ...]) -> None:
        self.buckets = buckets
        self.counts = [0] * (len(buckets) + 1)
        self.total = 0.0
        self.lock = threading.Lock()

    def observe(self, seconds: float) -> None:
        with self.lock:
            self.counts[bisect.bisect_left(self.buckets, seconds)] += 1
            self.total += seconds

    def lines(self, name: str) -> list[str]:
        with self.lock:
            out, running = [f"# TYPE {name} histogram"], 0
            for bound, count in zip(self.buckets, self.counts, strict=False):
                running += count
                out.append(f'{name}_bucket{{le="{bound}"}} {running}')
            running += self.counts[-1]
            out += [
                f'{name}_bucket{{le="+Inf"}} {running}',
                f"{name}_sum {self.total:.6f}",
                f"{name}_count {running}",
            ]
            return out


WEBHOOK_LATENCY = Histogram((0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5))


def database_lines(db: Session, now: datetime) -> list[str]:
    lines = ["# TYPE aftercare_texts_total counter"]
    for purpose, status, count in db.exec(
        select(OutboundMessage.purpose, OutboundMessage.status, func.count()).group_by(
            col(OutboundMessage.purpose), col(OutboundMessage.status)
        )
    ).all():
        lines.append(f'aftercare_texts_total{{purpose="{purpose}",status="{status}"}} {count}')
    lines.append("# TYPE aftercare_flags_total counter")
    for label, status, count in db.exec(
        select(Flag.label, Flag.status, func.count()).group_by(col(Flag.label), col(Flag.status))
    ).all():
        lines.append(f'aftercare_flags_total{{label="{label}",status="{status}"}} {count}')
    lines.append("# TYPE aftercare_checkins gauge")
    for status, count in db.exec(
        select(CheckIn.status, func.count()).group_by(col(CheckIn.status))
    ).all():
        lines.append(f'aftercare_checkins{{status="{status}"}} {count}')
    oldest_due = db.exec(
        select(func.min(CheckIn.due_at)).where(
            CheckIn.status == CheckInStatus.pending, CheckIn.due_at <= now
        )
    ).one()
    lag = 0.0 if oldest_due is None else (now - _aware(oldest_due)).total_seconds()
    lines += [
        "# TYPE aftercare_dispatch_lag_seconds gauge",
        f"aftercare_dispatch_lag_seconds {lag:.3f}",
    ]
    return lines


def _aware(value: Any) -> datetime:
    # func.min() bypasses the column type on SQLite: the value may come back naive (UTC)
    # or even as text.
    if isinstance(value, str):
        value = datetime.fromisoformat(value)
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value


@router.get("/metrics")
async def metrics(request: Request) -> PlainTextResponse:
    ctx = request.app.state.ctx
    now = ctx.clock.now()

    def collect() -> list[str]:
        with Session(ctx.engine) as db:
            return database_lines(db, now)

    lines = await run_in_threadpool(collect)
    if ctx.last_tick_at is not None:
        age = (now - ctx.last_tick_at).total_seconds()
        lines += [
            "# TYPE aftercare_last_tick_age_seconds gauge",
            f"aftercare_last_tick_age_seconds {age:.3f}",
        ]
    lines += WEBHOOK_LATENCY.lines("aftercare_webhook_seconds")
    return PlainTextResponse("\n".join(lines) + "\n", media_type="text/plain; version=0.0.4")
