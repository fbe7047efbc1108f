"""The form for a practice's own topic, checked with exactly the rules the shipped library obeys.

The dialog only gathers text; :func:`composer.services.library.topic_from_form` decides validity, so a
topic typed here can never be weaker than one in ``resources/topics``. A problem is shown inline as one
sentence and the cursor goes to the field at fault, so nobody has to hunt for it.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from composer.domain.topics import AUDIENCES, X_LIMIT, Topic, TopicPost, x_length
from composer.services.library import TopicLibrary, TopicPackError, slugify, topic_from_form
from composer.ui.library.topic_page import MONTHS

CITATION_COLUMNS = (
    ("organization", "Organization"),
    ("short", "Short name"),
    ("title", "Title"),
    ("url", "Web address"),
    ("year", "Year"),
    ("accessed", "Accessed (YYYY-MM-DD)"),
)
FIELD_LABELS = {
    "id": "The title",
    "title": "The title",
    "category": "The category",
    "category_label": "The category",
    "summary": "The summary",
    "audience": "The audience",
    "key_points": "The key points",
    "hashtags": "The hashtags",
    "evidence": "The evidence note",
    "review_by": "The review-by date",
    "posts": "The posts",
    "citations": "The citations",
    "months": "The months",
    "observances": "The observances",
}


def form_sentence(error: TopicPackError) -> str:
    """ "Citation 2, web address must start with https://…": the service's sentence, said for a form."""
    field = error.field
    match = re.match(r"(\w+)\[(\d+)\](?:\.(\w+))?", field)
    if match and match.group(1) == "citations":
        column = dict(CITATION_COLUMNS).get(match.group(3) or "", "").lower()
        where = f"Citation {int(match.group(2)) + 1}" + (f", {column.split(' (')[0]}," if column else "")
    elif match and match.group(1) == "posts":
        where = ("The short post", "The long post")[min(int(match.group(2)), 1)]
    else:
        where = FIELD_LABELS.get(match.group(1) if match else field, f"The field {field}")
    if not error.problem:
        return str(error)
    return f"{where} {error.problem}."


def _text_edit(name: str, height: int, placeholder: str = "") -> QPlainTextEdit:
    edit = QPlainTextEdit()
    edit.setAccessibleName(name)
    edit.setPlaceholderText(placeholder)
    edit.setTabChangesFocus(True)
    edit.setFixedHeight(height)
    return edit


def _line_edit(name: str, placeholder: str = "") -> QLineEdit:
    edit = QLineEdit()
    edit.setAccessibleName(name)
    edit.setPlaceholderText(placeholder)
    return edit


def _lines(edit: QPlainTextEdit) -> tuple[str, ...]:
    return tuple(line.strip(" -•\t") for line in edit.toPlainText().splitlines() if line.strip(" -•\t"))


class TopicDialog(QDialog):
    """New or edit: ``topic`` None makes a new topic with an id that shadows nothing."""

    def __init__(self, library: TopicLibrary, topic: Topic | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.library = library
        self.topic = topic
        self.result_topic: Topic | None = None
        self.setWindowTitle("Edit topic" if topic else "New topic")
        self.setAccessibleName(self.windowTitle())
        self.resize(760, 720)
        self._build()
        if topic is not None:
            self._fill(topic)

    def _build(self) -> None:
        self.title_edit = _line_edit("Title", "e.g. Our flu clinic is open on Saturdays")
        self.category_edit = QComboBox()
        self.category_edit.setEditable(True)
        self.category_edit.setAccessibleName("Category")
        for _cid, label in self.library.categories():
            self.category_edit.addItem(label)
        self.category_edit.setCurrentText("Practice News")
        self.summary_edit = _text_edit("Summary", 54, "One or two plain-language sentences")
        self.audience_boxes = {who: QCheckBox(who.replace("-", " ").capitalize()) for who in sorted(AUDIENCES)}
        self.month_boxes = {n: QCheckBox(MONTHS[n - 1][:3]) for n in range(1, 13)}
        self.points_edit = _text_edit("Key points", 96, "At least two, one per line")
        self.short_edit = _text_edit("Short post", 80, f"Fits X: {X_LIMIT} characters, links count as 23")
        self.short_count = QLabel()
        self.short_count.setAccessibleName("Short post length")
        self.short_edit.textChanged.connect(self._count_short)
        self.long_edit = _text_edit("Long post", 120, "For Facebook, Instagram and LinkedIn")
        self.hashtags_edit = _line_edit("Hashtags", "#FluSeason #GetVaccinated")
        self.observances_edit = _line_edit("Observances", "Optional, separated by commas")
        self.evidence_edit = _text_edit("Evidence note", 54, "What the sources say, for the reviewing clinician")
        self.review_edit = QDateEdit()
        self.review_edit.setCalendarPopup(True)
        self.review_edit.setDisplayFormat("yyyy-MM-dd")
        self.review_edit.setAccessibleName("Review by")
        next_year = date.today().replace(day=1)
        self.review_edit.setDate(QDate(next_year.year + 1, next_year.month, 1))
        self.citations_table = self._citation_table()
        self.extra_posts: tuple[TopicPost, ...] = ()

        form = QFormLayout()
        form.addRow("&Title:", self.title_edit)
        form.addRow("&Category:", self.category_edit)
        form.addRow("&Summary:", self.summary_edit)
        form.addRow("Audience:", self._grid(list(self.audience_boxes.values()), 4))
        form.addRow("&Key points:", self.points_edit)
        form.addRow("S&hort post:", self.short_edit)
        form.addRow("", self.short_count)
        form.addRow("&Long post:", self.long_edit)
        form.addRow("Hash&tags:", self.hashtags_edit)
        form.addRow("&Observances:", self.observances_edit)
        form.addRow("Good months:", self._grid(list(self.month_boxes.values()), 6))
        form.addRow("&Evidence:", self.evidence_edit)
        form.addRow("Citations:", self._citation_box())
        form.addRow("&Review by:", self.review_edit)
        body = QWidget()
        body.setLayout(form)
        scroll = QScrollArea()
        scroll.setWidget(body)
        scroll.setWidgetResizable(True)

        self.error_label = QLabel()
        self.error_label.setWordWrap(True)
        self.error_label.setAccessibleName("Problem with this topic")
        font = self.error_label.font()
        font.setBold(True)
        self.error_label.setFont(font)
        self.error_label.hide()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.error_label)
        layout.addWidget(buttons)
        self._count_short()

    @staticmethod
    def _grid(boxes: list[QCheckBox], columns: int) -> QWidget:
        holder = QWidget()
        grid = QGridLayout(holder)
        grid.setContentsMargins(0, 0, 0, 0)
        for index, box in enumerate(boxes):
            box.setAccessibleName(box.text())
            grid.addWidget(box, index // columns, index % columns)
        return holder

    def _citation_table(self) -> QTableWidget:
        table = QTableWidget(2, len(CITATION_COLUMNS))
        table.setAccessibleName("Citations")
        table.setHorizontalHeaderLabels([label for _key, label in CITATION_COLUMNS])
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        table.horizontalHeader().setStretchLastSection(True)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setMinimumHeight(130)
        return table

    def _citation_box(self) -> QWidget:
        add = QPushButton("Add citation")
        add.setAccessibleName("Add citation")
        add.clicked.connect(lambda: self.citations_table.insertRow(self.citations_table.rowCount()))
        remove = QPushButton("Remove citation")
        remove.setAccessibleName("Remove citation")
        remove.clicked.connect(lambda: self.citations_table.removeRow(self.citations_table.currentRow()))
        buttons = QHBoxLayout()
        buttons.addWidget(add)
        buttons.addWidget(remove)
        buttons.addStretch(1)
        holder = QWidget()
        layout = QVBoxLayout(holder)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.citations_table)
        layout.addLayout(buttons)
        return holder

    def _count_short(self) -> None:
        count = x_length(self.short_edit.toPlainText())
        verdict = "fits X" if count <= X_LIMIT else "too long for X"
        self.short_count.setText(f"{count} of {X_LIMIT} characters on X: {verdict}")

    # Reading and writing the form -------------------------------------------------------------------

    def _fill(self, topic: Topic) -> None:
        self.title_edit.setText(topic.title)
        self.category_edit.setCurrentText(topic.category_label)
        self.summary_edit.setPlainText(topic.summary)
        for who, box in self.audience_boxes.items():
            box.setChecked(who in topic.audience)
        for month, box in self.month_boxes.items():
            box.setChecked(month in topic.months)
        self.points_edit.setPlainText("\n".join(topic.key_points))
        short = topic.short_post()
        others = [p for p in topic.posts if p is not short]
        long = next((p for p in others if p.length == "long"), others[0])
        self.short_edit.setPlainText(short.text)
        self.long_edit.setPlainText(long.text)
        # Posts beyond the two the form shows are kept unchanged rather than silently dropped.
        self.extra_posts = tuple(p for p in topic.posts if p is not short and p is not long)
        self.hashtags_edit.setText(" ".join(topic.hashtags))
        self.observances_edit.setText(", ".join(topic.observances))
        self.evidence_edit.setPlainText(topic.evidence)
        self.review_edit.setDate(QDate(topic.review_by.year, topic.review_by.month, topic.review_by.day))
        self.citations_table.setRowCount(len(topic.citations))
        for row, citation in enumerate(topic.citations):
            values = (citation.organization, citation.short, citation.title, citation.url, citation.year)
            for column, value in enumerate((*values, citation.accessed.isoformat())):
                self.citations_table.setItem(row, column, QTableWidgetItem(str(value)))

    def _citations(self) -> list[dict[str, Any]]:
        rows: list[dict[str, Any]] = []
        for row in range(self.citations_table.rowCount()):
            cells = [self.citations_table.item(row, column) for column in range(len(CITATION_COLUMNS))]
            values = [cell.text().strip() if cell else "" for cell in cells]
            if not any(values):
                continue
            raw: dict[str, Any] = {key: value for (key, _label), value in zip(CITATION_COLUMNS, values, strict=True)}
            raw["year"] = int(raw["year"]) if raw["year"].isdigit() else raw["year"]
            rows.append(raw)
        return rows

    def fields(self) -> dict[str, Any]:
        """The form as a topic in the pack's shape, for :func:`topic_from_form` to judge."""
        label = self.category_edit.currentText().strip()
        known = {text.casefold(): cid for cid, text in self.library.categories()}
        title = self.title_edit.text().strip()
        posts = [("short", self.short_edit.toPlainText()), ("long", self.long_edit.toPlainText())]
        posts += [(p.length, p.text) for p in self.extra_posts]
        return {
            # An empty title leaves the id empty, so the rules report "The title is empty" first.
            "id": self.topic.id if self.topic else (self.library.unique_id(title) if title else ""),
            "title": title,
            "category": known.get(label.casefold(), slugify(label) if label else ""),
            "category_label": label,
            "summary": self.summary_edit.toPlainText(),
            "audience": [who for who, box in self.audience_boxes.items() if box.isChecked()],
            "observances": [part.strip() for part in self.observances_edit.text().split(",") if part.strip()],
            "months": [month for month, box in self.month_boxes.items() if box.isChecked()],
            "key_points": list(_lines(self.points_edit)),
            "hashtags": self.hashtags_edit.text().split(),
            "evidence": self.evidence_edit.toPlainText(),
            "review_by": self.review_edit.date().toString("yyyy-MM-dd"),
            "posts": [{"length": length, "text": text} for length, text in posts],
            "citations": self._citations(),
        }

    def _field_widget(self, field: str) -> QWidget:
        name = re.split(r"[\[.]", field)[0]
        if field.startswith("posts[1"):
            return self.long_edit
        widgets: dict[str, QWidget] = {
            "title": self.title_edit,
            "id": self.title_edit,
            "category": self.category_edit,
            "category_label": self.category_edit,
            "summary": self.summary_edit,
            "audience": next(iter(self.audience_boxes.values())),
            "key_points": self.points_edit,
            "hashtags": self.hashtags_edit,
            "evidence": self.evidence_edit,
            "review_by": self.review_edit,
            "posts": self.short_edit,
            "citations": self.citations_table,
            "months": next(iter(self.month_boxes.values())),
            "observances": self.observances_edit,
        }
        return widgets.get(name, self.title_edit)

    def accept(self) -> None:
        """Validate; on a problem, say it in one sentence and put the cursor on the field."""
        try:
            self.result_topic = topic_from_form(self.fields())
        except TopicPackError as error:
            self.error_label.setText(f"⚠ {form_sentence(error)}")
            self.error_label.show()
            self._field_widget(error.field).setFocus()
            return
        super().accept()
