"""Regenerate ``resources/rules/derived.json`` (see :mod:`composer.checking.derived`)::

    python -m composer.checking.build_facts

The facts are worked out in a fresh interpreter that ignores the existing file, so nothing stale can
survive into the new one.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from composer.checking import derived


def _derive_all(resources: Path, output: Path) -> int:
    """In a process started with ``derived.DISABLE_VARIABLE`` set: load the engine, compile every regex
    (rewrites are worked out when a regex first compiles) and write the facts the rules needed."""
    from composer.checking.engine import load_checker

    checker = load_checker(resources)
    derived.keep_load_facts(False)
    checker.warm_up()
    return derived.save(output)


def regenerate(resources: Path | None = None, output: Path | None = None) -> tuple[int, Path]:
    """Work every fact out afresh in a new interpreter and write them; returns (count, file)."""
    from composer.checking.engine import default_resources

    root = resources or default_resources()
    target = output or root / "rules" / derived.FILE_NAME
    command = [sys.executable, "-m", "composer.checking.build_facts", "--derive", str(root), str(target)]
    env = {**os.environ, derived.DISABLE_VARIABLE: "1"}
    done = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        last = done.stderr.strip().splitlines()[-1:] or ["no message"]
        raise RuntimeError(f"deriving the rule facts failed: {last[0]}")
    return int(done.stdout.strip() or 0), target


if __name__ == "__main__":  # pragma: no cover - a maintenance command
    if sys.argv[1:2] == ["--derive"]:
        print(_derive_all(Path(sys.argv[2]), Path(sys.argv[3])))
    else:
        count, written = regenerate()
        print(f"{count} facts written to {written}")
