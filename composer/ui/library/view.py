"""Library: evidence-based health topics with citations (filled by the topic-library issue)."""

from __future__ import annotations

from PySide6.QtWidgets import QVBoxLayout, QWidget

from composer.ui.context import ViewContext
from composer.ui.widgets.empty_state import EmptyState


class LibraryView(QWidget):
    title = "Library"

    def __init__(self, context: ViewContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        layout = QVBoxLayout(self)
        layout.addWidget(
            EmptyState(
                "The health topic library is on its way",
                "Evidence-based topics with ready-to-use posts and citations will appear here, one click from "
                "a new draft.",
            )
        )

    def refresh(self) -> None:
        """Nothing to reload yet."""
