"""Shared test set-up: offscreen Qt, an in-memory keyring, a private data folder, and databases.

Storage and service tests take the ``database_url`` fixture, which gives a fresh SQLite file always and,
when ``CLINIC_COMPOSER_TEST_DATABASE_URL`` names a PostgreSQL server, a fresh database on it as well.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

# Must happen before any QApplication exists (see PLATFORM.md): without a display pytest would abort.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import keyring
import pytest
from keyring.backend import KeyringBackend

from composer.services.workspace import Workspace, open_workspace

TEST_DATABASE_ENV = "CLINIC_COMPOSER_TEST_DATABASE_URL"


class MemoryKeyring(KeyringBackend):
    """A real keyring backend that keeps secrets in a dict: tests never touch the OS keychain."""

    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.secrets: dict[tuple[str, str], str] = {}

    def set_password(self, service: str, username: str, password: str) -> None:
        self.secrets[(service, username)] = password

    def get_password(self, service: str, username: str) -> str | None:
        return self.secrets.get((service, username))

    def delete_password(self, service: str, username: str) -> None:
        from keyring.errors import PasswordDeleteError

        if (service, username) not in self.secrets:
            raise PasswordDeleteError("not found")
        del self.secrets[(service, username)]


@pytest.fixture(autouse=True)
def memory_keyring() -> Iterator[MemoryKeyring]:
    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(previous)


@pytest.fixture(autouse=True)
def private_data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Keep every test's database, settings and backups out of the real user's data folder."""
    folder = tmp_path / "data"
    monkeypatch.setenv("CLINIC_COMPOSER_DATA_DIR", str(folder))
    monkeypatch.delenv("CLINIC_COMPOSER_DATABASE_URL", raising=False)
    return folder


def _postgres_server_url() -> str | None:
    return os.environ.get(TEST_DATABASE_ENV) or None


def _database_params() -> list[object]:
    params: list[object] = [pytest.param("sqlite", id="sqlite")]
    if _postgres_server_url():
        params.append(pytest.param("postgresql", id="postgresql", marks=pytest.mark.postgres))
    return params


@pytest.fixture(params=_database_params())
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A URL of an empty database: a SQLite file, or a throw-away database on the test PostgreSQL server."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'clinic.db'}"
        return
    from sqlalchemy import create_engine, text  # tests may use SQLAlchemy to prepare servers

    server = create_engine(_postgres_server_url(), isolation_level="AUTOCOMMIT")  # type: ignore[arg-type]
    name = f"cc_test_{uuid.uuid4().hex[:12]}"
    with server.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    url = server.url.set(database=name).render_as_string(hide_password=False)
    try:
        yield url
    finally:
        with server.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        server.dispose()


@pytest.fixture
def workspace(database_url: str) -> Iterator[Workspace]:
    opened = open_workspace(database_url)
    yield opened
    opened.close()


@pytest.fixture
def demo_workspace(workspace: Workspace) -> Workspace:
    from composer.services.demo import fill_demo

    fill_demo(workspace)
    return workspace
