"""The compliance checker: pure Python (no Qt, no SQL), shared by the editor, review queue, gate and CLI.

Typical use::

    checker = load_checker()                      # once; every rule pack and lexicon
    findings = checker.check(CheckRequest(text="..."), PracticeContext.from_json(data))
"""

from typing import TYPE_CHECKING, Any

from composer.checking.errors import RuleFileError
from composer.checking.model import (
    CATEGORIES,
    COMPLIANCE_CATEGORIES,
    CheckRequest,
    Finding,
    ImageRef,
    PracticeContext,
    Severity,
)

if TYPE_CHECKING:
    from composer.checking.engine import Checker, load_checker

#: Imported on first use: the engine compiles a few hundred patterns as it loads, which the app does on a
#: background thread rather than while its window is opening (the data types above are light).
_LAZY = {"Checker": "engine", "load_checker": "engine"}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    from importlib import import_module

    return getattr(import_module(f"{__name__}.{module}"), name)

__all__ = [
    "CATEGORIES",
    "COMPLIANCE_CATEGORIES",
    "CheckRequest",
    "Checker",
    "Finding",
    "ImageRef",
    "PracticeContext",
    "RuleFileError",
    "Severity",
    "load_checker",
]
