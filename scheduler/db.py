"""Engine and the one commit point.

Services only `flush()`; `session_scope` (jobs, CLI) and the request dependency (web)
commit on success and roll back on error.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache
from pathlib import Path
from typing import Any, cast

from sqlalchemy import Table, event, text
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import CursorResult, Engine
from sqlalchemy.exc import DisconnectionError
from sqlalchemy.sql import Executable
from sqlmodel import Session, create_engine

# A connection back in the pool this recently is taken as alive without asking the server.
IDLE_BEFORE_PING_SECONDS = 5.0
# PostgreSQL connections per process, at most: 20 carry the web process's thread pool at
# 100 webhooks a second with room to spare; several processes must fit the server's
# max_connections (100 by default).
POOL_SIZE = 20


def make_engine(
    url: str, *, idle_before_ping: float = IDLE_BEFORE_PING_SECONDS, **kwargs: Any
) -> Engine:
    """An engine tuned for the backend: SQLite gets WAL and a busy timeout; PostgreSQL
    connections that sat idle are checked before use. On both, a failed statement's error
    leaves its parameters out: they are patients' names, numbers and words."""
    kwargs.setdefault("hide_parameters", True)
    if url.startswith("sqlite"):
        path = url.split("///", 1)[-1]
        if path and ":memory:" not in path:
            Path(path).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(
            url, connect_args={"check_same_thread": False, "timeout": 30}, **kwargs
        )
        event.listen(engine, "connect", _sqlite_pragmas)
        event.listen(engine, "begin", _sqlite_begin_immediate)
        return engine
    # A fixed pool, no overflow: under a burst a request waits for a pooled connection
    # instead of opening one that is closed again on return. A new PostgreSQL connection
    # (a server process, authentication, statements prepared afresh) costs more than the
    # webhook that waits, and churning them turned bursts into collapses (bench runs
    # opening 90-470 connections instead of 20).
    engine = create_engine(url, **{"pool_size": POOL_SIZE, "max_overflow": 0, **kwargs})
    ping_when_idle(engine, idle_seconds=idle_before_ping)
    return engine


def ping_when_idle(engine: Engine, *, idle_seconds: float) -> None:
    """Pessimistic disconnect handling, but only for connections that have sat idle.

    `pool_pre_ping` asks the server on every checkout: a round trip that was a fifth of a
    webhook's cost. A connection used a moment ago is alive unless the server has just
    restarted, and then the first statement to fail invalidates the whole pool (every
    connection from before it is replaced), so a restart costs the work in flight, as it
    would anyway, and nothing after."""

    @event.listens_for(engine, "checkin")
    def _checked_in(_dbapi_conn: Any, record: Any) -> None:
        record.info["idle_since"] = time.monotonic()

    @event.listens_for(engine, "checkout")
    def _checked_out(dbapi_conn: Any, record: Any, _proxy: Any) -> None:
        idle_since = record.info.pop("idle_since", None)
        if idle_since is None or time.monotonic() - idle_since < idle_seconds:
            return  # fresh from connect, or used a moment ago
        try:
            alive = engine.dialect.do_ping(dbapi_conn)
        except Exception as exc:
            raise DisconnectionError("connection lost while idle") from exc
        if not alive:
            raise DisconnectionError("connection lost while idle")


def _sqlite_pragmas(dbapi_conn: Any, _record: Any) -> None:
    # pysqlite's own transaction handling is switched off so that `begin` below decides.
    dbapi_conn.isolation_level = None
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA busy_timeout=30000")
    cur.close()


def _sqlite_begin_immediate(conn: Any) -> None:
    # Every transaction takes the write lock up front: a read-then-write (claiming due
    # check-ins, deduplicating a MessageSid) can then never fail half-way with
    # SQLITE_BUSY, and two workers never claim the same row.
    conn.exec_driver_sql("BEGIN IMMEDIATE")


@contextmanager
def session_scope(engine: Engine) -> Iterator[Session]:
    """One unit of work: commit if the block succeeds, roll back if it raises."""
    with Session(engine, expire_on_commit=False) as session:
        try:
            yield session
            session.commit()
        except BaseException:
            session.rollback()
            raise


def execute_dml(db: Session, statement: Executable) -> int:
    """Run an UPDATE/DELETE in the session's transaction; return the rows it touched."""
    result = cast(CursorResult[Any], db.execute(statement))
    return int(result.rowcount)


def try_exclusive(db: Session, name: str) -> bool:
    """Whether this transaction may run the maintenance job `name` (one process at a time).

    PostgreSQL: a transaction-scoped advisory lock, released at commit. SQLite: every
    transaction already holds the database's write lock, so always yes.
    """
    if db.get_bind().dialect.name != "postgresql":
        return True
    acquired = db.execute(
        text("SELECT pg_try_advisory_xact_lock(hashtext(:name))"), {"name": name}
    ).scalar()
    return bool(acquired)


def insert_row(db: Session, model: Any, **values: Any) -> int:
    """INSERT one row in the session's transaction and return its id, without building an
    ORM object or running the unit of work: on the webhook's path that machinery cost more
    than the round trip. Column defaults apply as for the ORM."""
    return int(db.execute(_insert_returning_id(model.__table__), values).scalar_one())


@cache
def _insert_returning_id(table: Table) -> Any:
    return table.insert().returning(table.c.id)


def insert_new_row(db: Session, model: Any, *, key: str, **values: Any) -> int | None:
    """INSERT ... ON CONFLICT (key) DO NOTHING: the new row's id, or None if a row with
    this key exists (the check and the insert are one statement, so concurrent callers
    cannot both get in)."""
    statement = _insert_new(db.get_bind().dialect.name, model.__table__, key)
    new_id = db.execute(statement, values).scalar()
    return None if new_id is None else int(new_id)


@cache
def _insert_new(dialect_name: str, table: Table, key: str) -> Any:
    insert_new = _insert_for(dialect_name, table).on_conflict_do_nothing(index_elements=[key])
    return insert_new.returning(table.c.id)


def dialect_insert(db: Session, table: Table) -> Any:
    """INSERT with ON CONFLICT support for the database in use."""
    return _insert_for(db.get_bind().dialect.name, table)


def _insert_for(dialect_name: str, table: Table) -> Any:
    return (postgresql if dialect_name == "postgresql" else sqlite).insert(table)
