"""PostgreSQL connections lost while pooled: an idle one is checked and replaced before
use; a recent one fails its first statement, and that failure renews the whole pool."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlalchemy import text
from sqlalchemy.engine import Engine
from sqlalchemy.exc import OperationalError

from scheduler.db import make_engine
from tests.pg import PostgresServer


@pytest.fixture
def url(postgres: PostgresServer) -> str:
    return postgres.url(postgres.create_database())


def backend_pid(engine: Engine) -> int:
    with engine.connect() as conn:
        return int(conn.execute(text("SELECT pg_backend_pid()")).scalar_one())


def kill_backend(url: str, pid: int) -> None:
    """What a server restart or an idle timeout does to a pooled connection."""
    admin = make_engine(url)
    with admin.connect() as conn:
        assert conn.execute(text("SELECT pg_terminate_backend(:pid)"), {"pid": pid}).scalar()
    admin.dispose()


@pytest.fixture
def engines(url: str) -> Iterator[list[Engine]]:
    made: list[Engine] = []
    yield made
    for engine in made:
        engine.dispose()


def one_connection_engine(url: str, idle_before_ping: float) -> Engine:
    return make_engine(url, idle_before_ping=idle_before_ping, pool_size=1, max_overflow=0)


def test_a_connection_that_died_while_idle_is_replaced_before_use(
    url: str, engines: list[Engine]
) -> None:
    engine = one_connection_engine(url, idle_before_ping=0)  # every reuse counts as idle
    engines.append(engine)
    first = backend_pid(engine)
    kill_backend(url, first)
    assert backend_pid(engine) != first  # no error: the checkout found it dead


def test_a_recently_used_connection_is_not_pinged_and_one_failure_renews_the_pool(
    url: str, engines: list[Engine]
) -> None:
    engine = one_connection_engine(url, idle_before_ping=3600)
    engines.append(engine)
    first = backend_pid(engine)
    kill_backend(url, first)
    with pytest.raises(OperationalError):  # not asked first: the statement finds it gone
        backend_pid(engine)
    assert backend_pid(engine) != first  # and the next checkout has a new connection
