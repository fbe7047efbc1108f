"""The learned second opinion: its file, its training and how the engine uses it."""

from __future__ import annotations

import json
import os
from array import array
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from composer.checking import CheckRequest, load_checker
from composer.checking.errors import RuleFileError
from composer.checking.learned import (
    FILE_NAME,
    SCALE,
    LearnedModel,
    _pack_array,
    _pack_row,
    _sigmoid,
    checksum,
    features,
    train,
)
from composer.checking.learned_spans import FILE_NAME as SPANS_FILE
from composer.checking.train_model import ROOT, corpus_files

MODEL = ROOT / "resources" / "rules" / FILE_NAME


@pytest.fixture(scope="module")
def model() -> LearnedModel:
    return LearnedModel.load(MODEL)


@pytest.mark.parametrize("file_name", [FILE_NAME, SPANS_FILE])
def test_shipped_models_were_trained_on_the_current_corpora(file_name: str) -> None:
    """A corpus edited (or added) without `python -m composer.checking.train_model` shows up here, for the
    heads and the identifier span model alike."""
    recorded = dict(LearnedModel.load(ROOT / "resources" / "rules" / file_name).corpora)
    expected = {Path(os.path.relpath(path, ROOT)).as_posix(): path
                for path in corpus_files(spans=file_name == SPANS_FILE)}
    for name, path in expected.items():
        assert recorded.get(name) == checksum(path), f"{name} changed since the model was trained"
    assert not any("final" in name for name in recorded), "the sealed corpus must never be trained on"
    assert not any("untouched" in name for name in recorded), "held-out writers must not be trained on"
    # (the dev corpus lies outside the repository and is missing on a fresh clone: only the repository's count)
    in_repository = {name for name in recorded if not name.startswith("../")}
    assert in_repository == {name for name in expected if not name.startswith("../")}, \
        "a corpus the model learned from is gone or left out now"


def test_model_has_no_identifier_head(model: LearnedModel) -> None:
    assert "phi" not in model.categories and "profile-mismatch" in model.categories


def test_training_learns_and_is_repeatable() -> None:
    examples = [(features(text, "post", "practice"), frozenset(labels), frozenset(["alarmist"]))
                for text, labels in [("you will die", ["alarmist"]), ("deadly and terrifying", ["alarmist"]),
                                     ("flu shots saturday", []), ("new hours this fall", [])] * 5]
    first = LearnedModel(("alarmist",), train(examples, ["alarmist"]), {})
    second = LearnedModel(("alarmist",), train(examples, ["alarmist"]), {})
    assert first.to_json() == second.to_json()
    assert first.score("alarmist", "terrifying, you will die", "post", "practice") > 0.8
    assert first.score("alarmist", "flu shots this fall", "post", "practice") < 0.2


def test_heads_averaged_over_shuffles_are_repeatable_and_still_learn() -> None:
    examples = [(features(text, "post", "practice"), frozenset(labels), frozenset(["alarmist"]))
                for text, labels in [("you will die", ["alarmist"]), ("deadly and terrifying", ["alarmist"]),
                                     ("flu shots saturday", []), ("new hours this fall", [])] * 5]
    averaged = train(examples, ["alarmist"], seeds=3)
    assert averaged == train(examples, ["alarmist"], seeds=3)
    assert averaged != train(examples, ["alarmist"])  # other shuffles went into it
    model = LearnedModel(("alarmist",), averaged, {})
    assert model.score("alarmist", "terrifying, you will die", "post", "practice") > 0.8
    assert model.score("alarmist", "flu shots this fall", "post", "practice") < 0.2


def test_file_round_trip(tmp_path: Path) -> None:
    model = LearnedModel(("a", "b"), {"w:x": (1200, -3), "bias": (0, SCALE)}, {"c.jsonl": "00"})
    path = tmp_path / FILE_NAME
    path.write_text(model.to_json(), encoding="utf-8")
    assert LearnedModel.load(path) == model


@pytest.mark.parametrize(
    ("content", "field"),
    [("{not json", "-"), ('{"format": 9}', "format"),
     ('{"format": 1, "categories": ["a"], "features": "w:x", "weights": "AAAA"}', "weights"),
     ('{"format": 1, "categories": ["a"], "features": "w:x", "weights": "!!"}', "weights"),
     ('{"format": 1, "categories": [], "features": "", "weights": ""}', "categories")],
)
def test_damaged_file_names_the_file_and_field(tmp_path: Path, content: str, field: str) -> None:
    path = tmp_path / FILE_NAME
    path.write_text(content, encoding="utf-8")
    with pytest.raises(RuleFileError) as raised:
        LearnedModel.load(path)
    assert raised.value.field == field and raised.value.path == str(path) and FILE_NAME in str(raised.value)


def test_learned_rule_marks_the_sentence_and_never_duplicates_a_rule() -> None:
    checker = load_checker()
    lead = "Happy Friday, team! "
    text = lead + "Who's voting yes on Measure 12? Our whole staff is!"
    found = [f for f in checker.check(CheckRequest(text=text)) if f.category == "profile-mismatch"]
    assert [f.rule for f in found] == ["profile-mismatch.learned-wrong-profile"]
    assert found[0].start >= len(lead) and found[0].severity == "info"
    # where a hand-written rule already found the category, the model adds nothing
    ruled = checker.check(CheckRequest(text="Go Bears!! Huge win last night, the whole office is buzzing 🏈"))
    rules = {f.rule for f in ruled if f.category == "profile-mismatch"}
    assert rules and not any("learned" in rule for rule in rules)


def test_learned_testimonial_rule_yields_to_a_written_authorization() -> None:
    """The model cannot know about consent records, so the rule reads them as the hand-written ones do:
    an authorization on file or stated in the draft clears the suggestion."""
    checker = load_checker()
    story = (
        "A year ago he couldn't walk to the mailbox without getting winded. This week he hiked the whole trail "
        "with his grandkids. We are so proud of him and this is why we do what we do!"
    )

    def rules(text: str, **context: bool) -> set[str]:
        found = checker.check(CheckRequest(text=text, **context))
        return {f.rule for f in found if f.category == "testimonial-consent"}

    assert rules(story) == {"testimonial-consent.learned-patient-story"}
    assert rules(story, authorized_testimonial=True) == set()
    assert rules(story + " Shared with his signed authorization.") == set()


def test_threshold_is_validated(tmp_path: Path) -> None:
    rules = tmp_path / "rules"
    rules.mkdir()
    (rules / "bad.toml").write_text(
        '[[rule]]\nid = "alarmist.learned-x"\ncategory = "alarmist"\nseverity = "info"\ntype = "learned"\n'
        'threshold = 2.0\nmessage = "m"\nwhy = "w"\nsuggestion = "s"\n'
        '[rule.examples]\nflag = ["a"]\npass = ["b"]\n', encoding="utf-8")
    from composer.checking.rules import load_all_lexicons, load_rule_packs

    with pytest.raises(RuleFileError) as raised:
        load_rule_packs(rules, load_all_lexicons(rules))
    assert raised.value.field == "threshold" and "bad.toml" in str(raised.value)


def test_json_is_deterministic_text(model: LearnedModel) -> None:
    assert json.loads(model.to_json())["categories"] == list(model.categories)


def _plain_totals(model: LearnedModel, text: str, kind: str, profile: str) -> list[int]:
    """The definition the packed sums must equal: each head's weights summed over the features (each
    distinct word and word pair once, a 4-gram once for each distinct word it is part of)."""
    rows = [model.weights[name] for name in features(text, kind, profile) if name in model.weights]
    return [sum(row[index] for row in rows) for index in range(len(model.categories))]


def test_packed_sums_equal_the_plain_sums_over_the_features(model: LearnedModel) -> None:
    """Scores come from packed rows added as integers (learned.py); they must be exactly the column sums."""
    texts = [path.read_text(encoding="utf-8")[start : start + size]
             for path in corpus_files() for start, size in ((0, 300), (5000, 3000), (20000, 40))]
    texts += ["", "ur appt is tmrw!! lol", "Ünïcödé ’quotes’ and 12:30 p.m. — fine", "word " * 2000]
    for text in texts:
        for kind, profile in (("post", "practice"), ("reply", "personal")):
            plain = _plain_totals(model, text, kind, profile)
            assert model._totals(text, kind, profile) == plain
            assert model._totals(text, kind, profile) == plain  # again, from the remembered word sums
            for category, total in zip(model.categories, plain, strict=True):
                assert model.score(category, text, kind, profile) == _sigmoid(total / SCALE)


@given(st.lists(st.tuples(st.sampled_from(["w:a", "w:b", "c:<ab>", "b:a_b", "bias"]),
                          st.lists(st.integers(-32767, 32767), min_size=3, max_size=3)), max_size=5),
       st.text(alphabet="ab ,", max_size=30))
def test_packed_rows_hold_extreme_weights(rows: list[tuple[str, list[int]]], text: str) -> None:
    """Weights at the limits either way, packed by the constructor and by the file loader alike."""
    weights = {name: tuple(row) for name, row in rows}
    built = LearnedModel(("x", "y", "z"), weights, {})
    assert built._totals(text, "post", "practice") == _plain_totals(built, text, "post", "practice")
    names = sorted(weights)
    loaded = _pack_array(array("h", [w for name in names for w in weights[name]]), 3)
    assert loaded == [_pack_row(weights[name]) for name in names]


def test_a_weight_a_row_cannot_hold_is_refused() -> None:
    with pytest.raises(ValueError):
        LearnedModel(("a",), {"w:x": (40000,)}, {})
