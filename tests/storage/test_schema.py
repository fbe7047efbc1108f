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


@pytest.mark.parametrize("statement", ["UPDATE audit_log SET action = 'forged'", "DELETE FROM audit_log"])
def test_audit_log_refuses_updates_and_deletes_at_the_database(workspace: Workspace, statement: str) -> None:
    with workspace.store() as store:
        store.audit.append("post.created", "post", 1, actor_id=None)
    with pytest.raises(DatabaseError, match="append-only"), workspace.database.engine.begin() as connection:
        connection.execute(text(statement))
    with workspace.store() as store:
        assert [entry.action for entry in store.audit.all()] == ["post.created"]
