"""Context decides: the account's own details, the comment being answered, citations and consent."""

from __future__ import annotations

import re

from hypothesis import example, given, settings
from hypothesis import strategies as st

from composer.checking import Checker, CheckRequest, PracticeContext


def categories(checker: Checker, context: PracticeContext, **kwargs) -> set[str]:
    return {f.category for f in checker.check(CheckRequest(**kwargs), context)}


def test_staff_names_and_own_contacts_are_never_phi(checker: Checker, context: PracticeContext) -> None:
    text = (
        "Please welcome Jenna Cole and Dr. Marcus Reed! Questions? Call (555) 201-3300, fax (555) 201-3301, "
        "email hello@riverbendfm.example or visit riverbendfm.example. We're at 120 Oak Street, Springfield, "
        "IL 62704. Thanks, Jenna!"
    )
    assert "phi" not in categories(checker, context, text=text)
    assert "phi" not in categories(
        checker,
        context,
        text="Thank you, Dr. Patel! Luis Ortega will call you.",
        kind="reply",
        in_reply_to="Great office.",
    )


def test_the_practices_own_town_is_a_place_not_a_name(checker: Checker, context: PracticeContext) -> None:
    text = "Huge thanks to the Springfield kids who helped at our flu clinic! Lots of sniffles this week."
    assert "phi" not in categories(checker, context, text=text)
    # Elsewhere the same word can still be someone's surname.
    elsewhere = PracticeContext.from_json({"practice": {"name": "Lakeside Clinic", "address": "9 Elm Rd, Dover, DE"}})
    assert "phi" in categories(checker, elsewhere, text="Thanks Maria Springfield, your stitches look great!",
                               kind="reply", in_reply_to="Thanks for the visit")


def test_the_same_phone_is_phi_without_the_practice_context(checker: Checker, context: PracticeContext) -> None:
    request = CheckRequest(text="We'll call you at (555) 201-3300 to rebook.", kind="reply")
    assert any(f.category == "phi" for f in checker.check(request, PracticeContext()))
    assert not any(f.category == "phi" for f in checker.check(request, context))


def test_a_number_the_reader_is_asked_to_call_is_the_offices(checker: Checker) -> None:
    """Even a line the context doesn't list (a second office, a new number): nobody is asked to call their own."""
    for text in ("Call (555) 340-2020 to rebook.", "Questions? Call (555) 340-2020.",
                 "Please call us at (555) 340-2020 and we'll find a time."):
        assert not any(f.category == "phi" for f in checker.check(CheckRequest(text=text, kind="reply"),
                                                                   PracticeContext())), text


def test_reply_echoing_the_commenters_details_is_flagged(checker: Checker, context: PracticeContext) -> None:
    request = CheckRequest(
        text="Thanks for reaching out, Dolores. We'll look into it.",
        kind="reply",
        in_reply_to="This is Dolores, my refill is still not ready.",
    )
    findings = checker.check(request, context)
    phi = [f for f in findings if f.category == "phi"]
    assert phi and request.text[phi[0].start : phi[0].end] == "Dolores"


def test_a_citation_suppresses_an_unsourced_statistic(checker: Checker, context: PracticeContext) -> None:
    text = "About 1 in 3 adults has prediabetes, and most don't know it."
    assert "unsupported-claim" in categories(checker, context, text=text)
    assert "unsupported-claim" not in categories(
        checker, context, text=text, citations=("CDC: Prediabetes, cdc.gov/diabetes",)
    )


def test_an_authorized_testimonial_is_not_flagged(checker: Checker, context: PracticeContext) -> None:
    text = "Hear from a patient: “The team helped me get my blood pressure under control.”"
    assert "testimonial-consent" in categories(checker, context, text=text)
    assert "testimonial-consent" not in categories(checker, context, text=text, authorized_testimonial=True)


def test_the_same_words_differ_by_profile(checker: Checker, context: PracticeContext) -> None:
    text = "Reminder to my patients: call the office to reschedule your appointment."
    assert "profile-mismatch" in categories(checker, context, text=text, profile="personal")
    assert "profile-mismatch" not in categories(checker, context, text=text, profile="practice")


def test_care_words_confirm_a_patient_only_in_replies(checker: Checker, context: PracticeContext) -> None:
    text = "Thank you for trusting us with your care!"
    assert "patient-acknowledgement" in categories(
        checker, context, text=text, kind="reply", in_reply_to="Great visit!"
    )
    assert "patient-acknowledgement" not in categories(checker, context, text=text, kind="post")


def test_findings_are_sorted_and_serialisable(checker: Checker, context: PracticeContext) -> None:
    text = "Hi Ronald, your results are in. Call 555-384-2290. DEADLY flu! Use code FLU10 for 10% off."
    findings = checker.check(CheckRequest(text=text, kind="reply", in_reply_to="Results?"), context)
    assert [f.start for f in findings] == sorted(f.start for f in findings)
    for finding in findings:
        data = finding.to_json()
        assert set(data) == {"category", "rule", "severity", "start", "end", "message", "suggestion"}
        assert 0 <= data["start"] <= data["end"] <= len(text)
        assert finding.why


def test_practice_context_from_json_reads_the_eval_form(context: PracticeContext) -> None:
    assert context.name == "Riverbend Family Medicine"
    assert "Jenna Cole" in context.staff
    assert context.personal_owner == "Dr. Anika Patel"
    assert PracticeContext.from_json({}).name == ""


@settings(max_examples=500, deadline=None)
@given(
    area=st.sampled_from(["555", "155", "115"]),
    pieces=st.lists(st.sampled_from(["+", "1", "(", ")", " ", ".", "-", "555", "155", "15", "201", "3300", "33001",
                                     "5", "\n", "x"]), max_size=14),
)
@example(area="555", pieces=["+", "1", " ", "(", "555", ")", " ", "201", "-", "3300"])
@example(area="155", pieces=["1", "155", ".", "201", ".", "3300", "1", "(", "155", ")", "201", "3300"])
def test_the_spelled_out_phone_pattern_matches_like_the_compact_one(area: str, pieces: list[str]) -> None:
    """The practice's phone pattern, with its optional parts spelled out as alternatives (for speed), finds
    what the compact pattern finds, an area code starting with "1" included."""
    from composer.checking.text import _spelled_out_phone

    text = "".join(pieces)
    compact = rf"(?:\+?1[\s.-]?)?(?:\(\s?{area}\s?\)|{area})[\s.-]?201[\s.-]?3300(?!\d)"
    expected = [m.span() for m in re.finditer(compact, text)]
    assert [m.span() for m in re.finditer(_spelled_out_phone(area, "201", "3300"), text)] == expected


@settings(max_examples=300, deadline=None)
@given(pieces=st.lists(st.sampled_from(["@", "#", "River", "river", "bend", "Riv", "_", " ", "x", "é"]), max_size=12),
       word=st.sampled_from(["River", "#Riv"]))
def test_a_handle_pattern_spelled_out_matches_like_the_compact_one(pieces: list[str], word: str) -> None:
    from composer.checking.text import _handle_or_word

    text = "".join(pieces)
    compact = rf"[@#]?{re.escape(word)}\w{{0,20}}"
    expected = [m.span() for m in re.finditer(compact, text)]
    assert [m.span() for m in re.finditer(_handle_or_word(word), text)] == expected
