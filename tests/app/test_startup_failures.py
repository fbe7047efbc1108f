"""Bad databases give one clear sentence and a non-zero exit, leave the data untouched, never a traceback."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import text

from composer.app.single_instance import InstanceLock
from composer.services.workspace import open_workspace


def run_cli(*args: str, env: dict[str, str] | None = None, timeout: float = 60) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "composer", *args],
        capture_output=True,
        text=True,
        timeout=timeout,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen", **(env or {})},
    )


def assert_one_sentence(result: subprocess.CompletedProcess[str], *phrases: str) -> None:
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    message = result.stderr.strip()
    assert len(message.splitlines()) == 1, message
    for phrase in phrases:
        assert phrase in message


def test_corrupt_file_is_refused_and_left_untouched(tmp_path: Path) -> None:
    broken = tmp_path / "clinic.db"
    garbage = b"this is not a database, just some bytes " * 100
    broken.write_bytes(garbage)
    result = run_cli("audit", "verify", "--database", f"sqlite:///{broken}")
    assert_one_sentence(result, "damaged or is not a Clinic Composer database")
    assert broken.read_bytes() == garbage
    assert not (tmp_path / "clinic.db-wal").exists()


def test_someone_elses_sqlite_file_is_not_migrated(tmp_path: Path) -> None:
    foreign = tmp_path / "other.db"
    with sqlite3.connect(foreign) as connection:
        connection.execute("CREATE TABLE invoices (id INTEGER PRIMARY KEY)")
    result = run_cli("demo", "--database", f"sqlite:///{foreign}")
    assert_one_sentence(result, "was not made by Clinic Composer")
    with sqlite3.connect(foreign) as connection:
        tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert tables == {"invoices"}


def test_database_from_a_newer_version_is_refused(database_url: str) -> None:
    workspace = open_workspace(database_url)
    with workspace.database.engine.begin() as connection:
        connection.execute(text("UPDATE alembic_version SET version_num = '9999_from_the_future'"))
    workspace.close()
    result = run_cli("audit", "verify", "--database", database_url)
    assert_one_sentence(result, "newer version of Clinic Composer")


def test_unreachable_server_is_one_sentence() -> None:
    result = run_cli("audit", "verify", "--database", "postgresql+psycopg://nobody@127.0.0.1:1/clinic")
    assert_one_sentence(result, "Could not connect to the database")


def test_malformed_url_is_one_sentence() -> None:
    result = run_cli("audit", "verify", "--database", "not a url at all")
    assert_one_sentence(result, "not a valid database URL")


def test_data_folder_that_cannot_be_created(tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("in the way")
    result = run_cli("demo", "--database", f"sqlite:///{blocker / 'sub' / 'clinic.db'}")
    assert_one_sentence(result, "cannot create its database")


@pytest.mark.skipif(os.geteuid() == 0 if hasattr(os, "geteuid") else True, reason="root ignores permissions")
def test_read_only_data_folder(tmp_path: Path) -> None:
    folder = tmp_path / "locked"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        result = run_cli("demo", "--database", f"sqlite:///{folder / 'clinic.db'}")
    finally:
        folder.chmod(0o700)
    assert_one_sentence(result, "cannot write to the data folder")


def test_second_window_on_the_same_file_is_refused(tmp_path: Path) -> None:
    database = tmp_path / "clinic.db"
    with InstanceLock(database):
        result = run_cli("--database", f"sqlite:///{database}")
    assert_one_sentence(result, "already open")


def test_debug_shows_the_traceback(tmp_path: Path) -> None:
    broken = tmp_path / "clinic.db"
    broken.write_bytes(b"garbage" * 10)
    result = run_cli("--debug", "audit", "verify", "--database", f"sqlite:///{broken}")
    assert result.returncode != 0
    assert "Traceback" in result.stderr


def test_new_database_file_is_readable_by_its_owner_only(tmp_path: Path) -> None:
    database = tmp_path / "fresh" / "clinic.db"
    result = run_cli("demo", "--database", f"sqlite:///{database}")
    assert result.returncode == 0, result.stderr
    assert database.stat().st_mode & 0o777 == 0o600
    assert database.parent.stat().st_mode & 0o777 == 0o700
    for side in database.parent.glob("clinic.db-*"):
        assert side.stat().st_mode & 0o077 == 0
