"""Small builders shared by the library's service and view tests."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from composer.domain.model import Role, User
from composer.domain.topics import Topic
from composer.services.library import shipped_topics
from composer.services.workspace import Workspace


def practice_with_user(workspace: Workspace) -> User:
    """A practice and an admin in an empty database, which practice topics need."""
    with workspace.store() as store:
        store.practices.add("Test Family Practice")
        return store.users.add("Ada Admin", Role.ADMIN)


def own_topic(topic_id: str = "our-walking-club", *, review_by: date = date(2030, 1, 1), title: str = "") -> Topic:
    """A valid practice topic, built from a shipped one so it passes the library's rules."""
    base = shipped_topics()[0]
    return replace(
        base,
        id=topic_id,
        title=title or "Our Saturday walking club",
        category="practice-news",
        category_label="Practice News",
        review_by=review_by,
    )
