"""A second look at spans the learned span model scored high, for the reasons the detectors already
know a look-alike is no identifier (an eye chart's "20/15", part of an e-mail address, the author's
own family). The model reads words, not these relations.
"""

from __future__ import annotations

from composer.checking.analysis import Analysis, Lexicons
from composer.checking.fastre import compile_fast
from composer.checking.phi.dates import DAY_WORDS, MONTH_WORDS, on_practice_calendar
from composer.checking.phi.names import introduced_staff
from composer.checking.phi.shared import (
    OWN_RELATIONS,
    THING_NEXT,
    care_words,
    ci,
    health_words,
    in_email,
    on_practice_street,
    slash_not_a_date,
)

#: "my wife, Carol", "our grandson Ben": a name right after the author's own relative is family, not a patient.
_OWN_RELATIVE_LEFT = ci(rf"\b(?:my|our)\s+(?:[\w-]{{1,15}}\s+){{0,2}}?(?:{OWN_RELATIONS}|grandson|granddaughter|"
                         r"grandkids?|grandchildren|twins)\s*,?\s+$")
_SLASHED_NUMBERS = compile_fast(r"(\d{1,3})/(\d{1,3})")


def _plausible_date(first: int, second: int) -> bool:
    return (1 <= first <= 12 and 1 <= second <= 31) or (1 <= second <= 12 and 1 <= first <= 31)


def not_an_identifier(analysis: Analysis, lexicons: Lexicons, start: int, end: int) -> bool:
    """Why a span the learned model scored high is no identifier after all, for the reasons the detectors
    already know: "20/15" and "120/80" can be no day of the year (an eye chart, a blood pressure), "1/16 oz" is a
    fraction, a word of care ("Parkinson's", "Botox") names an illness or a treatment, and a name right after
    "my wife," is the author's own family. The model reads words, not these relations."""
    text = analysis.text
    slashed = _SLASHED_NUMBERS.fullmatch(text, start, end)
    if slashed:
        plausible = _plausible_date(int(slashed.group(1)), int(slashed.group(2)))
        return not plausible or slash_not_a_date(analysis.lower, start, end)
    if in_email(analysis, start):
        return True  # part of an e-mail address: the address is the identifier, if any (see detect_emails)
    words = analysis.lower[start:end].split(maxsplit=1)
    first_word = words[0].strip(",.") if words else ""
    dated = first_word in DAY_WORDS or (first_word in MONTH_WORDS and any(c.isdigit() for c in text[start:end]))
    if dated and on_practice_calendar(analysis, start):
        return True  # "the next one on Tuesday, April 8": a gathering's date, as the date detector reads it
    if first_word == analysis.lower[start:end] and (first_word in care_words(lexicons)
                                                      or first_word in health_words(lexicons)):
        return True  # "riding 50 miles a week with Parkinson's": an illness (or a drug), nobody's name
    named = text[start:end].replace(" ", "").isalpha()  # a word, not a code such as "PHP-4408-2271"
    if named and THING_NEXT.match(text, end):
        return True  # "Davis Vision", "Omega drops": an insurer or a product (a child's school can identify them)
    if named and on_practice_street(analysis, start, end):
        return True  # "the side door on Oak Street": the practice's own street
    if named and first_word in introduced_staff(analysis):
        return True  # "Say hi to Renee Alvarez, our newest sleep technologist!": a colleague the draft introduces
    # "my wife, Carol" is the author's family, but not inside a quoted review ("“...my husband Gene...”")
    return not analysis.in_quotes(start) and bool(_OWN_RELATIVE_LEFT.search(analysis.lower[max(0, start - 40) : start]))
