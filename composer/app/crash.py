"""Unexpected errors in the GUI: tell the user plainly and write a report that holds no draft text.

An exception's message can quote whatever it was handling (a draft with a patient's name, say), so the
report keeps only the exception's type and where it happened: file, line and function of each frame.
"""

from __future__ import annotations

import os
import sys
import traceback
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType

from composer import __version__

REPORT_MODE = 0o600


def crash_report(exc_type: type[BaseException], tb: TracebackType | None) -> str:
    """The report: version, exception type and the stack's locations, never messages or variables."""
    lines = [
        f"Clinic Composer {__version__}, Python {sys.version.split()[0]}, {sys.platform}",
        f"Time (UTC): {datetime.now(UTC).isoformat(timespec='seconds')}",
        f"Exception: {exc_type.__module__}.{exc_type.__qualname__} (message withheld: it may quote a draft)",
        "Stack (most recent call last):",
    ]
    for frame in traceback.extract_tb(tb):
        lines.append(f"  {Path(frame.filename).name}:{frame.lineno} in {frame.name}")
    return "\n".join(lines) + "\n"


def write_report(folder: Path, exc_type: type[BaseException], tb: TracebackType | None) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"crash-{datetime.now(UTC):%Y%m%dT%H%M%S%fZ}.txt"
    fd = os.open(path, os.O_CREAT | os.O_WRONLY | os.O_EXCL, REPORT_MODE)
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        handle.write(crash_report(exc_type, tb))
    return path


def install(folder: Path, notify: Callable[[str], object]) -> None:
    """Route uncaught exceptions (including those raised in Qt slots) to a report and a notice."""

    def hook(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            sys.__excepthook__(exc_type, exc, tb)
            return
        try:
            path = write_report(folder, exc_type, tb)
            where = f" A report without any draft text was saved to {path}."
        except OSError:
            where = ""
        notify(
            f"Clinic Composer hit an unexpected problem ({exc_type.__name__}); your drafts are saved as you "
            f"type.{where}"
        )

    sys.excepthook = hook
