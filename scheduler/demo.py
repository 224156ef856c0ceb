"""`aftercare demo`: the whole loop on the configured database, in well under a minute.

It registers sessions whose check-ins are due now, sends them, answers as each patient
would through the real signed webhook, and points at the staff page where the flags are.
If no app is running at web.public_base_url, it starts one in-process for the replies.
"""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta

import httpx
import uvicorn
from sqlmodel import select

from scheduler.checkins.dispatch import TickReport, queue_due_checkins
from scheduler.config import CheckinSettings, Settings
from scheduler.context import build_context
from scheduler.db import session_scope
from scheduler.errors import Conflict
from scheduler.messaging.fake_phone import post_inbound_sms
from scheduler.messaging.sending import send_due_messages
from scheduler.migrate import upgrade_database
from scheduler.sessions.schemas import parse_session
from scheduler.sessions.service import register_session
from scheduler.staff.accounts import create_user
from scheduler.staff.models import User

DEMO_PASSWORD = "demo-password"
PRACTITIONER = ("dr-demo", "+15550100001")
# (name, phone, hours since the session ended, the reply the patient sends)
PATIENTS = [
    ("Ada Quinn", "+15550100011", 24, "chest feels tight and I can't catch my breath"),
    ("Ben Ortiz", "+15550100012", 24, "there's a bruise the size of a coin and it's swelling"),
    ("Cleo Park", "+15550100013", 48, "still sore, same as yesterday"),
    ("Dev Raman", "+15550100014", 24, "is it normal to feel this tired? can I take ibuprofen?"),
    ("Eve Laine", "+15550100015", 24, "feeling great thanks 👍"),
    ("Finn Shaw", "+15550100016", 24, "stop texting me please"),
    ("Gus <b>Hale</b>", "+15550100017", 24, "<script>alert('x')</script> I feel dizzy"),
]
STRANGER = ("+15550100099", "who is this?")


class NotADemoDatabase(Exception):
    """The configuration is a real clinic's: the demo would leave a known login in it."""


def check_demo_allowed(settings: Settings) -> None:
    """Only the console backend with fictional numbers allowed: the demo creates a login
    whose password is printed here, and texts +1 555 numbers."""
    if settings.sms.backend != "console" or not settings.clinic.allow_test_numbers:
        raise NotADemoDatabase(
            "aftercare demo runs only with sms.backend = 'console' and "
            "clinic.allow_test_numbers = true: it creates a login with a known password "
            "and texts fictional numbers, which a clinic's database must never hold"
        )


def run_demo(settings: Settings, *, base_url: str | None, echo: Callable[[str], object]) -> None:
    check_demo_allowed(settings)
    started = time.monotonic()
    ctx = build_context(settings)
    upgrade_database(ctx.engine)
    ensure_users(ctx.engine, settings, echo)
    now = ctx.clock.now()
    # The demo must work at any hour, so its check-ins ignore the send window.
    anytime = replace_window(settings)
    with session_scope(ctx.engine) as db:
        for name, phone, hours, _ in PATIENTS:
            data = parse_session(
                {
                    "patient": {"name": name, "phone": phone, "sms_consent": True},
                    "practitioner": PRACTITIONER[0],
                    "ended_at": (now - timedelta(hours=hours, minutes=5)).isoformat(),
                    "treated_area": "lower back",
                }
            )
            try:
                register_session(db, data, settings=anytime, now=now, source="demo", actor="demo")
            except Conflict:
                pass
        report = TickReport()
        queue_due_checkins(db, settings=anytime, texts=ctx.texts, now=now, report=report)
    sent = send_due_messages(
        ctx.engine,
        ctx.gateway,
        settings=settings,
        now=now,
        worker="demo",
        status_callback=ctx.status_callback_url,
        pacer=ctx.pacer,
    )
    echo(
        f"1. registered {len(PATIENTS)} sessions; {report.queued} check-ins due now, "
        f"{sent.sent} sent ({report.cancelled} stale 24 h check-in(s) skipped)"
    )
    with app_running(settings, base_url) as url:
        for name, phone, _, text in PATIENTS:
            status = post_inbound_sms(settings, from_number=phone, body=text, base_url=url)
            echo(f"   {name:<16} replied {text!r} -> webhook {status}")
        post_inbound_sms(settings, from_number=STRANGER[0], body=STRANGER[1], base_url=url)
        echo("   an unknown number texted too -> listed for review")
        time.sleep(1.0)  # answers go out just after each webhook returns
    summarise(settings, ctx, echo, time.monotonic() - started)


def replace_window(settings: Settings) -> Settings:
    checkins = CheckinSettings.model_validate(
        {**settings.checkins.model_dump(), "send_window": "00:00-24:00"}
    )
    return settings.model_copy(update={"checkins": checkins})


def ensure_users(engine: object, settings: Settings, echo: Callable[[str], object]) -> None:
    with session_scope(engine) as db:  # type: ignore[arg-type]
        for username, role, phone in (
            ("demo-admin", "admin", None),
            (PRACTITIONER[0], "practitioner", PRACTITIONER[1]),
        ):
            if db.exec(select(User).where(User.username == username)).first() is None:
                create_user(
                    db,
                    username=username,
                    password=DEMO_PASSWORD,
                    role=role,
                    phone=phone,
                    region=settings.clinic.default_region,
                    now=_now(),
                    actor="demo",
                )
                echo(f"   created {role} login {username!r} (password {DEMO_PASSWORD!r})")


def _now() -> datetime:
    return datetime.now(UTC)


@contextmanager
def app_running(settings: Settings, base_url: str | None) -> Iterator[str]:
    """The running app's URL, or a temporary in-process one if none answers."""
    url = (base_url or settings.web.public_base_url).rstrip("/")
    if is_up(url):
        yield url
        return
    port = free_port()
    from scheduler.app import create_app

    server = uvicorn.Server(
        uvicorn.Config(
            create_app(settings, run_scheduler=False),
            host="127.0.0.1",
            port=port,
            log_level="warning",
        )
    )
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    local = f"http://127.0.0.1:{port}"
    while not is_up(local):
        time.sleep(0.05)
    try:
        yield local
    finally:
        server.should_exit = True
        thread.join(10)


def is_up(url: str) -> bool:
    try:
        return httpx.get(url + "/healthz", timeout=1).status_code < 500
    except httpx.HTTPError:
        return False


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def summarise(settings: Settings, ctx: object, echo: Callable[[str], object], took: float) -> None:
    from scheduler.config import resolve_path
    from scheduler.flags.service import list_flags

    with session_scope(ctx.engine) as db:  # type: ignore[attr-defined]
        flags = list_flags(db)
    labels = ", ".join(f"{f.label} ({p.name if p else i.from_number})" for f, p, i, _ in flags)
    echo(f"2. {len(flags)} open flag(s): {labels}")
    if settings.sms.backend == "console":
        echo(f"3. every text sent is in {resolve_path(settings, settings.sms.console_outbox)}")
    echo(
        f"4. open {settings.web.public_base_url}/staff/ and log in as demo-admin / "
        f"{DEMO_PASSWORD} (start the app with `make run` if it is not running)"
    )
    echo(f"done in {took:.1f} s")
