"""The schema: migrations and models agree, the chain is linear, and the audit log refuses edits."""

from __future__ import annotations

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import text
from sqlalchemy.exc import DatabaseError

from composer.services.workspace import Workspace
from composer.storage import migrate
from composer.storage.records import Base


def test_migrations_produce_exactly_the_models(workspace: Workspace) -> None:
    with workspace.database.engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        differences = compare_metadata(context, Base.metadata)
    assert differences == []


def test_migration_chain_is_linear_with_one_head() -> None:
    scripts = ScriptDirectory.from_config(migrate.alembic_config())
    assert len(scripts.get_heads()) == 1
    for script in scripts.walk_revisions():
        assert not isinstance(script.down_revision, tuple), f"{script.revision} merges branches"


def test_database_is_at_head_after_opening(workspace: Workspace) -> None:
    assert migrate.current_revision(workspace.database) == migrate.head_revision()


def test_the_start_up_shortcut_knows_the_newest_migration() -> None:
    """Opening an up-to-date database skips Alembic by comparing with HEAD_REVISION: a new migration
    must move it, or databases would never be upgraded."""
    assert migrate.head_revision() == migrate.HEAD_REVISION


def test_a_database_one_migration_behind_is_still_upgraded(workspace: Workspace) -> None:
    with workspace.database.engine.begin() as connection:
        connection.execute(text("UPDATE alembic_version SET version_num = '0001'"))
    assert not migrate._is_current(workspace.database)
    with workspace.database.engine.begin() as connection:
        connection.execute(text("UPDATE alembic_version SET version_num = :head"), {"head": migrate.HEAD_REVISION})
    assert migrate._is_current(workspace.database)


@pytest.mark.parametrize("statement", ["UPDATE audit_log SET action = 'forged'", "DELETE FROM audit_log"])
def test_audit_log_refuses_updates_and_deletes_at_the_database(workspace: Workspace, statement: str) -> None:
    with workspace.store() as store:
        store.audit.append("post.created", "post", 1, actor_id=None)
    with pytest.raises(DatabaseError, match="append-only"), workspace.database.engine.begin() as connection:
        connection.execute(text(statement))
    with workspace.store() as store:
        assert [entry.action for entry in store.audit.all()] == ["post.created"]


def test_upgrade_backs_up_the_sqlite_file_first(tmp_path) -> None:
    from alembic import command

    from composer.services.workspace import open_workspace
    from composer.storage.database import connect

    path = tmp_path / "clinic.db"
    old = connect(f"sqlite:///{path}")
    config = migrate.alembic_config()
    with old.engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "0001")
        connection.execute(
            text(
                "INSERT INTO practices (name, phone, fax, email, website, address, time_zone, created_at)"
                " VALUES ('Old Practice', '', '', '', '', '', 'UTC', '2026-01-01')"
            )
        )
    old.dispose()

    upgraded = open_workspace(f"sqlite:///{path}")
    try:
        assert upgraded.backup is not None
        assert upgraded.backup.name.startswith("clinic.backup-0001-")
        assert upgraded.backup.stat().st_mode & 0o777 == 0o600
        practice = upgraded.practice()
        assert practice is not None and practice.name == "Old Practice"
    finally:
        upgraded.close()
    import sqlite3

    with sqlite3.connect(upgraded.backup) as copy:
        assert copy.execute("SELECT version_num FROM alembic_version").fetchone() == ("0001",)
        assert copy.execute("SELECT name FROM practices").fetchall() == [("Old Practice",)]
