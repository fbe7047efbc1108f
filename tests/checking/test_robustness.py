"""Arbitrary Unicode never breaks the checker; no pattern backtracks catastrophically."""

from __future__ import annotations

import time

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from composer.checking import Checker, CheckRequest, PracticeContext, load_checker

_CHECKER = load_checker()
_KINDS = st.sampled_from(["post", "reply"])
_PROFILES = st.sampled_from(["practice", "personal"])
_PLATFORMS = st.sampled_from(["facebook", "instagram", "x", "linkedin", "google", "mastodon"])
_PIECES = st.sampled_from(
    [
        "Hi Ronald, ",
        "your visit on 3/14",
        "(555) 384-2290",
        "🎉",
        "👨‍👩‍👧",
        "é",
        "e\u0301",
        "שלום",
        "مرحبا",
        "\u0000",
        "\u200d",
        "#ad ",
        "@bob ",
        "“quote”",
        "92-year-old ",
        "MRN 12345",
        "İ",
        "ß",
        "\n\n",
        "w/ ",
        "[photo: ",
    ]
)
_TEXT = st.one_of(
    st.text(max_size=400),
    st.lists(st.one_of(_PIECES, st.text(max_size=20)), max_size=40).map("".join),
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=_TEXT, reply=st.text(max_size=100), kind=_KINDS, profile=_PROFILES, platform=_PLATFORMS)
def test_any_text_gives_valid_spans(text: str, reply: str, kind: str, profile: str, platform: str) -> None:
    context = PracticeContext(name="Riverbend Family Medicine", phone="(555) 201-3300", staff=("Dr. Anika Patel",))
    request = CheckRequest(text=text, kind=kind, profile=profile, platform=platform, in_reply_to=reply)  # type: ignore[arg-type]
    findings = _CHECKER.check(request, context)
    for finding in findings:
        assert 0 <= finding.start <= finding.end <= len(text)
    assert [f.start for f in findings] == sorted(f.start for f in findings)


def test_one_megabyte_paste(checker: Checker, context: PracticeContext) -> None:
    text = ("Hi Ronald 🎉 your visit on 3/14! Call 555-384-2290. שלום e\u0301 \u0000 " * 20000)[:1_000_000]
    started = time.perf_counter()
    findings = checker.check(CheckRequest(text=text, platform="x"), context)
    assert time.perf_counter() - started < 5
    assert all(0 <= f.start <= f.end <= len(text) for f in findings)


_ADVERSARIAL = [
    "a" * 100_000,
    " " * 100_000,
    "1" * 100_000,
    "1/" * 50_000,
    "Dr. " * 25_000,
    "@" * 100_000,
    "#a" * 50_000,
    "[photo: " * 12_500,
    "“" * 100_000,
    "your " * 20_000,
    "A. " * 33_333,
    "Aa " * 33_333,
    "-1" * 50_000,
    "a@b." * 25_000,
    "www." * 25_000,
    "x" * 50_000 + ".example",
    "9" * 99_999 + "-",
    "take the " * 11_111,
    "\U0001f600\u200d" * 50_000,
]


#: Catastrophic backtracking turns a 100 KB input into seconds or hours of work; a linear pass over it by
#: every rule takes tens of milliseconds. The 100 ms target itself is a speed figure, printed by
#: tests/benchmarks/bench_checker.py ("worst 100 KB adversarial input"), because a timed unit test on a
#: shared machine measures the machine, not the checker.
CATASTROPHE_S = 1.0


@pytest.mark.parametrize("text", _ADVERSARIAL, ids=lambda t: repr(t[:12]))
def test_no_catastrophic_backtracking(text: str, checker: Checker, context: PracticeContext) -> None:
    for kind in ("post", "reply"):
        request = CheckRequest(text=text, kind=kind, platform="x", in_reply_to="Hi")  # type: ignore[arg-type]
        checker.check(request, context)  # warm caches
        times = []
        for _ in range(3):  # best of three: other processes share the machine
            started = time.perf_counter()
            findings = checker.check(request, context)
            times.append(time.perf_counter() - started)
        assert min(times) < CATASTROPHE_S, f"{min(times) * 1000:.0f} ms for a {len(text)}-character input"
        assert all(0 <= f.start <= f.end <= len(text) for f in findings)


@pytest.mark.parametrize(
    "text",
    [
        "Fun fact: 9 out of 10 kids who eat breakfast do better in school.",
        "Parents: 1 in 3 teens who vape will get hooked within a year.",
        "Did you know 9 out of 10 farmworkers are dangerously dehydrated by noon?",
        # a description of one person cut at its length bound
        "Our only patient who has climbed Everest stopped by today with photos from the summit and a very long story "
        "about the descent!",
    ],
)
def test_an_underline_never_ends_inside_a_word(text: str, checker: Checker, context: PracticeContext) -> None:
    """A pattern's look-ahead may take the first letter of the next word ("9 out of 10 k"); the editor underlines
    whole words only."""
    found = [f for f in checker.check(CheckRequest(text=text), context) if f.category != "length"]
    assert found, "the statistic should be flagged"
    for finding in found:
        end = finding.end
        assert not (0 < end < len(text) and text[end - 1].isalnum() and text[end].isalnum()), text[finding.start : end]
