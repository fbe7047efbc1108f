"""The per-check snapshot every detector reads, and the lexicons loaded once with the engine."""

from __future__ import annotations

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

    def in_quotes(self, offset: int) -> bool:
        """Whether ``offset`` lies inside quotation marks: someone else's words the draft repeats (a review, a
        patient's card). Straight quotes by parity, curly ones by counting openings against closings."""
        text = self.text
        curly_open = text.count("\u201c", 0, offset) > text.count("\u201d", 0, offset)
        return curly_open or text.count('"', 0, offset) % 2 == 1

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
