"""The health-topic library: evidence-based topics with ready posts and citations.

Practices are told to share accurate health information and to name their sources, so every topic
carries its citations, an evidence note and a review-by date, and the loader refuses a topic that
lacks any of them rather than letting an incomplete topic reach a post. The shipped library is one
TOML file per category under ``resources/topics/``; a practice can also share its own topics as a
JSON "topic pack", which goes through exactly the same validation.

This module is pure Python (no Qt, no SQLAlchemy) so the CLI, the services and the tests can use it.
"""

from __future__ import annotations

import re
import tomllib
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

__all__ = [
    "AUDIENCES",
    "PACK_FORMAT",
    "PACK_VERSION",
    "POST_LENGTHS",
    "X_LIMIT",
    "X_URL_LENGTH",
    "Citation",
    "Topic",
    "TopicFileError",
    "TopicPost",
    "load_topic_file",
    "load_topic_library",
    "topics_from_pack",
    "topics_to_pack",
    "x_length",
]

#: Who a topic is written for; the library screen filters on these words.
AUDIENCES = frozenset({"general", "adults", "parents", "children", "teens", "older-adults", "women", "men"})
#: "short" must fit X; "medium" and "long" are for Facebook, LinkedIn and Instagram.
POST_LENGTHS = ("short", "medium", "long")
#: X's limit in weighted characters.
X_LIMIT = 280
#: X shortens every link to t.co, which always counts as 23 characters whatever the link's length.
X_URL_LENGTH = 23
#: Marker and version of the JSON topic-pack format, so an unrelated JSON file is refused clearly.
PACK_FORMAT = "clinic-composer-topic-pack"
PACK_VERSION = 1

_ID_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_HASHTAG_RE = re.compile(r"^#\w+$")
# A link as X sees it: with a scheme, or a bare domain with a common top-level domain.
_URL_RE = re.compile(
    r"https?://[^\s]+"
    r"|\b(?:[a-z0-9-]+\.)+(?:com|org|gov|edu|net|int|us|io|info|health)(?:/[^\s]*)?",
    re.IGNORECASE,
)
# twitter-text v3 counts these code-point ranges as 1 and everything else (CJK, emoji) as 2.
_X_LIGHT_RANGES = ((0, 4351), (8192, 8205), (8208, 8223), (8242, 8247))
_MIN_CITATION_YEAR = 1990


def x_length(text: str) -> int:
    """Return the length X will count for ``text``.

    X normalises to NFC, counts every link as 23 characters and weighs emoji and CJK characters
    double (twitter-text v3). Counting ``len()`` alone lets a post with an emoji or a long link be
    cut off when it is published, so the library uses this count for its "fits X" rule.
    """
    normalized = unicodedata.normalize("NFC", text)
    total = 0
    position = 0
    for match in _URL_RE.finditer(normalized):
        total += _weighted(normalized[position : match.start()]) + X_URL_LENGTH
        position = match.end()
    return total + _weighted(normalized[position:])


def _weighted(text: str) -> int:
    # An emoji with a variation selector or a joiner sequence is still one "character" to X; count
    # each code point that is not a joiner/selector, which errs on the long (safe) side.
    total = 0
    for char in text:
        code = ord(char)
        if char in "\u200d\ufe0f\ufe0e":
            continue
        light = any(low <= code <= high for low, high in _X_LIGHT_RANGES)
        total += 1 if light else 2
    return total


class TopicFileError(ValueError):
    """A topic file or pack is malformed; the message names the file, the topic and the field.

    One sentence with all three lets the person who edits the data file (or imports a colleague's
    pack) go straight to the line to fix, without a traceback.
    """

    def __init__(self, source: str, topic_id: str | None, field: str, problem: str) -> None:
        self.source = source
        self.topic_id = topic_id
        self.field = field
        self.problem = problem
        where = f"topic '{topic_id}'" if topic_id else "the file itself"
        super().__init__(f"{source}: in {where}, field '{field}' {problem}.")


@dataclass(frozen=True, slots=True)
class Citation:
    """One authoritative source behind a topic (who said it, where, and when we last checked)."""

    organization: str
    short: str
    title: str
    url: str
    year: int
    accessed: date


@dataclass(frozen=True, slots=True)
class TopicPost:
    """A ready-to-use post text; ``length`` is "short" (fits X), "medium" or "long"."""

    length: str
    text: str

    @property
    def x_length(self) -> int:
        """The weighted length X would count (links as 23)."""
        return x_length(self.text)

    @property
    def fits_x(self) -> bool:
        """Whether this text can be posted on X without being cut."""
        return x_length(self.text) <= X_LIMIT


@dataclass(frozen=True, slots=True)
class Topic:
    """One health topic: plain-language points, ready posts and the evidence behind them."""

    id: str
    title: str
    category: str
    category_label: str
    summary: str
    audience: tuple[str, ...]
    observances: tuple[str, ...]
    months: tuple[int, ...]
    key_points: tuple[str, ...]
    hashtags: tuple[str, ...]
    evidence: str
    review_by: date
    posts: tuple[TopicPost, ...]
    citations: tuple[Citation, ...]

    def is_due_for_review(self, today: date) -> bool:
        """True once ``today`` reaches the review-by date.

        Guidance changes (vaccine schedules most of all), so the library flags a topic for a
        clinician to re-check instead of letting stale advice go out.
        """
        return today >= self.review_by

    def short_post(self) -> TopicPost:
        """Return the post to use on X: the first "short" one that fits, else any that fits.

        The loader guarantees at least one post fits X, so this never fails for a loaded topic.
        """
        for post in self.posts:
            if post.length == "short" and post.fits_x:
                return post
        for post in self.posts:
            if post.fits_x:
                return post
        raise LookupError(f"topic '{self.id}' has no post that fits X")


# --------------------------------------------------------------------------------------------------
# Validation. Every reader (TOML file, JSON pack) funnels through _parse_topic so the rules are one.


class _Reader:
    """Pulls typed fields out of one raw table and reports problems with file, topic and field."""

    def __init__(self, source: str, topic_id: str | None) -> None:
        self.source = source
        self.topic_id = topic_id

    def fail(self, field: str, problem: str) -> TopicFileError:
        return TopicFileError(self.source, self.topic_id, field, problem)

    def text(self, raw: Mapping[str, Any], key: str, field: str | None = None) -> str:
        name = field or key
        if key not in raw:
            raise self.fail(name, "is missing")
        value = raw[key]
        if not isinstance(value, str):
            raise self.fail(name, f"must be text, not {type(value).__name__}")
        value = value.strip()
        if not value:
            raise self.fail(name, "is empty")
        return value

    def text_list(
        self, raw: Mapping[str, Any], key: str, *, minimum: int = 0, allow_missing: bool = False
    ) -> tuple[str, ...]:
        if key not in raw:
            if allow_missing:
                return ()
            raise self.fail(key, "is missing")
        value = raw[key]
        if not isinstance(value, list):
            raise self.fail(key, f"must be a list, not {type(value).__name__}")
        items: list[str] = []
        for index, item in enumerate(value):
            if not isinstance(item, str) or not item.strip():
                raise self.fail(f"{key}[{index}]", "must be non-empty text")
            items.append(item.strip())
        if len(items) < minimum:
            raise self.fail(key, f"needs at least {minimum} item(s), found {len(items)}")
        return tuple(items)

    def day(self, raw: Mapping[str, Any], key: str, field: str | None = None) -> date:
        name = field or key
        if key not in raw:
            raise self.fail(name, "is missing")
        value = raw[key]
        # TOML gives a date; JSON gives "YYYY-MM-DD". A datetime is a date subclass but is not a day.
        if isinstance(value, date) and not isinstance(value, datetime):
            return value
        if isinstance(value, str):
            try:
                return date.fromisoformat(value.strip())
            except ValueError:
                pass
        raise self.fail(name, f"must be a date written YYYY-MM-DD, not {value!r}")

    def integer(self, raw: Mapping[str, Any], key: str, field: str | None = None) -> int:
        name = field or key
        if key not in raw:
            raise self.fail(name, "is missing")
        value = raw[key]
        if isinstance(value, bool) or not isinstance(value, int):
            raise self.fail(name, f"must be a whole number, not {value!r}")
        return value

    def table_list(self, raw: Mapping[str, Any], key: str) -> list[Mapping[str, Any]]:
        if key not in raw:
            raise self.fail(key, "is missing")
        value = raw[key]
        if not isinstance(value, list):
            raise self.fail(key, "must be a list of tables")
        for index, item in enumerate(value):
            if not isinstance(item, Mapping):
                raise self.fail(f"{key}[{index}]", "must be a table")
        return value


def _parse_topic(raw: Mapping[str, Any], *, source: str, index: int, category: str, category_label: str) -> Topic:
    # Name the topic by its position until its id is known, so even a missing id is locatable.
    reader = _Reader(source, f"#{index + 1}")
    topic_id = reader.text(raw, "id")
    reader.topic_id = topic_id
    if not _ID_RE.match(topic_id):
        raise reader.fail("id", "must be lowercase words joined by hyphens (e.g. 'flu-vaccine')")

    audience = reader.text_list(raw, "audience", minimum=1)
    for position, who in enumerate(audience):
        if who not in AUDIENCES:
            raise reader.fail(f"audience[{position}]", f"must be one of {', '.join(sorted(AUDIENCES))}, not '{who}'")

    months_raw = raw.get("months", [])
    if not isinstance(months_raw, list):
        raise reader.fail("months", "must be a list of month numbers")
    months: list[int] = []
    for position, month in enumerate(months_raw):
        if isinstance(month, bool) or not isinstance(month, int) or not 1 <= month <= 12:
            raise reader.fail(f"months[{position}]", f"must be a month number 1-12, not {month!r}")
        months.append(month)

    hashtags = reader.text_list(raw, "hashtags", minimum=1)
    for position, tag in enumerate(hashtags):
        if not _HASHTAG_RE.match(tag):
            raise reader.fail(f"hashtags[{position}]", f"must be '#' and letters or digits, not '{tag}'")

    posts = _parse_posts(reader, raw)
    citations = _parse_citations(reader, raw)

    return Topic(
        id=topic_id,
        title=reader.text(raw, "title"),
        category=category,
        category_label=category_label,
        summary=reader.text(raw, "summary"),
        audience=audience,
        observances=reader.text_list(raw, "observances", allow_missing=True),
        months=tuple(months),
        key_points=reader.text_list(raw, "key_points", minimum=2),
        hashtags=hashtags,
        evidence=reader.text(raw, "evidence"),
        review_by=reader.day(raw, "review_by"),
        posts=posts,
        citations=citations,
    )


def _parse_posts(reader: _Reader, raw: Mapping[str, Any]) -> tuple[TopicPost, ...]:
    posts: list[TopicPost] = []
    for index, item in enumerate(reader.table_list(raw, "posts")):
        length = reader.text(item, "length", f"posts[{index}].length")
        if length not in POST_LENGTHS:
            raise reader.fail(f"posts[{index}].length", f"must be one of {', '.join(POST_LENGTHS)}, not '{length}'")
        text = reader.text(item, "text", f"posts[{index}].text")
        if length == "short" and x_length(text) > X_LIMIT:
            raise reader.fail(
                f"posts[{index}].text",
                f"is marked short but counts {x_length(text)} characters on X (limit {X_LIMIT})",
            )
        posts.append(TopicPost(length=length, text=text))
    if len(posts) < 2:
        raise reader.fail("posts", f"needs at least 2 posts, found {len(posts)}")
    if not any(post.fits_x for post in posts):
        raise reader.fail("posts", f"needs one post that fits X ({X_LIMIT} characters, links as 23)")
    return tuple(posts)


def _parse_citations(reader: _Reader, raw: Mapping[str, Any]) -> tuple[Citation, ...]:
    citations: list[Citation] = []
    for index, item in enumerate(reader.table_list(raw, "citations")):
        prefix = f"citations[{index}]"
        url = reader.text(item, "url", f"{prefix}.url")
        if not url.startswith("https://") or len(url) <= len("https://") or any(c.isspace() for c in url):
            raise reader.fail(f"{prefix}.url", f"must be a web address starting with https://, not '{url}'")
        accessed = reader.day(item, "accessed", f"{prefix}.accessed")
        year = reader.integer(item, "year", f"{prefix}.year")
        if not _MIN_CITATION_YEAR <= year <= accessed.year:
            raise reader.fail(
                f"{prefix}.year",
                f"must be between {_MIN_CITATION_YEAR} and the year it was accessed ({accessed.year}), not {year}",
            )
        citations.append(
            Citation(
                organization=reader.text(item, "organization", f"{prefix}.organization"),
                short=reader.text(item, "short", f"{prefix}.short"),
                title=reader.text(item, "title", f"{prefix}.title"),
                url=url,
                year=year,
                accessed=accessed,
            )
        )
    if len(citations) < 2:
        raise reader.fail("citations", f"needs at least 2 citations, found {len(citations)}")
    urls = [citation.url for citation in citations]
    if len(set(urls)) != len(urls):
        raise reader.fail("citations", "lists the same web address twice")
    return tuple(citations)


def _check_unique(topics: Iterable[tuple[str, Topic]], seen: dict[str, str] | None = None) -> None:
    """Raise if two topics share an id; ``seen`` maps id to the source that first used it."""
    first_source = {} if seen is None else seen
    for source, topic in topics:
        if topic.id in first_source:
            raise TopicFileError(source, topic.id, "id", f"duplicates the id already used in {first_source[topic.id]}")
        first_source[topic.id] = source


def _parse_category_table(data: Mapping[str, Any], *, source: str, default_category: str | None) -> list[Topic]:
    reader = _Reader(source, None)
    if "category" not in data and default_category is not None:
        category = default_category
    else:
        category = reader.text(data, "category")
    if not _ID_RE.match(category):
        raise reader.fail("category", "must be lowercase words joined by hyphens")
    label = reader.text(data, "label")
    topics = [
        _parse_topic(raw, source=source, index=index, category=category, category_label=label)
        for index, raw in enumerate(reader.table_list(data, "topics"))
    ]
    _check_unique((source, topic) for topic in topics)
    return topics


def load_topic_file(path: Path | str) -> list[Topic]:
    """Load and validate one category file (``resources/topics/<category>.toml``)."""
    file_path = Path(path)
    source = str(file_path)
    try:
        with file_path.open("rb") as handle:
            data = tomllib.load(handle)
    except OSError as error:
        raise TopicFileError(source, None, "(file)", f"cannot be read ({error.strerror or error})") from error
    except tomllib.TOMLDecodeError as error:
        raise TopicFileError(source, None, "(file)", f"is not valid TOML ({error})") from error
    return _parse_category_table(data, source=source, default_category=file_path.stem)


def load_topic_library(folder: Path | None = None) -> list[Topic]:
    """Load every ``*.toml`` file in ``folder`` (default: the shipped ``resources/topics``).

    Ids must be unique across all files, because posts and the calendar refer to topics by id.
    Files load in name order so the result (and any error) is the same on every machine.
    """
    if folder is None:
        from composer.resources import resource_path

        folder = resource_path("topics")
    topics: list[Topic] = []
    seen: dict[str, str] = {}
    for file_path in sorted(Path(folder).glob("*.toml")):
        loaded = load_topic_file(file_path)
        _check_unique(((str(file_path), topic) for topic in loaded), seen)
        topics.extend(loaded)
    return topics


# --------------------------------------------------------------------------------------------------
# Topic packs: JSON-friendly dictionaries a practice can export and a colleague can import.


def topics_to_pack(topics: Sequence[Topic]) -> dict[str, Any]:
    """Return a JSON-serialisable pack of ``topics`` (dates as ISO text).

    Each topic carries its own category and label, so a pack can mix categories and needs no
    companion file; ``topics_from_pack`` reads it back to equal ``Topic`` objects.
    """
    return {
        "format": PACK_FORMAT,
        "version": PACK_VERSION,
        "topics": [
            {
                "id": topic.id,
                "title": topic.title,
                "category": topic.category,
                "category_label": topic.category_label,
                "summary": topic.summary,
                "audience": list(topic.audience),
                "observances": list(topic.observances),
                "months": list(topic.months),
                "key_points": list(topic.key_points),
                "hashtags": list(topic.hashtags),
                "evidence": topic.evidence,
                "review_by": topic.review_by.isoformat(),
                "posts": [{"length": post.length, "text": post.text} for post in topic.posts],
                "citations": [
                    {
                        "organization": citation.organization,
                        "short": citation.short,
                        "title": citation.title,
                        "url": citation.url,
                        "year": citation.year,
                        "accessed": citation.accessed.isoformat(),
                    }
                    for citation in topic.citations
                ],
            }
            for topic in topics
        ],
    }


def topics_from_pack(data: Mapping[str, Any], source: str) -> list[Topic]:
    """Validate a topic pack (as parsed from JSON) and return its topics.

    ``source`` names where the pack came from (a file name, "clipboard") for error messages. A
    shared pack is held to the same rules as the shipped library: a colleague's topic without
    citations is refused, not imported half-checked.
    """
    reader = _Reader(source, None)
    if not isinstance(data, Mapping):
        raise reader.fail("(file)", "must hold a JSON object")
    if data.get("format") != PACK_FORMAT:
        raise reader.fail("format", f"must be '{PACK_FORMAT}' (this is not a Clinic Composer topic pack)")
    version = data.get("version")
    if version != PACK_VERSION:
        raise reader.fail("version", f"must be {PACK_VERSION}; this version of the app cannot read {version!r}")
    topics: list[Topic] = []
    for index, raw in enumerate(reader.table_list(data, "topics")):
        topic_reader = _Reader(source, f"#{index + 1}")
        category = topic_reader.text(raw, "category")
        if not _ID_RE.match(category):
            raise topic_reader.fail("category", "must be lowercase words joined by hyphens")
        label = topic_reader.text(raw, "category_label")
        topics.append(_parse_topic(raw, source=source, index=index, category=category, category_label=label))
    _check_unique((source, topic) for topic in topics)
    return topics
