"""``clinic-composer topics list``: the topic library, as JSON for other programs or as text.

Without a workspace the output is the shipped library alone (the default, so scripts get the same
answer on every machine); with one, the practice's own topics are merged in and marked ``"practice"``.
"""

from __future__ import annotations

import json
import sys
from datetime import date
from typing import TYPE_CHECKING, Any

from composer.domain.topics import Topic
from composer.services.library import TopicLibrary

if TYPE_CHECKING:  # only for hints: listing the shipped library must not load the database layer
    from composer.services.workspace import Workspace


def topic_summary(topic: Topic) -> dict[str, Any]:
    """The DESIGN.md 2.1 shape: id, title, category, citations with source, title and url."""
    return {
        "id": topic.id,
        "title": topic.title,
        "category": topic.category,
        "review_by": topic.review_by.isoformat(),
        "citations": [
            {"source": c.organization, "short": c.short, "title": c.title, "url": c.url, "year": c.year}
            for c in topic.citations
        ],
    }


def print_topics(output_format: str, workspace: Workspace | None = None) -> int:
    """Print the library; a malformed shipped file raises a one-sentence ComposerError."""
    library = TopicLibrary.load(workspace)
    if output_format == "json":
        rows = []
        for topic in library.all():
            row = topic_summary(topic)
            if workspace is not None:
                row["practice"] = library.is_practice_topic(topic.id)
            rows.append(row)
        json.dump(rows, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
        return 0
    today = date.today()
    for topic in library.all():
        flag = "  (due for review)" if topic.is_due_for_review(today) else ""
        own = "  (practice)" if library.is_practice_topic(topic.id) else ""
        sources = ", ".join(c.short or c.organization for c in topic.citations)
        print(f"{topic.id:40} {topic.category:18} {topic.title} [{sources}]{own}{flag}")
    return 0
