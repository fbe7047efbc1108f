"""Review: drafts waiting for a physician. The full review workflow is its own issue; this lists the queue."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QStackedLayout, QVBoxLayout, QWidget

from composer.domain.model import PostStatus
from composer.ui.context import ViewContext
from composer.ui.widgets.empty_state import EmptyState
from composer.ui.widgets.post_table import PostTable


class ReviewView(QWidget):
    title = "Review"

    def __init__(self, context: ViewContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.stack = QStackedLayout(self)
        self.empty = EmptyState(
            "Nothing is waiting for review",
            "When staff submit a draft for review it appears here, so a physician can approve it or send it "
            "back with comments before anything is published.",
        )
        page = QWidget()
        layout = QVBoxLayout(page)
        self.heading = QLabel()
        self.heading.setAccessibleName("Review queue summary")
        self.table = PostTable("Drafts waiting for review")
        layout.addWidget(self.heading)
        layout.addWidget(self.table)
        self.stack.addWidget(self.empty)
        self.stack.addWidget(page)
        self.refresh()

    def refresh(self) -> None:
        workspace = self.context.workspace
        practice = workspace.practice()
        with workspace.store() as store:
            posts = store.posts.list(statuses=(PostStatus.IN_REVIEW,))
            profiles = {p.id: p for p in store.profiles.all()}
        if not posts:
            self.stack.setCurrentWidget(self.empty)
            return
        self.heading.setText(f"{len(posts)} draft{'s' if len(posts) != 1 else ''} waiting for review")
        self.table.show_posts(posts, profiles, practice.time_zone if practice else "UTC")
        self.stack.setCurrentIndex(1)
