"""Opening the practice's database for a user action: connect, migrate, and know who is working.

Both the GUI and the CLI start here, so they share one path for every database failure message.
"""

from __future__ import annotations

from contextlib import AbstractContextManager
from dataclasses import dataclass
from pathlib import Path

from composer.domain.model import Practice, Profile, Role, User
from composer.storage import migrate
from composer.storage.database import Database, connect
from composer.storage.repositories import Store, transaction


@dataclass
class Workspace:
    """An open, migrated database plus the practice in it and the signed-in user."""

    database: Database
    backup: Path | None = None

    def store(self) -> AbstractContextManager[Store]:
        """``with workspace.store() as store:`` is one transaction over the typed repositories."""
        return transaction(self.database)

    @property
    def description(self) -> str:
        return self.database.description

    def practice(self) -> Practice | None:
        with transaction(self.database) as store:
            return store.practices.first()

    def profiles(self) -> list[Profile]:
        with transaction(self.database) as store:
            return store.profiles.all()

    def users(self) -> list[User]:
        with transaction(self.database) as store:
            return store.users.all()

    def default_user(self, preferred_id: int | None = None) -> User | None:
        """The user to sign in as: the remembered one if still present, else the first admin, else anyone."""
        users = [u for u in self.users() if u.active]
        for user in users:
            if user.id == preferred_id:
                return user
        admins = [u for u in users if u.role is Role.ADMIN]
        candidates = admins or users
        return candidates[0] if candidates else None

    def close(self) -> None:
        self.database.dispose()


def open_workspace(url: str) -> Workspace:
    """Connect to ``url`` and bring its schema up to date (backing up a SQLite file first)."""
    database = connect(url)
    try:
        backup = migrate.upgrade(database)
    except BaseException:
        database.dispose()
        raise
    return Workspace(database, backup)
