"""A malformed rule pack fails at load with the file, the rule id and the field named."""

from __future__ import annotations

from pathlib import Path

import pytest

from composer.checking import RuleFileError
from composer.checking.rules import load_rule_packs

GOOD = """
[[rule]]
id = "alarmist.test"
category = "alarmist"
severity = "warning"
type = "existence"
message = "m"
why = "w (source)"
suggestion = "s"
tokens = ["deadly"]
[rule.examples]
flag = ["deadly"]
pass = ["fine"]
"""


def load(tmp_path: Path, body: str) -> None:
    (tmp_path / "pack.toml").write_text(body, encoding="utf-8")
    load_rule_packs(tmp_path)


def test_good_pack_loads(tmp_path: Path) -> None:
    load(tmp_path, GOOD)


@pytest.mark.parametrize(
    ("change", "field"),
    [
        (('severity = "warning"', 'severity = "loud"'), "severity"),
        (('category = "alarmist"', 'category = "scary"'), "category"),
        (('type = "existence"', 'type = "magic"'), "type"),
        (('message = "m"\n', ""), "message"),
        (('tokens = ["deadly"]', "tokens = []"), "tokens"),
        (('pass = ["fine"]', "pass = []"), "examples.pass"),
        (('tokens = ["deadly"]', 'tokens = ["deadly"]\ncolour = "red"'), "colour"),
        (('tokens = ["deadly"]', 'tokens = ["deadly"]\noutside_quotes = "yes"'), "outside_quotes"),
    ],
)
def test_bad_field_is_named(tmp_path: Path, change: tuple[str, str], field: str) -> None:
    with pytest.raises(RuleFileError) as caught:
        load(tmp_path, GOOD.replace(*change))
    error = caught.value
    assert error.field == field
    assert error.rule == "alarmist.test"
    assert "pack.toml" in str(error) and "alarmist.test" in str(error) and field in str(error)


def test_invalid_regex_is_named(tmp_path: Path) -> None:
    body = GOOD.replace('type = "existence"', 'type = "pattern"').replace(
        'tokens = ["deadly"]', "patterns = ['(unclosed']"
    )
    with pytest.raises(RuleFileError) as caught:
        load(tmp_path, body)
    assert caught.value.field == "patterns"


def test_nested_quantifiers_are_rejected(tmp_path: Path) -> None:
    body = GOOD.replace('type = "existence"', 'type = "pattern"').replace(
        'tokens = ["deadly"]', "patterns = ['(a+)+b']"
    )
    with pytest.raises(RuleFileError) as caught:
        load(tmp_path, body)
    assert "backtracking" in str(caught.value)


def test_not_toml_names_the_file(tmp_path: Path) -> None:
    with pytest.raises(RuleFileError) as caught:
        load(tmp_path, "[[rule]\nid=")
    assert "pack.toml" in str(caught.value)


def test_duplicate_ids_are_rejected(tmp_path: Path) -> None:
    (tmp_path / "other.toml").write_text(GOOD, encoding="utf-8")
    with pytest.raises(RuleFileError) as caught:
        load(tmp_path, GOOD)
    assert caught.value.field == "id"


def test_unknown_lexicon_is_named(tmp_path: Path) -> None:
    body = GOOD.replace('type = "existence"', 'type = "pattern"').replace(
        'tokens = ["deadly"]', "patterns = ['<<nothing>>']"
    )
    with pytest.raises(RuleFileError) as caught:
        load(tmp_path, body)
    assert "nothing" in str(caught.value)


def test_a_derived_rule_ignoring_an_unknown_rule_is_named(tmp_path: Path) -> None:
    """A typo in the rules a derived rule leaves out would silently leave out nothing."""
    body = GOOD.replace('type = "existence"', 'type = "derived"').replace(
        'tokens = ["deadly"]', 'from_categories = ["phi"]\nignore_rules = ["phi.no-such-rule"]')
    with pytest.raises(RuleFileError) as caught:
        load(tmp_path, body)
    assert caught.value.field == "ignore_rules" and "phi.no-such-rule" in str(caught.value)


def test_a_phi_rule_with_a_non_boolean_exemption_is_named(tmp_path: Path) -> None:
    body = GOOD.replace('type = "existence"', 'type = "phi"').replace(
        'tokens = ["deadly"]', 'detector = "names"\nparams = { exempt_when_authorized = "yes" }'
    )
    with pytest.raises(RuleFileError) as caught:
        load(tmp_path, body)
    assert caught.value.field == "params" and "exempt_when_authorized" in str(caught.value)
