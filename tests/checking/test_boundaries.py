"""The checker and the check command import no Qt and no SQLAlchemy (DESIGN 1)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_checker_imports_no_qt_or_sql() -> None:
    code = (
        "import sys\n"
        "sys.modules['PySide6'] = None\n"
        "sys.modules['sqlalchemy'] = None\n"
        "import composer.checking, composer.checking.spelling, composer.checking.platforms\n"
        "import composer.services.check_command\n"
        "from composer.checking import load_checker, CheckRequest\n"
        "load_checker().check(CheckRequest(text='Hi'))\n"
        "roots = ('PySide6', 'sqlalchemy', 'shiboken6')\n"
        "bad = [m for m in sys.modules if m.split('.')[0] in roots and sys.modules[m]]\n"
        "assert not bad, bad\n"
    )
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
