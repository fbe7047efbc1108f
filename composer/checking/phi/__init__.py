"""Detectors for the HIPAA Safe Harbor identifiers (45 CFR 164.514(b)(2)) that can appear in text.

Each detector is a function ``(analysis, lexicons, params) -> list[(start, end)]`` over the *masked*
draft, so the practice's own name, contact details and staff never reach them. Patterns are written
without nested unbounded repeats and with bounded gaps (``{0,40}``), so every detector runs in linear
time even on a 1 MB paste. Context words ("your", "visit", "born") decide whether a date or a name is
tied to a person; a date of a flu clinic or a holiday closure is not an identifier.

The detectors live by kind: ``names``, ``dates``, ``contacts`` (phones, e-mail, addresses, numbers, web),
``characteristics`` (old ages, unique traits, initials, photos) and ``echo`` (a reply repeating the
comment it answers); ``vetting`` takes a second look at the learned span model's spans, and ``shared``
holds what several of them read. ``DETECTORS`` names each for the rule files (``detector = "dates"``).
"""

from __future__ import annotations

from composer.checking.phi.characteristics import detect_ages, detect_initials, detect_photos, detect_unique
from composer.checking.phi.contacts import detect_addresses, detect_emails, detect_id_numbers, detect_phones, detect_web
from composer.checking.phi.dates import DAY_WORDS, MONTH_WORDS, detect_dates, whole_when
from composer.checking.phi.echo import detect_echo
from composer.checking.phi.names import detect_names
from composer.checking.phi.shared import Detector, authorized_story
from composer.checking.phi.vetting import not_an_identifier

__all__ = ["DAY_WORDS", "DETECTORS", "MONTH_WORDS", "authorized_story", "not_an_identifier", "whole_when"]

DETECTORS: dict[str, Detector] = {
    "names": detect_names,
    "dates": detect_dates,
    "phones": detect_phones,
    "emails": detect_emails,
    "addresses": detect_addresses,
    "id-numbers": detect_id_numbers,
    "web": detect_web,
    "ages": detect_ages,
    "unique": detect_unique,
    "initials": detect_initials,
    "photos": detect_photos,
    "echo": detect_echo,
}
