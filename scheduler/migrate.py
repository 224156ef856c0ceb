"""Schema migrations with Alembic, kept inside the package (no alembic.ini to find)."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.migration import MigrationContext
from sqlalchemy.engine import Engine

MIGRATIONS = Path(__file__).resolve().parent / "migrations"


def alembic_config(engine: Engine) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.attributes["engine"] = engine
    return cfg


def upgrade_database(engine: Engine, revision: str = "head") -> tuple[str | None, str | None]:
    """Apply every migration not yet applied. Safe to run on every start. Returns the
    revision before and after (None: an empty database)."""
    cfg = alembic_config(engine)
    with engine.begin() as connection:
        before = MigrationContext.configure(connection).get_current_revision()
        cfg.attributes["connection"] = connection
        command.upgrade(cfg, revision)
        after = MigrationContext.configure(connection).get_current_revision()
    return before, after


def make_revision(engine: Engine, message: str) -> None:
    """Developer helper: autogenerate a migration against an up-to-date database."""
    cfg = alembic_config(engine)
    with engine.begin() as connection:
        cfg.attributes["connection"] = connection
        command.revision(cfg, message=message, autogenerate=True)
