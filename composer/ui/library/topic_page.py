"""The topic page: everything a clinician needs to trust a topic before it goes into a post.

The page is rich text in a QTextBrowser so it reflows, selects and copies like a document. Links are
never followed: the app opens no network connection on its own, so clicking a citation's address copies
it to the clipboard instead and says so.
"""

from __future__ import annotations

import calendar
from datetime import date
from html import escape

from PySide6.QtCore import QUrl, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QTextBrowser, QWidget

from composer.domain.topics import X_LIMIT, Citation, Topic, TopicPost

#: Month names as the date formats on this page spell them (``%B``), so both follow the same locale.
MONTHS = tuple(calendar.month_name[1:])
LENGTH_NAMES = {"short": "Short post", "medium": "Medium post", "long": "Long post"}


def post_note(post: TopicPost) -> str:
    """ "Short post · 182 characters on X · X-ready": what the length means for where it can go."""
    ready = "X-ready" if post.fits_x else f"too long for X (limit {X_LIMIT})"
    return f"{LENGTH_NAMES.get(post.length, post.length)} · {post.x_length} characters on X · {ready}"


def review_warning(topic: Topic, today: date) -> str:
    """The sentence shown when a topic is past its review-by date (empty when it is current)."""
    if not topic.is_due_for_review(today):
        return ""
    return (
        f"Due for review: this topic was to be re-checked by {topic.review_by:%d %B %Y}. "
        "Ask a clinician to confirm it is still current before posting."
    )


def _list(items: tuple[str, ...], tag: str = "ul") -> str:
    return f"<{tag}>" + "".join(f"<li>{escape(item)}</li>" for item in items) + f"</{tag}>"


def _citation(citation: Citation) -> str:
    url = escape(citation.url, quote=True)
    return (
        f"<li><b>{escape(citation.organization)}</b> ({escape(citation.short)}), {citation.year}. "
        f"<i>{escape(citation.title)}</i>.<br>"
        f'<a href="{url}">{url}</a><br>'
        f"<small>Accessed {citation.accessed:%d %B %Y}</small></li>"
    )


def _post(post: TopicPost) -> str:
    blocks = [block.strip() for block in post.text.split("\n\n") if block.strip()]
    paragraphs = "".join(f"<p>{'<br>'.join(escape(line) for line in block.splitlines())}</p>" for block in blocks)
    return f"<h4>{escape(post_note(post))}</h4><blockquote>{paragraphs}</blockquote>"


def topic_html(topic: Topic, *, practice: bool, today: date) -> str:
    """The page as HTML; styled only by structure so the system palette (and dark mode) applies."""
    origin = "Your practice's own topic" if practice else "From the Clinic Composer library"
    audience = ", ".join(who.replace("-", " ") for who in topic.audience)
    months = ", ".join(MONTHS[m - 1] for m in topic.months)
    parts = [f"<h2>{escape(topic.title)}</h2>"]
    warning = review_warning(topic, today)
    if warning:
        parts.append(f"<p><b>⚠ {escape(warning)}</b></p>")
    parts += [
        f"<p><small>{escape(topic.category_label)} · {escape(origin)} · For {escape(audience)}</small></p>",
        f"<p>{escape(topic.summary)}</p>",
        "<h3>Key points</h3>",
        _list(topic.key_points),
        # Sources straight after the claims they back: the reviewer checks these before any post.
        "<h3>Citations</h3>",
        "<ol>" + "".join(_citation(c) for c in topic.citations) + "</ol>",
        f"<p><b>Evidence:</b> {escape(topic.evidence)}</p>",
        f"<p><b>Review by:</b> {topic.review_by:%d %B %Y}</p>",
        "<h3>Ready posts</h3>",
        *(_post(post) for post in topic.posts),
        f"<p><b>Hashtags:</b> {escape(' '.join(topic.hashtags))}</p>",
    ]
    if topic.observances:
        parts.append(f"<p><b>Observances:</b> {escape(', '.join(topic.observances))}</p>")
    if months:
        parts.append(f"<p><b>Good months:</b> {escape(months)}</p>")
    return "\n".join(parts)


class TopicPage(QTextBrowser):
    """A read-only topic page whose links copy themselves instead of opening a browser."""

    link_copied = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.setAccessibleName("Topic page")
        self.document().setDocumentMargin(14)
        self.setAccessibleDescription("Summary, key points, ready posts and citations of the selected topic")
        self.anchorClicked.connect(self._copy_link)

    def show_topic(self, topic: Topic | None, *, practice: bool = False, today: date | None = None) -> None:
        if topic is None:
            self.setHtml("<p><i>No topic selected. Choose one from the list to read it here.</i></p>")
            return
        self.setHtml(topic_html(topic, practice=practice, today=today or date.today()))

    def _copy_link(self, url: QUrl) -> None:
        text = url.toString()
        QGuiApplication.clipboard().setText(text)
        self.link_copied.emit(text)
