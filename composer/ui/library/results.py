"""The result list: a light model over the search result, drawn as two lines per topic.

The second line says in words that a topic is the practice's own or due for review, so the flag is
never carried by colour alone and screen readers announce it too.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QFont, QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import QApplication, QStyle, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from composer.domain.topics import Topic

TopicRole = Qt.ItemDataRole.UserRole + 1
DetailRole = Qt.ItemDataRole.UserRole + 2
_Index = QModelIndex | QPersistentModelIndex


def topic_detail(topic: Topic, *, practice: bool, today: date) -> str:
    """ "Heart Health · Practice · Due for review": the words under a result's title."""
    parts = [topic.category_label]
    if practice:
        parts.append("Practice")
    if topic.is_due_for_review(today):
        parts.append("⚠ Due for review")
    return " · ".join(parts)


class TopicListModel(QAbstractListModel):
    """Holds the current search result; ``practice_ids`` marks the practice's own topics."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._topics: list[Topic] = []
        self._details: list[str] = []

    def set_topics(self, topics: list[Topic], practice_ids: set[str], today: date) -> None:
        self.beginResetModel()
        self._topics = list(topics)
        self._details = [topic_detail(t, practice=t.id in practice_ids, today=today) for t in topics]
        self.endResetModel()

    def topic(self, row: int) -> Topic | None:
        return self._topics[row] if 0 <= row < len(self._topics) else None

    def row_of(self, topic_id: str) -> int:
        return next((row for row, t in enumerate(self._topics) if t.id == topic_id), -1)

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 (Qt's own signature)
        return 0 if parent.isValid() else len(self._topics)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._topics):
            return None
        topic, detail = self._topics[index.row()], self._details[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return topic.title
        if role in (Qt.ItemDataRole.AccessibleTextRole, Qt.ItemDataRole.ToolTipRole):
            return f"{topic.title} ({detail})"
        if role == TopicRole:
            return topic
        if role == DetailRole:
            return detail
        return None


class TopicDelegate(QStyledItemDelegate):
    """Draws the title in bold and the detail line below it in the palette's secondary text colour."""

    _MARGIN = 6

    def _fonts(self, option: QStyleOptionViewItem) -> tuple[QFont, QFont]:
        title = QFont(option.font)
        title.setBold(True)
        detail = QFont(option.font)
        detail.setPointSizeF(detail.pointSizeF() * 0.9)
        return title, detail

    def sizeHint(self, option: QStyleOptionViewItem, index: _Index) -> QSize:
        title, detail = self._fonts(option)
        height = QFontMetrics(title).height() + QFontMetrics(detail).height() + 3 * self._MARGIN
        return QSize(200, height)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: _Index) -> None:
        self.initStyleOption(option, index)
        widget = option.widget
        style = widget.style() if widget else QApplication.style()
        option.text = ""
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, option, painter, widget)

        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        palette: QPalette = option.palette
        main = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        rect: QRect = option.rect.adjusted(self._MARGIN + 2, self._MARGIN, -self._MARGIN, -self._MARGIN)
        title_font, detail_font = self._fonts(option)
        title_height = QFontMetrics(title_font).height()
        painter.save()
        painter.setFont(title_font)
        painter.setPen(palette.color(main))
        title = QFontMetrics(title_font).elidedText(str(index.data()), Qt.TextElideMode.ElideRight, rect.width())
        painter.drawText(rect.adjusted(0, 0, 0, -(rect.height() - title_height)), 0, title)
        painter.setFont(detail_font)
        if not selected:
            painter.setPen(palette.color(QPalette.ColorGroup.Active, QPalette.ColorRole.PlaceholderText))
        detail = str(index.data(DetailRole) or "")
        painter.drawText(rect.adjusted(0, title_height + self._MARGIN // 2, 0, 0), 0, detail)
        painter.restore()
