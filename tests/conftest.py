from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from scheduler.config import Settings
from scheduler.context import AppContext
from tests.helpers import (
    FakeGateway,
    LiveServer,
    add_practitioner,
    add_token,
    make_context,
    make_settings,
)
from tests.pg import PostgresServer, start_postgres


@pytest.fixture(scope="session")
def postgres() -> Iterator[PostgresServer]:
    yield from start_postgres()


@pytest.fixture
def backend(request: pytest.FixtureRequest) -> str:
    """Which database a test runs on; modules parametrize it (indirect) to run on both."""
    return str(getattr(request, "param", "sqlite"))


@pytest.fixture
def settings(tmp_path: Path, backend: str, request: pytest.FixtureRequest) -> Settings:
    if backend == "postgresql":
        server: PostgresServer = request.getfixturevalue("postgres")
        url = server.url(server.create_database())
        return make_settings(tmp_path, database={"url": url})
    return make_settings(tmp_path)


@pytest.fixture
def gateway() -> FakeGateway:
    return FakeGateway()


@pytest.fixture
def ctx(settings: Settings, gateway: FakeGateway) -> AppContext:
    context = make_context(settings, gateway=gateway)
    add_practitioner(context.engine)
    return context


@pytest.fixture
def token(ctx: AppContext) -> str:
    return add_token(ctx.engine)


@pytest.fixture
def server(ctx: AppContext) -> Iterator[LiveServer]:
    live = LiveServer(ctx).start()
    yield live
    live.stop()
