"""Alembic environment: migrations run on the vault's own keyed connection, never a URL."""

from __future__ import annotations

from alembic import context

from redress.models.schema import Base

config = context.config
connection = config.attributes.get("connection")
if connection is None:  # pragma: no cover - only the vault runs migrations
    raise RuntimeError("Redress migrations run only through redress.models.migrate")

context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=True,
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
