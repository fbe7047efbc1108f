"""The learned identifier spans: what the word model adds to the PHI detectors, and what it never does."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from composer.checking import CheckRequest, load_checker
from composer.checking.engine import Checker, default_resources
from composer.checking.errors import RuleFileError
from composer.checking.learned import LearnedModel
from composer.checking.learned_spans import FILE_NAME, MAX_CHARS, SpanModel
from composer.checking.train_model import build_spans

RULE = "phi.learned-identifier"


@pytest.fixture(scope="module")
def checker() -> Checker:
    return load_checker()


def _learned(checker: Checker, text: str, **request: str) -> list[str]:
    return [text[f.start : f.end] for f in checker.check(CheckRequest(text=text, **request))  # type: ignore[arg-type]
            if f.rule == RULE]


def test_a_name_no_detector_knows_is_found_with_its_title(checker: Checker) -> None:
    text = "We'll miss Mr. Haverford, who visited us every Thursday for 20 years. Rest easy."
    assert _learned(checker, text) == ["Mr. Haverford"]


@pytest.mark.parametrize(
    ("text", "context", "word"),
    [
        # an eye-chart score looks like a date to a model of words; no month is numbered 20
        ("This made our whole week! 🎉 We're thrilled your LASIK went so smoothly and that you're already seeing "
         "20/15. Keep up with those drops and we'll see you at your one-month check!",
         {"kind": "reply", "in_reply_to": "dr brennan did my LASIK 3 wks ago and I can read the alarm clock w/o "
          "glasses for the first time since 5th grade!!! 😭😭"}, "20/15"),
    ],
)
def test_what_the_detectors_know_is_no_identifier_stays_unflagged(
        checker: Checker, text: str, context: dict[str, str], word: str) -> None:
    assert word not in _learned(checker, text, **context)


def test_a_relative_named_inside_a_quoted_review_is_still_found(checker: Checker) -> None:
    """"my husband" in the reviewer's own words is the reviewer's husband, a patient, not the author's."""
    text = ("⭐⭐⭐⭐⭐ from Linda P.! “The home visit team treated my husband Gene like family all through his "
            "hospice care.” Thank you Linda!!")
    assert "Gene" in _learned(checker, text)


def test_words_the_detectors_found_are_not_found_twice(checker: Checker) -> None:
    """Every learned span starts outside the spans of the PHI detectors, on every draft of a labeled corpus."""
    corpus = Path(__file__).resolve().parent / "independent" / "independent-be.jsonl"
    learned_any = False
    for line in corpus.read_text(encoding="utf-8").splitlines():
        case = json.loads(line)
        found = checker.check(CheckRequest(text=case["text"], kind=case["kind"], profile=case["profile"],
                                           in_reply_to=case.get("in_reply_to", "")))
        detected = [(f.start, f.end) for f in found if f.category == "phi" and f.rule != RULE]
        for finding in found:
            if finding.rule == RULE:
                learned_any = True
                assert not any(s <= finding.start < e for s, e in detected), case["id"]
    assert learned_any, "the model added nothing on 120 drafts: is it loaded?"


def test_a_draft_the_rules_found_nothing_in_is_not_read(checker: Checker) -> None:
    """The model learned that such drafts rarely hold an identifier the detectors missed, so it is never
    asked about them: a clean post keeps no finding, however many capitalised words it has."""
    spans = checker.spans
    assert spans is not None
    text = "We'll miss Mr. Haverford, who visited us every Thursday for 20 years."
    assert spans.spans(text, "post", "practice", {"patient-acknowledgement"}, 0.6)
    assert spans.spans(text, "post", "practice", set(), 0.6) == []
    clean = "Happy Heart Month From Everyone At Riverbend! Free Blood Pressure Checks Saturday In The Lobby."
    assert checker.check(CheckRequest(text=clean)) == []


def test_only_the_start_of_a_huge_paste_is_read_word_by_word(checker: Checker) -> None:
    note = "We'll miss Mr. Haverford, who visited us every Thursday for 20 years. "
    text = "Guaranteed cure! " + "Call Us Today For Great Care. " * 400 + note
    assert len(text) > MAX_CHARS
    found = [f for f in checker.check(CheckRequest(text=text)) if f.rule == RULE]
    assert all(f.end <= MAX_CHARS for f in found)


def test_a_span_file_with_another_head_names_the_file_and_field(tmp_path: Path) -> None:
    resources = tmp_path / "resources"
    shutil.copytree(default_resources(), resources)
    (resources / "rules" / FILE_NAME).write_text(
        LearnedModel(("alarmist",), {"bias": (1,)}, {}).to_json(), encoding="utf-8")
    with pytest.raises(RuleFileError) as raised:
        load_checker(resources)
    assert raised.value.field == "categories" and FILE_NAME in str(raised.value)


def test_span_model_rejects_a_model_of_another_category(checker: Checker) -> None:
    with pytest.raises(ValueError, match="one head"):
        SpanModel(LearnedModel(("alarmist",), {"bias": (1,)}, {}), checker.lexicons)


def test_training_learns_names_in_context_and_is_repeatable(tmp_path: Path, checker: Checker) -> None:
    """Trained on a small corpus of replies that thank named people for coming in, the model finds a new
    name in the same place, and training twice gives the same file."""
    folder = tmp_path / "tests" / "checking" / "independent"
    folder.mkdir(parents=True)
    names = ["Rosalind", "Tobias", "Imani", "Gustavo", "Wilhelmina", "Desmond", "Priya", "Anselm"]
    drafts = [{"kind": "reply", "profile": "practice", "platform": "google", "in_reply_to": "Great visit!",
               "text": f"Thanks for coming in Tuesday, {name}! Hope the knee is healing well.",
               "expect": ["patient-acknowledgement", "phi"], "phi": [name]} for name in names]
    drafts += [{"kind": "post", "profile": "practice", "platform": "facebook",
                "text": f"Flu shots are guaranteed to stop every flu. Walk-ins {day} at Riverbend!",
                "expect": ["unsupported-claim"], "phi": []} for day in ["Monday", "Friday", "Saturday"]]
    (folder / "tiny.jsonl").write_text("".join(json.dumps(d) + "\n" for d in drafts), encoding="utf-8")
    first, second = build_spans(tmp_path), build_spans(tmp_path)
    assert first.to_json() == second.to_json()
    model = SpanModel(first, checker.lexicons)
    text = "Thanks for coming in Tuesday, Leocadia! Hope the knee is healing well."
    found = [text[s:e] for s, e in model.spans(text, "reply", "practice", {"patient-acknowledgement"}, 0.6)]
    assert "Leocadia" in found
    assert "Hope" not in found


def test_the_fast_sum_equals_the_sum_over_the_listed_features(checker: Checker) -> None:
    """Checking sums a word's weights without building most feature strings; training reads the strings.
    The two must agree on every word, or the model would be checked on features it was not trained on."""
    from composer.checking.learned_spans import words_of

    spans = checker.spans
    assert spans is not None
    texts = [
        "We'll miss Mr. Haverford, who visited us every Thursday for 20 years. Rest easy.",
        "Thanks Dolores!! see u Tues 3/14 @ 9:30, tell Grandma Bea hi. Call 555-0199 if ur late",
        "ALL CAPS SHOUTING ABOUT JOHN SMITH. the end",
        "x",
    ]
    for text in texts:
        words = words_of(text)
        lows = [word.lower() for word in words]
        for categories in ({"phi"}, {"patient-acknowledgement", "unprofessional"}):
            fast_totals = spans.draft_totals(words, lows, spans.shared_weight("reply", "personal", categories))
            for index, fast in enumerate(fast_totals):
                listed = spans.features(words, index, "reply", "personal", categories)
                assert (fast is None) == (listed is None)
                if listed is not None:
                    assert fast == spans.total(listed), (text, index)


@pytest.mark.parametrize(
    ("text", "request_fields", "whole"),
    [
        # the model scores "2:15" alone; the identifier is the booked hour, day and all
        ("Of course!! We'd love to help your 92 year old dad with his knee arthritis. I've got an opening Thursday at "
         "2:15 with Dr. Feld, I'll put him down and you can call to confirm!",
         {"kind": "reply", "in_reply_to": "my dad is 92 and his pain doctor just retired, can he come to y'all?"},
         "Thursday at 2:15"),
        ("Apologies! We located it under account 88-2031-7. Surgery is still on for 5/21 with check-in at 6:15 a.m.",
         {"kind": "reply", "in_reply_to": "Scheduling lost our pre-op paperwork AGAIN."}, "6:15 a.m."),
    ],
)
def test_a_learned_hour_is_widened_to_the_whole_booked_time(checker: Checker, text: str,
                                                            request_fields: dict[str, str], whole: str) -> None:
    assert whole in _learned(checker, text, **request_fields)
