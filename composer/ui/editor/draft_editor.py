"""The drafting editor: a QPlainTextEdit that shows findings as underlines, margin glyphs and tooltips.

Each edit bumps a revision and restarts a short single-shot timer; when typing pauses the editor emits a
snapshot. Results come back tagged with the revision they were made for, and a stale one is never drawn.
Each finding is kept as a cursor that follows later edits, so a quick fix always lands on the right
characters even before the next check arrives; the underlines are painted from those cursors
(``underlines.py``).
"""

from __future__ import annotations

import html
from collections.abc import Callable

from PySide6.QtCore import QEvent, QMimeData, QPoint, QRect, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QContextMenuEvent, QHelpEvent, QPainter, QPaintEvent, QResizeEvent, QTextCursor
from PySide6.QtWidgets import QMenu, QPlainTextEdit, QToolTip, QWidget

from composer.checking import Finding
from composer.ui.editor.offsets import OffsetMap
from composer.ui.editor.styles import SEVERITY_LABELS, finding_style, worst
from composer.ui.editor.underlines import Segment, paint_backgrounds, paint_underlines, visible_segments

DEBOUNCE_MS = 350
MAX_DRAFT_CHARS = 100_000  # far above any platform's limit (Facebook: 63,206), far below a runaway paste

MenuProvider = Callable[[QMenu, list["Mark"], int], None]


class Mark:
    """A drawn finding: the finding as checked, plus a cursor that follows later edits."""

    __slots__ = ("cursor", "finding")

    def __init__(self, finding: Finding, cursor: QTextCursor) -> None:
        self.finding = finding
        self.cursor = cursor

    def current_text(self) -> str:
        return self.cursor.selectedText()


class DraftEditor(QPlainTextEdit):
    snapshot_ready = Signal(int, str)  # revision, text
    marks_changed = Signal()
    paste_refused = Signal(str)  # a one-sentence explanation

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Draft text")
        self.setAccessibleDescription("Problems are underlined; F8 goes to the next problem, Shift+F8 to the previous.")
        self.setPlaceholderText("Write your post or reply here. Problems are underlined as you type.")
        self.setTabChangesFocus(True)
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.revision = 0
        self.marks_drawn_for = -1  # the revision whose findings are on screen (tests and benchmarks wait on it)
        self.marks: list[Mark] = []
        self.menu_provider: MenuProvider | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self.emit_snapshot)
        self.textChanged.connect(self._on_text_changed)
        self._gutter = _Gutter(self)
        self.updateRequest.connect(self._gutter.follow)
        self.setViewportMargins(self._gutter.sizeHint().width(), 0, 0, 0)

    # Checking ------------------------------------------------------------------------------------

    def _on_text_changed(self) -> None:
        self.revision += 1
        self._timer.start()

    def emit_snapshot(self) -> None:
        """Send the current text for checking now (the timer does this after a pause)."""
        self._timer.stop()
        self.snapshot_ready.emit(self.revision, self.toPlainText())

    def set_debounce(self, msecs: int) -> None:
        self._timer.setInterval(msecs)

    def show_findings(self, revision: int, findings: list[Finding]) -> bool:
        """Draw ``findings`` if they belong to the current text; returns False for a stale result."""
        if revision != self.revision:
            return False
        offsets = OffsetMap(self.toPlainText())
        document = self.document()
        marks: list[Mark] = []
        for finding in findings:
            cursor = QTextCursor(document)
            cursor.setPosition(offsets.to_qt(finding.start))
            cursor.setPosition(offsets.to_qt(finding.end), QTextCursor.MoveMode.KeepAnchor)
            marks.append(Mark(finding, cursor))
        self.marks = marks
        self.marks_drawn_for = revision
        self.viewport().update()
        self._gutter.update()
        self.marks_changed.emit()
        return True

    def marks_at(self, position: int) -> list[Mark]:
        """Marks covering Qt position ``position`` (the one after a span's end counts, like a caret)."""
        return [m for m in self.marks if m.cursor.selectionStart() <= position <= m.cursor.selectionEnd()]

    def code_point_at(self, position: int) -> int:
        return OffsetMap(self.toPlainText()).to_code_point(position)

    def select_mark(self, mark: Mark) -> None:
        cursor = QTextCursor(mark.cursor)
        self.setTextCursor(cursor)
        self.centerCursor()
        self.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def step(self, forward: bool) -> Mark | None:
        """Move to the next (or previous) finding after the caret, wrapping around; F8 / Shift+F8."""
        if not self.marks:
            return None
        ordered = sorted(self.marks, key=lambda m: m.cursor.selectionStart())
        caret = self.textCursor().selectionStart()
        if forward:
            target = next((m for m in ordered if m.cursor.selectionStart() > caret), ordered[0])
        else:
            target = next((m for m in reversed(ordered) if m.cursor.selectionStart() < caret), ordered[-1])
        self.select_mark(target)
        return target

    def replace_mark(self, mark: Mark, replacement: str) -> None:
        """Apply a quick fix as one undoable edit, tidying a double space left by a removal."""
        cursor = QTextCursor(mark.cursor)
        cursor.beginEditBlock()
        cursor.insertText(replacement)
        if not replacement:
            probe = QTextCursor(cursor)
            probe.movePosition(QTextCursor.MoveOperation.Left, QTextCursor.MoveMode.KeepAnchor)
            before = probe.selectedText()
            probe = QTextCursor(cursor)
            probe.movePosition(QTextCursor.MoveOperation.Right, QTextCursor.MoveMode.KeepAnchor)
            if before == " " and probe.selectedText() in (" ", ",", ".", "!", "?"):
                cursor.deletePreviousChar()
        cursor.endEditBlock()

    # Hover and menu --------------------------------------------------------------------------------

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            viewport_pos = self.viewport().mapFromGlobal(event.globalPos())
            marks = self.marks_at(self.cursorForPosition(viewport_pos).position())
            if marks:
                QToolTip.showText(event.globalPos(), tooltip_html([m.finding for m in marks]), self)
            else:
                QToolTip.hideText()
                event.ignore()
            return True
        return super().event(event)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        position = self.cursorForPosition(event.pos()).position()
        menu = self.createStandardContextMenu(event.pos())
        marks = self.marks_at(position)
        if marks and self.menu_provider is not None:
            first = menu.actions()[0] if menu.actions() else None
            extra = QMenu(self)
            self.menu_provider(extra, marks, self.code_point_at(position))
            for action in extra.actions():
                action.setParent(menu)
                menu.insertAction(first, action)  # type: ignore[arg-type]
            if first is not None:
                menu.insertSeparator(first)
        menu.exec(event.globalPos())
        menu.deleteLater()

    # Paste guard ------------------------------------------------------------------------------------

    def insertFromMimeData(self, source: QMimeData) -> None:
        incoming = len(source.text()) if source.hasText() else 0
        if incoming and len(self.toPlainText()) + incoming > MAX_DRAFT_CHARS:
            self.paste_refused.emit(
                f"That paste is {incoming:,} characters; a draft holds at most {MAX_DRAFT_CHARS:,}, "
                "so nothing was pasted."
            )
            return
        super().insertFromMimeData(source)

    # Underlines --------------------------------------------------------------------------------------

    def underline_segments(self, clip: QRect | None = None) -> list[Segment]:
        """Where each visible finding is drawn, line by line (viewport coordinates)."""
        spans = [(m.finding, m.cursor.selectionStart(), m.cursor.selectionEnd()) for m in self.marks]
        return visible_segments(self, spans, clip if clip is not None else self.viewport().rect())

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        segments = self.underline_segments(event.rect()) if self.marks else []
        if segments:
            painter = QPainter(self.viewport())
            paint_backgrounds(painter, segments, self)  # a faint tint: the text shows through it
            paint_underlines(painter, segments, self)
            painter.end()

    # Gutter -----------------------------------------------------------------------------------------

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        rect = self.contentsRect()
        self._gutter.setGeometry(QRect(rect.left(), rect.top(), self._gutter.sizeHint().width(), rect.height()))

    def paint_gutter(self, event: QPaintEvent, gutter: QWidget) -> None:
        painter = QPainter(gutter)
        painter.fillRect(event.rect(), self.palette().alternateBase())
        by_block: dict[int, list[Finding]] = {}
        document = self.document()
        for mark in self.marks:
            number = document.findBlock(mark.cursor.selectionStart()).blockNumber()
            by_block.setdefault(number, []).append(mark.finding)
        block = self.firstVisibleBlock()
        top = round(self.blockBoundingGeometry(block).translated(self.contentOffset()).top())
        while block.isValid() and top <= event.rect().bottom():
            height = round(self.blockBoundingRect(block).height())
            found = by_block.get(block.blockNumber())
            if found and block.isVisible():
                style = finding_style(worst(found), self)
                painter.setPen(style.colour)
                line = self.fontMetrics().height()
                painter.drawText(0, top, gutter.width(), line, Qt.AlignmentFlag.AlignCenter, style.glyph)
            block = block.next()
            top += height
        painter.end()

    def line_findings(self, y: int) -> list[Finding]:
        cursor = self.cursorForPosition(QPoint(0, y))
        block = cursor.block()
        return [
            m.finding
            for m in self.marks
            if block.position() <= m.cursor.selectionStart() < block.position() + max(block.length(), 1)
        ]


class _Gutter(QWidget):
    """A narrow margin with one glyph per line that has findings (shape, not only colour, tells severity)."""

    def __init__(self, editor: DraftEditor) -> None:
        super().__init__(editor)
        self.editor = editor
        self.setAccessibleName("Problem markers")

    def sizeHint(self) -> QSize:
        return QSize(self.editor.fontMetrics().horizontalAdvance("✖") + 10, 0)

    def follow(self, rect: QRect, dy: int) -> None:
        if dy:
            self.scroll(0, dy)
        else:
            self.update(0, rect.y(), self.width(), rect.height())

    def paintEvent(self, event: QPaintEvent) -> None:
        self.editor.paint_gutter(event, self)

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            findings = self.editor.line_findings(event.pos().y())
            if findings:
                QToolTip.showText(event.globalPos(), tooltip_html(findings), self)
            else:
                QToolTip.hideText()
            return True
        return super().event(event)


def tooltip_html(findings: list[Finding]) -> str:
    """The hover text: what is wrong, why it matters (with its source), and how to fix it."""
    parts = []
    for finding in findings:
        label = "Spelling" if finding.category == "spelling" else SEVERITY_LABELS.get(finding.severity, "")
        block = f"<p><b>{html.escape(label)}:</b> {html.escape(finding.message)}"
        if finding.why:
            block += f"<br><i>Why:</i> {html.escape(finding.why)}"
        if finding.suggestion:
            block += f"<br><i>Fix:</i> {html.escape(finding.suggestion)}"
        parts.append(block + "</p>")
    return "<qt>" + "".join(parts) + "</qt>"
