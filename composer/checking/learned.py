"""A small learned second opinion: one logistic-regression head per category, over word, word-pair and
letter features of a draft, trained on the project's labeled drafts (:mod:`composer.checking.train_model`).

Why: hand-written rules capture the reasons a text is a problem, but each writer phrases those reasons
their own way, and rules tuned on one writer's drafts barely carry over to the next writer's (measured:
a tuning round that lifted one independent corpus from 0.81 to 0.90 left two others unchanged). A linear
model over many weak cues ("ur", "lol", a sports word on the practice page, "your" + a body part in a
reply) generalises where a missing phrase would not. It only adds findings where it is confident, it
never replaces a rule, and patient identifiers stay with the rule detectors, which give exact spans.

Pure Python on purpose (no numpy): the checker must import in a fraction of a second and run anywhere
the app runs. Scoring a draft costs one look-up per distinct word and word pair, all heads at once.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
import math
import re
import sys
from array import array
from collections.abc import Iterable, Mapping, Sequence
from functools import lru_cache
from itertools import pairwise, repeat
from pathlib import Path

from composer.checking.errors import RuleFileError

FORMAT = 1
#: Weights are stored and summed as whole thousandths.
SCALE = 1000
#: Stored as 16-bit integers: a weight is at most 32.767 either way (training gives about 3 at most).
_LIMIT = 32767
FILE_NAME = "learned-model.json"
_WORD = re.compile(r"[a-z0-9'’]+|[^\w\s]")
#: Letter 4-grams of longer words: "tmrw", "appt" and misspellings share pieces with the words they stand for.
_GRAM = 4
#: Words whose features are remembered between checks.
_MAX_WORDS = 20_000
#: Word and word-pair sums a model remembers before it starts afresh (about 10 MB at most).
_MAX_REMEMBERED = 50_000
#: Weights below this are dropped after training. Measured on four unseen writers' drafts, 0.1 loses
#: nothing against 0.02 and drops 30% of the features, so the file is smaller and loads faster.
PRUNE = 0.1

#: Packed rows (see :class:`LearnedModel`): each head's weight plus ``_OFFSET`` (never negative, since a
#: weight is within ``_LIMIT``) in a field of ``_FIELD`` bits, and a last field that counts the rows summed.
#: A field holds a sum of up to 2**47 rows, far more features than a capped draft has.
_FIELD = 64
_OFFSET = 1 << 15
_MASK = (1 << _FIELD) - 1


@lru_cache(maxsize=_MAX_WORDS)
def _word_features(word: str, tag: str) -> tuple[str, ...]:
    """The features one word brings: itself, itself where it was written, its letter 4-grams (remembered:
    the editor re-checks mostly the same words, and building these strings is most of the cost)."""
    found = [f"w:{word}", f"{tag}|w:{word}"]
    if len(word) >= _GRAM:
        padded = f"<{word}>"
        found.extend(f"c:{padded[i : i + _GRAM]}" for i in range(len(padded) - _GRAM + 1))
    return tuple(found)


def features(text: str, kind: str, profile: str) -> list[str]:
    """The features of one draft (or one sentence of it), as seen by both training and checking.

    Words and word pairs say what is talked about; the same words tagged with the kind of draft and the
    profile say where (a team's score is fine on a personal account, not on the practice page); letter
    4-grams tolerate typos and shorthand. Each distinct word and word pair counts once however often it
    occurs; a 4-gram counts once for each distinct word it is part of ("care" in "care" and "healthcare"
    twice), so a word's whole contribution can be summed once and remembered (see
    :meth:`LearnedModel._packed_sum`). A list, since a 4-gram can occur more than once."""
    words = _WORD.findall(text.lower())
    tag = f"{kind}/{profile}"
    found = ["bias", f"k:{tag}"]
    for word in dict.fromkeys(words):
        found.extend(_word_features(word, tag))
    found.extend(f"b:{first}_{second}" for first, second in dict.fromkeys(pairwise(words)))
    return found


def _sigmoid(value: float) -> float:
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, value))))


class LearnedModel:
    """Per-feature weight vectors (one weight per category head, in thousandths) and their sources.

    Weights are whole numbers of thousandths: sums are exact (the same on every machine, whatever order
    the features come in), and the file stores them as one packed array that loads in milliseconds.

    Scoring sums each feature's row. Summing rows of nine weights column by column in Python cost more
    than finding the features, so each row is kept as one integer, its weights side by side in fields
    wide enough never to carry into each other (``packed``): adding those integers adds every column at
    once, in C, and the totals are read back out of the fields, exactly the same integers. The rows as
    tuples (:attr:`weights`) are only unpacked when asked for (training output, tests): kept beside the
    packed rows they doubled the model's memory."""

    __slots__ = ("_pair_rows", "_weights", "_word_rows", "categories", "corpora", "packed")

    def __init__(self, categories: Sequence[str], weights: Mapping[str, Sequence[int]] | None,
                 corpora: Mapping[str, str], packed: dict[str, int] | None = None) -> None:
        """From the rows (``weights``) or, as :meth:`load` gives them, from the packed rows alone."""
        self.categories = tuple(categories)
        self.corpora = dict(corpora)
        if packed is None:
            packed = {name: _pack_row(row) for name, row in (weights or {}).items()}
        self.packed = packed
        self._weights: dict[str, tuple[int, ...]] | None = None
        #: Remembered sums: a word's packed rows (by word and tag) and a word pair's row.
        self._word_rows: dict[tuple[str, str], int] = {}
        self._pair_rows: dict[tuple[str, str], int] = {}

    @property
    def weights(self) -> dict[str, tuple[int, ...]]:
        """Each feature's weights, one per head (unpacked on first use)."""
        if self._weights is None:
            heads = len(self.categories)
            self._weights = {name: tuple(_field(row, index, heads) for index in range(heads))
                             for name, row in self.packed.items()}
        return self._weights

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, LearnedModel):
            return NotImplemented
        return (self.categories, self.corpora, self.packed) == (other.categories, other.corpora, other.packed)

    def _packed_sum(self, text: str, kind: str, profile: str) -> int:
        """The sum of the packed rows of the features of ``text`` (unknown features add nothing).

        The same sum as over :func:`features`, taken word by word: each distinct word's rows (itself,
        tagged, its 4-grams) are summed once and remembered, as is each word pair's row, so a re-check
        costs one look-up per word and pair instead of one per feature string built."""
        words = _WORD.findall(text.lower())
        tag = f"{kind}/{profile}"
        rows = self.packed
        total = rows.get("bias", 0) + rows.get(f"k:{tag}", 0)
        if len(self._word_rows) + len(self._pair_rows) > _MAX_REMEMBERED:
            self._word_rows.clear()
            self._pair_rows.clear()
        word_rows = self._word_rows
        for word in dict.fromkeys(words):
            row = word_rows.get((word, tag))
            if row is None:
                row = word_rows[(word, tag)] = sum(map(rows.get, _word_features(word, tag), repeat(0)))
            total += row
        pair_rows = self._pair_rows
        for pair in dict.fromkeys(pairwise(words)):
            row = pair_rows.get(pair)
            if row is None:
                row = pair_rows[pair] = rows.get(f"b:{pair[0]}_{pair[1]}", 0)
            total += row
        return total

    def packed_sum(self, text: str, kind: str, profile: str) -> int:
        """The packed sum of ``text``'s features: read one head's total out of it with :meth:`head_score`
        (the checker sums each sentence once and reads every head it needs from that one sum)."""
        return self._packed_sum(text, kind, profile)

    def head_total(self, summed: int, category: str) -> int:
        """One head's total (in thousandths) out of a :meth:`packed_sum`: a higher total, a higher score."""
        return _field(summed, self.categories.index(category), len(self.categories))

    def head_score(self, summed: int, category: str) -> float:
        """Probability for one head, from a :meth:`packed_sum`."""
        return _sigmoid(self.head_total(summed, category) / SCALE)

    def _totals(self, text: str, kind: str, profile: str) -> list[int]:
        """The summed weights of the features of ``text``, one total per head."""
        summed = self._packed_sum(text, kind, profile)
        heads = len(self.categories)
        return [_field(summed, index, heads) for index in range(heads)]

    def scores(self, text: str, kind: str, profile: str) -> dict[str, float]:
        """Probability per category that a reviewer would flag ``text`` in that category."""
        totals = self._totals(text, kind, profile)
        return {category: _sigmoid(total / SCALE) for category, total in zip(self.categories, totals, strict=True)}

    def score(self, category: str, text: str, kind: str, profile: str) -> float:
        """Probability for one category head (only its field is read out of the sum)."""
        return self.head_score(self._packed_sum(text, kind, profile), category)

    # -- files ----------------------------------------------------------------------------------------
    @classmethod
    def load(cls, path: Path) -> LearnedModel:
        """Read a model file; a damaged one raises :class:`RuleFileError` naming the file and the field."""

        def fail(field: str, problem: str) -> RuleFileError:
            return RuleFileError(path, "-", field, problem)

        try:
            # Bytes decoded at once: reading the 3 MB heads file as text (line by line through the newline
            # translator, over its many non-ASCII features) took 30 ms of the engine's load, this 3 ms.
            data = json.loads(path.read_bytes().decode("utf-8"))
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
            raise fail("-", f"cannot be read as JSON ({type(error).__name__})") from None
        if not isinstance(data, dict) or data.get("format") != FORMAT:
            raise fail("format", f"must be {FORMAT}")
        categories = data.get("categories")
        if not isinstance(categories, list) or not categories or not all(isinstance(c, str) for c in categories):
            raise fail("categories", "must be a non-empty list of category names")
        names = data.get("features")
        if not isinstance(names, str):
            raise fail("features", "must be the feature names, one a line")
        packed = data.get("weights")
        try:
            values = array("h", base64.b64decode(packed if isinstance(packed, str) else "", validate=True))
        except (binascii.Error, ValueError):
            raise fail("weights", "must be base64 of 16-bit integers") from None
        if sys.byteorder != "little":  # pragma: no cover - the file is little-endian
            values.byteswap()
        feature_names = names.split("\n") if names else []
        size = len(categories)
        if len(values) != len(feature_names) * size:
            raise fail("weights", f"must hold {size} weights for each of the {len(feature_names)} features")
        corpora = data.get("corpora", {})
        if not isinstance(corpora, dict):
            raise fail("corpora", "must be a table of corpus = checksum")
        packed = dict(zip(feature_names, _pack_array(values, size), strict=True))
        return cls(categories, None, {str(k): str(v) for k, v in corpora.items()}, packed)

    def to_json(self) -> str:
        """The model as a deterministic JSON text: sorted feature names, one packed little-endian array."""
        names = sorted(self.weights)
        values = array("h", (weight for name in names for weight in self.weights[name]))
        if sys.byteorder != "little":  # pragma: no cover
            values.byteswap()
        return json.dumps(
            {"format": FORMAT, "categories": list(self.categories), "scale": SCALE,
             "corpora": dict(sorted(self.corpora.items())), "features": "\n".join(names),
             "weights": base64.b64encode(values.tobytes()).decode("ascii")},
            ensure_ascii=False, indent=0,
        ) + "\n"


def _field(summed: int, index: int, heads: int) -> int:
    """Head ``index``'s total out of a sum of packed rows (one row, or many): its field, less the offset
    that each of the rows summed (counted in the last field) added."""
    rows = summed >> (_FIELD * heads)
    return ((summed >> (_FIELD * index)) & _MASK) - rows * _OFFSET


def _pack_row(row: Sequence[int]) -> int:
    """One feature's weights as a packed row (see :class:`LearnedModel`)."""
    if any(not -_LIMIT <= weight <= _LIMIT for weight in row):
        raise ValueError(f"a weight is beyond +-{_LIMIT} thousandths, which neither the file nor a packed row holds")
    packed = 1 << (_FIELD * len(row))  # the row count
    for index, weight in enumerate(row):
        packed |= (weight + _OFFSET) << (_FIELD * index)
    return packed


def _pack_array(values: array[int], heads: int) -> list[int]:
    """The packed rows of consecutive groups of ``heads`` 16-bit weights, the same integers as
    :func:`_pack_row` gives, built by byte slicing in C (a Python step per feature doubled the load).

    Flipping the sign bit of a 16-bit two's-complement weight gives the weight plus 2**15, its field
    value; each field's two low bytes are copied into a wide zeroed buffer, then cut into rows."""
    little = array("h", values)
    if sys.byteorder != "little":  # pragma: no cover - the fields are read little-endian
        little.byteswap()
    raw = little.tobytes()
    flip = int.from_bytes(b"\x00\x80" * len(values), "little")
    raw = (int.from_bytes(raw, "little") ^ flip).to_bytes(len(raw), "little")
    width = _FIELD // 8
    stride = width * (heads + 1)
    count = len(values) // heads
    wide = bytearray(stride * count)
    for index in range(heads):
        wide[index * width :: stride] = raw[2 * index :: 2 * heads]
        wide[index * width + 1 :: stride] = raw[2 * index + 1 :: 2 * heads]
    wide[heads * width :: stride] = b"\x01" * count
    view = bytes(wide)
    return [int.from_bytes(view[start : start + stride], "little") for start in range(0, len(view), stride)]


def checksum(path: Path) -> str:
    """The SHA-256 of a corpus file, recorded in the model so a changed corpus shows a stale model."""
    return hashlib.sha256(path.read_bytes()).hexdigest()


def train(
    examples: Sequence[tuple[Iterable[str], frozenset[str], frozenset[str]]], categories: Iterable[str],
    epochs: int = 25,
    rate: float = 0.2, decay: float = 1e-4, prune: float = PRUNE, seeds: int = 1,
) -> dict[str, tuple[int, ...]]:
    """Logistic regression per category by stochastic gradient descent, in a fixed order (deterministic).

    ``examples`` are (features, labeled categories, categories the labels speak for): a head learns only
    from the examples that say whether they belong to its category. With ``seeds`` above one, each head is
    trained from that many shuffles and the weights averaged: a single shuffle's model swings with the
    order it happened to see the last drafts in, and the average decides the same drafts more steadily.
    Weights smaller than ``prune`` are dropped: they change no decision and would only make the file and
    the look-ups bigger."""
    heads = list(categories)
    rows = [(sorted(found), labels, known) for found, labels, known in examples]  # fixed order: same floats
    learned: list[dict[str, float]] = []
    for category in heads:
        speaking = [index for index, row in enumerate(rows) if category in row[2]]
        averaged: dict[str, float] = {}
        for seed in range(seeds):
            for feature, weight in _train_head(rows, speaking, category, seed, epochs, rate, decay).items():
                averaged[feature] = averaged.get(feature, 0.0) + weight / seeds
        learned.append(averaged)
    every = sorted({feature for weights in learned for feature in weights})
    table: dict[str, tuple[int, ...]] = {}
    for feature in every:
        vector = tuple(weights.get(feature, 0.0) for weights in learned)
        if any(abs(w) >= prune for w in vector):
            table[feature] = tuple(_stored(w) if abs(w) >= prune else 0 for w in vector)
    return table


def _train_head(rows: Sequence[tuple[list[str], frozenset[str], frozenset[str]]], speaking: Sequence[int],
                category: str, seed: int, epochs: int, rate: float, decay: float) -> dict[str, float]:
    """One head's weights from one shuffle (``seed``) of the examples that speak for its category."""
    weights: dict[str, float] = {}
    shuffle = _Shuffle(seed)
    order = list(speaking)
    for epoch in range(epochs):
        shuffle(order)
        pace = rate / (1.0 + epoch)  # smaller steps as it settles: the last drafts seen sway it less
        for index in order:
            found, labels, _known = rows[index]
            probability = _sigmoid(sum(weights.get(f, 0.0) for f in found))
            step = ((category in labels) - probability) * pace
            for feature in found:
                weights[feature] = weights.get(feature, 0.0) * (1.0 - decay) + step
    return weights


def _stored(weight: float) -> int:
    """A weight in whole thousandths, within what the file's 16-bit integers hold."""
    return max(-_LIMIT, min(_LIMIT, round(weight * SCALE)))


class _Shuffle:
    """A seeded Fisher-Yates shuffle with its own generator (a linear congruential one), so training
    gives the same model on every Python version and platform."""

    def __init__(self, seed: int) -> None:
        self.state = seed

    def _next(self, bound: int) -> int:
        self.state = (self.state * 6364136223846793005 + 1442695040888963407) % 2**64
        return (self.state >> 33) % bound

    def __call__(self, items: list[int]) -> None:
        for i in range(len(items) - 1, 0, -1):
            j = self._next(i + 1)
            items[i], items[j] = items[j], items[i]
