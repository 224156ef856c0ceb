"""Every interval job, registered with one APScheduler BackgroundScheduler.

APScheduler is only the clock: jobs keep no state of their own (the database holds every
pending send), so the in-memory job store is right and several processes can each run
their own scheduler against one database.
"""

from __future__ import annotations

import logging
from datetime import UTC, datetime

from apscheduler.schedulers.background import BackgroundScheduler

from scheduler.checkins.dispatch import run_once
from scheduler.context import AppContext
from scheduler.messaging.delivery import check_open_deliveries

log = logging.getLogger(__name__)

DISPATCH_JOB_ID = "checkins.dispatch_due"
DELIVERY_CHECK_JOB_ID = "messages.check_open_deliveries"
DELIVERY_CHECK_SECONDS = 300


def dispatch_tick(ctx: AppContext) -> None:
    """Thin wrapper: one tick with the injected clock; errors are logged, the next tick retries."""
    try:
        report = run_once(ctx, now=ctx.clock.now())
    except Exception:
        log.exception("dispatch tick failed; the next tick will retry")
        return
    if (
        report.queued
        or report.cancelled
        or (
            report.sending
            and (report.sending.sent or report.sending.failed or report.sending.retrying)
        )
    ):
        log.info("dispatch: %s", report)


def delivery_check(ctx: AppContext) -> None:
    """Ask the provider about texts whose final status callback never came."""
    try:
        check_open_deliveries(ctx.engine, ctx.gateway, now=ctx.clock.now())
    except Exception:
        log.exception("delivery check failed; the next run will retry")


class StillRunning(logging.Filter):
    """A tick still sending a paced batch when the next is due is how pacing works, not a
    warning: APScheduler's "skipped: maximum number of running instances reached", logged
    every tick of a long batch, buried the warnings that matter."""

    def filter(self, record: logging.LogRecord) -> bool:
        return "maximum number of running instances reached" not in str(record.msg)


def start_scheduler(ctx: AppContext) -> BackgroundScheduler:
    """Start the interval jobs; the first dispatch runs at once (catch-up after a restart)."""
    scheduler_log = logging.getLogger("apscheduler.scheduler")
    if not any(isinstance(f, StillRunning) for f in scheduler_log.filters):
        scheduler_log.addFilter(StillRunning())
    scheduler = BackgroundScheduler(timezone=UTC)
    scheduler.add_job(
        dispatch_tick,
        "interval",
        seconds=ctx.settings.dispatch.interval_seconds,
        args=[ctx],
        id=DISPATCH_JOB_ID,
        next_run_time=datetime.now(UTC),
        max_instances=1,
        coalesce=True,
        misfire_grace_time=None,
    )
    scheduler.add_job(
        delivery_check,
        "interval",
        seconds=DELIVERY_CHECK_SECONDS,
        args=[ctx],
        id=DELIVERY_CHECK_JOB_ID,
        max_instances=1,
        coalesce=True,
    )
    scheduler.start()
    return scheduler
