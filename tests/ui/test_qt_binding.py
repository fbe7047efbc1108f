"""Guards against a Qt binding that corrupts the interpreter (found in PySide6 6.12.0 on Python 3.11)."""

from __future__ import annotations

import sys

from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QPlainTextEdit
from pytestqt.qtbot import QtBot


def test_editing_text_does_not_leak_references_to_none(qtbot: QtBot) -> None:
    editor = QPlainTextEdit()
    qtbot.addWidget(editor)
    cursor = QTextCursor(editor.document())
    before = sys.getrefcount(None)
    for _ in range(500):
        editor.setPlainText("a")
        editor.insertPlainText("b")
        cursor.insertText("c")
    # A binding that decrefs None on each call would drop the count by 1,500; allow noise from Python itself.
    assert sys.getrefcount(None) - before > -50
