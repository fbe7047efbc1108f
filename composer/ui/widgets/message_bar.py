"""A slim bar above a view's content for one-sentence messages and up to two actions."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QStyle, QWidget


class MessageBar(QFrame):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAccessibleName("Message")
        layout = self._layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 4, 4)
        self.icon = QLabel()
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.text.setAccessibleName("Message text")
        layout.addWidget(self.icon)
        layout.addWidget(self.text, 1)
        self.buttons: list[QPushButton] = []
        self.close_button = QPushButton("Dismiss")
        self.close_button.setAccessibleName("Dismiss message")
        self.close_button.clicked.connect(self.hide)
        layout.addWidget(self.close_button)
        self.hide()

    def show_message(
        self,
        text: str,
        *,
        warning: bool = False,
        actions: tuple[tuple[str, Callable[[], None]], ...] = (),
    ) -> None:
        for button in self.buttons:
            button.deleteLater()
        self.buttons = []
        pixmap = (
            QStyle.StandardPixmap.SP_MessageBoxWarning if warning else QStyle.StandardPixmap.SP_MessageBoxInformation
        )
        self.icon.setPixmap(self.style().standardIcon(pixmap).pixmap(20, 20))
        self.text.setText(text)
        layout = self._layout
        for label, slot in actions:
            button = QPushButton(label)
            button.clicked.connect(slot)
            button.clicked.connect(self.hide)
            layout.insertWidget(layout.count() - 1, button)
            self.buttons.append(button)
        self.show()
