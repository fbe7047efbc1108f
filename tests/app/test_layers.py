"""The architecture's firm boundaries (DESIGN.md 1), enforced: a violation fails the build."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2] / "composer"
QT_ALLOWED = ("ui", "app")
SQL_ALLOWED = ("storage",)


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module.split(".")[0])
    return found


def offenders(roots: set[str], allowed: tuple[str, ...]) -> list[str]:
    bad = []
    for path in PACKAGE.rglob("*.py"):
        part = path.relative_to(PACKAGE).parts[0]
        if part in allowed:
            continue
        if imported_modules(path) & roots:
            bad.append(str(path.relative_to(PACKAGE.parent)))
    return sorted(bad)


def test_qt_only_in_ui_and_app() -> None:
    assert offenders({"PySide6", "shiboken6"}, QT_ALLOWED) == []


def test_sqlalchemy_and_alembic_only_in_storage() -> None:
    assert offenders({"sqlalchemy", "alembic"}, SQL_ALLOWED) == []


def test_keyring_only_behind_the_secrets_module() -> None:
    bad = [p for p in offenders({"keyring"}, ()) if p != "composer/secrets.py"]
    assert bad == []


def test_headless_commands_run_with_qt_unavailable() -> None:
    """``check``, ``topics`` and the CLI parser must work on a server where PySide6 cannot even load."""
    code = (
        "import sys; sys.modules['PySide6'] = None\n"
        "from composer.app.cli import build_parser; build_parser()\n"
        "import composer.checking, composer.services.check_command, composer.services.topic_listing\n"
        "import composer.services.workspace, composer.services.demo, composer.services.drafting\n"
        "assert not [m for m in sys.modules if m.startswith('PySide6.')]\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr


def test_check_runs_without_a_display_qt_or_network(tmp_path: Path) -> None:
    """The checker must work in a pre-commit hook on a server: no PySide6, no display, no sockets."""
    draft = tmp_path / "draft.txt"
    draft.write_text("Hi Ronald, your results are in. Call us at (555) 201-3300.", encoding="utf-8")
    code = (
        "import socket, sys\n"
        "sys.modules['PySide6'] = None\n"
        "def refuse(*args, **kwargs): raise AssertionError('network used')\n"
        "socket.socket.connect = refuse; socket.create_connection = refuse\n"
        "from composer.app.cli import main\n"
        f"sys.exit(main(['check', {str(draft)!r}, '--format', 'json', '--kind', 'reply']))\n"
    )
    env = {k: v for k, v in __import__("os").environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    env.pop("QT_QPA_PLATFORM", None)
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60, env=env)
    assert result.returncode == 1, result.stderr  # error findings: the patient's name
    assert '"category": "phi"' in result.stdout
