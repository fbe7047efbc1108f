"""Compose: the drafting editor (filled by the composer issue)."""

from __future__ import annotations

from PySide6.QtWidgets import QVBoxLayout, QWidget

from composer.ui.context import ViewContext
from composer.ui.widgets.empty_state import EmptyState


class ComposeView(QWidget):
    title = "Compose"

    def __init__(self, context: ViewContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        layout = QVBoxLayout(self)
        layout.addWidget(
            EmptyState(
                "Start a draft",
                "Write posts and replies here; problems such as a patient's name or a promise of a cure are "
                "underlined as you type.",
            )
        )

    def refresh(self) -> None:
        """Nothing to reload yet."""
