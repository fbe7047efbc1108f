"""Calendar: what goes out when. The month grid and cadence goals are their own issue; this lists the plan."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from composer.domain.model import Post, PostStatus
from composer.services.workspace import Workspace
from composer.ui.widgets.post_list_view import PostListView

PLANNED = (PostStatus.SCHEDULED, PostStatus.APPROVED, PostStatus.IN_REVIEW, PostStatus.FAILED)


class CalendarView(PostListView):
    title = "Calendar"
    empty_title = "Nothing is scheduled yet"
    empty_body = (
        "Give a draft a date and time in Compose and it appears here, so you can keep a steady rhythm of posts "
        "and spot the gaps."
    )
    table_name = "Scheduled posts"

    def load(self, workspace: Workspace) -> list[Post]:
        since = datetime.now(UTC) - timedelta(days=7)
        with workspace.store() as store:
            return store.posts.list(statuses=PLANNED, scheduled_from=since)

    def summary(self, posts: list[Post]) -> str:
        text = f"{len(posts)} planned post{'s' if len(posts) != 1 else ''}, from a week ago onward"
        missed = sum(1 for p in posts if p.status is PostStatus.FAILED)
        if missed:
            text += f" — {missed} did not go out and need{'s' if missed == 1 else ''} attention"
        return text
