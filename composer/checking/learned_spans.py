"""A learned second opinion for patient identifiers: a logistic model that scores single words.

Why: the PHI detectors give exact spans for what their patterns describe, but each new writer names
people and dates in ways no pattern foresaw ("Grandma Bea", "coach Dmitri", "the Hendersons"), and
measured on eight writers nobody had read, the detectors found only 0.70 of the identifiers. Unlike the
draft-level heads (:mod:`composer.checking.learned`), this model reads one word at a time: the word
itself, its shape, the words around it, whether the name lists know it, and which categories the other
rules found in the draft (a draft the rules found nothing in rarely holds an identifier they missed).
Neighbouring words it is confident about are joined into one span.

Only candidate words are scored (capitalised, holding a digit, a listed name, a weekday or a month), and
only in a draft where some rule found something: the rest of a draft costs one test a word. The weights
are stored like the heads' (:class:`LearnedModel` with one head, ``phi``), trained by
``python -m composer.checking.train_model`` on the same corpora.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_right
from collections.abc import Collection, Sequence
from functools import lru_cache
from itertools import accumulate, repeat

from composer.checking.analysis import Lexicons
from composer.checking.learned import SCALE, LearnedModel
from composer.checking.phi import DAY_WORDS, MONTH_WORDS

FILE_NAME = "learned-spans-model.json"
HEAD = "phi"
Span = tuple[int, int]

_TOKEN = re.compile(r"\w+(?:['’]\w+)*|[^\w\s]")
#: Words of context read on each side of a candidate.
_WINDOW = 4
#: Punctuation that ends a sentence: a capital after it says nothing about a name.
_SENTENCE_END = frozenset(".!?")
#: Word-pair weights remembered between checks before starting afresh.
_MAX_REMEMBERED = 50_000
#: Only this much of a draft is read word by word: every post a platform takes and any ordinary page, while
#: a 100 KB paste of capitalised words stays well inside the checker's time limit (the rules read all of it).
MAX_CHARS = 10_000
#: Candidate words this many tokens apart (only punctuation between) form one span: "Mrs. Okafor", "3/14".
_JOIN_GAP = 2


def words_of(text: str) -> list[str]:
    """Words (with inner apostrophes) and single punctuation marks (found in C, much faster than with
    their offsets: only the few words a check marks need those, see :func:`offsets`)."""
    return _TOKEN.findall(text)


def offsets(text: str, words: Sequence[str]) -> list[Span]:
    """Where each of the first ``len(words)`` words of :func:`words_of` lies in ``text``: each starts at the
    first character after the word before that is not white space, so a forward search from there finds it."""
    found: list[Span] = []
    position = 0
    for word in words:
        position = text.find(word, position)
        found.append((position, position + len(word)))
        position += len(word)
    return found


def _shape(word: str) -> str:
    """Xxxx, dd/dd, XX: letters and digits by kind, runs longer than two cut to two."""
    out: list[str] = []
    for char in word:
        kind = "X" if char.isupper() else "x" if char.islower() else "d" if char.isdigit() else char
        if len(out) >= 2 and out[-1] == kind and out[-2] == kind:
            continue
        out.append(kind)
    return "".join(out)


class WordFeatures:
    """The features of one word of a draft, as both training and checking see them."""

    def __init__(self, lexicons: Lexicons) -> None:
        self._given = lexicons.given_names
        self._surnames = lexicons.surnames
        self._common = lexicons.common_words
        #: Whether a word is a candidate, its shape, and its own features (see _word_features), remembered
        #: per word: the editor re-checks mostly the same words.
        self.word = lru_cache(maxsize=20_000)(self._word_features)

    def _word_features(self, word: str) -> tuple[bool, str, tuple[str, ...]]:
        """Whether a word is a candidate, its shape, and the features it brings wherever it stands."""
        low = word.lower()
        given, surname = low in self._given, low in self._surnames
        weekday, month = low in DAY_WORDS, low in MONTH_WORDS
        capital = word[:1].isupper()
        candidate = word[:1].isalnum() and (
            capital or given or surname or weekday or month or any(char.isdigit() for char in word))
        shape = _shape(word)
        found = [f"w={low}", f"sh={shape}"]
        if word.isupper() and len(word) > 1:
            found.append("allcaps")
        if given:
            found += ["given", f"given|cap={capital}"]
        if surname:
            found.append("sur")
        if low in self._common:
            found.append("common")
        if weekday:
            found.append("weekday")
        if month:
            found.append("month")
        if word.isdigit():
            found.append(f"digits{min(len(word), 6)}")
        return candidate, shape, tuple(found)

    def __call__(self, words: Sequence[str], index: int, kind: str, profile: str,
                 categories: Collection[str]) -> list[str] | None:
        """The features of the word at ``index`` of a draft's :func:`words_of`, or None when it is not a
        candidate."""
        word = words[index]
        candidate, shape, own = self.word(word)
        if not candidate:
            return None
        low = word.lower()
        lower = [w.lower() for w in words[max(0, index - _WINDOW) : index + _WINDOW + 1]]
        here = min(index, _WINDOW)
        before, after = lower[:here], lower[here + 1 :]
        prev1 = before[-1] if before else "<s>"
        prev2 = before[-2] if len(before) > 1 else "<s>"
        next1 = after[0] if after else "</s>"
        next2 = after[1] if len(after) > 1 else "</s>"
        found = ["bias", *own, f"p1={prev1}", f"p2={prev2}", f"n1={next1}", f"n2={next2}", f"p1w={prev1}|{shape}",
                 f"w|n1={low}|{next1}", f"p1|w={prev1}|{low}", f"k={kind}/{profile}"]
        if word[:1].isupper():
            starts_sentence = index == 0 or words[index - 1] in _SENTENCE_END
            found.append("cap_start" if starts_sentence else "cap_mid")
            if not starts_sentence and low in self._given:
                found.append(f"capgiven|p1={prev1}")
        if index + 1 < len(words):
            following = words[index + 1]
            if following[:1].isupper() and following.lower() in self._surnames:
                found.append("next_sur")
        if index and words[index - 1][:1].isupper() and words[index - 1].lower() in self._given:
            found.append("prev_given")
        found.extend(f"win-={w}" for w in before)
        found.extend(f"win+={w}" for w in after)
        found.extend(f"cat={category}" for category in sorted(categories))
        found.append(f"catn={len(categories)}")
        return found


class SpanModel:
    """Scores the candidate words of a draft and returns the spans of those above a threshold.

    Scoring sums the same features :class:`WordFeatures` lists (a test holds the two equal), but without
    building most of their strings: a word's weight in each place around a candidate ("the word before",
    "within four words after") is looked up once per distinct word and remembered, and what the whole
    draft shares (its kind, profile and categories) once per draft. Building every string cost about
    18 microseconds a candidate, which made a 3,000-character draft half again as slow."""

    def __init__(self, model: LearnedModel, lexicons: Lexicons) -> None:
        if model.categories != (HEAD,):
            raise ValueError(f"a span model has the one head {HEAD!r}")
        self.features = WordFeatures(lexicons)
        # Plain weights (one head): the packed rows are not kept, which halves the model's memory.
        self._weight = {name: model.head_total(row, HEAD) for name, row in model.packed.items()}
        self._given = lexicons.given_names
        self._surnames = lexicons.surnames
        self._own = lru_cache(maxsize=20_000)(self._own_weight)
        self._around = lru_cache(maxsize=20_000)(self._around_weights)
        #: A candidate's weights with the words right beside it, by (word before, word, word after, shape).
        self._pairs: dict[tuple[str, str, str, str], int] = {}

    def total(self, found: Sequence[str]) -> int:
        """The model's total for a list of features, in thousandths (a probability before the sigmoid)."""
        weight = self._weight.get
        return sum(map(weight, found, repeat(0)))

    def _own_weight(self, word: str) -> tuple[bool, str, int]:
        """Whether ``word`` is a candidate, its shape, and the weight of what it brings wherever it stands."""
        candidate, shape, own = self.features.word(word)
        return candidate, shape, self.total(("bias", *own))

    def _around_weights(self, low: str) -> tuple[int, int, int, int, int, int]:
        """A word's weights as the word before, two before, after, two after, and within the window
        before and after a candidate."""
        weight = self._weight.get
        return (weight(f"p1={low}", 0), weight(f"p2={low}", 0), weight(f"n1={low}", 0), weight(f"n2={low}", 0),
                weight(f"win-={low}", 0), weight(f"win+={low}", 0))

    def draft_totals(self, words: Sequence[str], lows: Sequence[str], shared: int) -> list[int | None]:
        """Each word's total, the same as ``total(features(words, index, ...))``, or None for a word that
        is not a candidate. ``lows`` are the words in lower case; ``shared`` is the weight of the draft's
        kind, profile and categories (:meth:`shared_weight`). The words within the window on each side
        are summed from running totals, so a candidate costs the same however wide the window."""
        weight = self._weight.get
        around = list(map(self._around, lows))
        before_sums = [0, *accumulate(row[4] for row in around)]
        after_sums = [0, *accumulate(row[5] for row in around)]
        count = len(words)
        start_p1, start_p2 = weight("p1=<s>", 0), weight("p2=<s>", 0)
        end_n1, end_n2 = weight("n1=</s>", 0), weight("n2=</s>", 0)
        cap_start, cap_mid = weight("cap_start", 0), weight("cap_mid", 0)
        next_surname, prev_given = weight("next_sur", 0), weight("prev_given", 0)
        given, surnames = self._given, self._surnames
        pairs = self._pairs
        totals: list[int | None] = []
        for index, word in enumerate(words):
            candidate, shape, total = self._own(word)
            if not candidate:
                totals.append(None)
                continue
            last = min(count, index + _WINDOW + 1)
            total += before_sums[index] - before_sums[max(0, index - _WINDOW)]
            total += after_sums[last] - after_sums[index + 1]
            low = lows[index]
            prev1 = lows[index - 1] if index else "<s>"
            next1 = lows[index + 1] if index + 1 < last else "</s>"
            key = (prev1, low, next1, shape)
            paired = pairs.get(key)
            if paired is None:
                if len(pairs) > _MAX_REMEMBERED:
                    pairs.clear()
                paired = pairs[key] = (weight(f"p1w={prev1}|{shape}", 0) + weight(f"w|n1={low}|{next1}", 0)
                                       + weight(f"p1|w={prev1}|{low}", 0))
            total += paired
            total += around[index - 1][0] if index else start_p1
            total += around[index - 2][1] if index > 1 else start_p2
            total += around[index + 1][2] if index + 1 < last else end_n1
            total += around[index + 2][3] if index + 2 < last else end_n2
            if word[:1].isupper():
                if index == 0 or words[index - 1] in _SENTENCE_END:
                    total += cap_start
                else:
                    total += cap_mid
                    if low in given:
                        total += weight(f"capgiven|p1={prev1}", 0)
            if index + 1 < last and words[index + 1][:1].isupper() and next1 in surnames:
                total += next_surname
            if index and words[index - 1][:1].isupper() and prev1 in given:
                total += prev_given
            totals.append(total + shared)
        return totals

    def shared_weight(self, kind: str, profile: str, categories: Collection[str]) -> int:
        """The weight of the features every word of a draft shares."""
        return self.total([f"k={kind}/{profile}", *(f"cat={c}" for c in categories), f"catn={len(categories)}"])

    def spans(self, text: str, kind: str, profile: str, categories: Collection[str], threshold: float,
              skip: Sequence[Span] = ()) -> list[Span]:
        """Spans of candidate words scored at least ``threshold``, neighbours joined, leaving out words that
        start inside ``skip`` (identifiers the detectors found already). Nothing when ``categories`` (what
        the rules found in the draft) is empty: the model learned that such drafts rarely hold one."""
        if not categories:
            return []
        cutoff = math.ceil(math.log(threshold / (1.0 - threshold)) * SCALE)
        text = text[:MAX_CHARS]
        words = words_of(text)
        lows = [word.lower() for word in words]
        shared = self.shared_weight(kind, profile, categories)
        chosen = [index for index, total in enumerate(self.draft_totals(words, lows, shared))
                  if total is not None and total >= cutoff]
        if not chosen:
            return []
        places = offsets(text, words[: chosen[-1] + 1])
        covered = _Covered(skip)
        return _joined(words, places, [index for index in chosen if not covered(places[index][0])])


class _Covered:
    """Whether an offset lies inside any of a set of spans, by binary search (a draft can hold thousands)."""

    def __init__(self, spans: Sequence[Span]) -> None:
        ordered = sorted(spans)
        self._starts = [start for start, _ in ordered]
        self._reach: list[int] = []
        furthest = -1
        for _, end in ordered:
            furthest = max(furthest, end)
            self._reach.append(furthest)

    def __call__(self, offset: int) -> bool:
        index = bisect_right(self._starts, offset) - 1
        return index >= 0 and self._reach[index] > offset


def _joined(words: Sequence[str], offsets: Sequence[Span], chosen: Sequence[int]) -> list[Span]:
    """Chosen words as spans, joining those only punctuation separates ("Mrs. Okafor", "3/14")."""
    spans: list[list[int]] = []
    for index in chosen:
        if spans and index - spans[-1][2] <= _JOIN_GAP and all(
                not words[between][:1].isalnum() for between in range(spans[-1][2] + 1, index)):
            spans[-1][1], spans[-1][2] = offsets[index][1], index
        else:
            spans.append([offsets[index][0], offsets[index][1], index])
    return [(start, end) for start, end, _ in spans]
