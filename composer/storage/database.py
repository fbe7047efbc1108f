"""Opening a database: where it lives, how SQLite is configured, and turning failures into sentences.

SQLite is the default (one workstation); any SQLAlchemy URL works, PostgreSQL when several workstations
share one database. Files are created readable by their owner only, because drafts can hold patient
data until they are fixed.
"""

from __future__ import annotations

import os
import sqlite3
import stat
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event, inspect
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError, DatabaseError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

from composer.domain.errors import (
    DatabaseCorruptError,
    DatabaseUnavailableError,
    DataFolderError,
)

ENV_DATABASE_URL = "CLINIC_COMPOSER_DATABASE_URL"
OWNER_ONLY_FILE = stat.S_IRUSR | stat.S_IWUSR
OWNER_ONLY_FOLDER = stat.S_IRWXU
SQLITE_BUSY_TIMEOUT_MS = 5000


def sqlite_url(path: Path) -> str:
    return f"sqlite:///{path}"


def parse_url(url: str) -> URL:
    """Parse a SQLAlchemy URL, spelling out the psycopg driver for bare ``postgresql://`` URLs.

    SQLAlchemy 2.0 and 2.1 pick different default PostgreSQL drivers; we ship psycopg 3 only.
    """
    try:
        parsed = make_url(url)
    except ArgumentError as error:
        raise DatabaseUnavailableError(f"The database address {url!r} is not a valid database URL.") from error
    if parsed.drivername in ("postgresql", "postgres"):
        parsed = parsed.set(drivername="postgresql+psycopg")
    return parsed


def sqlite_file(url: URL) -> Path | None:
    """The file behind a SQLite URL, or None for other databases and in-memory SQLite."""
    if url.get_backend_name() != "sqlite" or not url.database or url.database == ":memory:":
        return None
    return Path(url.database).expanduser().resolve()


def describe(url: URL) -> str:
    """A short, password-free description for the status bar and messages."""
    path = sqlite_file(url)
    if path is not None:
        return str(path)
    if url.get_backend_name() == "sqlite":
        return "in-memory SQLite"
    host = url.host or "localhost"
    port = f":{url.port}" if url.port else ""
    return f"{url.get_backend_name()} {url.database or ''} on {host}{port}"


def prepare_sqlite_file(path: Path) -> None:
    """Create the folder and an empty file with owner-only permissions before SQLite touches them."""
    folder = path.parent
    try:
        if not folder.exists():
            folder.mkdir(parents=True, mode=OWNER_ONLY_FOLDER)
        if not path.exists():
            fd = os.open(path, os.O_CREAT | os.O_WRONLY | os.O_EXCL, OWNER_ONLY_FILE)
            os.close(fd)
        else:
            os.chmod(path, OWNER_ONLY_FILE)
    except PermissionError as error:
        raise DataFolderError(f"Clinic Composer cannot write to the data folder {folder}.") from error
    except OSError as error:
        raise DataFolderError(f"Clinic Composer cannot create its database in {folder} ({error.strerror}).") from error
    if not os.access(folder, os.W_OK) or not os.access(path, os.W_OK):
        raise DataFolderError(f"Clinic Composer cannot write to the data folder {folder}.")


def _restrict_sqlite_side_files(path: Path) -> None:
    for suffix in ("-wal", "-shm"):
        side = path.with_name(path.name + suffix)
        if side.exists():
            with suppress(OSError):  # another process owns it; the folder itself is owner-only
                os.chmod(side, OWNER_ONLY_FILE)


def _configure_sqlite(engine: Engine, path: Path | None) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
        if path is not None:
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.close()
        if path is not None:
            _restrict_sqlite_side_files(path)


def translate_error(error: Exception, url: URL) -> Exception:
    """Turn a driver error into a :class:`ComposerError` with one sentence, or return it unchanged."""
    text = str(getattr(error, "orig", error)).lower()
    where = describe(url)
    if "file is not a database" in text or "malformed" in text or "not a database" in text:
        return DatabaseCorruptError(
            f"The database file {where} is damaged or is not a Clinic Composer database; it was left untouched."
        )
    if "readonly" in text or "read-only" in text:
        return DataFolderError(f"The database {where} is read-only, so Clinic Composer cannot save to it.")
    if "unable to open database" in text:
        return DataFolderError(f"Clinic Composer cannot open the database file {where}.")
    if isinstance(error, OperationalError | DatabaseError):
        reason = "the server refused the connection or could not be reached"
        if "password authentication failed" in text:
            reason = "the user name or password was not accepted"
        elif "does not exist" in text and "database" in text:
            reason = "that database does not exist on the server"
        return DatabaseUnavailableError(f"Could not connect to the database {where}: {reason}.")
    return error


@dataclass
class Database:
    """An engine plus a session factory; services open one session per user action via :meth:`session`."""

    url: URL
    engine: Engine
    _sessions: sessionmaker[Session]

    @property
    def description(self) -> str:
        return describe(self.url)

    @property
    def file(self) -> Path | None:
        return sqlite_file(self.url)

    @property
    def is_sqlite(self) -> bool:
        return self.url.get_backend_name() == "sqlite"

    @contextmanager
    def session(self) -> Iterator[Session]:
        """One transaction: committed when the block ends, rolled back on any error."""
        session = self._sessions()
        try:
            yield session
            session.commit()
        except BaseException:
            session.rollback()
            raise
        finally:
            session.close()

    def dispose(self) -> None:
        self.engine.dispose()


def connect(url: str) -> Database:
    """Open (creating if needed) the database at ``url`` and prove it answers; does not migrate."""
    parsed = parse_url(url)
    path = sqlite_file(parsed)
    if path is not None:
        prepare_sqlite_file(path)
        check_sqlite_header(path)
    connect_args: dict[str, Any] = {}
    if parsed.get_backend_name() == "postgresql":
        connect_args["connect_timeout"] = 5
    try:
        engine = create_engine(parsed, connect_args=connect_args, pool_pre_ping=True)
    except Exception as error:  # a missing driver, a malformed option
        raise DatabaseUnavailableError(f"Could not open the database {describe(parsed)}: {error}.") from error
    if parsed.get_backend_name() == "sqlite":
        _configure_sqlite(engine, path)
    try:
        with engine.connect() as connection:
            inspect(connection).get_table_names()
    except (OperationalError, DatabaseError) as error:
        engine.dispose()
        raise translate_error(error, parsed) from error
    return Database(parsed, engine, sessionmaker(engine, expire_on_commit=False))


def check_sqlite_header(path: Path) -> None:
    """Refuse a file that is not SQLite before anything writes to it (WAL would otherwise be set)."""
    try:
        with open(path, "rb") as handle:
            header = handle.read(16)
    except OSError as error:
        raise DataFolderError(f"Clinic Composer cannot read the database file {path}.") from error
    if header and header != b"SQLite format 3\x00":
        raise DatabaseCorruptError(
            f"The database file {path} is damaged or is not a Clinic Composer database; it was left untouched."
        )


def backup_sqlite(path: Path, label: str) -> Path:
    """Copy a live SQLite file with the online backup API (safe with WAL); owner-only permissions."""
    target = path.with_name(f"{path.stem}.backup-{label}{path.suffix or '.db'}")
    source = sqlite3.connect(path)
    try:
        fd = os.open(target, os.O_CREAT | os.O_WRONLY | os.O_TRUNC, OWNER_ONLY_FILE)
        os.close(fd)
        destination = sqlite3.connect(target)
        try:
            source.backup(destination)
        finally:
            destination.close()
    finally:
        source.close()
    os.chmod(target, OWNER_ONLY_FILE)
    return target
