"""The main window: navigation between the five screens, native menus, shortcuts and a status bar.

Layout (window geometry, splitter, last screen) is remembered in QSettings. Colours come from the
system palette, so dark mode works without a stylesheet of our own.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from PySide6.QtCore import QByteArray, QSettings, QSize, Qt
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QInputDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QStackedWidget,
    QStyle,
    QWidget,
)

from composer import __version__
from composer.ui.calendar.view import CalendarView
from composer.ui.context import ViewContext
from composer.ui.editor.view import ComposeView
from composer.ui.library.view import LibraryView
from composer.ui.profiles.view import ProfilesView
from composer.ui.review.view import ReviewView

SETTINGS_GEOMETRY = "window/geometry"
SETTINGS_STATE = "window/state"
SETTINGS_SPLITTER = "window/splitter"
SETTINGS_VIEW = "window/view"
SETTINGS_USER = "session/user_id"

ViewFactory = Callable[[ViewContext], QWidget]

# (key, label, icon, factory, tooltip) in navigation order; Ctrl+1..5 follow this order.
SCREENS: tuple[tuple[str, str, QStyle.StandardPixmap, ViewFactory, str], ...] = (
    ("composer", "Compose", QStyle.StandardPixmap.SP_FileDialogNewFolder, ComposeView, "Write posts and replies"),
    ("review", "Review", QStyle.StandardPixmap.SP_DialogApplyButton, ReviewView, "Drafts waiting for a physician"),
    ("calendar", "Calendar", QStyle.StandardPixmap.SP_FileDialogDetailedView, CalendarView, "What goes out when"),
    ("library", "Library", QStyle.StandardPixmap.SP_DirOpenIcon, LibraryView, "Evidence-based health topics"),
    (
        "profiles",
        "Profiles",
        QStyle.StandardPixmap.SP_DirHomeIcon,
        ProfilesView,
        "The practice page and personal accounts",
    ),
)


class MainWindow(QMainWindow):
    def __init__(self, context: ViewContext, settings: QSettings, *, demo: bool = False) -> None:
        super().__init__()
        self.context = context
        self.settings = settings
        self._engines_started = False
        practice = context.workspace.practice()
        title = f"{practice.name} — Clinic Composer" if practice else "Clinic Composer"
        self.setWindowTitle(title + (" (demo)" if demo else ""))
        self.setMinimumSize(QSize(720, 480))

        self.navigation = QListWidget()
        self.navigation.setAccessibleName("Screens")
        self.navigation.setIconSize(QSize(22, 22))
        self.navigation.setMaximumWidth(220)
        self.pages = QStackedWidget()
        self.views: dict[str, QWidget] = {}
        for index, (key, label, icon, factory, tip) in enumerate(SCREENS):
            item = QListWidgetItem(self.style().standardIcon(icon), label)
            item.setToolTip(f"{tip} (Ctrl+{index + 1})")
            item.setData(Qt.ItemDataRole.AccessibleTextRole, label)
            self.navigation.addItem(item)
            view = factory(context)
            view.setAccessibleName(label)
            self.views[key] = view
            self.pages.addWidget(view)
        self.navigation.currentRowChanged.connect(self._show_row)

        self.splitter = QSplitter()
        self.splitter.addWidget(self.navigation)
        self.splitter.addWidget(self.pages)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setChildrenCollapsible(False)
        self.setCentralWidget(self.splitter)

        use_in_draft = getattr(self.views["library"], "use_in_draft", None)
        if use_in_draft is not None:
            use_in_draft.connect(self._use_in_draft)
        self._build_menus()
        self._build_status_bar()
        self._restore_layout()

    # Navigation ------------------------------------------------------------------------------------

    def show_view(self, key: str) -> None:
        keys = [screen[0] for screen in SCREENS]
        self.navigation.setCurrentRow(keys.index(key))

    def current_view_key(self) -> str:
        return SCREENS[max(self.navigation.currentRow(), 0)][0]

    def _show_row(self, row: int) -> None:
        if row < 0:
            return
        self.pages.setCurrentIndex(row)
        refresh = getattr(self.pages.currentWidget(), "refresh", None)
        if callable(refresh):
            refresh()

    # Menus -----------------------------------------------------------------------------------------

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu("&File")
        self._action(
            file_menu,
            "&New Draft",
            QKeySequence.StandardKey.New,
            partial(self._in_composer, self.compose_view.new_draft),
        )
        self._action(file_menu, "Switch &User…", QKeySequence("Ctrl+Shift+U"), self.switch_user)
        file_menu.addSeparator()
        self._action(file_menu, "&Quit", QKeySequence.StandardKey.Quit, self.close)

        view_menu = self.menuBar().addMenu("&View")
        for index, (key, label, *_rest) in enumerate(SCREENS):
            self._action(view_menu, f"&{label}", QKeySequence(f"Ctrl+{index + 1}"), partial(self.show_view, key))
        view_menu.addSeparator()
        self._action(view_menu, "&Refresh", QKeySequence.StandardKey.Refresh, self.refresh_current)
        self._action(view_menu, "&Full Screen", QKeySequence.StandardKey.FullScreen, self._toggle_full_screen)

        draft_menu = self.menuBar().addMenu("&Draft")
        compose = self.compose_view
        for text, keys, slot in (
            ("&Save Draft", QKeySequence.StandardKey.Save, compose.save_now),
            ("D&uplicate Draft", QKeySequence("Ctrl+D"), compose.duplicate),
            ("Submit for &Review…", QKeySequence("Ctrl+Return"), compose.submit),
            ("&Next Problem", QKeySequence("F8"), partial(compose.editor.step, True)),
            ("&Previous Problem", QKeySequence("Shift+F8"), partial(compose.editor.step, False)),
        ):
            self._action(draft_menu, text, keys, partial(self._in_composer, slot))
        draft_menu.addSeparator()
        self._action(draft_menu, "&Undo", QKeySequence.StandardKey.Undo, compose.editor.undo)
        self._action(draft_menu, "R&edo", QKeySequence.StandardKey.Redo, compose.editor.redo)

        help_menu = self.menuBar().addMenu("&Help")
        self._action(help_menu, "&Keyboard Shortcuts", QKeySequence("F1"), self.show_shortcuts)
        self._action(help_menu, "&About Clinic Composer", None, self.show_about)

    def _action(
        self,
        menu: object,
        text: str,
        shortcut: QKeySequence | QKeySequence.StandardKey | None,
        slot: Callable[[], object],
    ) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(shortcut)
        action.triggered.connect(lambda _checked=False: slot())
        menu.addAction(action)  # type: ignore[attr-defined]
        return action

    @property
    def compose_view(self) -> ComposeView:
        view = self.views["composer"]
        assert isinstance(view, ComposeView)
        return view

    def _in_composer(self, action: Callable[[], object]) -> None:
        """Draft actions work from any screen: they bring Compose forward first."""
        self.show_view("composer")
        action()

    def _use_in_draft(self, seed: object) -> None:
        self.show_view("composer")
        self.compose_view.start_from_seed(seed)

    def _toggle_full_screen(self) -> None:
        self.setWindowState(self.windowState() ^ Qt.WindowState.WindowFullScreen)

    def refresh_current(self) -> None:
        self._show_row(self.navigation.currentRow())

    def show_shortcuts(self) -> None:
        lines = [f"Ctrl+{i + 1}\t{label}" for i, (_k, label, *_r) in enumerate(SCREENS)]
        lines += [
            "Ctrl+N\tNew draft",
            "Ctrl+S\tSave draft (drafts also save themselves)",
            "Ctrl+D\tDuplicate draft",
            "Ctrl+Enter\tSubmit for review",
            "F8 / Shift+F8\tNext / previous problem",
            "Ctrl+Z / Ctrl+Shift+Z\tUndo / redo",
            "Ctrl+Shift+U\tSwitch user",
            "F5\tRefresh",
            "F1\tThis list",
        ]
        QMessageBox.information(self, "Keyboard shortcuts", "\n".join(lines))

    def show_about(self) -> None:
        QMessageBox.about(
            self,
            "About Clinic Composer",
            f"Clinic Composer {__version__}\n\nDraft, check and plan your practice's social-media posts "
            "without risking patient privacy. Works fully offline.\n\nThe compliance checks are guidance, "
            "not legal advice.",
        )

    # Status bar and user ---------------------------------------------------------------------------

    def _build_status_bar(self) -> None:
        self.database_label = QLabel(f"Database: {self.context.workspace.description}")
        self.database_label.setAccessibleName("Database in use")
        self.user_label = QLabel()
        self.user_label.setAccessibleName("Signed-in user")
        self.statusBar().addWidget(self.database_label, 1)
        self.statusBar().addPermanentWidget(self.user_label)
        self._show_user()

    def _show_user(self) -> None:
        user = self.context.user
        self.user_label.setText(f"Signed in as {user.name} ({user.role.value})" if user else "No user signed in")

    def switch_user(self) -> None:
        users = [u for u in self.context.workspace.users() if u.active]
        if not users:
            QMessageBox.information(self, "Switch user", "This database has no users yet.")
            return
        names = [f"{u.name} ({u.role.value})" for u in users]
        current = next((i for i, u in enumerate(users) if self.context.user and u.id == self.context.user.id), 0)
        choice, ok = QInputDialog.getItem(self, "Switch user", "Work as:", names, current, False)
        if ok:
            self.context.user = users[names.index(choice)]
            self.settings.setValue(SETTINGS_USER, self.context.user.id)
            self._show_user()
            self.refresh_current()

    # Remembered layout -----------------------------------------------------------------------------

    def _restore_layout(self) -> None:
        geometry = self.settings.value(SETTINGS_GEOMETRY)
        if isinstance(geometry, QByteArray) and not geometry.isEmpty():
            self.restoreGeometry(geometry)
        else:
            self.resize(1200, 760)
        state = self.settings.value(SETTINGS_STATE)
        if isinstance(state, QByteArray):
            self.restoreState(state)
        splitter = self.settings.value(SETTINGS_SPLITTER)
        if isinstance(splitter, QByteArray):
            self.splitter.restoreState(splitter)
        else:
            self.splitter.setSizes([180, 1020])
        self.compose_view.restore_layout(self.settings)
        keys = [screen[0] for screen in SCREENS]
        last = self.settings.value(SETTINGS_VIEW, "composer")
        self.navigation.setCurrentRow(keys.index(last) if last in keys else 0)

    def save_layout(self) -> None:
        self.settings.setValue(SETTINGS_GEOMETRY, self.saveGeometry())
        self.settings.setValue(SETTINGS_STATE, self.saveState())
        self.settings.setValue(SETTINGS_SPLITTER, self.splitter.saveState())
        self.settings.setValue(SETTINGS_VIEW, self.current_view_key())
        self.compose_view.save_layout(self.settings)
        self.settings.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_layout()
        super().closeEvent(event)
