"""The per-check snapshot every detector reads, and the lexicons loaded once with the engine."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from composer.checking.fastre import LONG_TEXT, LiteralIndex, LiteralMemo, lower_text, word_set
from composer.checking.model import CheckRequest, PracticeContext
from composer.checking.text import MaskedSpan, Sentences, hashtag_spans


def read_word_list(path: Path) -> frozenset[str]:
    """One word a line, ``#`` comments ignored, lower-cased."""
    if not path.exists():
        return frozenset()
    text = path.read_text(encoding="utf-8").lower()
    if "#" not in text:
        return frozenset(text.split())  # generated lists: one word a line, no comments
    return frozenset(line.strip() for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#"))


#: A passage in double quotes on one line: straight quotes paired in order, or curly ones.
_QUOTED = re.compile(r'"[^"\n]{1,1000}"|\u201c[^\u201d\n]{1,1000}\u201d')


@dataclass(frozen=True, slots=True)
class Lexicons:
    """Word lists shared by the PHI detectors; loaded once, read by every check (thread-safe: immutable)."""

    given_names: frozenset[str] = frozenset()
    surnames: frozenset[str] = frozenset()
    common_words: frozenset[str] = frozenset()
    #: less frequent English words that are no one's name ("negotiator", "lifeguard"); only the name guess
    #: (:func:`composer.checking.phi.shared.is_nameish`) reads them, the learned model does not
    english_words: frozenset[str] = frozenset()
    ambiguous_names: frozenset[str] = frozenset()
    named: dict[str, tuple[str, ...]] = field(default_factory=dict)

    @classmethod
    def load(cls, dictionaries: Path, named: dict[str, tuple[str, ...]]) -> Lexicons:
        return cls(
            given_names=read_word_list(dictionaries / "given-names.txt"),
            surnames=read_word_list(dictionaries / "surnames.txt"),
            common_words=read_word_list(dictionaries / "common-words.txt"),
            english_words=read_word_list(dictionaries / "english-words.txt"),
            ambiguous_names=frozenset(w.lower() for w in named.get("ambiguous_names", ())),
            named=named,
        )


class Analysis:
    """A draft prepared for the detectors: masked text, sentence bounds and the request's context."""

    def __init__(
        self,
        request: CheckRequest,
        context: PracticeContext,
        text: str,
        masked: str,
        masked_spans: tuple[MaskedSpan, ...],
        reply_masked: str | Callable[[], str],
        lowered: str | None = None,
        words: frozenset[str] | None = None,
        literals: LiteralIndex | None = None,
    ) -> None:
        self.request = request
        self.context = context
        self.original = text
        self.text = masked
        self.lower = lowered if lowered is not None else lower_text(masked)
        self.masked_spans = masked_spans
        self._reply = reply_masked
        self._literals = literals
        if words is not None:
            self.__dict__["words"] = words

    @cached_property
    def reply(self) -> str:
        """The comment being answered, masked the same way (computed only if a detector asks)."""
        return self._reply if isinstance(self._reply, str) else self._reply()

    @cached_property
    def reply_snapshot(self) -> TextSnapshot:
        """The comment being answered (masked), in the form matchers read."""
        return TextSnapshot(self.reply)

    @cached_property
    def hashtags(self) -> list[tuple[int, int]]:
        """Spans of the draft's #hashtags."""
        return hashtag_spans(self.original)

    @cached_property
    def quoted(self) -> tuple[tuple[int, int], ...]:
        """Passages in double quotation marks, straight or curly, within one line: words the draft repeats from
        someone else ("Found this card: 'You gave me my life back'" is single-quoted and left out, as an
        apostrophe cannot be told from a closing single quote)."""
        if '"' not in self.text and "\u201c" not in self.text:
            return ()
        return tuple(match.span() for match in _QUOTED.finditer(self.text))

    def in_quotes(self, offset: int) -> bool:
        """Whether ``offset`` lies inside one of the draft's quoted passages."""
        return any(start < offset < end for start, end in self.quoted)

    @cached_property
    def words(self) -> frozenset[str]:
        return word_set(self.lower)

    def literal_memo(self, lowered: bool) -> LiteralMemo:
        """Literal tests on the (lower-cased) text, remembered for this check; for the lower-cased text a
        literal of word characters only is looked up in the distinct words joined by NUL (found there
        exactly when it occurs in the text, and the words are usually much shorter than the text)."""
        key = "_memo_lower" if lowered else "_memo_text"
        cached = self.__dict__.get(key)
        if cached is None:
            if lowered:
                cached = LiteralMemo(self.lower, "\0".join(self.words) if "_" not in self.lower else "")
            else:
                cached = LiteralMemo(self.text)
            self.__dict__[key] = cached
        return cached

    def present_literals(self) -> set[int] | None:
        """Ids of the engine's prefilter literals in the lower-cased text (None: no index, or a text so
        long that the scans of :meth:`literal_memo` are cheaper)."""
        cached = self.__dict__.get("_present")
        if cached is None and self._literals is not None and len(self.lower) <= LONG_TEXT:
            cached = self.__dict__["_present"] = self._literals.present(self.lower, self.words)
        return cached

    @cached_property
    def sentences(self) -> Sentences:
        return Sentences(self.text)

    def sentence_text(self, offset: int) -> tuple[int, str]:
        start, end = self.sentences.around(offset)
        return start, self.text[start:end]

    def sentence_lower(self, offset: int) -> tuple[int, str]:
        start, end = self.sentences.around(offset)
        return start, self.lower[start:end]

    def masked_kinds(self) -> frozenset[str]:
        return frozenset(span.kind for span in self.masked_spans)


class TextSnapshot:
    """A short text prepared for a matcher without the engine's literal index or scan caches (the comment
    a reply answers, or a text in a test)."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.lower = lower_text(text)
        self.words = word_set(self.lower)

    def literal_memo(self, lowered: bool) -> None:
        return None

    def present_literals(self) -> None:
        return None
