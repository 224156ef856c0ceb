"""`aftercare` command line: thin commands over the service functions."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated

import typer

from scheduler.config import ConfigError, Settings, load_settings
from scheduler.context import AppContext, build_context
from scheduler.db import session_scope
from scheduler.errors import AftercareError, Invalid
from scheduler.logs import setup_logging

app = typer.Typer(help="Aftercare: follow-up texts after treatment sessions.", no_args_is_help=True)
db_app = typer.Typer(help="Database schema.", no_args_is_help=True)
user_app = typer.Typer(help="Staff and practitioner logins.", no_args_is_help=True)
token_app = typer.Typer(help="API bearer tokens.", no_args_is_help=True)
app.add_typer(db_app, name="db")
app.add_typer(user_app, name="user")
app.add_typer(token_app, name="token")


def fail(message: str, code: int = 1) -> typer.Exit:
    typer.echo(message, err=True)
    return typer.Exit(code)


def settings_or_exit() -> Settings:
    try:
        return load_settings()
    except ConfigError as exc:
        raise fail(f"aftercare: {exc}", 2) from None


def context_or_exit() -> AppContext:
    """The context for a command; the schema is brought up to date first (a no-op when it
    is), so `user add` on a fresh machine works without a separate `db upgrade`."""
    from scheduler.migrate import upgrade_database

    ctx = build_context(settings_or_exit())
    upgrade_database(ctx.engine)
    return ctx


def describe(exc: AftercareError) -> str:
    if isinstance(exc, Invalid):
        return "\n".join(f"{field}: {msg}" for field, msg in exc.errors.items())
    extra = "".join(f" ({k}: {v})" for k, v in exc.details.items())
    return exc.message + extra


@db_app.command("upgrade")
def db_upgrade() -> None:
    """Apply schema migrations (also done by `serve` on start)."""
    from scheduler.migrate import upgrade_database

    ctx = build_context(settings_or_exit())
    before, after = upgrade_database(ctx.engine)
    if before == after:
        typer.echo(f"database is up to date (revision {after})")
    else:
        typer.echo(f"database upgraded from revision {before or 'none'} to {after}")


@user_app.command("add")
def user_add(
    username: str,
    role: Annotated[str, typer.Option(help="admin, staff or practitioner")],
    phone: Annotated[
        str | None, typer.Option(help="E.164; a practitioner's alerts go here")
    ] = None,
    password_stdin: Annotated[
        bool, typer.Option("--password-stdin", help="read the password from stdin")
    ] = False,
) -> None:
    """Create a login."""
    from scheduler.staff.accounts import create_user

    password = read_password(password_stdin)
    ctx = context_or_exit()
    try:
        with session_scope(ctx.engine) as db:
            create_user(
                db,
                username=username,
                password=password,
                role=role,
                phone=phone,
                region=ctx.settings.clinic.default_region,
                now=ctx.clock.now(),
            )
    except AftercareError as exc:
        raise fail(describe(exc)) from None
    typer.echo(f"created {role} {username}")


def read_password(from_stdin: bool) -> str:
    if from_stdin:
        return sys.stdin.readline().rstrip("\r\n")
    password: str = typer.prompt("Password", hide_input=True, confirmation_prompt=True)
    return password


@user_app.command("disable")
def user_disable(username: str) -> None:
    """Stop a login from working (its history stays)."""
    from scheduler.staff.accounts import set_active

    ctx = context_or_exit()
    try:
        with session_scope(ctx.engine) as db:
            set_active(db, username, False, now=ctx.clock.now(), actor="cli")
    except AftercareError as exc:
        raise fail(describe(exc)) from None
    typer.echo(f"disabled {username}")


@user_app.command("set-phone")
def user_set_phone(
    username: str,
    phone: Annotated[str, typer.Option(help="E.164; empty removes it (alerts go to on-call)")],
) -> None:
    """Set the phone a login's alerts go to."""
    from scheduler.staff.accounts import set_phone

    ctx = context_or_exit()
    try:
        with session_scope(ctx.engine) as db:
            user = set_phone(
                db,
                username,
                phone,
                region=ctx.settings.clinic.default_region,
                now=ctx.clock.now(),
                actor="cli",
            )
            shown = user.phone or "none"
    except AftercareError as exc:
        raise fail(describe(exc)) from None
    typer.echo(f"alerts for {username} go to {shown}")


@user_app.command("set-password")
def user_set_password(
    username: str,
    password_stdin: Annotated[bool, typer.Option("--password-stdin")] = False,
) -> None:
    """Set a new password."""
    from scheduler.staff.accounts import set_password

    password = read_password(password_stdin)
    ctx = context_or_exit()
    try:
        with session_scope(ctx.engine) as db:
            set_password(db, username, password, now=ctx.clock.now(), actor="cli")
    except AftercareError as exc:
        raise fail(describe(exc)) from None
    typer.echo(f"password set for {username}")


@token_app.command("create")
def token_create(name: Annotated[str, typer.Option(help="who or what uses it")]) -> None:
    """Print a new API bearer token (shown once; only its hash is stored)."""
    from scheduler.staff.accounts import create_api_token

    ctx = context_or_exit()
    try:
        with session_scope(ctx.engine) as db:
            token = create_api_token(db, name=name, now=ctx.clock.now())
    except AftercareError as exc:
        raise fail(describe(exc)) from None
    typer.echo(token)


@app.command()
def serve(
    host: Annotated[str, typer.Option()] = "127.0.0.1",
    port: Annotated[int, typer.Option()] = 8000,
    workers: Annotated[
        int,
        typer.Option(
            min=1, help="Web processes on this port (PostgreSQL: up to one per core)."
        ),
    ] = 1,
) -> None:
    """Web app and scheduler in each process (migrations are applied first)."""
    import uvicorn

    from scheduler.app import create_app, settle_memory

    setup_logging()
    ctx = context_or_exit()
    typer.echo(
        f"Aftercare on http://{host}:{port}/staff/ (SMS backend: {ctx.settings.sms.backend})"
    )
    if workers > 1:
        # Each process builds its own app from the same configuration (AFTERCARE_CONFIG).
        ctx.engine.dispose()
        uvicorn.run(
            "scheduler.app:app_from_config",
            factory=True,
            workers=workers,
            host=host,
            port=port,
            log_config=None,
        )
        return
    app = create_app(ctx.settings, context=ctx)
    settle_memory()
    uvicorn.run(app, host=host, port=port, log_config=None)


@app.command()
def worker() -> None:
    """Scheduler only, no web: run as many as you like against one database."""
    import signal
    import threading

    from scheduler.jobs import start_scheduler
    from scheduler.messaging.sender import OutboxListener, OutboxSender
    from scheduler.migrate import upgrade_database

    setup_logging()
    ctx = context_or_exit()
    upgrade_database(ctx.engine)
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    signal.signal(signal.SIGINT, lambda *_: stop.set())
    scheduler = start_scheduler(ctx)
    # On PostgreSQL a worker also sends texts the moment a web process announces them
    # (`web.sends_replies = false`); on SQLite its ticks find them.
    woken = ctx.engine.dialect.name == "postgresql"
    # The listener wakes it; between announcements the dispatcher's ticks retry anything due.
    idle = ctx.settings.dispatch.interval_seconds
    sender = OutboxSender(ctx, idle_seconds=idle).start() if woken else None
    listener = OutboxListener(ctx).start() if woken else None
    typer.echo(
        f"worker {ctx.worker_id} dispatching every {ctx.settings.dispatch.interval_seconds}s"
    )
    stop.wait()
    ctx.stopping.set()  # the tick in progress stops after the text in hand
    for part in (listener, sender):
        if part is not None:
            part.stop()
    scheduler.shutdown(wait=True)


@app.command()
def triage(
    text: str,
    checkin: Annotated[str, typer.Option(help="24h or 48h")] = "24h",
) -> None:
    """Print the assessment of one reply as JSON."""
    from scheduler.triage import PainThresholds, assess

    if checkin not in ("24h", "48h"):
        raise fail("--checkin: expected 24h or 48h", 2)
    try:
        settings = load_settings()
        thresholds = PainThresholds(
            emergency_min=settings.triage.pain_emergency_min,
            complication_min=settings.triage.pain_complication_min,
        )
    except ConfigError:
        thresholds = PainThresholds()  # triage needs no database: run without a config too
    typer.echo(
        json.dumps(assess(text, checkin, thresholds=thresholds).to_dict(), ensure_ascii=False)
    )


@app.command("import")
def import_csv(file: Path) -> None:
    """Register sessions from CSV; bad rows are reported by line and not stored."""
    from scheduler.sessions.csv_import import import_sessions_csv

    ctx = context_or_exit()
    try:
        raw = file.read_bytes()
    except OSError as exc:
        raise fail(f"{file}: {exc}") from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise fail(
            f"{file}:{line}: not UTF-8 text; save the file as 'CSV UTF-8' and import it again"
        ) from None
    with session_scope(ctx.engine) as db:
        report = import_sessions_csv(
            db, text, settings=ctx.settings, now=ctx.clock.now(), actor="cli"
        )
    for line, message in report.errors:
        typer.echo(f"{file}:{line}: {message}", err=True)
    typer.echo(
        f"registered {len(report.registered)} session(s); {len(report.errors)} row(s) rejected"
    )
    if report.errors:
        raise typer.Exit(1)


@app.command()
def register(
    name: Annotated[str, typer.Option(help="patient's name")],
    phone: Annotated[str, typer.Option(help="patient's mobile")],
    practitioner: Annotated[str, typer.Option(help="practitioner's username")],
    ended_at: Annotated[str, typer.Option(help="ISO 8601 with offset")],
    consent: Annotated[bool, typer.Option("--consent/--no-consent", help="SMS consent")] = False,
    area: Annotated[str, typer.Option(help="treated area (never texted)")] = "",
) -> None:
    """Register one session."""
    from scheduler.sessions.schemas import parse_session
    from scheduler.sessions.service import register_session

    ctx = context_or_exit()
    try:
        data = parse_session(
            {
                "patient": {"name": name, "phone": phone, "sms_consent": consent},
                "practitioner": practitioner,
                "ended_at": ended_at,
                "treated_area": area,
            }
        )
        with session_scope(ctx.engine) as db:
            session = register_session(
                db, data, settings=ctx.settings, now=ctx.clock.now(), source="cli", actor="cli"
            )
    except AftercareError as exc:
        raise fail(describe(exc)) from None
    typer.echo(f"registered session {session.id}")


@app.command()
def reply(
    text: str,
    from_: Annotated[str, typer.Option("--from", help="the patient's phone, E.164")],
    url: Annotated[
        str | None, typer.Option(help="the app's base URL (default web.public_base_url)")
    ] = None,
) -> None:
    """Stand in for a patient's phone: post a signed SMS webhook to the running app."""
    from scheduler.messaging.fake_phone import post_inbound_sms
    from scheduler.sessions.phones import to_e164

    settings = settings_or_exit()
    try:  # Twilio always sends E.164: so does this stand-in
        sender = to_e164(
            from_,
            region=settings.clinic.default_region,
            allow_test_numbers=settings.clinic.allow_test_numbers,
        )
    except ValueError as exc:
        raise fail(f"--from: {exc}") from None
    try:
        status = post_inbound_sms(settings, from_number=sender, body=text, base_url=url)
    except OSError as exc:
        raise fail(f"could not reach the app: {exc} (is `aftercare serve` running?)") from None
    typer.echo(f"webhook answered {status}")
    if status != 200:
        raise typer.Exit(1)


@app.command()
def demo(
    url: Annotated[str | None, typer.Option(help="a running app's base URL")] = None,
) -> None:
    """Run the whole cycle on this database in under a minute, and say what to open."""
    from scheduler.demo import NotADemoDatabase, run_demo

    try:
        run_demo(settings_or_exit(), base_url=url, echo=typer.echo)
    except NotADemoDatabase as exc:
        raise fail(f"aftercare: {exc}") from None


def main() -> None:
    app()
