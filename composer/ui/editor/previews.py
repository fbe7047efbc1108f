"""Counters and previews per platform, exact to each platform's counting rule (kept in resources).

X counts every link as 23 characters and weighs emoji and many scripts double; the others count
characters after normalization. The counters use the checker's own counting, so the number shown is
the number the length check enforces.
"""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QGridLayout, QLabel, QTabWidget, QTextBrowser, QVBoxLayout, QWidget

from composer.checking.platforms import count_characters, limit
from composer.domain.model import Platform, PostKind

#: The open preview is refilled this long after a check, not with it: laying out a long draft again in
#: the preview costs as much as painting the underlines, which come first.
REFILL_MS = 120

# Where the platform folds long text behind "more" in the feed (approximate, for the preview only).
FOLD_AT = {Platform.INSTAGRAM: 125, Platform.FACEBOOK: 480, Platform.LINKEDIN: 210}


def counter_text(count: int, maximum: int | None) -> str:
    if maximum is None:
        return f"{count:,} characters"
    if count > maximum:
        return f"⚠ {count:,} / {maximum:,} — {count - maximum:,} over the limit"
    return f"{count:,} / {maximum:,}"


class PlatformPreviews(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        grid = QGridLayout()
        self.counters: dict[Platform, QLabel] = {}
        for row, platform in enumerate(Platform):
            name = QLabel(platform.label)
            value = QLabel()
            value.setAccessibleName(f"{platform.label} character count")
            grid.addWidget(name, row, 0)
            grid.addWidget(value, row, 1)
            self.counters[platform] = value
        layout.addLayout(grid)
        self.tabs = QTabWidget()
        self.tabs.setAccessibleName("Platform previews")
        self.previews: dict[Platform, QTextBrowser] = {}
        for platform in Platform:
            browser = QTextBrowser()
            browser.setOpenLinks(False)  # the app opens no network connection on its own
            browser.setAccessibleName(f"{platform.label} preview")
            self.previews[platform] = browser
            self.tabs.addTab(browser, platform.label)
        layout.addWidget(self.tabs, 1)
        #: The text each preview should show; a tab not on screen is filled when it is shown, so a
        #: re-check while typing re-lays out one preview of a long draft, not all of them.
        self._wanted: dict[Platform, str] = {}
        self._shown: dict[Platform, str] = {}
        self.tabs.currentChanged.connect(self._fill_current)
        self._refill = QTimer(self)
        self._refill.setSingleShot(True)
        self._refill.setInterval(REFILL_MS)
        self._refill.timeout.connect(self.flush)

    def update_text(self, text: str, kind: PostKind, current: Platform) -> None:
        for platform in Platform:
            count = count_characters(text, platform.value)
            maximum = limit(platform.value, kind.value)
            label = self.counters[platform]
            label.setText(counter_text(count, maximum))
            if label.font().bold() != (platform is current):
                font = label.font()
                font.setBold(platform is current)
                label.setFont(font)
            fold = FOLD_AT.get(platform)
            preview = text
            if fold is not None and len(text) > fold:
                preview = text[:fold].rstrip() + " … more"
            self._wanted[platform] = preview
        index = list(Platform).index(current)
        if self.tabs.currentIndex() != index:
            self.tabs.setCurrentIndex(index)  # fills it
        elif self._shown.get(current) != self._wanted[current]:
            self._refill.start()

    def flush(self) -> None:
        """Refill the open preview now rather than after the short delay (screenshots, settling)."""
        self._refill.stop()
        self._fill_current(self.tabs.currentIndex())

    def preview_text(self, platform: Platform) -> str:
        """What the preview of ``platform`` shows once its tab is open."""
        return self._wanted.get(platform, "")

    def _fill_current(self, index: int) -> None:
        platform = list(Platform)[index]
        wanted = self._wanted.get(platform, "")
        if self._shown.get(platform) != wanted:
            self.previews[platform].setPlainText(wanted)
            self._shown[platform] = wanted
