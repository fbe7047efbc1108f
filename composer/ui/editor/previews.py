"""Counters and previews per platform, exact to each platform's counting rule (kept in resources).

X counts every link as 23 characters and weighs emoji and many scripts double; the others count
characters after normalization. The counters use the checker's own counting, so the number shown is
the number the length check enforces.
"""

from __future__ import annotations

from PySide6.QtWidgets import QGridLayout, QLabel, QTabWidget, QTextBrowser, QVBoxLayout, QWidget

from composer.checking.platforms import count_characters, limit
from composer.domain.model import Platform, PostKind

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

    def update_text(self, text: str, kind: PostKind, current: Platform) -> None:
        for platform in Platform:
            count = count_characters(text, platform.value)
            maximum = limit(platform.value, kind.value)
            label = self.counters[platform]
            label.setText(counter_text(count, maximum))
            font = label.font()
            font.setBold(platform is current)
            label.setFont(font)
            fold = FOLD_AT.get(platform)
            preview = text
            if fold is not None and len(text) > fold:
                preview = text[:fold].rstrip() + " … more"
            self.previews[platform].setPlainText(preview)
        self.tabs.setCurrentIndex(list(Platform).index(current))
