"""The context bar above the editor: which profile, which platform, post or reply, and when.

The same words mean different things in a reply to a review than in a post, and on a personal account
than on the practice page, so these choices feed every check.
"""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import QDateTime, QTime, QTimeZone, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPlainTextEdit,
    QToolButton,
    QWidget,
)

from composer.domain.model import Platform, PostKind, Profile, ProfileKind
from composer.domain.reply_templates import ReplyTemplate


class ContextBar(QWidget):
    changed = Signal()
    template_chosen = Signal(object)  # ReplyTemplate

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.time_zone = "UTC"
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)

        row = QHBoxLayout()
        self.profile = QComboBox()
        self.profile.setAccessibleName("Profile")
        self.profile.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.profile.setMinimumContentsLength(18)
        self.platform = QComboBox()
        self.platform.setAccessibleName("Platform")
        for platform in Platform:
            self.platform.addItem(platform.label, platform)
        self.kind = QComboBox()
        self.kind.setAccessibleName("Post or reply")
        self.kind.addItem("New post", PostKind.POST)
        self.kind.addItem("Reply to a comment or review", PostKind.REPLY)
        schedule_row = QHBoxLayout()
        for layout, label, widget in (
            (row, "&Profile:", self.profile),
            (row, "Pla&tform:", self.platform),
            (schedule_row, "&Kind:", self.kind),
        ):
            caption = QLabel(label)
            caption.setBuddy(widget)
            layout.addWidget(caption)
            layout.addWidget(widget, 1)
        form.addRow(row)

        self.scheduled = QCheckBox("&Schedule for")
        self.scheduled.setAccessibleName("Schedule this post")
        self.when = QDateTimeEdit()
        self.when.setAccessibleName("Scheduled date and time")
        self.when.setCalendarPopup(True)
        self.when.setDisplayFormat("ddd MMM d, yyyy  h:mm AP")
        self.when.setEnabled(False)
        self.reset_time()
        self.zone_label = QLabel()
        schedule_row.addWidget(self.scheduled)
        schedule_row.addWidget(self.when)
        schedule_row.addWidget(self.zone_label)
        schedule_row.addStretch(1)
        form.addRow(schedule_row)

        self.reply_label = QLabel("&Comment being answered:")
        self.reply_to = QPlainTextEdit()
        self.reply_to.setAccessibleName("Comment being answered")
        self.reply_to.setPlaceholderText("Paste the review or comment you are replying to.")
        self.reply_to.setTabChangesFocus(True)
        self.reply_to.setMaximumHeight(self.fontMetrics().lineSpacing() * 4)
        self.reply_label.setBuddy(self.reply_to)
        reply_row = QHBoxLayout()
        reply_row.addWidget(self.reply_to, 1)
        self.templates_button = QToolButton()
        self.templates_button.setText("Safe &reply…")
        self.templates_button.setAccessibleName("Insert a safe reply template")
        self.templates_button.setToolTip("Replies that never confirm or deny that someone is a patient")
        self.templates_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.templates_menu = QMenu(self.templates_button)
        self.templates_button.setMenu(self.templates_menu)
        reply_row.addWidget(self.templates_button)
        form.addRow(self.reply_label, reply_row)

        self.profile.currentIndexChanged.connect(self.changed)
        self.platform.currentIndexChanged.connect(self.changed)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.reply_to.textChanged.connect(self.changed)
        self.scheduled.toggled.connect(self._schedule_toggled)
        self.when.dateTimeChanged.connect(self.changed)
        self._kind_changed()

    # Filling -----------------------------------------------------------------------------------------

    def set_profiles(self, profiles: list[Profile]) -> None:
        self.profile.blockSignals(True)
        self.profile.clear()
        for profile in profiles:
            kind = "practice page" if profile.kind is ProfileKind.PRACTICE else "personal account"
            self.profile.addItem(f"{profile.display_name} ({kind})", profile)
        self.profile.blockSignals(False)

    def set_templates(self, templates: list[ReplyTemplate]) -> None:
        self.templates_menu.clear()
        for template in templates:
            action = self.templates_menu.addAction(template.label)
            action.triggered.connect(lambda _=False, t=template: self.template_chosen.emit(t))

    def set_time_zone(self, name: str) -> None:
        self.time_zone = name
        self.when.setTimeZone(QTimeZone(name.encode()))
        self.zone_label.setText(f"({name.replace('_', ' ')} time)")
        self.reset_time()

    def load(
        self, *, profile_id: int, platform: Platform, kind: PostKind, reply_to: str, when: datetime | None
    ) -> None:
        """Show a stored draft's context without emitting ``changed`` for each field."""
        self.blockSignals(True)
        try:
            for index in range(self.profile.count()):
                if self.profile.itemData(index).id == profile_id:
                    self.profile.setCurrentIndex(index)
            self.platform.setCurrentIndex(self.platform.findData(platform))
            self.kind.setCurrentIndex(self.kind.findData(kind))
            self.reply_to.setPlainText(reply_to)
            self.scheduled.setChecked(when is not None)
            if when is None:
                self.reset_time()
            else:
                self.when.setDateTime(QDateTime.fromSecsSinceEpoch(int(when.timestamp()), self.when.timeZone()))
        finally:
            self.blockSignals(False)
        self._kind_changed(emit=False)

    def reset_time(self) -> None:
        """A new draft offers tomorrow at 9 a.m. in the practice's time zone, a sensible posting time."""
        zone = self.when.timeZone()
        tomorrow = QDateTime.currentDateTime(zone).addDays(1)
        self.when.setDateTime(QDateTime(tomorrow.date(), QTime(9, 0), zone))

    # Reading -----------------------------------------------------------------------------------------

    def current_profile(self) -> Profile | None:
        data = self.profile.currentData()
        return data if isinstance(data, Profile) else None

    def current_platform(self) -> Platform:
        return Platform(self.platform.currentData())

    def current_kind(self) -> PostKind:
        return PostKind(self.kind.currentData())

    def scheduled_utc(self) -> datetime | None:
        if not self.scheduled.isChecked():
            return None
        seconds = self.when.dateTime().toSecsSinceEpoch()
        return datetime.fromtimestamp(seconds, UTC)

    # Internals ---------------------------------------------------------------------------------------

    def _kind_changed(self, *_args: object, emit: bool = True) -> None:
        is_reply = self.current_kind() is PostKind.REPLY
        for widget in (self.reply_label, self.reply_to, self.templates_button):
            widget.setVisible(is_reply)
        if emit:
            self.changed.emit()

    def _schedule_toggled(self, on: bool) -> None:
        self.when.setEnabled(on)
        self.changed.emit()
