"""Per-platform length limits and exact character counting, driven by ``resources/platforms/*.toml``.

Counting rules differ (Mixpost #65: newlines miscounted for X), so each platform's rule is data: X
weighs characters per twitter-text's config v3 (URLs 23, emoji and CJK 2), the others count code points
after NFC normalization.
"""

from __future__ import annotations

import re
import tomllib
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from composer.checking.errors import RuleFileError

_URL = re.compile(
    r"(?:https?://|www\.)[^\s<>\"]{1,2000}|(?<![a-z0-9.-])[a-z0-9][a-z0-9-]{0,62}(?:\.[a-z0-9-]{1,63}){0,4}"
    r"\.(?:com|org|net|edu|gov|example|health|io|co|us|info|biz|ly|me|care)\b(?:/[^\s<>\"]{0,2000})?",
    re.IGNORECASE,
)
#: Every link ``_URL`` finds holds "://" or a full stop followed by a non-space ("www.", ".com").
_URL_HINT = re.compile(r"\.\S|://")
_SPACE = re.compile(r"\s")
#: The last whitespace character before the end of the searched range.
_LAST_SPACE = re.compile(r"\s\S*\Z")


def _urls(text: str) -> Iterator[re.Match[str]]:
    r"""``_URL.finditer(text)``, run only over the stretches between whitespace that can hold a link.

    ``_URL`` starts with a lookbehind, so a scan of the whole text tries it at every offset. A link never
    contains whitespace, and whitespace around a stretch looks to the lookbehind and to ``\b`` just like
    the ends of the text, so each stretch's matches (``pos``/``endpos`` keep what lies outside in view)
    are exactly the whole scan's matches within it."""
    position = 0
    while True:
        hint = _URL_HINT.search(text, position)
        if hint is None:
            return
        space = _LAST_SPACE.search(text, position, hint.start())
        start = position if space is None else space.start() + 1
        after = _SPACE.search(text, hint.end())
        end = len(text) if after is None else after.start()
        yield from _URL.finditer(text, start, end)
        position = end


_NON_ASCII = re.compile(r"[^\x00-\x7f]")


#: Non-ASCII characters tried one by one before the rest of a text is left to one scan.
_EMOJI_PROBES = 16


def _emoji_spans(text: str) -> list[tuple[int, int]]:
    r"""The spans of ``_EMOJI.finditer(text)``, whose scan can skip nothing ahead. Every emoji holds a
    non-ASCII character at its start or (a keycap "1\ufe0f\u20e3") right after it, so only those places
    are tried, for the first few non-ASCII characters; a text full of them is scanned as a whole."""
    spans: list[tuple[int, int]] = []
    position = 0
    for _ in range(_EMOJI_PROBES):
        found = _NON_ASCII.search(text, position)
        if found is None:
            return spans
        at = found.start()
        match = (_EMOJI.match(text, at - 1) if at > position else None) or _EMOJI.match(text, at)
        if match is None:
            position = at + 1
        else:
            spans.append(match.span())
            position = match.end()
    spans.extend(match.span() for match in _EMOJI.finditer(text, position))
    return spans


def _gaps(spans: list[tuple[int, int]], length: int) -> Iterator[tuple[int, int]]:
    """The stretches of ``range(length)`` between ``spans`` (sorted, not overlapping)."""
    last = 0
    for start, end in spans:
        yield last, start
        last = end
    yield last, length


_EMOJI_BASE = "\U0001F000-\U0001FAFF\u2600-\u27BF\u2B00-\u2BFF\u2300-\u23FF\u2190-\u21FF\u3030\u303D\u3297\u3299"
_EMOJI = re.compile(
    rf"[\U0001F1E6-\U0001F1FF]{{2}}|[0-9#*]\uFE0F?\u20E3|[{_EMOJI_BASE}][\uFE0F\U0001F3FB-\U0001F3FF]?"
    rf"(?:\u200D[{_EMOJI_BASE}\u2640\u2642][\uFE0F\U0001F3FB-\U0001F3FF]?){{0,10}}"
)


_RANGE_CACHE: dict[tuple[tuple[int, int, int], ...], list[tuple[re.Pattern[str], int]]] = {}


@dataclass(frozen=True)
class Platform:
    """One platform's limits and counting rule."""

    name: str
    label: str
    source: str
    limits: dict[str, int]
    normalize: str = "NFC"
    scale: int = 1
    default_weight: int = 1
    url_length: int = 0
    emoji_weight: int = 0
    ranges: tuple[tuple[int, int, int], ...] = ()

    def weight(self, char: str) -> int:
        code = ord(char)
        for start, end, weight in self.ranges:
            if start <= code <= end:
                return weight
        return self.default_weight

    def units(self, text: str) -> Iterator[tuple[int, int]]:
        """(code-point offset after the unit, weight) for each unit of ``text``: URLs, emoji, chars."""
        index = 0
        length = len(text)
        while index < length:
            if self.url_length:
                match = _URL.match(text, index)
                if match and (index == 0 or not text[index - 1].isalnum()):
                    yield match.end(), self.url_length * self.scale
                    index = match.end()
                    continue
            if self.emoji_weight:
                match = _EMOJI.match(text, index)
                if match:
                    yield match.end(), self.emoji_weight
                    index = match.end()
                    continue
            yield index + 1, self.weight(text[index])
            index += 1

    def count(self, text: str) -> int:
        if self.normalize and not text.isascii():
            text = unicodedata.normalize(self.normalize, text)  # type: ignore[arg-type]
        if not self.ranges and not self.url_length and not self.emoji_weight:
            return len(text)
        total = 0
        if self.url_length:
            urls = 0
            pieces = []
            last = 0
            for match in _urls(text):
                if match.start() and text[match.start() - 1].isalnum():
                    continue
                urls += 1
                pieces.append(text[last : match.start()])
                last = match.end()
            if urls:
                pieces.append(text[last:])
                text = "".join(pieces)
                total += urls * self.url_length * self.scale
        if self.emoji_weight and not text.isascii():
            emoji = _emoji_spans(text)
            if emoji:
                text = "".join(text[start:end] for start, end in _gaps(emoji, len(text)))
                total += len(emoji) * self.emoji_weight
        if text.isascii():
            return -(-(total + len(text) * self.weight("a")) // self.scale)
        remaining = len(text)
        for regex, weight in self._range_classes():
            inside = sum(map(len, regex.findall(text)))
            total += inside * weight
            remaining -= inside
        total += remaining * self.default_weight
        return -(-total // self.scale)

    def _range_classes(self) -> list[tuple[re.Pattern[str], int]]:
        """One character class per weight, so weighting is a few C-level scans, not a Python loop (runs of
        the class, not single characters: a text is mostly long runs of one weight)."""
        cached = _RANGE_CACHE.get(self.ranges)
        if cached is None:
            by_weight: dict[int, list[str]] = {}
            for start, end, weight in self.ranges:
                by_weight.setdefault(weight, []).append(f"{re.escape(chr(start))}-{re.escape(chr(end))}")
            cached = [(re.compile(f"[{''.join(parts)}]+"), weight) for weight, parts in by_weight.items()]
            _RANGE_CACHE[self.ranges] = cached
        return cached



@dataclass(frozen=True)
class PlatformTable:
    """Every platform known to the checker."""

    platforms: dict[str, Platform] = field(default_factory=dict)

    def get(self, name: str) -> Platform | None:
        return self.platforms.get(name.lower())

    def overflow_offset(self, text: str, platform: str, kind: str = "post") -> int | None:
        """The code-point offset where ``text`` passes the platform's limit, or None if it fits."""
        spec = self.get(platform)
        if spec is None:
            return None
        limit = spec.limits.get(kind) or spec.limits.get("post")
        if not limit:
            return None
        if not spec.ranges and not spec.url_length and not spec.emoji_weight:
            return limit if spec.count(text) > limit else None
        if "." not in text and len(text) * max(spec.default_weight, spec.emoji_weight, 1) <= limit * spec.scale:
            return None  # no link, and even if every character weighed double it would fit
        if len(text) < 4 * limit and spec.count(text) <= limit:
            return None  # (a long text is walked directly below: the walk stops at the limit)
        budget = limit * spec.scale
        used = 0
        previous = 0
        for end, weight in spec.units(text):
            used += weight
            if used > budget:
                return previous
            previous = end
        return None


def _platform_from(path: Path, data: dict[str, Any]) -> Platform:
    def fail(field_name: str, problem: str) -> RuleFileError:
        return RuleFileError(path, str(data.get("name", path.stem)), field_name, problem)

    name = data.get("name")
    if not isinstance(name, str) or not name:
        raise fail("name", "must be a non-empty string")
    limits = data.get("limits")
    if not isinstance(limits, dict) or not limits or not all(
        isinstance(v, int) and v > 0 for v in limits.values()
    ):
        raise fail("limits", "must be a table of positive integers (post, reply)")
    counting = data.get("counting", {})
    if not isinstance(counting, dict):
        raise fail("counting", "must be a table")
    ranges = []
    for index, item in enumerate(counting.get("ranges", [])):
        try:
            ranges.append((int(item["start"]), int(item["end"]), int(item["weight"])))
        except (KeyError, TypeError, ValueError):
            raise fail(f"counting.ranges[{index}]", "needs integer start, end and weight") from None
    ints = {}
    for key, default in (("scale", 1), ("default_weight", 1), ("url_length", 0), ("emoji_weight", 0)):
        value = counting.get(key, default)
        if not isinstance(value, int) or value < 0:
            raise fail(f"counting.{key}", "must be a non-negative integer")
        ints[key] = value
    normalize = counting.get("normalize", "NFC")
    if normalize not in ("", "NFC", "NFKC", "NFD", "NFKD"):
        raise fail("counting.normalize", "must be NFC, NFKC, NFD, NFKD or empty")
    return Platform(
        name=name, label=str(data.get("label", name)), source=str(data.get("source", "")), limits=dict(limits),
        normalize=normalize, ranges=tuple(ranges), **ints,
    )


def load_platforms(folder: Path) -> PlatformTable:
    """Read every ``*.toml`` in ``folder``."""
    table: dict[str, Platform] = {}
    for path in sorted(folder.glob("*.toml")):
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
            raise RuleFileError(path, path.stem, "-", f"not valid TOML: {error}") from None
        platform = _platform_from(path, data)
        table[platform.name] = platform
    return PlatformTable(table)


@lru_cache(maxsize=1)
def _default_table() -> PlatformTable:
    from composer.resources import resource_path

    return load_platforms(resource_path("platforms"))


def count_characters(text: str, platform: str) -> int:
    """Characters as ``platform`` counts them (unknown platforms: code points)."""
    spec = _default_table().get(platform)
    return spec.count(text) if spec else len(text)


def limit(platform: str, kind: str = "post") -> int | None:
    """The platform's maximum length for a post or a reply, or None if unknown."""
    spec = _default_table().get(platform)
    if spec is None:
        return None
    return spec.limits.get(kind) or spec.limits.get("post")
