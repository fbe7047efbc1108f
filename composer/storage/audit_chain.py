"""The audit trail's hash chain: each entry's hash covers its content and the previous hash.

Editing or deleting any past entry (even by hand in the database) breaks every later hash, which
``clinic-composer audit verify`` reports with the first entry that no longer matches.
"""

from __future__ import annotations

import hashlib
import json
from datetime import datetime

from composer.domain.model import AuditEntry


def entry_hash(
    prev_hash: str,
    at: datetime,
    actor_id: int | None,
    action: str,
    entity: str,
    entity_id: int | None,
    detail: dict[str, str],
) -> str:
    canonical = json.dumps(
        [prev_hash, at.isoformat(timespec="microseconds"), actor_id, action, entity, entity_id, detail],
        sort_keys=True,
        ensure_ascii=True,
        separators=(",", ":"),
    )
    return hashlib.sha256(canonical.encode("ascii")).hexdigest()


def first_broken(entries: list[AuditEntry]) -> AuditEntry | None:
    """Return the first entry whose stored hash or link does not match, or None when intact."""
    previous = ""
    for entry in entries:
        expected = entry_hash(
            previous, entry.at, entry.actor_id, entry.action, entry.entity, entry.entity_id, entry.detail
        )
        if entry.prev_hash != previous or entry.hash != expected:
            return entry
        previous = entry.hash
    return None
