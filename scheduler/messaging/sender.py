"""OutboxSender: the web process's own sender, woken the moment a webhook queues a text.

The webhook only commits (the alert and the answer are rows in the outbox) and rings
this bell; one thread sends whatever is due, in batches. Fewer, larger transactions than
a send per request, and the webhook answers Twilio without waiting for Twilio. Anything
it cannot send is retried by the same loop or by any dispatcher tick.
"""

from __future__ import annotations

import logging
import threading

from scheduler.context import AppContext
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
