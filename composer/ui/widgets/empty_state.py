"""A friendly, centred message for a screen with nothing to show yet, with an optional action."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPushButton, QStyle, QVBoxLayout, QWidget


class EmptyState(QWidget):
    def __init__(
        self,
        title: str,
        body: str,
        *,
        icon: QStyle.StandardPixmap = QStyle.StandardPixmap.SP_FileDialogInfoView,
        action_text: str = "",
        on_action: Callable[[], None] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("emptyState")
        layout = QVBoxLayout(self)
        layout.addStretch(1)

        picture = QLabel()
        picture.setPixmap(self.style().standardIcon(icon).pixmap(48, 48))
        picture.setAlignment(Qt.AlignmentFlag.AlignCenter)
        picture.setAccessibleName("")
        layout.addWidget(picture)

        self.title_label = QLabel(title)
        font = self.title_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.35)
        font.setBold(True)
        self.title_label.setFont(font)
        self.title_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(self.title_label)

        self.body_label = QLabel(body)
        self.body_label.setWordWrap(True)
        self.body_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.body_label.setMaximumWidth(520)
        self.body_label.setForegroundRole(self.body_label.foregroundRole())
        layout.addWidget(self.body_label, 0, Qt.AlignmentFlag.AlignHCenter)

        self.action_button: QPushButton | None = None
        if action_text and on_action is not None:
            self.action_button = QPushButton(action_text)
            self.action_button.setAccessibleName(action_text)
            self.action_button.clicked.connect(on_action)
            layout.addWidget(self.action_button, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(2)
        self.setAccessibleName(title)
        self.setAccessibleDescription(body)
