"""Images (each with its alt text) and citations attached to a draft.

A citation from the library tells the checker that the post's claims have a source; alt text makes the
post usable by people who cannot see the image, and an image without it is flagged.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from composer.domain.topics import Citation, Topic

CitationRow = tuple[str, str, str, str]  # organization, title, url, topic slug
IMAGE_FILTER = "Images (*.png *.jpg *.jpeg *.gif *.webp *.heic)"


class AttachmentsPanel(QWidget):
    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.topics_provider: Callable[[], list[Topic]] | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)

        images_box = QGroupBox("Images")
        images_layout = QVBoxLayout(images_box)
        self.images = QTableWidget(0, 2)
        self.images.setHorizontalHeaderLabels(["File", "Alt text (describe the image)"])
        self.images.setAccessibleName("Attached images and their alt text")
        self.images.verticalHeader().setVisible(False)
        self.images.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.images.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.images.setMaximumHeight(110)
        self.images.itemChanged.connect(lambda _item: self.changed.emit())
        images_layout.addWidget(self.images)
        image_buttons = QHBoxLayout()
        self.add_image_button = QPushButton("Add &image…")
        self.add_image_button.clicked.connect(self.add_image)
        self.remove_image_button = QPushButton("Remove image")
        self.remove_image_button.clicked.connect(self.remove_image)
        image_buttons.addWidget(self.add_image_button)
        image_buttons.addWidget(self.remove_image_button)
        image_buttons.addStretch(1)
        images_layout.addLayout(image_buttons)
        layout.addWidget(images_box)

        citations_box = QGroupBox("Sources cited")
        citations_layout = QVBoxLayout(citations_box)
        self.citations = QListWidget()
        self.citations.setAccessibleName("Citations attached to this draft")
        self.citations.setMaximumHeight(90)
        citations_layout.addWidget(self.citations)
        citation_buttons = QHBoxLayout()
        self.attach_button = QPushButton("&Attach citation…")
        self.attach_button.clicked.connect(self.pick_citation)
        self.detach_button = QPushButton("Remove citation")
        self.detach_button.clicked.connect(self.remove_citation)
        citation_buttons.addWidget(self.attach_button)
        citation_buttons.addWidget(self.detach_button)
        citation_buttons.addStretch(1)
        citations_layout.addLayout(citation_buttons)
        layout.addWidget(citations_box)

    # Images -----------------------------------------------------------------------------------------

    def image_rows(self) -> list[tuple[str, str]]:
        rows = []
        for row in range(self.images.rowCount()):
            name = self.images.item(row, 0)
            alt = self.images.item(row, 1)
            rows.append((name.text() if name else "", alt.text().strip() if alt else ""))
        return rows

    def set_images(self, rows: list[tuple[str, str]]) -> None:
        self.images.blockSignals(True)
        self.images.setRowCount(0)
        for name, alt in rows:
            self._append_image(name, alt)
        self.images.blockSignals(False)

    def _append_image(self, name: str, alt: str) -> None:
        row = self.images.rowCount()
        self.images.insertRow(row)
        file_item = QTableWidgetItem(name)
        file_item.setFlags(file_item.flags() & ~Qt.ItemFlag.ItemIsEditable)
        self.images.setItem(row, 0, file_item)
        self.images.setItem(row, 1, QTableWidgetItem(alt))

    def add_image(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, "Attach an image", str(Path.home()), IMAGE_FILTER)
        if not path:
            return
        self._append_image(Path(path).name, "")
        self.images.setCurrentCell(self.images.rowCount() - 1, 1)
        alt_cell = self.images.item(self.images.rowCount() - 1, 1)
        if alt_cell is not None:
            self.images.editItem(alt_cell)
        self.changed.emit()

    def remove_image(self) -> None:
        row = self.images.currentRow()
        if row >= 0:
            self.images.removeRow(row)
            self.changed.emit()

    # Citations --------------------------------------------------------------------------------------

    def citation_rows(self) -> list[CitationRow]:
        return [self.citations.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.citations.count())]

    def set_citations(self, rows: list[CitationRow]) -> None:
        self.citations.clear()
        for row in rows:
            self._append_citation(row)

    def add_citations(self, citations: tuple[Citation, ...], topic_id: str) -> None:
        present = {row[2] for row in self.citation_rows()}
        for citation in citations:
            if citation.url not in present:
                self._append_citation((citation.organization, citation.title, citation.url, topic_id))
        self.changed.emit()

    def _append_citation(self, row: CitationRow) -> None:
        organization, title, url, _slug = row
        item = QListWidgetItem(f"{organization}: {title} — {url}")
        item.setData(Qt.ItemDataRole.UserRole, row)
        self.citations.addItem(item)

    def remove_citation(self) -> None:
        row = self.citations.currentRow()
        if row >= 0:
            self.citations.takeItem(row)
            self.changed.emit()

    def pick_citation(self) -> None:
        topics = self.topics_provider() if self.topics_provider else []
        dialog = CitationPicker(topics, self)
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.chosen is not None:
            topic, citation = dialog.chosen
            self.add_citations((citation,), topic.id)


class CitationPicker(QDialog):
    """Choose a source from the topic library, filtered as you type."""

    def __init__(self, topics: list[Topic], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Attach a citation")
        self.resize(640, 420)
        self.chosen: tuple[Topic, Citation] | None = None
        layout = QVBoxLayout(self)
        self.search = QLineEdit()
        self.search.setPlaceholderText("Search sources…")
        self.search.setAccessibleName("Search sources")
        self.search.setClearButtonEnabled(True)
        self.list = QListWidget()
        self.list.setAccessibleName("Sources in the library")
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        for topic in topics:
            for citation in topic.citations:
                item = QListWidgetItem(f"{citation.short or citation.organization}: {citation.title}  ({topic.title})")
                item.setData(Qt.ItemDataRole.UserRole, (topic, citation))
                item.setToolTip(citation.url)
                self.list.addItem(item)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        self.search.textChanged.connect(self._filter)
        self.list.itemDoubleClicked.connect(lambda _item: self._accept())
        layout.addWidget(self.search)
        layout.addWidget(self.list, 1)
        layout.addWidget(buttons)

    def _filter(self, text: str) -> None:
        words = text.lower().split()
        for index in range(self.list.count()):
            item = self.list.item(index)
            item.setHidden(not all(word in item.text().lower() for word in words))

    def _accept(self) -> None:
        item = self.list.currentItem()
        if item is not None and not item.isHidden():
            self.chosen = item.data(Qt.ItemDataRole.UserRole)
            self.accept()
