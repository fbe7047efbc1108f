"""Where the shipped data files (rule packs, dictionaries, topics, platforms) live.

Kept outside ``app/`` because the checker and the CLI need it without Qt. The folder sits at the
repository root in a source checkout (and an editable install); a frozen build (PyInstaller) sets
``sys._MEIPASS`` and carries the folder beside the code.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

_ENV_OVERRIDE = "CLINIC_COMPOSER_RESOURCES"


def resources_dir() -> Path:
    """Return the folder holding ``rules/``, ``dictionaries/``, ``topics/`` and ``platforms/``."""
    override = os.environ.get(_ENV_OVERRIDE)
    if override:
        return Path(override)
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        return Path(frozen_root) / "resources"
    return Path(__file__).resolve().parent.parent / "resources"


def resource_path(*parts: str) -> Path:
    """Return the path of one shipped resource, e.g. ``resource_path("rules", "phi.toml")``."""
    return resources_dir().joinpath(*parts)
