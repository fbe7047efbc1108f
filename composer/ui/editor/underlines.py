"""Findings drawn straight onto the editor's viewport: a tint behind errors, a wave or dotted line under.

Extra selections (QTextEdit.ExtraSelection) would do this too, but each one splits the text's format
ranges, and Qt re-lays out every visible line with those ranges on every paint: fifty findings made a
repaint of a 3,000-character draft about ten times slower. Here only the visible findings are measured
(with the lines Qt has already laid out) and painted, so the cost follows what is on screen.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRect, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPen, QPixmap, QTextCharFormat, QTextLayout
from PySide6.QtWidgets import QPlainTextEdit

from composer.checking import Finding
from composer.ui.editor.styles import FindingStyle, finding_style, style_key

WAVE_STEP = 2.0  # half a wavelength, in device-independent pixels
WAVE_HEIGHT = 1.5


@dataclass(frozen=True)
class Segment:
    """One finding's stretch on one visual line: where the text sits and where its underline goes."""

    finding: Finding
    rect: QRectF  # the line's height, from the span's first to its last character
    baseline: float  # y of the underline


def visible_segments(editor: QPlainTextEdit, spans: list[tuple[Finding, int, int]], clip: QRect) -> list[Segment]:
    """Segments of the (finding, Qt start, Qt end) spans that fall inside ``clip`` (viewport pixels)."""
    if not spans:
        return []
    offset = editor.contentOffset()
    segments: list[Segment] = []
    block = editor.firstVisibleBlock()
    top = editor.blockBoundingGeometry(block).translated(offset).top()
    ordered = sorted(spans, key=lambda span: span[1])
    while block.isValid() and top <= clip.bottom():
        height = editor.blockBoundingRect(block).height()
        begin, finish = block.position(), block.position() + block.length()
        layout = block.layout()
        inside = [span for span in ordered if span[1] < finish and span[2] > begin and span[2] > span[1]]
        if inside and layout is not None and block.isVisible() and top + height >= clip.top():
            segments.extend(_block_segments(inside, begin, layout, top, offset.x(), clip))
        top += height
        block = block.next()
    return segments


def _block_segments(
    spans: list[tuple[Finding, int, int]], block_start: int, layout: QTextLayout, top: float, left: float,
    clip: QRect,
) -> Iterator[Segment]:
    """The parts of each span on each visible line of one block (lines measured once per block, and each
    span's lines found by bisection: a 3,000-character paragraph has dozens of lines and as many findings)."""
    lines = []
    for index in range(layout.lineCount()):
        line = layout.lineAt(index)
        y = top + line.y()
        if y > clip.bottom() or y + line.height() < clip.top():
            continue
        lines.append((line.textStart() + line.textLength(), line.textStart(), y, line))
    ends = [entry[0] for entry in lines]
    for finding, start, end in spans:
        local_start, local_end = start - block_start, end - block_start
        for line_end, line_start, y, line in lines[bisect_right(ends, local_start) :]:
            if line_start >= local_end:
                break
            x1 = _x(line.cursorToX(max(local_start, line_start)))
            x2 = _x(line.cursorToX(min(local_end, line_end)))
            if x2 <= x1:
                continue
            rect = QRectF(left + x1, y, x2 - x1, line.height())
            yield Segment(finding, rect, y + line.ascent() + max(1.5, line.descent() / 2))


def _x(value: object) -> float:
    """``QTextLine.cursorToX`` returns a number, or (number, position) in some PySide6 versions."""
    return float(value[0] if isinstance(value, tuple) else value)  # type: ignore[arg-type]


def paint_backgrounds(painter: QPainter, segments: list[Segment], editor: QPlainTextEdit) -> None:
    """A light tint behind errors (the text shows through it)."""
    styles = _Styles(editor)
    for segment in segments:
        finding = segment.finding
        if finding.severity == "error" and finding.category != "spelling":
            tint = QColor(styles.of(finding).colour)
            tint.setAlpha(40)
            painter.fillRect(segment.rect, tint)


class _Styles:
    """Each finding's look, worked out once per paint (the palette is read once, not per finding)."""

    def __init__(self, editor: QPlainTextEdit) -> None:
        self._editor = editor
        self._known: dict[str, FindingStyle] = {}

    def of(self, finding: Finding) -> FindingStyle:
        key = style_key(finding)
        style = self._known.get(key)
        if style is None:
            style = self._known[key] = finding_style(finding, self._editor)
        return style


def paint_underlines(painter: QPainter, segments: list[Segment], editor: QPlainTextEdit) -> None:
    """A wave per severity, dotted for spelling, in the palette-aware colour of each finding."""
    ratio = editor.devicePixelRatioF()
    styles = _Styles(editor)
    for segment in segments:
        style = styles.of(segment.finding)
        rect, y = segment.rect, segment.baseline
        if style.underline == QTextCharFormat.UnderlineStyle.DotLine:
            pen = QPen(style.colour, 1.5)
            pen.setStyle(Qt.PenStyle.DotLine)
            painter.setPen(pen)
            painter.drawLine(QPointF(rect.left(), y), QPointF(rect.right(), y))
            continue
        tile = _wave_tile(style.colour.rgba(), ratio)
        painter.drawTiledPixmap(QRectF(rect.left(), y - WAVE_HEIGHT - 1, rect.width(), 2 * WAVE_HEIGHT + 2), tile)


_TILES: dict[tuple[int, float], QPixmap] = {}


def _wave_tile(rgba: int, ratio: float) -> QPixmap:
    """One wavelength of the wave, drawn once per colour and screen scale and then tiled: painting a
    path point by point for every finding on every repaint was most of the cost of drawing them."""
    tile = _TILES.get((rgba, ratio))
    if tile is None:
        width, height = 2 * WAVE_STEP, 2 * WAVE_HEIGHT + 2
        tile = QPixmap(round(width * ratio), round(height * ratio))
        tile.setDevicePixelRatio(ratio)
        tile.fill(Qt.GlobalColor.transparent)
        painter = QPainter(tile)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setPen(QPen(QColor.fromRgba(rgba), 1.0))
        middle = height / 2
        path = QPainterPath(QPointF(0, middle + WAVE_HEIGHT))
        path.lineTo(QPointF(WAVE_STEP, middle - WAVE_HEIGHT))
        path.lineTo(QPointF(width, middle + WAVE_HEIGHT))
        painter.drawPath(path)
        painter.end()
        _TILES[(rgba, ratio)] = tile
    return tile
