"""What every screen needs: the open workspace and the signed-in user, shared by reference."""

from __future__ import annotations

from dataclasses import dataclass

from composer.domain.model import User
from composer.services.workspace import Workspace


@dataclass
class ViewContext:
    workspace: Workspace
    user: User | None
