"""The migrations build exactly the schema the models describe, on both databases."""

from __future__ import annotations

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlmodel import SQLModel

import scheduler.models  # noqa: F401  (every table on the metadata)
from scheduler.config import Settings, resolve_database_url
from scheduler.db import make_engine
from scheduler.migrate import upgrade_database

pytestmark = pytest.mark.parametrize("backend", ["sqlite", "postgresql"], indirect=True)


def test_migrations_match_the_models(settings: Settings) -> None:
    engine = make_engine(resolve_database_url(settings))
    upgrade_database(engine)
    upgrade_database(engine)  # idempotent: a second run changes nothing
    with engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), SQLModel.metadata)
    # Column types differ only in how SQLModel spells strings; indexes and tables must match.
    structural = [d for d in diff if d[0] in ("add_table", "remove_table", "add_index",
                                              "remove_index", "add_column", "remove_column")]
    assert structural == []
