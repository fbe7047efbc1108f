"""Hand-written labeled drafts (not the shared dev set): category-level regression guard.

The drafts in data/*.jsonl were written for this project in the LABELS.md schema, in other wording than
the dev set, to check that rules capture why a draft is a problem rather than its phrasing.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from composer.checking import COMPLIANCE_CATEGORIES, Checker, CheckRequest, PracticeContext

DATA = Path(__file__).parent / "data"


def _cases() -> list[dict]:
    rows = []
    for path in sorted(DATA.glob("*.jsonl")):
        rows.extend(json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip())
    return rows


def _request(case: dict, apostrophe: str) -> CheckRequest:
    """The labeled case as a request, its apostrophes typed as ``apostrophe``."""
    return CheckRequest(
        text=case["text"].replace("'", apostrophe),
        kind=case["kind"],
        profile=case["profile"],
        platform=case["platform"],
        in_reply_to=case.get("in_reply_to", "").replace("'", apostrophe),
    )


@pytest.mark.parametrize("case", _cases(), ids=lambda c: c["id"])
def test_case(case: dict, checker: Checker, context: PracticeContext) -> None:
    findings = [f for f in checker.check(_request(case, "'"), context) if f.category in COMPLIANCE_CATEGORIES]
    assert sorted({f.category for f in findings}) == case["expect"]
    phi_spans = [(f.start, f.end) for f in findings if f.category == "phi"]
    for needle in case["phi"]:
        start = case["text"].find(needle)
        end = start + len(needle)
        assert any(2 * max(0, min(end, e) - max(start, s)) >= len(needle) for s, e in phi_spans), needle


def test_typographic_apostrophes_read_as_straight_ones(checker: Checker, context: PracticeContext) -> None:
    """Phones type ’ for an apostrophe: "Tuesday’s colonoscopy" must be flagged as "Tuesday's colonoscopy" is."""
    with_apostrophes = [case for case in _cases() if "'" in case["text"]]
    assert len(with_apostrophes) > 50
    for case in with_apostrophes:
        straight = [(f.rule, f.start, f.end) for f in checker.check(_request(case, "'"), context)]
        curly = [(f.rule, f.start, f.end) for f in checker.check(_request(case, "\u2019"), context)]
        assert curly == straight, case["id"]
