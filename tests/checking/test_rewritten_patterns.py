"""Rule patterns rewritten for speed must find exactly what their earlier form found.

A pattern whose first element is a group of alternatives led by a character class or ``^`` gives ``re``
nothing to skip ahead to, so it tries a match at every offset. Distributing the rest of the pattern
over the alternatives (``(?:a|b)R`` to ``aR|bR``, which ``re`` tries in the same order) lets each
alternative get its own prefilter and start (see resources/rules/testimonial.toml). Each pair here is
(earlier form, current form); the current form must be in the rule files verbatim."""

from __future__ import annotations

import re

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from composer.checking.train_model import ROOT, corpus_files

_REST_STORY = r"\s+(?:\w+\s+){0,2}(?:is|are)\s+(?:finally\s+)?(?:under\s+control|in\s+remission|cancer-?free|gone)\b"
_QUOTED_SAID = (r"['‘](?:[^'‘’\n]|(?<=\w)['’](?=\w)){10,300}['’](?=[\s.,!?)]|$)[^\n]{0,80}"
                r"\b(?:patients?(?!\s+(?:information|education|handouts?|leaflets?|guides?|resources|materials|portal|safety))"
                r"|clients?|words\s+from|review|mom|dad|thank\s+you|shared|said|says|wrote)\b")
_QUOTED_SIGNED = (r"['‘](?:[^'‘’\n]|(?<=\w)['’](?=\w)){10,300}['’]\s*[-\u2013\u2014~]\s*"
                  r"(?:a\s+|an\s+|one\s+of\s+our\s+|our\s+)?\w")

PAIRS = [
    # (the name stays capitalised in a pattern run case-insensitively: "Mia's sugar is under control", not "it's")
    (rf"\bback\s+on\s+(?:his|her|their)\s+feet\b|\b(?:his|her|their|(?-i:[A-Z][a-z]+)['’]s){_REST_STORY}",
     rf"\bback\s+on\s+(?:his|her|their)\s+feet\b|\b(?:his|her|their){_REST_STORY}|\b(?-i:[A-Z][a-z]+)(?:'s|’s){_REST_STORY}"),
    (rf"(?:^|[\s:(]){_QUOTED_SAID}", rf"^{_QUOTED_SAID}|[\s:(]{_QUOTED_SAID}"),
    (rf"(?:^|[\s(:]){_QUOTED_SIGNED}", rf"^{_QUOTED_SIGNED}|[\s(:]{_QUOTED_SIGNED}"),
]

_PIECES = ["his ", "her ", "their ", "Mia's ", "mia’s ", "sugar ", "is ", "are ", "finally ", "under control",
           "in remission", "cancer-free", "gone", " '", "‘", "’", "'", ":", "(", "\n", " - ", "— our ", "said",
           "patients", "thank you", "I can't believe it", ".", "back on his feet", " ", "word "]


def _spans(pattern: str, text: str) -> list[tuple[int, int]]:
    return [m.span() for m in re.finditer(pattern, text, re.IGNORECASE)]


def _rules_text() -> str:
    return "\n".join(p.read_text(encoding="utf-8") for p in (ROOT / "resources" / "rules").glob("*.toml"))


def test_current_forms_are_the_ones_in_the_rule_files() -> None:
    rules = _rules_text()
    for _old, new in PAIRS:
        assert new in rules


@pytest.mark.parametrize(("old", "new"), PAIRS)
def test_same_spans_on_the_corpora(old: str, new: str) -> None:
    for path in corpus_files():
        text = path.read_text(encoding="utf-8")
        assert _spans(old, text) == _spans(new, text)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=40).map("".join))
@example("'I feel so much better now, thank you' - our patient said")
@example("Mia's sugar is finally under control")
def test_same_spans_on_generated_text(text: str) -> None:
    for old, new in PAIRS:
        assert _spans(old, text) == _spans(new, text)
