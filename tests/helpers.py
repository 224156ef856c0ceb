"""Small builders and a real server for tests. No mocks of our own code: fakes at the edges."""

from __future__ import annotations

import re
import socket
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import httpx
import uvicorn
from sqlalchemy.engine import Engine

from scheduler.app import create_app
from scheduler.clock import ManualClock
from scheduler.config import Settings
from scheduler.context import AppContext, build_context
from scheduler.db import session_scope
from scheduler.messaging.fake_phone import inbound_params
from scheduler.messaging.gateway import OutgoingSms, SentSms, SmsError
from scheduler.messaging.signature import sign
from scheduler.migrate import upgrade_database
from scheduler.staff.accounts import create_api_token, create_user

AUTH_TOKEN = "test-auth-token"
# Tuesday 2026-11-24 15:00 in New York (20:00 UTC): sessions end mid-afternoon.
T0 = datetime(2026, 11, 24, 20, 0, tzinfo=UTC)


def make_settings(tmp_path: Path, **sections: dict[str, Any]) -> Settings:
    raw: dict[str, Any] = {
        "database": {"url": f"sqlite:///{tmp_path / 'aftercare.db'}"},
        "sms": {
            "backend": "console",
            "from_number": "+15550000000",
            "max_per_second": 0,  # pacing has its own tests; here it would only slow
            "console_outbox": str(tmp_path / "outbox.jsonl"),
            "retry_base_seconds": 30,
        },
        "twilio": {"auth_token": AUTH_TOKEN},
        "web": {"public_base_url": "http://testserver.local", "secret_key": "test-secret"},
        "dispatch": {"interval_seconds": 3600},
        "clinic": {"phone": "+15550000001", "timezone": "America/New_York"},
    }
    for name, values in sections.items():
        raw.setdefault(name, {}).update(values)
    raw["base_dir"] = tmp_path
    return Settings.model_validate(raw)


class FakeGateway:
    """Records every text; `failures` queues exceptions to raise on the next sends."""

    def __init__(self) -> None:
        self.sent: list[OutgoingSms] = []
        self.sids: list[str] = []
        self.failures: list[SmsError] = []
        self.lookup_failures: list[SmsError] = []
        self.statuses: dict[str, tuple[str, int | None]] = {}
        self.lock = threading.Lock()
        self.counter = 0

    def send(self, sms: OutgoingSms) -> SentSms:
        with self.lock:
            if self.failures:
                raise self.failures.pop(0)
            self.counter += 1
            self.sent.append(sms)
            self.sids.append(f"SM{self.counter:032d}")
            return SentSms(sid=self.sids[-1], status="queued")

    def fetch_status(self, sid: str) -> tuple[str, int | None]:
        """What `statuses` says for this sid (tests set it), else "delivered"."""
        with self.lock:
            if self.lookup_failures:
                raise self.lookup_failures.pop(0)
            return self.statuses.get(sid, ("delivered", None))

    def find_accepted(self, to: str, body: str, *, since: datetime) -> list[SentSms]:
        """Every matching text ever accepted (this fake keeps no times), newest first."""
        with self.lock:
            if self.lookup_failures:
                raise self.lookup_failures.pop(0)
            pairs = zip(self.sent, self.sids, strict=True)
            found = [
                SentSms(sid, "queued") for sms, sid in pairs if (sms.to, sms.body) == (to, body)
            ]
            return found[::-1]

    def to(self, phone: str) -> list[str]:
        return [s.body for s in self.sent if s.to == phone]


def make_context(
    settings: Settings, *, now: datetime = T0, gateway: FakeGateway | None = None
) -> AppContext:
    ctx = build_context(settings, clock=ManualClock(now), gateway=gateway or FakeGateway())
    upgrade_database(ctx.engine)
    return ctx


def add_practitioner(
    engine: Engine,
    username: str = "drlin",
    phone: str = "+15550100001",
    password: str = "correct-horse",
    role: str = "practitioner",
) -> None:
    with session_scope(engine) as db:
        create_user(
            db, username=username, password=password, role=role, phone=phone, region="US", now=T0
        )


def add_token(engine: Engine) -> str:
    with session_scope(engine) as db:
        return create_api_token(db, name="tests", now=T0)


def session_payload(phone: str = "+15551234567", **overrides: Any) -> dict[str, Any]:
    payload: dict[str, Any] = {
        "patient": {"name": "Ada Quinn", "phone": phone, "sms_consent": True},
        "practitioner": "drlin",
        "ended_at": "2026-11-24T14:30:00-05:00",
        "treated_area": "lower back",
    }
    payload.update(overrides)
    return payload


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclass
class LiveServer:
    """The real app under uvicorn on a loopback port, in this process (clock shared)."""

    ctx: AppContext
    run_scheduler: bool = False
    url: str = ""
    server: uvicorn.Server | None = None
    thread: threading.Thread | None = None
    app: Any = field(default=None)

    def start(self) -> LiveServer:
        port = free_port()
        self.url = f"http://127.0.0.1:{port}"
        self.app = create_app(self.ctx.settings, context=self.ctx, run_scheduler=self.run_scheduler)
        self.server = uvicorn.Server(
            uvicorn.Config(
                self.app, host="127.0.0.1", port=port, log_level="warning", lifespan="on"
            )
        )
        self.thread = threading.Thread(target=self.server.run, daemon=True)
        self.thread.start()
        wait_until(lambda: self.server is not None and self.server.started, timeout=15)
        return self

    def stop(self) -> None:
        if self.server is not None:
            self.server.should_exit = True
        if self.thread is not None:
            self.thread.join(15)

    def client(self, **kwargs: Any) -> httpx.Client:
        return httpx.Client(base_url=self.url, timeout=15, **kwargs)

    def text_in(
        self, from_number: str, body: str, *, sid: str | None = None, signature: str | None = None
    ) -> httpx.Response:
        """Post an inbound SMS signed as Twilio would sign it for web.public_base_url."""
        params = inbound_params(self.ctx.settings, from_number=from_number, body=body, sid=sid)
        signed_url = self.ctx.settings.web.public_base_url + "/webhooks/twilio/sms"
        sig = signature if signature is not None else sign(signed_url, params, AUTH_TOKEN)
        with self.client() as c:
            return c.post("/webhooks/twilio/sms", data=params, headers={"X-Twilio-Signature": sig})


def wait_until(predicate: Callable[[], bool], timeout: float = 10.0) -> None:
    """Poll for something that happens on another thread (not a wait for the clock)."""
    deadline = time.monotonic() + timeout
    while not predicate():
        if time.monotonic() > deadline:
            raise AssertionError("condition not met in time")
        time.sleep(0.02)


def hours(n: float) -> timedelta:
    return timedelta(hours=n)


def csrf(html: str) -> str:
    match = re.search(r'name="csrf_token" value="([^"]+)"', html)
    assert match, "no CSRF token on the page"
    return match.group(1)


@contextmanager
def login(server: LiveServer, username: str = "drlin",
          password: str = "correct-horse") -> Iterator[httpx.Client]:
    with server.client(follow_redirects=True) as client:
        page = client.get("/staff/login")
        response = client.post("/staff/login", data={
            "username": username, "password": password, "csrf_token": csrf(page.text)})
        assert response.status_code == 200, response.text
        yield client
