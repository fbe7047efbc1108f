"""Crash reports say where the app failed, never what the user was writing."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from composer.app import crash


def _fail_with_draft_text() -> None:
    draft = "Thanks Margaret Smith, DOB 03/14/1950, see you Tuesday"
    raise ValueError(f"could not parse {draft!r}")


def test_report_has_the_stack_but_not_the_message(tmp_path: Path) -> None:
    try:
        _fail_with_draft_text()
    except ValueError:
        exc_type, _exc, tb = sys.exc_info()
        assert exc_type is not None
        path = crash.write_report(tmp_path, exc_type, tb)
    report = path.read_text(encoding="utf-8")
    assert "ValueError" in report
    assert "_fail_with_draft_text" in report
    assert "Margaret" not in report and "03/14" not in report
    assert path.stat().st_mode & 0o777 == 0o600


def test_hook_notifies_the_user_in_one_sentence(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    notices: list[str] = []
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    crash.install(tmp_path, notices.append)
    try:
        _fail_with_draft_text()
    except ValueError:
        sys.excepthook(*sys.exc_info())  # type: ignore[arg-type]
    assert len(notices) == 1
    assert "ValueError" in notices[0] and "Margaret" not in notices[0]
    assert list(tmp_path.glob("crash-*.txt"))
