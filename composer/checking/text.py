"""Offset-preserving text helpers: masking the account's own details and finding sentence bounds.

Every transformation here keeps the string length and every code point's position, so a span found in
the masked text is a valid span of the draft the user sees. This is what lets the detectors be simple
regular expressions without ever flagging the practice's own phone number or a staff member's name.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from composer.checking.fastre import compile_fast, lower_pattern, lower_text, word_set
from composer.checking.model import PracticeContext

#: Placeholder for masked characters: not a letter, digit, space or sentence mark, so no detector
#: pattern matches it and sentence splitting is unaffected.
MASK = "\u2022"

_TITLE = r"(?:dr|doctor|nurse|np|pa|mr|mrs|ms|miss|mx)\.?"
#: Just after a month's short form and its dot, as written before a day ("Dec. 27", "sept. 9"): one lookbehind
#: per form (a lookbehind has one width).
_AFTER_SHORT_MONTH = "(?:" + "|".join(rf"(?<=\b[{m[0].upper()}{m[0]}]{m[1:]}\.)" for m in (
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec")) + ")"
# Each alternative starts with a literal character, so the regex engine can skip to candidates fast
# (a leading ``[!?]+`` would make it try every position): same matches as
# ``[!?]+["'”’)\]]*(?=\s|$)|\.+["'”’)\]]*(?=\s+[^a-z\s]|\s*$)|\n``.
_SENTENCE_END = compile_fast(
    r"![!?]*[\"'”’)\]]*(?=\s|$)|\?[!?]*[\"'”’)\]]*(?=\s|$)"
    # a lone capital's dot or a title's ("J. Tran", "1907 N. Walnut Street", "Mr. Abernathy") ends no sentence
    r"|\.(?<![\s(][A-Z]\.)(?<!\A[A-Z]\.)(?<!\b[DM]r\.)(?<!\bMs\.)(?<!\bMrs\.)"
    # nor does a short month's before its day ("closed Dec. 25 and back Saturday, Dec. 27")
    rf"(?!{_AFTER_SHORT_MONTH}\s+\d)\.*[\"'”’)\]]*(?=\s+[^a-z\s]|\s*$)|\n"
)
_URL = compile_fast(
    r"(?:https?://|www\.)[^\s<>\"]{1,2000}|(?<![a-z0-9.-])[a-z0-9][a-z0-9-]{0,62}(?:\.[a-z0-9-]{1,63}){0,4}"
    r"\.(?:com|org|net|edu|gov|example|health|io|co|us|info|biz|ly|me|care)\b(?:/[^\s<>\"]{0,2000})?",
    re.IGNORECASE,
)
_EMAIL = compile_fast(r"\b[\w.+-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63}){1,8}\b")
_HANDLE = compile_fast(r"(?<![\w@])@\w{1,50}")
_HASHTAG = compile_fast(r"(?<![\w#&])#\w{1,100}")


@dataclass(frozen=True, slots=True)
class MaskedSpan:
    """A region replaced by placeholders, with what it was (``practice``, ``staff``, ``phone``...)."""

    start: int
    end: int
    kind: str


def _digits(value: str) -> str:
    return "".join(ch for ch in value if ch.isdigit())


def _phone_pattern(phone: str) -> re.Pattern[str] | None:
    """A pattern matching one phone number in any common punctuation: (555) 201-3300, 555.201.3300..."""
    digits = _digits(phone)
    if len(digits) == 11 and digits.startswith("1"):
        digits = digits[1:]
    if len(digits) != 10:
        return None
    a, b, c = digits[:3], digits[3:6], digits[6:]
    return compile_fast(_spelled_out_phone(a, b, c))


#: After the practice's first word, the place-words that make it the name of somewhere else.
_NOT_A_PLACE_NEXT = (
    r"(?!\s+(?:high|middle|elementary|academy|school|college|university|park|apartments|road|rd|street|"
    r"avenue|ave|lane|ln|drive|church|library|mall|plaza|estates|village|township|county|lake|creek|farms?|"
    r"mill|hs|jv|varsity)\b)"
)


def _handle_or_word(word: str) -> str:
    r"""``[@#]?word\w{0,20}`` spelled out as ``[@#]word\w{0,20}|word\w{0,20}`` (the order in which the
    optional prefix is tried): the same matches, but a plain start ``re`` can skip ahead to."""
    body = rf"{re.escape(word)}\w{{0,20}}"
    return rf"[@#]{body}|{body}"


def _spelled_out_phone(a: str, b: str, c: str) -> str:
    r"""``(?:\+?1[\s.-]?)?(?:\(\s?a\s?\)|a)[\s.-]?b[\s.-]?c(?!\d)`` with its optional country code and
    area-code choice spelled out as alternatives, in the order the compact form tries them (with "+1",
    with "1", then without, each with the bracketed area code first): the same matches, but every
    alternative starts with a plain character, so ``re`` skips ahead to those instead of trying the
    optional prefix at every offset (a tenth of the time of masking a post went there)."""
    area = rf"(?:\(\s?{a}\s?\)|{a})"
    rest = rf"[\s.-]?{b}[\s.-]?{c}(?!\d)"
    return rf"\+1[\s.-]?{area}{rest}|1[\s.-]?{area}{rest}|\(\s?{a}\s?\){rest}|{a}{rest}"


def _name_words(full: str) -> list[str]:
    """A staff member's name without its title: "Dr. Anika Patel" gives Anika, Patel."""
    words = [w for w in re.split(r"\s+", full.strip()) if w]
    return words[1:] if words and re.fullmatch(_TITLE, words[0], re.IGNORECASE) else words


def _name_variants(full: str) -> list[str]:
    """Ways a staff member is named in a draft: "Dr. Anika Patel", "Dr. Patel", "Anika", "Patel"."""
    if not full.strip():
        return []
    core = _name_words(full)
    variants = {full.strip()}
    if core:
        variants.add(" ".join(core))
        variants.update(core)
        for title in ("Dr.", "Dr", "Doctor", "Nurse", "NP", "Mr.", "Mrs.", "Ms."):
            variants.add(f"{title} {core[-1]}")
            variants.add(f"{title} {core[0]}")
            variants.add(f"{title} {' '.join(core)}")
    return sorted((v for v in variants if len(v) >= 2), key=len, reverse=True)


def _given_name_guard(full: str) -> tuple[str, str]:
    """The given name of a staff member who has a surname, and a look-ahead refusing it alone when another
    surname's initial follows ("Marcus T." is not Dr. Marcus Reed); ("", "") for a name of one word."""
    core = _name_words(full)
    if len(core) < 2 or not core[-1][:1].isalpha():
        return "", ""
    return core[-2], rf"(?!\s+(?!{re.escape(core[-1][0])}\.)[A-Za-z]\.(?!\w))"


def _anchor(pattern_text: str) -> str:
    """The longest plain word of a literal value, lower-cased: a cheap test before any regex runs."""
    words = re.findall(r"[A-Za-z]{2,}|\d{3,}", pattern_text)
    return max(words, key=len).lower() if words else pattern_text.lower()


class Masker:
    """Compiled once per practice context; masks the account's own identity in a draft.

    Each alternative has an anchor word; only alternatives whose anchor occurs in the (lower-cased)
    draft are combined into the regex that runs, so a draft that names nobody costs a few ``in`` tests.
    """

    def __init__(self, context: PracticeContext) -> None:
        patterns: list[tuple[str, str, str]] = []  # (regex, kind, anchor)
        for kind, value in (("phone", context.phone), ("fax", context.fax)):
            compiled = _phone_pattern(value) if value else None
            if compiled is not None:
                patterns.append((compiled.pattern, kind, _digits(value)[-4:]))
        if context.email:
            patterns.append((re.escape(context.email), "email", context.email.lower()))
        if context.website:
            site = re.sub(r"^(?:https?://)?(?:www\.)?", "", context.website.strip()).rstrip("/")
            if site:
                patterns.append(
                    (rf"(?:https?://)?(?:www\.)?{re.escape(site)}(?:/[^\s<>\"]{{0,500}})?", "website", site.lower())
                )
        if context.address:
            parts = [p.strip() for p in context.address.split(",") if p.strip()]
            if parts:
                patterns.append((re.escape(context.address.strip()), "address", _anchor(parts[0])))
                patterns.append((re.escape(parts[0]), "address", _anchor(parts[0])))
            zip_match = re.search(r"\b\d{5}(?:-\d{4})?\b", context.address)
            if zip_match:
                patterns.append((re.escape(zip_match.group()), "address", zip_match.group()))
        if context.name:
            name = context.name.strip()
            patterns.append((re.escape(name), "practice", _anchor(name)))
            first = name.split()[0]
            if len(first) >= 4 and first.lower() not in _GENERIC_PRACTICE_WORDS:
                # "Riverbend", "RiverbendFM", "@RiverbendFM", "#RiverbendCares", but not "Riverbend High" or
                # "Riverbend Apartments": a town's word names its schools and streets too.
                patterns.append((_handle_or_word(first) + _NOT_A_PLACE_NEXT, "practice", first.lower()))
            initials = "".join(w[0] for w in name.split() if w[:1].isalpha())
            if len(initials) >= 3:
                patterns.append((rf"{re.escape(initials)}(?!\w)", "practice", initials.lower()))
        people = list(context.staff)
        if context.personal_owner:
            people.append(context.personal_owner)
        for person in people:
            given, guard = _given_name_guard(person)
            for variant in _name_variants(person):
                escaped = r"\s+".join(re.escape(part) for part in variant.split())
                after = guard if variant == given else ""
                # No leading look-behind: a literal start lets the regex engine skip ahead fast; the
                # word boundary before the match is checked in mask().
                patterns.append((rf"{escaped}(?!\w){after}", "staff", _anchor(variant.split()[-1])))
        self._patterns = patterns
        self._compiled: dict[int, re.Pattern[str]] = {}
        self._word_anchors: dict[str, list[int]] = {}
        self._other_anchors: dict[str, list[int]] = {}
        for index, (_, _, anchor) in enumerate(patterns):
            table = self._word_anchors if anchor.isalnum() else self._other_anchors
            table.setdefault(anchor, []).append(index)

    def _regex(self, index: int) -> re.Pattern[str]:
        regex = self._compiled.get(index)
        if regex is None:
            regex = self._compiled[index] = compile_fast(lower_pattern(self._patterns[index][0]))
        return regex

    def mask(
        self, text: str, lowered: str | None = None, words: frozenset[str] | None = None
    ) -> tuple[str, tuple[MaskedSpan, ...]]:
        """Return the draft with the account's own details replaced by placeholders of equal length."""
        if not self._patterns or not text:
            return text, ()
        if lowered is None:
            lowered = lower_text(text)
        if words is None:
            words = word_set(lowered)
        hits: list[int] = []
        for anchor in words.intersection(self._word_anchors):
            hits.extend(self._word_anchors[anchor])
        for anchor, indices in self._other_anchors.items():
            if anchor in lowered:
                hits.extend(indices)
        if not hits:
            return text, ()
        found: list[tuple[int, int, str]] = []
        for index in sorted(set(hits)):
            kind = self._patterns[index][1]
            for match in self._regex(index).finditer(lowered):
                start, end = match.span()
                if end > start and (start == 0 or not (lowered[start - 1].isalnum() or lowered[start - 1] == "_")
                                    or kind in ("phone", "fax", "email", "website")):
                    found.append((start, -end, kind))
        found.sort()
        spans: list[MaskedSpan] = []
        pieces: list[str] = []
        last = 0
        for start, negative_end, kind in found:
            end = -negative_end
            if start < last:
                continue  # overlaps a longer mask found first
            spans.append(MaskedSpan(start, end, kind))
            pieces.append(text[last:start])
            pieces.append(MASK * (end - start))
            last = end
        if not spans:
            return text, ()
        pieces.append(text[last:])
        return "".join(pieces), tuple(spans)


_GENERIC_PRACTICE_WORDS = frozenset(
    {"the", "family", "medical", "medicine", "health", "clinic", "care", "community", "city", "north",
     "south", "east", "west", "central", "primary", "pediatric", "pediatrics", "dental", "women's"}
)


def mask_web(text: str) -> str:
    """Mask URLs, e-mail addresses, @handles and #hashtags (for spelling and prose rules)."""
    for regex in (_EMAIL, _URL, _HANDLE, _HASHTAG):
        text = regex.sub(lambda m: MASK * (m.end() - m.start()), text)
    return text


class Sentences:
    """Sentence bounds of a text, found once and looked up by offset in O(log n)."""

    __slots__ = ("bounds", "starts")

    def __init__(self, text: str) -> None:
        bounds: list[tuple[int, int]] = []
        start = 0
        length = len(text)
        for match in _SENTENCE_END.finditer(text):
            end = match.end()
            while start < end and text[start].isspace():
                start += 1  # a sentence starts at its first word, so "^" in a rule means "first word"
            if end > start:
                bounds.append((start, end))
            start = end
        while start < length and text[start].isspace():
            start += 1
        if start < length:
            bounds.append((start, length))
        if not bounds:
            bounds.append((0, len(text)))
        self.bounds = bounds
        self.starts = [b[0] for b in bounds]

    def with_neighbours(self, offset: int) -> tuple[int, int]:
        """The sentence holding ``offset`` with the ones before and after it: where a source is named
        ("According to the CDC, ...") or a myth is refuted ("... ? False.")."""
        index = max(0, bisect_right(self.starts, offset) - 1)
        return self.bounds[max(0, index - 1)][0], self.bounds[min(len(self.bounds) - 1, index + 1)][1]

    def around(self, offset: int) -> tuple[int, int]:
        """The (start, end) of the sentence holding ``offset``."""
        index = max(0, bisect_right(self.starts, offset) - 1)
        return self.bounds[index]


def hashtag_spans(text: str) -> list[tuple[int, int]]:
    """Spans of every #hashtag."""
    return [m.span() for m in _HASHTAG.finditer(text)]


def hashtag_clusters(text: str, minimum: int = 3) -> list[tuple[int, int]]:
    """Runs of ``minimum`` or more hashtags separated only by spaces: where disclosures get buried."""
    clusters: list[tuple[int, int]] = []
    run: list[tuple[int, int]] = []
    for span in hashtag_spans(text):
        if run and text[run[-1][1] : span[0]].strip():
            if len(run) >= minimum:
                clusters.append((run[0][0], run[-1][1]))
            run = []
        run.append(span)
    if len(run) >= minimum:
        clusters.append((run[0][0], run[-1][1]))
    return clusters
