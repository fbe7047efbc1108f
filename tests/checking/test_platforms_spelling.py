"""Exact per-platform counting (twitter-text v3 for X) and the separately loaded spelling checker."""

from __future__ import annotations

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from composer.checking.platforms import count_characters, limit
from composer.checking.spelling import SpellingChecker


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("hello", 5),
        ("see https://example.com/a/very/long/path/that/goes/on and on", 4 + 23 + 7),
        ("riverbendfm.example/portal", 23),
        ("🎉", 2),
        ("👨‍👩‍👧", 2),
        ("日本語", 6),
        ("e\u0301", 1),  # NFC: one character
        ("line\nbreak", 10),
        ("“quotes” — dash", 15),
    ],
)
def test_x_weighted_count(text: str, expected: int) -> None:
    assert count_characters(text, "x") == expected


def test_other_platforms_count_code_points_and_limits() -> None:
    assert count_characters("🎉 https://example.com", "instagram") == len("🎉 https://example.com")
    assert limit("x") == 280 and limit("instagram") == 2200 and limit("linkedin") == 3000
    assert limit("google", "reply") == 4096 and limit("google") == 1500 and limit("facebook") == 63206
    assert limit("myspace") is None


@pytest.fixture(scope="module")
def speller() -> SpellingChecker:
    return SpellingChecker.load()


def test_spelling_masks_web_and_knows_medicine(speller: SpellingChecker) -> None:
    text = "Teh patint takes amlodipine and oseltamivir tid; see riverbendfm.example/portal #fluvax @jdoe a@b.example"
    flagged = [text[f.start : f.end] for f in speller.findings(text)]
    assert flagged == ["Teh", "patint"]
    assert all(f.category == "spelling" and f.severity == "info" for f in speller.findings(text))


def test_spelling_extra_words_and_suggestions(speller: SpellingChecker) -> None:
    assert not speller.findings("Riverbendia rocks", extra_words=frozenset({"riverbendia"}))
    assert "patient" in speller.suggestions("patint")
    assert speller.suggestions("xqzjwv") == []


def test_spelling_a_changed_draft_again_finds_what_a_fresh_check_finds(speller: SpellingChecker) -> None:
    """Sentences are remembered between checks (the editor re-checks after each pause): an edit, a new
    sentence or a word added to the practice dictionary must still give exactly a first check's answer."""
    first = "Our new clinc opens Monday. Visit riverbendfm.example. Flu shots are here!\nAsk about teh vaccine."
    edited = first.replace("Flu shots", "Flu shotz").replace("Monday.", "Monday. Walk-ins welcom.")
    rounds = [(first, frozenset()), (edited, frozenset()), (edited, frozenset({"Clinc"})), (first, frozenset())]
    for text, extra in rounds:
        fresh = SpellingChecker.load()
        again = [(f.start, f.end) for f in speller.findings(text, extra_words=extra)]
        assert again == [(f.start, f.end) for f in fresh.findings(text, extra_words=extra)]
    assert [edited[f.start : f.end] for f in speller.findings(edited)] == ["clinc", "welcom", "shotz", "teh"]
    assert "clinc" not in [edited[f.start : f.end] for f in speller.findings(edited, frozenset({"clinc"}))]


# -- the counting shortcuts against the plain scans they replace ----------------------------------------

_LINKY = ["www.", "http://", "https://", ".com", ".example", "a.co", ".org/x", "x", "W", "é", "-", ".", ":", "/",
          " ", "\n", "\u00a0", "\u3000", "<", '"', "ab", "1", "K", "\u212a"]


@settings(max_examples=400, deadline=None)
@given(pieces=st.lists(st.sampled_from(_LINKY), max_size=24))
@example(pieces=["a", " ", "b.com", "\u00a0", "www.", "x", " ", "see", "http://", "y"])
def test_links_found_per_stretch_are_those_of_a_full_scan(pieces: list[str]) -> None:
    from composer.checking.platforms import _URL, _urls

    text = "".join(pieces)
    assert [m.span() for m in _urls(text)] == [m.span() for m in _URL.finditer(text)]


_EMOJI_BITS = ["a", " ", "1", "#", "*", "\ufe0f", "\u20e3", "🎉", "👨", "\u200d", "👩", "\U0001F3FB", "🇺", "🇸", "é",
               "日", "♀", "☀"]


@settings(max_examples=400, deadline=None)
@given(pieces=st.lists(st.sampled_from(_EMOJI_BITS), max_size=60))
@example(pieces=["1", "\ufe0f", "\u20e3", "a", "🇺", "🇸", "#", "\u20e3"])
def test_emoji_found_at_non_ascii_characters_are_those_of_a_full_scan(pieces: list[str]) -> None:
    from composer.checking.platforms import _EMOJI, _emoji_spans

    text = "".join(pieces)
    assert _emoji_spans(text) == [m.span() for m in _EMOJI.finditer(text)]
