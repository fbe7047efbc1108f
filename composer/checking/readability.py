"""A grade-level estimate (Flesch-Kincaid) cheap enough to run on every pause in typing."""

from __future__ import annotations

import re
from functools import lru_cache

_WORDS = re.compile(r"[A-Za-z]+(?:['’][a-z]+)?")
_SENTENCE = re.compile(r"[.!?]+(?:\s|$)|\n")
_VOWEL_GROUPS = re.compile(r"[aeiouy]+")


@lru_cache(maxsize=16_384)
def syllables(word: str) -> int:
    """Approximate syllables by vowel groups, with the silent final "e" dropped (remembered per word: a
    practice's drafts reuse a few thousand words, and a look-up costs a tenth of the count)."""
    word = word.lower()
    count = len(_VOWEL_GROUPS.findall(word))
    if word.endswith("e") and not word.endswith(("le", "ee")) and count > 1:
        count -= 1
    return max(1, count)


def grade_level(text: str) -> float:
    """Flesch-Kincaid grade of ``text``; 0.0 for text with no words."""
    words = _WORDS.findall(text)
    if not words:
        return 0.0
    sentences = max(1, len(_SENTENCE.findall(text)))
    total_syllables = sum(syllables(w) for w in words)
    return 0.39 * len(words) / sentences + 11.8 * total_syllables / len(words) - 15.59
