"""Drafting use cases: create, autosave, duplicate, submit for review, schedule.

Every status change writes an audit entry in the same transaction as the change, so the trail can
never disagree with the posts. Submitting a draft that still has error findings needs a reason, which
is stored on the post and in the audit log.
"""

from __future__ import annotations

from datetime import datetime

from composer.domain.errors import ComposerError
from composer.domain.model import Platform, Post, PostKind, PostStatus, User
from composer.domain.workflow import check_move
from composer.services.workspace import Workspace


class OverrideReasonRequiredError(ComposerError):
    """The draft still has error findings and no reason was given for sending it anyway."""


def create_draft(
    workspace: Workspace,
    author: User,
    profile_id: int,
    platform: Platform,
    body: str = "",
    *,
    kind: PostKind = PostKind.POST,
    in_reply_to: str = "",
) -> Post:
    with workspace.store() as store:
        post = store.posts.add(profile_id, platform, body, kind=kind, in_reply_to=in_reply_to, author_id=author.id)
        store.audit.append("post.created", "post", post.id, actor_id=author.id, detail={"platform": platform.value})
        return post


def save_draft(
    workspace: Workspace,
    editor: User,
    post: Post,
    *,
    body: str | None = None,
    platform: Platform | None = None,
    in_reply_to: str | None = None,
) -> Post:
    """Autosave: store the text if nobody else changed the post meanwhile (raises ConcurrentEditError)."""
    with workspace.store() as store:
        return store.posts.update(
            post.id, post.version, editor_id=editor.id, body=body, platform=platform, in_reply_to=in_reply_to
        )


def duplicate(workspace: Workspace, author: User, post: Post) -> Post:
    with workspace.store() as store:
        copy = store.posts.add(
            post.profile_id, post.platform, post.body, kind=post.kind, in_reply_to=post.in_reply_to, author_id=author.id
        )
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


def set_schedule(workspace: Workspace, editor: User, post: Post, when_utc: datetime | None) -> Post:
    """Choose (or clear) the date and time the post should go out; stored in UTC."""
    if when_utc is not None and when_utc.utcoffset() is None:
        raise ValueError("scheduled times must be timezone-aware")
    with workspace.store() as store:
        updated = store.posts.update(post.id, post.version, editor_id=editor.id, scheduled_at=when_utc)
        store.audit.append(
            "post.time_set",
            "post",
            post.id,
            actor_id=editor.id,
            detail={"scheduled_at": when_utc.isoformat() if when_utc else ""},
        )
        return updated
