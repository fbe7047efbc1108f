"""Alembic environment used only programmatically (see ``composer.storage.migrate``).

The connection comes in through ``config.attributes`` so that migrations run on exactly the engine the
app opened (with its SQLite pragmas); batch mode lets SQLite alter tables.
"""

from alembic import context

from composer.storage.records import Base

connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=connection.dialect.name == "sqlite",
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
