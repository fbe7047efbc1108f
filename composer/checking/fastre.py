"""Fast, case-insensitive regular expressions for the typing path.

Python's ``re.IGNORECASE`` is several times slower than a case-sensitive match, and a draft is checked on
every pause in typing. So each draft is lower-cased once (keeping every offset: :func:`lower_text`), the
case-insensitive patterns are lower-cased once at load (:func:`lower_pattern`) and compiled without the
flag, and every pattern gets a cheap prefilter: the literal words one of which any match must contain
(:func:`required_literals`). Most rules are skipped by a few ``in`` tests on a clean draft.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any, Protocol

try:
    import re._constants as _c
    import re._parser as _p
except ImportError:  # pragma: no cover
    import sre_constants as _c  # type: ignore[no-redef]
    import sre_parse as _p  # type: ignore[no-redef]


def lower_text(text: str) -> str:
    """``text.lower()`` with the same length and offsets (a few characters lower-case to two)."""
    lowered = text.lower()
    if len(lowered) == len(text):
        return lowered
    return "".join(ch.lower() if len(ch.lower()) == 1 else ch for ch in text)


def lower_pattern(pattern: str) -> str:
    """Lower-case a pattern's literals, leaving escapes (``\\S``, ``\\B``, ``\\U0001F300``) intact."""
    out: list[str] = []
    index = 0
    length = len(pattern)
    while index < length:
        char = pattern[index]
        if char == "\\" and index + 1 < length:
            out.append(pattern[index : index + 2])
            index += 2
            continue
        out.append(char.lower())
        index += 1
    return "".join(out)


def _literal_sets(nodes: Any) -> list[set[str]]:
    """Candidate sets of required literals, one per element of a parsed sequence."""
    candidates: list[set[str]] = []
    run: list[str] = []

    def flush() -> None:
        if run:
            candidates.append({"".join(run)})
            run.clear()

    for op, arg in nodes:
        if op == _c.LITERAL:
            run.append(chr(arg))
            continue
        flush()
        if op == _c.SUBPATTERN:
            best = _best(arg[-1])
            if best is not None:
                candidates.append(best)
        elif op == _c.BRANCH:
            union: set[str] = set()
            for branch in arg[1]:
                best = _best(branch)
                if best is None:
                    union = set()
                    break
                union |= best
            if union:
                candidates.append(union)
        elif op == _c.IN and 0 < len(arg) <= 4 and all(item[0] == _c.LITERAL for item in arg):
            chars = {chr(item[1]) for item in arg}
            if all(not ch.isalnum() and not ch.isspace() for ch in chars):
                candidates.append(chars)
        elif op in (_c.MAX_REPEAT, _c.MIN_REPEAT) and arg[0] >= 1:
            best = _best(arg[2])
            if best is not None:
                candidates.append(best)
    flush()
    return candidates


def _best(nodes: Any) -> set[str] | None:
    sets = [s for s in _literal_sets(nodes) if s and all(s)]
    if not sets:
        return None
    return max(sets, key=lambda s: (min(len(x) if x.isalnum() else 4 for x in s), -len(s)))


def required_literals(pattern: str, flags: int = 0) -> tuple[str, ...] | None:
    """Literals one of which every match of ``pattern`` contains, or None if there is no such set."""
    try:
        parsed = _p.parse(pattern, flags)
    except re.error:
        return None
    best = _best(list(parsed))
    if best is None or any(len(x) < 2 and (x.isalnum() or x.isspace()) for x in best):
        return None
    # Drop literals that contain a shorter one: the shorter test is enough.
    ordered = sorted(best, key=len)
    kept: list[str] = []
    for literal in ordered:
        if not any(k in literal for k in kept):
            kept.append(literal)
    return tuple(kept)


_WORD_KEY = re.compile(r"[^\W_]+")


def word_set(lowered: str) -> frozenset[str]:
    """The distinct words of a lower-cased text, for whole-word prefilters."""
    return frozenset(_WORD_KEY.findall(lowered))


class Snapshot(Protocol):
    """What a matcher needs of a draft: its text, the lower-cased text and its word set."""

    text: str
    lower: str

    @property
    def words(self) -> frozenset[str]: ...


class Matcher:
    """A compiled pattern, which text variant it runs on, and its prefilter.

    The prefilter is either whole words (any of which must occur in the draft: a set test) plus
    literals that are not words (emoji, symbols), or, for hand-written patterns, literal substrings
    derived from the pattern.
    """

    __slots__ = ("keys", "literals", "lower", "regex")

    def __init__(self, pattern: str, ignore_case: bool, phrases: tuple[str, ...] | None = None) -> None:
        self.lower = ignore_case and "(?-i" not in pattern and "(?i" not in pattern
        if self.lower:
            source = lower_pattern(pattern)
            self.regex = re.compile(source)
        else:
            source = pattern
            self.regex = re.compile(pattern, re.IGNORECASE if ignore_case else 0)
        self.keys: frozenset[str] | None = None
        self.literals: tuple[str, ...] | None = None
        if phrases is not None:
            keys: set[str] = set()
            others: set[str] = set()
            for phrase in phrases:
                # Any word of the phrase must occur; the longest is the most selective test.
                parts = _WORD_KEY.findall(phrase)
                whole_words = " ".join(parts) == " ".join(phrase.split())
                if parts and self.lower and (whole_words or _WORD_KEY.match(phrase)):
                    keys.add(max(parts, key=len).lower() if whole_words else parts[0].lower())
                else:
                    others.add(phrase.split()[0].lower() if self.lower else phrase.split()[0])
            self.keys = frozenset(keys)
            self.literals = tuple(sorted(others))
        elif self.lower or not ignore_case:
            self.literals = required_literals(source)

    def haystack(self, snapshot: Snapshot) -> str:
        return snapshot.lower if self.lower else snapshot.text

    def possible(self, snapshot: Snapshot, haystack: str) -> bool:
        """False when no match can exist (no required word or literal occurs)."""
        if self.keys is not None and not snapshot.words.isdisjoint(self.keys):
            return True
        literals = self.literals
        if literals is None:
            return self.keys is None
        return any(literal in haystack for literal in literals)

    def finditer(self, snapshot: Snapshot) -> Iterator[re.Match[str]]:
        haystack = self.haystack(snapshot)
        if not self.possible(snapshot, haystack):
            return iter(())
        return self.regex.finditer(haystack)

    def search(self, snapshot: Snapshot, start: int = 0, end: int | None = None) -> bool:
        haystack = self.haystack(snapshot)
        if not self.possible(snapshot, haystack):
            return False
        if end is None:
            end = len(haystack)
        return self.regex.search(haystack, start, end) is not None
