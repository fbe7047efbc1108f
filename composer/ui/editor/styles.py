"""How findings look: a wave underline per severity, dotted for spelling, plus a glyph for the margin.

Colours are picked for the current palette (lighter on dark backgrounds), and every severity also has
its own underline style and margin glyph, so nothing depends on telling colours apart.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QColor, QPalette, QTextCharFormat
from PySide6.QtWidgets import QWidget

from composer.checking import Finding

SEVERITY_ORDER = {"error": 0, "warning": 1, "info": 2}
SEVERITY_LABELS = {"error": "Must fix", "warning": "Should review", "info": "Suggestion"}
GLYPHS = {"error": "✖", "warning": "▲", "info": "●", "spelling": "…"}

_LIGHT = {"error": "#c5221f", "warning": "#b06000", "info": "#1a73e8", "spelling": "#c5221f"}
_DARK = {"error": "#f28b82", "warning": "#fdd663", "info": "#8ab4f8", "spelling": "#f28b82"}


def is_dark(widget: QWidget) -> bool:
    return widget.palette().color(QPalette.ColorRole.Base).lightness() < 128


def style_key(finding: Finding) -> str:
    """Spelling gets its own look; everything else is styled by severity."""
    return "spelling" if finding.category == "spelling" else finding.severity


@dataclass(frozen=True)
class FindingStyle:
    colour: QColor
    underline: QTextCharFormat.UnderlineStyle
    glyph: str


def finding_style(finding: Finding, widget: QWidget) -> FindingStyle:
    key = style_key(finding)
    colour = QColor((_DARK if is_dark(widget) else _LIGHT)[key])
    underline = (
        QTextCharFormat.UnderlineStyle.DotLine if key == "spelling" else QTextCharFormat.UnderlineStyle.WaveUnderline
    )
    return FindingStyle(colour, underline, GLYPHS[key])


def worst(findings: list[Finding]) -> Finding:
    return min(findings, key=lambda f: SEVERITY_ORDER.get(f.severity, 3))
