"""Safe reply templates (resources/templates/replies.toml): replies that never confirm a patient relationship.

Filled with the practice's own phone and email, which are never patient identifiers.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path

from composer.domain.errors import ComposerError
from composer.resources import resource_path


@dataclass(frozen=True)
class ReplyTemplate:
    id: str
    label: str
    text: str

    def fill(self, *, practice: str, phone: str, email: str) -> str:
        values = {
            "practice": practice or "our practice",
            "phone": phone or "our office",
            "email": email or "our office email",
        }
        return self.text.format(**values)


def load_reply_templates(path: Path | None = None) -> list[ReplyTemplate]:
    path = path or resource_path("templates", "replies.toml")
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        templates = [ReplyTemplate(str(t["id"]), str(t["label"]), str(t["text"])) for t in data["templates"]]
    except (OSError, tomllib.TOMLDecodeError, KeyError, TypeError) as error:
        raise ComposerError(f"The reply template file {path} is unreadable or missing a field.") from error
    return templates
