"""Drafting use cases: autosave, duplicate, submit for review, schedule, and the editor's side actions.

Every status change writes an audit entry in the same transaction as the change, so the trail can
never disagree with the posts. Submitting a draft that still has error findings needs a reason, which
is stored on the post and in the audit log.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from composer.domain.errors import ComposerError
from composer.domain.model import FindingIgnore, Platform, Post, PostKind, PostStatus, User
from composer.domain.workflow import check_move
from composer.services.workspace import Workspace
from composer.storage.repositories import Store

EDITABLE = (PostStatus.DRAFT, PostStatus.CHANGES_REQUESTED)
CitationRow = tuple[str, str, str, str]  # organization, title, url, topic slug
ImageRow = tuple[str, str]  # file name, alt text


class OverrideReasonRequiredError(ComposerError):
    """The draft still has error findings and no reason was given for sending it anyway."""


@dataclass(frozen=True)
class DraftState:
    """Everything the editor shows for one draft, as plain values (what autosave writes)."""

    profile_id: int
    platform: Platform
    kind: PostKind
    body: str
    in_reply_to: str = ""
    scheduled_at: datetime | None = None
    citations: tuple[CitationRow, ...] = ()
    images: tuple[ImageRow, ...] = ()


@dataclass(frozen=True)
class LoadedDraft:
    post: Post
    citations: tuple[CitationRow, ...] = ()
    images: tuple[ImageRow, ...] = ()
    ignores: tuple[FindingIgnore, ...] = field(default_factory=tuple)


def save_draft(workspace: Workspace, user: User, post: Post | None, state: DraftState) -> Post:
    """Create the draft on first save, then update it if nobody else changed it (ConcurrentEditError)."""
    if state.scheduled_at is not None and state.scheduled_at.utcoffset() is None:
        raise ValueError("scheduled times must be timezone-aware")
    with workspace.store() as store:
        if post is None:
            saved = store.posts.add(
                state.profile_id,
                state.platform,
                state.body,
                kind=state.kind,
                in_reply_to=state.in_reply_to,
                scheduled_at=state.scheduled_at,
                author_id=user.id,
            )
            store.audit.append("post.created", "post", saved.id, actor_id=user.id, detail={"platform": state.platform})
        else:
            saved = store.posts.update(
                post.id,
                post.version,
                editor_id=user.id,
                body=state.body,
                platform=state.platform,
                profile_id=state.profile_id,
                kind=state.kind,
                in_reply_to=state.in_reply_to,
                scheduled_at=state.scheduled_at,
            )
            if saved.scheduled_at != post.scheduled_at:
                when = saved.scheduled_at.isoformat() if saved.scheduled_at else ""
                store.audit.append("post.time_set", "post", post.id, actor_id=user.id, detail={"scheduled_at": when})
        if post is None or state.citations != _citation_rows(store, saved.id):
            store.extras.replace_citations(saved.id, state.citations)
        if post is None or state.images != _image_rows(store, saved.id):
            store.extras.replace_images(saved.id, state.images)
        return saved


def _citation_rows(store: Store, post_id: int) -> tuple[CitationRow, ...]:
    return tuple((c.organization, c.title, c.url, c.topic_slug) for c in store.extras.citations(post_id))


def _image_rows(store: Store, post_id: int) -> tuple[ImageRow, ...]:
    return tuple((i.file_name, i.alt_text) for i in store.extras.images(post_id))


def load_draft(workspace: Workspace, post_id: int) -> LoadedDraft:
    with workspace.store() as store:
        post = store.posts.get(post_id)
        return LoadedDraft(
            post,
            _citation_rows(store, post_id),
            _image_rows(store, post_id),
            tuple(store.extras.ignores(post_id)),
        )


def editable_drafts(workspace: Workspace) -> list[Post]:
    """Drafts and returned posts, newest first: what the Compose screen lists."""
    with workspace.store() as store:
        posts = store.posts.list(statuses=EDITABLE)
    return sorted(posts, key=lambda p: p.updated_at or p.created_at or datetime.min, reverse=True)


def duplicate(workspace: Workspace, author: User, post: Post) -> Post:
    with workspace.store() as store:
        copy = store.posts.add(
            post.profile_id, post.platform, post.body, kind=post.kind, in_reply_to=post.in_reply_to, author_id=author.id
        )
        store.extras.replace_citations(copy.id, _citation_rows(store, post.id))
        store.extras.replace_images(copy.id, _image_rows(store, post.id))
        store.audit.append("post.duplicated", "post", copy.id, actor_id=author.id, detail={"from": str(post.id)})
        return copy


def submit_for_review(workspace: Workspace, author: User, post: Post, *, error_count: int, reason: str = "") -> Post:
    """Send a draft to the physicians' queue; with error findings left, only with a written reason."""
    reason = reason.strip()
    if error_count and not reason:
        raise OverrideReasonRequiredError(
            f"This draft still has {error_count} problem{'s' if error_count != 1 else ''} that must be fixed "
            "or explained with a reason before review."
        )
    check_move(post.status, PostStatus.IN_REVIEW, author.role, is_author=post.author_id == author.id)
    with workspace.store() as store:
        updated = store.posts.update(
            post.id, post.version, editor_id=author.id, status=PostStatus.IN_REVIEW, override_reason=reason
        )
        detail = {"errors": str(error_count)}
        if reason:
            detail["override_reason"] = reason
        store.audit.append("post.submitted", "post", post.id, actor_id=author.id, detail=detail)
        return updated


def ignore_finding(
    workspace: Workspace, user: User, post: Post, rule: str, span_text: str, reason: str
) -> FindingIgnore:
    """Record that a person judged one finding acceptable here, with their reason (also audited)."""
    reason = reason.strip()
    if not reason:
        raise ComposerError("Say why this finding is acceptable here; the reason is kept with the draft.")
    with workspace.store() as store:
        ignore = store.extras.add_ignore(post.id, rule, span_text, reason, user.id)
        store.audit.append(
            "finding.ignored", "post", post.id, actor_id=user.id, detail={"rule": rule, "reason": reason}
        )
        return ignore


def add_practice_word(workspace: Workspace, user: User, word: str) -> bool:
    """Teach the spelling check a word for the whole practice; False if it already knew it."""
    word = word.strip()
    if not word or len(word) > 100 or any(ch.isspace() for ch in word):
        raise ComposerError("A dictionary entry is one word of at most 100 letters.")
    with workspace.store() as store:
        practice = store.practices.first()
        if practice is None:
            raise ComposerError("Set up the practice before adding words to its dictionary.")
        added = store.vocabulary.add_word(practice.id, word, user.id)
        if added:
            store.audit.append("dictionary.word_added", "practice", practice.id, actor_id=user.id, detail={})
        return added
