"""PostgreSQL restarted under a running app: it recovers without a restart of its own,
a webhook that failed during the outage is stored once when Twilio retries, and a
worker's outbox listener listens again."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlmodel import func, select

from scheduler.checkins.dispatch import run_once
from scheduler.db import session_scope
from scheduler.messaging.models import InboundMessage
from scheduler.messaging.outbox import announce_queued
from scheduler.messaging.sender import OutboxListener
from tests.helpers import (
    T0,
    FakeGateway,
    LiveServer,
    add_practitioner,
    add_token,
    hours,
    make_context,
    make_settings,
    session_payload,
    wait_until,
)
from tests.pg import PostgresServer, start_postgres

PATIENT = "+15551234567"


@pytest.fixture
def own_postgres() -> Iterator[PostgresServer]:
    yield from start_postgres()  # its own server: this test stops and starts it


def test_the_app_recovers_from_a_database_restart(
    tmp_path: Path, own_postgres: PostgresServer
) -> None:
    settings = make_settings(
        tmp_path, database={"url": own_postgres.url(own_postgres.create_database())}
    )
    gateway = FakeGateway()
    ctx = make_context(settings, gateway=gateway)
    add_practitioner(ctx.engine)
    token = add_token(ctx.engine)
    server = LiveServer(ctx).start()
    try:
        with server.client(headers={"Authorization": f"Bearer {token}"}) as api:
            assert api.post("/api/sessions", json=session_payload(PATIENT)).status_code == 201
        own_postgres.stop()
        sid = "SM" + "4" * 32
        during = server.text_in(PATIENT, "I fainted", sid=sid)
        assert during.status_code >= 500  # Twilio retries on a 5xx
        own_postgres.start()
        again = server.text_in(PATIENT, "I fainted", sid=sid)  # Twilio's retry
        assert again.status_code == 200
        assert server.text_in(PATIENT, "I fainted", sid=sid).status_code == 200  # and again
        wait_until(lambda: len(gateway.to(PATIENT)) == 1)
        with session_scope(ctx.engine) as db:
            assert db.exec(select(func.count()).select_from(InboundMessage)).one() == 1
        run_once(ctx, now=T0 + hours(48))  # the dispatcher works again too
        assert any("Two days" in b for b in gateway.to(PATIENT))
    finally:
        server.stop()


def test_the_outbox_listener_listens_again_after_a_database_restart(
    tmp_path: Path, own_postgres: PostgresServer
) -> None:
    settings = make_settings(
        tmp_path, database={"url": own_postgres.url(own_postgres.create_database())}
    )
    ctx = make_context(settings, gateway=FakeGateway())
    listener = OutboxListener(ctx, retry_seconds=0.2).start()
    try:
        wait_until(listener.listening.is_set)
        own_postgres.stop()
        wait_until(lambda: not listener.listening.is_set())
        own_postgres.start()
        wait_until(listener.listening.is_set, timeout=15)
        ctx.engine.dispose()  # the pool's own renewal after a restart is the test above's
        ctx.outbox_bell.clear()
        with session_scope(ctx.engine) as db:
            announce_queued(db)
        wait_until(ctx.outbox_bell.is_set, timeout=5)
    finally:
        listener.stop()
