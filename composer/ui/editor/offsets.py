"""The one place where code-point offsets (the checker's) cross to Qt's UTF-16 positions.

Python indexes strings by code point; QTextDocument counts UTF-16 units, so every character outside the
Basic Multilingual Plane (most emoji) shifts Qt positions by one. Converting anywhere else would let an
emoji before a finding move its underline.
"""

from __future__ import annotations

from bisect import bisect_right


class OffsetMap:
    """Converts between code-point indices and UTF-16 positions for one snapshot of a text."""

    __slots__ = ("_astral", "_length")

    def __init__(self, text: str) -> None:
        self._length = len(text)
        # Code-point indices of characters that take two UTF-16 units; empty for most drafts.
        self._astral = [i for i, ch in enumerate(text) if ord(ch) > 0xFFFF] if not text.isascii() else []

    def to_qt(self, index: int) -> int:
        """UTF-16 position of code-point ``index`` (clamped to the text)."""
        index = max(0, min(index, self._length))
        return index + bisect_right(self._astral, index - 1)

    def to_code_point(self, position: int) -> int:
        """Code-point index of UTF-16 ``position``; a position inside a surrogate pair maps to its character."""
        low, high = 0, self._length
        while low < high:
            middle = (low + high + 1) // 2
            if self.to_qt(middle) <= position:
                low = middle
            else:
                high = middle - 1
        return low
