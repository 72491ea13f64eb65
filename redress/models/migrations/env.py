"""Alembic environment: migrations run on the vault's own keyed connection, never a URL."""

from __future__ import annotations

from alembic import context

from redress.models.schema import Base

config = context.config
connection = config.attributes.get("connection")
if connection is None:  # pragma: no cover - only the vault runs migrations
    raise RuntimeError("Redress migrations run only through redress.models.migrate")


def include_object(
    obj: object, name: str | None, type_: str, reflected: bool, compare_to: object
) -> bool:
    """Leave the FTS5 search table (created by raw SQL in the baseline) out of autogenerate."""
    return not (type_ == "table" and name is not None and name.startswith("case_search"))


context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=True,
    compare_type=True,
    include_object=include_object,
)
with context.begin_transaction():
    context.run_migrations()
