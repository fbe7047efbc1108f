"""The Library screen as a user meets it: search as you type, filters, citations, Use in draft, packs."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QFileDialog, QLabel, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from composer.domain.topics import topics_to_pack
from composer.services.library import DraftSeed, TopicLibrary, save_practice_topic, shipped_topics
from composer.services.workspace import Workspace
from composer.ui.context import ViewContext
from composer.ui.library.results import DetailRole
from composer.ui.library.topic_dialog import TopicDialog, form_sentence
from composer.ui.library.view import LibraryView
from tests.library.helpers import own_topic, practice_with_user


@pytest.fixture
def user_workspace(workspace: Workspace) -> tuple[Workspace, object]:
    return workspace, practice_with_user(workspace)


def make_view(qtbot: QtBot, workspace: Workspace, user: object = None) -> LibraryView:
    view = LibraryView(ViewContext(workspace, user))  # type: ignore[arg-type]
    qtbot.addWidget(view)
    view.resize(1100, 700)
    view.show()
    return view


def titles(view: LibraryView) -> list[str]:
    return [view.model.topic(row).title for row in range(view.model.rowCount())]  # type: ignore[union-attr]


def test_opens_with_the_first_topic_shown(qtbot: QtBot, workspace: Workspace) -> None:
    view = make_view(qtbot, workspace)
    first = shipped_topics()[0]
    assert view.current_topic() == first
    assert first.title in view.page.toPlainText()
    assert view.search.placeholderText() == "Search topics…" and view.search.isClearButtonEnabled()


def test_typing_narrows_the_list(qtbot: QtBot, workspace: Workspace) -> None:
    view = make_view(qtbot, workspace)
    everything = view.model.rowCount()
    qtbot.keyClicks(view.search, "blood")
    narrowed = titles(view)
    assert 0 < len(narrowed) < everything
    qtbot.keyClicks(view.search, " pressure")
    assert "blood pressure" in titles(view)[0].lower()
    assert view.count_label.text().startswith(f"{view.model.rowCount()} of {everything}")


def test_filter_by_category(qtbot: QtBot, workspace: Workspace) -> None:
    view = make_view(qtbot, workspace)
    view.category.setCurrentIndex(view.category.findData("vaccines"))
    shown = [view.model.topic(row) for row in range(view.model.rowCount())]
    assert shown and {t.category for t in shown if t} == {"vaccines"}
    assert view.current_topic() in shown


def test_selecting_a_topic_shows_its_citations(qtbot: QtBot, workspace: Workspace) -> None:
    view = make_view(qtbot, workspace)
    view.select_row(3)
    topic = view.current_topic()
    assert topic is not None
    page = view.page.toPlainText()
    for citation in topic.citations:
        assert citation.organization in page and citation.title in page and citation.url in page
        assert f"Accessed {citation.accessed:%d %B %Y}" in page
    assert "X-ready" in page and "Review by" in page


def test_clicking_a_citation_link_copies_it_instead_of_opening_a_browser(qtbot: QtBot, workspace: Workspace) -> None:
    view = make_view(qtbot, workspace)
    url = view.current_topic().citations[0].url  # type: ignore[union-attr]
    from PySide6.QtCore import QUrl

    view.page.anchorClicked.emit(QUrl(url))
    assert QGuiApplication.clipboard().text() == url
    assert "Copied" in view.message.text()
    assert not view.page.openLinks() and not view.page.openExternalLinks()


def test_use_in_draft_emits_the_chosen_post_and_its_citations(qtbot: QtBot, workspace: Workspace) -> None:
    view = make_view(qtbot, workspace)
    topic = view.current_topic()
    assert topic is not None
    view.post_choice.setCurrentIndex(1)
    with qtbot.waitSignal(view.use_in_draft) as blocker:
        qtbot.mouseClick(view.use_button, Qt.MouseButton.LeftButton)
    seed = blocker.args[0]
    assert isinstance(seed, DraftSeed)
    assert seed.text == topic.posts[1].text and seed.citations == topic.citations and seed.topic_id == topic.id


def test_keyboard_search_down_then_enter_uses_the_topic(qtbot: QtBot, workspace: Workspace) -> None:
    view = make_view(qtbot, workspace)
    view.activateWindow()
    qtbot.waitUntil(view.isActiveWindow)
    qtbot.keyClick(view, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert view.search.hasFocus()
    qtbot.keyClicks(view.search, "mammogram")
    qtbot.keyClick(view.search, Qt.Key.Key_Down)
    assert view.results.hasFocus()
    with qtbot.waitSignal(view.use_in_draft) as blocker:
        qtbot.keyClick(view.results, Qt.Key.Key_Return)
    assert "mammogram" in blocker.args[0].topic_title.lower()


def test_no_results_shows_an_empty_state_with_clear_search(qtbot: QtBot, workspace: Workspace) -> None:
    view = make_view(qtbot, workspace)
    qtbot.keyClicks(view.search, "zebra unicorn")
    assert view.result_stack.currentWidget() is view.no_results
    assert view.no_results.title_label.text() == "No topics match “zebra unicorn”"
    assert not view.use_button.isEnabled()
    assert view.no_results.action_button is not None
    qtbot.mouseClick(view.no_results.action_button, Qt.MouseButton.LeftButton)
    assert view.search.text() == "" and view.result_stack.currentWidget() is view.results


def test_a_topic_due_for_review_is_flagged_in_words(qtbot: QtBot, user_workspace) -> None:
    workspace, user = user_workspace
    save_practice_topic(workspace, user, own_topic(review_by=date(2026, 1, 1)))
    view = make_view(qtbot, workspace, user)
    view.today = lambda: date(2026, 6, 1)
    view.refresh()
    qtbot.keyClicks(view.search, "saturday walking")
    assert titles(view) == ["Our Saturday walking club"]
    detail = view.model.data(view.model.index(0, 0), DetailRole)
    assert "Practice" in detail and "Due for review" in detail
    assert "Due for review" in view.page.toPlainText()
    assert view.edit_button.isEnabled() and view.delete_button.isEnabled()


def test_import_pack_through_the_file_dialog(qtbot: QtBot, user_workspace, tmp_path: Path, monkeypatch) -> None:
    workspace, user = user_workspace
    path = tmp_path / "colleague.json"
    path.write_text(json.dumps(topics_to_pack([own_topic("shared-walks", title="Shared walks")])), encoding="utf-8")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *args, **kwargs: (str(path), ""))
    view = make_view(qtbot, workspace, user)
    qtbot.mouseClick(view.import_button, Qt.MouseButton.LeftButton)
    assert view.current_topic() is not None and view.current_topic().id == "shared-walks"  # type: ignore[union-attr]
    assert "Imported 1 topic from colleague.json." in view.message.text()
    assert TopicLibrary.load(workspace).is_practice_topic("shared-walks")


def test_a_bad_pack_is_refused_with_one_sentence(qtbot: QtBot, user_workspace, tmp_path: Path, monkeypatch) -> None:
    workspace, user = user_workspace
    path = tmp_path / "bad.json"
    path.write_text("{}", encoding="utf-8")
    shown: list[str] = []
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *args, **kwargs: (str(path), ""))
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text: shown.append(text))
    view = make_view(qtbot, workspace, user)
    view.import_pack()
    assert len(shown) == 1 and "bad.json" in shown[0] and "format" in shown[0]
    assert TopicLibrary.load(workspace).practice_topics() == []


def test_export_selected_writes_a_pack(qtbot: QtBot, workspace: Workspace, tmp_path: Path, monkeypatch) -> None:
    target = tmp_path / "one.json"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args, **kwargs: (str(target), ""))
    view = make_view(qtbot, workspace)
    view.export_selected()
    data = json.loads(target.read_text(encoding="utf-8"))
    assert [t["id"] for t in data["topics"]] == [shipped_topics()[0].id]


def test_delete_asks_first(qtbot: QtBot, user_workspace, monkeypatch) -> None:
    workspace, user = user_workspace
    save_practice_topic(workspace, user, own_topic())
    view = make_view(qtbot, workspace, user)
    qtbot.keyClicks(view.search, "walking club")
    monkeypatch.setattr(QMessageBox, "question", lambda *args: QMessageBox.StandardButton.Cancel)
    view.delete_topic()
    assert TopicLibrary.load(workspace).is_practice_topic("our-walking-club")
    monkeypatch.setattr(QMessageBox, "question", lambda *args: QMessageBox.StandardButton.Yes)
    view.delete_topic()
    assert not TopicLibrary.load(workspace).is_practice_topic("our-walking-club")


def test_the_topic_dialog_validates_inline_and_round_trips(qtbot: QtBot, workspace: Workspace) -> None:
    library = TopicLibrary.load(None)
    dialog = TopicDialog(library, own_topic())
    qtbot.addWidget(dialog)
    dialog.accept()
    assert dialog.result_topic == own_topic()

    empty = TopicDialog(library)
    qtbot.addWidget(empty)
    empty.show()
    empty.accept()
    assert empty.result_topic is None and empty.isVisible()
    assert empty.error_label.text() == "⚠ The title is empty."

    dialog.review_edit.setDate(dialog.review_edit.date())  # unchanged fields keep validating
    dialog.citations_table.item(0, 3).setText("http://insecure.example")  # type: ignore[union-attr]
    dialog.accept()
    assert "Citation 1, web address" in dialog.error_label.text()


def test_every_control_has_an_accessible_name(qtbot: QtBot, workspace: Workspace) -> None:
    view = make_view(qtbot, workspace)
    for widget in view.findChildren(QWidget):
        if widget.focusPolicy() != Qt.FocusPolicy.NoFocus and widget.isVisible() and not isinstance(widget, QLabel):
            if widget.parent() is not None and type(widget).__name__ in ("QScrollBar", "QSplitterHandle"):
                continue
            assert widget.accessibleName(), type(widget).__name__


def test_form_sentence_names_the_field() -> None:
    from composer.services.library import TopicPackError

    error = TopicPackError("x", field="posts[0].text", problem="is empty")
    assert form_sentence(error) == "The short post is empty."


def test_ctrl_f_works_in_the_main_window_after_switching_screens(
    qtbot: QtBot, workspace: Workspace, tmp_path: Path
) -> None:
    from composer.app.gui import app_settings, build_window

    window = build_window(workspace, app_settings(tmp_path), demo=False)
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.show_view("library")
    window.navigation.setFocus()
    qtbot.keyClick(window.navigation, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    view = window.views["library"]
    assert isinstance(view, LibraryView) and view.search.hasFocus()
