"""Record → domain conversions, in one place so repositories stay short."""

from __future__ import annotations

from datetime import UTC, datetime

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
    ProfileRecord,
    StaffMemberRecord,
    UserRecord,
)


def as_utc(value: datetime | None) -> datetime | None:
    """SQLite returns naive datetimes even for timezone-aware columns; we stored UTC, so say so."""
    if value is None:
        return None
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def practice(r: PracticeRecord) -> Practice:
    return Practice(r.id, r.name, r.phone, r.fax, r.email, r.website, r.address, r.time_zone)


def staff_member(r: StaffMemberRecord) -> StaffMember:
    return StaffMember(r.id, r.practice_id, r.name, r.title)


def user(r: UserRecord) -> User:
    return User(r.id, r.name, Role(r.role), r.email, r.active)


def profile(r: ProfileRecord) -> Profile:
    return Profile(
        r.id,
        r.practice_id,
        ProfileKind(r.kind),
        r.display_name,
        r.owner_id,
        r.contact_phone,
        r.contact_email,
        r.time_zone,
    )


def channel(r: ChannelRecord) -> Channel:
    return Channel(r.id, r.profile_id, Platform(r.platform), r.handle, r.secret_ref)


def post(r: PostRecord) -> Post:
    return Post(
        id=r.id,
        profile_id=r.profile_id,
        platform=Platform(r.platform),
        kind=PostKind(r.kind),
        body=r.body,
        status=PostStatus(r.status),
        version=r.version,
        author_id=r.author_id,
        in_reply_to=r.in_reply_to,
        scheduled_at=as_utc(r.scheduled_at),
        override_reason=r.override_reason,
        created_at=as_utc(r.created_at),
        updated_at=as_utc(r.updated_at),
    )


def revision(r: PostRevisionRecord) -> PostRevision:
    created = as_utc(r.created_at)
    assert created is not None
    return PostRevision(r.id, r.post_id, r.version, r.body, r.edited_by, created)


def audit_entry(r: AuditRecord) -> AuditEntry:
    at = as_utc(r.at)
    assert at is not None
    return AuditEntry(r.id, at, r.actor_id, r.action, r.entity, r.entity_id, dict(r.detail), r.prev_hash, r.hash)


def finding_ignore(r: FindingIgnoreRecord) -> FindingIgnore:
    created = as_utc(r.created_at)
    assert created is not None
    return FindingIgnore(r.id, r.post_id, r.rule, r.span_text, r.reason, r.user_id, created)


def post_citation(r: PostCitationRecord) -> PostCitation:
    return PostCitation(r.id, r.post_id, r.organization, r.title, r.url, r.topic_slug)


def post_image(r: PostImageRecord) -> PostImage:
    return PostImage(r.id, r.post_id, r.position, r.file_name, r.alt_text)


def stored_topic(r: PracticeTopicRecord) -> StoredTopic:
    updated = as_utc(r.updated_at)
    assert updated is not None
    return StoredTopic(r.id, r.practice_id, r.slug, dict(r.data), updated)
