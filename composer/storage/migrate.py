"""Applying the schema migrations that ship inside the package, safely.

Before touching an existing SQLite file the app copies it aside, and it refuses outright a database
written by a newer version (an unknown revision), so an old app never damages newer data.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import inspect, text
from sqlalchemy.exc import DatabaseError, OperationalError

from composer.domain.errors import DatabaseCorruptError, DatabaseTooNewError
from composer.storage.database import Database, backup_sqlite, translate_error

if TYPE_CHECKING:
    from alembic.config import Config

MIGRATIONS = Path(__file__).resolve().parent / "migrations"
KEEP_BACKUPS = 5
#: The newest migration's revision (a test checks it against the scripts). A database already at it is
#: recognised with one query, without importing Alembic: that import is a tenth of a second of start-up.
HEAD_REVISION = "0002"


def alembic_config() -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    return config


def head_revision() -> str:
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None, "the package ships at least one migration"
    return head


def current_revision(database: Database) -> str | None:
    from alembic.runtime.migration import MigrationContext

    with database.engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def _is_current(database: Database) -> bool:
    """Whether the database is stamped with :data:`HEAD_REVISION` (one row in ``alembic_version``)."""
    with database.engine.connect() as connection:
        if "alembic_version" not in inspect(connection).get_table_names():
            return False
        stamps = connection.execute(text("SELECT version_num FROM alembic_version")).scalars().all()
    return list(stamps) == [HEAD_REVISION]


def _check_known(database: Database, revision: str | None) -> None:
    if revision is None:
        with database.engine.connect() as connection:
            tables = set(inspect(connection).get_table_names())
        if tables and "alembic_version" not in tables:
            raise DatabaseCorruptError(
                f"The database {database.description} was not made by Clinic Composer; it was left untouched."
            )
        return
    from alembic.script import ScriptDirectory

    scripts = ScriptDirectory.from_config(alembic_config())
    if revision not in {script.revision for script in scripts.walk_revisions()}:
        raise DatabaseTooNewError(
            f"The database {database.description} was written by a newer version of Clinic Composer; "
            "please update the app before opening it."
        )


def _prune_backups(path: Path) -> None:
    backups = sorted(path.parent.glob(f"{path.stem}.backup-*"), key=lambda p: p.stat().st_mtime)
    for old in backups[:-KEEP_BACKUPS]:
        old.unlink(missing_ok=True)


def upgrade(database: Database) -> Path | None:
    """Bring the schema to the newest revision; returns the backup made, if any."""
    try:
        if _is_current(database):
            return None
        revision = current_revision(database)
        _check_known(database, revision)
        if revision == head_revision():
            return None
        backup = None
        if database.file is not None and revision is not None:
            stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
            backup = backup_sqlite(database.file, f"{revision}-{stamp}")
            _prune_backups(database.file)
        from alembic import command

        config = alembic_config()
        with database.engine.begin() as connection:
            config.attributes["connection"] = connection
            command.upgrade(config, "head")
        return backup
    except (OperationalError, DatabaseError) as error:
        raise translate_error(error, database.url) from error
