"""Review: drafts waiting for a physician. The full review workflow is its own issue; this lists the queue."""

from __future__ import annotations

from composer.domain.model import Post, PostStatus
from composer.services.workspace import Workspace
from composer.ui.widgets.post_list_view import PostListView


class ReviewView(PostListView):
    title = "Review"
    empty_title = "Nothing is waiting for review"
    empty_body = (
        "When staff submit a draft for review it appears here, so a physician can approve it or send it back "
        "with comments before anything is published."
    )
    table_name = "Drafts waiting for review"

    def load(self, workspace: Workspace) -> list[Post]:
        with workspace.store() as store:
            return store.posts.list(statuses=(PostStatus.IN_REVIEW,))

    def summary(self, posts: list[Post]) -> str:
        return f"{len(posts)} draft{'s' if len(posts) != 1 else ''} waiting for review"
