"""The design a newcomer writes first, measured beside ours: one APScheduler job per
check-in, kept in APScheduler 3's SQLAlchemyJobStore on the same database.

    .venv/bin/python bench/one_job_per_checkin.py [--sessions 1000] [--backends sqlite,postgresql]

Registration: sessions registered one transaction each (as the API does), and a CSV
import of all of them in one transaction; the newcomer adds two date jobs per session.
Dispatch: N check-ins due now through a zero-latency send; the newcomer's jobs run on a
20-thread pool with no misfire limit (its best case).
Ours: `register_session`, then `run_once` ticks of one worker.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import threading
import time
from datetime import timedelta
from pathlib import Path

from _setup import NOW, ROOT, bench_settings, load_due_checkins

sys.path.insert(0, str(ROOT))

from apscheduler.executors.pool import ThreadPoolExecutor
from apscheduler.jobstores.sqlalchemy import SQLAlchemyJobStore
from apscheduler.schedulers.background import BackgroundScheduler

from bench.dispatch import ZeroLatencyGateway, database
from scheduler.checkins.dispatch import run_once
from scheduler.clock import ManualClock
from scheduler.context import AppContext, build_context
from scheduler.db import session_scope
from scheduler.migrate import upgrade_database
from scheduler.sessions.csv_import import import_sessions_csv
from scheduler.sessions.schemas import parse_session
from scheduler.sessions.service import register_session
from scheduler.staff.accounts import create_user

SENT: list[str] = []
TEXTS = None  # set in main: the same templates ours renders
LOCK = threading.Lock()


ENGINE: list[object] = []  # the newcomer's job bodies reach the database through this


def send_checkin(checkin_id: int) -> None:
    """The newcomer's job body, doing what ours does per check-in: load it, render the
    text, send it (zero latency), record the text and mark the check-in sent."""
    from scheduler.checkins.models import CheckIn
    from scheduler.messaging.models import OutboundMessage
    from scheduler.sessions.models import Patient, TreatmentSession

    with session_scope(ENGINE[0]) as db:  # type: ignore[arg-type]
        checkin = db.get(CheckIn, checkin_id)
        session = db.get(TreatmentSession, checkin.session_id)  # type: ignore[union-attr]
        patient = db.get(Patient, session.patient_id)  # type: ignore[union-attr]
        body = TEXTS.render_checkin(checkin.kind, first_name="P", clinic="Clinic")  # type: ignore[union-attr]
        db.add(
            OutboundMessage(
                to=patient.phone,
                body=body,
                purpose="checkin",
                status="sent",  # type: ignore[union-attr]
                next_attempt_at=NOW,
                created_at=NOW,
                sent_at=NOW,
                sid=f"SM{checkin_id:032d}",
                patient_id=patient.id,
            )
        )  # type: ignore[union-attr]
        checkin.status = "sent"  # type: ignore[union-attr]
        db.add(checkin)
    with LOCK:
        SENT.append(str(checkin_id))


def payload(i: int) -> object:
    return parse_session(
        {
            "patient": {"name": f"P {i}", "phone": f"+1555{4000000 + i:07d}", "sms_consent": True},
            "practitioner": "drbench",
            "ended_at": (NOW - timedelta(hours=1)).isoformat(),
        }
    )


def registration_context(url: str, tmp: Path) -> AppContext:
    """A migrated database with the practitioner sessions are registered for."""
    ctx = build_context(bench_settings(tmp, url), clock=ManualClock(NOW))
    upgrade_database(ctx.engine)
    with session_scope(ctx.engine) as db:
        create_user(
            db,
            username="drbench",
            password="bench-password",
            role="practitioner",
            phone=None,
            region="US",
            now=NOW,
        )
    return ctx


def ours_registration(url: str, tmp: Path, n: int) -> float:
    ctx = registration_context(url, tmp)
    started = time.perf_counter()
    for i in range(n):
        with session_scope(ctx.engine) as db:
            register_session(
                db,
                payload(i),
                settings=ctx.settings,
                now=NOW,  # type: ignore[arg-type]
                source="bench",
                actor="bench",
            )
    return n / (time.perf_counter() - started)


def csv_text(n: int) -> str:
    ended = (NOW - timedelta(hours=1)).isoformat()
    lines = ["patient_name,phone,sms_consent,practitioner,ended_at,treated_area"]
    lines += [f"P {i},+1555{4000000 + i:07d},yes,drbench,{ended}," for i in range(n)]
    return "\n".join(lines) + "\n"


def ours_import(url: str, tmp: Path, n: int) -> float:
    ctx = registration_context(url, tmp)
    text = csv_text(n)
    started = time.perf_counter()
    with session_scope(ctx.engine) as db:
        report = import_sessions_csv(db, text, settings=ctx.settings, now=NOW, actor="bench")
    assert len(report.registered) == n, report.errors[:3]
    return n / (time.perf_counter() - started)


def newcomer_import(url: str, tmp: Path, n: int) -> float:
    """Generous to the newcomer: our batched import for the rows, then its two jobs each."""
    ctx = registration_context(url, tmp)
    scheduler = newcomer_scheduler(url)
    scheduler.start()
    text = csv_text(n)
    started = time.perf_counter()
    with session_scope(ctx.engine) as db:
        report = import_sessions_csv(db, text, settings=ctx.settings, now=NOW, actor="bench")
    for session_id in report.registered:
        for hours in (24, 48):
            scheduler.add_job(
                send_checkin,
                "date",
                run_date=NOW + timedelta(hours=hours),
                args=[session_id],
                id=f"{session_id}-{hours}",
            )
    rate = n / (time.perf_counter() - started)
    scheduler.shutdown(wait=False)
    return rate


def newcomer_scheduler(url: str) -> BackgroundScheduler:
    scheduler = BackgroundScheduler(
        jobstores={"default": SQLAlchemyJobStore(url=url)},
        executors={"default": ThreadPoolExecutor(20)},
        job_defaults={"misfire_grace_time": None, "coalesce": False},
    )
    return scheduler


def newcomer_registration(url: str, tmp: Path, n: int) -> float:
    ours_db = registration_context(url, tmp)
    scheduler = newcomer_scheduler(url)
    scheduler.start()  # running, as it would be in the web process that registers
    started = time.perf_counter()
    for i in range(n):
        with session_scope(ours_db.engine) as db:  # the session row itself, as before
            session = register_session(
                db,
                payload(i),
                settings=ours_db.settings,
                now=NOW,  # type: ignore[arg-type]
                source="bench",
                actor="bench",
            )
        for hours in (24, 48):
            scheduler.add_job(
                send_checkin,
                "date",
                run_date=NOW + timedelta(hours=hours),
                args=[session.id],
                id=f"{session.id}-{hours}",
            )
    rate = n / (time.perf_counter() - started)
    scheduler.shutdown(wait=False)
    return rate


def ours_dispatch(url: str, tmp: Path, n: int) -> float:
    load_due_checkins(url, n)
    ctx = build_context(
        bench_settings(tmp, url),
        clock=ManualClock(NOW),
        gateway=ZeroLatencyGateway(tmp / "ours.txt"),
    )  # type: ignore[arg-type]
    started = time.perf_counter()
    while True:
        report = run_once(ctx, now=NOW)
        if report.queued == 0 and report.sending is not None and report.sending.sent == 0:
            break
    return n / (time.perf_counter() - started)


def newcomer_dispatch(url: str, n: int) -> float:
    SENT.clear()
    ENGINE[:] = [load_due_checkins(url, n)]
    scheduler = newcomer_scheduler(url)
    scheduler.start(paused=True)
    from datetime import UTC, datetime

    due = datetime.now(UTC) - timedelta(seconds=1)
    for i in range(n):
        scheduler.add_job(send_checkin, "date", run_date=due, args=[i + 1], id=f"due-{i}")
    started = time.perf_counter()
    scheduler.resume()
    deadline = started + 600
    while len(SENT) < n and time.perf_counter() < deadline:
        time.sleep(0.01)
    elapsed = time.perf_counter() - started
    scheduler.shutdown(wait=True)
    return len(SENT) / elapsed


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sessions", type=int, default=1000)
    parser.add_argument("--backends", default="sqlite,postgresql")
    args = parser.parse_args()
    n = args.sessions
    global TEXTS
    from scheduler.messaging.texts import SmsTexts

    TEXTS = SmsTexts()
    print(f"{'backend':<11} {'measure':<24} {'ours /s':>9} {'one job each /s':>16} {'ratio':>6}")
    for backend in args.backends.split(","):
        results = {}
        for name, ours, theirs in (
            ("registration, one each", ours_registration, newcomer_registration),
            ("registration, CSV import", ours_import, newcomer_import),
            ("dispatch (check-ins)", ours_dispatch, None),
        ):
            with tempfile.TemporaryDirectory() as a, tempfile.TemporaryDirectory() as b:
                with database(backend, Path(a)) as url_ours:
                    mine = ours(url_ours, Path(a), n)
                with database(backend, Path(b)) as url_theirs:
                    other = (
                        theirs(url_theirs, Path(b), n)
                        if theirs
                        else newcomer_dispatch(url_theirs, n)
                    )
            results[name] = (mine, other)
            print(f"{backend:<11} {name:<24} {mine:>9.0f} {other:>16.0f} {mine / other:>5.1f}x")


if __name__ == "__main__":
    main()
