"""Profiles: the practice page and clinicians' personal accounts, kept apart with their own rules.

Read-only for now: it shows what the checker treats as the practice's own (contact details and staff
names are never patient identifiers) and which accounts each profile posts to.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QStackedLayout,
    QVBoxLayout,
    QWidget,
)

from composer.domain.model import ProfileKind
from composer.ui.context import ViewContext
from composer.ui.widgets.empty_state import EmptyState


class ProfilesView(QWidget):
    title = "Profiles"

    def __init__(self, context: ViewContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.stack = QStackedLayout(self)
        self.empty = EmptyState(
            "No practice is set up in this database",
            "Start Clinic Composer with --demo to explore a sample practice, or ask your administrator for the "
            "address of your practice's shared database.",
        )
        self.stack.addWidget(self.empty)
        self.page = QWidget()
        layout = QHBoxLayout(self.page)

        self.practice_box = QGroupBox("Practice")
        self.practice_form = QFormLayout(self.practice_box)
        left = QVBoxLayout()
        left.addWidget(self.practice_box)
        self.staff_box = QGroupBox("Staff (never treated as patient identifiers)")
        staff_layout = QVBoxLayout(self.staff_box)
        self.staff_list = QListWidget()
        self.staff_list.setAccessibleName("Staff members")
        staff_layout.addWidget(self.staff_list)
        left.addWidget(self.staff_box)
        layout.addLayout(left, 1)

        self.profiles_box = QGroupBox("Profiles and accounts")
        profiles_layout = QVBoxLayout(self.profiles_box)
        self.profile_list = QListWidget()
        self.profile_list.setAccessibleName("Profiles and their accounts")
        profiles_layout.addWidget(self.profile_list)
        layout.addWidget(self.profiles_box, 1)
        self.stack.addWidget(self.page)
        self.refresh()

    def refresh(self) -> None:
        workspace = self.context.workspace
        with workspace.store() as store:
            practice = store.practices.first()
            if practice is None:
                self.stack.setCurrentWidget(self.empty)
                return
            staff = store.practices.staff(practice.id)
            profiles = store.profiles.all()
            channels = {p.id: store.profiles.channels(p.id) for p in profiles}
            users = {u.id: u for u in store.users.all()}
        while self.practice_form.rowCount():
            self.practice_form.removeRow(0)
        for label, value in (
            ("Name", practice.name),
            ("Phone", practice.phone),
            ("Fax", practice.fax),
            ("Email", practice.email),
            ("Website", practice.website),
            ("Address", practice.address),
            ("Time zone", practice.time_zone),
        ):
            field = QLabel(value or "—")
            field.setAccessibleName(label)
            self.practice_form.addRow(f"{label}:", field)
        self.staff_list.clear()
        self.staff_list.addItems([f"{s.name} — {s.title}" if s.title else s.name for s in staff])
        self.profile_list.clear()
        for profile in profiles:
            kind = "Practice page" if profile.kind is ProfileKind.PRACTICE else "Personal account"
            owner = users.get(profile.owner_id) if profile.owner_id else None
            self.profile_list.addItem(f"{profile.display_name} ({kind}{', owner ' + owner.name if owner else ''})")
            for channel in channels[profile.id]:
                self.profile_list.addItem(f"    {channel.platform.label}: {channel.handle}")
        self.stack.setCurrentWidget(self.page)
