"""The facts file that makes the engine load fast must match what the rules derive today."""

from __future__ import annotations

import json
from pathlib import Path

from composer.checking import derived
from composer.checking.build_facts import regenerate
from composer.resources import resource_path


def test_shipped_facts_match_a_fresh_derivation(tmp_path: Path) -> None:
    count, written = regenerate(output=tmp_path / "derived.json")
    fresh = json.loads(written.read_text(encoding="utf-8"))
    shipped = json.loads(resource_path("rules", derived.FILE_NAME).read_text(encoding="utf-8"))
    assert count > 1000
    assert fresh == shipped, "rules changed: run `python -m composer.checking.build_facts` and commit the file"


def test_an_unreadable_or_foreign_facts_file_is_ignored(tmp_path: Path) -> None:
    garbage = tmp_path / "garbage.json"
    garbage.write_bytes(b"\xff\x00 not json")
    derived.load(garbage)  # no exception
    foreign = tmp_path / "foreign.json"
    foreign.write_text(json.dumps({"parser": "2.7", "facts": {"k": "v"}}), encoding="utf-8")
    derived.load(foreign)
    assert derived.lookup("groups", "k", 0) == (False, None) or derived.lookup("groups", "k", 0)[1] != "v"


def test_rule_files_read_from_the_facts_are_what_tomllib_parses() -> None:
    """Loading reads each rule and lexicon file's parse from the facts file (as JSON); it must be exactly
    tomllib's parse of the file as it is, and come as fresh objects each time."""
    import tomllib

    from composer.checking.rules import read_toml

    paths = sorted(resource_path("rules").glob("*.toml"))
    stored = [p for p in paths if derived.lookup("toml", p.read_text(encoding="utf-8"), 0)[0]]
    assert len(stored) == len(paths), "rules changed: run `python -m composer.checking.build_facts`"
    for path in paths:
        first = read_toml(path)
        assert first == tomllib.loads(path.read_text(encoding="utf-8")), path.name
        first.clear()
        assert read_toml(path), "a caller's change must not reach the next reader"
