"""A screen that lists posts under a one-line summary, or an empty state when there are none.

Review and Calendar are both this shape until their own issues give them richer views; each subclass
says only which posts it shows and how it sums them up.
"""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QStackedLayout, QVBoxLayout, QWidget

from composer.domain.model import Post
from composer.services.workspace import Workspace
from composer.ui.context import ViewContext
from composer.ui.widgets.empty_state import EmptyState
from composer.ui.widgets.post_table import PostTable


class PostListView(QWidget):
    title = ""
    empty_title = ""
    empty_body = ""
    table_name = ""

    def __init__(self, context: ViewContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.stack = QStackedLayout(self)
        self.empty = EmptyState(self.empty_title, self.empty_body)
        page = QWidget()
        layout = QVBoxLayout(page)
        self.heading = QLabel()
        self.heading.setAccessibleName(f"{self.title} summary")
        self.table = PostTable(self.table_name)
        layout.addWidget(self.heading)
        layout.addWidget(self.table)
        self.stack.addWidget(self.empty)
        self.stack.addWidget(page)
        self.refresh()

    def load(self, workspace: Workspace) -> list[Post]:
        raise NotImplementedError

    def summary(self, posts: list[Post]) -> str:
        raise NotImplementedError

    def refresh(self) -> None:
        workspace = self.context.workspace
        practice = workspace.practice()
        posts = self.load(workspace)
        if not posts:
            self.stack.setCurrentWidget(self.empty)
            return
        profiles = {p.id: p for p in workspace.profiles()}
        self.heading.setText(self.summary(posts))
        self.table.show_posts(posts, profiles, practice.time_zone if practice else "UTC")
        self.stack.setCurrentIndex(1)
