"""Plain, frozen records that every layer shares.

Repositories in ``storage`` hand these out instead of live ORM objects, so nothing lazy-loads on the
wrong thread and the UI can keep them as long as it likes.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum


class ProfileKind(StrEnum):
    """The practice's official page, or a clinician's personal account (AMA: keep them separate)."""

    PRACTICE = "practice"
    PERSONAL = "personal"


class Platform(StrEnum):
    """Where a post goes; ``google`` is a Google Business Profile (mostly review replies)."""

    FACEBOOK = "facebook"
    INSTAGRAM = "instagram"
    X = "x"
    LINKEDIN = "linkedin"
    GOOGLE = "google"

    @property
    def label(self) -> str:
        return _PLATFORM_LABELS[self]


_PLATFORM_LABELS = {
    Platform.FACEBOOK: "Facebook",
    Platform.INSTAGRAM: "Instagram",
    Platform.X: "X",
    Platform.LINKEDIN: "LinkedIn",
    Platform.GOOGLE: "Google Business Profile",
}


class PostKind(StrEnum):
    """A new post, or a reply to someone's comment or review."""

    POST = "post"
    REPLY = "reply"


class PostStatus(StrEnum):
    """Where a post is in its life; the allowed moves live in :mod:`composer.domain.workflow`."""

    DRAFT = "draft"
    IN_REVIEW = "in_review"
    CHANGES_REQUESTED = "changes_requested"
    APPROVED = "approved"
    SCHEDULED = "scheduled"
    PUBLISHED = "published"
    FAILED = "failed"

    @property
    def label(self) -> str:
        return self.value.replace("_", " ").capitalize()


class Role(StrEnum):
    """Staff draft; reviewers (physicians) approve; admins manage the practice and its users."""

    STAFF = "staff"
    REVIEWER = "reviewer"
    ADMIN = "admin"


@dataclass(frozen=True, slots=True)
class Practice:
    id: int
    name: str
    phone: str = ""
    fax: str = ""
    email: str = ""
    website: str = ""
    address: str = ""
    time_zone: str = "America/Chicago"


@dataclass(frozen=True, slots=True)
class StaffMember:
    """Someone who works at the practice; their names are never patient identifiers."""

    id: int
    practice_id: int
    name: str
    title: str = ""


@dataclass(frozen=True, slots=True)
class User:
    id: int
    name: str
    role: Role
    email: str = ""
    active: bool = True


@dataclass(frozen=True, slots=True)
class Profile:
    id: int
    practice_id: int
    kind: ProfileKind
    display_name: str
    owner_id: int | None = None
    contact_phone: str = ""
    contact_email: str = ""
    time_zone: str = "America/Chicago"


@dataclass(frozen=True, slots=True)
class Channel:
    """An account on one platform; ``secret_ref`` names a keyring entry, never the secret itself."""

    id: int
    profile_id: int
    platform: Platform
    handle: str
    secret_ref: str = ""


@dataclass(frozen=True, slots=True)
class Post:
    id: int
    profile_id: int
    platform: Platform
    kind: PostKind
    body: str
    status: PostStatus
    version: int
    author_id: int | None = None
    in_reply_to: str = ""
    scheduled_at: datetime | None = None  # always UTC, timezone-aware
    override_reason: str = ""
    created_at: datetime | None = None
    updated_at: datetime | None = None


@dataclass(frozen=True, slots=True)
class PostRevision:
    id: int
    post_id: int
    version: int
    body: str
    edited_by: int | None
    created_at: datetime


@dataclass(frozen=True, slots=True)
class AuditEntry:
    """One line of the append-only audit trail; ``hash`` chains it to the previous line."""

    id: int
    at: datetime
    actor_id: int | None
    action: str
    entity: str
    entity_id: int | None
    detail: dict[str, str] = field(default_factory=dict)
    prev_hash: str = ""
    hash: str = ""


@dataclass(frozen=True, slots=True)
class FindingIgnore:
    """A person's decision that one finding on one post is acceptable, and why (kept for the audit)."""

    id: int
    post_id: int
    rule: str
    span_text: str
    reason: str
    user_id: int | None
    created_at: datetime


@dataclass(frozen=True, slots=True)
class PostCitation:
    """A source attached to a post; the checker treats claims in a cited post as supported."""

    id: int
    post_id: int
    organization: str
    title: str
    url: str
    topic_slug: str = ""


@dataclass(frozen=True, slots=True)
class PostImage:
    id: int
    post_id: int
    position: int
    file_name: str
    alt_text: str = ""


@dataclass(frozen=True, slots=True)
class StoredTopic:
    """A practice's own topic as stored: its slug and its topic-pack data (validated by the library)."""

    id: int
    practice_id: int
    slug: str
    data: dict[str, object]
    updated_at: datetime
