"""Every rule's own examples: what it must flag and what it must not (proselint's test_check_examples)."""

from __future__ import annotations

import pytest

from composer.checking import Checker, CheckRequest, ImageRef, PracticeContext, load_checker

_CHECKER = load_checker()
_CASES = [
    pytest.param(rule.id, example, id=f"{rule.id}-{'flag' if example.flag else 'pass'}-{index}")
    for rule in _CHECKER.rules
    for index, example in enumerate(rule.examples)
]


@pytest.mark.parametrize(("rule_id", "example"), _CASES)
def test_rule_example(rule_id: str, example, checker: Checker, context: PracticeContext) -> None:
    request = CheckRequest(
        text=example.text,
        kind=example.kind,
        profile=example.profile,
        platform=example.platform,
        in_reply_to=example.in_reply_to,
        images=tuple(ImageRef("a photo", "") for _ in range(example.images)),
    )
    fired = [f for f in checker.check(request, context) if f.rule == rule_id]
    if example.flag:
        assert fired, f"{rule_id} should flag: {example.text!r}"
    else:
        assert not fired, (
            f"{rule_id} should not flag: {example.text!r} (flagged {[example.text[f.start : f.end] for f in fired]})"
        )


def test_every_rule_has_both_kinds_of_example() -> None:
    for rule in _CHECKER.rules:
        assert any(e.flag for e in rule.examples), rule.id
        assert any(not e.flag for e in rule.examples), rule.id


def test_every_rule_names_a_source() -> None:
    for rule in _CHECKER.rules:
        assert rule.why and rule.message and rule.suggestion, rule.id
