"""The topic library as the app uses it: shipped topics plus the practice's own, searchable as you type.

The shipped library (``resources/topics``) is read once per process because it never changes while the
app runs; the practice's own topics live in the database so every workstation sees the same ones. A
practice topic whose id equals a shipped topic's id *shadows* it: a practice that rewrote "flu vaccine"
for its own patients should never see two versions side by side.

Practice topics, imported packs and the "New topic" form all pass through
:func:`composer.domain.topics.topics_from_pack`, so one set of rules decides what a valid topic is.
No Qt and no SQLAlchemy here (DESIGN.md 1): the view and the CLI share this module.
"""

from __future__ import annotations

import json
import os
import re
import tempfile
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from composer.domain.errors import ComposerError
from composer.domain.model import User
from composer.domain.topics import (
    PACK_FORMAT,
    PACK_VERSION,
    Citation,
    Topic,
    TopicFileError,
    TopicPost,
    load_topic_library,
    topics_from_pack,
    topics_to_pack,
)

if TYPE_CHECKING:  # only for hints: listing the shipped library must not load the database layer
    from composer.services.workspace import Workspace

__all__ = [
    "DraftSeed",
    "ImportResult",
    "NoPracticeError",
    "TopicLibrary",
    "TopicPackError",
    "delete_practice_topic",
    "export_pack",
    "import_pack",
    "save_practice_topic",
    "seed_from_topic",
    "shipped_topics",
    "slugify",
    "topic_from_form",
]


class TopicPackError(ComposerError):
    """A topic pack or form is invalid; one sentence naming the file (or form), the topic and the field.

    Wraps :class:`TopicFileError` so the GUI and CLI, which catch ``ComposerError``, show it as-is,
    while the dialog can still point at the offending field through ``.field``.
    """

    def __init__(self, message: str, *, field: str = "", topic_id: str | None = None, problem: str = "") -> None:
        super().__init__(message)
        self.field = field
        self.topic_id = topic_id
        self.problem = problem

    @classmethod
    def wrap(cls, error: TopicFileError) -> TopicPackError:
        return cls(str(error), field=error.field, topic_id=error.topic_id, problem=error.problem)


class NoPracticeError(ComposerError):
    """Practice topics belong to a practice; an empty database has none to attach them to."""


@cache
def shipped_topics() -> tuple[Topic, ...]:
    """The shipped library, loaded and validated once per process (it is read-only while running)."""
    try:
        return tuple(load_topic_library())
    except TopicFileError as error:
        raise TopicPackError.wrap(error) from error


def _fold(text: str) -> str:
    """Lower-case and strip accents so "sante" finds "santé" and "Flu" finds "flu"."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(char for char in decomposed if not unicodedata.combining(char))


@dataclass(frozen=True, slots=True)
class _Entry:
    """A topic with its search text folded once, so each keystroke only does substring tests."""

    topic: Topic
    practice: bool
    title: str
    blob: str


def _entry(topic: Topic, practice: bool) -> _Entry:
    parts = [
        topic.title,
        topic.summary,
        topic.category_label,
        *topic.key_points,
        *topic.hashtags,
        *topic.observances,
        *topic.audience,
    ]
    return _Entry(topic, practice, _fold(topic.title), _fold("\n".join(parts)))


class TopicLibrary:
    """Shipped plus practice topics, in a stable order (shipped order, then practice-only topics by id)."""

    def __init__(self, shipped: Iterable[Topic], practice: Iterable[Topic] = (), problems: Sequence[str] = ()) -> None:
        own = {topic.id: topic for topic in practice}
        entries = [_entry(own.pop(t.id), True) if t.id in own else _entry(t, False) for t in shipped]
        entries += [_entry(topic, True) for topic in sorted(own.values(), key=lambda t: t.title.casefold())]
        self._entries = entries
        self._by_id = {entry.topic.id: entry for entry in entries}
        #: Stored practice topics that no longer pass validation (one sentence each), shown as a warning.
        self.problems: tuple[str, ...] = tuple(problems)

    @classmethod
    def load(cls, workspace: Workspace | None) -> TopicLibrary:
        """The shipped library plus, when a workspace with a practice is open, the practice's topics."""
        if workspace is None:
            return cls(shipped_topics())
        practice_topics, problems = _stored_practice_topics(workspace)
        return cls(shipped_topics(), practice_topics, problems)

    def all(self) -> list[Topic]:
        return [entry.topic for entry in self._entries]

    def get(self, topic_id: str) -> Topic | None:
        entry = self._by_id.get(topic_id)
        return entry.topic if entry else None

    def is_practice_topic(self, topic_id: str) -> bool:
        entry = self._by_id.get(topic_id)
        return bool(entry and entry.practice)

    def practice_topics(self) -> list[Topic]:
        return [entry.topic for entry in self._entries if entry.practice]

    def search(
        self,
        query: str = "",
        *,
        category: str | None = None,
        month: int | None = None,
        audience: str | None = None,
    ) -> list[Topic]:
        """Topics matching every word of ``query`` and every given filter; title matches come first.

        A word matches as a substring, so "vacc" finds vaccines while typing. Plain substring tests
        over a pre-folded blob keep this well under a millisecond for the library's size, so the view
        can filter on every keystroke without a debounce.
        """
        words = _fold(query).split()
        hits: list[tuple[int, Topic]] = []
        for entry in self._entries:
            topic = entry.topic
            if category and topic.category != category:
                continue
            if month and month not in topic.months:
                continue
            if audience and audience not in topic.audience:
                continue
            if not all(word in entry.blob for word in words):
                continue
            hits.append((sum(word in entry.title for word in words), topic))
        # Stable sort: more query words in the title first, library order within a rank.
        hits.sort(key=lambda hit: -hit[0])
        return [topic for _rank, topic in hits]

    def categories(self) -> list[tuple[str, str]]:
        """(id, label) pairs in library order, for the category filter."""
        seen: dict[str, str] = {}
        for entry in self._entries:
            seen.setdefault(entry.topic.category, entry.topic.category_label)
        return list(seen.items())

    def audiences(self) -> list[str]:
        return sorted({who for entry in self._entries for who in entry.topic.audience})

    def due_for_review(self, today: date) -> list[Topic]:
        return [entry.topic for entry in self._entries if entry.topic.is_due_for_review(today)]

    def unique_id(self, title: str) -> str:
        """A new id for ``title`` that shadows nothing: a new topic must not silently replace another."""
        base = slugify(title)
        candidate, number = base, 2
        while candidate in self._by_id:
            candidate, number = f"{base}-{number}", number + 1
        return candidate


def slugify(title: str) -> str:
    """Lowercase words joined by hyphens, the id form the topic rules require."""
    words = re.findall(r"[a-z0-9]+", _fold(title))
    return "-".join(words)[:60].strip("-") or "topic"


def _pack(raw_topics: Sequence[Any]) -> dict[str, Any]:
    return {"format": PACK_FORMAT, "version": PACK_VERSION, "topics": list(raw_topics)}


def _stored_practice_topics(workspace: Workspace) -> tuple[list[Topic], list[str]]:
    with workspace.store() as store:
        practice = store.practices.first()
        stored = store.vocabulary.topics(practice.id) if practice else []
    topics: list[Topic] = []
    problems: list[str] = []
    for item in stored:
        try:
            topics.extend(topics_from_pack(_pack([item.data]), f"practice topic '{item.slug}'"))
        except TopicFileError as error:
            problems.append(str(error))
    return topics, problems


# --------------------------------------------------------------------------------------------------
# From a topic to a draft.


@dataclass(frozen=True)
class DraftSeed:
    """What "Use in draft" hands the composer: the text and the citations that back its claims."""

    text: str
    citations: tuple[Citation, ...]
    topic_id: str
    topic_title: str


def seed_from_topic(topic: Topic, post: TopicPost | str = "short") -> DraftSeed:
    """Seed a draft from one of ``topic``'s posts, chosen by object or by length.

    "short" falls back to any post that fits X, so a seed for X is always postable there.
    """
    if isinstance(post, TopicPost):
        chosen = post
    else:
        matches = [p for p in topic.posts if p.length == post]
        if matches:
            chosen = matches[0]
        elif post == "short":
            chosen = topic.short_post()
        else:
            raise ValueError(f"topic '{topic.id}' has no {post} post")
    return DraftSeed(chosen.text, topic.citations, topic.id, topic.title)


# --------------------------------------------------------------------------------------------------
# The practice's own topics.


FORM_SOURCE = "The topic form"


def topic_from_form(fields: Mapping[str, Any]) -> Topic:
    """Validate a form's fields, given in the pack's shape, with the shipped library's own rules.

    The pack shape (see :func:`topics_to_pack`) is the one schema for a topic in plain data, so the
    form needs no second description of a topic; raises :class:`TopicPackError` naming the field.
    """
    return _validated(_pack([dict(fields)]), FORM_SOURCE)[0]


def _validated(data: Any, source: str) -> list[Topic]:
    try:
        return topics_from_pack(data, source)
    except TopicFileError as error:
        raise TopicPackError.wrap(error) from error


def _practice_id(store: Any) -> int:
    practice = store.practices.first()
    if practice is None:
        raise NoPracticeError("Set up the practice on the Profiles screen before adding its own topics.")
    return int(practice.id)


def _store_topics(store: Any, practice_id: int, topics: Sequence[Topic]) -> None:
    for raw in topics_to_pack(topics)["topics"]:
        store.vocabulary.save_topic(practice_id, raw["id"], raw)


def save_practice_topic(workspace: Workspace, user: User, topic: Topic) -> Topic:
    """Store (insert or replace) a practice topic after re-validating it, with an audit entry."""
    checked = _validated(topics_to_pack([topic]), f"practice topic '{topic.id}'")[0]
    with workspace.store() as store:
        _store_topics(store, _practice_id(store), [checked])
        store.audit.append("topic.saved", "topic", None, actor_id=user.id, detail={"slug": checked.id})
    return checked


def delete_practice_topic(workspace: Workspace, user: User, topic_id: str) -> bool:
    """Remove a practice topic (a shadowed shipped topic reappears); False if it was already gone."""
    with workspace.store() as store:
        deleted = store.vocabulary.delete_topic(_practice_id(store), topic_id)
        if deleted:
            store.audit.append("topic.deleted", "topic", None, actor_id=user.id, detail={"slug": topic_id})
    return deleted


def export_pack(topics: Sequence[Topic], path: Path | str) -> Path:
    """Write ``topics`` as a JSON pack; a temporary file then ``os.replace`` so a crash never leaves half a file."""
    target = Path(path)
    text = json.dumps(topics_to_pack(topics), ensure_ascii=False, indent=2) + "\n"
    try:
        handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
        try:
            with os.fdopen(handle, "w", encoding="utf-8") as stream:
                stream.write(text)
            os.replace(temporary, target)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
    except OSError as error:
        raise ComposerError(f"Could not write the topic pack {target} ({error.strerror or error}).") from error
    return target


@dataclass(frozen=True)
class ImportResult:
    """Which topic ids an import added and which existing practice topics it replaced."""

    source: str
    added: tuple[str, ...] = ()
    replaced: tuple[str, ...] = ()

    @property
    def count(self) -> int:
        return len(self.added) + len(self.replaced)

    def sentence(self) -> str:
        noun = "topic" if self.count == 1 else "topics"
        extra = f" ({len(self.replaced)} replaced an existing practice topic)" if self.replaced else ""
        return f"Imported {self.count} {noun} from {Path(self.source).name}{extra}."


def read_pack(path: Path | str) -> list[Topic]:
    """Read and validate a whole pack file, raising :class:`TopicPackError` before anything is stored."""
    source = str(path)
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except OSError as error:
        raise TopicPackError(
            f"{source}: in the file itself, field '(file)' cannot be read ({error.strerror or error}).", field="(file)"
        ) from error
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise TopicPackError(
            f"{source}: in the file itself, field '(file)' is not valid JSON ({error}).", field="(file)"
        ) from error
    return _validated(data, source)


def import_pack(workspace: Workspace, user: User, path: Path | str) -> ImportResult:
    """Import every topic of a pack in one transaction, or none if any topic is invalid."""
    topics = read_pack(path)
    with workspace.store() as store:
        practice_id = _practice_id(store)
        existing = {stored.slug for stored in store.vocabulary.topics(practice_id)}
        _store_topics(store, practice_id, topics)
        for topic in topics:
            detail = {"slug": topic.id, "imported_from": Path(path).name}
            store.audit.append("topic.saved", "topic", None, actor_id=user.id, detail=detail)
    ids = [topic.id for topic in topics]
    return ImportResult(
        str(path),
        added=tuple(i for i in ids if i not in existing),
        replaced=tuple(i for i in ids if i in existing),
    )
