"""Facts worked out from rule patterns, remembered in a file shipped with the rules.

Loading the engine means deriving, for about two thousand regular expressions, the literal words a match
needs (the prefilters), a rewrite that lets ``re`` skip ahead (:func:`fastre.accelerate`) and a check
against catastrophic backtracking. Each needs Python's regex parser, and parsing was most of the load
time. These facts depend only on a pattern's text and flags, so they are stored keyed by a hash of
both: a pattern edited since the file was written simply is not found and is worked out again. A stale
file makes loading slower, never the checker wrong; a test regenerates the facts and compares.

Regenerate after editing rules or the code that derives the facts::

    python -m composer.checking.build_facts
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
import threading
from pathlib import Path
from typing import Any

try:
    from re._constants import MAGIC as _MAGIC
except ImportError:  # pragma: no cover
    from sre_constants import MAGIC as _MAGIC

#: Facts differ if the regex parser or compiler does: a file from another Python version (or another
#: version of ``re``'s compiled form) is ignored.
PARSER = f"{sys.version_info.major}.{sys.version_info.minor}/{_MAGIC}"
FILE_NAME = "derived.json"
#: Set to "1" to ignore the file and work every fact out (how the file itself is made).
DISABLE_VARIABLE = "CLINIC_COMPOSER_REDERIVE"

_facts: dict[str, Any] = {}
_used: set[str] = set()
_lock = threading.Lock()
_state = {"loaded": False, "enabled": os.environ.get(DISABLE_VARIABLE) != "1"}
#: Whether facts about loading itself are kept now (see :func:`keep_load_facts`).
_load_facts = {"keep": not _state["enabled"]}


def keep_load_facts(keep: bool) -> None:
    """Keep (or stop keeping) what loading the engine works out from here on: the compiled form of the
    regexes compiled (module patterns) and the parsed rule files, which is what loading would otherwise
    spend most of its time on (``re`` and ``tomllib`` parse in Python). Rederiving the facts keeps them
    while the engine loads; regexes compiled later, on first use or by ``warm_up``, are many and big
    and stay out of the file."""
    _load_facts["keep"] = keep


def keeping_load_facts() -> bool:
    return _load_facts["keep"]


def _key(kind: str, pattern: str, flags: int) -> str:
    digest = hashlib.blake2b(f"{kind}\0{flags}\0{pattern}".encode("utf-8", "surrogatepass"), digest_size=12)
    return digest.hexdigest()


def lookup(kind: str, pattern: str, flags: int) -> tuple[bool, Any]:
    """(True, fact) if known, else (False, None)."""
    key = _key(kind, pattern, flags)
    _used.add(key)
    if not _state["loaded"]:
        _load_default()
    if key in _facts:
        return True, _facts[key]
    return False, None


def remember(kind: str, pattern: str, flags: int, fact: Any) -> None:
    """Record a fact worked out now, for the rest of this process (and :func:`save`)."""
    with _lock:
        _facts[_key(kind, pattern, flags)] = fact


def _load_default() -> None:
    from composer.resources import resources_dir

    load(resources_dir() / "rules" / FILE_NAME)


def load(path: Path) -> None:
    """Read a facts file if it exists and was written by this Python's parser (else ignore it)."""
    with _lock:
        _state["loaded"] = True
    if not _state["enabled"]:
        return
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return
    if not isinstance(data, dict) or data.get("parser") != PARSER or not isinstance(data.get("facts"), dict):
        return
    with _lock:
        for key, fact in data["facts"].items():
            _facts.setdefault(key, fact)


def save(path: Path) -> int:
    """Write the facts this process needed (those of the rules it loaded) and return how many."""
    chosen = {key: _facts[key] for key in sorted(_used) if key in _facts}
    body = json.dumps({"parser": PARSER, "facts": chosen}, separators=(",", ":"), ensure_ascii=True)
    temporary = path.with_name(path.name + ".tmp")
    temporary.write_text(body + "\n", encoding="utf-8")
    temporary.replace(path)
    return len(chosen)
