"""``clinic-composer topics list``: the shipped topic library, as JSON for other programs or as text."""

from __future__ import annotations

import json
import sys
from datetime import date
from typing import Any

from composer.domain.errors import ComposerError
from composer.domain.topics import Topic, TopicFileError, load_topic_library


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


def print_topics(output_format: str) -> int:
    try:
        topics = load_topic_library()
    except TopicFileError as error:
        raise ComposerError(str(error)) from error
    if output_format == "json":
        json.dump([topic_summary(t) for t in topics], sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
        return 0
    today = date.today()
    for topic in topics:
        flag = "  (due for review)" if topic.is_due_for_review(today) else ""
        sources = ", ".join(c.short or c.organization for c in topic.citations)
        print(f"{topic.id:40} {topic.category:18} {topic.title} [{sources}]{flag}")
    return 0
