"""What every screen needs: the open workspace, the signed-in user, and the shared checking engines."""

from __future__ import annotations

from dataclasses import dataclass, field

from composer.domain.model import User
from composer.services.workspace import Workspace
from composer.ui.editor.check_runner import Engines


@dataclass
class ViewContext:
    workspace: Workspace
    user: User | None
    engines: Engines = field(default_factory=Engines)
