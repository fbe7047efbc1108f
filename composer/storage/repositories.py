"""Repositories: the only way services read and write, each handing out frozen domain records.

A :class:`Store` wraps one session (one user action). Services never see SQLAlchemy: they call
``database.store()`` and use the typed repositories on it.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import delete, func, select, text
from sqlalchemy.exc import DatabaseError, OperationalError
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from composer.domain.errors import ConcurrentEditError, NotFoundError
from composer.domain.model import (
    AuditEntry,
    Channel,
    FindingIgnore,
    Platform,
    Post,
    PostCitation,
    PostImage,
    PostKind,
    PostRevision,
    PostStatus,
    Practice,
    Profile,
    ProfileKind,
    Role,
    StaffMember,
    StoredTopic,
    User,
)
from composer.storage import mapping
from composer.storage.audit_chain import entry_hash
from composer.storage.database import Database, translate_error
from composer.storage.records import (
    AuditRecord,
    ChannelRecord,
    FindingIgnoreRecord,
    PostCitationRecord,
    PostImageRecord,
    PostRecord,
    PostRevisionRecord,
    PracticeRecord,
    PracticeTopicRecord,
    PracticeWordRecord,
    ProfileRecord,
    StaffMemberRecord,
    UserRecord,
)

_UNSET = object()


@dataclass
class _Repository:
    session: Session


class PracticeRepository(_Repository):
    def add(self, name: str, **details: str) -> Practice:
        record = PracticeRecord(name=name, **details)
        self.session.add(record)
        self.session.flush()
        return mapping.practice(record)

    def first(self) -> Practice | None:
        record = self.session.scalars(select(PracticeRecord).order_by(PracticeRecord.id)).first()
        return mapping.practice(record) if record else None

    def get(self, practice_id: int) -> Practice:
        record = self.session.get(PracticeRecord, practice_id)
        if record is None:
            raise NotFoundError("That practice no longer exists.")
        return mapping.practice(record)

    def add_staff(self, practice_id: int, name: str, title: str = "") -> StaffMember:
        record = StaffMemberRecord(practice_id=practice_id, name=name, title=title)
        self.session.add(record)
        self.session.flush()
        return mapping.staff_member(record)

    def staff(self, practice_id: int) -> list[StaffMember]:
        rows = self.session.scalars(
            select(StaffMemberRecord).where(StaffMemberRecord.practice_id == practice_id).order_by(StaffMemberRecord.id)
        )
        return [mapping.staff_member(r) for r in rows]


class UserRepository(_Repository):
    def add(self, name: str, role: Role, email: str = "") -> User:
        record = UserRecord(name=name, role=role.value, email=email)
        self.session.add(record)
        self.session.flush()
        return mapping.user(record)

    def get(self, user_id: int) -> User:
        record = self.session.get(UserRecord, user_id)
        if record is None:
            raise NotFoundError("That user no longer exists.")
        return mapping.user(record)

    def all(self) -> list[User]:
        return [mapping.user(r) for r in self.session.scalars(select(UserRecord).order_by(UserRecord.id))]


class ProfileRepository(_Repository):
    def add(
        self,
        practice_id: int,
        kind: ProfileKind,
        display_name: str,
        *,
        owner_id: int | None = None,
        **details: str,
    ) -> Profile:
        record = ProfileRecord(
            practice_id=practice_id, kind=kind.value, display_name=display_name, owner_id=owner_id, **details
        )
        self.session.add(record)
        self.session.flush()
        return mapping.profile(record)

    def get(self, profile_id: int) -> Profile:
        record = self.session.get(ProfileRecord, profile_id)
        if record is None:
            raise NotFoundError("That profile no longer exists.")
        return mapping.profile(record)

    def all(self) -> list[Profile]:
        return [mapping.profile(r) for r in self.session.scalars(select(ProfileRecord).order_by(ProfileRecord.id))]

    def add_channel(self, profile_id: int, platform: Platform, handle: str, secret_ref: str = "") -> Channel:
        record = ChannelRecord(profile_id=profile_id, platform=platform.value, handle=handle, secret_ref=secret_ref)
        self.session.add(record)
        self.session.flush()
        return mapping.channel(record)

    def channels(self, profile_id: int) -> list[Channel]:
        rows = self.session.scalars(
            select(ChannelRecord).where(ChannelRecord.profile_id == profile_id).order_by(ChannelRecord.id)
        )
        return [mapping.channel(r) for r in rows]


class PostRepository(_Repository):
    def add(
        self,
        profile_id: int,
        platform: Platform,
        body: str,
        *,
        kind: PostKind = PostKind.POST,
        in_reply_to: str = "",
        status: PostStatus = PostStatus.DRAFT,
        scheduled_at: datetime | None = None,
        author_id: int | None = None,
        created_at: datetime | None = None,
    ) -> Post:
        record = PostRecord(
            profile_id=profile_id,
            platform=platform.value,
            kind=kind.value,
            in_reply_to=in_reply_to,
            body=body,
            status=status.value,
            scheduled_at=scheduled_at,
            author_id=author_id,
        )
        if created_at is not None:
            record.created_at = created_at
            record.updated_at = created_at
        self.session.add(record)
        self.session.flush()
        self._record_revision(record, author_id)
        return mapping.post(record)

    def get(self, post_id: int) -> Post:
        return mapping.post(self._record(post_id))

    def _record(self, post_id: int) -> PostRecord:
        record = self.session.get(PostRecord, post_id)
        if record is None:
            raise NotFoundError("That post no longer exists; someone may have deleted it.")
        return record

    def update(
        self,
        post_id: int,
        expected_version: int,
        *,
        editor_id: int | None = None,
        body: str | None = None,
        status: PostStatus | None = None,
        platform: Platform | None = None,
        profile_id: int | None = None,
        kind: PostKind | None = None,
        in_reply_to: str | None = None,
        scheduled_at: datetime | object | None = _UNSET,
        override_reason: str | None = None,
    ) -> Post:
        """Change a post if nobody else saved it since ``expected_version``; body changes keep a revision."""
        record = self._record(post_id)
        if record.version != expected_version:
            raise ConcurrentEditError(
                "Someone else changed this post since you opened it; reload to see their version."
            )
        body_changed = body is not None and body != record.body
        if body is not None:
            record.body = body
        if status is not None:
            record.status = status.value
        if platform is not None:
            record.platform = platform.value
        if profile_id is not None:
            record.profile_id = profile_id
        if kind is not None:
            record.kind = kind.value
        if in_reply_to is not None:
            record.in_reply_to = in_reply_to
        if scheduled_at is not _UNSET:
            record.scheduled_at = scheduled_at  # type: ignore[assignment]
        if override_reason is not None:
            record.override_reason = override_reason
        try:
            self.session.flush()
        except StaleDataError as error:
            raise ConcurrentEditError(
                "Someone else changed this post since you opened it; reload to see their version."
            ) from error
        if body_changed:
            self._record_revision(record, editor_id)
        return mapping.post(record)

    def _record_revision(self, record: PostRecord, editor_id: int | None) -> None:
        self.session.add(
            PostRevisionRecord(post_id=record.id, version=record.version, body=record.body, edited_by=editor_id)
        )

    def revisions(self, post_id: int) -> list[PostRevision]:
        rows = self.session.scalars(
            select(PostRevisionRecord).where(PostRevisionRecord.post_id == post_id).order_by(PostRevisionRecord.id)
        )
        return [mapping.revision(r) for r in rows]

    def list(
        self,
        *,
        statuses: Sequence[PostStatus] = (),
        profile_id: int | None = None,
        scheduled_from: datetime | None = None,
        scheduled_to: datetime | None = None,
    ) -> list[Post]:
        query = select(PostRecord)
        if statuses:
            query = query.where(PostRecord.status.in_([s.value for s in statuses]))
        if profile_id is not None:
            query = query.where(PostRecord.profile_id == profile_id)
        if scheduled_from is not None:
            query = query.where(PostRecord.scheduled_at >= scheduled_from)
        if scheduled_to is not None:
            query = query.where(PostRecord.scheduled_at < scheduled_to)
        query = query.order_by(PostRecord.scheduled_at.is_(None), PostRecord.scheduled_at, PostRecord.id)
        return [mapping.post(r) for r in self.session.scalars(query)]

    def count_by_status(self) -> dict[PostStatus, int]:
        rows = self.session.execute(select(PostRecord.status, func.count()).group_by(PostRecord.status))
        return {PostStatus(status): count for status, count in rows}


class AuditRepository(_Repository):
    """Append-only: there is deliberately no update or delete here, and triggers refuse them too."""

    def append(
        self,
        action: str,
        entity: str,
        entity_id: int | None,
        *,
        actor_id: int | None,
        detail: dict[str, str] | None = None,
    ) -> AuditEntry:
        if self.session.bind is not None and self.session.bind.dialect.name == "postgresql":
            # Two workstations appending at once must not both chain to the same previous entry.
            self.session.execute(text("SELECT pg_advisory_xact_lock(7311001)"))
        previous = self.session.scalars(select(AuditRecord.hash).order_by(AuditRecord.id.desc()).limit(1)).first()
        prev_hash = previous or ""
        at = datetime.now(UTC)
        detail = dict(detail or {})
        record = AuditRecord(
            at=at,
            actor_id=actor_id,
            action=action,
            entity=entity,
            entity_id=entity_id,
            detail=detail,
            prev_hash=prev_hash,
            hash=entry_hash(prev_hash, at, actor_id, action, entity, entity_id, detail),
        )
        self.session.add(record)
        self.session.flush()
        return mapping.audit_entry(record)

    def all(self) -> list[AuditEntry]:
        return [mapping.audit_entry(r) for r in self.session.scalars(select(AuditRecord).order_by(AuditRecord.id))]

    def for_entity(self, entity: str, entity_id: int) -> list[AuditEntry]:
        rows = self.session.scalars(
            select(AuditRecord)
            .where(AuditRecord.entity == entity, AuditRecord.entity_id == entity_id)
            .order_by(AuditRecord.id)
        )
        return [mapping.audit_entry(r) for r in rows]


class PostExtrasRepository(_Repository):
    """What hangs off a post besides its text: citations, images and 'ignore here' decisions."""

    def replace_citations(self, post_id: int, citations: Sequence[tuple[str, str, str, str]]) -> list[PostCitation]:
        """Set the post's citations to ``(organization, title, url, topic_slug)`` tuples, in order."""
        self.session.execute(delete(PostCitationRecord).where(PostCitationRecord.post_id == post_id))
        records = [
            PostCitationRecord(post_id=post_id, organization=o, title=t, url=u, topic_slug=slug)
            for o, t, u, slug in citations
        ]
        self.session.add_all(records)
        self.session.flush()
        return [mapping.post_citation(r) for r in records]

    def citations(self, post_id: int) -> list[PostCitation]:
        rows = self.session.scalars(
            select(PostCitationRecord).where(PostCitationRecord.post_id == post_id).order_by(PostCitationRecord.id)
        )
        return [mapping.post_citation(r) for r in rows]

    def replace_images(self, post_id: int, images: Sequence[tuple[str, str]]) -> list[PostImage]:
        """Set the post's images to ``(file_name, alt_text)`` tuples, in display order."""
        self.session.execute(delete(PostImageRecord).where(PostImageRecord.post_id == post_id))
        records = [
            PostImageRecord(post_id=post_id, position=i, file_name=f, alt_text=a) for i, (f, a) in enumerate(images)
        ]
        self.session.add_all(records)
        self.session.flush()
        return [mapping.post_image(r) for r in records]

    def images(self, post_id: int) -> list[PostImage]:
        rows = self.session.scalars(
            select(PostImageRecord).where(PostImageRecord.post_id == post_id).order_by(PostImageRecord.position)
        )
        return [mapping.post_image(r) for r in rows]

    def add_ignore(self, post_id: int, rule: str, span_text: str, reason: str, user_id: int | None) -> FindingIgnore:
        record = FindingIgnoreRecord(post_id=post_id, rule=rule, span_text=span_text, reason=reason, user_id=user_id)
        self.session.add(record)
        self.session.flush()
        return mapping.finding_ignore(record)

    def ignores(self, post_id: int) -> list[FindingIgnore]:
        rows = self.session.scalars(
            select(FindingIgnoreRecord).where(FindingIgnoreRecord.post_id == post_id).order_by(FindingIgnoreRecord.id)
        )
        return [mapping.finding_ignore(r) for r in rows]


class PracticeVocabularyRepository(_Repository):
    """The practice's own words (spelling dictionary) and its own topics."""

    def add_word(self, practice_id: int, word: str, added_by: int | None) -> bool:
        """Add a word once; returns False when the practice already had it."""
        exists = self.session.scalars(
            select(PracticeWordRecord.id).where(
                PracticeWordRecord.practice_id == practice_id, PracticeWordRecord.word == word
            )
        ).first()
        if exists is not None:
            return False
        self.session.add(PracticeWordRecord(practice_id=practice_id, word=word, added_by=added_by))
        self.session.flush()
        return True

    def words(self, practice_id: int) -> frozenset[str]:
        rows = self.session.scalars(
            select(PracticeWordRecord.word).where(PracticeWordRecord.practice_id == practice_id)
        )
        return frozenset(rows)

    def save_topic(self, practice_id: int, slug: str, data: dict[str, Any]) -> StoredTopic:
        """Insert or replace the practice's topic with this slug."""
        record = self.session.scalars(
            select(PracticeTopicRecord).where(
                PracticeTopicRecord.practice_id == practice_id, PracticeTopicRecord.slug == slug
            )
        ).first()
        if record is None:
            record = PracticeTopicRecord(practice_id=practice_id, slug=slug, data=data)
            self.session.add(record)
        else:
            record.data = data
        self.session.flush()
        return mapping.stored_topic(record)

    def topics(self, practice_id: int) -> list[StoredTopic]:
        rows = self.session.scalars(
            select(PracticeTopicRecord)
            .where(PracticeTopicRecord.practice_id == practice_id)
            .order_by(PracticeTopicRecord.slug)
        )
        return [mapping.stored_topic(r) for r in rows]

    def delete_topic(self, practice_id: int, slug: str) -> bool:
        result = self.session.execute(
            delete(PracticeTopicRecord).where(
                PracticeTopicRecord.practice_id == practice_id, PracticeTopicRecord.slug == slug
            )
        )
        return bool(getattr(result, "rowcount", 0))


class Store:
    """The repositories over one session; obtained from :func:`transaction`."""

    def __init__(self, session: Session) -> None:
        self.practices = PracticeRepository(session)
        self.users = UserRepository(session)
        self.profiles = ProfileRepository(session)
        self.posts = PostRepository(session)
        self.audit = AuditRepository(session)
        self.extras = PostExtrasRepository(session)
        self.vocabulary = PracticeVocabularyRepository(session)


@contextmanager
def transaction(database: Database) -> Iterator[Store]:
    """One user action: everything inside commits together or not at all."""
    try:
        with database.session() as session:
            yield Store(session)
    except (OperationalError, DatabaseError) as error:
        raise translate_error(error, database.url) from error
