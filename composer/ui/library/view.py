"""Library: search the evidence-based topics, read one with its citations, and start a draft from it.

Search runs on every keystroke (the service answers in well under a millisecond), so there is no
debounce. The view never touches the database itself: it asks :mod:`composer.services.library`.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QEvent, QItemSelectionModel, QModelIndex, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QMenu,
    QMessageBox,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from composer.domain.errors import ComposerError
from composer.domain.topics import Topic
from composer.services import library as service
from composer.ui.context import ViewContext
from composer.ui.library.results import TopicDelegate, TopicListModel
from composer.ui.library.topic_dialog import TopicDialog
from composer.ui.library.topic_page import MONTHS, TopicPage, post_note
from composer.ui.widgets.empty_state import EmptyState

PACK_FILTER = "Topic packs (*.json);;All files (*)"


def _button(text: str, slot: Callable[[], object], tip: str = "") -> QPushButton:
    button = QPushButton(text)
    button.setAccessibleName(text.rstrip("…"))
    if tip:
        button.setToolTip(tip)
    button.clicked.connect(lambda _checked=False: slot())
    return button


def _combo(name: str, tip: str) -> QComboBox:
    combo = QComboBox()
    combo.setAccessibleName(name)
    combo.setToolTip(tip)
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
    return combo


class LibraryView(QWidget):
    """The Library screen; emits :attr:`use_in_draft` with a :class:`~composer.services.library.DraftSeed`."""

    title = "Library"
    use_in_draft = Signal(object)

    def __init__(self, context: ViewContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        #: Injected so tests can look at the library on a chosen day.
        self.today: Callable[[], date] = date.today
        self.library = service.TopicLibrary([])
        self._build()
        self.refresh()

    # Layout ----------------------------------------------------------------------------------------

    def _build(self) -> None:
        self.search = QLineEdit()
        self.search.setPlaceholderText("Search topics…")
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName("Search topics")
        self.search.setToolTip("Type words from a title, point, hashtag or observance (Ctrl+F)")
        self.search.textChanged.connect(self.apply_filters)
        self.search.installEventFilter(self)
        # Window-wide, so Ctrl+F works straight after switching screens; Qt ignores shortcuts of hidden
        # widgets, so this never competes with another screen's Ctrl+F.
        find = QShortcut(QKeySequence.StandardKey.Find, self, self._focus_search)
        find.setContext(Qt.ShortcutContext.WindowShortcut)

        self.category = _combo("Category", "Show one category")
        self.month = _combo("Month", "Show topics suited to a month and its health observances")
        self.audience = _combo("Audience", "Show topics written for one audience")
        for combo in (self.category, self.month, self.audience):
            combo.currentIndexChanged.connect(self.apply_filters)

        filters = QHBoxLayout()
        filters.addWidget(self.search, 3)
        for label, combo in (("Category", self.category), ("&Month", self.month), ("&Audience", self.audience)):
            caption = QLabel(label if "&" in label else f"&{label}")
            caption.setBuddy(combo)
            filters.addWidget(caption)
            filters.addWidget(combo)

        self.model = TopicListModel(self)
        self.results = QListView()
        self.results.setModel(self.model)
        self.results.setItemDelegate(TopicDelegate(self.results))
        self.results.setAccessibleName("Topics")
        self.results.setUniformItemSizes(True)
        self.results.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.results.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.results.installEventFilter(self)
        self.results.selectionModel().currentChanged.connect(self._show_current)

        self.no_results = EmptyState(
            "No topics match",
            "Try fewer or different words, or another category, month or audience.",
            action_text="Clear search",
            on_action=self.clear_search,
        )
        self.result_stack = QStackedWidget()
        self.result_stack.addWidget(self.results)
        self.result_stack.addWidget(self.no_results)
        self.count_label = QLabel()
        self.count_label.setAccessibleName("Number of topics shown")

        self.new_button = _button("New topic…", self.new_topic, "Write a topic of your practice's own")
        self.import_button = _button("Import pack…", self.import_pack, "Add the topics of a colleague's topic pack")
        self.export_button = QPushButton("Export…")
        self.export_button.setAccessibleName("Export")
        self.export_button.setToolTip("Save topics as a pack to share with another practice")
        export_menu = QMenu(self.export_button)
        self.export_selected_action = export_menu.addAction("Selected topic…", self.export_selected)
        self.export_practice_action = export_menu.addAction("All practice topics…", self.export_practice)
        self.export_button.setMenu(export_menu)
        list_actions = QHBoxLayout()
        for button in (self.new_button, self.import_button, self.export_button):
            list_actions.addWidget(button)
        list_actions.addStretch(1)

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.result_stack, 1)
        left_layout.addWidget(self.count_label)
        left_layout.addLayout(list_actions)

        self.page = TopicPage()
        self.page.link_copied.connect(lambda url: self.show_message(f"Copied {url} to the clipboard."))
        self.post_choice = _combo("Post to use", "Which ready post goes into the draft")
        self.use_button = _button(
            "Use in draft", self.use_selected, "Open the composer with this post and its citations (Enter)"
        )
        self.use_button.setDefault(True)
        self.edit_button = _button("Edit…", self.edit_topic, "Change this practice topic")
        self.delete_button = _button("Delete", self.delete_topic, "Remove this practice topic")
        page_actions = QHBoxLayout()
        caption = QLabel("&Post:")
        caption.setBuddy(self.post_choice)
        page_actions.addWidget(caption)
        page_actions.addWidget(self.post_choice, 1)
        for button in (self.use_button, self.edit_button, self.delete_button):
            page_actions.addWidget(button)

        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.page, 1)
        right_layout.addLayout(page_actions)

        self.splitter = QSplitter()
        self.splitter.addWidget(left)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([340, 700])
        self.splitter.setChildrenCollapsible(False)

        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setAccessibleName("Library messages")
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.splitter, 1)
        layout.addWidget(self.message)
        self.setTabOrder(self.search, self.category)

    # Loading and filtering -------------------------------------------------------------------------

    def refresh(self) -> None:
        """Reload practice topics (another workstation may have changed them) and keep the selection."""
        current = self.current_topic()
        try:
            self.library = service.TopicLibrary.load(self.context.workspace)
        except ComposerError as error:
            self.library = service.TopicLibrary([])
            self.show_message(str(error))
        else:
            self.show_message(" ".join(self.library.problems))
        self._fill_filters()
        self.apply_filters(keep=current.id if current else None)
        # Changes are audited under the signed-in user, so with nobody signed in they are not offered.
        self.new_button.setEnabled(self.context.user is not None)
        self.import_button.setEnabled(self.context.user is not None)
        self.export_practice_action.setEnabled(bool(self.library.practice_topics()))

    def _fill_filters(self) -> None:
        choices: list[tuple[QComboBox, str, list[tuple[object, str]]]] = [
            (self.category, "All categories", [(cid, label) for cid, label in self.library.categories()]),
            (self.month, "Any month", [(n, MONTHS[n - 1]) for n in range(1, 13)]),
            (self.audience, "Any audience", [(a, a.replace("-", " ").capitalize()) for a in self.library.audiences()]),
        ]
        for combo, everything, items in choices:
            chosen = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(everything, None)
            for value, label in items:
                combo.addItem(label, value)
            combo.setCurrentIndex(max(combo.findData(chosen), 0) if chosen is not None else 0)
            combo.blockSignals(False)

    def apply_filters(self, *_args: object, keep: str | None = None) -> None:
        """Run the search and show the result, keeping the shown topic if it still matches."""
        if keep is None:
            shown = self.current_topic()
            keep = shown.id if shown else None
        query = self.search.text()
        topics = self.library.search(
            query,
            category=self.category.currentData(),
            month=self.month.currentData(),
            audience=self.audience.currentData(),
        )
        practice = {t.id for t in self.library.practice_topics()}
        self.model.set_topics(topics, practice, self.today())
        self.count_label.setText(f"{len(topics)} of {len(self.library.all())} topics")
        if not topics:
            words = f"“{query.strip()}”" if query.strip() else "these filters"
            self.no_results.title_label.setText(f"No topics match {words}")
            self.result_stack.setCurrentWidget(self.no_results)
            self._show_topic(None)
            return
        self.result_stack.setCurrentWidget(self.results)
        row = self.model.row_of(keep) if keep else -1
        self.select_row(row if row >= 0 else 0)

    def select_row(self, row: int) -> None:
        index = self.model.index(row, 0)
        flags = QItemSelectionModel.SelectionFlag.ClearAndSelect
        self.results.selectionModel().setCurrentIndex(index, flags)
        self._show_current(index)

    def clear_search(self) -> None:
        self.search.clear()
        for combo in (self.category, self.month, self.audience):
            combo.setCurrentIndex(0)
        self.search.setFocus()

    # The shown topic -------------------------------------------------------------------------------

    def current_topic(self) -> Topic | None:
        if not hasattr(self, "model") or self.result_stack.currentWidget() is not self.results:
            return None
        return self.model.topic(self.results.currentIndex().row())

    def _show_current(self, index: QModelIndex, _previous: QModelIndex | None = None) -> None:
        self._show_topic(self.model.topic(index.row()))

    def _show_topic(self, topic: Topic | None) -> None:
        practice = bool(topic and self.library.is_practice_topic(topic.id))
        self.page.show_topic(topic, practice=practice, today=self.today())
        self.post_choice.clear()
        for post in topic.posts if topic else ():
            self.post_choice.addItem(post_note(post), post)
        writable = practice and self.context.user is not None
        self.use_button.setEnabled(topic is not None)
        self.post_choice.setEnabled(topic is not None)
        self.edit_button.setEnabled(writable)
        self.delete_button.setEnabled(writable)
        self.export_selected_action.setEnabled(topic is not None)

    def use_selected(self) -> None:
        topic = self.current_topic()
        if topic is None:
            return
        post = self.post_choice.currentData()
        self.use_in_draft.emit(service.seed_from_topic(topic, post if post is not None else "short"))

    # Keyboard --------------------------------------------------------------------------------------

    def _focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            key = event.key()
            if watched is self.search and key == Qt.Key.Key_Down and self.model.rowCount() > 0:
                self.results.setFocus(Qt.FocusReason.TabFocusReason)
                if not self.results.currentIndex().isValid():
                    self.select_row(0)
                return True
            if watched is self.results and key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.use_selected()
                return True
        return super().eventFilter(watched, event)

    # Practice topics -------------------------------------------------------------------------------

    def show_message(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))

    def _run(self, action: Callable[[], object]) -> object | None:
        """Run a service call and show a ComposerError as its one sentence instead of failing."""
        try:
            return action()
        except ComposerError as error:
            QMessageBox.warning(self, "Library", str(error))
            return None

    def _after_change(self, select_id: str | None, message: str) -> None:
        self.refresh()
        if select_id:
            self.clear_search()
            self.select_row(max(self.model.row_of(select_id), 0))
        self.show_message(message)

    def new_topic(self) -> None:
        self._open_dialog(None)

    def edit_topic(self) -> None:
        topic = self.current_topic()
        if topic and self.library.is_practice_topic(topic.id):
            self._open_dialog(topic)

    def _open_dialog(self, topic: Topic | None) -> None:
        user = self.context.user
        if user is None:
            return
        dialog = TopicDialog(self.library, topic, self)
        topic_to_save = dialog.result_topic if dialog.exec() == TopicDialog.DialogCode.Accepted else None
        if topic_to_save is None:
            return
        saved = self._run(lambda: service.save_practice_topic(self.context.workspace, user, topic_to_save))
        if isinstance(saved, Topic):
            self._after_change(saved.id, f"Saved “{saved.title}”.")

    def delete_topic(self) -> None:
        topic, user = self.current_topic(), self.context.user
        if topic is None or user is None or not self.library.is_practice_topic(topic.id):
            return
        shadowed = any(t.id == topic.id for t in service.shipped_topics())
        after = " The library's own version will show again." if shadowed else ""
        answer = QMessageBox.question(
            self,
            "Delete topic",
            f"Delete your practice's topic “{topic.title}”? Other workstations lose it too.{after}",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        if self._run(lambda: service.delete_practice_topic(self.context.workspace, user, topic.id)) is not None:
            self._after_change(None, f"Deleted “{topic.title}”.")

    def import_pack(self) -> None:
        user = self.context.user
        if user is None:
            return
        path, _filter = QFileDialog.getOpenFileName(self, "Import topic pack", "", PACK_FILTER)
        if not path:
            return
        result = self._run(lambda: service.import_pack(self.context.workspace, user, path))
        if isinstance(result, service.ImportResult):
            first = (result.added + result.replaced)[:1]
            self._after_change(first[0] if first else None, result.sentence())

    def export_selected(self) -> None:
        topic = self.current_topic()
        if topic is not None:
            self._export([topic], topic.id)

    def export_practice(self) -> None:
        self._export(self.library.practice_topics(), "practice-topics")

    def _export(self, topics: list[Topic], name: str) -> None:
        if not topics:
            return
        path, _filter = QFileDialog.getSaveFileName(self, "Export topic pack", f"{name}.json", PACK_FILTER)
        if not path:
            return
        written = self._run(lambda: service.export_pack(topics, path))
        if written is not None:
            noun = "topic" if len(topics) == 1 else "topics"
            self.show_message(f"Exported {len(topics)} {noun} to {path}.")
