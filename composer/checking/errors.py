"""The checker's own error, kept apart so that light modules (platform counting) can raise it without
importing the rule loader and its pattern machinery."""

from __future__ import annotations

from pathlib import Path


class RuleFileError(ValueError):
    """A rule pack is malformed. The message names the file, the rule id and the field."""

    def __init__(self, path: Path | str, rule: str, field_name: str, problem: str) -> None:
        self.path = str(path)
        self.rule = rule
        self.field = field_name
        self.problem = problem
        super().__init__(f"{Path(self.path).name}: rule {rule!r}, field {field_name!r}: {problem}")
