"""Verifying the audit trail's hash chain (``clinic-composer audit verify``)."""

from __future__ import annotations

from dataclasses import dataclass

from composer.domain.model import AuditEntry
from composer.services.workspace import Workspace
from composer.storage.audit_chain import first_broken


@dataclass(frozen=True)
class AuditVerdict:
    entries: int
    broken_at: AuditEntry | None

    @property
    def intact(self) -> bool:
        return self.broken_at is None

    def sentence(self) -> str:
        if self.broken_at is None:
            return f"The audit trail is intact ({self.entries} entries)."
        entry = self.broken_at
        return (
            f"The audit trail was altered at entry {entry.id} ({entry.action} on {entry.at:%Y-%m-%d %H:%M} UTC); "
            "that entry or one before it no longer matches its recorded hash."
        )


def verify(workspace: Workspace) -> AuditVerdict:
    with workspace.store() as store:
        entries = store.audit.all()
    return AuditVerdict(len(entries), first_broken(entries))
