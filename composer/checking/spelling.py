"""Spelling, loaded separately from the compliance checker because it is slow to load (~0.2 s, ~40 MB).

Never calls pyspellchecker's ``correction()``/``candidates()`` on the typing path: with edit distance 2
they can take a second on a junk word (DESIGN 3). :meth:`SpellingChecker.findings` only asks which words
are unknown; :meth:`SpellingChecker.suggestions` is for when the user asks, distance 1 unless told.
"""

from __future__ import annotations

import re
from pathlib import Path

from spellchecker import SpellChecker

from composer.checking.model import Finding
from composer.checking.text import mask_web

_WORD = re.compile(r"[A-Za-z][A-Za-z'’]*[A-Za-z]|[A-Za-z]")
RULE_ID = "spelling.unknown-word"
#: The whitespace after a sentence's end or a line break: pieces of a draft that are spell-checked alone.
_SENTENCE_GAP = re.compile(r"[.!?]\s+|\n\s*")
_MEMO_SIZE = 4096


class SpellingChecker:
    """pyspellchecker's English dictionary plus the shipped medical vocabulary."""

    def __init__(self, speller: SpellChecker) -> None:
        self._speller = speller
        #: Unknown-word spans per sentence, for the practice dictionary they were found with.
        self._memo: dict[str, tuple[tuple[int, int], ...]] = {}
        self._memo_extra: frozenset[str] = frozenset()

    @classmethod
    def load(cls, dictionaries: Path | None = None) -> SpellingChecker:
        """Load the dictionaries (call once, off the GUI thread)."""
        if dictionaries is None:
            from composer.resources import resource_path

            dictionaries = resource_path("dictionaries")
        speller = SpellChecker(language="en", distance=1)
        words: list[str] = []
        for name in ("medical.txt", "medical-abbreviations.txt"):
            path = dictionaries / name
            if path.exists():
                words.extend(
                    line.strip().lower()
                    for line in path.read_text(encoding="utf-8").splitlines()
                    if line.strip() and not line.startswith("#")
                )
        if words:
            speller.word_frequency.load_words(words)  # one call: each call rescans the dictionary
        return cls(speller)

    def unknown(self, words: set[str]) -> set[str]:
        return set(self._speller.unknown(words))

    def findings(self, text: str, extra_words: frozenset[str] = frozenset()) -> list[Finding]:
        """Unknown words as ``spelling`` findings (severity info), URLs, handles, hashtags and e-mail masked.

        The editor asks again after every pause in typing, when all but one sentence are as they were; so
        each sentence's answer is remembered (no word, link or address runs across the whitespace after a
        sentence's end, so a sentence is checked alone exactly as within the draft)."""
        extra = frozenset(w.lower() for w in extra_words)
        memo = self._memo if extra == self._memo_extra else self._fresh_memo(extra)
        spans: list[tuple[int, int]] = []
        start = 0
        for end in [*(m.end() for m in _SENTENCE_GAP.finditer(text)), len(text)]:
            piece = text[start:end]
            found = memo.get(piece)
            if found is None:
                found = self._unknown_spans(piece, extra)
                if len(memo) > _MEMO_SIZE:
                    memo.clear()
                memo[piece] = found
            spans.extend((start + s, start + e) for s, e in found)
            start = end
        return [
            Finding("spelling", RULE_ID, "info", start, end, "Possible spelling mistake.",
                    "A misspelled word looks careless and can change a medical meaning.",
                    "Check the spelling, or add the word to the practice dictionary.")
            for start, end in spans
        ]

    def forget(self) -> None:
        """Forget the sentences already checked (a benchmark of first sight; a smaller memory)."""
        self._fresh_memo(self._memo_extra)

    def _fresh_memo(self, extra: frozenset[str]) -> dict[str, tuple[tuple[int, int], ...]]:
        self._memo = {}
        self._memo_extra = extra
        return self._memo

    def _unknown_spans(self, text: str, extra: frozenset[str]) -> tuple[tuple[int, int], ...]:
        masked = mask_web(text)
        tokens: list[tuple[int, int, str]] = []
        for match in _WORD.finditer(masked):
            word = match.group()
            if len(word) < 2 or word.isupper() or any(ch.isdigit() for ch in word):
                continue  # acronyms and codes are not spelling mistakes
            normal = word.replace("’", "'").lower()
            if normal.endswith("'s"):
                normal = normal[:-2]
            if normal in extra:
                continue
            tokens.append((match.start(), match.end(), normal))
        if not tokens:
            return ()
        unknown = self.unknown({t[2] for t in tokens})
        return tuple((start, end) for start, end, normal in tokens if normal in unknown)

    def suggestions(self, word: str, max_distance: int = 1, limit: int = 8) -> list[str]:
        """Known words within ``max_distance`` edits, most frequent first (distance 2 only when asked)."""
        lowered = word.lower()
        speller = self._speller
        found = speller.known(speller.edit_distance_1(lowered))
        if not found and max_distance >= 2:
            found = speller.known(speller.edit_distance_2(lowered))
        ranked = sorted(found, key=lambda w: (-speller.word_usage_frequency(w), w))
        return ranked[:limit]
