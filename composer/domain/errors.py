"""Errors the user sees as one clear sentence.

Every layer raises a subclass of :class:`ComposerError` for conditions a person can act on; the CLI and
the GUI print ``str(error)`` and never a traceback. Messages never include draft text, because drafts
can hold patient data until they are fixed.
"""

from __future__ import annotations


class ComposerError(Exception):
    """A problem the user can understand and act on; ``str()`` is one sentence."""

    exit_code: int = 1


class DatabaseUnavailableError(ComposerError):
    """The database cannot be reached or opened."""


class DatabaseCorruptError(ComposerError):
    """The database file is damaged or is not a Clinic Composer database."""


class DatabaseTooNewError(ComposerError):
    """The database was written by a newer version of the app, so this version must not touch it."""


class DatabaseInUseError(ComposerError):
    """Another Clinic Composer window already has this SQLite file open."""


class DataFolderError(ComposerError):
    """The folder that should hold the database cannot be written."""


class ConcurrentEditError(ComposerError):
    """Someone else saved the same record first (optimistic locking)."""


class NotFoundError(ComposerError):
    """A record the user asked for does not exist."""


class PermissionDeniedError(ComposerError):
    """The signed-in user's role does not allow the action."""


class InvalidTransitionError(ComposerError):
    """A post cannot move from its current status to the requested one."""


class SecretStoreError(ComposerError):
    """The operating system's keyring is missing or refused the request."""
