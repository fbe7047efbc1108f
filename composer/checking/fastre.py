"""Fast, case-insensitive regular expressions for the typing path.

Python's ``re.IGNORECASE`` is several times slower than a case-sensitive match, and a draft is checked on
every pause in typing. So each draft is lower-cased once (keeping every offset: :func:`lower_text`), the
case-insensitive patterns are lower-cased once at load (:func:`lower_pattern`) and compiled without the
flag, and every pattern gets a cheap prefilter: the literal words one of which any match must contain
(:func:`required_literals`). Most rules are skipped by a few ``in`` tests on a clean draft.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from functools import lru_cache
from typing import Any, Protocol

try:
    import re._constants as _c
    import re._parser as _p
except ImportError:  # pragma: no cover
    import sre_constants as _c
    import sre_parse as _p


def lower_text(text: str) -> str:
    """``text.lower()`` with the same length and offsets (a few characters lower-case to two)."""
    lowered = text.lower()
    if len(lowered) == len(text):
        return lowered
    return "".join(ch.lower() if len(ch.lower()) == 1 else ch for ch in text)


_ESCAPE_OR_RUN = re.compile(r"\\.|[^\\]+", re.DOTALL)


def lower_pattern(pattern: str) -> str:
    """Lower-case a pattern's literals, leaving escapes (``\\S``, ``\\B``, ``\\U0001F300``) intact."""
    return _ESCAPE_OR_RUN.sub(lambda m: m.group() if m.group()[0] == "\\" else m.group().lower(), pattern)


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
    def score(group: set[str]) -> tuple[int, int, int]:
        shortest = min(len(x) if x.isalnum() else 4 for x in group)
        return (min(shortest, 3), -len(group), shortest)

    return max(sets, key=score)


def split_alternatives(pattern: str) -> list[str]:
    """Split a pattern at its top-level ``|`` (outside groups and classes), so that each alternative
    gets its own prefilter: ``a\\s+b|c`` needs "a" and "b", or "c"."""
    parts: list[str] = []
    depth = 0
    in_class = False
    start = 0
    index = 0
    length = len(pattern)
    while index < length:
        char = pattern[index]
        if char == "\\":
            index += 2
            continue
        if in_class:
            if char == "]":
                in_class = False
        elif char == "[":
            in_class = True
            if pattern[index + 1 : index + 2] == "]":
                index += 1
        elif char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
        elif char == "|" and depth == 0:
            parts.append(pattern[start:index])
            start = index + 1
        index += 1
    parts.append(pattern[start:])
    return parts


def _valid(group: set[str]) -> bool:
    return bool(group) and all(group) and not any(len(x) < 2 and (x.isalnum() or x.isspace()) for x in group)


def _reduce(group: set[str]) -> tuple[str, ...]:
    """Drop literals that contain a shorter one: the shorter test is enough."""
    kept: list[str] = []
    for literal in sorted(group, key=len):
        if not any(k in literal for k in kept):
            kept.append(literal)
    return tuple(kept)


@lru_cache(maxsize=2048)
def _parse(pattern: str, flags: int) -> Any:
    return _p.parse(pattern, flags)


def required_literal_groups(pattern: str, flags: int = 0) -> tuple[tuple[str, ...], ...] | None:
    """Groups of literals such that every match contains one literal of *each* group (None: no groups).

    The most selective groups (longest shortest literal, fewest literals) come first; at most three.
    """
    try:
        parsed = _parse(pattern, flags)
    except re.error:
        return None
    groups = [g for g in _literal_sets(list(parsed)) if _valid(g)]
    if not groups:
        return None
    groups.sort(key=lambda s: (-min(min(len(x) if x.isalnum() else 4 for x in s), 3), len(s),
                               -min(len(x) for x in s)))
    return tuple(_reduce(g) for g in groups[:3])


def required_literals(pattern: str, flags: int = 0) -> tuple[str, ...] | None:
    """Literals one of which every match of ``pattern`` contains, or None if there is no such set."""
    try:
        parsed = _parse(pattern, flags)
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
_WORD_RUN = re.compile(r"\w+")  # the same runs when the text has no "_", and faster (a plain category)


def word_set(lowered: str) -> frozenset[str]:
    """The distinct words of a lower-cased text, for whole-word prefilters."""
    if "_" in lowered:
        return frozenset(_WORD_KEY.findall(lowered))
    return frozenset(_WORD_RUN.findall(lowered))


#: Above this length, literal prefilters first consult a trigram set (one pass) instead of scanning the
#: text once per literal.
LONG_TEXT = 4000


def trigram_set(text: str) -> frozenset[str]:
    """Every three-character substring of ``text``."""
    return frozenset(text[i : i + 3] for i in range(len(text) - 2))


def any_literal(literals: tuple[str, ...], haystack: str, trigrams: frozenset[str] | None) -> bool:
    """Whether any literal occurs in ``haystack``, rejecting most absent ones by trigrams on long texts."""
    if len(literals) >= 48 and len(haystack) > LONG_TEXT:
        # Scanning a long text once per literal would cost more than the regex it guards.
        return True
    if trigrams is None or len(literals) < 48:
        return any(literal in haystack for literal in literals)
    for literal in literals:
        if len(literal) >= 3 and (literal[:3] not in trigrams or literal[-3:] not in trigrams):
            continue
        if literal in haystack:
            return True
    return False


#: Above this length, literal tests are remembered for the whole check (many rules share literals) and
#: a literal of letters and digits only is looked up in the draft's distinct words, not the whole text.
MEMO_TEXT = 600


def _all_present(
    groups: tuple[tuple[str, ...], ...], haystack: str, memo: dict[str, bool] | None = None, blob: str = ""
) -> bool:
    """Whether one literal of every group occurs (a big group on a long text counts as present).

    ``memo`` caches answers for this haystack; ``blob`` holds the haystack's distinct words joined by
    NUL, in which a literal of word characters only occurs exactly when it occurs in the haystack.
    """
    long_text = len(haystack) > LONG_TEXT
    for group in groups:
        if long_text and len(group) >= 48:
            continue
        if memo is None:
            for literal in group:
                if literal in haystack:
                    break
            else:
                return False
            continue
        for literal in group:
            hit = memo.get(literal)
            if hit is None:
                hit = memo[literal] = literal in (blob if blob and literal.isalnum() else haystack)
            if hit:
                break
        else:
            return False
    return True


class Snapshot(Protocol):
    """What a matcher needs of a draft: its text, the lower-cased text and its word set."""

    text: str
    lower: str

    @property
    def words(self) -> frozenset[str]: ...

    def trigrams(self, lowered: bool) -> frozenset[str] | None: ...

    def literal_memo(self, lowered: bool) -> tuple[dict[str, bool] | None, str]: ...


class Matcher:
    """A compiled pattern, which text variant it runs on, and its prefilter.

    Hand-written patterns get literal substrings derived from the pattern as a prefilter. Word and
    phrase lists (``phrases``) do better: each phrase is keyed by its longest word, and only the
    phrases whose key occurs in the draft are compiled (and cached) into the regex that runs, so a
    list of hundreds of terms costs a set intersection on most drafts.
    """

    __slots__ = ("_build", "_cache", "_flags", "_regex", "_source", "groups", "keys", "literals", "lower",
                 "others", "parts")

    def __init__(
        self,
        pattern: str,
        ignore_case: bool,
        phrases: tuple[str, ...] | None = None,
        build: Callable[[list[str]], str] | None = None,
        parts: tuple[str | tuple[str, ...], ...] | None = None,
    ) -> None:
        self.lower = ignore_case and "(?-i" not in pattern and "(?i" not in pattern
        source = lower_pattern(pattern) if self.lower else pattern
        # Compiled on first use: word lists and split patterns usually never need the whole regex.
        self._source = source
        self._flags = re.IGNORECASE if ignore_case and not self.lower else 0
        self._regex: re.Pattern[str] | None = None
        self.keys: dict[str, tuple[str, ...]] | None = None
        self.others: tuple[tuple[str, str], ...] = ()
        self.literals: tuple[str, ...] | None = None
        self._cache: dict[frozenset[str], re.Pattern[str]] = {}
        self._build = build
        self.groups: tuple[tuple[str, ...], ...] | None = None
        # Several patterns: each runs only if its own prefilter passes. A part given as a tuple is a
        # word list (a lexicon reference), matched as phrases keyed by word.
        self.parts: tuple[Matcher, ...] | None = None
        if parts is not None and len(parts) > 1 and (self.lower or not ignore_case):
            self.parts = tuple(
                Matcher(build(list(part)), ignore_case, phrases=part, build=build)
                if isinstance(part, tuple) and build is not None
                else Matcher(part if isinstance(part, str) else "|".join(part), ignore_case)
                for part in parts
            )
        if phrases is not None and build is not None:
            keys: dict[str, list[str]] = {}
            others: list[tuple[str, str]] = []
            for phrase in phrases:
                words = _WORD_KEY.findall(phrase)
                whole_words = " ".join(words) == " ".join(phrase.split())
                if words and (whole_words or _WORD_KEY.match(phrase)):
                    key = max(words, key=len).lower() if whole_words else words[0].lower()
                    keys.setdefault(key, []).append(phrase)
                else:
                    first = phrase.split()[0]
                    others.append((first.lower() if self.lower else first, phrase))
            self.keys = {k: tuple(v) for k, v in keys.items()}
            self.others = tuple(others)
        elif self.parts is None and (self.lower or not ignore_case):
            self.groups = required_literal_groups(source)
            self.literals = self.groups[0] if self.groups else None

    @property
    def regex(self) -> re.Pattern[str]:
        regex = self._regex
        if regex is None:
            regex = self._regex = re.compile(self._source, self._flags)
        return regex

    def haystack(self, snapshot: Snapshot) -> str:
        return snapshot.lower if self.lower else snapshot.text

    def _phrase_regex(self, snapshot: Snapshot, haystack: str) -> re.Pattern[str] | None:
        assert self.keys is not None and self._build is not None
        chosen: set[str] = set()
        for key in snapshot.words.intersection(self.keys):
            chosen.update(self.keys[key])
        for literal, phrase in self.others:
            if literal in haystack:
                chosen.add(phrase)
        if not chosen:
            return None
        frozen = frozenset(chosen)
        regex = self._cache.get(frozen)
        if regex is None:
            source = self._build(sorted(frozen))
            regex = re.compile(lower_pattern(source)) if self.lower else re.compile(source)
            if len(self._cache) > 1024:
                self._cache.clear()
            self._cache[frozen] = regex
        return regex

    def possible(self, snapshot: Snapshot, haystack: str) -> bool:
        """False when no match can exist (no required word or literal occurs)."""
        if self.keys is not None:
            return self._phrase_regex(snapshot, haystack) is not None
        literals = self.literals
        if literals is None:
            return True
        return any_literal(literals, haystack, snapshot.trigrams(self.lower))

    def _runnable(self, snapshot: Snapshot, haystack: str) -> list[re.Pattern[str]]:
        """The regexes worth running on this draft (plain loops: this runs for every rule on every check)."""
        if self.keys is not None:
            regex = self._phrase_regex(snapshot, haystack)
            return [] if regex is None else [regex]
        parts = self.parts
        if parts is None:
            groups = self.groups
            if groups is not None:
                memo, blob = snapshot.literal_memo(self.lower) if len(haystack) > MEMO_TEXT else (None, "")
                if not _all_present(groups, haystack, memo, blob):
                    return []
            return [self.regex]
        out: list[re.Pattern[str]] = []
        memo, blob = snapshot.literal_memo(self.lower) if len(haystack) > MEMO_TEXT else (None, "")
        for part in parts:
            if part.keys is not None:
                regex = part._phrase_regex(snapshot, haystack)
                if regex is not None:
                    out.append(regex)
            elif part.groups is None or _all_present(part.groups, haystack, memo, blob):
                out.append(part.regex)
        if len(out) <= 1:
            return out
        # One pass with the alternatives that can match, instead of one pass each.
        key = frozenset(regex.pattern for regex in out)
        combined = self._cache.get(key)
        if combined is None:
            combined = re.compile("|".join(f"(?:{regex.pattern})" for regex in out), out[0].flags & re.IGNORECASE)
            if len(self._cache) > 1024:
                self._cache.clear()
            self._cache[key] = combined
        return [combined]

    def finditer(self, snapshot: Snapshot) -> Iterator[re.Match[str]]:
        return self.scan(snapshot, 0, None)

    def search(self, snapshot: Snapshot, start: int = 0, end: int | None = None) -> bool:
        """Whether the pattern matches in ``[start, end)``, with ``^`` and ``$`` at the scope's ends."""
        haystack = self.haystack(snapshot)
        regexes = self._runnable(snapshot, haystack)
        if not regexes:
            return False
        if start or (end is not None and end < len(haystack)):
            haystack = haystack[start:end]
        return any(regex.search(haystack) is not None for regex in regexes)

    def searcher(self, snapshot: Snapshot) -> Callable[[int, int | None], bool] | None:
        """``search`` for one draft with the prefilter applied once: None when nothing can match, else a
        function of (start, end) for checking many scopes of the same draft."""
        haystack = self.haystack(snapshot)
        regexes = self._runnable(snapshot, haystack)
        if not regexes:
            return None
        length = len(haystack)

        def search(start: int, end: int | None) -> bool:
            text = haystack[start:end] if start or (end is not None and end < length) else haystack
            return any(regex.search(text) is not None for regex in regexes)

        return search

    def scan(self, snapshot: Snapshot, start: int, end: int | None) -> Iterator[re.Match[str]]:
        """Matches within ``[start, end)``, in order of position."""
        haystack = self.haystack(snapshot)
        stop = len(haystack) if end is None else end
        regexes = self._runnable(snapshot, haystack)
        if not regexes:
            return iter(())
        if len(regexes) == 1:
            return regexes[0].finditer(haystack, start, stop)
        matches = [m for regex in regexes for m in regex.finditer(haystack, start, stop)]
        matches.sort(key=lambda m: (m.start(), -m.end()))
        return iter(matches)
