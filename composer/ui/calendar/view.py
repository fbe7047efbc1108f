"""Calendar: what goes out when. The month grid and cadence goals are their own issue; this lists the plan."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from PySide6.QtWidgets import QLabel, QStackedLayout, QVBoxLayout, QWidget

from composer.domain.model import PostStatus
from composer.ui.context import ViewContext
from composer.ui.widgets.empty_state import EmptyState
from composer.ui.widgets.post_table import PostTable

PLANNED = (PostStatus.SCHEDULED, PostStatus.APPROVED, PostStatus.IN_REVIEW, PostStatus.FAILED)


class CalendarView(QWidget):
    title = "Calendar"

    def __init__(self, context: ViewContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.stack = QStackedLayout(self)
        self.empty = EmptyState(
            "Nothing is scheduled yet",
            "Give a draft a date and time in Compose and it appears here, so you can keep a steady rhythm of "
            "posts and spot the gaps.",
        )
        page = QWidget()
        layout = QVBoxLayout(page)
        self.heading = QLabel()
        self.heading.setAccessibleName("Schedule summary")
        self.table = PostTable("Scheduled posts")
        layout.addWidget(self.heading)
        layout.addWidget(self.table)
        self.stack.addWidget(self.empty)
        self.stack.addWidget(page)
        self.refresh()

    def refresh(self) -> None:
        workspace = self.context.workspace
        practice = workspace.practice()
        since = datetime.now(UTC) - timedelta(days=7)
        with workspace.store() as store:
            posts = store.posts.list(statuses=PLANNED, scheduled_from=since)
            profiles = {p.id: p for p in store.profiles.all()}
        if not posts:
            self.stack.setCurrentWidget(self.empty)
            return
        overdue = [p for p in posts if p.status is PostStatus.FAILED]
        summary = f"{len(posts)} planned post{'s' if len(posts) != 1 else ''} from the past week on"
        if overdue:
            summary += f" — {len(overdue)} did not go out and need{'s' if len(overdue) == 1 else ''} attention"
        self.heading.setText(summary)
        self.table.show_posts(posts, profiles, practice.time_zone if practice else "UTC")
        self.stack.setCurrentIndex(1)
