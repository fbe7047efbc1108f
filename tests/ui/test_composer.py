"""The composer as office staff use it: type, see problems underlined, fix them, and never lose text."""

from __future__ import annotations

import itertools
import time
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, Qt, QTimer
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QApplication, QInputDialog, QMenu
from pytestqt.qtbot import QtBot

from composer.checking import Finding
from composer.domain.model import PostKind, PostStatus
from composer.services import drafting
from composer.services.workspace import Workspace, open_workspace
from composer.ui.context import ViewContext
from composer.ui.editor.check_runner import Engines
from composer.ui.editor.draft_editor import MAX_DRAFT_CHARS, tooltip_html
from composer.ui.editor.offsets import OffsetMap
from composer.ui.editor.styles import finding_style
from composer.ui.editor.view import ComposeView, quick_fix

# The checker and spelling load once for the whole module: loading is what the app does at start-up.
ENGINES = Engines()


@pytest.fixture(scope="module", autouse=True)
def _load_engines() -> None:
    ENGINES.load_all()


def make_view(qtbot: QtBot, workspace: Workspace) -> ComposeView:
    user = workspace.default_user()
    view = ComposeView(ViewContext(workspace, user, ENGINES))
    view.editor.set_debounce(40)
    view.resize(1100, 700)
    qtbot.addWidget(view)
    view.show()
    view.new_draft()
    return view


def type_text(qtbot: QtBot, view: ComposeView, text: str) -> None:
    view.editor.setFocus()
    qtbot.keyClicks(view.editor, text)


def wait_for_check(qtbot: QtBot, view: ComposeView) -> None:
    revision = view.editor.revision
    qtbot.waitUntil(lambda: view.editor.marks_drawn_for == revision, timeout=5000)


def marked_texts(view: ComposeView, category: str | None = None) -> list[str]:
    return [m.current_text() for m in view.editor.marks if category is None or m.finding.category == category]


def assert_underline_painted(view: ComposeView, category: str) -> None:
    """The wave under a finding of ``category`` is on screen: pixels of its colour along its baseline."""
    segment = next(s for s in view.editor.underline_segments() if s.finding.category == category)
    colour = finding_style(segment.finding, view.editor).colour
    image = view.editor.viewport().grab().toImage()
    ratio = image.devicePixelRatio()

    def close(x: int, y: int) -> bool:
        pixel = image.pixelColor(round(x * ratio), round(y * ratio))
        return max(abs(pixel.red() - colour.red()), abs(pixel.green() - colour.green()),
                   abs(pixel.blue() - colour.blue())) < 70

    band = range(round(segment.baseline) - 3, round(segment.baseline) + 4)
    hits = sum(close(x, y) for x in range(round(segment.rect.left()), round(segment.rect.right())) for y in band)
    assert hits >= segment.rect.width() / 4, "the underline was not painted"


def test_typing_a_patients_name_underlines_it_after_a_pause(qtbot: QtBot, demo_workspace: Workspace) -> None:
    view = make_view(qtbot, demo_workspace)
    view.context_bar.kind.setCurrentIndex(view.context_bar.kind.findData(PostKind.REPLY))
    view.context_bar.reply_to.setPlainText("Still waiting on my lab results.")
    type_text(qtbot, view, "Hi Ronald, your results are in!")
    assert view.editor.marks == []  # nothing is drawn while the user is still typing
    wait_for_check(qtbot, view)
    assert "Ronald" in marked_texts(view, "phi")
    assert_underline_painted(view, "phi")
    assert "must be fixed before review" in view.findings.status.text()


def test_hover_explains_what_why_and_fix(qtbot: QtBot, demo_workspace: Workspace) -> None:
    view = make_view(qtbot, demo_workspace)
    type_text(qtbot, view, "Call Ronald at (555) 384-2290 about his results.")
    wait_for_check(qtbot, view)
    phone = next(m for m in view.editor.marks if m.current_text() == "(555) 384-2290")
    html = tooltip_html([phone.finding])
    assert phone.finding.message.split()[0] in html
    assert "Why:" in html and "Fix:" in html
    assert "45 CFR" in html or "HIPAA" in html


def test_quick_fix_applies_and_its_finding_goes_away(qtbot: QtBot, demo_workspace: Workspace) -> None:
    view = make_view(qtbot, demo_workspace)
    type_text(qtbot, view, "Questions? Text Maria at (555) 384-2290 after 5 p.m.")
    wait_for_check(qtbot, view)
    fixable = [m for m in view.editor.marks if quick_fix(m.finding) is not None]
    assert fixable, [m.finding.rule for m in view.editor.marks]
    target = next(m for m in fixable if m.current_text() == "(555) 384-2290")
    view.apply_fix(target, quick_fix(target.finding) or "")
    wait_for_check(qtbot, view)
    assert "384-2290" not in view.editor.toPlainText()
    assert "  " not in view.editor.toPlainText()  # removal tidies the double space
    assert not [m for m in view.editor.marks if m.finding.rule == target.finding.rule]
    view.editor.undo()  # the fix is one undoable step
    assert "(555) 384-2290" in view.editor.toPlainText()


def test_context_menu_offers_the_fix_and_ignore(qtbot: QtBot, demo_workspace: Workspace) -> None:
    view = make_view(qtbot, demo_workspace)
    type_text(qtbot, view, "Thanks Margaret, see you at your follow-up!")
    wait_for_check(qtbot, view)
    menu = QMenu()
    mark = next(m for m in view.editor.marks if m.current_text() == "Margaret" and m.finding.category == "phi")
    view._fill_menu(menu, [mark], 7)
    labels = [a.text() for a in menu.actions()]
    assert "Ignore here…" in labels
    assert any(label.startswith(("Replace", "Remove")) for label in labels)


def test_ignore_here_records_a_reason_and_hides_the_finding(
    qtbot: QtBot, demo_workspace: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    view = make_view(qtbot, demo_workspace)
    type_text(qtbot, view, "Say hello to Rosie, our clinic's therapy dog, this Friday!")
    wait_for_check(qtbot, view)
    marks = [m for m in view.editor.marks if m.current_text() == "Rosie"]
    if not marks:
        pytest.skip("the checker does not flag this name; nothing to ignore")
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("Rosie is the therapy dog", True))
    view.ignore(marks[0])
    wait_for_check(qtbot, view)
    assert "Rosie" not in marked_texts(view)
    assert view.post is not None
    with demo_workspace.store() as store:
        ignores = store.extras.ignores(view.post.id)
        actions = [e.action for e in store.audit.for_entity("post", view.post.id)]
    assert ignores and {i.reason for i in ignores} == {"Rosie is the therapy dog"}
    assert {i.span_text for i in ignores} == {"Rosie"}
    assert "finding.ignored" in actions


def test_a_stale_result_is_never_drawn(qtbot: QtBot, demo_workspace: Workspace) -> None:
    view = make_view(qtbot, demo_workspace)
    view.editor.setPlainText("Hello everyone")
    old_revision = view.editor.revision
    view.editor.insertPlainText(", welcome!")  # the user kept typing: a newer revision exists
    stale = [Finding("phi", "phi.person-name", "error", 0, 5, "stale")]
    assert view.editor.show_findings(old_revision, stale) is False
    assert view.editor.marks == [] and view.editor.underline_segments() == []


def test_emoji_before_a_finding_do_not_shift_its_underline(qtbot: QtBot, demo_workspace: Workspace) -> None:
    view = make_view(qtbot, demo_workspace)
    view.context_bar.kind.setCurrentIndex(view.context_bar.kind.findData(PostKind.REPLY))
    text = "🎉👨‍👩‍👧 Thanks Margaret! 💙 See you at your follow-up"
    view.editor.setPlainText(text)
    wait_for_check(qtbot, view)
    names = [m for m in view.editor.marks if m.finding.category == "phi"]
    assert names and names[0].current_text() == "Margaret"
    start = text.index("Margaret")
    assert names[0].cursor.selectionStart() == OffsetMap(text).to_qt(start) != start


def test_offset_map_round_trips_astral_characters() -> None:
    text = "a😀b👨‍👩‍👧c"
    offsets = OffsetMap(text)
    utf16 = text.encode("utf-16-le")
    for index in range(len(text) + 1):
        position = offsets.to_qt(index)
        assert position == len(text[:index].encode("utf-16-le")) // 2
        assert offsets.to_code_point(position) == index
    assert offsets.to_qt(len(text)) == len(utf16) // 2


def test_f8_walks_the_findings(qtbot: QtBot, demo_workspace: Workspace) -> None:
    view = make_view(qtbot, demo_workspace)
    view.context_bar.kind.setCurrentIndex(view.context_bar.kind.findData(PostKind.REPLY))
    view.editor.setPlainText("Thanks Margaret! See you at your follow-up on March 3rd.")
    wait_for_check(qtbot, view)
    starts = sorted({m.cursor.selectionStart() for m in view.editor.marks})
    assert len(starts) >= 2
    cursor = view.editor.textCursor()
    cursor.setPosition(0)
    view.editor.setTextCursor(cursor)
    visited = [view.editor.step(True).cursor.selectionStart() for _ in starts]  # type: ignore[union-attr]
    assert visited == starts
    assert view.editor.step(False).cursor.selectionStart() == starts[-2]  # type: ignore[union-attr]


def test_autosave_brings_a_draft_back_after_a_crash(qtbot: QtBot, tmp_path: Path) -> None:
    from composer.services.demo import fill_demo

    url = f"sqlite:///{tmp_path / 'crash.db'}"
    first = open_workspace(url)
    fill_demo(first)
    view = make_view(qtbot, first)
    type_text(qtbot, view, "Flu shots are in! Walk in any weekday.")
    qtbot.waitUntil(lambda: view.save_state.text() == "Saved", timeout=5000)
    post_id = view.post.id if view.post else None
    # Simulate kill -9: no close event, no flush, the connection simply goes away.
    first.database.engine.dispose()
    second = open_workspace(url)
    restored = drafting.load_draft(second, post_id)  # type: ignore[arg-type]
    assert restored.post.body == "Flu shots are in! Walk in any weekday."
    assert restored.post.status is PostStatus.DRAFT
    reopened = make_view(qtbot, second)
    reopened.open_draft(post_id)  # type: ignore[arg-type]
    assert reopened.editor.toPlainText() == "Flu shots are in! Walk in any weekday."
    second.close()


def test_switching_drafts_never_loses_text(qtbot: QtBot, demo_workspace: Workspace) -> None:
    view = make_view(qtbot, demo_workspace)
    type_text(qtbot, view, "First draft text")
    view.save_now()
    first_id = view.post.id if view.post else 0
    view.new_draft()
    type_text(qtbot, view, "Second draft, switched away before autosave")
    second_text = view.editor.toPlainText()
    view.open_draft(first_id)  # switching flushes the pending autosave
    assert view.editor.toPlainText() == "First draft text"
    with demo_workspace.store() as store:
        bodies = {p.body for p in store.posts.list(statuses=(PostStatus.DRAFT,))}
    assert second_text in bodies


def test_submitting_with_errors_requires_a_recorded_reason(
    qtbot: QtBot, demo_workspace: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    view = make_view(qtbot, demo_workspace)
    view.context_bar.kind.setCurrentIndex(view.context_bar.kind.findData(PostKind.REPLY))
    view.editor.setPlainText("Thanks Margaret, see you at your follow-up!")
    answers = iter([("", False), ("The patient asked us in writing to thank her publicly", True)])
    monkeypatch.setattr(QInputDialog, "getMultiLineText", lambda *a, **k: next(answers))
    view.submit()  # cancelled: nothing submitted
    post_id = view.post.id if view.post else 0
    with demo_workspace.store() as store:
        assert store.posts.get(post_id).status is PostStatus.DRAFT
    view.open_draft(post_id)
    view.submit()
    with demo_workspace.store() as store:
        post = store.posts.get(post_id)
        submitted = [e for e in store.audit.for_entity("post", post_id) if e.action == "post.submitted"]
    assert post.status is PostStatus.IN_REVIEW
    assert "in writing" in post.override_reason
    assert submitted and "in writing" in submitted[-1].detail["override_reason"]


def test_safe_reply_template_replaces_a_risky_reply(qtbot: QtBot, demo_workspace: Workspace) -> None:
    view = make_view(qtbot, demo_workspace)
    view.context_bar.kind.setCurrentIndex(view.context_bar.kind.findData(PostKind.REPLY))
    view.context_bar.reply_to.setPlainText("Waited an hour for my appointment!")
    view.editor.setPlainText("Sorry Margaret, your appointment ran late because of your chart.")
    complaint = next(t for t in view._templates if t.id == "complaint")
    view.apply_template(complaint)
    wait_for_check(qtbot, view)
    assert "(555) 201-3300" in view.editor.toPlainText()
    assert not [m for m in view.editor.marks if m.finding.severity == "error"]


def test_a_10_mb_paste_is_refused_quickly_and_keeps_the_text(qtbot: QtBot, demo_workspace: Workspace) -> None:
    view = make_view(qtbot, demo_workspace)
    view.editor.setPlainText("Keep this text.")
    data = QMimeData()
    data.setText("x" * 10_000_000)
    started = time.perf_counter()
    with qtbot.waitSignal(view.editor.paste_refused, timeout=2000) as signal:
        view.editor.insertFromMimeData(data)
    assert time.perf_counter() - started < 0.5
    assert view.editor.toPlainText() == "Keep this text."
    assert f"{MAX_DRAFT_CHARS:,}" in signal.args[0]
    QApplication.processEvents()
    assert view.message_bar.isVisible()


def test_a_large_paste_within_the_limit_keeps_the_window_responsive(qtbot: QtBot, demo_workspace: Workspace) -> None:
    view = make_view(qtbot, demo_workspace)
    data = QMimeData()
    data.setText(("Wash your hands often. " * 4000)[: MAX_DRAFT_CHARS - 10])
    ticks: list[float] = [time.perf_counter()]
    timer = QTimer()
    timer.timeout.connect(lambda: ticks.append(time.perf_counter()))
    timer.start(10)
    view.editor.insertFromMimeData(data)
    # While the worker checks 100,000 characters, the event loop keeps turning: no frozen window.
    wait_for_check(qtbot, view)
    timer.stop()
    ticks.append(time.perf_counter())
    longest_gap = max(later - earlier for earlier, later in itertools.pairwise(ticks))
    assert longest_gap < 0.4, f"the event loop stalled for {longest_gap * 1000:.0f} ms"


def test_previews_count_exactly_per_platform(qtbot: QtBot, demo_workspace: Workspace) -> None:
    view = make_view(qtbot, demo_workspace)
    view.editor.setPlainText("See https://www.cdc.gov/flu/index.html for flu facts 😷")
    wait_for_check(qtbot, view)
    from composer.domain.model import Platform

    x_counter = view.previews.counters[Platform.X].text()
    assert x_counter.startswith(f"{23 + len(' for flu facts ') + 2 + len('See ')} / 280"), x_counter


def test_each_preview_shows_the_draft_as_its_platform_would(qtbot: QtBot, demo_workspace: Workspace) -> None:
    """The open preview follows the draft; a tab opened later shows the same draft, folded where that
    platform hides long text behind "more"."""
    from composer.domain.model import Platform

    view = make_view(qtbot, demo_workspace)
    text = "Flu season is here. " * 12
    view.editor.setPlainText(text)
    wait_for_check(qtbot, view)
    current = view.context_bar.current_platform()
    qtbot.waitUntil(lambda: view.previews.previews[current].toPlainText() == view.previews.preview_text(current))
    view.previews.tabs.setCurrentIndex(list(Platform).index(Platform.INSTAGRAM))
    shown = view.previews.previews[Platform.INSTAGRAM].toPlainText()
    assert shown.endswith("… more") and text.startswith(shown.removesuffix(" … more"))
    view.editor.setPlainText("Short and sweet.")
    wait_for_check(qtbot, view)
    view.previews.tabs.setCurrentIndex(list(Platform).index(Platform.X))
    assert view.previews.previews[Platform.X].toPlainText() == "Short and sweet."


def test_use_in_draft_attaches_the_citations(qtbot: QtBot, demo_workspace: Workspace) -> None:
    from composer.domain.topics import load_topic_library

    view = make_view(qtbot, demo_workspace)
    topic = load_topic_library()[0]

    class Seed:
        text = topic.short_post().text
        citations = topic.citations
        topic_id = topic.id
        topic_title = topic.title

    view.start_from_seed(Seed())
    assert view.editor.toPlainText() == topic.short_post().text
    assert [row[2] for row in view.attachments.citation_rows()] == [c.url for c in topic.citations]
    request = view.build_request(view.editor.toPlainText())
    assert len(request.citations) == len(topic.citations)


def test_keyboard_reaches_the_controls_with_accessible_names(qtbot: QtBot, demo_workspace: Workspace) -> None:
    view = make_view(qtbot, demo_workspace)
    for widget in (
        view.editor,
        view.context_bar.profile,
        view.context_bar.platform,
        view.context_bar.kind,
        view.findings.tree,
        view.submit_button,
        view.save_button,
    ):
        assert widget.accessibleName(), widget
        assert widget.focusPolicy() != Qt.FocusPolicy.NoFocus, widget
    view.editor.setFocus()
    assert view.editor.tabChangesFocus()


def test_hover_event_shows_tooltip_over_a_finding(qtbot: QtBot, demo_workspace: Workspace) -> None:
    from PySide6.QtWidgets import QToolTip

    view = make_view(qtbot, demo_workspace)
    view.editor.setPlainText("Please email jane.doe@mail.example with her results.")
    wait_for_check(qtbot, view)
    mark = next(m for m in view.editor.marks if "@" in m.current_text())
    cursor = QTextCursor(mark.cursor)
    cursor.setPosition(mark.cursor.selectionStart() + 2)
    rect = view.editor.cursorRect(cursor)
    from PySide6.QtCore import QEvent
    from PySide6.QtGui import QHelpEvent

    point = rect.center()
    event = QHelpEvent(QEvent.Type.ToolTip, point, view.editor.viewport().mapToGlobal(point))
    view.editor.event(event)
    assert QToolTip.isVisible()
    assert "Why:" in QToolTip.text()


def test_spelling_suggestions_and_the_practice_dictionary(qtbot: QtBot, demo_workspace: Workspace) -> None:
    view = make_view(qtbot, demo_workspace)
    view.editor.setPlainText("Ask about our new suplement and Dr. Okonkwo's Zumbathon class.")
    wait_for_check(qtbot, view)
    misspelled = next(m for m in view.editor.marks if m.current_text() == "suplement")
    assert misspelled.finding.category == "spelling"
    menu = QMenu()
    view._fill_menu(menu, [misspelled], 0)
    labels = [a.text() for a in menu.actions()]
    assert "Change to “supplement”" in labels
    assert "More suggestions…" in labels
    view.apply_fix(misspelled, "supplement")
    wait_for_check(qtbot, view)
    assert "supplement" in view.editor.toPlainText()
    invented = [m for m in view.editor.marks if m.current_text() == "Zumbathon"]
    assert invented
    view.add_word("Zumbathon")
    wait_for_check(qtbot, view)
    assert "Zumbathon" not in marked_texts(view, "spelling")
    with demo_workspace.store() as store:
        practice = store.practices.first()
        assert practice is not None and "Zumbathon" in store.vocabulary.words(practice.id)


def test_an_image_without_alt_text_is_listed(qtbot: QtBot, demo_workspace: Workspace) -> None:
    view = make_view(qtbot, demo_workspace)
    view.attachments.set_images([("lobby.jpg", "")])
    view.editor.setPlainText("Our new lobby is open!")
    wait_for_check(qtbot, view)
    tree = view.findings.tree
    items = [top.text(0) for i in range(tree.topLevelItemCount()) if (top := tree.topLevelItem(i)) is not None]
    assert any(text.startswith("Accessibility") for text in items), items
    view.attachments.set_images([("lobby.jpg", "Our bright new waiting room with blue chairs")])
    view.recheck()
    wait_for_check(qtbot, view)
    assert not [m for m in view.editor.marks if m.finding.category == "accessibility"]


def test_the_findings_panel_keeps_its_place_while_typing_goes_on(qtbot: QtBot, demo_workspace: Workspace) -> None:
    """A re-check that finds the same problems keeps the row the user selected, and that row still leads
    to the problem where it now is (typing before it moved it)."""
    view = make_view(qtbot, demo_workspace)
    view.context_bar.kind.setCurrentIndex(view.context_bar.kind.findData(PostKind.REPLY))
    view.editor.setPlainText("Thanks Margaret! See you at your follow-up on March 3rd.")
    wait_for_check(qtbot, view)
    tree = view.findings.tree
    top = tree.topLevelItem(1)
    assert top is not None
    chosen = top.child(top.childCount() - 1)
    assert chosen is not None
    tree.setCurrentItem(chosen)
    mark = view.findings.mark_of(chosen)
    assert mark is not None
    marked = mark.current_text()
    cursor = view.editor.textCursor()
    cursor.setPosition(0)
    view.editor.setTextCursor(cursor)
    type_text(qtbot, view, "Update: ")
    wait_for_check(qtbot, view)
    assert tree.currentItem() is chosen  # the same row, not a rebuilt list with the first row selected
    renewed = view.findings.mark_of(chosen)
    assert renewed is not None and renewed is not mark
    view.findings.tree.itemActivated.emit(chosen, 0)  # Enter on the row, as a keyboard user would
    assert view.editor.textCursor().selectedText() == marked
    assert renewed.cursor.selectionStart() == view.editor.toPlainText().index(marked)


def test_the_findings_panel_follows_the_draft_as_problems_come_and_go(qtbot: QtBot, demo_workspace: Workspace) -> None:
    """Rows are updated in place: after problems are added and fixed the panel lists exactly the current
    ones, with the counts in the headings and the details of the selected row."""
    view = make_view(qtbot, demo_workspace)
    view.context_bar.kind.setCurrentIndex(view.context_bar.kind.findData(PostKind.REPLY))

    def listed() -> list[tuple[str, list[str]]]:
        tree = view.findings.tree
        shown = []
        for index in range(tree.topLevelItemCount()):
            top = tree.topLevelItem(index)
            assert top is not None
            shown.append((top.text(0), [c.text(0) for i in range(top.childCount()) if (c := top.child(i)) is not None]))
        return shown

    view.editor.setPlainText("Thanks Margaret! See you at your follow-up on March 3rd.")
    wait_for_check(qtbot, view)
    before = listed()
    assert any("(2)" in heading for heading, _rows in before)
    view.editor.setPlainText("Thanks Margaret! See you at your follow-up on March 3rd. Our pils are guaranteed to work")
    wait_for_check(qtbot, view)
    after = listed()
    assert any(heading.startswith("Spelling (1)") and rows == ["… Spelling: “pils”"] for heading, rows in after)
    assert any(heading.startswith("Unsupported") for heading, _rows in after)
    view.editor.setPlainText("Thanks for the kind words! Please call our office so we can help.")
    wait_for_check(qtbot, view)
    assert listed() == []
    assert view.findings.details.text() == ""
    view.editor.setPlainText("Thanks Margaret! See you at your follow-up on March 3rd.")
    wait_for_check(qtbot, view)
    assert listed() == before
    mark = view.findings.mark_of(view.findings.tree.currentItem())
    assert mark is not None and mark.finding.message in view.findings.details.text()


def test_loaded_engines_are_kept_out_of_garbage_collections() -> None:
    """A full collection walking the engines' million objects stalled typing by 50-130 ms (measured in
    tests/benchmarks/bench_composer.py); once loaded, they are frozen out of the collector's walks."""
    import gc

    ENGINES.load_all()
    assert gc.get_freeze_count() > 100_000
