"""The review state machine: which status moves are allowed, and who may make them.

Approval is a real gate: only a reviewer or admin may approve, never the post's own author, and a post
cannot be scheduled or published without approval.
"""

from __future__ import annotations

from composer.domain.errors import InvalidTransitionError, PermissionDeniedError
from composer.domain.model import PostStatus, Role

S = PostStatus

ALLOWED_MOVES: dict[PostStatus, frozenset[PostStatus]] = {
    S.DRAFT: frozenset({S.IN_REVIEW}),
    S.IN_REVIEW: frozenset({S.APPROVED, S.CHANGES_REQUESTED, S.DRAFT}),
    S.CHANGES_REQUESTED: frozenset({S.DRAFT, S.IN_REVIEW}),
    S.APPROVED: frozenset({S.SCHEDULED, S.PUBLISHED, S.DRAFT}),
    S.SCHEDULED: frozenset({S.PUBLISHED, S.FAILED, S.APPROVED, S.DRAFT}),
    S.FAILED: frozenset({S.SCHEDULED, S.DRAFT}),
    S.PUBLISHED: frozenset(),
}

_REVIEW_DECISIONS = frozenset({S.APPROVED, S.CHANGES_REQUESTED})


def check_move(current: PostStatus, target: PostStatus, role: Role, *, is_author: bool) -> None:
    """Raise if ``role`` may not move a post from ``current`` to ``target``.

    Editing an approved post sends it back to draft, which is why DRAFT is reachable from most states.
    """
    if target not in ALLOWED_MOVES[current]:
        raise InvalidTransitionError(f"A post that is {current.label.lower()} cannot become {target.label.lower()}.")
    if target in _REVIEW_DECISIONS:
        if role not in (Role.REVIEWER, Role.ADMIN):
            raise PermissionDeniedError("Only a reviewer or an admin can approve or return a post.")
        if is_author:
            raise PermissionDeniedError("You cannot review a post you wrote; ask another reviewer.")
