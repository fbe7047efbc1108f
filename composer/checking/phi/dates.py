"""Dates and times tied to a person (Safe Harbor identifier (C), 45 CFR 164.514(b)(2)(i)(C)).

A date is an identifier only when it belongs to an individual: "her surgery on 3/14", "your appointment
Tuesday at 2:15", "born June 4". The date of a flu clinic, a holiday closure or the practice's hours is
not, so every candidate date is weighed against the words around it (a possessive, a visit, a birth)
before it becomes a span.
"""

from __future__ import annotations

from collections.abc import Mapping
from itertools import islice
from typing import Any

from composer.checking.analysis import Analysis, Lexicons
from composer.checking.fastre import compile_fast
from composer.checking.phi.shared import (
    CARE_CONTEXT,
    CARE_NOUN,
    COMMENT_WORD,
    FULL_MONTH,
    HAS_DIGIT,
    HOME_VISIT,
    MAX_SPANS,
    ORD,
    POSSESSIVE_CARE,
    WEEKDAY,
    YOUR_HIS_HER,
    Span,
    care_words,
    ci,
    health_words,
    inside,
    overlaps,
    slash_not_a_date,
    talks_about_person,
)

_MONTH = (r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
          r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)")
#: A weekday, whole or abbreviated ("thurs", "wed").
_DAY_WORD = r"(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|mon|tues?|wed|thurs?|fri|sat|sun)"
_DATE = ci(
    rf"(?<![\w/.-])(?:"
    rf"(?:19|20)\d\d-(?:0?[1-9]|1[0-2])-(?:0?[1-9]|[12]\d|3[01])"  # ISO
    rf"|(?:0?[1-9]|1[0-2])([/-])(?:0?[1-9]|[12]\d|3[01])(?:\1(?:19|20)?\d\d)?"  # 3/14, 10-14-2025
    rf"|(?:0?[1-9]|[12]\d|3[01])\.(?:0?[1-9]|[12]\d|3[01])\.(?:19|20)\d\d(?![\d.])"  # 03.11.2024
    rf"|(?:{WEEKDAY},?\s+)?{_MONTH}\.?\s+(?:0?[1-9]|[12]\d|3[01]){ORD}?(?:,?\s+(?:19|20)\d\d)?"
    rf"|(?:{WEEKDAY},?\s+)?(?:the\s+)?(?:0?[1-9]|[12]\d|3[01]){ORD}?\s+(?:of\s+)?{_MONTH}\.?(?:,?\s+(?:19|20)\d\d)?"
    rf"|(?:{WEEKDAY}\s+)?the\s+(?:[12]?\d|3[01]){ORD}"
    # (not "the 2nd floor", "the 3rd grade", "the 4th quarter": a place, a class or a count)
    rf"(?!\s+(?:floor|grade|graders?|shift|street|st|ave|avenue|round|dose|quarter|inning|period|trimester|time|place|"
    rf"year|annual|anniversary|edition|century|of\s+(?:the|these|those|them|us|our|my)\b)\b)"
    # Spanish: "el 14 de marzo", "3 de marzo de 2025"
    rf"|(?:0?[1-9]|[12]\d|3[01])\s+de\s+(?:enero|febrero|marzo|abril|mayo|junio|julio|agosto|sept?iembre|octubre|"
    rf"noviembre|diciembre)(?:\s+(?:de|del)\s+(?:19|20)\d\d)?"
    rf"|(?:last|this\s+past|next|this\s+coming|since)\s+{WEEKDAY}(?:'s|\s+(?:night|morning|afternoon|evening))?"
    rf"|(?:last|this\s+past)\s+(?:january|february|march|april|june|july|august|september|october|november|december)"
    # "Tuesday's foreign-body retrieval": a day that owns one person's care, a word or two before it
    rf"|{WEEKDAY}'s\s+(?:[\w-]+\s+){{0,2}}?(?:appointment|appt|visit|surgery|procedure|exam|check-?up|test|follow-?up|"
    rf"physical|consult|fall|accident|injury|crash|seizure|stroke|retrieval|removal|repair|extraction|scope|"
    rf"endoscopy|colonoscopy|biopsy|scan|mri|x-?ray|delivery|c-?section|infusion|rehab|chemo)(?!-)"
    # (not "Saturday's free youth injury prevention clinic": an event for everyone)
    rf"(?!\s+(?:prevention|awareness|clinic|screenings?|class|classes|event|drive|fair|workshop|day)\b)"
    rf"|{WEEKDAY}(?:\s+(?:at\s+)?(?:[01]?\d)(?::[0-5]\d)?\s?(?:a\.?m\.?|p\.?m\.?))?"
    rf"|(?:[01]?\d)(?::[0-5]\d)?\s?(?:a\.?m\.?|p\.?m\.?)(?:\s+(?:on\s+)?{WEEKDAY})?"
    rf")(?![\w/])"
)
_REL_DAY = r"(?:tomorrow|yesterday|tonight|last\s+night|this\s+(?:morning|afternoon|evening))"
# "her appointment tomorrow", "your surgery yesterday": a relative date bound to one person's care.
_REL_DATE = ci(
    rf"\b(?:your|his|her|their)\s+(?:[\w-]{{1,20}}\s+){{0,2}}?{CARE_NOUN}\s+(?:[\w-]{{1,20}}\s+){{0,4}}?({_REL_DAY})\b"
    rf"|\b(?:your|his|her|their)\s+({_REL_DAY}['’]s)\s+{CARE_NOUN}\b")
_PERSON_TIE = ci(
    rf"\b(?:DOB|D\.O\.B\.?|date\s+of\s+birth|DOI|date\s+of\s+injury|DOS|date\s+of\s+service|due\s+date|due|edd|induced|induction|born|birthday|admitted|discharged|died|passed|"
    rf"diagnosed|delivered|started|seen|saw|examined|vaccinated|operated|visited|came\s+in|stopped\s+by|"
    rf"treated|icu|nicu|hospital|hospitali[sz]ed|er|arrived|checked\s+in|signed\s+in|showed\s+up|re-?check|sober|"
    rf"retest|filled|refilled|retrieval|{CARE_NOUN}|cita|naci[óo]|nacid[oa]|consulta|cirug[íi]a|operaci[óo]n|parto|vacuna)\b[^.!?\n]{{0,30}}$")
_PERSON_TIE_RIGHT = ci(rf"^(?:'s)?\s+{CARE_NOUN}\b")
#: The practice's next gathering: "Next session: Tuesday, March 11", "see you at the next one on Tuesday, April 8".
_NEXT_GATHERING = r"next\s+(?:one|class|session|meeting|workshop|group|event|talk|walk|screening)"
_EVENT = ci(
    r"\b(?:closed|close|open|opens|reopen|reopens|hours|clinic|class|event|fair|join\s+us|sign\s+up|"
    r"register|holiday|webinar|workshop|screenings?\s+day|day|night|drive|starting|begins?|through|until|"
    r"lead|leads|host|hosts|hosting|sessions|lessons|seminar|presentation|talk|camp|season|education|awareness|starts?|kicks?\s+off|"
    # "Next session: Tuesday, March 11", "their fall hearing-screening training on September 18"
    rf"{_NEXT_GATHERING}|trainings?|meetings?|"
    r"families|everyone|community|walk-?ins?|no\s+appointment|"
    # a gathering for many: "our annual evening to honor loved ones", "Lights of Remembrance", "the ribbon-cutting"
    r"evening\s+(?:to|for|of)|remembrance|vigil|ceremony|gathering|open\s+house|ribbon-?\s?cutting|annual|"
    # "appointments pick back up Saturday, July 5": the schedule coming back, nobody's own visit
    r"resumes?|resumed|picks?\s+back\s+up|appointments\s+(?:are\s+)?available|"
    # "Flu shot Saturdays are back": a weekday that recurs is a schedule, not one person's day
    r"(?:mon|tues|wednes|thurs|fri|satur|sun)days)\b")
#: Month and weekday words, with their usual short forms (also read by :mod:`learned_spans`).
MONTH_WORDS = frozenset(
    [
        "january", "february", "march", "april", "may", "june", "july", "august", "september",
        "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
        "sept", "oct", "nov", "dec",
    ]
)
DAY_WORDS = frozenset(["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "mon", "tue",
                       "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun"])
_DATE_WORDS = MONTH_WORDS | {day for day in DAY_WORDS if day.endswith("day")}
_TIME_AFTER = ci(r"^\s*(?:a\.?m\.?|p\.?m\.?|o'?clock|hours|hrs|minutes|days|weeks)\b")
_RANGE_BEFORE = ci(r"\bbetween\s+$")
_RANGE_FROM = ci(r"\bfrom\s+$")
_RANGE_AFTER = ci(r"^\s*(?:-|–|to|until|till|through|and)\b")
#: A second date closing a span of days: a schedule ("Dec. 24 through Jan. 1"), not one person's day.
_DATE_RANGE_AFTER = ci(rf"^\s*(?:-|–|to|until|till|through|thru)\s*(?:{_MONTH}\.?\s+\d|\d{{1,2}}/\d)")
_PERSONAL = ci(r"\b(?:your|his|her|their|he|she|him|DOB|born|birthday)\b")
_ABBREVIATION_DOT = compile_fast(r"\b(st|dr|mr|mrs|ms|mt|ft|jr|sr)\.")
#: The dots of "a.m." and "p.m.", which would otherwise end the window a date's tie is read from ("born at 6:14
#: a.m. on Sept. 9"); replaced by spaces, so offsets in the window stay put.
_CLOCK_DOTS = compile_fast(r"\b([ap])\.m\.")


def _undotted(left: str) -> str:
    """``left`` with the full stops of abbreviations that end no sentence ("Dr.", "a.m.") made spaces."""
    left = _ABBREVIATION_DOT.sub(r"\1 ", left)
    return _CLOCK_DOTS.sub(r"\1m  ", left) if ".m." in left else left


_EVENT_CARE_LEFT = ci(r"\b(?:physicals|shots|vaccines|vaccinations|screenings|exams|check-?ups|clinics|classes)\b"
                      r"[^.!?\n]{0,30}$")
_DEADLINE_LEFT = ci(r"\b(?:forms?|paperwork|applications?|payments?|registrations?|documents?|permission\s+slips?|"
                    r"bills?|fees?|rsvps?|sign-?ups?)\b[^.!?\n]{0,40}\b(?:are|is)\s+due\s+(?:by\s+|on\s+)?$")
_FALLS_ON = ci(r"\bfalls\s+on\s+(?:the\s+)?$|\b(?:fall|falls|spring|springs)\s+(?:back|forward|ahead)\s+(?:on\s+)?$")
_A_PATIENT = ci(r"\b(?:a|my|our|the)\s+(?:(?:young|elderly|older|sweet|new)\s+)?patient\b(?!s)")
_PAST_DAY = ci(r"(?:last|this\s+past)\s")


def _past_care(analysis: Analysis, lexicons: Lexicons, start: int) -> bool:
    """"after his stent last Tuesday", "your knee x-rays from last March": a past day in a sentence about
    someone's health is the day of their care (a weekday alone is not, "last" makes it one date)."""
    s_start, sentence = analysis.sentence_lower(start)
    before = sentence[: start - s_start]  # "last Thursday night" itself is no sign of an event
    if not _SOMEONE.search(sentence) or _PAST_EVENT.search(before):
        return False
    words = set(COMMENT_WORD.findall(sentence))
    return bool(CARE_CONTEXT.search(sentence)) or not (words.isdisjoint(care_words(lexicons))
                                                        and words.isdisjoint(health_words(lexicons)))


#: The practice's own calendar before a past day ("Last Tuesday our flu clinic was packed").
_PAST_EVENT = ci(r"\b(?:closed|open|opened|hours|clinic|class|event|fair|hosted|held|screenings?|drive|webinar|"
                  r"workshop|holiday|team|staff)\b")
_SOMEONE = ci(r"\b(?:your|ur|his|her|their|he|she|him|who|i\s+saw|we\s+saw|mr|mrs|ms|miss)\b")


_PART_OF_DAY = compile_fast(r"\s+(?:morning|afternoon|evening|night)\b")
#: "we saw the night of July 12": the day named twice, not an evening event.
_DAY_OF_LEFT = ci(r"\bthe\s+(?:night|day|morning|evening|afternoon)\s+of\s+$")


def _left_words(text: str, start: int, width: int) -> str:
    """Up to ``width`` characters before ``start``, without the tail of a word the window would cut ("he" of
    "the clinic", which a cue for "he" would read as a person)."""
    first = max(0, start - width)
    while 0 < first < start and text[first - 1].isalnum() and text[first].isalnum():
        first += 1
    return text[first:start]


def _tied_to_person(analysis: Analysis, start: int, end: int) -> bool:
    text = analysis.lower
    left = _undotted(_left_words(text, start, 45))
    day_of = _DAY_OF_LEFT.search(left)
    if day_of:
        left = left[: day_of.start()]
    right = text[end : end + 40]
    if _TIME_AFTER.match(right) or _RANGE_BEFORE.search(left) or (
            _RANGE_FROM.search(left) and _RANGE_AFTER.match(right)):
        return False  # "3-6 p.m.", "from 9-11": a time range, not a date
    if (_EVENT.search(left) or _DATE_RANGE_AFTER.match(right)) and not _PERSONAL.search(left + right[:15]):
        return False  # "our flu-shot clinic on Saturday, October 11", "a break Dec. 24 through Jan. 1"
    if _EVENT_CARE_LEFT.search(left) and not _PERSONAL.search(analysis.sentence_lower(start)[1]):
        return False  # "sports physicals on Saturday, July 19", "flu shots on the 3rd": care for everyone
    if _FALLS_ON.search(left):
        return False  # "the Great American Smokeout falls on Thursday, November 20": a calendar, not a fall
    if _DEADLINE_LEFT.search(left):
        return False  # "sports physical forms ... are due August 15": a deadline for everyone, not a due date
    if _PERSON_TIE.search(left) or _PERSON_TIE_RIGHT.match(right):
        return True
    if _A_PATIENT.search(left[-30:] + right):
        return True  # "on the 4th of January, I sat with a patient through her last night"
    s_start, sentence = analysis.sentence_lower(start)
    if POSSESSIVE_CARE.search(sentence):
        local = sentence[max(0, start - s_start - 60) : end - s_start + 60]
        return not _EVENT.search(local) or bool(YOUR_HIS_HER.search(local))
    return False


_TIME = r"(?:[01]?\d)(?::[0-5]\d)?\s?(?:a\.?m\.?|p\.?m\.?)"
# A weekday or a clock time alone: the day or time of one person's visit only when the sentence is about
# that person ("moved you to Monday 10am", "we saw him Tuesday"), never "open Monday 8 am".
_WEAK_DATE = ci(rf"(?:{WEEKDAY}(?:\s+(?:at\s+)?{_TIME})?|{_TIME}(?:\s+(?:on\s+)?{WEEKDAY})?)")
_RANGE_LEFT = ci(r"(?:\d|m\.?|noon|day)\s*(?:to|-|–|until|till|and|through)\s*$")
_WEAK_TIE = ci(
    r"\b(?:him|her|his|she|he|i\s+saw|we\s+saw|saw\s+(?:him|her|them)|my\s+patient|our\s+patient|the\s+patient)\b")
#: Beside an injury or a visit, a weekday is also tied by a person described rather than named: "the gentleman
#: who collapsed Saturday", "pulled 11-year-old Sophie out of a rip current on Monday".
_DESCRIBED_TIE = ci(r"\b(?:who|\d{1,2}-(?:year|month|week)-old)\b")
#: A weekday owning a gathering ("Friday's game"): the gathering's day.
_GATHERING_RIGHT = ci(
    r"['’]s\s+(?:big\s+|home\s+|away\s+)?(?:game|match|meet|tournament|party|concert|recital|parade)\b")
#: "every flipper, pourer and hungry neighbor who came out Saturday": a crowd, whose day is the event's.
_CROWD_WHO = ci(r"\b(?:every|everyone|everybody|all|anyone|those)\b[^.!?\n]{0,80}\bwho\b")
_WEAK_TIE_REPLY = ci(r"\b(?:you|your|him|her|his|she|he)\b")
_WEAK_CARE = ci(
    rf"\b(?:{CARE_NOUN}|saw|seen|see|moved|rescheduled|booked|scheduled|came\s+in|come\s+in|stopped\s+by|"
    r"admitted|discharged|born|delivered|died|passed|diagnosed|treated|vaccinated)\b")


#: What happened to one person on a weekday, said right beside it: an injury, a treatment, a result, a visit.
_DAY_CARE_NEAR = ci(
    r"\b(?:see|saw|seen)\s+(?:him|her)\b|\b(?:came|stopped|walked|limped)\s+(?:\w+\s+)?in\b|\bcome\s+in\b|\b(?:glued|stitched|"
    r"patched|splinted|casted|treated|examined|broke|breaking|fell|injured|crashed|missed|showed\s+up|stepped\s+on|"
    r"bitten|admitted|discharged|born|delivered|passed\s+away|died|labs\s+from|results\s+from|came\s+out|"
    r"went\s+into|collapsed|fainted|passed\s+out|pulled|rescued|struck|stung|nipped|sliced|burned|drowned|"
    r"overdosed)\b")


#: A clock time right after a weekday ("Thursday at 10:30"): a booked hour, not the day the office is open.
_CLOCK_AFTER_DAY = compile_fast(r",?\s+(?:at\s+|@\s*)?(?:[01]?\d|2[0-3]):[0-5]\d")


def _weak_tied(analysis: Analysis, start: int, end: int) -> bool:
    lower = analysis.lower
    left = _left_words(lower, start, 45)
    right = lower[end : end + 30]
    if _RANGE_AFTER.match(right) or _RANGE_LEFT.search(left) or _EVENT.search(left) or _EVENT.search(right[:20]):
        return False
    _, sentence = analysis.sentence_lower(start)
    tie = _WEAK_TIE_REPLY if analysis.request.kind == "reply" else _WEAK_TIE
    if not any(ch.isdigit() for ch in lower[start:end]):
        # A weekday alone is one person's day only when what happened to them is right beside it: "we'll see
        # him Friday", "glued up his forehead Friday", "your labs from Tuesday" (not "your physical on Monday"
        # in a sentence about booking, and never "open Monday")
        near = lower[max(0, start - 50) : end + 25]
        if _CLOCK_AFTER_DAY.match(lower, end) and tie.search(sentence) and _WEAK_CARE.search(sentence):
            return not _EVENT.search(near)  # "see you at the weight check on Thursday at 10:30": one booked visit
        if _GATHERING_RIGHT.match(lower, end):
            return False  # "if you see him at Friday's game": the day of a game, not of anyone's care
        described = _DESCRIBED_TIE.search(sentence) and not _CROWD_WHO.search(sentence)
        if analysis.request.kind == "reply" and _comment_asks_about_event(analysis):
            return False  # "can I get a flu shot at your clinic saturday?" "Come in Saturday!": the event's day
        return bool((tie.search(sentence) or described) and _DAY_CARE_NEAR.search(near) and not _EVENT.search(near))
    return bool(tie.search(sentence) and _WEAK_CARE.search(sentence))


def detect_dates(analysis: Analysis, lexicons: Lexicons, params: Mapping[str, Any]) -> list[Span]:
    """Dates (any element but the year) of a person's birth, visit, procedure, admission or death."""
    spans: list[Span] = []
    digits = HAS_DIGIT.search(analysis.lower) is not None
    if not (digits or not analysis.words.isdisjoint(_DATE_WORDS)
            or not analysis.words.isdisjoint(_REL_WORDS) or not analysis.words.isdisjoint(_EVENT_DAY_WORDS)
            or not analysis.words.isdisjoint(_HOLIDAY_WORDS)):
        return spans
    for match in islice(_DATE.finditer(analysis.lower), MAX_SPANS):
        start, end = match.span()
        if _DAY_APPOINTMENT.match(match.group()):
            spans.append((start, end))
        elif _WEAK_DATE.fullmatch(match.group()):
            if _weak_tied(analysis, start, end):
                part = _PART_OF_DAY.match(analysis.lower, end)  # "collapsed Saturday afternoon": the whole time
                spans.append((start, part.end() if part else end))
        elif _tied_to_person(analysis, start, end) or (
                _PAST_DAY.match(match.group()) and _past_care(analysis, lexicons, start)):
            day_of = _DAY_OF_LEFT.search(analysis.lower, max(0, start - 20), start)
            spans.append((day_of.start() if day_of else start, end))
    if not analysis.words.isdisjoint(_REL_WORDS):
        for match in _REL_DATE.finditer(analysis.lower):
            group = 1 if match.group(1) else 2
            spans.append(match.span(group))
    if not analysis.words.isdisjoint(_ARRIVAL_WORDS):
        _arrival_days(analysis, spans)
    if not analysis.words.isdisjoint(_REL_WORDS) or not analysis.words.isdisjoint(_EVENT_DAY_WORDS):
        _relative_days(analysis, spans)
    _month_and_birthday_dates(analysis, lexicons, spans)
    if not analysis.words.isdisjoint(_HOLIDAY_WORDS):
        for match in islice(_HOLIDAY_DATE.finditer(analysis.text), MAX_SPANS):
            left = _ABBREVIATION_DOT.sub(r"\1 ", analysis.lower[max(0, match.start() - 60) : match.start()])
            if (_HOLIDAY_TIE.search(left) or _HOLIDAY_TIE_RIGHT.match(analysis.lower, match.end())) and not inside(
                    spans, match.start(1)):
                birth = _BIRTH_LEFT.search(left)  # "born 2 lbs 3 oz at Memorial on New Year's Day": the whole detail
                spans.append((match.start() - len(left) + birth.start() if birth else match.start(1), match.end(1)))
    if not analysis.words.isdisjoint(DAY_WORDS):
        for match in islice(_BOUND_DAY.finditer(analysis.lower), MAX_SPANS):
            group = next(g for g in (1, 2, 3) if match.group(g))
            s_start, sentence = analysis.sentence_lower(match.start())
            if _OWN_FAMILY_NEAR.search(sentence[: match.start() - s_start]):
                continue  # "My grandma turns 100 on Sunday": the author's own family
            if not inside(spans, match.start(group)):
                spans.append(match.span(group))
    if digits and (":" in analysis.lower or "m" in analysis.lower):
        lower = analysis.lower
        for match in islice(_CLOCK_TIME.finditer(lower), MAX_SPANS):
            start, end = match.span()
            cue = _BOUND_TIME_LEFT.search(lower[max(0, start - 60) : start])
            if not cue or inside(spans, start):
                continue
            if cue.group().lstrip().startswith("arrive") and not POSSESSIVE_CARE.search(
                    analysis.sentence_lower(start)[1]):
                continue  # "arrive by 7:30" is a person's time only on the day of their own procedure
            if cue.group().lstrip().startswith("the") and not _THE_TIME_RIGHT.match(lower, end):
                continue  # "the 3:00 slot" is an opening; "the 2:15 on thurs" is whoever holds it
            owned = (cue.group().rstrip().endswith(("'s", "’s")) or cue.group().lstrip().startswith(
                ("your", "his", "her", "their", "my", "ur", "a "))) and not cue.group().rstrip().endswith(" at")
            if owned and not (_BOUND_TIME_RIGHT.match(lower, end)
                              or (cue.group().lstrip().startswith("my") and _MY_TIME_RIGHT.match(lower, end))):
                continue  # "your 10:40" needs what it is: "your 10:40 slot"; "sorry to my 8:30," is a patient
            day = _DAY_AT_LEFT.search(lower, max(0, start - 25), start)  # "last night at 3 a.m.": one moment
            later = _DAY_AFTER_TIME.match(lower, end)  # "at 9:30 tonight": the same moment, day after hour
            spans.append((day.start() if day else start, later.end() if later else end))
    if "m" in analysis.lower:
        for match in islice(_TIME_SLOT_PERSON.finditer(analysis.lower), MAX_SPANS):
            if not inside(spans, match.start()):
                spans.append(match.span())
    if not analysis.words.isdisjoint(_POSSESSIVES):
        # "your 8/19 mole removal", "her recheck on March 3": a date that belongs to one person's care
        for match in islice(_POSSESSED_DATE.finditer(analysis.lower), MAX_SPANS):
            group = 1 if match.group(1) else 2
            # A weekday alone dates a third person's care ("her Mohs on Tuesday"), not the reader's: "Get your flu
            # shot on Saturday" is every reader's, and "your physical on Monday" the reviewers left unmarked.
            if group == 2 and match.group().startswith(("your", "ur")) and _WEEKDAY_ONLY.fullmatch(match.group(2)):
                continue
            if not inside(spans, match.start(group)):
                # the whole phrase, "her Mohs on Tuesday", unless it runs through whom the visit is with
                spans.append(match.span(group) if " with " in match.group() else match.span())
    if analysis.request.kind == "reply" and digits:
        _reply_dates(analysis, spans)
    if not analysis.words.isdisjoint(DAY_WORDS):
        _days_of_care(analysis, spans)
        for match in islice(_DAY_AFTER_CARE.finditer(analysis.lower), MAX_SPANS):
            if not overlaps(spans, *match.span()):
                spans.append(match.span())
    if spans and not analysis.words.isdisjoint(DAY_WORDS):
        # "runs the overnight lab Tuesday through Friday": a weekly schedule, not one person's day
        spans = [(s, e) for s, e in spans if not _WEEKDAY_RANGE_NEXT.match(analysis.lower, e)]
    if digits and spans:
        # "checkup days, Aug 4–15": a span of days is a stretch of the practice's calendar, not one person's date
        spans = [(s, e) for s, e in spans if not _DAY_RANGE_NEXT.match(analysis.text, e)]
        _with_times(analysis.text, spans)
        if "/10" in analysis.lower:  # "if the pain stays under a 3/10": a pain score, not March 10
            spans = [(s, e) for s, e in spans if not _pain_score(analysis.lower, s, e)]
        if "/" in analysis.lower:
            spans = [(s, e) for s, e in spans if not slash_not_a_date(analysis.lower, s, e)]
    if spans:
        spans = [_widened(analysis.lower, s, e) for s, e in spans]
    return _joined(analysis.text, spans) if len(spans) > 1 else spans


#: Words that make one phrase with a date found: whose it is ("his Friday procedure", "your June visit"), what
#: happened on it ("Thursday visits") and how it was said ("back in June", "the night of the 12th").
_WHOSE_LEFT = ci(r"\b(?:your|ur|his|her|their)\s+$")
_SAID_LEFT = ci(r"\b(?:back\s+in|the\s+(?:night|day|morning|evening|afternoon)\s+of)\s+$")
_WHAT_RIGHT = ci(rf"^\s+{CARE_NOUN}s?\b")


def _widened(lower: str, start: int, end: int) -> Span:
    """A date's span with the words that make one phrase with it (see _WHOSE_LEFT), so the underline covers what
    a reader takes in as the one detail; whose it is only with what happened ("his February 9 shoulder injury"
    underlines the date). What happened may also come first: "her recheck Friday"."""
    right = _WHAT_RIGHT.match(lower[end : end + 30])
    left = (_WHOSE_LEFT if right else _SAID_LEFT).search(lower, max(0, start - 25), start)
    if not right and not left:
        left = _CARE_BEFORE.search(lower, max(0, start - 40), start)  # "follow-up Tuesday", "chest x-ray on the 3rd"
    return (left.start() if left else start, end + right.end() if right else end)


# A person's visit, day and hour: "see him Thursday at 10". (A weekday alone is too vague here: "see you Monday"
# is left alone, as the reviewers of the labeled drafts mostly left it; a weekday that dates one person's named
# procedure, "her Mohs on Tuesday", is _POSSESSED_DATE's.)
_SEE_ON_DAY = ci(
    rf"\bsee\s+(you|him|her|them)\s+(?:on\s+)?({WEEKDAY}\s+at\s+"
    r"(?:[01]?\d|2[0-3])(?::[0-5]\d)?(?:\s?[ap]\.?m\.?)?)(?![\w:/])")
# "the monday after his tonsils came out", "the Friday after he got his cast off": a day fixed by one
# person's treatment.
_DAY_AFTER_CARE = ci(
    rf"\bthe\s+{WEEKDAY}\s+(?:after|before)\s+(?:his|her|their|he|she|they)\s+"
    r"[^.!?,;\n]{0,30}?(?:came\s+(?:out|off)|(?:got|had)\s+(?:\w+\s+){0,2}?(?:out|off|removed|done|placed)|surgery|"
    r"procedure|operation|appointment|visit|infusion|biopsy|shots?|discharge|delivery)\b")
_SEE_EVENT = ci(r"\b(?:fair|class|clinic|event|join\s+us|open|closed|drive|webinar|workshop|screenings?|camp|party|"
                 r"festival|walk|run|race|game|booth|tent|parade|park|path|trail|hike|everyone)\b")
#: The end of a span of weekdays ("Tuesday through Friday", "Mon–Fri").
_WEEKDAY_RANGE_NEXT = ci(rf"\s*(?:through|thru|to|-|–)\s*{WEEKDAY}\b")
#: The end of a span of days written after a date ("Aug 4–15", "March 3-7").
_DAY_RANGE_NEXT = compile_fast(r"\s?[–-]\s?(?:[12]\d|3[01]|0?[1-9])\b(?![:.]\d|\s*(?:[ap]\.?m|/))")
#: A score out of ten, not a date, unless a visit follows it ("the 10/10 appointment").
_PAIN_SCALE = ci(r"\b(?:a|an|the|under|over|below|above|rated?|about|around|maybe|"
                  r"pain(?:\s+(?:is|was|at|of|level|score))?)\s+\d{1,2}/10(?![\d/])"
                  rf"(?!\s+(?:[\w-]{{1,15}}\s+)?{CARE_NOUN}\b)")


def _pain_score(lower: str, start: int, end: int) -> bool:
    """Whether the date at ``start``..``end`` is a score out of ten ("under a 3/10", "thanks for the 10/10")."""
    found = _PAIN_SCALE.search(lower, max(0, start - 12), end + 40)  # the words after it are read too
    return found is not None and found.start() < end


_WEEKDAY_BEFORE = ci(rf"\b{_DAY_WORD}\.?,?\s+$")
_ON_WEEKDAY_AFTER = compile_fast(
    rf"(?i:(?:\s+(?:slot|spot|appointment|appt|visit))?,?\s+(?:on\s+|last\s+|this\s+(?:past\s+)?)?{WEEKDAY})\b")
#: An hour right after a date already found is part of it: "Nov. 4 at 10:30", "Thursday at 10".
_AT_HOUR = compile_fast(r",?\s+(?:at|@)\s+(?:[01]?\d|2[0-3])(?::[0-5]\d)?(?:\s?[ap]\.?m\.?)?(?![\w:/])"
                        r"(?!\s*(?:lbs?|pounds?|oz|kg|g|%|percent|miles|mg|weeks|months|years|days)\b)")


def _days_of_care(analysis: Analysis, spans: list[Span]) -> None:
    """A weekday and hour bound to one person's visit. "You" is a person only in a reply: in a post it is
    every reader ("see you Saturday at 10")."""
    reply = analysis.request.kind == "reply"
    for match in islice(_SEE_ON_DAY.finditer(analysis.lower), MAX_SPANS):
        if (match.group(1) == "you" and not reply) or _SEE_EVENT.search(analysis.sentence_lower(match.start())[1]):
            continue  # "see you Saturday at 10 for the health fair"
        if reply and _comment_asks_about_event(analysis):
            continue  # "can I bring my kids to the cooking class saturday?" "...See you Saturday at 10!"
        if not inside(spans, match.start(2)):
            spans.append(match.span(2))


def _with_times(text: str, spans: list[Span]) -> None:
    """Extend each date with the weekday written right before it and the hour right after it, and an hour
    with the weekday after it ("your 3:15 on Saturday", "the 3:30 slot on Friday")."""
    for index, (start, end) in enumerate(spans):
        hour = _AT_HOUR.match(text, end)
        if hour and any(ch.isdigit() for ch in hour.group()):
            end = hour.end()
        elif ":" in text[start:end]:
            day = _ON_WEEKDAY_AFTER.match(text, end)
            if day:
                end = day.end()
        if text[start : start + 1].isdigit():
            day = _WEEKDAY_BEFORE.search(text[max(0, start - 12) : start].lower())
            if day:
                start -= len(day.group())
        spans[index] = (start, end)


#: What may stand between a date and its time, or a weekday and its date, in one identifier ("11/19 at 2:30 pm").
_DATE_JOINT = compile_fast(r"(?:,?\s*(?:at|@|on)?\s*|\s+)")


def _joined(text: str, spans: list[Span]) -> list[Span]:
    """Spans of one date written in parts ("Wed 11/19" and "2:30 pm") joined into one, as a reader sees it."""
    joined: list[Span] = []
    for start, end in sorted(spans):
        if joined and (start < joined[-1][1] or _DATE_JOINT.fullmatch(text, joined[-1][1], start)):
            joined[-1] = (joined[-1][0], max(end, joined[-1][1]))
        else:
            joined.append((start, end))
    return joined


#: A month and day written with a slash ("3/14", "04/11/1935"), not a fraction, a score or a percentage.
_SLASH_DATE = r"(?<![\d/.-])(?:1[0-2]|0?[1-9])/(?:[12]\d|3[01]|0?[1-9])(?:/(?:\d{4}|\d{2}))?(?![\d/%])"

# In a reply, a calendar date is almost always the date of something that happened to the person
# answered or their family ("mailed to you on 10/2", "the charge on 9/30", "see you both on the 12th"):
# across the labeled corpora, 58 of 69 dates in replies were identifiers, and the 11 others announced a
# closure, hours or an event. A weekday before it and a clock time after it are part of the date.
_REPLY_DATE = compile_fast(
    r"(?:\b(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|Mon|Tues?|Wed|Thu|Thurs?|Fri|Sat|Sun)\.?,?\s+)?"
    rf"(?:{_SLASH_DATE}"
    r"|\b(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|"
    r"Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?\s+(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?\b(?!\s*(?:%|-|–))"
    r"|\bthe\s+(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)\b(?!\s+(?:floor|grade|shift|st|street|ave|avenue|round|dose|"
    r"try|time|place|baby|child|kid|half|quarter|period|trimester|week|month|year|day|of\s+(?:the|these|those|them|us|our|my)\b))"
    r"|(?<![\w/-])(?:19|20)\d\d-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])(?![\w/-]))"
    r"(?:,?\s+(?:at\s+)?(?:[01]?\d|2[0-3])(?::[0-5]\d)(?:\s?[ap]\.?m\.?)?|,?\s+at\s+\d{1,2}\s?[ap]\.?m\.?)?")
# The practice's calendar, not a person's: "closed Friday, July 4", "screening is Saturday, March 8 from 9
# to noon", "requests in by noon on Dec. 23 will be processed".
_REPLY_DATE_NOT = ci(
    r"\b(?:closed?|closing|closure|reopens?|reopening|open|holidays?|hours|screenings?|events?|clinic|walk-?ins?|"
    r"fair|deadline|noon|processed|starting|starts|begins?|until|through|every|each|join\s+us|sign\s+up|"
    r"register|class|webinar|workshop|group|meeting|meets|circle|physicals|vaccines|clinics|retire\w*|last\s+day|"
    r"party|5k|fun\s+run|sign\s+(?:her|his|their|the)\s+card|on\s+the\s+course|"
    rf"{_NEXT_GATHERING}|"
    r"info(?:rmation(?:al)?)?\s+(?:night|session|evening)|education\s+(?:night|evening|session)|join\s+our|open\s+house|orientation|seminar|lecture|town\s+hall|"
    # "Thursday, December 11, at 6 p.m. in our lobby": a gathering in the practice's rooms
    r"in\s+our\s+(?:lobby|community\s+room|conference\s+room|waiting\s+room|garden|courtyard|parking\s+lot))\b")
_RANGE_NEXT = ci(r",?\s*(?:from\s+)?\d{1,2}(?::\d\d)?\s*(?:a\.?m\.?|p\.?m\.?)?\s*(?:to|-|–|until)\s*(?:\d|noon)")
# A comment asking when or where one of the practice's gatherings is ("when's the memorial service this year",
# "what time is the flu clinic?"): the reply's date is the gathering's, not the commenter's.
_ASKS_EVENT_DATE = ci(
    r"\b(?:when|what\s+(?:time|day|date)|where)(?:['’]s|\s+is|\s+are|\s+does|\s+do|\s+will)?\b[^?.!\n]{0,40}?"
    r"\b(?:the|your|this\s+year['’]s|next)\s+(?:[\w-]+\s+){0,2}?(?:service|memorial|vigil|ceremony|class|event|"
    r"clinic|group|meeting|fair|screening|walk|run|drive|party|open\s+house|workshop|webinar|talk|celebration|"
    r"picnic|gathering|session)s?\b")


#: A gathering a comment asks about ("are you doing the egg freezing info night again?", "can I bring my kids
#: to the cooking class saturday?")...
_COMMENT_EVENT = ci(
    r"\b(?:class|classes|event|info\s+night|information\s+night|info\s+session|workshop|fair|screening\s+day|"
    r"q\s?&\s?a|support\s+group|meeting|walk|fun\s+run|5k|party|open\s+house|seminar|webinar|talk|service|vigil|"
    r"ceremony|celebration|picnic|clinic\s+day|candlelight|open\s+to\s+(?:anyone|everyone|the\s+public)|"
    # an observance: "are you guys doing anything for world lupus day??"
    r"(?:world|national)\s+(?:[\w'’-]+\s+){1,4}?(?:day|week|month)|awareness\s+(?:day|week|month))\b")
#: ...unless the comment is about the commenter's own care ("when is my appointment?").
_COMMENT_OWN_CARE = ci(r"\b(?:my|our|his|her)\s+(?:[\w-]+\s+)?(?:appt|appointment|visit|surgery|procedure|results?|"
                       r"labs?|refill|prescription|follow-?up|check-?up)\b")


def _comment_asks_about_event(analysis: Analysis) -> bool:
    """Whether the comment a reply answers asks about one of the practice's gatherings (computed once)."""
    cached = analysis.__dict__.get("_phi_comment_event")
    if cached is None:
        comment = analysis.reply.lower()
        cached = bool(_ASKS_EVENT_DATE.search(comment) or (
            "?" in comment and _COMMENT_EVENT.search(comment) and not _COMMENT_OWN_CARE.search(comment)))
        analysis.__dict__["_phi_comment_event"] = cached
    return cached


#: A gathering of the practice named in a sentence: "Next session: Tuesday, March 11", "see you at the next one on
#: Tuesday, April 8", "the hearing-screening training on September 18".
_GATHERING_NAMED = ci(
    rf"\b(?:{_NEXT_GATHERING}|classes|class|workshop|"
    r"webinar|seminar|training|meeting|open\s+house|info(?:rmation(?:al)?)?\s+(?:night|session)|support\s+group)\b")


def on_practice_calendar(analysis: Analysis, start: int) -> bool:
    """Whether a date at ``start`` is the date of one of the practice's gatherings, in a sentence about nobody's
    care: the learned span model's dates get this second look (the model reads words, not what the date is of)."""
    _, sentence = analysis.sentence_lower(start)
    if _PERSONAL.search(sentence) or _DAY_CARE_NEAR.search(sentence):
        return False
    if analysis.request.kind == "reply" and _comment_asks_about_event(analysis):
        return True
    return bool(_GATHERING_NAMED.search(sentence))


#: A date or a booked hour written out whole: "Thursday at 2:15", "Wednesday 10am", "thurs 10:30", "7:45 a.m.", "4:45
#: on a Friday", "Monday at 7am", "9/12", "the 3rd", "Oct 3". A clock time needs its minutes or its a.m./p.m. (a
#: bare number is no hour).
_WHEN_DAY = rf"(?:{WEEKDAY}|mon|tues?|wed|thu|thurs?|fri|sat|sun)\.?"
_WHOLE_WHEN = ci(
    rf"(?:\b{_WHEN_DAY},?\s+(?:(?:at|@)\s*)?)?"
    r"\b(?:[01]?\d|2[0-3])(?::[0-5]\d(?:\s?[ap]\.?m\b\.?)?|\s?[ap]\.?m\b\.?)"
    rf"(?:\s+on\s+(?:a\s+)?{_WHEN_DAY}\b)?"
    rf"|{_SLASH_DATE}"
    r"|\bthe\s+(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)\b"
    rf"|\b{_MONTH}\.?\s+(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?\b"
    # "Tuesday afternoon", "last Thursday", "every other Wednesday", "back in March": the day as it was said
    rf"|\b(?:(?:last|this|next|every(?:\s+other)?)\s+)?{WEEKDAY}(?:[\s-](?:morning|afternoon|evening|night)s?)?\b"
    rf"|\b(?:back\s+in|since)\s+{FULL_MONTH}\b")


def whole_when(analysis: Analysis, start: int, end: int) -> Span:
    """A learned span that is part of a date or a booked hour ("2:15" of "Thursday at 2:15", "9" of "9/12", "3rd" of
    "the 3rd") widened to the whole of it, which is the identifier; any other span as it is."""
    lower = analysis.lower
    first, last = max(0, start - 16), min(len(lower), end + 16)
    whole_start, whole_end = start, end
    for match in _WHOLE_WHEN.finditer(lower, first, last):
        if match.start() < end and start < match.end():  # every piece it touches: "Tuesday/Thursday 7 a.m."
            whole_start, whole_end = min(whole_start, match.start()), max(whole_end, match.end())
    return whole_start, whole_end


def _reply_dates(analysis: Analysis, spans: list[Span]) -> None:
    """Calendar dates in a reply, unless the sentence is about the practice's calendar (see _REPLY_DATE) or
    the comment asked about one of the practice's gatherings."""
    text = analysis.text
    for match in islice(_REPLY_DATE.finditer(text), MAX_SPANS):
        start, end = match.span()
        if overlaps(spans, start, end) or _RANGE_NEXT.match(text, end):
            continue
        _, sentence = analysis.sentence_lower(start)
        if not _REPLY_DATE_NOT.search(sentence) and not _comment_asks_about_event(analysis):
            spans.append((start, end))


_POSSESSIVES = frozenset(["your", "ur", "his", "her", "their"])
_CARE_EVENT = (r"(?:appointment|appt|visit|recheck|re-check|follow-?up|surgery|procedure|removal|biopsy|check-?up|"
               r"physical|cleaning|infusion|injection|shot|scan|x-?ray|mri|ultrasound|labs?|bloodwork|consult|"
               r"session|delivery|c-section|induction|colonoscopy|mammogram|post-?op|pre-?op|op|check|stitches\s+out|"
               rf"ekg|ecg|echo|echocardiogram|stress\s+test|holter|eeg|endoscopy|ct\s+scan|dexa|screening|{HOME_VISIT}|"
               # what befell one person, and care named by its task: "his February 9 shoulder injury", "her
               # Thursday dressing change" (not "her Tuesday visits": a habit, no date)
               r"injury|fall|accident|fracture|sprain|concussion|stroke|dressing\s+change|fitting|adjustment|"
               r"extraction|retrieval|mohs|repeat|transfer)")
#: The care a date belongs to, said right before it: "follow-up Tuesday", "her recheck on Friday".
_CARE_BEFORE = ci(rf"\b(?:(?:your|ur|his|her|their)\s+)?(?:(?!(?:of|for|to|and|at|in|on|from|after|before)\s)"
                  rf"[\w-]{{2,15}}\s+)?{_CARE_EVENT}\s+(?:on\s+)?$")
# A date element (a weekday alone is not one: "your physical on Monday" names no date).
_DAY_OR_DATE = (rf"(?:\d{{1,2}}/\d{{1,2}}(?:/\d{{2,4}})?|{_MONTH}\.?\s+\d{{1,2}}(?:st|nd|rd|th)?"
                rf"|{WEEKDAY}\s+(?:[01]?\d|2[0-3]):[0-5]\d(?:\s?[ap]\.?m\.?)?)")
_OWNER = f"(?:{'|'.join(sorted(_POSSESSIVES))})"
_POSSESSED_DATE = ci(
    rf"\b{_OWNER}\s+({_DAY_OR_DATE}|{FULL_MONTH}|{WEEKDAY})\s+(?:[\w-]{{1,15}}\s+){{0,2}}?{_CARE_EVENT}\b"
    rf"|\b{_OWNER}\s+(?:(?!{_OWNER}\s|for\s|to\s|of\s)[\w-]{{1,15}}\s+){{0,2}}?{_CARE_EVENT}\s+"
    # "your appointment with Dr. Patel on Monday": with whom, then when
    rf"(?:with\s+(?:(?:dr\.?\s+|nurse\s+)?[\w'’-]{{2,20}}|•+)\s+)?"
    # a weekday alone too, for his, her or their care: "her Mohs on Tuesday", "his post-op Tuesday"
    rf"(?:is\s+|on\s+|this\s+|next\s+|set\s+for\s+|scheduled\s+for\s+){{0,2}}({_DAY_OR_DATE}|{WEEKDAY})(?![\w/])")


# "born ... on New Year's Day", "delivered on Christmas Eve": a holiday is a date of birth or care.
_HOLIDAY_DATE = compile_fast(
    r"\b(?i:on|over|since)\s+((?:New\s+Year['’]s\s+(?:Day|Eve)|Christmas(?:\s+(?:Day|Eve|morning))?|Thanksgiving(?:\s+Day)?|"
    r"Halloween|Valentine['’]s\s+Day|Easter(?:\s+Sunday)?|Independence\s+Day|the\s+Fourth\s+of\s+July|July\s+4th|"
    r"Mother['’]s\s+Day|Father['’]s\s+Day|Labor\s+Day|Memorial\s+Day)\b)")
_HOLIDAY_WORDS = frozenset(["year's", "christmas", "thanksgiving", "halloween", "valentine's", "easter", "independence",
                            "fourth", "4th", "mother's", "father's", "labor", "memorial", "year’s", "valentine’s"])
_HOLIDAY_TIE_RIGHT = ci(
    r"[^.!?\n]{0,30}?\b(?:(?:she|he|they)\s+(?:delivered|gave\s+birth|was\s+admitted|passed\s+away|died|"
    r"had\s+(?:her|his|their)\s+(?:baby|surgery|stroke|heart\s+attack))|(?:was|were)\s+born)\b")
_BIRTH_LEFT = ci(r"\b(?:born|delivered|arrived|passed\s+away|died)\b[^.!?\n,;]{0,45}$")
_HOLIDAY_TIE = ci(
    r"\b(?:born|delivered|arrived|admitted|discharged|died|passed\s+away|diagnosed|surgery|operated|came\s+home|"
    r"broke|fell|injured|rushed|hospitali[sz]ed|seen|saw|treated|flown|airlifted|life-?flighted|lbs|pounds|sober|"
    r"intake)\b[^.!?\n]{0,50}$")
# "my 11am today", "ur 3pm botox client": a person referred to by their appointment time.
_TIME_SLOT_PERSON = ci(
    r"\b(?:my|our|ur|your|the)\s+\d{1,2}(?::[0-5]\d)?\s?(?:am|pm|a\.m\.|p\.m\.)(?:\s+[\w-]{1,20}){0,2}?"
    r"\s+(?:patient|pt|client|appt|appointment(?!\s+(?:slots?|spots?|openings?|times?|availability))|consult|"
    r"today|yesterday|this\s+(?:morning|afternoon))\b")


# A weekday or clock time bound to one person's own visit by the words right around it: "surgery is Monday",
# "your recheck Friday", "came in Tuesday with a burn", "See you Thursday for the recheck", "Come back Friday
# at 3", "moved ur dad to mon 9am"; "checked in at 3:52", "roomed at 4:41", "your 10:40 slot", "her 10:30 IUD
# placement", "my 2pm no-show". Bare weekdays elsewhere stay unflagged: "open Monday" names no one.
_CLOCK = r"(?:[01]?\d|2[0-3])(?::[0-5]\d(?:\s?[ap]\.?m\.?)?|\s?[ap]\.?m\.?)"
_BODY_PART = (r"chin|arm|leg|knee|ankle|wrist|finger|thumb|hand|foot|head|forehead|lip|eye|ear|toe|hip|shoulder|"
              r"back|elbow|nose|cheek|scalp|neck")
_BOUND_DAY = ci(
    rf"\b(?:(?:your|his|her|their|ur|the)\s+(?:[\w-]{{1,20}}\s+){{0,2}}?(?:{CARE_NOUN}|re-?check|recheck)"
    rf"\s+(?:is\s+|was\s+)?|\w{{2,20}}['’]s?\s+(?:[\w-]{{1,20}}\s+){{0,2}}?(?:{CARE_NOUN}|re-?check|recheck)"
    rf"\s+(?:is\s+|was\s+)?(?:on\s+)?|\b(?:after|since|before|from)\s+(?:[\w-]{{1,15}}\s+)?"
    rf"(?:surgery|procedure|operation|delivery|c-section|fall|accident|admission)\s+(?:on\s+|last\s+)?"
    rf"|\bturn(?:s|ed)\s+\d{{2,3}}\s+(?:on\s+|last\s+|this\s+)?"
    rf"|\b(?:rash|fever|cough|fall|injury|reaction|symptoms|seizure|episode)\s+(?:[\w'’]+\s+){{1,2}}?"
    rf"(?:had|got|started|began)\s+(?:on\s+)?|(?:surgery|procedure|operation|recheck|re-check)\s+(?:is|was)\s+(?:on\s+)?"
    rf"|\b(?:came|rolled|walked|limped|wheeled)\s+in(?:to\s+(?:the\s+)?(?:urgent\s+care|er|ed|clinic|office))?"
    rf"\s+(?:on\s+)?|(?:moved|rescheduled|booked|switched)\s+(?:[\w'’-]{{1,15}}\s+){{1,4}}?to\s+"
    rf"|(?:we|i)\s+talk\s+"
    rf"|\b(?:starts?|started|starting|begins?|began|had|has|having|gets?|got|getting)\s+(?:his\s+|her\s+|their\s+)?"
    rf"(?:chemo|radiation|dialysis|surgery|infusion|treatment|procedure|biopsy|mri|scan|stitches\s+out|cast\s+off)"
    rf"\s+(?:on\s+)?"
    rf"|['’]s\s+(?:{_BODY_PART})\s+(?:on\s+)?"
    rf"|\b(?:i|we)\s+(?:scoped|casted|stitched(?:\s+up)?|operated\s+on|saw|treated|admitted|discharged|delivered|"
    rf"vaccinated|splinted|sutured|checked)\s+(?:[\w'’]{{2,20}}\s+)?(?:on\s+)?"
    rf"|\b(?:fever|cough|pain|confusion|symptoms|vomiting|rash|diarrh\w+|headaches?|dizziness)\s+since\s+"
    rf"|\b(?:i|we)(?:['’]ll|\s+will|\s+can)?\s+see\s+(?:him|her)\s+(?:again\s+)?(?:on\s+)?)"
    rf"((?:(?:mon|tues|wednes|thurs|fri|satur|sun)day)(?:\s+(?:night|morning|afternoon|evening)|\s+(?:at\s+)?{_CLOCK})?"
    rf"|{_DAY_WORD}\.?\s+{_CLOCK})\b"
    rf"|\bcome\s+back\s+(?:on\s+)?((?:mon|tues|wednes|thurs|fri|satur|sun)day(?:\s+(?:at\s+)?{_CLOCK})?)"
    rf"|\bsee\s+(?:you|him|her|them)\s+((?:mon|tues|wednes|thurs|fri|satur|sun)day(?:\s+(?:at\s+)?{_CLOCK})?)"
    rf"(?=\s+(?:for|at)\s+(?:your|his|her|the|their)\s+(?:[\w-]{{1,20}}\s+)?(?:{CARE_NOUN}|re-?check)\b"
    rf"|\s+to\s+(?:take|get)\s+(?:them|the\s+stitches|the\s+cast|it)\s+(?:out|off)\b"
    rf"|\s+for\s+(?:suture|stitch(?:es)?|staples?|cast)\s+(?:removal|check)\b)")
# Found clock first (a digit is rare, a word boundary is everywhere), then the words around it are read.
_CLOCK_TIME = ci(rf"(?<![\w:/.$-]){_CLOCK}(?![\w:/])")
_BOUND_TIME_LEFT = ci(
    r"(?:\b(?:checked\s+in|signed\s+in|roomed|arrived|showed\s+up|rolled?\s+in|called\s+in|seen|came\s+in|"
    r"walked\s+in|got\s+here)\s+at|\b(?:in\s+a\s+room|roomed|seen|called\s+back)\s+by|\bborn\s+(?:[\w,/]+\s+){0,3}at"
    # a named baby's arrival ("made his grand entrance at 4:12 a.m."; a delivery alone, "delivered twins at 3am
    # for a mom I've followed", is left alone, as the labeled drafts leave it)
    r"|\b(?:entrance|came\s+into\s+the\s+world)\s+(?:[\w,/]+\s+){0,5}?at"
    r"|\b(?:moved|rescheduled|switched|bumped)\s+(?:[\w'’-]+\s+){0,2}?(?:from\s+\d{1,2}:\d\d\s+to|from|to)"
    r"|\barrive\s+(?:by|at)|\b(?:late|early|here|ready|on\s+time)\s+for\s+(?:his|her|your|their|ur)"
    r"|\b(?:your|his|her|their|my|ur|a|the)|\b\w{2,20}['’]s|\b\w{2,20}s['’]"
    # a dose or a visit of one person's at a time today: "don't forget your Ovidrel tonight at 9:15"
    r"|\b(?:your|his|her|their)\s+(?:[\w'’-]+\s+){1,2}?(?:tonight|today|tomorrow|this\s+(?:morning|afternoon|evening))\s+at"
    # "your trigger shot at 9:30 tonight", "grandpa is down for 9:30": one person's dose or booking at a time
    r"|\b(?:your|his|her|their)\s+(?:[\w'’-]+\s+){0,2}?(?:shot|dose|injection|infusion|transfer|retrieval|"
    r"procedure|surgery|scan)\s+at|\b(?:is|are|['’]s)\s+(?:down|booked|scheduled|penciled\s+in)\s+for"
    # Spanish: "su cita con la Dra. Patel mañana a las 10:30"
    r"|\b(?:su|tu)\s+cita\s+(?:\S+\s+){0,8}?a\s+las)\s+$")
_WEEKDAY_ONLY = ci(WEEKDAY)
_DAY_AFTER_TIME = ci(r"\s+(?:tonight|today|tomorrow|this\s+(?:morning|afternoon|evening))\b")
_DIA = r"(?:lunes|martes|mi[ée]rcoles|jueves|viernes|s[áa]bado|domingo)"
_DAY_AT_LEFT = ci(rf"\b(?:{_REL_DAY}|today|{WEEKDAY})\s+at\s+$|\b(?:mañana|hoy|(?:el\s+)?{_DIA})\s+a\s+las\s+$")
_BOUND_TIME_RIGHT = ci(
    rf"\s+(?:(?:[\w-]{{1,20}}\s+)?(?:slot|no-?show|placement|{CARE_NOUN})|(?:w/|with)\s+(?:dr\.?|doctor|our)\b"
    rf"|(?:today|yesterday|this\s+(?:morning|afternoon)|on\s+{_DAY_WORD}))\b")
_THE_TIME_RIGHT = ci(
    rf"\s+(?:(?:[\w-]{{1,20}}\s+)?(?:{CARE_NOUN})\s+)?(?:today|yesterday|this\s+(?:morning|afternoon)|"
    rf"(?:on|last)\s+{_DAY_WORD})\b")
# "so sorry to my 8:30, I'm running late": the clinician's patient booked at that time.
_MY_TIME_RIGHT = ci(r"\s*(?:[,;!]|\.(?:\s|$)|$|\s+(?:is|was|just|called|cancell?ed|no-?showed)\b)")


# "Thursday's appointment": one person's appointment on a given day.
_DAY_APPOINTMENT = ci(rf"^{WEEKDAY}'s\s+")
_REL_DAY_ANY = ci(r"\b(?:tomorrow|yesterday|tonight|last\s+night)\b")
# A sentence about one person's own care: "...tomorrow to check your dad's wound dressing".
_OWN_CARE_REPLY = ci(
    r"\b(?:your|his|her|their)\s+(?:[\w'’-]{1,20}\s+){0,2}?(?:appointment|appt|visit|surgery|procedure|wound|"
    r"dressing|results?|labs?|biopsy|follow-?up|stitches|cast|meds|medications?|prescription|refill|referral|tests?|"
    r"scan|mri|x-?ray|infusion|physical|exam|check-?up|delivery|induction|c-section|discharge|bloodwork|"
    r"blood\s+work|colonoscopy|mammogram|consult(?:ation)?|home\s+visit)\b")
_OWN_CARE_POST = ci(
    r"\b(?:his|her|their)\s+(?:[\w'’-]{1,20}\s+){0,2}?(?:appointment|appt|visit|surgery|procedure|wound|"
    r"results?|labs?|biopsy|follow-?up|stitches|cast|infusion|delivery|induction|c-section|discharge|transplant|"
    r"chemo|scan|mri)\b|\b(?:icu|nicu|hospital|hospice|er)\b")
_CAP_MONTH = compile_fast(
    r"\b(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|"
    r"Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec"
    # typed in lower case ("his heart attack in march"): the whole name, and never "may", an everyday word
    r"|january|february|march|april|june|july|august|september|october|november|december)\b\.?")
_MONTH_PREP_LEFT = ci(
    r"(?:\b(?:in|since|by|until|till|from|through|last|next|early|late|mid|back\s+in)[\s-]+|\(\s*"
    r"|\b(?:(?:first|second|third|last|early|late)\s+)?(?:week|weekend|end|middle|start|beginning|part)\s+of\s+)$")
# A care event within a few words before the month: "crutches in March", "recheck your TSH in April",
# "before (Feb)".
_MONTH_TIE_LEFT = ci(
    r"\b(?:crutches|cast|surgery|surgeries|operation|diagnosed|diagnosis|born|delivered|admitted|discharged|"
    r"started|began|recheck|re-check|retest|follow[- ]?up|before|after|due|hospitali[sz]ed|transplant|chemo|"
    r"rehab|injury|injured|broke|broken|fracture|fractured|sprained|torn|fell|accident|stroke|heart\s+attack|biopsy|"
    r"treatment|arriv(?:ed|ing)|lost|passed|intake|"
    r"died|(?:your|his|her|their|first)\s+(?:[\w-]{1,15}\s+){0,2}?(?:visit|session|appointment|appt|check-?up|"
    r"med\s+check|fall|accident|injury|stroke|diagnosis|surgery))\b[^.!?\n]{0,25}$")
# ...or one person's care of any kind named just before it: "your booster in March", "their 4-year checkups in
# June" (tried only when no tie above is found, so a nearer tie keeps its span).
_MONTH_CARE_LEFT = ci(
    rf"\b(?:your|his|her|their)\s+(?:[\w-]{{1,15}}\s+){{0,2}}?(?:{_CARE_EVENT}s?|check-?ups|boosters?|vaccines?)\b"
    r"[^.!?\n]{0,25}$")
# ...or just after it, when the month opens the clause: "Last January I lost a patient", "In March she was
# diagnosed".
_MONTH_TIE_RIGHT = ci(
    r"\.?(?:\s+\d{4})?,?\s+(?:(?:i|we|he|she|they|you)\s+)?(?:lost|passed|died|was\s+(?:diagnosed|admitted|"
    r"born|delivered|hospitali[sz]ed)|(?:got|was|were)\s+diagnosed|had\s+(?:his|her|their|your|a|the)\s+"
    r"(?:[\w-]+\s+)?(?:surgery|stroke|heart\s+attack|baby|fall|procedure|operation))\b")
_MONTH_PERSON = ci(r"\b(?:he|she|his|her|him|their|they|[a-z]+['’]s)\b|@\w")
_MONTH_PERSON_REPLY = ci(r"\b(?:you|your|you're|he|she|his|her|him|their|they|[a-z]+['’]s)\b|@\w")
# "turned 1 today", "happy 30th bday to our fave patient": a birthday, i.e. a date of birth.
_BIRTHDAY_TODAY = ci(
    r"\b(?:turn(?:ed|s)|is\s+turning)\s+(?:\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten)\s+"
    r"(?:today|yesterday|tomorrow|this\s+(?:week|weekend|morning))\b"
    r"|\bhappy\s+\d{1,3}(?:st|nd|rd|th)\s+(?:birthday|bday|b-day)\b")
_BIRTHDAY_NOT_PERSON = ci(
    r"^\s*(?:to\s+)?(?:us\b|•|our\s+(?:[\w-]+\s+)?(?:practice|clinic|office|team|location|building|business|blog|"
    r"podcast|website|company|foundation|program|app|page|group|center|centre)\b|(?:to\s+)?my\s+(?:[\w-]+\s+)?"
    r"(?:husband|wife|partner|son|daughter|kids?|mom|mother|dad|father|brother|sister|twins|baby|boy|girl|"
    r"hubby|bestie|best\s+friend|dog|cat|pup)"
    # "Happy 5th birthday to Biscuit, Luis's golden retriever": an animal, named in apposition
    r"|(?:to\s+)?[\w'’-]{1,20},\s+(?:[\w'’•-]+\s+){0,3}?(?:dog|pup|puppy|cat|kitty|kitten|retriever|lab|labrador|poodle|"
    r"doodle|terrier|beagle|spaniel|shepherd|corgi|dachshund|pet|mascot|horse|pony|bunny|rabbit|hamster|parrot|goldfish)\b)")
_OWN_FAMILY_NEAR = ci(
    r"\bmy\s+(?:[\w-]{1,15}\s+){0,2}?(?:husband|wife|partner|son|daughter|kids?|mom|mother|dad|father|brother|"
    r"sister|hubby|fianc[eé]e?|boyfriend|girlfriend|grandma|grandpa|grandmother|grandfather|twins|baby|bestie|"
    r"best\s+friend)\b")


# "born this morning", "passed away last night", "admitted yesterday": the day of one person's birth or care.
_EVENT_DAY = ci(
    r"\b(?:(?:born|delivered|arrived|passed\s+away|died|admitted|discharged|diagnosed)\s+(?:[\w-]{1,15}\s+){0,3}?"
    # "To the gentleman who called this morning about his swollen ankle": the call singles the caller out
    r"|who\s+called\s+(?:us\s+|in\s+)?(?:at\s+\d{1,2}(?::\d\d)?\s?(?:a\.?m\.?|p\.?m\.?)?\s+)?)"
    r"((?:early\s+|late\s+)?this\s+(?:morning|afternoon|evening)|today|yesterday|last\s+night|tonight|overnight)\b")


# "strolled in last night at 8:58 p.m.", "limped into the walk-in tonight", "threw up at the walk-in Saturday at
# 10:40 p.m.": when one person arrived for care ("today" is left out: "so many kids came in today" is a busy day).
_ARRIVAL_DAY = ci(
    r"\b(?:came\s+in|walked\s+in|strolled\s+in|limped\s+in(?:to)?|rolled\s+in|wheeled\s+in|showed\s+up|brought\s+in|"
    r"at\s+the\s+walk-?in)\s+(?:[\w-]{1,15}\s+){0,3}?"
    rf"((?:early\s+|late\s+)?this\s+(?:morning|afternoon|evening)|yesterday|last\s+night|tonight|overnight|"
    rf"(?:last\s+)?{WEEKDAY}(?:\s+(?:night|morning|afternoon|evening))?)(?:\s+(?:at\s+)?{_CLOCK})?(?!\w)"
    r"(?!\s+(?:after|before)\b)")
#: The words one of which every match of _ARRIVAL_DAY contains.
_ARRIVAL_WORDS = frozenset(["came", "walked", "strolled", "limped", "rolled", "wheeled", "showed", "brought", "walk"])
_ONE_PERSON_WHO = ci(r"\b(?:guy|gentleman|lady|man|woman|mom|dad|patient|kid|teen|girl|boy)\s+who\s+$")
_EVENT_DAY_WORDS = frozenset(["today", "overnight", "night"])
_GENERIC_LEFT = ci(r"\b(?:babies|children|kids|people|anyone|everyone|those|patients|adults|women|men|many|most|who|"
                    r"if|when|whether)\s+(?:[\w-]{1,12}\s+)?$")


def _arrival_days(analysis: Analysis, spans: list[Span]) -> None:
    """The day and hour one person walked in ("strolled in last night at 8:58 p.m."), not a crowd's ("so
    many kids came in yesterday")."""
    for match in islice(_ARRIVAL_DAY.finditer(analysis.lower), MAX_SPANS):
        left = analysis.lower[max(0, match.start() - 25) : match.start()]
        if (not _GENERIC_LEFT.search(left) or _ONE_PERSON_WHO.search(left)) and not inside(spans, match.start(1)):
            spans.append((match.start(1), match.end()))


def _relative_days(analysis: Analysis, spans: list[Span]) -> None:
    """"tomorrow", "yesterday", "last night" in a sentence about one person's own visit or treatment."""
    for match in islice(_EVENT_DAY.finditer(analysis.lower), MAX_SPANS):
        if _GENERIC_LEFT.search(analysis.lower[max(0, match.start() - 25) : match.start()]):
            continue  # "babies born today live longer": people in general
        if not inside(spans, match.start(1)):
            spans.append(match.span(1))
    own = _OWN_CARE_REPLY if analysis.request.kind == "reply" else _OWN_CARE_POST
    for match in islice(_REL_DAY_ANY.finditer(analysis.lower), MAX_SPANS):
        if inside(spans, match.start()):
            continue
        _, sentence = analysis.sentence_lower(match.start())
        if own.search(sentence) and not _EVENT.search(sentence):
            spans.append(match.span())


#: A second month joined to the first ("in March and August").
_AND_MONTH = compile_fast(rf"\s+(?:and|or|&)\s+(?i:{FULL_MONTH})\b")


def _month_and_birthday_dates(analysis: Analysis, lexicons: Lexicons, spans: list[Span]) -> None:
    """A month alone tied to one person's care ("crutches in March", "recheck your TSH in April") and
    birthdays of a patient ("turned 1 today")."""
    text = analysis.text
    lower = analysis.lower
    person = _MONTH_PERSON_REPLY if analysis.request.kind == "reply" else _MONTH_PERSON
    if not analysis.words.isdisjoint(_DATE_WORDS):
        for match in islice(_CAP_MONTH.finditer(text), MAX_SPANS):
            start, end = match.span()
            if inside(spans, start):
                continue
            left = lower[max(0, start - 60) : start]
            prep = _MONTH_PREP_LEFT.search(left)
            if not prep:
                continue
            before = left[: prep.start()]
            tie = _MONTH_TIE_LEFT.search(before) or _MONTH_CARE_LEFT.search(before)
            if not (tie or _MONTH_TIE_RIGHT.match(lower, end)):
                continue
            _, sentence = analysis.sentence_lower(start)
            near = lower[max(0, start - 100) : end + 60]
            if (person.search(sentence) or person.search(near)) and not _EVENT.search(left[-30:]):
                # the span takes in the care event it dates ("crutches in March")
                first = start - len(left) + tie.start() if tie and len(left) - tie.start() <= 30 else start
                last = end - 1 if len(match.group()) > 5 and match.group().endswith(".") else end
                more = _AND_MONTH.match(text, last)  # "your EKGs in March and August": both months are hers
                spans.append((first, more.end() if more else last))
    if ("today" in analysis.words or "happy" in analysis.words) and talks_about_person(analysis, lexicons):
        for match in _BIRTHDAY_TODAY.finditer(lower):
            if not _BIRTHDAY_NOT_PERSON.match(lower[match.end() : match.end() + 60]) and not _OWN_FAMILY_NEAR.search(
                    lower[max(0, match.start() - 50) : match.start()]):
                spans.append(match.span())


_REL_WORDS = frozenset(["tomorrow", "yesterday", "tonight", "morning", "afternoon", "evening"])
