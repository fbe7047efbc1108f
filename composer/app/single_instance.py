"""One window per SQLite file: a second instance would fight the first over autosaves.

An OS file lock (released by the kernel even after a crash or ``kill -9``) on ``<db>.lock`` beside the
database. PostgreSQL needs no lock: several workstations sharing it is the point, and optimistic
locking keeps their edits apart.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from types import TracebackType

from composer.domain.errors import DatabaseInUseError


class InstanceLock:
    def __init__(self, database_file: Path) -> None:
        self.path = database_file.with_name(database_file.name + ".lock")
        self._fd: int | None = None

    def acquire(self) -> None:
        fd = os.open(self.path, os.O_CREAT | os.O_RDWR, 0o600)
        try:
            if sys.platform == "win32":
                import msvcrt

                msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
            else:
                import fcntl

                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError as error:
            os.close(fd)
            raise DatabaseInUseError(
                f"Clinic Composer is already open on {self.path.with_suffix('')}; switch to that window instead."
            ) from error
        self._fd = fd

    def release(self) -> None:
        if self._fd is not None:
            os.close(self._fd)
            self._fd = None

    def __enter__(self) -> InstanceLock:
        self.acquire()
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.release()
