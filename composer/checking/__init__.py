"""The compliance checker: pure Python (no Qt, no SQL), shared by the editor, review queue, gate and CLI.

Typical use::

    checker = load_checker()                      # once; every rule pack and lexicon
    findings = checker.check(CheckRequest(text="..."), PracticeContext.from_json(data))
"""

from composer.checking.engine import Checker, load_checker
from composer.checking.model import (
    CATEGORIES,
    COMPLIANCE_CATEGORIES,
    CheckRequest,
    Finding,
    ImageRef,
    PracticeContext,
    Severity,
)
from composer.checking.rules import RuleFileError

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
