"""OutboxSender: a process's own sender, woken the moment a webhook queues a text.

The webhook only commits (the alert and the answer are rows in the outbox) and rings
this bell; one thread sends whatever is due, in batches. Fewer, larger transactions than
a send per request, and the webhook answers Twilio without waiting for Twilio. Anything
it cannot send is retried by the same loop or by any dispatcher tick.

With `web.sends_replies` off, web processes leave sending to the workers: each worker runs
an OutboxSender too, woken by an OutboxListener (PostgreSQL LISTEN/NOTIFY), so a web
process never spends its time on the provider's API.
"""

from __future__ import annotations

import logging
import threading

import psycopg

from scheduler.context import AppContext
from scheduler.messaging.outbox import OUTBOX_CHANNEL
from scheduler.messaging.sending import send_due_messages

log = logging.getLogger(__name__)


class OutboxSender:
    def __init__(self, ctx: AppContext, *, idle_seconds: float = 5.0) -> None:
        self.ctx, self.idle_seconds = ctx, idle_seconds
        self.stopping = ctx.stopping  # the process's: set once, on shutdown
        self.thread = threading.Thread(target=self.run, name="outbox-sender", daemon=True)

    def start(self) -> OutboxSender:
        self.thread.start()
        return self

    def stop(self) -> None:
        self.stopping.set()
        self.ctx.outbox_bell.set()
        self.thread.join(10)

    def run(self) -> None:
        ctx = self.ctx
        while not self.stopping.is_set():
            ctx.outbox_bell.wait(self.idle_seconds)
            ctx.outbox_bell.clear()
            if self.stopping.is_set():
                return
            try:
                send_due_messages(
                    ctx.engine,
                    ctx.gateway,
                    settings=ctx.settings,
                    now=ctx.clock.now(),
                    worker=ctx.worker_id,
                    status_callback=ctx.status_callback_url,
                    pacer=ctx.pacer,
                    stopping=ctx.stopping,
                )
            except Exception:  # the loop must survive a database blip; rows stay queued
                log.exception("outbox sender failed; retrying on the next bell")


class OutboxListener:
    """Rings the outbox bell whenever a process announces texts it queued (PostgreSQL
    LISTEN on OUTBOX_CHANNEL), so a worker's OutboxSender sends a webhook's answer at once
    rather than at its next tick. A lost connection is reopened; on reconnecting the bell
    rings too, for anything announced while nobody listened."""

    def __init__(self, ctx: AppContext, *, retry_seconds: float = 1.0) -> None:
        self.ctx, self.retry_seconds = ctx, retry_seconds
        self.listening = threading.Event()  # set while a LISTEN is in place (tests wait on it)
        self.thread = threading.Thread(target=self.run, name="outbox-listener", daemon=True)

    def start(self) -> OutboxListener:
        self.thread.start()
        return self

    def stop(self) -> None:
        self.ctx.stopping.set()
        self.thread.join(10)

    def run(self) -> None:
        url = self.ctx.engine.url.set(drivername="postgresql")
        dsn = url.render_as_string(hide_password=False)
        while not self.ctx.stopping.is_set():
            try:
                self.listen(dsn)
            except psycopg.Error as exc:
                log.warning("outbox listener lost its connection (%s); reconnecting", exc)
            self.listening.clear()
            self.ctx.stopping.wait(self.retry_seconds)

    def listen(self, dsn: str) -> None:
        with psycopg.connect(dsn, autocommit=True) as conn:
            conn.execute(f"LISTEN {OUTBOX_CHANNEL}")
            self.ctx.outbox_bell.set()
            self.listening.set()
            while not self.ctx.stopping.is_set():
                for _ in conn.notifies(timeout=1.0):
                    self.ctx.outbox_bell.set()
