"""Detectors for the HIPAA Safe Harbor identifiers (45 CFR 164.514(b)(2)) that can appear in text.

Each detector is a function ``(analysis, lexicons, params) -> list[(start, end)]`` over the *masked*
draft, so the practice's own name, contact details and staff never reach them. Patterns are written
without nested unbounded repeats and with bounded gaps (``{0,40}``), so every detector runs in linear
time even on a 1 MB paste. Context words ("your", "visit", "born") decide whether a date or a name is
tied to a person; a date of a flu clinic or a holiday closure is not an identifier.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from itertools import islice
from typing import Any

from composer.checking.analysis import Analysis, Lexicons
from composer.checking.fastre import lower_pattern

Span = tuple[int, int]
#: Enough findings of one kind for any real draft; bounds the work on a pasted file of look-alikes.
MAX_SPANS = 200
Detector = Callable[[Analysis, Lexicons, Mapping[str, Any]], list[Span]]

_I = re.IGNORECASE


def _ci(pattern: str) -> re.Pattern[str]:
    """Compile a case-insensitive pattern to run, flag-free and fast, on the lower-cased draft."""
    return re.compile(lower_pattern(pattern))

_MONTH = (r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
          r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)")
_WEEKDAY = r"(?:mon|tues|wednes|thurs|fri|satur|sun)day"
_ORD = r"(?:st|nd|rd|th)"
_DATE = _ci(
    rf"(?<![\w/.-])(?:"
    rf"(?:19|20)\d\d-(?:0?[1-9]|1[0-2])-(?:0?[1-9]|[12]\d|3[01])"  # ISO
    rf"|(?:0?[1-9]|1[0-2])([/-])(?:0?[1-9]|[12]\d|3[01])(?:\1(?:19|20)?\d\d)?"  # 3/14, 10-14-2025
    rf"|(?:{_WEEKDAY},?\s+)?{_MONTH}\.?\s+(?:0?[1-9]|[12]\d|3[01]){_ORD}?(?:,?\s+(?:19|20)\d\d)?"
    rf"|(?:{_WEEKDAY},?\s+)?(?:the\s+)?(?:0?[1-9]|[12]\d|3[01]){_ORD}?\s+(?:of\s+)?{_MONTH}\.?(?:,?\s+(?:19|20)\d\d)?"
    rf"|(?:{_WEEKDAY}\s+)?the\s+(?:[12]?\d|3[01]){_ORD}"
    rf"|(?:last|this\s+past|next|this\s+coming)\s+{_WEEKDAY}(?:'s)?"
    rf"|{_WEEKDAY}'s(?=\s+(?:appointment|visit|surgery|procedure|exam|checkup|test))"
    rf")(?![\w/])"
)
_CARE_NOUN = (r"(?:visit|appointment|appt|bloodwork|blood\s+work|surgery|procedure|operation|physical|exam|"
              r"check-?up|follow-?up|"
              r"test|labs?|results?|biopsy|scan|x-?ray|mri|mammogram|colonoscopy|shots?|vaccines?|"
              r"vaccination|injection|infusion|delivery|birth|birthday|admission|discharge|fall|"
              r"accident|injury|diagnosis|treatment|therapy|session|stay|consult(?:ation)?|replacement|"
              r"transplant|stitches|cast)(?:s|es)?")
_PERSON_TIE = _ci(
    rf"\b(?:DOB|D\.O\.B\.?|date\s+of\s+birth|born|birthday|admitted|discharged|died|passed\s+away|"
    rf"diagnosed|delivered|started|seen|treated|{_CARE_NOUN})\b[^.!?\n]{{0,30}}$")
_PERSON_TIE_RIGHT = _ci(rf"^(?:'s)?\s+{_CARE_NOUN}\b")
_POSSESSIVE_CARE = _ci(
    rf"\b(?:your|his|her|their|my)\s+(?:[\w-]{{1,20}}\s+){{0,2}}?{_CARE_NOUN}\b"
    r"|\b(?:you|she|he|they)\s+(?:were|was|got|had|came|started|finished)\b")
_EVENT = _ci(
    r"\b(?:closed|close|open|opens|reopen|reopens|hours|clinic|class|event|fair|join\s+us|sign\s+up|"
    r"register|holiday|webinar|workshop|screenings?\s+day|day|night|drive|starting|begins?|through|until|"
    r"families|everyone|community|walk-?ins?|no\s+appointment)\b")
_PHONE = re.compile(r"(?<![\w+])(?:\+?1[\s.-]?)?(?:\(\d{3}\)\s?|\d{3}[\s.-])\d{3}[\s.-]\d{4}(?!\d)")
_OWN_NUMBER = _ci(
    r"\b(?:me|my\s+(?:cell|number|phone|line|personal\s+number))\s+(?:directly\s+)?(?:at|on|is|:)?\s*$")
_ORG_PHONE = re.compile(r"^(?:\+?1[\s.-]?)?\(?8(?:00|88|77|66|55|44|33)\)?")
_EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63}){1,8}\b")
_ORG_MAILBOX = _ci(
    r"^(?:info|hello|contact|support|office|admin|billing|appointments?|help|team|noreply|no-reply|"
    r"press|media|careers|jobs)@")
_STREET = re.compile(
    r"(?<![\w#])\d{1,6}\s+(?:[NSEW]\.?\s+)?(?:[A-Z][a-z'-]{1,20}\s+){1,3}"
    r"(?:Street|St|Avenue|Ave|Road|Rd|Drive|Dr|Lane|Ln|Boulevard|Blvd|Court|Ct|Way|Place|Pl|Terrace|Ter|"
    r"Circle|Cir|Parkway|Pkwy|Highway|Hwy|Trail|Trl|Row|Square|Sq|Loop|Pike)\b\.?"
    r"(?:,?\s+(?:Apt|Apartment|Unit|Suite|Ste|#)\.?\s*\w{1,6})?"
    r"(?:,\s+[A-Z][a-z]{2,20}(?:\s+[A-Z][a-z]{2,20})?)?(?:,?\s+[A-Z]{2})?(?:\s+\d{5}(?:-\d{4})?)?"
)
_ZIP = re.compile(r"\b(?:[A-Z]{2}\s+|zip(?:\s+code)?:?\s*)\d{5}(?:-\d{4})?\b")
_ID = _ci(
    r"\b(?:MRN|medical\s+record(?:\s+(?:number|no\.?|#))?|(?:patient|chart|record|case)\s+(?:number|no\.|#|ID)"
    r"|account(?:\s+(?:number|no\.?))?|acct\.?|member\s+(?:ID|number|no\.?|#)|(?:insurance|policy|group|"
    r"subscriber|claim|beneficiary|Medicare|Medicaid)\s+(?:ID|number|no\.?|#)|ID|SSN|social\s+security"
    r"(?:\s+number)?|licen[cs]e(?:\s+(?:plate|number|no\.?))?|plate|serial(?:\s+(?:number|no\.?))?|"
    r"device\s+(?:ID|number)|VIN|DEA)\b\s*(?:is\s+|:\s*|#\s*|no\.\s*|number\s+)?#?\s*([A-Z0-9][A-Z0-9-]{2,24})")
_SSN = re.compile(r"(?<![\d-])\d{3}-\d{2}-\d{4}(?![\d-])")
_IP = re.compile(r"(?<![\d.])(?:\d{1,3}\.){3}\d{1,3}(?![\d.])")
_PROFILE_URL = _ci(
    r"\b(?:https?://)?(?:www\.)?(?:facebook|fb|instagram|linkedin|x|twitter|tiktok|youtube)\.com/"
    r"(?:in/|@)?[\w.-]{2,60}")
_OLD = r"(?:9\d|1[01]\d)"
_AGE = _ci(
    rf"\b{_OLD}[- ](?:years?|yrs?)[- ]old\b|\b{_OLD}\s+(?:years?|yrs?)\s+(?:old|young)\b"
    rf"|\b(?:aged?|age)\s+{_OLD}\b|\b{_OLD}{_ORD}\s+birthday\b"
    rf"|(?:\b(?:you|he|she|they|who|mom|dad|grandma|grandpa)\s+(?:just\s+|recently\s+)?)?"
    rf"\b(?:turned|turns|is\s+turning|will\s+turn)\s+{_OLD}\b(?!\s*(?:%|percent|mg|minutes|degrees|°))"
    rf"|\b(?:passed\s+away|died|still\s+\w+ing|celebrat\w+|retired|married|graduated)\b[^.!?\n]{{0,30}}?"
    rf"\bat\s+(?:the\s+age\s+of\s+)?{_OLD}\b(?!\s*(?:%|percent|degrees|°|a\.?m|p\.?m|miles|pounds|lbs))")
_AGE_TAIL = re.compile(
    r"(?:\s+(?!(?:w/|with|who|and|is|was|has|had|in|at|on|for|from|getting|after|before|to)\b)"
    r"[A-Za-z][\w'-]{0,20}){1,5}"
)
_UNIQUE = _ci(
    r"\b(?:our|my)\s+(?:oldest|youngest|first|only|longest-?standing|last)\s+(?:living\s+)?"
    r"(?:patient|client|member|centenarian)s?\b"
    r"|\bthe\s+(?:first|only|last|youngest|oldest)\s+(?:[\w-]{1,20}\s+){0,2}?"
    r"(?:baby|babies|twins|triplets|quadruplets|quintuplets|newborn|child|kid|person|patient|woman|man|"
    r"girl|boy|centenarian|resident|family)\b"
    r"(?:\s+(?:[\w-]{1,20}\s+){0,1}?(?:born|delivered|treated|seen|diagnosed|to\s+\w+)\b[^.!?\n]{0,60}?"
    r"\b(?:this|last|in)\s+(?:year|spring|summer|fall|autumn|winter|month|week|decade|(?:19|20)\d\d))?"
    r"|\bthe\s+only\s+(?:case|patient|person|one)\s+(?:of|with|in)\s+[^.!?,\n]{1,60}")
_INITIALS = re.compile(
    r"(?<![\w.])(?:[A-Z]\.\s?){2,3}(?=,?\s)(?:,\s+(?:a|an|our|the|who|age|aged)\b[^,.!?\n;]{1,80}"
    r"|\s+(?:\(\d{1,3}\)|\d{1,3}[- ]year[- ]old[^,.!?\n]{0,40}))"
)
_NOT_INITIALS = re.compile(r"^(?:U\.\s?S|U\.\s?K|D\.\s?C|A\.\s?M|P\.\s?M|M\.\s?D|R\.\s?N|N\.\s?P|P\.\s?A|"
                           r"B\.\s?S|M\.\s?S|E\.\s?R|I\.\s?V|O\.\s?R|E\.\s?g|I\.\s?e)\.")
_PHOTO = _ci(r"[\[(]\s*((?:photo|picture|pic|image|video|img|selfie)\s*:\s*[^\]\)\n\[(]{1,300})[\])]")
_PHOTO_PERSON = _ci(
    r"\b(?:patient|exam\s+(?:table|room)|face|before|after|baby|infant|toddler|child|kid|boy|girl|son|"
    r"daughter|mom|dad|mother|father|his|her|he|she|smiling|wristband|chart|x-?ray|hospital\s+bed|"
    r"wheelchair|walker|cast|stitches|scar|mr|mrs|ms)\b")
_WORD = re.compile(r"[A-Za-z][a-z]+(?:['’-][A-Z][a-z]+)?")
_GREETING = _ci(
    r"(?:\b(?:hi|hello|hey|dear|morning|congrats(?:\s+to)?|congratulations(?:\s+to)?|shout-?out\s+to|kudos\s+to|"
    r"happy\s+birthday\s+to|welcome(?:\s+back)?|thanks|thank\s+you|"
    r"thx|happy\s+birthday|get\s+well(?:\s+soon)?|(?:so\s+)?proud\s+of\s+you|way\s+to\s+go|"
    r"love\s+you|miss\s+you|great\s+job|good\s+job|well\s+done|hang\s+in\s+there)"
    r"(?:\s+(?:so|very)\s+much)?(?:\s+again)?\s*,?\s+)([A-Za-z][a-z'’-]{1,20})(?=\s*[,!.?:\u2022]|\s*$|\s+[\U0001F300-\U0001FAFF])")
_VOCATIVE = re.compile(r",\s+([A-Z][a-z'’-]{1,20})\s*(?=[!.?]|$)")
_NAME_CONTEXT_LEFT = _ci(
    r"(?:\b\d{1,3}[- ](?:year|month|week|day)[- ]old|\blittle|\bbaby|\bsweet|\bbrave|\btiny|\bpatient|"
    r"\bpatients|\bmy\s+patient|\bour\s+patient|\bof|\bmr\.?|\bmrs\.?|\bms\.?|\bmiss)\s+$")
_TITLE_SURNAME = re.compile(r"\b(?:Mr|Mrs|Ms|Miss|Mx)\.?\s+[A-Z][a-z'’-]{1,25}(?:-[A-Z][a-z]{1,20})?")
_NOT_NAME_NEXT = re.compile(
    r"^\s+(?:Elementary|School|High|Middle|Academy|College|University|Hospital|Medical|Center|Clinic|"
    r"Health|Park|Street|Avenue|Road|County|City|Church|Library|Pharmacy|Foundation|Institute|Memorial|"
    r"Day|Award|Act|Law|Hall|Bridge|River|Lake|Mountain|Bank|Credit|Company|Inc|LLC|Group)\b"
)
_PUBLIC_LEFT = _ci(
    r"\b(?:governor|gov\.|senator|sen\.|president|rep\.|representative|mayor|secretary|judge|author|"
    r"professor|prof\.|dr\.|doctor|vote\s+for|elect|candidate|coach|pastor|reverend|rev\.|"
    r"according\s+to|by)\s+$")
_STAFF_RIGHT = re.compile(
    r"^(?:\s+[A-Z][a-z'’-]+)?,?\s+(?:(?:MD|DO|RN|NP|PA|PA-C|LPN|CMA|MA|FNP|FNP-C|DNP|PhD|APRN|RDN|LCSW)\b|"
    r"(?:is\s+)?(?:our|the|a)\s+(?:new\s+|amazing\s+|wonderful\s+|own\s+)?(?:nurse|medical\s+assistant|"
    r"receptionist|physician|doctor|provider|office|front|billing|practice|lab|x-ray|tech|scheduler|team|"
    r"pediatrician|hygienist|manager|coordinator|volunteer|intern|staff|colleague|mail\s+carrier|"
    r"speaker|author|guest|partner|sponsor|mayor|principal|coach|pharmacist|dietitian|therapist|"
    r"counselor|social\s+worker|midwife|educator|director|owner|founder|chef|host))"
)
_STAFF_LEFT = _ci(
    r"(?:\bwelcome\s+to\s+the\s+team,?|\bwelcoming\s+our|\bcongrats\s+to\s+our|\bcongratulations\s+to\s+our|"
    r"\bour\s+own|\bteam\s+member|\bnurse|\bprovider|\bphysician|\bstaff|\bcolleague|\bcoworker|"
    r"\bco-worker|\bour\s+(?:new\s+)?(?:nurse|doctor|pediatrician|ma|receptionist|manager|partner)|"
    r"\bspeaker|\bauthor|\bthanks\s+to\s+our\s+(?:friends|partners|sponsor)s?\s+at)\s+$")
_CARE_CONTEXT = _ci(
    rf"\b(?:patients?|{_CARE_NOUN}|healing|recovery|recovering|diagnos\w*|sick|illness|condition|"
    r"cancer|diabetes|asthma|pregnan\w*|postpartum|newborn|program|prescri\w*|medication|chart|"
    r"exam\s+room|hospital|ER|ICU|clinic|doctor|nurse|under\s+control|lost\s+\d+|before\s*(?:&|and|/)\s*after|"
    r"brave|cavity|cavities|filling|dental|teeth|tooth|fever|rash|stitches|injury|broken|crutches|walker|"
    r"wheelchair|rehab|chemo|remission)\b")
_POSSESSIVE_CARE_RIGHT = _ci(rf"^['’]s\s+(?:[\w-]{{1,20}}\s+){{0,2}}?{_CARE_NOUN}\b")
_NOT_PATIENT_RIGHT = _ci(
    r"^(?:['’]s)?\s+(?:[\w-]{1,20}\s+){0,2}?(?:class|classroom|students|team|troop|store|shop|bakery|restaurant|"
    r"company|business|office|school|church|congregation|farm|garden|book|show|band)\b"
)
_FAMILY = re.compile(r"\b(?:the\s+)([A-Z][a-z'’-]{1,25})\s+(?:family|families|kids|twins|household)\b")


_HAS_DIGIT = re.compile(r"\d")
_THREE_DIGITS = re.compile(r"\d{3}")
_OLD_NUMBER = re.compile(r"(?<!\d)(?:9\d|1[01]\d)(?!\d)")
_DATE_WORDS = frozenset(
    [
        "january", "february", "march", "april", "may", "june", "july", "august", "september",
        "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
        "sept", "oct", "nov", "dec", "monday", "tuesday", "wednesday", "thursday", "friday",
        "saturday", "sunday", "the"
    ]
)
_UNIQUE_WORDS = frozenset(["oldest", "youngest", "first", "only", "last", "longest", "longeststanding"])
_SENTENCE_START = re.compile(r"(?:^|[.!?:\n]\s*|^\s*)$")
_GREETING_WORDS = frozenset(
    [
        "hi", "hello", "hey", "dear", "morning", "congrats", "congratulations", "shout", "shoutout",
        "kudos", "happy", "welcome", "thanks", "thank", "thx", "get", "proud", "way", "love",
        "miss", "great", "good", "well", "hang"
    ]
)
_TITLE_WORDS = frozenset(["mr", "mrs", "ms", "miss", "mx"])
_LITTLE_WORDS = frozenset(["little", "old"])
_TIME_AFTER = _ci(r"^\s*(?:a\.?m\.?|p\.?m\.?|o'?clock|hours|hrs|minutes|days|weeks)\b")
_RANGE_BEFORE = _ci(r"\b(?:from|between)\s+$")
_YOUR_HIS_HER = _ci(r"\b(?:your|his|her)\b")
_LITTLE_NAME = _ci(r"\b(?:little|\d{1,2}[- ](?:year|month)[- ]old)\s+([a-z][a-z-]{2,20})\b")
_PERSONAL = _ci(r"\b(?:your|his|her|their|DOB|born|birthday)\b")


def _tied_to_person(analysis: Analysis, start: int, end: int) -> bool:
    text = analysis.lower
    left = text[max(0, start - 45) : start]
    right = text[end : end + 40]
    if _TIME_AFTER.match(right) or _RANGE_BEFORE.search(left):
        return False  # "3-6 p.m.", "from 9-11": a time range, not a date
    if _EVENT.search(left) and not _PERSONAL.search(left + right[:15]):
        return False  # "our flu-shot clinic on Saturday, October 11"
    if _PERSON_TIE.search(left) or _PERSON_TIE_RIGHT.match(right):
        return True
    s_start, sentence = analysis.sentence_lower(start)
    if _POSSESSIVE_CARE.search(sentence):
        local = sentence[max(0, start - s_start - 60) : end - s_start + 60]
        return not _EVENT.search(local) or bool(_YOUR_HIS_HER.search(local))
    return False


def detect_dates(analysis: Analysis, lexicons: Lexicons, params: Mapping[str, Any]) -> list[Span]:
    """Dates (any element but the year) of a person's birth, visit, procedure, admission or death."""
    spans: list[Span] = []
    if not (_HAS_DIGIT.search(analysis.lower) or not analysis.words.isdisjoint(_DATE_WORDS)):
        return spans
    for match in islice(_DATE.finditer(analysis.lower), MAX_SPANS):
        start, end = match.span()
        if _tied_to_person(analysis, start, end):
            spans.append((start, end))
    return spans


def detect_phones(analysis: Analysis, lexicons: Lexicons, params: Mapping[str, Any]) -> list[Span]:
    """Telephone and fax numbers other than the practice's own (masked) and toll-free lines."""
    spans: list[Span] = []
    if not _THREE_DIGITS.search(analysis.text):
        return spans
    for match in islice(_PHONE.finditer(analysis.text), MAX_SPANS):
        if _ORG_PHONE.match(match.group()):
            continue
        if _OWN_NUMBER.search(analysis.lower[max(0, match.start() - 40) : match.start()]):
            continue  # the author's own number: a profile problem, not a patient identifier
        spans.append(match.span())
    return spans


def detect_emails(analysis: Analysis, lexicons: Lexicons, params: Mapping[str, Any]) -> list[Span]:
    """E-mail addresses other than the practice's own and organisational mailboxes (info@, hello@)."""
    if "@" not in analysis.text:
        return []
    return [
        m.span() for m in islice(_EMAIL.finditer(analysis.text), MAX_SPANS)
        if not _ORG_MAILBOX.match(m.group().lower())
    ]


def detect_addresses(analysis: Analysis, lexicons: Lexicons, params: Mapping[str, Any]) -> list[Span]:
    """Street addresses and ZIP codes (the practice's own address is masked before this runs)."""
    if not _HAS_DIGIT.search(analysis.text):
        return []
    spans = [m.span() for m in islice(_STREET.finditer(analysis.text), MAX_SPANS)]
    for match in _ZIP.finditer(analysis.text):
        if not any(s <= match.start() < e for s, e in spans):
            spans.append(match.span())
    return spans


def detect_id_numbers(analysis: Analysis, lexicons: Lexicons, params: Mapping[str, Any]) -> list[Span]:
    """Record, member, account, licence, device and Social Security numbers, and IP addresses."""
    spans: list[Span] = []
    if not _THREE_DIGITS.search(analysis.lower):
        return spans
    for match in _ID.finditer(analysis.lower):
        if sum(ch.isdigit() for ch in match.group(1)) >= 3:
            spans.append((match.start(), match.end(1)))
    spans.extend(m.span() for m in _SSN.finditer(analysis.text))
    return spans


def detect_web(analysis: Analysis, lexicons: Lexicons, params: Mapping[str, Any]) -> list[Span]:
    """Links to a person's social-media profile."""
    if ".com/" not in analysis.lower:
        return [m.span() for m in _IP.finditer(analysis.text)] if "." in analysis.text else []
    return [m.span() for m in _PROFILE_URL.finditer(analysis.lower)]


def detect_ages(analysis: Analysis, lexicons: Lexicons, params: Mapping[str, Any]) -> list[Span]:
    """Ages over 89, with the description that follows ("92-year-old retired fire chief")."""
    spans: list[Span] = []
    text = analysis.lower
    if not _OLD_NUMBER.search(text):
        return spans
    for match in _AGE.finditer(text):
        end = match.end()
        if "old" in match.group().lower():
            tail = _AGE_TAIL.match(text, end)
            if tail:
                end = tail.end()
        spans.append((match.start(), end))
    return spans


def detect_unique(analysis: Analysis, lexicons: Lexicons, params: Mapping[str, Any]) -> list[Span]:
    """Unique characteristics: "our oldest patient", "the first baby born in town this year"."""
    if analysis.words.isdisjoint(_UNIQUE_WORDS):
        return []
    return [m.span() for m in _UNIQUE.finditer(analysis.lower)]


def detect_initials(analysis: Analysis, lexicons: Lexicons, params: Mapping[str, Any]) -> list[Span]:
    """Initials with an identifying detail ("J.R., a third-grade teacher at Lincoln Elementary")."""
    lower = analysis.lower
    if not any(cue in lower for cue in (", a ", ", an ", ", our ", ", the ", ", who ", ", age", "year", "(")):
        return []  # initials only identify together with a detail
    return [m.span() for m in _INITIALS.finditer(analysis.text) if not _NOT_INITIALS.match(m.group())]


def detect_photos(analysis: Analysis, lexicons: Lexicons, params: Mapping[str, Any]) -> list[Span]:
    """Descriptions of an attached photo that shows a patient ("[photo: Benny on the exam table]")."""
    spans: list[Span] = []
    if "[" not in analysis.text and "(" not in analysis.text:
        return spans
    for match in _PHOTO.finditer(analysis.lower):
        body = analysis.text[match.start(1) : match.end(1)]
        if _PHOTO_PERSON.search(match.group(1)) or _has_name(body, lexicons):
            spans.append(match.span(1))
    return spans


def _has_name(text: str, lexicons: Lexicons) -> bool:
    for word in _WORD.finditer(text):
        token = word.group()
        if token[0].isupper() and _is_given(token, lexicons, strict=True):
            return True
    return False


def _is_given(token: str, lexicons: Lexicons, strict: bool) -> bool:
    low = token.lower().rstrip("'’s") if token.lower().endswith(("'s", "’s")) else token.lower()
    if low not in lexicons.given_names:
        return False
    return not (strict and (low in lexicons.ambiguous_names))


def _is_nameish(token: str, lexicons: Lexicons) -> bool:
    """A word that can be a given name: in the name list, or not an ordinary English word."""
    low = token.lower()
    if low in lexicons.ambiguous_names or low in lexicons.named.get("not_names_lower", ()):
        return False
    if low in lexicons.given_names:
        return True
    return low.isalpha() and len(low) >= 3 and low not in lexicons.common_words


def _extend_surname(text: str, end: int, lexicons: Lexicons, upper: bool) -> int:
    match = re.match(r"\s+([A-Za-z][a-z'’-]{1,25})", text[end : end + 30])
    if not match:
        return end
    word = match.group(1)
    if upper and word[0].isupper() and not _NOT_NAME_NEXT.match(match.group()):
        low = word.lower()
        if low in lexicons.surnames or low not in lexicons.common_words:
            return end + match.end()
    if not upper and word.islower() and word in lexicons.surnames and word not in lexicons.common_words:
        return end + match.end()
    return end


def detect_names(analysis: Analysis, lexicons: Lexicons, params: Mapping[str, Any]) -> list[Span]:
    """Names of patients or their family.

    Found by cue rather than by dictionary alone: a greeting or vocative ("Hi Ronald", "Thanks,
    Margaret!"), a title ("Mrs. Alvarez"), an age or diminutive before it ("4-year-old Benny", "little
    mateo"), or any listed given name when the draft talks about care. Staff and the owner are masked,
    public figures after a title ("Senator", "vote for") and institutions ("Lincoln Elementary") are not.
    """
    text = analysis.text
    lower = analysis.lower
    spans: list[Span] = []

    def add(start: int, end: int) -> None:
        left = lower[max(0, start - 40) : start]
        if _PUBLIC_LEFT.search(left) or _STAFF_LEFT.search(left) or _STAFF_RIGHT.match(text[end : end + 60]):
            return
        spans.append((start, _extend_surname(text, end, lexicons, text[start].isupper())))

    care_verdict: list[bool] = []

    def care() -> bool:
        """Whether the draft talks about care (computed once, only if a candidate name needs it)."""
        if not care_verdict:
            care_verdict.append(analysis.request.kind == "reply" or bool(_CARE_CONTEXT.search(lower)))
        return care_verdict[0]

    greeting_words = not analysis.words.isdisjoint(_GREETING_WORDS)
    for match in _GREETING.finditer(lower) if greeting_words else ():
        word = text[match.start(1) : match.end(1)]
        if _is_nameish(word, lexicons) or (word[0].isupper() and word.lower() in lexicons.given_names):
            add(match.start(1), match.end(1))
    for match in _VOCATIVE.finditer(text) if "," in text else ():
        if _is_given(match.group(1), lexicons, strict=True):
            add(match.start(1), match.end(1))
    titled = not analysis.words.isdisjoint(_TITLE_WORDS)
    for match in _TITLE_SURNAME.finditer(text) if titled else ():
        right = text[match.end() : match.end() + 60]
        if care() and not _STAFF_RIGHT.match(right) and not _NOT_PATIENT_RIGHT.match(right):
            spans.append(match.span())
    candidates = analysis.words.intersection(lexicons.given_names)
    word_matches: Iterable[re.Match[str]] = ()
    if candidates:
        # Only the words that are given names: one small alternation instead of a pass over every word.
        names = "|".join(re.escape(n) for n in sorted(candidates, key=len, reverse=True))
        word_matches = re.finditer(rf"(?<![\w'’-])(?:{names})(?![\w])", lower)
    for match in islice(word_matches, MAX_SPANS):
        start, end = match.span()
        token = text[start:end]
        low = match.group()
        if not token[:1].isalpha() or (token[1:] and not token[1:].islower() and not token.islower()):
            continue  # "JOHN" or "mcDonald": not how a name is typed in running text
        if low in lexicons.common_words and _SENTENCE_START.search(text[max(0, start - 4) : start] or "^"):
            continue  # "Many concerns..." at the start of a sentence is a word, not a name
        left = lower[max(0, start - 25) : start]
        cue = _NAME_CONTEXT_LEFT.search(left)
        if token[0].isupper():
            if low in lexicons.ambiguous_names and not cue and not _POSSESSIVE_CARE_RIGHT.match(lower[end : end + 60]):
                continue
            if _NOT_NAME_NEXT.match(text[end : end + 20]):
                continue
            if cue or care():
                add(start, end)
        elif cue and low not in lexicons.common_words and low not in lexicons.ambiguous_names:
            add(start, end)
        elif low not in lexicons.common_words and low not in lexicons.ambiguous_names:
            # lower-case full name: "marisol vega"
            after = _extend_surname(text, end, lexicons, upper=False)
            if after > end and care():
                spans.append((start, after))
    # little mateo / 4-year-old benny when the name list lacks the name
    if "amil" in text and care():
        for match in _FAMILY.finditer(text):
            staff_like = _STAFF_RIGHT.match(text[match.end() : match.end() + 60])
            if match.group(1).lower() in lexicons.surnames and not staff_like:
                spans.append((match.start(1), match.end()))
    little = not analysis.words.isdisjoint(_LITTLE_WORDS)
    for match in _LITTLE_NAME.finditer(lower) if little else ():
        word = match.group(1)
        if _is_nameish(word, lexicons) and not any(s <= match.start(1) < e for s, e in spans):
            spans.append(match.span(1))
    return spans


def detect_echo(analysis: Analysis, lexicons: Lexicons, params: Mapping[str, Any]) -> list[Span]:
    """Details from the comment being answered, repeated in the reply (names, numbers, e-mails)."""
    reply = analysis.reply
    if not reply or analysis.request.kind != "reply":
        return []
    candidates: set[str] = set()
    for match in _EMAIL.finditer(reply):
        candidates.add(match.group())
    for match in re.finditer(r"\b\d[\d-]{3,}\d\b", reply):
        candidates.add(match.group())
    for match in re.finditer(r"\b(?:i'?m|i\s+am|my\s+name\s+is|this\s+is|it'?s)\s+([A-Z][a-z]{1,20})", reply, _I):
        if _is_nameish(match.group(1), lexicons):
            candidates.add(match.group(1))
    for match in _WORD.finditer(reply):
        token = match.group()
        if token[0].isupper() and _is_given(token, lexicons, strict=True):
            candidates.add(token)
    spans: list[Span] = []
    for candidate in candidates:
        pattern = _ci(rf"(?<![\w@.]){re.escape(candidate)}(?![\w@])")
        spans.extend(m.span() for m in pattern.finditer(analysis.lower))
    return spans


DETECTORS: dict[str, Detector] = {
    "names": detect_names,
    "dates": detect_dates,
    "phones": detect_phones,
    "emails": detect_emails,
    "addresses": detect_addresses,
    "id-numbers": detect_id_numbers,
    "web": detect_web,
    "ages": detect_ages,
    "unique": detect_unique,
    "initials": detect_initials,
    "photos": detect_photos,
    "echo": detect_echo,
}
