"""Compose: where office staff write posts and replies, with problems underlined as they type.

This view wires the pieces together: the draft list, the context bar, the editor, the findings panel,
previews and attachments. It owns the draft being edited and saves it about a second after typing
stops, so a crash loses at most that second. Checks run on a worker (see ``check_runner``).
"""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import QByteArray, QObject, QSettings, Qt, QThreadPool, QTimer, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from composer.checking import CheckRequest, Finding, ImageRef, PracticeContext
from composer.domain.errors import ComposerError, ConcurrentEditError
from composer.domain.model import FindingIgnore, Post, PostKind, Profile, ProfileKind
from composer.domain.reply_templates import ReplyTemplate, load_reply_templates
from composer.domain.topics import Topic, load_topic_library
from composer.services import drafting
from composer.services.check_context import practice_context
from composer.ui.context import ViewContext
from composer.ui.editor.attachments import AttachmentsPanel
from composer.ui.editor.check_runner import BackgroundCall, CheckJob, CheckRunner
from composer.ui.editor.context_bar import ContextBar
from composer.ui.editor.draft_editor import DraftEditor, Mark
from composer.ui.editor.findings_panel import FindingsPanel
from composer.ui.editor.previews import PlatformPreviews
from composer.ui.widgets.message_bar import MessageBar
from composer.ui.widgets.post_table import first_line

AUTOSAVE_MS = 1000
SETTINGS_SPLITTER = "compose/splitter"
# Findings for which rewriting a reply from a safe template is the natural fix.
TEMPLATE_FIXES = frozenset({"phi", "patient-acknowledgement", "medical-advice", "unprofessional"})


def quick_fix(finding: Finding) -> str | None:
    """The rule's own replacement, else removal for an identifier (never safe to keep), else none."""
    if finding.replacement is not None:
        return finding.replacement
    return "" if finding.category == "phi" else None


class _SuggestionFetcher(QObject):
    """Slow spelling suggestions (edit distance 2) computed off the GUI thread, on request only."""

    ready = Signal(object, list)  # Mark, suggestions


class ComposeView(QWidget):
    title = "Compose"

    def __init__(self, context: ViewContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.post: Post | None = None
        self.persist = True
        self.ignores: list[FindingIgnore] = []
        self._practice_context = PracticeContext()
        self._context_profile_id: int | None = None
        self._loading = False
        self._topics: list[Topic] | None = None

        self.runner = CheckRunner(context.engines, parent=self)
        self.runner.finished.connect(self._on_checked)
        self._fetcher = _SuggestionFetcher(self)
        self._fetcher.ready.connect(self._show_more_suggestions)

        self._build()
        self._autosave = QTimer(self)
        self._autosave.setSingleShot(True)
        self._autosave.setInterval(AUTOSAVE_MS)
        self._autosave.timeout.connect(self.save_now)
        self._connect()
        self.reload_context()
        self.refresh()

    # Building ----------------------------------------------------------------------------------------

    def _build(self) -> None:
        outer = QVBoxLayout(self)
        self.message_bar = MessageBar()
        outer.addWidget(self.message_bar)
        self.splitter = QSplitter()
        outer.addWidget(self.splitter, 1)

        drafts = QWidget()
        drafts.setMinimumWidth(170)
        drafts_layout = QVBoxLayout(drafts)
        drafts_layout.setContentsMargins(0, 0, 0, 0)
        self.new_button = QPushButton("&New draft")
        self.new_button.setAccessibleName("New draft")
        self.drafts = QListWidget()
        self.drafts.setAccessibleName("Your drafts")
        self.drafts.setWordWrap(True)
        self.drafts.setSpacing(3)
        self.drafts.setAlternatingRowColors(True)
        self.drafts_empty = QLabel("No drafts yet. Start typing and your draft is saved here automatically.")
        self.drafts_empty.setWordWrap(True)
        drafts_layout.addWidget(self.new_button)
        drafts_layout.addWidget(QLabel("Drafts"))
        drafts_layout.addWidget(self.drafts, 1)
        drafts_layout.addWidget(self.drafts_empty)
        self.splitter.addWidget(drafts)

        centre = QWidget()
        centre_layout = QVBoxLayout(centre)
        centre_layout.setContentsMargins(0, 0, 0, 0)
        self.context_bar = ContextBar()
        self.editor = DraftEditor()
        self.editor.menu_provider = self._fill_menu
        centre_layout.addWidget(self.context_bar)
        centre_layout.addWidget(self.editor, 1)
        actions = QHBoxLayout()
        self.save_button = QPushButton("&Save")
        self.save_button.setToolTip("Save now (Ctrl+S); drafts also save themselves as you type")
        self.duplicate_button = QPushButton("D&uplicate")
        self.submit_button = QPushButton("Submit for re&view")
        self.submit_button.setToolTip("Send to a physician for approval (Ctrl+Enter)")
        self.save_state = QLabel("")
        self.save_state.setAccessibleName("Save status")
        for button in (self.save_button, self.duplicate_button, self.submit_button):
            button.setAccessibleName(button.text().replace("&", ""))
            actions.addWidget(button)
        actions.addStretch(1)
        actions.addWidget(self.save_state)
        centre_layout.addLayout(actions)
        self.splitter.addWidget(centre)

        self.side = QTabWidget()
        self.side.setAccessibleName("Draft details")
        self.findings = FindingsPanel()
        self.previews = PlatformPreviews()
        self.attachments = AttachmentsPanel()
        self.attachments.topics_provider = self._library_topics
        self.side.addTab(self.findings, "&Problems")
        self.side.addTab(self.previews, "Pre&view")
        self.side.addTab(self.attachments, "Images && &sources")
        self.splitter.addWidget(self.side)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([200, 560, 340])

    def _connect(self) -> None:
        self.editor.snapshot_ready.connect(self._check)
        self.editor.textChanged.connect(self._changed)
        self.editor.paste_refused.connect(lambda text: self.message_bar.show_message(text, warning=True))
        self.context_bar.changed.connect(self._context_changed)
        self.context_bar.template_chosen.connect(self.apply_template)
        self.attachments.changed.connect(self._context_changed)
        self.findings.activated.connect(self.editor.select_mark)
        self.new_button.clicked.connect(self.new_draft)
        self.drafts.itemActivated.connect(self._open_item)
        self.drafts.itemClicked.connect(self._open_item)
        self.save_button.clicked.connect(self.save_now)
        self.duplicate_button.clicked.connect(self.duplicate)
        self.submit_button.clicked.connect(self.submit)

    # Data ----------------------------------------------------------------------------------------------

    def reload_context(self) -> None:
        """Profiles, templates and time zone from the database (once, when the view is built)."""
        workspace = self.context.workspace
        practice = workspace.practice()
        self.context_bar.set_profiles(workspace.profiles())
        self.context_bar.set_time_zone(practice.time_zone if practice else "UTC")
        self._templates = load_reply_templates()
        self.context_bar.set_templates(self._templates)
        self._refresh_practice_context()

    def _apply_permissions(self) -> None:
        """Writing needs a profile to post from and a signed-in user to author the draft."""
        has_profiles = self.context_bar.profile.count() > 0
        enabled = has_profiles and self.context.user is not None
        for widget in (self.editor, self.save_button, self.duplicate_button, self.submit_button, self.new_button):
            widget.setEnabled(enabled)
        if not has_profiles:
            self.message_bar.show_message("Set up the practice and its profiles before writing drafts.")
        elif self.context.user is None:
            self.message_bar.show_message("Choose who you are working as (File ▸ Switch User) to write drafts.")

    def _refresh_practice_context(self) -> None:
        """Re-read the practice's names, contacts, staff and dictionary (a few queries: not per keystroke)."""
        profile = self.context_bar.current_profile()
        self._context_profile_id = profile.id if profile else None
        self._practice_context = practice_context(self.context.workspace, profile)

    def refresh(self) -> None:
        """Reload the draft list and what the signed-in user may do (called when the screen is shown)."""
        self._apply_permissions()
        self.drafts.clear()
        posts = drafting.editable_drafts(self.context.workspace)
        for post in posts:
            status = "Returned with comments" if post.status.value == "changes_requested" else post.platform.label
            item = QListWidgetItem(f"{first_line(post.body)[:70]}\n— {status}")
            item.setToolTip(first_line(post.body))
            item.setData(Qt.ItemDataRole.UserRole, post.id)
            self.drafts.addItem(item)
            if self.post is not None and post.id == self.post.id:
                self.drafts.setCurrentItem(item)
        self.drafts_empty.setVisible(not posts)

    def _library_topics(self) -> list[Topic]:
        if self._topics is None:
            self._topics = load_topic_library()
        return self._topics

    # Drafts ---------------------------------------------------------------------------------------------

    def new_draft(self) -> None:
        self.flush()
        self.post = None
        self.ignores = []
        profile = self.context_bar.current_profile()
        if profile is not None:
            self.context_bar.load(
                profile_id=profile.id,
                platform=self.context_bar.current_platform(),
                kind=PostKind.POST,
                reply_to="",
                when=None,
            )
        self._load_into_widgets("", (), ())
        self.save_state.setText("New draft")
        self.drafts.clearSelection()
        self.editor.setFocus()

    def open_draft(self, post_id: int) -> None:
        if self.post is not None and self.post.id == post_id:
            return
        self.flush()
        loaded = drafting.load_draft(self.context.workspace, post_id)
        self.post = loaded.post
        self.ignores = list(loaded.ignores)
        self.context_bar.load(
            profile_id=loaded.post.profile_id,
            platform=loaded.post.platform,
            kind=loaded.post.kind,
            reply_to=loaded.post.in_reply_to,
            when=loaded.post.scheduled_at,
        )
        self._load_into_widgets(loaded.post.body, loaded.citations, loaded.images)
        self.save_state.setText("Saved")

    def _open_item(self, item: QListWidgetItem) -> None:
        self.open_draft(int(item.data(Qt.ItemDataRole.UserRole)))

    def _load_into_widgets(self, body: str, citations: tuple, images: tuple) -> None:
        self._loading = True
        try:
            self.attachments.set_citations(list(citations))
            self.attachments.set_images(list(images))
            self.editor.setPlainText(body)
            self._refresh_practice_context()
        finally:
            self._loading = False
        self._autosave.stop()
        self.editor.emit_snapshot()

    def start_from_seed(self, seed: object) -> None:
        """Begin a new draft from a library topic: its text, with its citations attached."""
        self.new_draft()
        citations = getattr(seed, "citations", ())
        self.attachments.add_citations(tuple(citations), str(getattr(seed, "topic_id", "")))
        self.editor.setPlainText(str(getattr(seed, "text", "")))
        title = getattr(seed, "topic_title", "")
        self.message_bar.show_message(
            f"Started from the library topic “{title}”; its sources are attached, so its claims count as supported."
        )

    def show_text(self, text: str, *, profile_kind: str, platform: str, reply_to: str = "") -> None:
        """Show a draft from a file without saving it (``clinic-composer screenshot composer --draft``)."""
        self.persist = False
        self.new_draft()
        for index in range(self.context_bar.profile.count()):
            profile = self.context_bar.profile.itemData(index)
            if isinstance(profile, Profile) and profile.kind is ProfileKind(profile_kind):
                self.context_bar.profile.setCurrentIndex(index)
                break
        self.context_bar.platform.setCurrentIndex(max(self.context_bar.platform.findData(platform), 0))
        kind = PostKind.REPLY if reply_to else PostKind.POST
        self.context_bar.kind.setCurrentIndex(self.context_bar.kind.findData(kind))
        self.context_bar.reply_to.setPlainText(reply_to)
        self.editor.setPlainText(text)

    # Checking ---------------------------------------------------------------------------------------------

    def build_request(self, text: str) -> CheckRequest:
        profile = self.context_bar.current_profile()
        is_reply = self.context_bar.current_kind() is PostKind.REPLY
        return CheckRequest(
            text=text,
            kind="reply" if is_reply else "post",
            profile="personal" if profile and profile.kind is ProfileKind.PERSONAL else "practice",
            platform=self.context_bar.current_platform().value,
            in_reply_to=self.context_bar.reply_to.toPlainText()
            if self.context_bar.current_kind() is PostKind.REPLY
            else "",
            citations=tuple(f"{o}: {t} {u}" for o, t, u, _ in self.attachments.citation_rows()),
            images=tuple(ImageRef(description=name, alt_text=alt) for name, alt in self.attachments.image_rows()),
        )

    def _check(self, revision: int, text: str) -> None:
        self.runner.submit(CheckJob(revision, self.build_request(text), self._practice_context))

    def _on_checked(self, revision: int, findings: list[Finding]) -> None:
        text = self.editor.toPlainText()
        kept = [f for f in findings if not self._ignored(f, text)]
        if self.editor.show_findings(revision, kept):
            self.findings.show_marks(self.editor.marks)
            self.previews.update_text(text, self.context_bar.current_kind(), self.context_bar.current_platform())

    def _ignored(self, finding: Finding, text: str) -> bool:
        span = text[finding.start : finding.end]
        return any(i.rule == finding.rule and i.span_text == span for i in self.ignores)

    def recheck(self) -> None:
        """Check again now (context changed); the bumped revision makes any running result stale."""
        self.editor.revision += 1
        self.editor.emit_snapshot()

    def settle(self) -> None:
        """Wait for the engines and draw the current findings at once (screenshots and tests)."""
        self.context.engines.load_all()
        self.runner.synchronous = True
        try:
            self.recheck()
        finally:
            self.runner.synchronous = False
        self.previews.flush()

    def error_count(self) -> int:
        return sum(1 for m in self.editor.marks if m.finding.severity == "error" and m.finding.category != "spelling")

    # Saving ------------------------------------------------------------------------------------------------

    def _changed(self) -> None:
        if not self._loading and self.persist:
            self.save_state.setText("Editing…")
            self._autosave.start()

    def _context_changed(self) -> None:
        if self._loading:
            return
        profile = self.context_bar.current_profile()
        if (profile.id if profile else None) != self._context_profile_id:  # typing a reply comment is not this
            self._refresh_practice_context()
        self.recheck()
        self._changed()

    def flush(self) -> None:
        """Save a pending change now (before switching drafts or closing)."""
        if self._autosave.isActive():
            self._autosave.stop()
            self.save_now()

    def save_now(self) -> None:
        self._autosave.stop()
        user = self.context.user
        profile = self.context_bar.current_profile()
        if not self.persist or user is None or profile is None:
            return
        body = self.editor.toPlainText()
        if self.post is None and not body.strip():
            return
        state = drafting.DraftState(
            profile_id=profile.id,
            platform=self.context_bar.current_platform(),
            kind=self.context_bar.current_kind(),
            body=body,
            in_reply_to=self.context_bar.reply_to.toPlainText()
            if self.context_bar.current_kind() is PostKind.REPLY
            else "",
            scheduled_at=self.context_bar.scheduled_utc(),
            citations=tuple(self.attachments.citation_rows()),
            images=tuple(self.attachments.image_rows()),
        )
        created = self.post is None
        try:
            self.post = drafting.save_draft(self.context.workspace, user, self.post, state)
        except ConcurrentEditError as error:
            self.message_bar.show_message(
                f"{error} Your text is still here.",
                warning=True,
                actions=(("Save mine as a copy", self._save_as_copy), ("Load theirs", self._reload_theirs)),
            )
            return
        except ComposerError as error:
            self.message_bar.show_message(str(error), warning=True)
            return
        self.save_state.setText("Saved")
        if created:
            self.refresh()

    def _save_as_copy(self) -> None:
        self.post = None
        self.save_now()

    def _reload_theirs(self) -> None:
        if self.post is not None:
            post_id, self.post = self.post.id, None
            self.open_draft(post_id)

    def duplicate(self) -> None:
        self.save_now()
        if self.post is None or self.context.user is None:
            return
        copy = drafting.duplicate(self.context.workspace, self.context.user, self.post)
        self.refresh()
        self.open_draft(copy.id)
        self.message_bar.show_message("This is a copy; the original is unchanged.")

    def submit(self) -> None:
        user = self.context.user
        self.settle()
        self.save_now()
        if self.post is None or user is None:
            self.message_bar.show_message("Write something before submitting it for review.")
            return
        errors = self.error_count()
        reason = ""
        if errors:
            reason, ok = QInputDialog.getMultiLineText(
                self,
                "Submit with problems?",
                f"{errors} problem{'s' if errors != 1 else ''} must be fixed before review. To send it anyway, "
                "say why; the reason is kept with the draft and in the audit trail.",
            )
            if not ok or not reason.strip():
                return
        try:
            drafting.submit_for_review(self.context.workspace, user, self.post, error_count=errors, reason=reason)
        except ComposerError as error:
            self.message_bar.show_message(str(error), warning=True)
            return
        self.post = None
        self.new_draft()
        self.refresh()
        self.message_bar.show_message("Sent for review. A physician will approve it or send it back with comments.")

    # Context menu and quick fixes ---------------------------------------------------------------------------

    def _fill_menu(self, menu: QMenu, marks: list[Mark], _code_point: int) -> None:
        for mark in marks:
            finding = mark.finding
            header = menu.addAction(finding.message)
            header.setEnabled(False)
            if finding.category == "spelling":
                self._spelling_actions(menu, mark)
            elif (replacement := quick_fix(finding)) is not None:
                label = f"Replace with “{replacement}”" if replacement else f"Remove “{mark.current_text()}”"
                menu.addAction(label, partial(self.apply_fix, mark, replacement))
            if self.context_bar.current_kind() is PostKind.REPLY and finding.category in TEMPLATE_FIXES:
                templates = menu.addMenu("Rewrite with a safe reply")
                for template in self._templates:
                    templates.addAction(template.label, partial(self.apply_template, template))
            menu.addAction("Ignore here…", partial(self.ignore, mark))

    def _spelling_actions(self, menu: QMenu, mark: Mark) -> None:
        word = mark.current_text()
        spelling = self.context.engines.spelling
        suggestions = spelling.suggestions(word, max_distance=1)[:6] if spelling else []
        for suggestion in suggestions:
            menu.addAction(f"Change to “{suggestion}”", partial(self.apply_fix, mark, suggestion))
        if not suggestions:
            menu.addAction("No close suggestions").setEnabled(False)
        if spelling is not None:
            menu.addAction("More suggestions…", partial(self._fetch_more, mark, word))
        menu.addAction(f"Add “{word}” to the practice dictionary", partial(self.add_word, word))

    def apply_fix(self, mark: Mark, replacement: str) -> None:
        self.editor.replace_mark(mark, replacement)

    def apply_template(self, template: ReplyTemplate) -> None:
        practice = self.context.workspace.practice()
        text = template.fill(
            practice=practice.name if practice else "",
            phone=practice.phone if practice else "",
            email=practice.email if practice else "",
        )
        cursor = self.editor.textCursor()
        cursor.beginEditBlock()
        cursor.select(cursor.SelectionType.Document)
        cursor.insertText(text)
        cursor.endEditBlock()

    def add_word(self, word: str) -> None:
        user = self.context.user
        if user is None:
            return
        try:
            drafting.add_practice_word(self.context.workspace, user, word)
        except ComposerError as error:
            self.message_bar.show_message(str(error), warning=True)
            return
        self._refresh_practice_context()
        self.recheck()

    def ignore(self, mark: Mark) -> None:
        """Accept every finding on this exact span, with one reason (a person judged the words fine here)."""
        reason, ok = QInputDialog.getText(
            self, "Ignore here", "Why is this acceptable in this draft? (kept with the draft and in the audit trail)"
        )
        if not ok or not reason.strip():
            return
        self.save_now()
        if self.post is None or self.context.user is None:
            return
        span = (mark.cursor.selectionStart(), mark.cursor.selectionEnd())
        rules = {
            m.finding.rule for m in self.editor.marks if (m.cursor.selectionStart(), m.cursor.selectionEnd()) == span
        }
        try:
            for rule in sorted(rules):
                self.ignores.append(
                    drafting.ignore_finding(
                        self.context.workspace, self.context.user, self.post, rule, mark.current_text(), reason
                    )
                )
        except ComposerError as error:
            self.message_bar.show_message(str(error), warning=True)
            return
        self.recheck()

    def _fetch_more(self, mark: Mark, word: str) -> None:
        spelling = self.context.engines.spelling
        if spelling is None:
            return

        def work() -> None:
            found = spelling.suggestions(word, max_distance=2)[:10]
            self._fetcher.ready.emit(mark, found)

        QThreadPool.globalInstance().start(BackgroundCall(work))

    def _show_more_suggestions(self, mark: Mark, suggestions: list[str]) -> None:
        menu = QMenu(self)
        for suggestion in suggestions:
            menu.addAction(suggestion, partial(self.apply_fix, mark, suggestion))
        if not suggestions:
            menu.addAction("No suggestions found").setEnabled(False)
        rect = self.editor.cursorRect(mark.cursor)
        menu.popup(self.editor.viewport().mapToGlobal(rect.bottomLeft()))

    # Layout ------------------------------------------------------------------------------------------------------

    def save_layout(self, settings: QSettings) -> None:
        settings.setValue(SETTINGS_SPLITTER, self.splitter.saveState())

    def restore_layout(self, settings: QSettings) -> None:
        state = settings.value(SETTINGS_SPLITTER)
        if isinstance(state, QByteArray):
            self.splitter.restoreState(state)

    def shutdown(self) -> None:
        self.flush()
        self.runner.wait(2000)
