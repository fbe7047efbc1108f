"""Fast, case-insensitive regular expressions for the typing path.

Python's ``re.IGNORECASE`` is several times slower than a case-sensitive match, and a draft is checked on
every pause in typing. So each draft is lower-cased once (keeping every offset: :func:`lower_text`), the
case-insensitive patterns are lower-cased once at load (:func:`lower_pattern`) and compiled without the
flag, and every pattern gets a cheap prefilter: groups of literal words, one of each of which any match
must contain (:func:`required_literal_groups`), answered for all rules at once by :class:`LiteralIndex`.
"""

from __future__ import annotations

import _sre
import heapq
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from functools import lru_cache
from typing import Any, NamedTuple, Protocol, cast

from composer.checking import derived

try:
    import re._compiler as _compiler
    import re._constants as _c
    import re._parser as _p
    from re._casefix import _EXTRA_CASES
except ImportError:  # pragma: no cover
    import sre_compile as _compiler
    import sre_constants as _c
    import sre_parse as _p
    _EXTRA_CASES = getattr(_compiler, "_ignorecase_fixes", {})


def lower_text(text: str) -> str:
    """``text.lower()`` with the same length and offsets (a few characters lower-case to two)."""
    lowered = text.lower()
    if len(lowered) == len(text):
        return lowered
    return "".join(ch.lower() if len(ch.lower()) == 1 else ch for ch in text)


_ESCAPE_OR_RUN = re.compile(r"\\.|[^\\]+", re.DOTALL)
#: An escape of an upper-case ASCII letter (``\\S``) or of any non-ASCII character, with the escaped
#: backslashes before it: it starts where a run of backslashes does, so each backslash pair is read as
#: one escape, as ``re`` reads them.
_CASED_ESCAPE = re.compile(r"(?<!\\)(?:\\\\)*\\[A-Z\x80-\U0010ffff]")


def lower_pattern(pattern: str) -> str:
    """Lower-case a pattern's literals, leaving escapes (``\\S``, ``\\B``, ``\\U0001F300``) intact.

    When lower-casing keeps every offset and reads no context (no character lower-cases to two, and no
    capital sigma, whose lower case depends on what follows), the pattern is lower-cased whole and its
    few escapes that lower-casing could change are put back; the general way visits every escape and run
    in Python, which for the word lists of the rules was a good part of the engine's load time."""
    lowered = pattern.lower()
    if len(lowered) == len(pattern) and "\u03a3" not in pattern:
        if "\\" not in pattern:
            return lowered
        pieces: list[str] = []
        last = 0
        for escape in _CASED_ESCAPE.finditer(pattern):
            pieces += (lowered[last : escape.start()], escape.group())
            last = escape.end()
        pieces.append(lowered[last:])
        return "".join(pieces)
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


#: What matters for splitting a pattern at its alternatives: an escape (a backslash and what follows it,
#: if anything), a character class (a "]" right after its "[" is a member; escapes inside are skipped;
#: an unclosed class runs to the end), a parenthesis or a "|". ``re`` skips everything else in C.
_STRUCTURE = re.compile(r"\\.?|\[\]?(?:\\.?|[^\]\\])*\]?|[()|]", re.DOTALL)


def split_alternatives(pattern: str) -> list[str]:
    """Split a pattern at its top-level ``|`` (outside groups and classes), so that each alternative
    gets its own prefilter: ``a\\s+b|c`` needs "a" and "b", or "c"."""
    parts: list[str] = []
    depth = 0
    start = 0
    for token in _STRUCTURE.finditer(pattern):
        char = token.group()
        if char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
        elif char == "|" and depth == 0:
            parts.append(pattern[start : token.start()])
            start = token.end()
    parts.append(pattern[start:])
    return parts


def _valid(group: set[str]) -> bool:
    return bool(group) and all(group) and not any(len(x) < 2 and (x.isalnum() or x.isspace()) for x in group)


def _reduce(group: set[str]) -> tuple[str, ...]:
    """Drop literals that contain a shorter one: the shorter test is enough."""
    kept: list[str] = []
    for literal in sorted(group, key=lambda item: (len(item), item)):
        if not any(k in literal for k in kept):
            kept.append(literal)
    return tuple(kept)


_ALL_PHRASES: frozenset[str] = frozenset({"\x00all phrases"})
_ALL_PARTS: frozenset[str] = frozenset({"\x00all parts"})


@lru_cache(maxsize=2048)
def _parse(pattern: str, flags: int) -> Any:
    return _p.parse(pattern, flags)


def required_literal_groups(pattern: str, flags: int = 0) -> tuple[tuple[str, ...], ...] | None:
    """Groups of literals such that every match contains one literal of *each* group (None: no groups).

    The most selective groups (longest shortest literal, fewest literals) come first; at most three.
    """
    known, fact = derived.lookup("groups", pattern, flags)
    if known:
        return None if fact is None else tuple(tuple(group) for group in fact)
    groups = _derive_literal_groups(pattern, flags)
    derived.remember("groups", pattern, flags, None if groups is None else [list(group) for group in groups])
    return groups


def _derive_literal_groups(pattern: str, flags: int) -> tuple[tuple[str, ...], ...] | None:
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


_WORD_KEY = re.compile(r"[^\W_]+")
_WORD_RUN = re.compile(r"\w+")  # the same runs when the text has no "_", and faster (a plain category)


#: ASCII characters other than letters and digits (and "_", in the first table) turned into spaces.
_ASCII_WORD_BREAKS = str.maketrans({chr(code): " " for code in range(128) if not (chr(code).isalnum() or code == 95)})
_ASCII_ALNUM_BREAKS = str.maketrans({chr(code): " " for code in range(128) if not chr(code).isalnum()})


def word_set(lowered: str) -> frozenset[str]:
    """The distinct words of a lower-cased text, for whole-word prefilters.

    In ASCII the words are what is left between the other characters, found by a translation and a
    split (both in C and much faster than the regex, which must test every character's category)."""
    if lowered.isascii():
        breaks = _ASCII_ALNUM_BREAKS if "_" in lowered else _ASCII_WORD_BREAKS
        return frozenset(lowered.translate(breaks).split())
    if "_" in lowered:
        return frozenset(_WORD_KEY.findall(lowered))
    return frozenset(_WORD_RUN.findall(lowered))


#: Above this length the literal index is not used (its word walk would cost more than it saves), and a
#: big literal group is taken as present rather than scanned for.
LONG_TEXT = 4000


#: Above this length, literal tests are remembered for the whole check (many rules share literals) and
#: a literal of letters and digits only is looked up in the draft's distinct words, not the whole text.
MEMO_TEXT = 600


class LiteralMemo:
    """Literal tests on one long text (many rules share literals), remembered for one check.

    A literal of word characters only is looked up in ``blob`` (the text's distinct words joined by NUL,
    usually much shorter than the text, and holding such a literal exactly when the text does), and no
    literal is looked for at all if one of its characters is nowhere in the text: a pasted run of one
    character ("aaaa...", "9999...") rules out nearly every literal without a scan of 100 KB each."""

    __slots__ = ("_answers", "_blob", "_characters", "_text")

    def __init__(self, text: str, blob: str = "") -> None:
        self._text = text
        self._blob = blob
        self._answers: dict[str, bool] = {}
        self._characters = frozenset(text)

    def __contains__(self, literal: str) -> bool:
        hit = self._answers.get(literal)
        if hit is None:
            hit = self._answers[literal] = self._characters.issuperset(literal) and literal in (
                self._blob if self._blob and literal.isalnum() else self._text)
        return hit


def _all_present(groups: tuple[tuple[str, ...], ...], haystack: str, memo: LiteralMemo | None = None) -> bool:
    """Whether one literal of every group occurs in ``haystack`` (a big group on a long text counts as
    present); ``memo``, if given, answers for this haystack."""
    long_text = len(haystack) > LONG_TEXT
    tests: LiteralMemo | str = haystack if memo is None else memo
    for group in groups:
        if long_text and len(group) >= 48:
            continue
        for literal in group:
            if literal in tests:
                break
        else:
            return False
    return True


@lru_cache(maxsize=4096)
def _matches_empty(regex: re.Pattern[str]) -> bool:
    """Whether ``regex`` can match the empty string."""
    flags = regex.flags & ~re.UNICODE
    known, fact = derived.lookup("empty", regex.pattern, flags)
    if known and isinstance(fact, bool):
        return fact
    try:
        empty = bool(_parse(regex.pattern, flags).getwidth()[0] == 0)
    except re.error:  # pragma: no cover - it compiled
        empty = True
    derived.remember("empty", regex.pattern, flags, empty)
    return empty


def _leftmost_first(
    regexes: Sequence[re.Pattern[str]], text: str | list[str], start: int, stop: int, longest: bool = False,
    ranks: Sequence[int] | None = None,
) -> Iterator[re.Match[str]]:
    """The matches ``re.finditer`` of the alternation ``r1|r2|...`` would find, from separate regexes
    none of which matches the empty string.

    The alternation takes, at the leftmost position where any alternative matches, the first
    alternative (in order) that matches there, then resumes at the end of that match. Each regex's
    next match is its leftmost one from the resume point, so the smallest (start, order) among them is
    exactly the alternation's next match. Running only the regexes that can match (not one big
    alternation of all of them) lets each skip ahead to its own first literal.

    With ``longest``, the longest match at a position wins instead of the first regex: that is the
    order of a phrase list, whose alternation puts longer phrases first (see ``Matcher._phrase_group``).
    ``ranks`` (one per regex) groups regexes that stand for one alternative: the lowest rank at a position
    wins, and within a rank the longest match (the phrase groups of one phrase-list part).
    ``text`` may be one text per regex (the same text, lower-cased or not: offsets agree).
    """
    texts = text if isinstance(text, list) else [text] * len(regexes)
    orders = ranks if ranks is not None else [0 if longest else index for index in range(len(regexes))]
    pending: list[tuple[int, int, int, int, re.Match[str]]] = []

    def push(index: int, found: re.Match[str] | None) -> None:
        if found is not None:
            heapq.heappush(pending, (found.start(), orders[index], found.start() - found.end(), index, found))

    for index, regex in enumerate(regexes):
        push(index, regex.search(texts[index], start, stop))
    position = start
    while pending:
        first, _rank, _length, index, found = heapq.heappop(pending)
        if first < position:  # overlaps the match just taken: look again from its end
            push(index, regexes[index].search(texts[index], position, stop))
            continue
        yield found
        # (An empty match cannot come from the callers' regexes; stepping past it guarantees progress.)
        position = found.end() if found.end() > first else first + 1
        push(index, regexes[index].search(texts[index], position, stop))


def _rarity(char: str) -> tuple[bool, int]:
    """How rare a character is in drafts, roughly: anything but ASCII punctuation and spaces is rarer."""
    return char not in " '.,-!?:;()\"", ord(char)


class LiteralIndex:
    """Every prefilter literal of one engine's patterns, and which of them a draft contains.

    Testing each literal with ``in`` costs a scan of the draft per literal, and a check asks about two
    thousand of them: that was half the time of checking a post. Nearly all literals are letters and
    digits, and such a literal occurs in a text exactly when it occurs inside one of the text's words.
    So the literals inside each distinct word are looked up once (every substring of the word of a
    length some literal has) and remembered across checks: drafts reuse the same few thousand words.
    The few literals with other characters ("#ad", "5-star", "’ve") are tested on the text directly.
    """

    #: Remembered words; the memory is dropped and rebuilt past this many (a paste of random text).
    MAX_WORDS = 50_000

    def __init__(self) -> None:
        self._ids: dict[str, int] = {}
        self._word_literals: dict[str, int] = {}
        self._lengths: tuple[int, ...] = ()
        #: The other literals, filed under one of their characters that is not a letter or digit (a literal
        #: can occur only where that character does; most drafts hold few of these characters).
        self._other: dict[str, tuple[tuple[str, int], ...]] = {}
        self._by_word: dict[str, frozenset[int]] = {}

    def attach(self, matcher: Matcher) -> None:
        """Give ``matcher`` (and its parts) literal-id prefilters from this index, and a ``gate``: the
        ids one of which must occur for any match (a phrase list's key words count as literals)."""
        self._attach_ids(matcher)
        matcher.decided_by = matcher.deciding_literals()
        matcher.runnable_memo.clear()  # ids from another index would mean other literals

    def _attach_ids(self, matcher: Matcher) -> None:
        for part in matcher.parts or ():
            self.attach(part)
        case_blind = matcher.lower or (matcher.groups is not None and not matcher.lower and matcher.parts is None
                                       and matcher._flags & re.IGNORECASE != 0)
        if not case_blind and not matcher.mixed:
            return
        if matcher.groups is not None and case_blind:
            matcher.id_groups = tuple(frozenset(self._id(literal) for literal in group) for group in matcher.groups)
            matcher.gate = matcher.id_groups[0]
        elif matcher.keys is not None and matcher.lower:
            key_ids = frozenset(self._id(key) for key in matcher.keys if key)
            matcher.other_ids = frozenset(self._id(literal) for literal, _phrase in matcher.others)
            matcher.gate = key_ids | matcher.other_ids
        elif matcher.parts:
            gates = [part.gate for part in matcher.parts]
            enables: dict[int, list[int]] = {}
            for index, gate in enumerate(gates):
                for literal_id in gate or ():
                    enables.setdefault(literal_id, []).append(index)
            ungated = tuple(index for index, gate in enumerate(gates) if gate is None)
            matcher.part_index = ({k: tuple(v) for k, v in enables.items()}, ungated)
            if not ungated:
                matcher.gate = frozenset(enables)

    def _id(self, literal: str) -> int:
        found = self._ids.get(literal)
        if found is None:
            found = self._ids[literal] = len(self._ids)
            if literal.isalnum():
                self._word_literals[literal] = found
                self._lengths = tuple(sorted({*self._lengths, len(literal)}))
            else:
                key = max((char for char in literal if not char.isalnum()), key=_rarity)
                self._other[key] = (*self._other.get(key, ()), (literal, found))
            self._by_word.clear()
        return found

    def _in_word(self, word: str) -> frozenset[int]:
        literals = self._word_literals
        size = len(word)
        found = []
        for length in self._lengths:
            if length > size:
                break
            for start in range(size - length + 1):
                literal = literals.get(word[start : start + length])
                if literal is not None:
                    found.append(literal)
        return frozenset(found)

    def present(self, lowered: str, words: frozenset[str]) -> set[int]:
        """Ids of the literals that occur in ``lowered`` (a lower-cased text whose words are ``words``)."""
        by_word = self._by_word
        if len(by_word) > self.MAX_WORDS:
            by_word.clear()
        found: set[int] = set()
        for word in words:
            literals = by_word.get(word)
            if literals is None:
                literals = by_word[word] = self._in_word(word)
            if literals:
                found |= literals
        for char, others in self._other.items():
            if char in lowered:
                for literal, literal_id in others:
                    if literal in lowered:
                        found.add(literal_id)
        return found


_CASE_SWITCH = "(?-i:"


_NEGATIVE_LOOKAROUND = re.compile(r"(?<!\\)\(\?<?!")


def _case_blind(pattern: str) -> str | None:
    """``pattern`` with its case-sensitive groups made case-insensitive and lower-cased, or None when a
    group holds a negation (a negated class or a lookaround), sits inside a negative lookaround (made
    case-blind, "(?!\\s+(?-i:[A-Z]{2,4})\\b)" would also refuse "80% of"), or the pattern switches case on
    elsewhere."""
    if "(?i" in pattern:
        return None
    for negation in _NEGATIVE_LOOKAROUND.finditer(pattern):
        end = _group_end(pattern, negation.start())
        if end is None or _CASE_SWITCH in pattern[negation.start() : end]:
            return None
    start = pattern.find(_CASE_SWITCH)
    while start != -1:
        end = _group_end(pattern, start)
        if end is None:
            return None
        inner = pattern[start + len(_CASE_SWITCH) : end]
        if "[^" in inner or "(?!" in inner or "(?<" in inner or "(?=" in inner:
            return None
        start = pattern.find(_CASE_SWITCH, end)
    return lower_pattern(pattern.replace(_CASE_SWITCH, "(?:"))


class Snapshot(Protocol):
    """What a matcher needs of a draft: its text, the lower-cased text and its word set."""

    text: str
    lower: str

    @property
    def words(self) -> frozenset[str]: ...

    def literal_memo(self, lowered: bool) -> LiteralMemo | None: ...

    def present_literals(self) -> set[int] | frozenset[int] | None: ...


class Runnable(NamedTuple):
    """What a matcher runs on one draft: the regexes whose prefilters pass, in order."""

    regexes: tuple[re.Pattern[str], ...]
    #: Per regex, the part it stands for (the lowest wins at a position); None: the regexes' own order.
    ranks: tuple[int, ...] | None
    #: Per regex, whether it reads the text as written (a part still case-insensitive) rather than the
    #: lower-cased text; None when all read the matcher's haystack.
    as_written: tuple[bool, ...] | None
    #: Per regex, the part whose case-blind skeleton must match the draft for it to run (or None); None
    #: when no regex has one. The skeleton reads the text, so it is not part of what is remembered.
    guards: tuple[Matcher | None, ...] | None = None

    def guarded(self, snapshot: Snapshot) -> Runnable:
        """These regexes without those whose guard's skeleton cannot match ``snapshot``."""
        guards = self.guards
        if guards is None:
            return self
        keep = [index for index, guard in enumerate(guards) if guard is None or not guard._skeleton_fails(snapshot)]
        if len(keep) == len(guards):
            return self
        ranks, as_written = self.ranks, self.as_written
        return Runnable(
            tuple(self.regexes[index] for index in keep),
            None if ranks is None else tuple(ranks[index] for index in keep),
            None if as_written is None else tuple(as_written[index] for index in keep),
        )


_NOTHING_RUNS = Runnable((), None, None, None)
#: Remembered runnable lists per matcher (one per combination of its deciding literals seen); the memory
#: is dropped past this many.
MAX_RUNNABLE_MEMO = 1024


class Matcher:
    """A compiled pattern, which text variant it runs on, and its prefilter.

    Hand-written patterns get literal substrings derived from the pattern as a prefilter. Word and
    phrase lists (``phrases``) do better: each phrase is keyed by its longest word, and only the
    phrases whose key occurs in the draft are compiled (and cached) into the regex that runs, so a
    list of hundreds of terms costs a set intersection on most drafts.
    """

    __slots__ = ("_build", "_cache", "_flags", "_regex", "_skeleton", "_skeleton_source", "_source", "decided_by",
                 "gate", "groups", "id_groups", "keys", "lower", "mixed", "other_ids", "others", "part_index", "parts",
                 "runnable_memo")

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
        #: For a part that switches case back on: the pattern made case-blind, to run on the lower-cased
        #: text as a prefilter (see :meth:`_use_case_blind_prefilter`), and whether it is worth a scan.
        self._skeleton_source: str | None = None
        self._skeleton: re.Pattern[str] | None = None
        self.keys: dict[str, tuple[str, ...]] | None = None
        self.others: tuple[tuple[str, str], ...] = ()
        self._cache: dict[frozenset[str], re.Pattern[str]] = {}
        self._build = build
        self.groups: tuple[tuple[str, ...], ...] | None = None
        #: ``groups`` as literal ids of a :class:`LiteralIndex`, once an engine has attached this matcher.
        self.id_groups: tuple[frozenset[int], ...] | None = None
        #: Literal ids one of which every match contains (None: unknown), set with ``id_groups``.
        self.gate: frozenset[int] | None = None
        #: For several parts: which parts each gate literal id may enable, and the parts with no gate.
        self.part_index: tuple[dict[int, tuple[int, ...]], tuple[int, ...]] | None = None
        #: For a lower-cased phrase list: the literal ids of ``others`` (set with ``id_groups``).
        self.other_ids: frozenset[int] = frozenset()
        #: The literal ids and key words whose presence alone decides what runs on a draft that has the
        #: engine's literal index (see :meth:`deciding_literals`); None: not remembered.
        self.decided_by: tuple[frozenset[int], frozenset[str]] | None = None
        #: What runs, per combination of ``decided_by`` present in a draft (never keyed on the text).
        self.runnable_memo: dict[tuple[frozenset[int], frozenset[str]], Runnable] = {}
        # Several patterns: each runs only if its own prefilter passes. A part given as a tuple is a
        # word list (a lexicon reference), matched as phrases keyed by word.
        self.parts: tuple[Matcher, ...] | None = None
        #: Case-insensitive parts, some of which switch case back on (``(?-i:...)``): those run on the
        #: text as written, the others keep the fast lower-cased path and its prefilters.
        self.mixed = bool(parts is not None and len(parts) > 1 and ignore_case and not self.lower)
        if parts is not None and len(parts) > 1:
            self.parts = tuple(
                Matcher(build(list(part)), ignore_case, phrases=part, build=build)
                if isinstance(part, tuple) and build is not None
                else Matcher(part if isinstance(part, str) else "|".join(part), ignore_case)
                for part in parts
            )
            if self.mixed:
                for part in self.parts:
                    if not part.lower and part.keys is None:
                        part._use_case_blind_prefilter()
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

    def _use_case_blind_prefilter(self) -> None:
        """Give a part that switches case back on (``...(?-i:[A-Z]\\w+)``) the prefilters of the lower-cased
        path. Read case-blind, on the lower-cased draft, the pattern matches wherever the real one does
        (the switch only narrows what matches), so its literal words must be present, and if it cannot
        match there neither can the real one. Patterns with a negation inside the switched part
        (``[^A-Z]``, lookarounds) are left alone: lower-casing could make those fail where the real
        pattern matches."""
        skeleton = _case_blind(self._source)
        if skeleton is None:
            return
        self.groups = required_literal_groups(skeleton)
        if not re.match(r"(?:\(\?:)*\(\?-i:", self._source):  # a lower-case start lets the scan skip ahead
            self._skeleton_source = skeleton

    def _skeleton_regex(self) -> re.Pattern[str] | None:
        if self._skeleton is None and self._skeleton_source is not None:
            self._skeleton = compile_fast(self._skeleton_source)
        return self._skeleton

    def _skeleton_fails(self, snapshot: Snapshot) -> bool:
        skeleton = self._skeleton_regex()
        return skeleton is not None and skeleton.search(snapshot.lower) is None

    @property
    def regex(self) -> re.Pattern[str]:
        regex = self._regex
        if regex is None:
            regex = self._regex = compile_fast(self._source, self._flags)
        return regex

    def haystack(self, snapshot: Snapshot) -> str:
        """The text the prefilters read (lower-cased for case-insensitive matching)."""
        return snapshot.lower if self.lower or self.mixed else snapshot.text

    @staticmethod
    def _texts(snapshot: Snapshot, runnable: Runnable, haystack: str) -> list[str]:
        """The text each regex runs on: a part still case-insensitive (compiled with the flag, since it
        switches case back on somewhere) reads the text as written, the others the lower-cased text."""
        if runnable.as_written is None:
            return [haystack] * len(runnable.regexes)
        return [snapshot.text if written else haystack for written in runnable.as_written]

    def _phrase_regexes(self, snapshot: Snapshot, haystack: str) -> list[re.Pattern[str]]:
        """One small regex per key word (or leading literal) present in the draft, each compiled once.

        Together they find what the whole list finds (:func:`_leftmost_first` with ``longest``), but
        each skips straight to its own phrases instead of trying hundreds of phrases at every letter.
        """
        assert self.keys is not None
        regexes = [self._phrase_group(key) for key in sorted(snapshot.words.intersection(self.keys))]
        if self.others:
            literals = sorted({literal for literal, _phrase in self.others if literal in haystack})
            regexes.extend(self._phrase_group("\0" + literal) for literal in literals)
        return regexes

    def _phrase_group(self, key: str) -> re.Pattern[str]:
        """The regex of the phrases under one key (NUL + literal: the phrases starting with that literal).

        Every group is built the same way (the same bounds around an alternation of literal phrases,
        longest first), and phrases matching at the same place match the same words of the text, so
        the longer match is the one the alternation of the whole list would prefer."""
        cached = self._cache.get(frozenset((key,)))
        if cached is None:
            assert self.keys is not None and self._build is not None
            if key.startswith("\0"):
                phrases = [phrase for literal, phrase in self.others if literal == key[1:]]
            else:
                phrases = list(self.keys[key])
            source = self._build(sorted(phrases))
            cached = self._cache[frozenset((key,))] = compile_fast(lower_pattern(source) if self.lower else source)
        return cached

    def _all_phrases_regex(self) -> re.Pattern[str]:
        """One regex of every phrase, compiled once.

        A phrase whose key word is absent cannot match, so the whole list finds exactly what the present
        phrases alone would, without compiling a new regex for each new combination of words (which made
        the first check of every new draft slow).
        """
        regex = self._cache.get(_ALL_PHRASES)
        if regex is None:
            assert self.keys is not None and self._build is not None
            every = {phrase for phrases in self.keys.values() for phrase in phrases}
            every.update(phrase for _literal, phrase in self.others)
            source = self._build(sorted(every))
            regex = compile_fast(lower_pattern(source) if self.lower else source)
            self._cache[_ALL_PHRASES] = regex
        return regex

    def prepare(self) -> None:
        """Compile now every regex this matcher may run (each is otherwise compiled on first use, which
        makes the first checks of new kinds of text slower)."""
        if self.keys is not None:
            self._all_phrases_regex()
            for key in self.keys:
                self._phrase_group(key)
            for literal in {literal for literal, _phrase in self.others}:
                self._phrase_group("\0" + literal)
        elif self.parts is None:
            _ = self.regex
            self._skeleton_regex()
        else:
            for part in self.parts:
                part.prepare()
                for regex in list(part._cache.values()) if part.keys is not None else [part.regex]:
                    _matches_empty(regex)

    def deciding_literals(self) -> tuple[frozenset[int], frozenset[str]] | None:
        """The literal ids and key words whose presence alone decides :meth:`_work_out` on a draft with the
        engine's literal index, or None if a scan of the text decides too (a prefilter without literal
        ids) or working it out is already cheap (a single pattern). Case-blind skeletons are tested on
        each draft after the lookup (:meth:`Runnable.guarded`).

        Drafts share words, so the few combinations of these that occur are worth remembering: working
        out a rule's runnable regexes visits its parts in Python, which cost more than running them."""
        if self.keys is not None:
            return self._phrase_deciders()
        if self.parts is None or self.part_index is None:
            return None
        ids: set[int] = set(self.part_index[0])
        words: set[str] = set()
        for part in self.parts:
            if part.keys is not None:
                decided = part._phrase_deciders()
                if decided is None:
                    return None
                ids.update(decided[0])
                words.update(decided[1])
            elif part.id_groups is None and part.groups is not None:
                return None
            else:
                ids.update(literal_id for group in part.id_groups or () for literal_id in group)
        return frozenset(ids), frozenset(words)

    def _phrase_deciders(self) -> tuple[frozenset[int], frozenset[str]] | None:
        """A phrase list's deciders: its key words, and the ids of its leading literals (present in the
        draft exactly when the literal index found them, as long as they are tested on the lower-cased
        text, where the index looks)."""
        assert self.keys is not None
        if self.others and not self.lower:
            return None
        return self.other_ids, frozenset(self.keys)

    def _runnable(self, snapshot: Snapshot, haystack: str) -> Runnable:
        """The regexes worth running on this draft; remembered per combination of the literals that decide
        it (:meth:`deciding_literals`), since working it out visits every part in Python."""
        decided_by = self.decided_by
        if decided_by is not None:
            present = snapshot.present_literals()
            if present is not None:
                ids, words = decided_by
                key = (ids.intersection(present), words.intersection(snapshot.words) if words else words)
                memo = self.runnable_memo
                runnable = memo.get(key)
                if runnable is None:
                    if len(memo) >= MAX_RUNNABLE_MEMO:
                        memo.clear()
                    runnable = memo[key] = self._work_out(snapshot, haystack)
                return runnable.guarded(snapshot)
        return self._work_out(snapshot, haystack).guarded(snapshot)

    def _work_out(self, snapshot: Snapshot, haystack: str) -> Runnable:
        """:meth:`_ranked` as a :class:`Runnable` (which parts read the text as written and which have a
        skeleton to test, once)."""
        regexes, ranks = self._ranked(snapshot, haystack)
        if not regexes:
            return _NOTHING_RUNS
        as_written = tuple(bool(regex.flags & re.IGNORECASE) for regex in regexes) if self.mixed else None
        return Runnable(tuple(regexes), None if ranks is None else tuple(ranks), as_written,
                        self._guards(len(regexes), ranks))

    def _guards(self, count: int, ranks: list[int] | None) -> tuple[Matcher | None, ...] | None:
        """Per regex of :meth:`_ranked`, the pattern whose skeleton must match first (see ``guards``)."""
        if self.parts is None:
            return (self,) if self._skeleton_source is not None and count == 1 else None
        if ranks is None:  # the alternation of all parts, or one part's phrases: no skeletons (mixed only)
            return None
        parts = self.parts
        guards = tuple(parts[rank] if parts[rank]._skeleton_source is not None else None for rank in ranks)
        return guards if any(guard is not None for guard in guards) else None

    def _ranked(self, snapshot: Snapshot, haystack: str) -> tuple[list[re.Pattern[str]], list[int] | None]:
        """The regexes worth running on this draft, and for several parts each regex's part (a phrase-list
        part brings one small regex per key word present rather than its whole list)."""
        if self.keys is not None:
            return self._phrase_regexes(snapshot, haystack), None
        parts = self.parts
        present = snapshot.present_literals() if self.lower or self.mixed else None
        long_text = present is None and len(haystack) > MEMO_TEXT
        memo = snapshot.literal_memo(self.lower or self.mixed) if long_text else None
        if parts is None:
            regex = self._part_regex(haystack, present, memo)
            return ([] if regex is None else [regex]), None
        if present is not None and self.part_index is not None:
            # Only the parts one of whose gate literals occurs can match: found by set intersection,
            # not by visiting every part.
            enables, ungated = self.part_index
            candidates = set(ungated)
            for literal_id in present.intersection(enables):
                candidates.update(enables[literal_id])
            indices: Iterable[int] = sorted(candidates)  # the parts' order is the order of preference
        else:
            indices = range(len(parts))
        out: list[re.Pattern[str]] = []
        ranks: list[int] = []
        for index in indices:
            part = parts[index]
            if part.keys is not None:
                phrases = part._phrase_regexes(snapshot, haystack)
                out.extend(phrases)
                ranks.extend([index] * len(phrases))
                continue
            regex = part._part_regex(haystack, present, memo)
            if regex is not None:
                out.append(regex)
                ranks.append(index)
        combined = self._combined(parts, out)
        return combined, (ranks if combined is out else None)

    def _part_regex(
        self, haystack: str, present: set[int] | frozenset[int] | None, memo: LiteralMemo | None
    ) -> re.Pattern[str] | None:
        """This pattern's regex if its prefilter passes on the draft (``present``: the engine's literal ids;
        ``memo``: see :meth:`Analysis.literal_memo`)."""
        if present is not None and self.id_groups is not None:
            for group in self.id_groups:
                if present.isdisjoint(group):
                    return None
        elif self.groups is not None and not _all_present(self.groups, haystack, memo):
            return None
        return self.regex  # (a case-blind skeleton is tested afterwards: see Runnable.guarded)

    def _combined(self, parts: tuple[Matcher, ...], out: list[re.Pattern[str]]) -> list[re.Pattern[str]]:
        """The regexes of the parts that can match, in the parts' order. :meth:`scan` merges their matches
        as the alternation of all parts would find them; only if a part can match the empty string (where
        that merge is not exact) does the alternation itself run."""
        if len(out) <= 1 or self.mixed or not any(_matches_empty(regex) for regex in out):
            return out
        # A part that cannot match here (its words are absent) cannot match in the alternation of all
        # parts either, so that alternation, compiled once, finds the same matches.
        combined = self._cache.get(_ALL_PARTS)
        if combined is None:
            every = [p._all_phrases_regex() if p.keys is not None else p.regex for p in parts]
            combined = compile_known("|".join(f"(?:{r.pattern})" for r in every), every[0].flags & re.IGNORECASE)
            self._cache[_ALL_PARTS] = combined
        return [combined]

    def finditer(self, snapshot: Snapshot) -> Iterator[re.Match[str]]:
        return self.scan(snapshot, 0, None)

    def search(self, snapshot: Snapshot, start: int = 0, end: int | None = None) -> bool:
        """Whether the pattern matches in ``[start, end)``, with ``^`` and ``$`` at the scope's ends."""
        haystack = self.haystack(snapshot)
        runnable = self._runnable(snapshot, haystack)
        regexes = runnable.regexes
        if not regexes:
            return False
        texts = self._texts(snapshot, runnable, haystack)
        if start or (end is not None and end < len(haystack)):
            texts = [text[start:end] for text in texts]
        return any(regex.search(text) is not None for regex, text in zip(regexes, texts, strict=True))

    def searcher(self, snapshot: Snapshot) -> Callable[[int, int | None], bool] | None:
        """``search`` for one draft with the prefilter applied once: None when nothing can match, else a
        function of (start, end) for checking many scopes of the same draft."""
        haystack = self.haystack(snapshot)
        runnable = self._runnable(snapshot, haystack)
        if not runnable.regexes:
            return None
        length = len(haystack)
        pairs = list(zip(runnable.regexes, self._texts(snapshot, runnable, haystack), strict=True))

        def search(start: int, end: int | None) -> bool:
            whole = not start and (end is None or end >= length)
            return any(regex.search(text if whole else text[start:end]) is not None for regex, text in pairs)

        return search

    def scan(self, snapshot: Snapshot, start: int, end: int | None) -> Iterator[re.Match[str]]:
        """Matches within ``[start, end)``, in order of position."""
        haystack = self.haystack(snapshot)
        stop = len(haystack) if end is None else end
        runnable = self._runnable(snapshot, haystack)
        regexes = runnable.regexes
        if not regexes:
            return iter(())
        if len(regexes) == 1:
            text = snapshot.text if runnable.as_written is not None and runnable.as_written[0] else haystack
            return regexes[0].finditer(text, start, stop)
        texts = self._texts(snapshot, runnable, haystack)
        return _leftmost_first(regexes, texts, start, stop, longest=self.keys is not None, ranks=runnable.ranks)


# -- literal-first rewriting ------------------------------------------------------------------------------
#
# CPython's ``re`` skips quickly to candidate positions only when a pattern starts with a literal, a
# character class, or a branch whose alternatives all start with a literal (``_compile_info``). A pattern
# that starts with ``\b`` or a lookbehind gets no skip and tries a match at every offset, which costs a
# few milliseconds per rule on a 100 KB paste. :func:`accelerate` moves such leading assertions past the
# first character they guard: ``\b(?:care|visit)`` becomes ``(?:c(?<!\w[\s\S])are|v(?<!\w[\s\S])isit)``,
# which matches exactly the same spans in the same order (the assertions are zero-width and atomic, the
# first character is a single-character atom with no choice to backtrack into), but lets ``re`` skip.

_QUANTIFIER_START = "*+?{"
_WORD_CHAR = re.compile(r"\w")
_GROUP_REFERENCE = re.compile(r"\\[1-9]|\(\?P=|\\g<")


def _class_end(pattern: str, start: int) -> int | None:
    """Index just past the character class starting at ``pattern[start] == "["``."""
    index = start + 1
    if pattern[index : index + 1] == "^":
        index += 1
    if pattern[index : index + 1] == "]":
        index += 1
    while index < len(pattern):
        char = pattern[index]
        if char == "\\":
            index += 2
            continue
        if char == "[":  # nested-set syntax (a FutureWarning): leave such patterns alone
            return None
        if char == "]":
            return index + 1
        index += 1
    return None


def _group_end(pattern: str, start: int) -> int | None:
    """Index of the ``)`` closing the group opened at ``pattern[start] == "("``."""
    depth = 0
    index = start
    while index < len(pattern):
        char = pattern[index]
        if char == "\\":
            index += 2
            continue
        if char == "[":
            end = _class_end(pattern, index)
            if end is None:
                return None
            index = end
            continue
        if char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
            if depth == 0:
                return index
        index += 1
    return None


@lru_cache(maxsize=4096)
def _wordness(atom: str) -> bool | None:
    """True if every character ``atom`` (one character or class) can match is a word character, False
    if none is, None if it is mixed or unknown."""
    if atom in ("\\d", "\\w"):
        return True
    if atom == "\\s":
        return False
    if atom.startswith("\\") and len(atom) == 2:  # escaped punctuation
        return bool(_WORD_CHAR.match(atom[1]))
    if not atom.startswith("["):
        return bool(_WORD_CHAR.match(atom))
    try:
        items = _p.parse(atom, 0)
    except re.error:
        return None
    if len(items) != 1 or items[0][0] not in (_c.IN, _c.LITERAL):
        return None
    op, arg = items[0]
    members = [(_c.LITERAL, arg)] if op == _c.LITERAL else arg
    verdicts: set[bool] = set()
    for kind, value in members:
        if kind == _c.LITERAL:
            verdicts.add(bool(_WORD_CHAR.match(chr(value))))
        elif kind == _c.RANGE and value[1] - value[0] < 2048:
            verdicts.update(bool(_WORD_CHAR.match(chr(code))) for code in range(value[0], value[1] + 1))
        elif kind == _c.CATEGORY and value in (_c.CATEGORY_DIGIT, _c.CATEGORY_WORD):
            verdicts.add(True)
        elif kind == _c.CATEGORY and value == _c.CATEGORY_SPACE:
            verdicts.add(False)
        else:  # negation, other categories, huge ranges
            return None
    return verdicts.pop() if len(verdicts) == 1 else None


def _atom_end(pattern: str, start: int) -> int | None:
    """End of a single-character atom (literal, escaped punctuation, ``\\d \\w \\s`` or a class) at
    ``start`` that no quantifier follows, else None."""
    end = _bare_atom_end(pattern, start)
    if end is None or (end < len(pattern) and pattern[end] in _QUANTIFIER_START):
        return None
    return end


_AT_LEAST_ONE = re.compile(r"\+|\{([1-9]\d*)(?:(,)(\d*))?\}")


def _peeled(rest: str) -> tuple[str, str] | None:
    """A single-character atom repeated at least once, split into its first character and the rest:
    ``\\d{3}-`` gives ``\\d`` and ``\\d{2}-``, ``[a-z]+`` gives ``[a-z]`` and ``[a-z]*``. The first
    repetition is compulsory and has nothing to backtrack into, so the two read the same text the same
    way (greedy, lazy or possessive alike, since any ``?`` or ``+`` after the count is kept), and the
    pattern then starts with a plain character ``re`` can skip to."""
    end = _bare_atom_end(rest, 0)
    if end is None:
        return None
    count = _AT_LEAST_ONE.match(rest, end)
    if count is None:
        return None
    if count.group() == "+":
        fewer = "*"
    elif count.group(2) is None:
        fewer = f"{{{int(count.group(1)) - 1}}}"
    else:
        upper = count.group(3)
        fewer = f"{{{int(count.group(1)) - 1},{int(upper) - 1 if upper else ''}}}"
        if upper and int(upper) < int(count.group(1)):
            return None  # "{3,2}" is an error; leave it to re to say so
    atom = rest[:end]
    return atom, atom + fewer + rest[count.end() :]


def _bare_atom_end(pattern: str, start: int) -> int | None:
    """End of the single-character atom at ``start``, whatever follows it."""
    if start >= len(pattern):
        return None
    char = pattern[start]
    if char == "\\":
        following = pattern[start + 1 : start + 2]
        if not following or (following.isalnum() and following not in "dws"):
            return None
        end = start + 2
    elif char == "[":
        found = _class_end(pattern, start)
        if found is None:
            return None
        end = found
    elif char in ".^$*+?{}[]|()":  # (verbose patterns, where " " and "#" mean otherwise, are never rewritten)
        return None
    else:
        end = start + 1
    return end


@lru_cache(maxsize=1024)
def _fixed_width(body: str) -> bool:
    """Whether a lookbehind body has one fixed width and no groups or group references."""
    if _GROUP_REFERENCE.search(body):
        return False
    try:
        parsed = _p.parse(body, 0)
    except re.error:
        return False
    lo, hi = parsed.getwidth()
    return lo == hi and parsed.state.groups == 1


def _leading_assertions(alternative: str) -> tuple[list[str], int] | None:
    """The zero-width ``\\b`` and fixed-width lookbehinds an alternative starts with, and where they end."""
    found: list[str] = []
    index = 0
    while True:
        if alternative.startswith("\\b", index):
            found.append("\\b")
            index += 2
        elif alternative.startswith(("(?<!", "(?<="), index):
            end = _group_end(alternative, index)
            if end is None or not _fixed_width(alternative[index + 4 : end]):
                return None
            found.append(alternative[index : end + 1])
            index = end + 1
        else:
            return found, index


def _literal_run(rest: str) -> int:
    """Length (in pattern characters) of the plain literal characters ``rest`` starts with."""
    index = 0
    while True:
        end = _atom_end(rest, index)
        if end is None or rest[index] == "[" or (rest[index] == "\\" and rest[index + 1].isalnum()):
            return index
        index = end


def _shift(assertion: str, atom: str, consumed: str) -> str | None:
    """``assertion`` as it reads after ``consumed`` (a pattern of fixed-width literals that starts with
    the single-character ``atom``) has matched: a lookbehind reaching that many characters further back.
    Checking it after a run of literals, not after the first one, keeps it off most offsets."""
    width = 1 + len(re.sub(r"\\(.)", r"\1", consumed[len(atom) :]))
    # "." would not step back over a newline: only a consumed run of plain literals is known to hold none.
    plain = "\n" not in consumed and not atom.startswith("[") and atom not in ("\\s", "\\n")
    any_char = "." if plain else r"[\s\S]"
    skip = any_char if width == 1 else f"{any_char}{{{width}}}"
    if assertion == "\\b":
        word = _wordness(atom)
        if word is None:
            return None
        return rf"(?<!\w{skip})" if word else rf"(?<=\w{skip})"
    return assertion[:-1] + skip + ")"


_CAPTURING_GROUP = re.compile(r"(?<!\\)\((?!\?)|\(\?P<")


def _flattened(branches: list[str], budget: int = 40000) -> list[str] | None:
    """Branches with a leading non-capturing group distributed over what follows it:
    ``\\b(?:visit|exam)s?`` becomes ``\\bvisits?``, ``\\bexams?`` (the same matches in the same order).
    None when a branch cannot be flattened or the result would be too big."""
    out: list[str] = []
    for branch in branches:
        leading = _leading_assertions(branch)
        if leading is None:
            return None
        _own, index = leading
        rest = branch[index:]
        if not rest.startswith("(?:"):
            out.append(branch)
            continue
        close = _group_end(rest, 0)
        if close is None or rest[close + 1 : close + 2] in tuple(_QUANTIFIER_START):
            return None
        tail = rest[close + 1 :]
        if _CAPTURING_GROUP.search(tail):
            return None  # distributing would duplicate (and renumber) a group
        inner = _flattened([branch[:index] + alt + tail for alt in split_alternatives(rest[3:close])], budget)
        if inner is None:
            return None
        out.extend(inner)
        budget -= sum(len(x) for x in inner)
        if budget < 0:
            return None
    return out


def _grouped(branches: list[str], pending: list[str], ignore_case: bool) -> str | None:
    r"""Branches that each start with a literal character, grouped by that character with the
    assertions moved past it once per group: ``(?:a(?<!\w[\s\S])(?:ll|ny)|b(?<!\w[\s\S])ut)``. Branches
    with different first characters cannot match at the same offset, so only their relative order
    changes, never which one wins; within a group the order is kept. None if not applicable."""
    if ignore_case:
        return None
    flat = _flattened(branches)
    if flat is None:
        return None
    groups: dict[str, tuple[str, tuple[str, ...], list[str]]] = {}
    for branch in flat:
        leading = _leading_assertions(branch)
        if leading is None:
            return None
        own, index = leading
        rest = branch[index:]
        end = _atom_end(rest, 0)
        if end is None:
            return None
        atom = rest[:end]
        if atom.startswith("[") or (atom.startswith("\\") and atom[1].isalnum()):
            return None
        key = atom[-1]
        assertions = tuple(pending + own)
        entry = groups.get(key)
        if entry is None:
            groups[key] = (atom, assertions, [rest[end:]])
        elif entry[1] != assertions:
            return None
        else:
            entry[2].append(rest[end:])
    if not any(assertions for _atom, assertions, _rests in groups.values()):
        return None
    out = []
    for atom, assertions, rests in groups.values():
        bodies = []
        for rest in rests:
            run = _literal_run(rest)
            shifted = [_shift(assertion, atom, atom + rest[:run]) for assertion in assertions]
            if any(s is None for s in shifted):
                return None
            bodies.append(rest[:run] + "".join(s for s in shifted if s is not None) + rest[run:])
        out.append(atom + (bodies[0] if len(bodies) == 1 else "(?:" + "|".join(bodies) + ")"))
    return "|".join(out)


def _push(alternative: str, pending: list[str], ignore_case: bool = False, depth: int = 0) -> str | None:
    """``alternative`` with ``pending`` assertions (and its own leading ones) moved past its first
    character, or None if that is not possible (the original is then kept by the caller)."""
    leading = _leading_assertions(alternative)
    if leading is None or depth > 20:
        return None
    own, index = leading
    assertions = pending + own
    rest = alternative[index:]
    if rest.startswith("(?:"):
        close = _group_end(rest, 0)
        if close is None or rest[close + 1 : close + 2] in tuple(_QUANTIFIER_START):
            return None
        tail = rest[close + 1 :]
        branches = split_alternatives(rest[3:close])
        grouped = _grouped(branches, assertions, ignore_case)
        if grouped is not None:
            return "(?:" + grouped + ")" + tail
        rewritten: list[str] = []
        for branch in branches:
            if not branch:
                return None
            pushed = _push(branch, assertions, ignore_case, depth + 1)
            if pushed is None:
                if assertions:
                    return None
                pushed = branch
            rewritten.append(pushed)
        return "(?:" + "|".join(rewritten) + ")" + tail
    if not assertions:
        return alternative
    end = _atom_end(rest, 0)
    if end is None:
        peeled = _peeled(rest)
        if peeled is None:
            return None
        atom, remainder = peeled
        shifted = [_shift(assertion, atom, atom) for assertion in assertions]
        if any(s is None for s in shifted):
            return None
        return atom + "".join(s for s in shifted if s is not None) + remainder
    atom = rest[:end]
    run = end + _literal_run(rest[end:]) if not atom.startswith("[") and not atom[1:].isalnum() else end
    shifted = [_shift(assertion, atom, rest[:run]) for assertion in assertions]
    if any(s is None for s in shifted):
        return None
    return rest[:run] + "".join(s for s in shifted if s is not None) + rest[run:]


@lru_cache(maxsize=4096)
def accelerate(pattern: str, flags: int = 0) -> str:
    """``pattern`` rewritten so that ``re`` can skip to its first character (see above); the same
    matches, spans and groups. Patterns it cannot rewrite safely come back unchanged."""
    known, fact = derived.lookup("accelerate", pattern, flags)
    if known and isinstance(fact, str):
        rewritten = fact
    else:
        rewritten = _rewrite(pattern, flags)
        derived.remember("accelerate", pattern, flags, rewritten)
    if rewritten != pattern:
        if len(REWRITES) > 4096:
            REWRITES.clear()
        REWRITES[(rewritten, flags)] = pattern
    return rewritten


def _rewrite(pattern: str, flags: int) -> str:
    flagged = pattern.startswith("(?") and not pattern.startswith(("(?:", "(?<!", "(?<="))
    if "(?x" in pattern or flags & re.VERBOSE or flagged:
        return pattern
    alternatives = split_alternatives(pattern)
    rewritten = []
    changed = False
    for alternative in alternatives:
        pushed = _push(alternative, [], bool(flags & re.IGNORECASE)) if alternative else None
        if pushed is None:
            pushed = alternative
        changed = changed or pushed != alternative
        rewritten.append(pushed)
    if not changed:
        return pattern
    candidate = "|".join(rewritten)
    try:
        before = _parse(pattern, flags)
        after = _parse(candidate, flags)
    except re.error:
        return pattern
    if before.state.groups != after.state.groups or before.state.groupdict != after.state.groupdict:
        return pattern
    return candidate


#: The patterns :func:`accelerate` rewrote, (new, flags) -> original: for equivalence tests.
REWRITES: dict[tuple[str, int], str] = {}


def compile_fast(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """``re.compile`` of the :func:`accelerate`-d pattern."""
    return compile_known(accelerate(pattern, flags), flags)


@lru_cache(maxsize=4096)
def compile_known(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """The regex of ``pattern`` with a first-character prefilter (:func:`compiled_form`), built from the
    compiled form the facts file holds when it holds it (and remembered: detectors compile a few patterns
    per draft).

    ``re`` parses a pattern in Python, and parsing the patterns compiled while the engine loads was most
    of the load time; the compiled form (what ``re`` hands to its C engine) depends only on the pattern,
    the flags and the Python version, so it is stored with the other derived facts and handed over
    directly. The result finds exactly what ``re.compile(pattern, flags)`` finds."""
    known, fact = derived.lookup("compiled", pattern, int(flags))
    if not (known and isinstance(fact, list)):
        fact = compiled_form(pattern, flags)
        if derived.keeping_load_facts():
            derived.remember("compiled", pattern, int(flags), fact)
    all_flags, code, groups, group_index = fact
    index_group: list[str | None] = [None] * (groups + 1)
    for name, index in group_index.items():
        index_group[index] = name
    return cast(re.Pattern[str], _sre.compile(pattern, all_flags, code, groups, group_index, tuple(index_group)))


def compiled_form(pattern: str, flags: int) -> list[Any]:
    """What ``re.compile`` hands to the C engine (all flags, the code, the group count and the group
    names: the same steps as ``re._compiler.compile``), with one addition: the characters every match
    must start with, when ``re`` did not work them out itself.

    Why: ``re`` searches fast only when it knows how a match starts (a literal, or one character class), and
    it looks no further than the pattern's first item. Nearly every pattern here begins with a word
    boundary or a lookbehind, or with an alternation of groups, so ``re`` tried the whole pattern at every
    position of the draft; told the first characters, it skips the others in C (on a 3,000-character
    draft the date scan went from 236 to 148 microseconds, the staff-introduction scan from 237 to 142)."""
    parsed = _p.parse(pattern, int(flags))
    all_flags = int(flags) | parsed.state.flags
    code = _compiler._code(parsed, int(flags))
    if code[0] == _c.INFO and code[2] == 0 and code[3] > 0:  # no prefix known, and never an empty match
        first = first_characters(parsed.data, all_flags)
        if first:
            info = [_c.INFO, 0, _c.SRE_INFO_CHARSET, code[3], code[4]]
            optimized, _ = _compiler._optimize_charset(first)
            _compiler._compile_charset(optimized, all_flags, info)
            info[1] = len(info) - 1
            code = info + code[1 + code[1] :]
    return [all_flags, list(code), parsed.state.groups - 1, dict(parsed.state.groupdict)]


class _Unknown(Exception):
    """A pattern item whose first characters :func:`first_characters` does not work out."""


#: The repeat operations of ``re``'s parsed form (also read by the rule loader's backtracking check).
REPEAT_OPS = tuple(op for op in (_c.MAX_REPEAT, _c.MIN_REPEAT, getattr(_c, "POSSESSIVE_REPEAT", None))
                   if op is not None)
_ZERO_WIDTH = (_c.AT, _c.ASSERT, _c.ASSERT_NOT)
#: Inline flags that change nothing about which characters a match can start with, or only narrow them
#: (``(?a:...)`` makes ``\\w`` ASCII: the Unicode class still holds every start).
_HARMLESS_FLAGS = re.ASCII | re.VERBOSE | re.DOTALL | re.MULTILINE
#: A case-insensitive range longer than this is not spelled out character by character.
_LONGEST_FOLDED_RANGE = 512


def first_characters(items: Any, flags: int) -> list[tuple[Any, Any]] | None:
    """The set items (``re``'s parsed form) of every character a match of the parsed sequence ``items``
    can start with, or None if that is unknown (``.``, negated classes, back references, locale rules) or
    the sequence can match the empty string. Zero-width items (``\\b``, lookarounds) are passed over: they
    test the text, but the match still starts with the next character consumed. Case-insensitive parts
    bring every character ``re`` takes for their letters (``k`` brings ``K`` and the Kelvin sign)."""
    if flags & _c.SRE_FLAG_LOCALE:
        return None
    found: list[tuple[Any, Any]] = []
    try:
        if _first_of_sequence(items, found, bool(flags & _c.SRE_FLAG_IGNORECASE)):
            return None
    except _Unknown:
        return None
    return found


def _first_of_sequence(items: Any, found: list[tuple[Any, Any]], fold: bool) -> bool:
    """Add to ``found`` what the sequence ``items`` can start with (``fold``: case-insensitively); return
    whether it can match empty."""
    for op, av in items:
        if op is _c.LITERAL or op is _c.IN:
            set_items = [(op, av)] if op is _c.LITERAL else av
            if any(item_op is _c.NEGATE for item_op, _ in set_items):
                raise _Unknown
            found.extend(_case_folded(set_items) if fold else set_items)
            return False
        if op in _ZERO_WIDTH:
            continue
        if op is _c.SUBPATTERN:
            _, add_flags, del_flags, sub = av
            if (add_flags | del_flags) & ~(re.IGNORECASE | _HARMLESS_FLAGS):
                raise _Unknown
            inner = (fold or bool(add_flags & re.IGNORECASE)) and not del_flags & re.IGNORECASE
            if not _first_of_sequence(sub.data, found, inner):
                return False
        elif op is _c.BRANCH:
            empty = [_first_of_sequence(branch.data, found, fold) for branch in av[1]]
            if not any(empty):
                return False
        elif op in REPEAT_OPS:
            low, _, sub = av
            if not _first_of_sequence(sub.data, found, fold) and low >= 1:
                return False
        elif op is getattr(_c, "ATOMIC_GROUP", None):
            if not _first_of_sequence(av.data, found, fold):
                return False
        else:
            raise _Unknown
    return True


def _case_folded(set_items: list[tuple[Any, Any]]) -> list[tuple[Any, Any]]:
    """Set items widened to every character a case-insensitive match of them takes: those whose lower
    case (``re``'s own) is one of the items' lower cases or their extra equivalents (``s`` and the long
    s). Classes such as ``\\w`` and ``\\d`` hold both cases already."""
    codes: list[int] = []
    for op, av in set_items:
        if op is _c.CATEGORY:
            continue
        if op is _c.LITERAL:
            codes.append(av)
        elif op is _c.RANGE and av[1] - av[0] <= _LONGEST_FOLDED_RANGE:
            codes.extend(range(av[0], av[1] + 1))
        else:
            raise _Unknown
    preimage = _lower_case_preimage()
    widened: set[int] = set()
    for code in codes:
        lower = _sre.unicode_tolower(code)
        for equivalent in (lower, *_EXTRA_CASES.get(lower, ())):
            widened.add(equivalent)
            widened.update(preimage.get(equivalent, ()))
    return [item for item in set_items if item[0] is _c.CATEGORY] + [(_c.LITERAL, code) for code in sorted(widened)]


@lru_cache(maxsize=1)
def _lower_case_preimage() -> dict[int, tuple[int, ...]]:
    """For each character that is another's lower case (``re``'s), the characters lower-casing to it: the
    capitals, and a few signs (Kelvin, Angstrom). Working it out visits every code point (a tenth of a
    second), which would fall on a draft's first check, so it is kept with the derived facts (it depends
    only on the Python version, as they do)."""
    known, fact = derived.lookup("lower-case-preimage", "", 0)
    if known and isinstance(fact, dict):
        return {int(lower): tuple(codes) for lower, codes in fact.items()}
    found: dict[int, list[int]] = {}
    for code, lower in enumerate(map(_sre.unicode_tolower, range(0x110000))):
        if lower != code:
            found.setdefault(lower, []).append(code)
    derived.remember("lower-case-preimage", "", 0, {str(lower): codes for lower, codes in found.items()})
    return {lower: tuple(codes) for lower, codes in found.items()}
