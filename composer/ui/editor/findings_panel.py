"""The findings panel beside the editor: problems grouped by category with counts, and a plain status.

Clicking (or pressing Enter on) a finding jumps to it in the draft. The panel is the non-visual twin of
the underlines: everything the colours say, it says in words.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget

from composer.checking import Finding
from composer.ui.editor.draft_editor import Mark, tooltip_html
from composer.ui.editor.styles import GLYPHS, SEVERITY_LABELS, SEVERITY_ORDER, style_key

CATEGORY_LABELS = {
    "phi": "Patient identifiers",
    "patient-acknowledgement": "Confirms someone is a patient",
    "medical-advice": "Individual medical advice",
    "unsupported-claim": "Unsupported or absolute claims",
    "alarmist": "Alarming tone",
    "undisclosed-promotion": "Promotion without disclosure",
    "testimonial-consent": "Testimonial needs written authorization",
    "unprofessional": "Unprofessional tone",
    "profile-mismatch": "Wrong profile for this content",
    "jargon": "Hard for the public to read",
    "spelling": "Spelling",
    "length": "Too long for the platform",
    "hashtags": "Hashtags",
    "accessibility": "Accessibility",
}
MARK_ROLE = Qt.ItemDataRole.UserRole + 1


def _row_text(mark: Mark) -> str:
    """A finding's row: its severity glyph and word (never colour alone) and the words it marks."""
    finding = mark.finding
    severity = "Spelling" if finding.category == "spelling" else SEVERITY_LABELS.get(finding.severity, "")
    quoted = mark.current_text().replace("\u2029", " ")
    if len(quoted) > 40:
        quoted = quoted[:39] + "…"
    where = f"“{quoted}”" if quoted else "the whole draft"
    return f"{GLYPHS[style_key(finding)]} {severity}: {where}"


def _update_children(parent: QTreeWidgetItem, members: list[tuple[str, Mark]], number: int) -> int:
    """Make ``parent``'s rows read ``members``, touching only what differs; rows are numbered from
    ``number`` (their place in the panel's list of marks). Returns the next number."""
    for position, (text, mark) in enumerate(members):
        child = parent.child(position)
        if child is None:
            child = QTreeWidgetItem([text])
            parent.addChild(child)
        elif child.text(0) != text:
            child.setText(0, text)
        if child.data(0, MARK_ROLE) != number + position:
            child.setData(0, MARK_ROLE, number + position)
        if child.toolTip(0) != mark.finding.message:
            child.setToolTip(0, mark.finding.message)
    while parent.childCount() > len(members):
        parent.takeChild(parent.childCount() - 1)
    return number + len(members)


def status_sentence(findings: list[Finding]) -> str:
    """The one-line verdict shown above the list (and read by screen readers)."""
    errors = sum(1 for f in findings if f.severity == "error" and f.category != "spelling")
    warnings = sum(1 for f in findings if f.severity == "warning")
    if errors:
        noun = "problem" if errors == 1 else "problems"
        return f"{errors} {noun} must be fixed before review."
    if warnings:
        noun = "thing" if warnings == 1 else "things"
        return f"Ready for review; {warnings} {noun} worth a second look."
    if findings:
        return "Ready for review; only suggestions remain."
    return "No problems found."


class FindingsPanel(QWidget):
    activated = Signal(object)  # Mark

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.status = QLabel("No problems found.")
        self.status.setWordWrap(True)
        self.status.setAccessibleName("Check status")
        font = self.status.font()
        font.setBold(True)
        self.status.setFont(font)
        self.tree = QTreeWidget()
        self.tree.setHeaderHidden(True)
        self.tree.setAccessibleName("Problems in this draft")
        self.tree.setRootIsDecorated(True)
        self.tree.setWordWrap(True)
        self.tree.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.tree.setUniformRowHeights(False)
        self.tree.header().setStretchLastSection(True)
        self.tree.itemActivated.connect(self._activate)
        self.tree.itemClicked.connect(self._activate)
        self.details = QLabel("Select a problem to see why it matters and how to fix it.")
        self.details.setWordWrap(True)
        self.details.setTextFormat(Qt.TextFormat.RichText)
        self.details.setAccessibleName("Selected problem details")
        self.details.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.details.setMinimumHeight(self.fontMetrics().lineSpacing() * 6)
        self.tree.currentItemChanged.connect(self._describe)
        #: What the tree shows (headings; each row's text and rule), to tell when it needs rebuilding.
        self._rows: list[tuple[str, list[tuple[str, str]]]] = []
        #: The marks behind the rows, in row order (a row holds its number: renewing a mark after a
        #: re-check then changes nothing Qt would re-lay out).
        self._marks: list[Mark] = []
        layout.addWidget(self.status)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.details)

    def show_marks(self, marks: list[Mark]) -> None:
        """List ``marks`` grouped by category. The rows are updated in place (a re-check while typing
        usually changes a row or two, often none), so the selection, the scroll position and the details
        the user is reading do not jump, and Qt re-lays out only the rows that changed."""
        findings = [m.finding for m in marks]
        self.status.setText(status_sentence(findings))
        groups = self._grouped(marks)
        rows = [(heading, [(text, mark.finding.rule) for text, mark in members]) for heading, members in groups]
        self._marks = [mark for _heading, members in groups for _text, mark in members]
        if rows == self._rows:
            return  # each row keeps its number, so it now leads to its renewed mark
        previous = self._selected_key()
        if not marks:
            self.details.setText("")
        self._rows = rows
        number = 0
        for index, (heading, members) in enumerate(groups):
            parent = self.tree.topLevelItem(index)
            if parent is None:
                parent = QTreeWidgetItem([heading])
                parent.setFlags(parent.flags() & ~Qt.ItemFlag.ItemIsSelectable)
                self.tree.addTopLevelItem(parent)
                parent.setExpanded(True)
            elif parent.text(0) != heading:
                parent.setText(0, heading)
            number = _update_children(parent, members, number)
        while self.tree.topLevelItemCount() > len(groups):
            self.tree.takeTopLevelItem(self.tree.topLevelItemCount() - 1)
        self._reselect(previous)
        self._describe(self.tree.currentItem())  # the row may be the same item with another finding now

    def mark_of(self, item: QTreeWidgetItem | None) -> Mark | None:
        """The finding a row stands for (None for a category heading)."""
        number = item.data(0, MARK_ROLE) if item is not None else None
        return self._marks[number] if isinstance(number, int) and 0 <= number < len(self._marks) else None

    @staticmethod
    def _grouped(marks: list[Mark]) -> list[tuple[str, list[tuple[str, Mark]]]]:
        """(category heading with count, [(row text, mark)]) in the order shown: worst category first,
        each category's findings in the order of the draft."""
        groups: dict[str, list[Mark]] = {}
        for mark in marks:
            groups.setdefault(mark.finding.category, []).append(mark)

        def rank(category: str) -> tuple[int, str]:
            return (min(SEVERITY_ORDER.get(m.finding.severity, 3) for m in groups[category]), category)

        shown = []
        for category in sorted(groups, key=rank):
            members = sorted(groups[category], key=lambda m: m.cursor.selectionStart())
            label = CATEGORY_LABELS.get(category, category.replace("-", " ").capitalize())
            shown.append((f"{label} ({len(members)})", [(_row_text(mark), mark) for mark in members]))
        return shown

    def _finding_items(self) -> list[QTreeWidgetItem]:
        items = []
        for top in range(self.tree.topLevelItemCount()):
            parent = self.tree.topLevelItem(top)
            if parent is not None:
                items += [c for i in range(parent.childCount()) if (c := parent.child(i)) is not None]
        return items

    def _selected_key(self) -> tuple[str, str] | None:
        mark = self.mark_of(self.tree.currentItem())
        return (mark.finding.rule, mark.current_text()) if mark is not None else None

    def _reselect(self, key: tuple[str, str] | None) -> None:
        """Keep the problem the user was reading selected across re-checks; otherwise show the first."""
        first: QTreeWidgetItem | None = None
        for child in self._finding_items():
            mark = self.mark_of(child)
            first = first or child
            if key is not None and mark is not None and (mark.finding.rule, mark.current_text()) == key:
                self.tree.setCurrentItem(child)
                return
        if first is not None:
            self.tree.setCurrentItem(first)

    def _describe(self, item: QTreeWidgetItem | None, _previous: QTreeWidgetItem | None = None) -> None:
        mark = self.mark_of(item)
        if mark is not None:
            self.details.setText(tooltip_html([mark.finding]))

    def _activate(self, item: QTreeWidgetItem) -> None:
        mark = self.mark_of(item)
        if mark is not None:
            self.activated.emit(mark)
