"""Alembic environment used only programmatically (see ``composer.storage.migrate``).

The connection comes in through ``config.attributes`` so that migrations run on exactly the engine the
app opened (with its SQLite pragmas); batch mode lets SQLite alter tables.
"""

from typing import Any, Literal

from alembic import context
from alembic.autogenerate.api import AutogenContext

from composer.storage.records import Base, UTCDateTime


def render_item(kind: str, item: Any, autogen_context: AutogenContext) -> str | Literal[False]:
    """Autogenerate writes our UTC column type as the plain column it is in the database."""
    if kind == "type" and isinstance(item, UTCDateTime):
        return "sa.DateTime(timezone=True)"
    return False


connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=connection.dialect.name == "sqlite",
    compare_type=True,
    render_item=render_item,
)
with context.begin_transaction():
    context.run_migrations()
