"""AppContext: the long-lived parts one process shares (engine, gateway, texts, clock).

Built once by `create_app`, the worker and the CLI from a Settings object, then passed
down; nothing builds its own engine or gateway.
"""

from __future__ import annotations

import logging
import os
import socket
import threading
from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy.engine import Engine

from scheduler.clock import Clock, OffsetClock, SystemClock
from scheduler.config import Settings, resolve_database_url, resolve_path
from scheduler.db import make_engine
from scheduler.messaging.console import ConsoleGateway
from scheduler.messaging.gateway import SmsGateway
from scheduler.messaging.pacing import SendPacer
from scheduler.messaging.texts import SmsTexts
from scheduler.triage import PainThresholds

log = logging.getLogger(__name__)


@dataclass
class AppContext:
    settings: Settings
    engine: Engine
    gateway: SmsGateway
    clock: Clock
    texts: SmsTexts = field(default_factory=SmsTexts)
    worker_id: str = field(default_factory=lambda: f"{socket.gethostname()}:{os.getpid()}")
    pacer: SendPacer | None = None
    # Rung when texts are queued that should go now (a flag's alert, an answer).
    outbox_bell: threading.Event = field(default_factory=threading.Event)
    # Set on shutdown: senders stop between texts and hand back what they had not sent.
    stopping: threading.Event = field(default_factory=threading.Event)
    last_tick_at: datetime | None = None

    @property
    def status_callback_url(self) -> str:
        return f"{self.settings.web.public_base_url}/webhooks/twilio/status"

    @property
    def pain_thresholds(self) -> PainThresholds:
        t = self.settings.triage
        return PainThresholds(
            emergency_min=t.pain_emergency_min, complication_min=t.pain_complication_min
        )


def make_gateway(settings: Settings, clock: Clock | None = None) -> SmsGateway:
    """The configured SmsGateway: Twilio's REST API or the local console outbox."""
    if settings.sms.backend == "twilio":
        from scheduler.messaging.twilio import TwilioGateway

        return TwilioGateway(
            account_sid=settings.twilio.account_sid,
            auth_token=settings.twilio.auth_token,
            from_number=settings.sms.from_number or None,
            messaging_service_sid=settings.sms.messaging_service_sid or None,
            api_base_url=settings.twilio.api_base_url or None,
        )
    return ConsoleGateway(
        outbox=resolve_path(settings, settings.sms.console_outbox),
        from_number=settings.sms.from_number or "+15550000000",
        clock=clock,
    )


def wall_clock(settings: Settings) -> Clock:
    if not settings.clock.offset:
        return SystemClock()
    log.warning("clock.offset: this process runs %s ahead of the wall clock", settings.clock.offset)
    return OffsetClock(settings.clock.offset)


def build_context(
    settings: Settings,
    *,
    clock: Clock | None = None,
    gateway: SmsGateway | None = None,
    engine: Engine | None = None,
) -> AppContext:
    engine = engine or make_engine(resolve_database_url(settings))
    rate = settings.sms.max_per_second
    clock = clock or wall_clock(settings)
    stopping = threading.Event()
    return AppContext(
        settings=settings,
        engine=engine,
        gateway=gateway or make_gateway(settings, clock),
        clock=clock,
        # A shutdown cuts a paced wait short instead of sitting out the batch.
        pacer=SendPacer(engine, per_second=rate, sleep=stopping.wait) if rate > 0 else None,
        stopping=stopping,
    )
