"""A read-only table of posts (when, where, status, first line) used by the list-style screens."""

from __future__ import annotations

from zoneinfo import ZoneInfo

from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableWidget, QTableWidgetItem, QWidget

from composer.domain.model import Post, Profile

COLUMNS = ("When", "Profile", "Platform", "Status", "Text")
PREVIEW_CHARS = 120


def first_line(text: str) -> str:
    line = text.strip().splitlines()[0] if text.strip() else "(empty draft)"
    return line if len(line) <= PREVIEW_CHARS else line[: PREVIEW_CHARS - 1] + "…"


class PostTable(QTableWidget):
    def __init__(self, accessible_name: str, parent: QWidget | None = None) -> None:
        super().__init__(0, len(COLUMNS), parent)
        self.setHorizontalHeaderLabels(COLUMNS)
        self.setAccessibleName(accessible_name)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setAlternatingRowColors(True)
        self.verticalHeader().setVisible(False)
        header = self.horizontalHeader()
        for column in range(len(COLUMNS) - 1):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(len(COLUMNS) - 1, QHeaderView.ResizeMode.Stretch)

    def show_posts(self, posts: list[Post], profiles: dict[int, Profile], time_zone: str) -> None:
        zone = ZoneInfo(time_zone)
        self.setRowCount(len(posts))
        for row, post in enumerate(posts):
            when = post.scheduled_at.astimezone(zone).strftime("%a %b %d, %I:%M %p") if post.scheduled_at else "Not set"
            profile = profiles.get(post.profile_id)
            cells = (
                when,
                profile.display_name if profile else "",
                post.platform.label,
                post.status.label,
                first_line(post.body),
            )
            for column, value in enumerate(cells):
                self.setItem(row, column, QTableWidgetItem(value))
