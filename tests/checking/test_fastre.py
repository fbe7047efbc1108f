"""The checker's speed-ups must never change what it finds.

Each shortcut in ``fastre`` (rewritten patterns, the literal index, merging the parts of a rule) is
compared here with the plain computation it replaces, on the labeled drafts and on generated text.
"""

from __future__ import annotations

import _sre
import importlib
import json
import pkgutil
import re
import re._constants as sre_constants
from pathlib import Path
from typing import Any

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from composer.checking import Checker, CheckRequest, PracticeContext
from composer.checking.analysis import Analysis, TextSnapshot
from composer.checking.fastre import (
    REWRITES,
    LiteralIndex,
    Matcher,
    _leftmost_first,
    _rewrite,
    lower_text,
    word_set,
)

ROOT = Path(__file__).resolve().parents[2]


def _drafts() -> list[dict[str, Any]]:
    own = sorted((ROOT / "tests" / "checking" / "data").glob("*.jsonl"))
    paths = [ROOT.parent / "shared" / "eval" / "dev.jsonl", *own]
    return [json.loads(line) for path in paths if path.exists() for line in path.read_text("utf-8").splitlines()
            if line]


DRAFTS = _drafts()


def test_rewritten_patterns_find_the_same_spans(checker: Checker) -> None:
    assert REWRITES, "the engine's patterns were expected to be rewritten for speed"
    texts = [lower_text(d["text"]) for d in DRAFTS] + [d["text"] for d in DRAFTS]
    for (rewritten, flags), original in list(REWRITES.items())[:400]:
        fast, plain = re.compile(rewritten, flags), re.compile(original, flags)
        for text in texts:
            assert [m.span() for m in fast.finditer(text)] == [m.span() for m in plain.finditer(text)], original


_GUARDS = [r"\b", r"(?<![\d-])", r"(?<=a)", r"(?<!\s)", r"(?<![\w#])"]
_REPEATED = [r"\d", r"a", r"[ab]", r"\s", r"\w", "#", " "]
_COUNTS = ["+", "+?", "{2}", "{1,3}", "{2,}", "{1,2}?", "++"]


@settings(max_examples=300, deadline=None)
@given(
    guard=st.sampled_from(_GUARDS),
    atom=st.sampled_from(_REPEATED),
    count=st.sampled_from(_COUNTS),
    tail=st.sampled_from(["-", "b", r"\d", "", r"(?!\d)"]),
    text=st.text(alphabet="ab1-2 #\n", max_size=40),
)
def test_a_guarded_repeat_is_rewritten_to_the_same_matches(
    guard: str, atom: str, count: str, tail: str, text: str
) -> None:
    """A lookbehind or \\b before a repeated character moves past its first repetition (so re can skip
    ahead to it); the matches, their spans and their order stay the same, newlines included."""
    pattern = guard + atom + count + tail
    rewritten = _rewrite(pattern, 0)
    expected = [m.span() for m in re.finditer(pattern, text)]
    assert [m.span() for m in re.finditer(rewritten, text)] == expected, rewritten


def test_the_digits_of_a_social_security_number_are_found_by_skipping_ahead() -> None:
    assert _rewrite(r"(?<![\d-])\d{3}-\d{2}-\d{4}", 0) == r"\d(?<![\d-].)\d{2}-\d{2}-\d{4}"


_ALTERNATIVES = [r"ab+", r"b[ac]", r"\bca\w*", r"a\s+b", r"(?<=c)a+", r"bca", r"c(?=b)"]


@settings(max_examples=400, deadline=None)
@given(
    text=st.text(alphabet="abc \n", max_size=60),
    chosen=st.lists(st.sampled_from(_ALTERNATIVES), min_size=2, max_size=5, unique=True),
    start=st.integers(0, 10),
)
def test_merged_parts_match_like_one_alternation(text: str, chosen: list[str], start: int) -> None:
    regexes = [re.compile(pattern) for pattern in chosen]
    alternation = re.compile("|".join(f"(?:{pattern})" for pattern in chosen))
    expected = [(m.start(), m.end()) for m in alternation.finditer(text, start, len(text))]
    merged = [(m.start(), m.end()) for m in _leftmost_first(regexes, text, start, len(text))]
    assert merged == expected


_CASED_PARTS = [r"\bput\s+(?-i:[A-Z][a-z]+)", r"\bab\s+(?-i:B[a-z]?)\b", r"(?-i:\bAB\b)", r"\bcab\b",
                r"\bdo\s+(?-i:[^A-Z])", r"\bab\b", r"\bab(?!\s+(?-i:[A-Z]{2})\b)"]


@settings(max_examples=300, deadline=None)
@given(
    text=st.text(alphabet="abcABCdoputPUT ", max_size=50),
    chosen=st.lists(st.sampled_from(_CASED_PARTS), min_size=2, max_size=4, unique=True),
)
@example(text="Put Bob ab Ba", chosen=[r"\bput\s+(?-i:[A-Z][a-z]+)", r"\bab\s+(?-i:B[a-z]?)\b"])
@example(text="do b", chosen=[r"\bdo\s+(?-i:[^A-Z])", r"\bab\b"])  # a negation must not be lower-cased
# nor a case switch inside a negative lookahead ("80% of" is not "80% SA")
@example(text="ab do", chosen=[r"\bab(?!\s+(?-i:[A-Z]{2})\b)", r"\bcab\b"])
def test_parts_that_switch_case_back_on_match_like_the_whole_pattern(text: str, chosen: list[str]) -> None:
    """Parts with a case-sensitive stretch are prefiltered on the lower-cased draft (their literal words,
    then the pattern read case-blind); what they find is what the whole case-insensitive pattern finds."""
    whole = "|".join(f"(?:{part})" for part in chosen)
    matcher = Matcher(whole, ignore_case=True, parts=tuple(f"(?:{part})" for part in chosen))
    LiteralIndex().attach(matcher)
    expected = [m.span() for m in re.finditer(whole, text, re.IGNORECASE)]
    assert [m.span() for m in matcher.scan(TextSnapshot(text), 0, None)] == expected


_PHRASE_LISTS = [("ab", "ab cd", "cd"), ("bad", "bad day", "a day"), ("cab", "dab", "ab")]
_PATTERN_PARTS = [r"\bab\b", r"c\w+", r"(?<!a)d[a-e]", r"\ba\s+d"]


@settings(max_examples=300, deadline=None)
@given(
    text=st.text(alphabet="abcde ", max_size=60),
    chosen=st.lists(st.sampled_from(_PHRASE_LISTS + _PATTERN_PARTS), min_size=2, max_size=4, unique=True),
)
@example(text="x ab cd", chosen=[r"\bab\b", ("ab", "ab cd", "cd")])  # the first part wins, though shorter
@example(text="a bad day", chosen=[("bad", "bad day", "a day"), r"\ba\s+d"])  # within a list, the longest
def test_phrase_list_parts_merge_like_the_whole_alternation(text: str, chosen: list[Any]) -> None:
    """A pattern list mixing word lists and patterns runs each word list as small per-word regexes; the
    matches are those of the one alternation the rule file spells out (first part wins at a position,
    the longest phrase within a word list)."""
    from composer.checking.rules import phrase_alternation

    parts = tuple(part if isinstance(part, str) else tuple(part) for part in chosen)
    whole = "|".join(f"(?:{p})" if isinstance(p, str) else f"(?:{phrase_alternation(p)})" for p in parts)
    matcher = Matcher(whole, ignore_case=True, parts=parts, build=phrase_alternation)
    index = LiteralIndex()
    index.attach(matcher)
    snapshot = TextSnapshot(text)
    expected = [m.span() for m in re.finditer(whole, text)]
    assert [m.span() for m in matcher.scan(snapshot, 0, None)] == expected


class _IndexedSnapshot(TextSnapshot):
    """A text read with a literal index, as the engine reads a draft (so matchers remember what runs)."""

    def __init__(self, text: str, index: LiteralIndex) -> None:
        super().__init__(text)
        self._present = index.present(self.lower, self.words)

    def present_literals(self) -> set[int]:  # type: ignore[override]
        return self._present


_REMEMBERED_PARTS: list[str | tuple[str, ...]] = [
    ("ab", "ab cd", "cd"), ("bad", "bad day", "a day", "#ad x"), r"\bab\b", r"c\w+", r"(?<!a)d[a-e]",
    r"\ba\s+d", r"\bcab\s+dab\b", r"(?-i:\bAB\b)", r"\bput\s+(?-i:[A-Z][a-z]+)", r"\bdab\s+(?-i:B[a-z]?)\b",
]


@settings(max_examples=400, deadline=None)
@given(
    texts=st.lists(st.text(alphabet="abcdeABPput #\n", max_size=40), min_size=2, max_size=8),
    chosen=st.lists(st.sampled_from(_REMEMBERED_PARTS), min_size=2, max_size=4, unique=True),
)
@example(texts=["ab cd", "ab", "cd ab"], chosen=[("ab", "ab cd", "cd"), r"\bab\b"])
@example(texts=["put Bob", "put bob", "Put Ann ab"], chosen=[r"\bput\s+(?-i:[A-Z][a-z]+)", r"c\w+"])
@example(texts=["cab", "cab dab"], chosen=[r"\bcab\s+dab\b", r"\bab\b"])  # a part's second literal group
def test_remembered_runnable_regexes_find_what_the_alternation_finds(
    texts: list[str], chosen: list[str | tuple[str, ...]]
) -> None:
    """A matcher remembers which of its regexes run per combination of its deciding literals present
    (never per text); drafts checked in turn by one matcher, each reusing what earlier ones left, find
    what the whole case-insensitive alternation finds."""
    from composer.checking.rules import phrase_alternation

    parts = tuple(part if isinstance(part, str) else tuple(part) for part in chosen)
    whole = "|".join(f"(?:{p})" if isinstance(p, str) else f"(?:{phrase_alternation(p)})" for p in parts)
    matcher = Matcher(whole, ignore_case=True, parts=parts, build=phrase_alternation)
    index = LiteralIndex()
    index.attach(matcher)
    assert matcher.decided_by is not None
    for text in texts:
        expected = [m.span() for m in re.finditer(whole, text, re.IGNORECASE)]
        assert [m.span() for m in matcher.scan(_IndexedSnapshot(text, index), 0, None)] == expected, text
    assert matcher.runnable_memo


@settings(max_examples=200, deadline=None)
@given(text=st.text(alphabet=st.sampled_from("abcdeé’'#5- _\n"), max_size=80))
def test_literal_index_agrees_with_substring_tests(text: str) -> None:
    index = LiteralIndex()
    literals = ["ab", "abc", "bca", "ee", "é5", "#a", "’d", "5-a", "cc", "a_b", "dd"]
    matcher = Matcher("|".join(re.escape(literal) for literal in literals), ignore_case=True,
                      parts=tuple(re.escape(literal) for literal in literals))
    index.attach(matcher)
    lowered = lower_text(text)
    present = index.present(lowered, word_set(lowered))
    parts = matcher.parts or ()
    assert len(parts) == len(literals)
    for part in parts:
        assert part.id_groups is not None and part.groups is not None
        (group,) = part.id_groups
        assert (not present.isdisjoint(group)) == any(literal in lowered for literal in part.groups[0])


def test_literal_index_changes_no_finding(
    checker: Checker, context: PracticeContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    requests = [
        CheckRequest(text=d["text"], kind=d["kind"], profile=d["profile"], platform=d["platform"],
                     in_reply_to=d.get("in_reply_to", ""))
        for d in DRAFTS
    ]
    with_index = [checker.check(request, context) for request in requests]
    monkeypatch.setattr(Analysis, "present_literals", lambda self: None)
    without = [checker.check(request, context) for request in requests]
    assert with_index == without
    assert sum(len(found) for found in with_index) > len(requests)  # the comparison covers real findings


_PHRASES = ("heart", "heart attack", "heart attack risk", "attack", "#ad", "#ad partner", "$5 off", "off",
            "can't", "can't wait", "risk", "at risk", "a")


@settings(max_examples=300, deadline=None)
@given(words=st.lists(st.sampled_from([*_PHRASES, "the", "  ", "\n", ".", "Heart", "ATTACK", "x"]), max_size=14))
def test_phrase_list_matches_like_its_whole_alternation(words: list[str]) -> None:
    from composer.checking.rules import phrase_alternation

    text = " ".join(words)
    matcher = Matcher(phrase_alternation(_PHRASES), True, phrases=_PHRASES, build=phrase_alternation)
    draft = TextSnapshot(text)
    whole = matcher._all_phrases_regex()
    assert [m.span() for m in matcher.finditer(draft)] == [m.span() for m in whole.finditer(draft.lower)]


@settings(max_examples=400, deadline=None)
@given(text=st.text(alphabet="ab.+-@ 1x_\n", max_size=40))
@example(text="a@b.c@d.e x@y.zz")
@example(text="@@a@b.co @x.yy a@@b.cc .@d.ee")  # an "@" after no address character starts nothing
@example(text="x" * 65 + "@d.co and " + "y" * 64 + "@e.org")
def test_addresses_found_from_each_at_sign_are_those_of_a_full_scan(text: str) -> None:
    from composer.checking.phi.shared import EMAIL, emails

    assert [m.span() for m in emails(text)] == [m.span() for m in EMAIL.finditer(text)]


@settings(max_examples=400, deadline=None)
@given(
    text=st.lists(st.sampled_from(["al", "an", "ann", "a", " ", "'", "’", "-", "_", "é", "2", "²", "\n"]),
                  max_size=30).map("".join),
    limit=st.integers(1, 6),
)
@example(text="ann al-ann 'al _ann ann² al", limit=6)
def test_whole_words_found_by_find_are_those_of_the_regex(text: str, limit: int) -> None:
    from composer.checking.phi.names import _whole_words

    lowered = lower_text(text)
    words = word_set(lowered) & {"al", "an", "ann", "a"}
    if not words:
        return
    names = "|".join(re.escape(word) for word in sorted(words, key=len, reverse=True))
    expected = [m.span() for m in re.finditer(rf"(?<![\w'’-])(?:{names})(?![\w])", lowered)][:limit]
    assert _whole_words(lowered, words, limit) == expected


def _split_alternatives_by_characters(pattern: str) -> list[str]:
    """The character-by-character walk ``split_alternatives`` replaced (the oracle for its test)."""
    parts: list[str] = []
    depth = 0
    in_class = False
    start = 0
    index = 0
    while index < len(pattern):
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


_PATTERN_BITS = ["a", "B", "|", "(", ")", "(?:", "[", "]", "[^", "[]", "\\", "\\\\", "\\S", "\\|", "\\]", "\\(",
                 "\\U0001F300", "é", "İ", "Σ", "\n", " ", "’", "É", "\\É", "\\’", "ς"]


@settings(max_examples=500, deadline=None)
@given(pieces=st.lists(st.sampled_from(_PATTERN_BITS), max_size=20))
@example(pieces=["[", "]", "|", "]", "|", "a"])
@example(pieces=["[^", "]", "|", "]", "|", "\\"])
def test_alternatives_split_by_tokens_as_by_characters(pieces: list[str]) -> None:
    from composer.checking.fastre import split_alternatives

    pattern = "".join(pieces)
    assert split_alternatives(pattern) == _split_alternatives_by_characters(pattern)


@settings(max_examples=500, deadline=None)
@given(pieces=st.lists(st.sampled_from(_PATTERN_BITS), max_size=20))
@example(pieces=["\\\\", "\\S", "B"])
@example(pieces=["\\", "\\", "\\", "B", "A"])
def test_patterns_lower_cased_whole_as_by_runs(pieces: list[str]) -> None:
    """Patterns are lower-cased whole with the escapes lower-casing could change put back (unless a
    character lower-cases to two, or a capital sigma reads its context); the same as lower-casing each
    run between escapes."""
    from composer.checking.fastre import _ESCAPE_OR_RUN, lower_pattern

    pattern = "".join(pieces)
    by_runs = _ESCAPE_OR_RUN.sub(lambda m: m.group() if m.group()[0] == "\\" else m.group().lower(), pattern)
    assert lower_pattern(pattern) == by_runs


def test_module_patterns_find_on_every_labeled_draft_what_re_compile_finds(checker: Checker) -> None:
    """The module patterns are built from the compiled form kept in the facts file, with the characters a
    match must start with added (see ``compiled_form``); each finds, with the same groups, what the pattern
    ``re.compile`` makes finds, on every labeled draft."""
    from composer.checking import analysis, derived, engine, phi, platforms, text

    detectors = [importlib.import_module(f"{phi.__name__}.{module.name}")
                 for module in pkgutil.iter_modules(phi.__path__)]
    modules = (analysis, engine, platforms, text, *detectors)
    patterns = [value for module in modules for value in vars(module).values() if isinstance(value, re.Pattern)]
    stored = [p for p in patterns if derived.lookup("compiled", p.pattern, int(p.flags & ~re.UNICODE))[0]]
    assert len(stored) > 50, "the facts file was expected to hold the module patterns' compiled form"
    texts = [draft["text"] for draft in DRAFTS]
    for pattern in patterns:
        plain = re.compile(pattern.pattern, pattern.flags)
        for haystack in (texts, [lower_text(t) for t in texts]):
            for draft_text in haystack:
                assert [(m.span(), m.groups()) for m in pattern.finditer(draft_text)] == [
                    (m.span(), m.groups()) for m in plain.finditer(draft_text)], (pattern.pattern[:80], draft_text[:80])


_START_PIECES = [r"\b", r"(?<!\w)", r"(?<![\w-])", r"(?=\w)", "(?:", "(?i:", "(?-i:", ")", "|", "k", "K", "s", "i",
                 "ay", r"\d", r"[a-c]", r"[A-Z]", r"\s+", "?", "*", "+", "{0,2}", "{2}", r"\w", "-", ".", "^", "$",
                 "(", "(?a:", r"[^b]"]


@settings(max_examples=1500, deadline=None)
@given(pieces=st.lists(st.sampled_from(_START_PIECES), min_size=1, max_size=9),
       text=st.text(alphabet=st.sampled_from("kKsSiI\u212a\u017f\u0130\u0131ayAY1 -b\n\u00e9"), max_size=24),
       ignore_case=st.booleans())
@example(pieces=["(?i:", "k", ")"], text="\u212a", ignore_case=False)
@example(pieces=["(?i:", "s", ")"], text="\u017f", ignore_case=False)
@example(pieces=[r"\b", "(?:", "k", "|", ")", "ay"], text="xay ay", ignore_case=False)
@example(pieces=[r"(?<!\w)", "k", "?", "ay"], text="kay ay", ignore_case=False)
@example(pieces=["(?:", "s", ")", "{0,2}", r"\d"], text="ss1 1", ignore_case=True)
def test_a_first_character_filter_never_changes_what_a_pattern_finds(pieces: list[str], text: str,
                                                                     ignore_case: bool) -> None:
    """Built from pieces that lead patterns here (word boundaries, lookbehinds, optional and
    case-insensitive groups, classes), any pattern given a first-character filter finds exactly what
    ``re.compile`` finds, the Kelvin sign and the long s included."""
    from composer.checking.fastre import compiled_form

    pattern = "".join(pieces)
    flags = re.IGNORECASE if ignore_case else 0
    try:
        plain = re.compile(pattern, flags)
    except re.error:
        return
    all_flags, code, groups, group_index = compiled_form(pattern, flags)
    index_group: list[str | None] = [None] * (groups + 1)
    fast = _sre.compile(pattern, all_flags, code, groups, group_index, tuple(index_group))
    assert [m.span() for m in fast.finditer(text)] == [m.span() for m in plain.finditer(text)]


def test_patterns_led_by_a_word_boundary_or_a_case_insensitive_group_get_a_first_character_filter() -> None:
    """What makes the scans fast: ``re`` is told the characters a match starts with, which it works out
    itself only for a pattern led by a literal or one class."""
    from composer.checking.fastre import compiled_form

    def has_filter(pattern: str) -> bool:
        code = compiled_form(pattern, 0)[1]
        return code[0] == sre_constants.INFO and bool(code[2] & (sre_constants.SRE_INFO_CHARSET
                                                                 | sre_constants.SRE_INFO_PREFIX))

    assert has_filter(r"\b(?:january|february)\s+\d")
    assert has_filter(r"(?<![\w/.-])(?:\d{1,2}/\d{1,2}|may\s+\d)")
    assert has_filter(r"\b(?i:welcome|meet)\s+([A-Z][a-z]+)")
    assert not has_filter(r"\b(?:x|)y?")  # can match nothing: there is no first character
    assert not has_filter(r"[^.!?]{0,30}\bfor\b")  # a negated class leads: nearly every character


@settings(max_examples=400, deadline=None)
@given(text=st.text(alphabet=st.sampled_from("ab1 _-'\n\t\x1c\x7f.#é’"), max_size=40))
@example(text="a_b c\x1cd e-f")
def test_word_set_finds_the_runs_the_regex_finds(text: str) -> None:
    """ASCII texts are split by translation; the words are the regex's runs (of letters and digits
    only, when the text holds an underscore)."""
    run = r"[^\W_]+" if "_" in text else r"\w+"
    assert word_set(text) == frozenset(re.findall(run, text))


@settings(max_examples=300, deadline=None)
@given(
    text=st.text(alphabet=st.sampled_from("aab9-’ \n_"), max_size=60),
    literals=st.lists(st.text(alphabet=st.sampled_from("ab9-’ x"), min_size=1, max_size=4), max_size=8),
)
@example(text="aaaa", literals=["ab", "aa", "a", "x"])
def test_remembered_literal_tests_agree_with_substring_tests(text: str, literals: list[str]) -> None:
    """A long draft's literal tests (in its words, skipped when a character is missing, remembered) answer
    as ``in`` on the text does, asked once or twice."""
    from composer.checking.fastre import LiteralMemo

    lowered = lower_text(text)
    memo = LiteralMemo(lowered, "\0".join(word_set(lowered)) if "_" not in lowered else "")
    for literal in literals + literals:
        assert (literal in memo) == (literal in lowered), literal


def test_every_rule_matcher_finds_what_its_whole_pattern_finds(checker: Checker) -> None:
    """The prefilters (literal words, parts, the case-blind skeleton) only skip work: each rule's matcher
    finds, on every labeled draft and comment, exactly what its whole pattern finds on the same text. (A
    case switch inside a negative lookahead once made the skeleton refuse "80% of": no finding, no error.)"""
    texts = [text for draft in DRAFTS for text in (draft["text"], draft.get("in_reply_to") or "") if text]
    matchers = [value for rule in checker.rules for value in rule.params.values() if isinstance(value, Matcher)]
    assert len(matchers) > 50
    for matcher in matchers:
        whole = re.compile(matcher._source, matcher._flags)
        for text in texts:
            snapshot = TextSnapshot(text)
            expected = [m.span() for m in whole.finditer(snapshot.lower if matcher.lower else text)]
            assert [m.span() for m in matcher.finditer(snapshot)] == expected, (matcher._source[:80], text[:80])
