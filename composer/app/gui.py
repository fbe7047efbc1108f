"""Starting the desktop app: one QApplication, the database opened safely, the main window shown."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication, QMessageBox

from composer import __version__
from composer.app import crash
from composer.app.paths import data_dir
from composer.app.single_instance import InstanceLock
from composer.domain.errors import ComposerError
from composer.services.demo import fill_demo
from composer.services.workspace import Workspace, open_workspace
from composer.storage.database import OWNER_ONLY_FOLDER, parse_url, sqlite_file
from composer.ui.context import ViewContext
from composer.ui.editor.check_runner import Engines
from composer.ui.main_window import SETTINGS_USER, MainWindow

HEADLESS_PLATFORMS = ("offscreen", "minimal")


def create_application() -> QApplication:
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    QGuiApplication.setHighDpiScaleFactorRoundingPolicy(Qt.HighDpiScaleFactorRoundingPolicy.PassThrough)
    app = QApplication(sys.argv[:1])
    app.setApplicationName("Clinic Composer")
    app.setOrganizationName("ClinicComposer")
    app.setApplicationVersion(__version__)
    app.setDesktopFileName("clinic-composer")
    return app


def app_settings(folder: Path | None = None) -> QSettings:
    """Settings live in an INI file beside the database, so one folder holds all of a user's state."""
    folder = folder or data_dir()
    folder.mkdir(parents=True, exist_ok=True, mode=OWNER_ONLY_FOLDER)
    return QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat)


def apply_dark_palette(app: QApplication) -> None:
    """A dark palette for screenshots and platforms that do not report a colour scheme themselves."""
    app.setStyle("Fusion")
    palette = QPalette()
    roles = {
        QPalette.ColorRole.Window: "#202124",
        QPalette.ColorRole.WindowText: "#e8eaed",
        QPalette.ColorRole.Base: "#17181a",
        QPalette.ColorRole.AlternateBase: "#26272b",
        QPalette.ColorRole.Text: "#e8eaed",
        QPalette.ColorRole.Button: "#2d2e31",
        QPalette.ColorRole.ButtonText: "#e8eaed",
        QPalette.ColorRole.Highlight: "#8ab4f8",
        QPalette.ColorRole.HighlightedText: "#202124",
        QPalette.ColorRole.ToolTipBase: "#2d2e31",
        QPalette.ColorRole.ToolTipText: "#e8eaed",
        QPalette.ColorRole.PlaceholderText: "#9aa0a6",
        QPalette.ColorRole.Link: "#8ab4f8",
    }
    for role, colour in roles.items():
        palette.setColor(role, QColor(colour))
    for role in (QPalette.ColorRole.WindowText, QPalette.ColorRole.Text, QPalette.ColorRole.ButtonText):
        palette.setColor(QPalette.ColorGroup.Disabled, role, QColor("#6f7378"))
    palette.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Base, QColor("#1f2023"))
    palette.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Button, QColor("#26272a"))
    app.setPalette(palette)


def open_database(url: str, *, demo: bool) -> tuple[Workspace, InstanceLock | None]:
    """Lock a SQLite file against a second window, migrate it, and fill the demo practice if asked."""
    lock = None
    path = sqlite_file(parse_url(url))
    if path is not None:
        path.parent.mkdir(parents=True, exist_ok=True, mode=OWNER_ONLY_FOLDER)
        lock = InstanceLock(path)
        lock.acquire()
    try:
        workspace = open_workspace(url)
        if demo and workspace.practice() is None:
            fill_demo(workspace)
    except BaseException:
        if lock:
            lock.release()
        raise
    return workspace, lock


def build_window(workspace: Workspace, settings: QSettings, *, demo: bool) -> MainWindow:
    remembered = settings.value(SETTINGS_USER)
    user = workspace.default_user(int(remembered) if remembered not in (None, "") else None)
    return MainWindow(ViewContext(workspace, user, Engines()), settings, demo=demo)


def run_gui(url: str, *, demo: bool = False) -> int:
    app = create_application()
    try:
        workspace, lock = open_database(url, demo=demo)
    except ComposerError as error:
        if QGuiApplication.platformName() not in HEADLESS_PLATFORMS and not os.environ.get("CI"):
            QMessageBox.critical(None, "Clinic Composer cannot start", str(error))
        raise
    try:
        window = build_window(workspace, app_settings(), demo=demo)
        crash.install(
            data_dir() / "crash-reports", lambda text: QMessageBox.warning(window, "Unexpected problem", text)
        )
        window.show()
        return app.exec()
    finally:
        workspace.close()
        if lock:
            lock.release()
