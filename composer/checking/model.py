"""Plain, frozen values that cross the checker's boundary.

The editor snapshots a draft into a :class:`CheckRequest` on every pause in typing, so everything here is
immutable and cheap to build; the checker never keeps a reference to live UI or database objects.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

Severity = Literal["error", "warning", "info"]
Kind = Literal["post", "reply"]
Profile = Literal["practice", "personal"]

SEVERITIES: tuple[str, ...] = ("error", "warning", "info")
KINDS: tuple[str, ...] = ("post", "reply")
PROFILES: tuple[str, ...] = ("practice", "personal")

#: The ten compliance categories of the labeled corpus (LABELS.md), then the project's own.
COMPLIANCE_CATEGORIES: tuple[str, ...] = (
    "phi",
    "patient-acknowledgement",
    "medical-advice",
    "unsupported-claim",
    "alarmist",
    "undisclosed-promotion",
    "testimonial-consent",
    "unprofessional",
    "profile-mismatch",
    "jargon",
)
OWN_CATEGORIES: tuple[str, ...] = ("spelling", "length", "hashtags", "accessibility")
CATEGORIES: tuple[str, ...] = COMPLIANCE_CATEGORIES + OWN_CATEGORIES


@dataclass(frozen=True, slots=True)
class ImageRef:
    """An image attached to a draft: what it shows (for the checker) and its alt text (for readers)."""

    description: str = ""
    alt_text: str = ""


@dataclass(frozen=True, slots=True)
class CheckRequest:
    """One draft and the facts about where it will be published."""

    text: str
    kind: Kind = "post"
    profile: Profile = "practice"
    platform: str = "facebook"
    in_reply_to: str = ""
    citations: tuple[str, ...] = ()
    authorized_testimonial: bool = False
    images: tuple[ImageRef, ...] = ()


def _text(value: Any) -> str:
    return value if isinstance(value, str) else ""


@dataclass(frozen=True, slots=True)
class PracticeContext:
    """The account's own identity: never a patient identifier, whatever the detectors think."""

    name: str = ""
    phone: str = ""
    fax: str = ""
    email: str = ""
    website: str = ""
    address: str = ""
    staff: tuple[str, ...] = ()
    personal_owner: str = ""
    dictionary: frozenset[str] = field(default_factory=frozenset)

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> PracticeContext:
        """Read the form of ``shared/eval/context.json`` (``practice`` object, ``staff``, ``personal_owner``).

        A flat object with the same keys is accepted too, so a profile export can be passed directly.
        """
        if not isinstance(data, dict):
            raise ValueError("the context must be a JSON object")
        practice = data.get("practice")
        source = practice if isinstance(practice, dict) else data
        staff = data.get("staff", source.get("staff", ()))
        words = data.get("dictionary", source.get("dictionary", ()))
        return cls(
            name=_text(source.get("name")),
            phone=_text(source.get("phone")),
            fax=_text(source.get("fax")),
            email=_text(source.get("email")),
            website=_text(source.get("website")),
            address=_text(source.get("address")),
            staff=tuple(s for s in staff if isinstance(s, str)) if isinstance(staff, list | tuple) else (),
            personal_owner=_text(data.get("personal_owner", source.get("personal_owner"))),
            dictionary=frozenset(w for w in words if isinstance(w, str))
            if isinstance(words, list | tuple)
            else frozenset(),
        )


@dataclass(frozen=True, slots=True)
class Finding:
    """One problem in a draft, located by code-point offsets (``end`` exclusive)."""

    category: str
    rule: str
    severity: Severity
    start: int
    end: int
    message: str
    why: str = ""
    suggestion: str = ""
    replacement: str | None = None

    def to_json(self) -> dict[str, Any]:
        """The DESIGN 2.2 shape used by ``clinic-composer check --format json/jsonl``."""
        return {
            "category": self.category,
            "rule": self.rule,
            "severity": self.severity,
            "start": self.start,
            "end": self.end,
            "message": self.message,
            "suggestion": self.suggestion,
        }
