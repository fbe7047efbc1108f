"""Secrets (platform tokens) behind one small interface, kept only in the operating system's keyring.

The database stores a reference (``channel:<id>``), never the secret. When no keyring is available
(a headless Linux box without Secret Service) saving a secret fails with a plain sentence: there is
deliberately no plaintext fallback. Tests select an in-memory keyring backend with
``keyring.set_keyring``; this module does not know about it.
"""

from __future__ import annotations

import keyring
import keyring.errors
from keyring.backends.fail import Keyring as FailKeyring

from composer.domain.errors import SecretStoreError

SERVICE = "Clinic Composer"

_NO_KEYRING = (
    "No system keyring is available (on Linux, install and unlock GNOME Keyring or KWallet); "
    "Clinic Composer will not store account tokens in plain text."
)


class SecretStore:
    """Save, read and forget secrets by reference in the OS keyring."""

    def __init__(self, service: str = SERVICE) -> None:
        self.service = service

    @staticmethod
    def available() -> bool:
        """True when a real keyring backend (not the 'fail' placeholder) is selected."""
        backend = keyring.get_keyring()
        return not isinstance(backend, FailKeyring) and getattr(backend, "priority", 1) > 0

    def save(self, reference: str, secret: str) -> None:
        try:
            keyring.set_password(self.service, reference, secret)
        except keyring.errors.NoKeyringError as error:
            raise SecretStoreError(_NO_KEYRING) from error
        except keyring.errors.KeyringError as error:
            raise SecretStoreError("The system keyring refused to save the account token.") from error

    def read(self, reference: str) -> str | None:
        try:
            return keyring.get_password(self.service, reference)
        except keyring.errors.NoKeyringError as error:
            raise SecretStoreError(_NO_KEYRING) from error
        except keyring.errors.KeyringError as error:
            raise SecretStoreError("The system keyring could not be read.") from error

    def forget(self, reference: str) -> None:
        try:
            keyring.delete_password(self.service, reference)
        except keyring.errors.PasswordDeleteError:
            return  # already gone: forgetting is idempotent
        except keyring.errors.NoKeyringError as error:
            raise SecretStoreError(_NO_KEYRING) from error
