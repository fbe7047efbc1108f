"""The main window as a user meets it: screens, shortcuts, status bar, empty states, remembered layout."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QTableWidget
from pytestqt.qtbot import QtBot

from composer.app.gui import app_settings, build_window, open_database
from composer.services.workspace import Workspace, open_workspace
from composer.ui.main_window import MainWindow


def make_window(qtbot: QtBot, workspace: Workspace, folder: Path) -> MainWindow:
    window = build_window(workspace, app_settings(folder), demo=False)
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)  # window shortcuts only reach the active window
    return window


def test_opens_on_the_sample_practice(qtbot: QtBot, demo_workspace: Workspace, tmp_path: Path) -> None:
    window = make_window(qtbot, demo_workspace, tmp_path)
    assert window.windowTitle().startswith("Riverbend Family Medicine")
    assert window.user_label.text() == "Signed in as Luis Ortega (admin)"
    assert demo_workspace.description in window.database_label.text()


def test_keyboard_shortcuts_switch_screens(qtbot: QtBot, demo_workspace: Workspace, tmp_path: Path) -> None:
    window = make_window(qtbot, demo_workspace, tmp_path)
    qtbot.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    assert window.current_view_key() == "review"
    table = window.views["review"].findChild(QTableWidget)
    assert table is not None and table.rowCount() > 0
    qtbot.keyClick(window, Qt.Key.Key_5, Qt.KeyboardModifier.ControlModifier)
    assert window.current_view_key() == "profiles"
    labels = [label.text() for label in window.views["profiles"].findChildren(QLabel)]
    assert "(555) 201-3300" in labels


def test_empty_database_shows_clear_empty_states(qtbot: QtBot, workspace: Workspace, tmp_path: Path) -> None:
    window = make_window(qtbot, workspace, tmp_path)
    assert window.user_label.text() == "No user signed in"
    for key, phrase in (
        ("review", "Nothing is waiting"),
        ("calendar", "Nothing is scheduled"),
        ("profiles", "No practice"),
    ):
        window.show_view(key)
        visible = [w.text() for w in window.views[key].findChildren(QLabel) if w.isVisible()]
        assert any(phrase in text for text in visible), (key, visible)


def test_every_screen_and_control_has_an_accessible_name(
    qtbot: QtBot, demo_workspace: Workspace, tmp_path: Path
) -> None:
    window = make_window(qtbot, demo_workspace, tmp_path)
    for key, view in window.views.items():
        assert view.accessibleName(), key
    assert window.navigation.accessibleName() == "Screens"
    for index in range(window.navigation.count()):
        assert "Ctrl+" in window.navigation.item(index).toolTip()


def test_layout_is_remembered_between_sessions(qtbot: QtBot, demo_workspace: Workspace, tmp_path: Path) -> None:
    first = make_window(qtbot, demo_workspace, tmp_path)
    first.resize(780, 610)  # the offscreen screen is 800x800; Qt keeps windows on screen
    first.show_view("calendar")
    first.close()
    second = make_window(qtbot, demo_workspace, tmp_path)
    assert second.current_view_key() == "calendar"
    assert (second.width(), second.height()) == (780, 610)


def test_switching_user_is_remembered(qtbot: QtBot, demo_workspace: Workspace, tmp_path: Path, monkeypatch) -> None:
    from PySide6.QtWidgets import QInputDialog

    window = make_window(qtbot, demo_workspace, tmp_path)
    monkeypatch.setattr(QInputDialog, "getItem", lambda *args: ("Maria Santos (staff)", True))
    window.switch_user()
    assert window.user_label.text() == "Signed in as Maria Santos (staff)"
    window.close()
    again = make_window(qtbot, demo_workspace, tmp_path)
    assert again.context.user is not None and again.context.user.name == "Maria Santos"


def test_demo_flag_fills_an_empty_file_once(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'demo.db'}"
    workspace, lock = open_database(url, demo=True)
    try:
        assert workspace.practice() is not None
    finally:
        workspace.close()
        assert lock is not None
        lock.release()
    workspace, lock = open_database(url, demo=True)  # second start: no error, no duplicate practice
    workspace.close()
    assert lock is not None
    lock.release()
    reopened = open_workspace(url)
    assert len(reopened.profiles()) == 2
    reopened.close()


def test_use_in_draft_opens_compose_with_the_text_and_sources(
    qtbot: QtBot, demo_workspace: Workspace, tmp_path: Path
) -> None:
    from composer.ui.library.view import LibraryView

    window = make_window(qtbot, demo_workspace, tmp_path)
    window.show_view("library")
    library = window.views["library"]
    assert isinstance(library, LibraryView)
    library.select_row(0)
    topic = library.current_topic()
    assert topic is not None
    library.use_selected()
    assert window.current_view_key() == "composer"
    compose = window.compose_view
    assert compose.editor.toPlainText() == topic.short_post().text
    assert [row[2] for row in compose.attachments.citation_rows()] == [c.url for c in topic.citations]
    compose.save_now()
    assert compose.post is not None
    with demo_workspace.store() as store:
        saved = store.extras.citations(compose.post.id)
    assert [c.url for c in saved] == [c.url for c in topic.citations]


def test_compose_is_read_only_until_someone_signs_in(
    qtbot: QtBot, demo_workspace: Workspace, tmp_path: Path, monkeypatch
) -> None:
    from PySide6.QtWidgets import QInputDialog

    from composer.ui.context import ViewContext
    from composer.ui.main_window import MainWindow

    window = MainWindow(ViewContext(demo_workspace, None), app_settings(tmp_path))
    qtbot.addWidget(window)
    window.show()
    compose = window.compose_view
    assert not compose.editor.isEnabled()
    assert "Switch User" in compose.message_bar.text.text()
    monkeypatch.setattr(QInputDialog, "getItem", lambda *args: ("Maria Santos (staff)", True))
    window.switch_user()
    window.show_view("composer")
    assert compose.editor.isEnabled()
