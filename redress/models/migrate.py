"""Schema migrations: Alembic, on the vault's keyed connection, after a verified backup."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine

from redress.models.errors import SchemaVersionError

MIGRATIONS = Path(__file__).with_name("migrations")


def _config() -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    return cfg


def head_revision() -> str:
    """The newest schema revision this Redress knows."""
    head = ScriptDirectory.from_config(_config()).get_current_head()
    assert head is not None
    return head


def current_revision(connection: Connection) -> str | None:
    """The revision a vault database is at (``None`` for an empty database)."""
    return MigrationContext.configure(connection).get_current_revision()


def needs_upgrade(engine: Engine) -> bool:
    """Whether the database is behind this Redress's schema.

    Raises:
        SchemaVersionError: the database is from a newer Redress; nothing is changed.
    """
    with engine.connect() as conn:
        current = current_revision(conn)
    if current is None:
        return True
    known = {rev.revision for rev in ScriptDirectory.from_config(_config()).walk_revisions()}
    if current not in known:
        raise SchemaVersionError(
            "this vault was written by a newer version of Redress; update Redress to open it "
            "(nothing was changed)"
        )
    return current != head_revision()


def upgrade(engine: Engine) -> None:
    """Bring the database to the newest revision in one transaction."""
    with engine.begin() as conn:
        cfg = _config()
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")
