"""Detectors for the HIPAA Safe Harbor identifiers (45 CFR 164.514(b)(2)) that can appear in text.

Each detector is a function ``(analysis, lexicons, params) -> list[(start, end)]`` over the *masked*
draft, so the practice's own name, contact details and staff never reach them. Patterns are written
without nested unbounded repeats and with bounded gaps (``{0,40}``), so every detector runs in linear
time even on a 1 MB paste. Context words ("your", "visit", "born") decide whether a date or a name is
tied to a person; a date of a flu clinic or a holiday closure is not an identifier.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Mapping
from functools import lru_cache
from itertools import chain, islice
from typing import Any

from composer.checking.analysis import Analysis, Lexicons
from composer.checking.fastre import compile_fast, lower_pattern, lower_text

Span = tuple[int, int]
#: Enough findings of one kind for any real draft; bounds the work on a pasted file of look-alikes.
MAX_SPANS = 200
Detector = Callable[[Analysis, Lexicons, Mapping[str, Any]], list[Span]]

_I = re.IGNORECASE


def _ci(pattern: str) -> re.Pattern[str]:
    """Compile a case-insensitive pattern to run, flag-free and fast, on the lower-cased draft."""
    return compile_fast(lower_pattern(pattern))

_MONTH = (r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
          r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)")
_WEEKDAY = r"(?:mon|tues|wednes|thurs|fri|satur|sun)day"
#: A weekday, whole or abbreviated ("thurs", "wed").
_DAY_WORD = r"(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|mon|tues?|wed|thurs?|fri|sat|sun)"
#: A month written out (abbreviations are left to _MONTH, where "mar" and "may" need a day after them).
_FULL_MONTH = r"(?:january|february|march|april|may|june|july|august|september|october|november|december)"
_ORD = r"(?:st|nd|rd|th)"
_DATE = _ci(
    rf"(?<![\w/.-])(?:"
    rf"(?:19|20)\d\d-(?:0?[1-9]|1[0-2])-(?:0?[1-9]|[12]\d|3[01])"  # ISO
    rf"|(?:0?[1-9]|1[0-2])([/-])(?:0?[1-9]|[12]\d|3[01])(?:\1(?:19|20)?\d\d)?"  # 3/14, 10-14-2025
    rf"|(?:0?[1-9]|[12]\d|3[01])\.(?:0?[1-9]|[12]\d|3[01])\.(?:19|20)\d\d(?![\d.])"  # 03.11.2024
    rf"|(?:{_WEEKDAY},?\s+)?{_MONTH}\.?\s+(?:0?[1-9]|[12]\d|3[01]){_ORD}?(?:,?\s+(?:19|20)\d\d)?"
    rf"|(?:{_WEEKDAY},?\s+)?(?:the\s+)?(?:0?[1-9]|[12]\d|3[01]){_ORD}?\s+(?:of\s+)?{_MONTH}\.?(?:,?\s+(?:19|20)\d\d)?"
    rf"|(?:{_WEEKDAY}\s+)?the\s+(?:[12]?\d|3[01]){_ORD}"
    rf"|(?:last|this\s+past|next|this\s+coming|since)\s+{_WEEKDAY}(?:'s|\s+(?:night|morning|afternoon|evening))?"
    rf"|(?:last|this\s+past)\s+(?:january|february|march|april|june|july|august|september|october|november|december)"
    rf"|{_WEEKDAY}'s\s+(?:appointment|appt|visit|surgery|procedure|exam|check-?up|test|follow-?up|physical|consult|"
    rf"fall|accident|injury|crash|seizure|stroke)"
    rf"|{_WEEKDAY}(?:\s+(?:at\s+)?(?:[01]?\d)(?::[0-5]\d)?\s?(?:a\.?m\.?|p\.?m\.?))?"
    rf"|(?:[01]?\d)(?::[0-5]\d)?\s?(?:a\.?m\.?|p\.?m\.?)(?:\s+(?:on\s+)?{_WEEKDAY})?"
    rf")(?![\w/])"
)
_REL_DAY = r"(?:tomorrow|yesterday|tonight|last\s+night|this\s+(?:morning|afternoon|evening))"
_CARE_NOUN = (r"(?:visit|appointment|appt|bloodwork|blood\s+work|surgery|procedure|operation|physical|exam|"
              r"check-?up|follow-?up|"
              r"test|labs?|results?|biopsy|scan|x-?ray|mri|mammogram|colonoscopy|shots?|vaccines?|"
              r"vaccination|injection|infusion|delivery|birth|birthday|admission|discharge|"
              # a fall, not the season: the lookbehinds come after the word, so the pattern still starts with a
              # letter the regex engine can skip ahead to (a leading lookbehind made every scan 40 times slower)
              r"fall(?<!this\sfall)(?<!last\sfall)(?<!next\sfall)(?<!late\sfall)(?<!early\sfall)"
              r"(?!\s+(?:meeting|season|semester|festival|fair|conference|sports|break|term|colors|back|into|in\s+love))|"
              r"accident|injury|diagnosis|treatment|therapy|session|stay|consult(?:ation)?|replacement|"
              r"transplant|stitches|cast|records?\s+request|refill|referral|prescription|rehab|chemo|crutches|re-?check|"
              r"c-?section|cesarean|concussion|fracture|sprain|overdose|relapse|seizure|stroke|heart\s+attack)(?:s|es)?")
# "her appointment tomorrow", "your surgery yesterday": a relative date bound to one person's care.
_REL_DATE = _ci(
    rf"\b(?:your|his|her|their)\s+(?:[\w-]{{1,20}}\s+){{0,2}}?{_CARE_NOUN}\s+(?:[\w-]{{1,20}}\s+){{0,4}}?({_REL_DAY})\b"
    rf"|\b(?:your|his|her|their)\s+({_REL_DAY}['’]s)\s+{_CARE_NOUN}\b")
_PERSON_TIE = _ci(
    rf"\b(?:DOB|D\.O\.B\.?|date\s+of\s+birth|DOI|date\s+of\s+injury|DOS|date\s+of\s+service|due\s+date|due|edd|induced|induction|born|birthday|admitted|discharged|died|passed|"
    rf"diagnosed|delivered|started|seen|saw|examined|vaccinated|operated|visited|came\s+in|stopped\s+by|"
    rf"treated|icu|nicu|hospital|hospitali[sz]ed|er|arrived|checked\s+in|signed\s+in|showed\s+up|re-?check|sober|"
    rf"retest|{_CARE_NOUN})\b[^.!?\n]{{0,30}}$")
_PERSON_TIE_RIGHT = _ci(rf"^(?:'s)?\s+{_CARE_NOUN}\b")
_POSSESSIVE_CARE = _ci(
    rf"\b(?:your|his|her|their|my)\s+(?:[\w-]{{1,20}}\s+){{0,2}}?{_CARE_NOUN}\b"
    r"|\b(?:you|she|he|they)\s+(?:were|was|got|had|came|started|finished|arrived|checked\s+in|signed\s+in|"
    r"showed\s+up)\b|\b(?:were|was)\s+(?:still\s+|finally\s+)?seen\b"
    r"|\b(?:saw|seen|treated|examined|vaccinated|admitted|discharged|delivered|moved|rescheduled|booked|"
    r"scheduled|with)\s+(?:you|him|her|them)\b")
_EVENT = _ci(
    r"\b(?:closed|close|open|opens|reopen|reopens|hours|clinic|class|event|fair|join\s+us|sign\s+up|"
    r"register|holiday|webinar|workshop|screenings?\s+day|day|night|drive|starting|begins?|through|until|"
    r"lead|leads|host|hosts|hosting|sessions|lessons|seminar|presentation|talk|camp|season|education|awareness|starts?|kicks?\s+off|"
    r"families|everyone|community|walk-?ins?|no\s+appointment|"
    # "appointments pick back up Saturday, July 5": the schedule coming back, nobody's own visit
    r"resumes?|resumed|picks?\s+back\s+up|appointments\s+(?:are\s+)?available|"
    # "Flu shot Saturdays are back": a weekday that recurs is a schedule, not one person's day
    r"(?:mon|tues|wednes|thurs|fri|satur|sun)days)\b")
#: A number, or one with its last four digits blanked out ("555-867-xxxx" still points to one person).
_PHONE = compile_fast(
    r"(?<![\w+])(?:\+?1[\s.-]?)?(?:\(\d{3}\)\s?|\d{3}[\s.-])\d{3}[\s.-](?:\d{4}(?!\d)|[xX*]{4}(?![\w*]))")
_OWN_NUMBER = _ci(
    r"\b(?:me|my\s+(?:cell|number|phone|line|personal\s+number))\s+(?:directly\s+)?(?:at|on|is|:)?\s*$")
_ORG_PHONE = compile_fast(r"^(?:\+?1[\s.-]?)?\(?8(?:00|88|77|66|55|44|33)\)?")
_EMAIL = compile_fast(r"(?<![\w.+-])[\w.+-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63}){1,8}\b")
_ADDRESS_CHARACTER = re.compile(r"[\w.+-]")
#: An "@" right after an address character: the only kind an address can hold.
_ADDRESS_AT = re.compile(r"[\w.+-]@")


def _emails(text: str) -> Iterator[re.Match[str]]:
    """What ``_EMAIL.finditer(text)`` finds, tried only at each "@" right after an address character: an
    address starts where the run of address characters before its "@" starts (the pattern cannot start
    inside that run), and holds one "@", so no two overlap. A scan of every word for an address was a
    tenth of a millisecond a draft; a loop over every "@" of a pasted run of them, a tenth of a second."""
    resume = 0
    next_at = _ADDRESS_AT.search(text)
    while next_at is not None:
        at = next_at.end() - 1
        start = at
        while start > 0 and at - start <= 64 and _ADDRESS_CHARACTER.match(text, start - 1):
            start -= 1
        found = _EMAIL.match(text, start) if start >= resume else None
        if found is not None:
            yield found
            resume = found.end()
        next_at = _ADDRESS_AT.search(text, max(at + 1, resume) - 1)
_ORG_MAILBOX = _ci(
    r"^(?:info|hello|contact|support|office|admin|billing|appointments?|help|team|noreply|no-reply|"
    r"press|media|careers|jobs)@")
_STREET = compile_fast(
    r"(?<![\w#])\d{1,6}\s+(?:[NSEW]\.?\s+)?(?:[A-Z][a-z'-]{1,20}\s+){1,3}"
    r"(?:Street|St|Avenue|Ave|Road|Rd|Drive|Dr|Lane|Ln|Boulevard|Blvd|Court|Ct|Way|Place|Pl|Terrace|Ter|"
    r"Circle|Cir|Parkway|Pkwy|Highway|Hwy|Trail|Trl|Row|Square|Sq|Loop|Pike)\b\.?"
    r"(?:\s+\d{1,5}(?:\s+(?:[NSEW]\b\.?|North|South|East|West)\b)?)?"
    r"(?:,?\s+(?:Apt|Apartment|Unit|Suite|Ste|#|Box)\.?\s*\w{1,6})?"
    r"(?:,\s+[A-Z][a-z]{2,20}(?:\s+[A-Z][a-z]{2,20})?)?(?:,?\s+[A-Z]{2})?(?:,?\s+\d{5}(?:-\d{4})?)?"
    r"(?:,?\s*\(\s*(?:zip:?\s*)?\d{5}(?:-\d{4})?\s*\))?"
)
_ZIP = compile_fast(r"\b(?:[A-Z]{2}\s+|(?i:zip)(?:\s+code)?(?:\s+(?:is|as|was|of))?:?\s*)\d{5}(?:-\d{4})?\b")
_STREET_LOWER = compile_fast(
    r"(?<![\w#$])\d{1,6}\s+(?:[a-z][a-z'-]{1,20}\s+){1,2}(?:st|street|ave|avenue|rd|road|dr|drive|ln|lane|ct|court|"
    r"way|blvd|pl|place|cir|circle|ter|terrace|pkwy|hwy)\b\.?(?:,?\s+(?:apt|unit|#)\.?\s*\w{1,6})?")
_FACILITY_ROOM = compile_fast(
    r"\b[Rr]oom\s+\d{1,4}[A-Z]?\s+(?:at|in)\s+(?:the\s+)?[A-Z][\w'’]+(?:\s+[A-Z][\w'’]+){0,3}")
_RURAL_ROUTE = compile_fast(
    r"\b(?:(?:Rural\s+Route|RR)\s+\d{1,4}(?:,?\s+Box\s+\d{1,5})?|P\.?\s?O\.?\s+Box\s+\d{1,6})\b"
    r"(?:,\s+[A-Z][a-z]{2,20}(?:\s+[A-Z][a-z]{2,20})?)?(?:,?\s+[A-Z]{2})?(?:,?\s+\d{5}(?:-\d{4})?)?")
#: Any five-digit number in a sentence that talks about a ZIP code ("your ZIP went in as 62707 instead of 62702").
_ANY_FIVE = compile_fast(r"(?<![\w$.,-])\d{5}(?![\w%.,-]\d|\w)")
# A bare five-digit number after "from/in/of" is a ZIP code when no unit follows ("from 62702", not
# "from 10000 steps"); only taken when the draft is about a person's care.
_FIVE_DIGITS = compile_fast(r"\d{5}")
_BARE_ZIP = compile_fast(
    r"\b(?:from|in|of|near|zip|zipcode|area)\s+(\d{5})(?!\d|[.,]\d|\s*(?:\$|%|[a-z]*\s*(?:steps|people|patients|"
    r"residents|dollars|miles|feet|ft|calories|cal|kids|children|adults|babies|visits|doses|shots|lbs|pounds|words|"
    r"views|followers|times|years|members|units|mg|ml|iu)\b))",
    re.IGNORECASE)
_STREET_SUFFIX = (r"(?:Street|St|Avenue|Ave|Road|Rd|Drive|Dr|Lane|Ln|Boulevard|Blvd|Court|Ct|Way|Place|Pl|"
                  r"Terrace|Circle|Parkway|Pkwy|Highway|Hwy|Trail|Row|Loop|Pike)")
_STREET_WORDS = frozenset(
    ["street", "st", "avenue", "ave", "road", "rd", "drive", "dr", "lane", "ln", "boulevard", "blvd", "court", "ct",
     "way", "place", "pl", "terrace", "circle", "parkway", "pkwy", "highway", "hwy", "trail", "row", "loop", "pike"])
# A street named without a house number, tied to where a person lives or came from ("walked here from
# Elm St", "lives on Birch Court"); a parking lot or an event venue is not tied to anyone.
_BARE_STREET = compile_fast(
    rf"\b(?:from|on|off\s+of|lives\s+(?:on|off)|living\s+on|house\s+on|home\s+on)\s+"
    rf"((?:[A-Z][a-z'-]{{1,20}}\s+){{1,2}}{_STREET_SUFFIX}\b\.?"
    # a numbered road only where someone lives ("the farm out on Route 9"); a shop "on Route 4" is public
    rf"|(?<=(?:out|ves|ing|use|ome|arm|ace) on )(?:Route|Rt\.|County\s+(?:Road|Rd\.?)|State\s+Route|Highway|Hwy\.?)"
    rf"\s+\d{{1,4}}(?:\s+[NSEW]\b)?)"
    # "(62707!)": a ZIP code in brackets after the road
    rf"(?:[^()\n]{{0,30}}?\(\s*(\d{{5}})(?![\d-])[^()\n]{{0,20}}\))?")
_PERSON_PRONOUN = _ci(r"\b(?:he|she|his|her|him|they|their|who|your|you|lives|home|house|family|patient|place|farm)\b")
# A public place or the practice's own event near an address: "the Eastside Library (2200 Cedar Ave.)".
_PUBLIC_PLACE = _ci(
    r"\b(?:library|park|school|elementary|high|middle|academy|college|university|church|temple|mosque|"
    r"synagogue|center|centre|hall|ymca|ywca|gym|arena|stadium|fairgrounds|pharmacy|hospital|clinic|"
    r"market|mall|plaza|store|station|parking|lot|garage|building|entrance|office|suite|venue|"
    r"join\s+us|free|event|fair|drive|festival|walk|run|screenings?|shots?\s+for|open\s+to|rsvp|"
    r"this\s+(?:mon|tues|wednes|thurs|fri|satur|sun)day|location|located|moved|moving|new\s+address|"
    r"our\s+(?:new\s+)?(?:office|clinic|location|building))\b")
_EVENT_RIGHT = _ci(
    r"\b(?:a\.?m\.?|p\.?m\.?|noon|(?:mon|tues|wednes|thurs|fri|satur|sun)day|open|free|join|all\s+welcome)\b")
_ID = _ci(
    r"\b(?:MRN|medical\s+record(?:\s+(?:number|no\.?|#))?|(?:patient|chart|record|case)\s+(?:number|no\.|#|ID)"
    r"|account(?:\s+(?:number|no\.?))?|acct\.?|member\s+(?:ID|number|no\.?|#)|(?:insurance|policy|group|"
    r"subscriber|claim|beneficiary|Medicare|Medicaid)\s+(?:ID|number|no\.?|#)|ID|SSN|social\s+security"
    r"(?:\s+number)?|licen[cs]e(?:\s+(?:plate|number|no\.?))?|plate|serial(?:\s+(?:number|no\.?))?|"
    r"device\s+(?:ID|number)|VIN|DEA|MBI|(?:credit\s+|debit\s+|insurance\s+)?card(?=\s+end)|invoice"
    r"|(?:visit|claim)(?=\s+[A-Z]{0,3}-?\d)|request(?=\s+#)|employee\s+(?:ID|number|no\.?|#)|CDL|driver['’]?s\s+licen[cs]e|(?:PA|prior\s+auth(?:orization)?|authorization|auth|reference|ref|confirmation|rx|"
    r"prescription)\s*"
    r"(?:ID|number|no\.?|#))(?:\b|(?<=#))"
    # "member ID ends in 3392", "the card ending 4417": the last digits still point to one account
    r"\s*(?:is\s+|:\s*|#\s*|no\.\s*|number\s+|(?:ending|ends)\s+(?:in\s+)?)?\(?#?\s*\(?"
    # the number, with one space inside when digits follow it ("plate RFM 4471")
    r"([A-Z0-9][A-Z0-9-]{2,24}(?:\s(?=[A-Z-]{0,8}\d)[A-Z0-9-]{2,9})?)")
_SSN = compile_fast(r"(?<![\d-])\d{3}-\d{2}-\d{4}(?![\d-])")
#: A payer's code with no label before it ("resubmitted it under BCB-88310274"), in a draft about billing.
_BARE_CODE = compile_fast(r"\b[A-Z]{2,5}-\d{5,12}\b")
_BILLING_WORDS = frozenset(["member", "claim", "claims", "account", "policy", "billed", "billing", "insurance",
                            "subscriber", "insurer", "invoice", "statement", "copay", "resubmitted"])
#: What every IP address contains ("1.22.3"): a cheaper scan than the address pattern itself.
_DOTTED_NUMBERS = compile_fast(r"\d\.\d{1,3}\.\d")
_IP = compile_fast(r"(?<![\d.])(?:\d{1,3}\.){3}\d{1,3}(?![\d.])")
#: The hosts whose links point to one person (a profile, a fundraiser, a care journal).
_PERSON_HOSTS = (r"(?:facebook|fb|instagram|linkedin|x|twitter|tiktok|youtube|gofundme|caringbridge|mealtrain|"
                 r"givesendgo)\.(?:com|org|net|example)/")
_PROFILE_URL = _ci(rf"\b(?:https?://)?(?:www\.)?{_PERSON_HOSTS}(?:in/|@|f/|visit/)?[\w.-]{{2,60}}")
_LINK_HOST = _ci(rf"\b{_PERSON_HOSTS}")
_OLD = r"(?:9\d|1[01]\d)"
_OLD_WORD = (r"(?:ninety(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?|(?:a|one)\s+hundred(?:\s+and\s+\w+)?|"
             r"1[01]\d|9\d)")
_AGE = _ci(
    rf"\b{_OLD}[- ](?:years?|yrs?)[- ]old\b|\b{_OLD_WORD}[- ](?:years?|yrs?)[- ](?:old|young)\b"
    rf"|\b{_OLD}\s?(?:y/o|y\.o\.?|yo|yr\.?\s?old|yrs\.?\s?old)(?![\w/])"
    rf"|\b(?:aged?|age)\s+{_OLD}\b|\b{_OLD}{_ORD}\s+birthday\b|\bhappy\s+{_OLD}{_ORD}\b(?!\s+(?:anniversary|year|season|annual|edition|issue|episode|birthday\s+to\s+(?:us|our\s+(?:practice|clinic|office|town|city|library|church|school))))"
    rf"|(?:\b(?:you|he|she|they|who|mom|dad|grandma|grandpa)\s+(?:just\s+|recently\s+)?)?"
    rf"\b(?:turned|turns|is\s+turning|will\s+turn)\s+{_OLD}\b(?!\s*(?:%|percent|mg|minutes|degrees|°))"
    rf"|\b(?:passed\s+away|died|still\s+\w+ing|celebrat\w+|retired|married|graduated)\b[^.!?\n]{{0,30}}?"
    rf"\bat\s+(?:the\s+age\s+of\s+)?{_OLD}\b(?!\s*(?:%|percent|degrees|°|a\.?m|p\.?m|miles|pounds|lbs))"
    # "Harold (93)", "At 93 he still...", "at ninety-four,", "97 and sharp as a tack", "turning 100", "our centenarian"
    rf"|(?<=[a-z] )\(\s*{_OLD}\s*\)|\bat\s+{_OLD_WORD}(?:\s+years\s+(?:of\s+age|old|young))?"
    rf"(?=\s*,|\s+(?:he|she|they|you|years|yrs|and|still|is|was|just|now|finally)\b)"
    rf"|\b(?:she|he|you)['’](?:s|re)\s+{_OLD}(?=\s+(?:and|now|today|this|years|yrs)\b|\s*[,.!?])"
    # "the former band director, now 93,", "Walt, 94, who we see...", "my favorite 90-something patient"
    rf"|\bnow\s+{_OLD}(?=\s*[,.!?)]|\s+(?:and|years|yrs)\b)"
    rf"|(?<=[A-Za-z], ){_OLD}(?=,\s+(?:who|whom|still|is|was|has)\b)"
    rf"|\b(?:9\d|ninety)[- ]something\b"
    rf"|(?<![\d.,$-])\b{_OLD}[mf]\b(?=\s+(?:w/|(?:with|on|in|s/p|pmh|hx|c/o|presents?|presenting|admitted)\b))"
    rf"|\b{_OLD}\s+and\s+(?:still|sharp|going|counting|thriving|kicking|fabulous|feisty|as\s+sharp)\b"
    rf"|\b(?:turning|hit|hits|reached|reaches)\s+{_OLD_WORD}\b(?!\s*(?:%|percent|mg|minutes|degrees|°|steps|pounds|lbs))"
    rf"|\b(?:age[ds]?|turned|turns)\s+ninety(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?\b"
    rf"|\b(?:at\s+)?the\s+age\s+of\s+{_OLD}\b"
    # Spanish: "cumpleaños número 100", "cumple 92 años", "tiene 95 años"
    rf"|\b(?:tiene|cumple|cumplió|cumplir|a\s+los|con)\s+{_OLD}\s+años\b"
    rf"|\b(?:cumpleaños|cumple)\s+(?:número\s+|#\s?)?{_OLD}\b"
    rf"|\b(?:super)?(?:centenarian|nonagenarian)s?\b|\b{_OLD}(?:st|nd|rd|th)\s+(?:bday|b-day|trip\s+around\s+the\s+sun)\b")
_AGE_TAIL = compile_fast(
    r"(?:\s+(?!(?:w/|with|who|and|is|was|has|had|in|at|on|for|from|getting|after|before|to)\b)"
    r"[A-Za-z][\w'-]{0,20}){1,5}"
    # the place that goes with it (the text is lower-cased): "...retired judge from Maple Grove"
    r"(?:\s+from\s+(?!(?:the|a|an|our|my|his|her|their|your|home|work|school|church|here|there)\b)[a-z]{3,20}"
    r"(?:\s+(?!(?:and|who|that|with|to|for|in|on|at|he|she|they|was|is)\b)[a-z]{3,20})?)?"
)
_UNIQUE = _ci(
    r"\b(?:our|my)\s+(?:oldest|youngest|first|only|longest-?standing|last)\s+(?:living\s+)?"
    r"(?:patient|client|member|centenarian)\b(?!s)"
    r"|\bthe\s+(?:very\s+)?(?:first|only|last|youngest|oldest)\s+(?:[\w-]{1,20}\s+){0,2}?"
    r"(?:baby|babies|twins|triplets|quadruplets|quintuplets|newborn|child|kid|person|patient|woman|man|"
    r"girl|boy|centenarian|resident|family)\b"
    # ...and what singles them out, to the end of the clause: "born in Harmon County in 30 years", "ever
    # delivered by our OB team", "showing Highland cattle at the county fair this year", "(the first girl) in
    # district history to throw a no-hitter"
    r"(?:\s+(?:[\w-]{1,20}\s+){0,3}?(?:born|delivered|treated|seen|diagnosed|showing|raising|competing|to\s+\w+)\b"
    r"[^.!?,;:()\n\U0001F300-\U0001FAFF]{0,60}(?<!\s))?"
    r"|\bthe\s+only\s+(?:case|patient|person|one)\s+(?:of|with|in)\s+[^.!?,\n]{1,60}"
    # "the oldest player in Springfield's walking-soccer league": the oldest or youngest of a named group
    r"|\bthe\s+(?:oldest|youngest)\s+(?:[\w-]{1,20}\s+)?(?:player|member|runner|athlete|swimmer|golfer|bowler|"
    r"volunteer|graduate|veteran|competitor|finisher)\s+(?:in|on|at|of)\s+(?:(?!\s(?:and|who|but|with)\s)[^.!?,;:()\n]){3,60}(?<!\s)"
    r"|\b[a-z]{3,20}['’]s\s+(?:first|only|oldest|youngest)\s+(?:set\s+of\s+)?(?:[\w-]{1,20}\s+)?"
    r"(?:baby|babies|twins|triplets|quadruplets|quintuplets|newborn|centenarian|patient|resident)\b")
_INITIALS = compile_fast(
    r"(?<![\w.])(?:[A-Z]\.\s?){2,3}(?=,?\s)(?:,\s+(?:a|an|our|the|who|age|aged|\d{1,3}(?=\s+(?:years?|yrs?|y/?o)\b))\b[^,.!?\n;]{1,80}"
    r"|\s+(?:\(\d{1,3}\)|\d{1,3}[- ]year[- ]old[^,.!?\n]{0,40}))"
)
#: Initials that stand for a place, a degree, a time or a phrase, never a person.
_NOT_INITIALS = compile_fast(r"^(?:U\.\s?S|U\.\s?K|D\.\s?C|A\.\s?M|P\.\s?M|M\.\s?D|R\.\s?N|N\.\s?P|P\.\s?A|"
                           r"B\.\s?S|M\.\s?S|E\.\s?R|I\.\s?V|O\.\s?R|E\.\s?g|I\.\s?e|P\.\s?S|D\.\s?O|L\.\s?A|"
                           r"N\.\s?Y|B\.\s?C|A\.\s?D|O\.\s?K|T\.\s?V)\.")
_PHOTO = _ci(
    r"[\[(]\s*((?:(?:photo|picture|pic|image|video|img|selfie|screenshot)s?(?:\s+(?:carousel|collage|grid|series|set|"
    r"attached|reel|slideshow))?\s*:|screen-?shot\s+of\b)\s*[^\]\)\n\[(]{1,300})[\])]")
# People in a photo with a detail of care or identity ("four kids holding bandaged arms", "man in the
# injection chair, face visible", "a client's full face, week 0 to week 12", "the reviewer's name").
_PHOTO_PEOPLE = _ci(
    r"\b(?:kids|children|boys|girls|man|woman|men|women|lady|guy|teens?|clients?|person|people|twins|triplets|"
    r"newborn|reviewer|athlete|player|student)\b")
_PHOTO_CARE_CUE = _ci(
    r"\b(?:bandag\w*|band-?aids?|casts?|injection|exam|chair|face\s+visible|full[- ]face|before|after|week\s+\d|"
    r"scars?|wounds?|shots?|vaccines?|stitches|names?|profile\s+(?:photo|pic|picture)|wristband|gown|iv|"
    r"hospital|stretcher|crutches|brace|sling|recovery|treatment)\b")

_PHOTO_PERSON = _ci(
    r"\b(?:patient|exam\s+(?:table|room)|face|faces|baby|babies|infants?|newborns?|toddlers?|twins|triplets|quadruplets|"
    r"quads|child|kid|boy|girl|son|"
    r"daughter|mom|dad|mother|father|his|her|he|she|smiling|wristband|chart|hospital\s+bed|"
    r"wheelchair|walker|cast|stitches|scar|mr|mrs|ms|family|couple|grandma|grandpa)\b")
# A photo that hides who is in it ("face blurred", "from behind", "hands only") or shows only a body
# part close up ("smile close-up") is not a full-face or comparable image.
_PHOTO_DEIDENTIFIED = _ci(
    r"\b(?:blurr?(?:ed|y)|pixell?ated|face\s+(?:hidden|covered|cropped|not\s+shown|out\s+of\s+frame)|"
    r"faces?\s+(?:hidden|covered|cropped|blurred|not\s+shown)|no\s+faces?|from\s+behind|back\s+to\s+(?:the\s+)?camera|"
    r"silhouette|hands?\s+only|anonymi[sz]ed|emoji\s+over|sticker\s+over|not\s+identifiable|"
    r"unidentifiable)\b")
# A close-up of a patch of skin ("close-up of a patient's cheek and jawline", "macro shot of skin texture") is not a
# full-face or comparable image unless the face itself is shown. A limb or a wound shown with a patient still
# counts (the regression set labels "close-up of a patient's arm" as an identifier).
_PHOTO_PARTIAL = _ci(
    r"\b(?:close-?\s?ups?|macro(?:\s+shot)?|zoomed[- ]in|cropped\s+(?:to|at)|detail\s+shot)\s+"
    r"(?:(?:photo|shot|view|image)\s+)?"
    r"(?:of\s+)?(?:(?:a|an|the|one|his|her|their|our|a\s+patient['’]s|the\s+patient['’]s|a\s+client['’]s)\s+)?"
    r"(?:[\w-]{1,15}\s+){0,2}?(?:cheeks?|jaw(?:line)?|chin|forehead|skin|skin\s+texture|texture|pores|hairline|scalp|"
    r"temples?|under-?eye\s+area)\b")
_PHOTO_FACE = _ci(r"\b(?:face|faces|full[- ]face|eyes|selfie|smiling\s+at|portrait|headshot)\b")
_WORD = compile_fast(r"[A-Za-z][a-z]+(?:['’-][A-Z][a-z]+)?")
_GREETING = _ci(
    r"(?:\b(?:hi|hello|hey|dear|morning|(?:so\s+)?sorry|welcome\s+to\s+the\s+world,?|congrats(?:\s+to)?|congratulations(?:\s+to)?|shout[\s-]?outs?\s+to|kudos\s+to|meet|love\s+ya|so\s+happy\s+for\s+you|happy\s+for\s+you|feeling\s+better|feel\s+better(?:\s+soon)?|hugs\s+to|cheers\s+to|"
    r"happy\s+birthday\s+to|welcome(?:\s+back)?|thanks|thank\s+you|"
    r"thx|happy\s+birthday|get\s+well(?:\s+soon)?|so\s+proud\s+of\s+you|proud\s+of\s+you|way\s+to\s+go|"
    r"love\s+you|miss\s+you|great\s+job|good\s+job|well\s+done|hang\s+in\s+there|good\s+luck(?:\s+to)?|"
    r"best\s+wishes\s+to|prayers\s+for|praying\s+for|sending\s+(?:love|hugs|prayers|healing\s+vibes)\s+to|"
    r"anytime|aw{1,6}|yay|omg|no\s+problem|of\s+course|well|listen|honestly)"
    r"(?:\s+(?:so|very)\s+much)?(?:\s+again)?\s*,?\s+)([A-Za-zÁÉÍÓÚÑ][a-zà-öø-ÿ'’-]{1,20})(?=\s*[,!.?:\u2022]|\s*$|\s+[\U0001F300-\U0001FAFF])")
#: A capital inside a word that is not a name's ("PharmaOne", "StillPoint"; "McKenzie", "DeShawn" are names).
_CAMEL_CASE = re.compile(r"^(?!Mc|Mac|De|La|Le|Di|Da|O['’])[A-Z][a-z]+[A-Z]")
_VOCATIVE = compile_fast(r",\s+([A-ZÁÉÍÓÚÑ][a-zà-öø-ÿ'’-]{1,20})\s*(?=[!.?]|$|[\U0001F300-\U0001FAFF\u2764\u2665])")
_VOCATIVE_LOWER = re.compile(r",\s+([a-z][a-z'’-]{1,20})\s*(?=[!.?]|$|[\U0001F300-\U0001FAFF\u2764\u2665])")
_NAME_CONTEXT_LEFT = _ci(
    r"(?:\b\d{1,3}[- ](?:year|month|week|day)[- ]old|\blittle|\bbaby|\bsweet|\bbrave|\btiny|\bpatient|"
    r"\bpatients|\bmy\s+patient|\bour\s+patient|\bof|\bmr\.?|\bmrs\.?|\bms\.?|\bmiss|"
    r"\b(?:her|his|their|your)\s+(?:[\w-]{1,12}\s+)?(?:husband|wife|son|daughter|mom|mother|dad|father|brother|sister|"
    r"grandson|granddaughter|grandma|grandpa|grandmother|grandfather|aunt|uncle|niece|nephew|cousin|partner|fianc[eé]e?|"
    r"boyfriend|girlfriend|twin|baby|kid|child|toddler|newborn)|"
    r"\b(?:our|my)\s+(?:[\w-]{1,12}\s+)?(?:girl|boy|guy|gal|kiddo|buddy|champ|warrior|friend|neighbor|regular|pt|grad|graduate|superstar|"
    r"hero|fighter|survivor|miracle|rockstar|trooper|patient|client)|"
    r"\b(?:(?:big|little|baby)\s+(?:brother|sister|bro|sis)s?|mama|papa|grandma|grandpa|granny|nana|auntie|uncle|big|lil|meet|shout-?\s?outs?\s+to|kudos\s+to|"
    r"congrats\s+to|prayers\s+for|caring\s+for|care\s+for|treating|treated|tell|love\s+ya|love\s+you|"
    r"thanks\s+to|thank\s+you\s+to|keep|hugs\s+to|honou?r(?:ing)?|remember(?:ing)?|celebrating|welcoming|"
    r"proud\s+of|rooting\s+for|cheering\s+(?:for|on)|go|miss(?:ing)?\s+our|thank\s+(?:u|you)|said|says|told|"
    r"(?:our|my)\s+very\s+own|start|started|put))\s+$")
# A capitalised word that is also an ordinary word ("Grace", "Frank", "Tom") is a person when a person's
# verb follows: "Grace came in for her checkup", "Frank stopped by to show off his new hip".
_PERSON_VERB_RIGHT = _ci(
    r"\s+(?:(?:just|finally|also|even|proudly|bravely)\s+)?(?:came|comes|stopped|walked|rang|celebrated|celebrates|"
    r"graduated|finished|beat|kicked|showed|told|asked|brought|hugged|smiled|laughed|cried|lost|quit|completed|"
    r"survived|visited|returned|recovered|recovers|heals|is\s+recovering|is\s+healing|is\s+(?:now\s+|finally\s+)?home|"
    r"went\s+home|"
    r"(?:got|had|gets|has)\s+(?:his|her|their)|was\s+(?:so\s+|super\s+|such\s+a\s+)?(?:brave|tough|strong|trooper|champ)|"
    r"turned\s+\d|(?:and|&)\s+(?:his|her)\s+(?:mom|dad|wife|husband|family|parents|kids)|(?:is|was)\s+diagnosed|"
    r"rocked|crushed|nailed|conquered|battled|fought|started\s+(?:his|her)|sees|saw\s+(?:dr|our|•)|"
    r"is\s+(?:doing|feeling)\s+(?:so\s+|much\s+|a\s+lot\s+|way\s+){0,2}(?:better|great|well)|is\s+on\s+the\s+mend|"
    r"is\s+(?:now\s+)?cancer-free|is\s+back\s+(?:home|on\s+(?:her|his)\s+feet))\b")
# "your dad Walt", "her husband, Arturo": the name given to a relative, listed or not.
_RELATION_WORDS = (
    r"(?i:husband|wife|son|daughter|mom|mother|dad|father|brother|sister|grandson|granddaughter|grandma|grandpa|"
    r"grandmother|grandfather|aunt|uncle|niece|nephew|partner|baby|little\s+one|boy|girl|twins?|"
    r"t[ií]a|t[ií]o|abuel[ao]|hij[ao]|herman[ao]|mam[aá]|pap[aá])")
_RELATION_NAME = compile_fast(
    rf"\b(?i:your|ur|his|her|their)\s+(?:[\w-]{{1,12}}\s+)?{_RELATION_WORDS}\s*,?\s+([A-Z][a-z'’-]{{1,20}})\b")
#: "My daughter Lily is 7", "my brother Chuy": a commenter naming their own relative (echoed by a reply).
_OWN_RELATION_NAME = re.compile(
    rf"\b(?i:my|our)\s+(?:[\w-]{{1,12}}\s+){{0,3}}?(?:{_RELATION_WORDS}|(?i:neighbou?r|friend|buddy|co-?worker|boss|"
    rf"roommate|client))\s*,?\s+([A-Z][a-z'’-]{{1,20}})\b")
#: The words one of which every match of _RELATION_NAME contains ("your son Eli", "her little one, Ava").
_RELATIVES = frozenset(
    ["husband", "wife", "son", "daughter", "mom", "mother", "dad", "father", "brother", "sister", "grandson",
     "granddaughter", "grandma", "grandpa", "grandmother", "grandfather", "aunt", "uncle", "niece", "nephew",
     "partner", "baby", "little", "boy", "girl", "twin", "twins", "tía", "tia", "tío", "tio", "abuela", "abuelo",
     "hija", "hijo", "hermana", "hermano", "mamá", "mama", "papá", "papa"])
_ABSTRACT_NAMES = frozenset(
    ["hope", "faith", "joy", "love", "charity", "patience", "mercy", "harmony", "honey", "sugar", "baby", "angel",
     "precious", "lovely", "will", "may", "summer", "spring", "winter", "autumn", "star", "sky", "rain", "storm",
     "king", "prince", "major", "young", "long", "white", "black", "brown", "green", "gray", "grey", "guy", "son",
     "ma", "an", "red", "candy", "cookie", "price", "page", "lane", "miles", "chase", "hunter", "rich"])
#: The author's own relatives, as "my ..." names them.
_OWN_RELATIONS = (r"husband|wife|partner|son|daughter|kids?|mom|mother|dad|father|brother|sister|"
                  r"hubby|fianc[eé]e?|boyfriend|girlfriend|grandma|grandpa|grandmother|grandfather|granny|nana|nani|"
                  r"nonna|abuela|abuelo|oma|opa|uncle|aunt|auntie|cousin|niece|nephew|godson|goddaughter|"
                  r"stepson|stepdaughter|stepdad|stepmom|in-laws?|mother-in-law|father-in-law")
_OWN_FAMILY_LEFT = _ci(rf"\bmy\s+(?:[\w-]{{1,15}}\s+){{0,2}}?(?:{_OWN_RELATIONS})\s+$")
# "Mrs. Alvarez", "Mr. and Mrs. Ortiz", "Mr. Gutiérrez", "Sra. Herrera"; typed all lower-case ("ms. pruitt")
# the title needs its dot and the surname must be a listed one (checked where this is used).
_TITLE_SURNAME = compile_fast(
    r"\b(?:(?:Mr|Mrs|Ms)\.?\s+(?:and|&)\s+)?(?:Mr|Mrs|Ms|Miss|Mx|Sra|Srta|Señora|Señorita|Señor|Doña)\.?\s+[A-ZÁÉÍÓÚÑ][a-zà-öø-ÿ'’-]{1,25}"
    r"(?:-[A-Z][a-zà-öø-ÿ]{1,20})?"
    r"|\b(?:mr|mrs|ms)\.\s+(?P<lower>[a-z]{2,25})\b")
# "our 'Tiny Tim'", "our little “Peanut”": a quoted nickname given to a person.
_NICKNAME = compile_fast(
    r"\b(?:our|my|little|lil|sweet|brave|baby)\s+(?:little\s+|lil\s+)?['‘\"“]([A-Z][\w'’-]{1,20}(?:\s+[A-Z][\w'’-]{1,20}){0,2})['’\"”]")
def _nick_prefix(word: str) -> bool:
    """Whether ``word`` before a name is part of it: any listed word capitalised ("Miss Ruth", "Big Mike"), and
    kin words and diminutives in lower case too ("grandma June", "little mateo"; not "we miss Wilbur")."""
    low = word.lower()
    return low in _NICK_PREFIX and (word[0].isupper() or low in _LOWER_NICK_PREFIX)


_NICK_LEFT = compile_fast(r"\b([A-Za-z][a-zñ]{2,6})\s+$")
_NICK_PREFIX = frozenset(["tiny", "little", "lil", "baby", "big", "sweet", "brave", "miss", "mister", "young",
                          # what the town calls them is part of the name: "Grandpa Walt", "Nonna Rosa", "Coach Mo"
                          "grandpa", "grandma", "granny", "nana", "nonna", "nonno", "abuela", "abuelo", "papa",
                          "aunt", "auntie", "uncle", "coach", "pastor", "deacon",
                          # Spanish honorifics: "Don Beto", "doña Tere"
                          "don", "doña", "dona"])
_LOWER_NICK_PREFIX = frozenset(["tiny", "little", "lil", "baby", "grandpa", "grandma", "granny", "nana", "nonna",
                                "nonno", "abuela", "abuelo", "aunt", "auntie", "uncle", "coach", "don", "doña", "dona"])
_PLURAL_FAMILY = compile_fast(
    r"\bthe\s+([A-Z][a-z'’]{1,20}[^\Wiusy])s\b(?![\s-]+(?:[A-Z]|family|team|office|clinic|lodge|club|hall|of\b))")
#: The word after a name that makes it a place's or an institution's ("Lincoln Elementary"). Matched at a
#: position (no "^": with ``match(text, pos)`` a caret only ever matches at the start of the whole text).
_NOT_NAME_NEXT = compile_fast(
    r"\s+(?:Elementary|School|High|Middle|Academy|College|University|Hospital|Medical|Center|Clinic|"
    r"Lane|Ln|Drive|Dr|Court|Ct|Way|Place|Blvd|Boulevard|Terrace|Circle|Parkway|Trail|St|Ave|Rd|Square|"
    r"Health|Park|Street|Avenue|Road|County|City|Church|Library|Pharmacy|Foundation|Institute|Memorial|"
    r"Day|Award|Act|Law|Hall|Bridge|River|Lake|Mountain|Bank|Credit|Company|Inc|LLC|Group|Lutheran|Baptist|"
    r"Methodist|Catholic|Presbyterian|Episcopal|Chapel|Temple|Synagogue|Mosque|Cathedral|Parish|Department|Dept|"
    r"Society|Association|Journal|Council|Board|Agency|Bureau|Ministry|Federation|Alliance|Coalition|Network|"
    r"Museum|Fund|Trust|Commission)\b"
)
#: "the Allergy Foundation of America", "the University of Victoria": a name word that ends an institution's.
_INSTITUTION_OF_LEFT = _ci(
    r"\b(?:foundation|association|society|academy|college|university|department|dept\.?|institutes?|bank|states|"
    r"centers?|centres?|journal|annals|archives|league|federation|council|board|ministry|bureau|alliance|coalition|"
    r"network|museum|hospital|republic|kingdom|commonwealth|daughters|sons|knights)\s+of\s+(?:the\s+)?$")
_PUBLIC_LEFT = _ci(
    r"\b(?:governor|gov\.|senator|sen\.|president|rep\.|representative|mayor|secretary|judge|author|"
    r"professor|prof\.|dr\.|doctor|vote\s+for|elect|candidate|coach|pastor|reverend|rev\.|"
    r"according\s+to|by|st\.|saint|first\s+lady|artist|painter|muralist|sculptor|photographer|illustrator|"
    r"musician|singer|songwriter|poet|novelist|journalist|reporter|columnist)\s+$")
#: Clinical credentials written after a name ("Dana Whitfield, DPT"): a colleague, not a patient.
_CREDENTIALS = (r"(?:MD|DO|RN|NP|PA|PA-C|LPN|CMA|MA|FNP|FNP-C|FNP-BC|DNP|PhD|APRN|ARNP|RDN|RD|LCSW|DPT|PT|OT|OTR|"
                r"RDH|DDS|DMD|CNM|CRNA|LMFT|LPC|PsyD|AuD|OD|DC|ATC|CCMA|RRT|MSW|PharmD|CNP|IBCLC|LMT|MSN|BSN|CNA)")
_STAFF_RIGHT = compile_fast(
    rf"^(?:\s+[A-Z][a-z'’-]+)?,?\s+(?:{_CREDENTIALS}\b|"
    r"(?:is\s+)?(?:our|the|a)\s+(?:new\s+|amazing\s+|wonderful\s+|own\s+)?(?:nurse|medical\s+assistant|"
    r"receptionist|physician|doctor|provider|office|front|billing|practice|lab|x-ray|tech|scheduler|team|"
    r"pediatrician|hygienist|manager|coordinator|volunteer|intern|staff|colleague|mail\s+carrier|"
    r"speaker|author|guest|partner|sponsor|mayor|principal|coach|pharmacist|dietitian|therapist|"
    r"counselor|social\s+worker|midwife|educator|director|owner|founder|chef|host)"
    # a reply signed with a role: "– Kayla, Front Desk Lead", "Dee, Office Manager"
    r"|(?i:front\s+desk|office\s+manager|practice\s+(?:manager|administrator)|billing\s+(?:lead|manager|team|office)|"
    r"patient\s+(?:services|experience|relations|liaison|advocate)|care\s+coordinator|clinic\s+manager|"
    r"nurse\s+manager)\b)"
    # "Ms. Dunlap, the front desk asked for your co-pay": the office is the subject, the name is addressed
    r"(?!\s+(?:desk\s+|team\s+|staff\s+)?(?:asked|is|was|will|has|had|called|sent|said|told|can|could|would|"
    r"should|did|does|tried|needs?|wants?|made|gave|got)\b)"
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
    r"wheelchair|rehab|chemo|remission|recover(?:s|ed|ing)?|heal(?:s|ed|ing)|stroke|heart\s+attack|"
    r"cleared\s+to|check-?up|physical\s+therapy|biopsy|malignant|benign|tumou?r|fracture|torn|tore|"
    r"concussion|hospice|passed\s+away|quit\s+smoking|off\s+(?:cigarettes|insulin|oxygen)|nicu|"
    r"came\s+home\s+from|urgent\s+care|memory\s+care|waiting\s+room|lactation|breastfeeding|"
    r"born\s+(?:\d|on\b|at\b|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec))|nursery|welcom\w*\s+(?:(?:a|their|our)\s+)?(?:new\s+)?baby|new\s+baby)\b")
# Review-reply words: a reply about waiting, billing or the office is a reply to a patient's review.
_SERVICE_CONTEXT = _ci(
    r"\b(?:delay|delays|wait|waited|waiting|late|rude|front\s+desk|office|staff|billing|bill|charged|"
    r"refills?|referrals?|insurance|appointments?|appts?|visits?|reviews?|stars?|statements?|balance|copays?|"
    r"payments?|experience|feedback|see\s+you|"
    r"doctor|dr|nurses?|pharmacy|prescription|portal|records?|chart|results?|seen|seeing|saw|treated|care|"
    r"short\s+notice|fit\s+(?:me|us)\s+in|meds?|medications?|antibiotics?|dose|course|shot|shots|"
    r"sick|ill|fever|cough|pain|symptoms?|paperwork|forms?|fmla|voicemails?|messages|msgs|call\s+(?:me|us)\s+back|(?:did|done)\s+for\s+(?:me|my|us|our)|"
    r"took\s+care|taking\s+care|looked\s+after|caring\s+for|cared\s+for|squeez\w*\s+(?:me|my|us|him|her|them)\b|on\s+file|medical|"
    r"(?:your|my)\s+(?:card|account|file)|faxed|claims?|(?:work|school|doctor['’]?s|excuse|return-to-work)\s+(?:note|slip))\b")
_POSSESSIVE_CARE_RIGHT = _ci(rf"^['’]s\s+(?:[\w-]{{1,20}}\s+){{0,2}}?{_CARE_NOUN}\b")
_NOT_PATIENT_RIGHT = _ci(
    r"^(?:['’]s)?\s+(?:[\w-]{1,20}\s+){0,2}?(?:class|classroom|students|team|troop|store|shop|bakery|restaurant|"
    r"company|business|office|school|church|congregation|farm|garden|book|show|band)\b"
)
# "the Hendersons' two boys": the children of a named family.
_FAMILY_MEMBERS_RIGHT = compile_fast(
    r"['’]?\s+(?:(?:two|three|four|five|twin|little|youngest|oldest|eldest|new|baby)\s+)?(?i:boys?|girls?|kids|children|"
    r"sons?|daughters?|twins|triplets|baby|babies|grandkids|grandchildren|little\s+ones|toddlers?)\b")
#: The stall a person is known by, after "from the": "tamale cart", "hot dog stand".
_STALL = r"(?:[a-z-]{2,15}\s+){1,2}(?:cart|truck|stand|stall)\b"
# "Karen, 58, Springfield", "Derek, 34", "Maria S. from Oak Park": the age and town that come with a name.
_NAME_DETAIL_RIGHT = compile_fast(
    r"(?:\s+[A-Z]\.)?(?:,\s*(?:(?:age|aged)\s+)?\d{1,3}"
    r"(?=\s*(?:[,.!?);:]|$|\s+(?:y/?o|yrs?\s+old|years?\s+old|from|of|and\s+(?:still|thriving|loving))))"
    r"(?:,\s*[A-Z][a-z]{2,20}(?:\s+[A-Z][a-z]{2,20})?(?:,\s*[A-Z]{2})?)?"
    r"|\s+(?:from|of)\s+(?!the\b|our\b)[A-Z][a-z]{2,20}(?:\s+[A-Z][a-z]{2,20})?)"
    # where they live or work: "Barb on Elm St", "Mrs. P from out on Route 97", "Guadalupe R. from the Maple
    # Street laundromat", "Deb S., Chatham"
    r"|(?:\s+[A-Z]\.)?(?:\s+(?:from\s+(?:out\s+)?)?on\s+|\s+from\s+(?:out\s+on\s+|the\s+)?)"
    r"(?:Route\s+\d{1,3}|[A-Z][a-z]{1,20}(?:\s+[A-Z][a-z]{1,20})?\s+(?:St|Street|Rd|Road|Ave|Avenue|Ln|Lane|Ct|"
    r"Court|Dr|Drive|Blvd|Way|Pl|Place)\b\.?(?:\s+(?:laundromat|store|shop|bakery|diner|cafe|church|bar|salon|"
    r"garage|pharmacy)\b)?)"
    r"|\s+[A-Z]\.,\s*[A-Z][a-z]{2,20}(?:\s+[A-Z][a-z]{2,20})?(?=\s*(?:[,.!?);:]|$))"
    # the group or the stall they are known by: "Maria G. from the Eastside running club", "T.L. from the tamale cart"
    r"|(?:\s+[A-Z]\.)?\s+from\s+the\s+(?:(?:[A-Z][\w'’-]{1,20}\s+){1,3}(?:[a-z-]{2,15}\s+)?(?:club|church|team|league|"
    r"choir|congregation|crew|shop|store|bakery|diner|caf[eé]|salon|garage|pharmacy|laundromat|plant|mill|factory|"
    rf"firehouse|ranch|farm|pub|restaurant|market)\b|{_STALL})"
    # "Mrs. Petrakis in room 14", "Mr. Kowalski in 12B"
    r"|\s+in\s+(?:(?:room|bed|bay|unit|apt\.?|apartment|suite|#)\s*\d{1,4}[A-Z]?|\d{1,4}[A-Z])\b")
#: "8-year-old Jayden", "6 yo Mia": the age that goes with a child's name.
_AGE_BEFORE_NAME = compile_fast(r"\b\d{1,2}(?:[- ](?:years?|months?|weeks?)[- ]old|\s?y/?o)\s+$")


# "the Nguyen family", "Thank you, Martinez family!", "la familia Morales", "the Okonkwo baby": a household
# named by its surname (a team is not one: "the Westfield girls soccer team").
_FAMILY_MORE = re.compile(
    r"(?:\b[Tt]he\s+|,\s+|\b(?:[Tt]o|[Ff]or|[Tt]hanks|[Cc]ongrats|[Cc]ongratulations)\s+)"
    r"(?:(?i:two|three|four|five|six|both|all)\s+)?"
    r"([A-ZÁÉÍÓÚÑ][a-zà-öø-ÿ'’-]{1,25})\s+(?:family|families|kids|twins|triplets|quadruplets|household|boys|girls|"
    r"clan|crew|siblings|brothers|sisters|baby)\b"
    r"(?![\s-]+(?i:soccer|softball|basketball|volleyball|hockey|lacrosse|tennis|golf|swim|track|team|squad|varsity|"
    r"jv|league|club|choir|scouts|troop|bathroom|room|section))"
    r"(?!\s+(?i:medicine|practice|physicians?|doctors?|health|care|clinic|centers?|foundation|fun|day|night|event|"
    r"sells|sell|runs|run|owns|own|makes|bakes|grows|operates|farm|business|store|bakery|restaurant))"
    r"|\b(?i:la\s+)?(?i:familia)\s+([A-Z][a-zà-öø-ÿ'’-]{1,25})\b")
_FAMILY_WORDS = frozenset(
    ["family", "families", "kids", "twins", "triplets", "quadruplets", "household", "boys", "girls", "clan", "crew",
     "familia", "siblings", "brothers", "sisters", "baby"])
_HAS_DIGIT = compile_fast(r"\d")
_THREE_DIGITS = compile_fast(r"\d{3}")
_OLD_NUMBER = compile_fast(r"(?<!\d)(?:9\d|1[01]\d)(?!\d)")
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
# A job a town knows one person by, where it is done: "drives the ice cream truck on Delmar", "the guy who runs
# the taco truck on 5th St", "drove the Route 4 school bus", "driving the 14 bus for 40 years" (a unique
# characteristic, 45 CFR 164.514(b)(2)(i)(R)). The place or the years are what single the person out.
_JOB_VERBS = ("drives", "drove", "driving", "driven", "runs", "ran", "running", "owns", "owned", "owning", "sells",
              "sold", "selling")
_JOB_WORDS = frozenset(_JOB_VERBS)
_KNOWN_JOB = compile_fast(
    rf"\b(?i:{'|'.join(_JOB_VERBS)})\s+"
    r"the\s+(?P<what>(?:[\w'’-]{1,20}\s+){0,3}?)(?i:truck|bus|cab|taxi|cart|stand|shop|bakery|diner|booth|grill|store|caf[eé]|"
    r"salon|branch|counter|garage)\b"
    r"(?P<where>\s+(?i:on|at|in|outside|near|along|behind|by|down\s+on)\s+(?:the\s+)?(?:\d{1,4}(?:st|nd|rd|th)?\s+)?"
    r"[A-Z][\w'’-]{0,25}(?:\s+[A-Z][\w'’-]{0,25}){0,3}"
    r"|\s+for\s+(?:\d{1,2}|two|three|four|five|six|seven|eight|nine|ten|twenty|thirty|forty|fifty)\s+"
    r"(?:years|decades))?")
#: Whose job it is, read leftwards from the verb (a leading optional group would make the scan try every offset).
_KNOWN_JOB_WHO = compile_fast(
    r"\b[Tt]he\s+(?:(?i:guy|man|woman|lady|gal|fella|retired)\s+)?(?:[a-z-]{3,20}\s+)?who\s+$")
#: "we run the booth at the County Fair", "our team drove the mobile van": the practice's own work.
_OWN_WORK_LEFT = _ci(r"\b(?:we|i|our|us|team|staff|dr|doctor|nurses?|clinic|practice|volunteers?)\b[^.!?\n]{0,25}$")
# One classroom at a named school is one child's: "room 12 at jefferson elementary", "rm 4B at Lincoln Middle".
_CLASSROOM = _ci(
    r"\b(?:room|rm\.?|classroom)\s+\d{1,3}[a-z]?\s+(?:at|in|of)\s+(?:the\s+)?(?:[\w'’.-]{2,20}\s+){1,3}?"
    r"(?:elementary|middle|high|academy|preschool|pre-k|daycare|montessori|school)\b"
    # "Carter in Ms. Lin's class", "from Mrs. Harper's first grade class": the one class a child is in
    r"|(?:(?<=\bfrom\s)|(?<=\bin\s))(?:mrs|mr|ms|miss|mx)\.?\s+[a-z][\w'’-]{1,20}['’]s\s+(?:[\w-]+\s+){0,3}?class(?:room)?\b")
_CLASSROOM_WORDS = frozenset(["room", "rm", "classroom", "class"])
_UNIQUE_WORDS = frozenset(["oldest", "youngest", "first", "only", "last", "longest", "longeststanding"])
_GREETING_WORDS = frozenset(
    [
        "hi", "hello", "hey", "dear", "morning", "sorry", "congrats", "congratulations", "shout", "shoutout",
        "kudos", "happy", "welcome", "thanks", "thank", "thx", "get", "proud", "way", "love", "listen",
        "honestly",
        "miss", "great", "good", "well", "hang", "luck", "wishes", "prayers", "praying", "sending", "meet",
        "ya", "better", "hugs", "cheers", "outs", "anytime", "aw", "aww", "awww", "awwww", "awwwww", "yay", "omg",
        "problem", "course"
    ]
)
_TITLE_WORDS = frozenset(["mr", "mrs", "ms", "miss", "mx", "sra", "srta", "señora", "señorita", "señor", "doña"])
_LITTLE_WORDS = frozenset(["little", "old"])
_TIME_AFTER = _ci(r"^\s*(?:a\.?m\.?|p\.?m\.?|o'?clock|hours|hrs|minutes|days|weeks)\b")
_RANGE_BEFORE = _ci(r"\bbetween\s+$")
_RANGE_FROM = _ci(r"\bfrom\s+$")
_RANGE_AFTER = _ci(r"^\s*(?:-|–|to|until|till|through|and)\b")
#: A second date closing a span of days: a schedule ("Dec. 24 through Jan. 1"), not one person's day.
_DATE_RANGE_AFTER = _ci(rf"^\s*(?:-|–|to|until|till|through|thru)\s*(?:{_MONTH}\.?\s+\d|\d{{1,2}}/\d)")
_YOUR_HIS_HER = _ci(r"\b(?:your|his|her)\b")
_LITTLE_NAME = _ci(r"\b(?:little|\d{1,2}[- ](?:year|month)[- ]old)\s+([a-z][a-z-]{2,20})\b")
_PERSONAL = _ci(r"\b(?:your|his|her|their|he|she|him|DOB|born|birthday)\b")


def _overlaps(spans: list[Span], start: int, end: int) -> bool:
    """Whether ``start``..``end`` overlaps a span already found."""
    return any(s < end and start < e for s, e in spans)


def _inside(spans: list[Span], position: int) -> bool:
    """Whether ``position`` falls within a span already found (a later detector leaves that place alone)."""
    return any(s <= position < e for s, e in spans)


def _at_sentence_start(text: str, start: int) -> bool:
    """Whether only spaces, emoji, quotes or bullets stand between ``start`` and a sentence break."""
    i = start
    lowest = max(0, start - 14)
    while i > lowest and not (text[i - 1].isalnum() or text[i - 1] in ".!?:\n…,;"):
        i -= 1
    return i == 0 or text[i - 1] in ".!?:\n…"


def _talks_about_person(analysis: Analysis, lexicons: Lexicons) -> bool:
    """Whether the draft is about someone's health or care (computed once per check).

    A post must talk about care itself. A reply counts when it, or the first-person comment it answers,
    is about care or the service ("waited an hour", "my refill"); a comeback to a comment that never
    touches anyone's health ("Doctors are all shills") names a commenter, not a patient.
    """
    cached = analysis.__dict__.get("_phi_care")
    if cached is None:
        lower = analysis.lower
        if _CARE_CONTEXT.search(lower) or not analysis.words.isdisjoint(_care_words(lexicons)) or (
                not analysis.words.isdisjoint(_health_words(lexicons))):
            cached = True  # "cut your metformin in half": a drug or a condition is care too
        elif analysis.request.kind != "reply":
            cached = False
        elif _SERVICE_CONTEXT.search(lower) or any(span.kind == "staff" for span in analysis.masked_spans):
            cached = True  # "Dr. Reed adores Liam and Noah": one of the staff, in a reply, is the practice's care
        else:
            comment = analysis.reply.lower()
            cached = not comment.strip() or bool(
                _CARE_CONTEXT.search(comment) or _SERVICE_CONTEXT.search(comment)
                or not _care_words(lexicons).isdisjoint(_COMMENT_WORD.findall(comment)))
        analysis.__dict__["_phi_care"] = cached
    return cached


def _health_words(lexicons: Lexicons) -> frozenset[str]:
    """Single-word drug and condition names from the shared lexicons (built once per lexicon set)."""
    key = id(lexicons)
    cached = _HEALTH_WORDS.get(key)
    if cached is None:
        words = (w.lower() for name in ("drugs", "conditions") for w in lexicons.named.get(name, ()))
        cached = _HEALTH_WORDS[key] = frozenset(w for w in words if w.isalpha())
    return cached


_HEALTH_WORDS: dict[int, frozenset[str]] = {}
_COMMENT_WORD = compile_fast(r"[a-z][a-z0-9-]*")
_CARE_WORDS: dict[int, frozenset[str]] = {}
_NOT_NAMES_EXTRA = frozenset(["better", "soon", "again", "today", "too"])


def _care_words(lexicons: Lexicons) -> frozenset[str]:
    """Single words of care, treatment and illness (``phi_care_words``): a draft using one is about health."""
    key = id(lexicons)
    cached = _CARE_WORDS.get(key)
    if cached is None:
        cached = _CARE_WORDS[key] = frozenset(w.lower() for w in lexicons.named.get("phi_care_words", ()))
    return cached


_CALENDAR_WORD = _ci(rf"{_WEEKDAY}|{_FULL_MONTH}|today|tonight|tomorrow|yesterday")
_ABBREVIATION_DOT = compile_fast(r"\b(st|dr|mr|mrs|ms|mt|ft|jr|sr)\.")
#: The dots of "a.m." and "p.m.", which would otherwise end the window a date's tie is read from ("born at 6:14
#: a.m. on Sept. 9"); replaced by spaces, so offsets in the window stay put.
_CLOCK_DOTS = compile_fast(r"\b([ap])\.m\.")


def _undotted(left: str) -> str:
    """``left`` with the full stops of abbreviations that end no sentence ("Dr.", "a.m.") made spaces."""
    left = _ABBREVIATION_DOT.sub(r"\1 ", left)
    return _CLOCK_DOTS.sub(r"\1m  ", left) if ".m." in left else left


_EVENT_CARE_LEFT = _ci(r"\b(?:physicals|shots|vaccines|vaccinations|screenings|exams|check-?ups|clinics|classes)\b"
                      r"[^.!?\n]{0,30}$")
_FALLS_ON = _ci(r"\bfalls\s+on\s+(?:the\s+)?$|\b(?:fall|falls|spring|springs)\s+(?:back|forward|ahead)\s+(?:on\s+)?$")
_A_PATIENT = _ci(r"\b(?:a|my|our|the)\s+(?:(?:young|elderly|older|sweet|new)\s+)?patient\b(?!s)")
_PAST_DAY = _ci(r"(?:last|this\s+past)\s")


def _past_care(analysis: Analysis, lexicons: Lexicons, start: int) -> bool:
    """"after his stent last Tuesday", "your knee x-rays from last March": a past day in a sentence about
    someone's health is the day of their care (a weekday alone is not, "last" makes it one date)."""
    s_start, sentence = analysis.sentence_lower(start)
    before = sentence[: start - s_start]  # "last Thursday night" itself is no sign of an event
    if not _SOMEONE.search(sentence) or _PAST_EVENT.search(before):
        return False
    words = set(_COMMENT_WORD.findall(sentence))
    return bool(_CARE_CONTEXT.search(sentence)) or not (words.isdisjoint(_care_words(lexicons))
                                                        and words.isdisjoint(_health_words(lexicons)))


#: The practice's own calendar before a past day ("Last Tuesday our flu clinic was packed").
_PAST_EVENT = _ci(r"\b(?:closed|open|opened|hours|clinic|class|event|fair|hosted|held|screenings?|drive|webinar|"
                  r"workshop|holiday|team|staff)\b")
_SOMEONE = _ci(r"\b(?:your|ur|his|her|their|he|she|him|who|i\s+saw|we\s+saw|mr|mrs|ms|miss)\b")


_PART_OF_DAY = compile_fast(r"\s+(?:morning|afternoon|evening|night)\b")
#: "we saw the night of July 12": the day named twice, not an evening event.
_DAY_OF_LEFT = _ci(r"\bthe\s+(?:night|day|morning|evening|afternoon)\s+of\s+$")


def _tied_to_person(analysis: Analysis, start: int, end: int) -> bool:
    text = analysis.lower
    left = _undotted(text[max(0, start - 45) : start])
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
    if _PERSON_TIE.search(left) or _PERSON_TIE_RIGHT.match(right):
        return True
    if _A_PATIENT.search(left[-30:] + right):
        return True  # "on the 4th of January, I sat with a patient through her last night"
    s_start, sentence = analysis.sentence_lower(start)
    if _POSSESSIVE_CARE.search(sentence):
        local = sentence[max(0, start - s_start - 60) : end - s_start + 60]
        return not _EVENT.search(local) or bool(_YOUR_HIS_HER.search(local))
    return False


_TIME = r"(?:[01]?\d)(?::[0-5]\d)?\s?(?:a\.?m\.?|p\.?m\.?)"
# A weekday or a clock time alone: the day or time of one person's visit only when the sentence is about
# that person ("moved you to Monday 10am", "we saw him Tuesday"), never "open Monday 8 am".
_WEAK_DATE = _ci(rf"(?:{_WEEKDAY}(?:\s+(?:at\s+)?{_TIME})?|{_TIME}(?:\s+(?:on\s+)?{_WEEKDAY})?)")
_RANGE_LEFT = _ci(r"(?:\d|m\.?|noon|day)\s*(?:to|-|–|until|till|and|through)\s*$")
_WEAK_TIE = _ci(
    r"\b(?:him|her|his|she|he|i\s+saw|we\s+saw|saw\s+(?:him|her|them)|my\s+patient|our\s+patient|the\s+patient)\b")
#: Beside an injury or a visit, a weekday is also tied by a person described rather than named: "the gentleman
#: who collapsed Saturday", "pulled 11-year-old Sophie out of a rip current on Monday".
_DESCRIBED_TIE = _ci(r"\b(?:who|\d{1,2}-(?:year|month|week)-old)\b")
_WEAK_TIE_REPLY = _ci(r"\b(?:you|your|him|her|his|she|he)\b")
_WEAK_CARE = _ci(
    rf"\b(?:{_CARE_NOUN}|saw|seen|see|moved|rescheduled|booked|scheduled|came\s+in|come\s+in|stopped\s+by|"
    r"admitted|discharged|born|delivered|died|passed|diagnosed|treated|vaccinated)\b")


#: What happened to one person on a weekday, said right beside it: an injury, a treatment, a result, a visit.
_DAY_CARE_NEAR = _ci(
    r"\b(?:see|saw|seen)\s+(?:him|her)\b|\b(?:came|stopped|walked|limped)\s+(?:\w+\s+)?in\b|\b(?:glued|stitched|"
    r"patched|splinted|casted|treated|examined|broke|breaking|fell|injured|crashed|missed|showed\s+up|stepped\s+on|"
    r"bitten|admitted|discharged|born|delivered|passed\s+away|died|labs\s+from|results\s+from|came\s+out|"
    r"went\s+into|collapsed|fainted|passed\s+out|pulled|rescued|struck|stung|nipped|sliced|burned|drowned|"
    r"overdosed)\b")


#: A clock time right after a weekday ("Thursday at 10:30"): a booked hour, not the day the office is open.
_CLOCK_AFTER_DAY = compile_fast(r",?\s+(?:at\s+|@\s*)?(?:[01]?\d|2[0-3]):[0-5]\d")


def _weak_tied(analysis: Analysis, start: int, end: int) -> bool:
    lower = analysis.lower
    left = lower[max(0, start - 45) : start]
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
        return bool((tie.search(sentence) or _DESCRIBED_TIE.search(sentence)) and _DAY_CARE_NEAR.search(near)
                    and not _EVENT.search(near))
    return bool(tie.search(sentence) and _WEAK_CARE.search(sentence))


def detect_dates(analysis: Analysis, lexicons: Lexicons, params: Mapping[str, Any]) -> list[Span]:
    """Dates (any element but the year) of a person's birth, visit, procedure, admission or death."""
    spans: list[Span] = []
    digits = _HAS_DIGIT.search(analysis.lower) is not None
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
            if (_HOLIDAY_TIE.search(left) or _HOLIDAY_TIE_RIGHT.match(analysis.lower, match.end())) and not _inside(
                    spans, match.start(1)):
                birth = _BIRTH_LEFT.search(left)  # "born 2 lbs 3 oz at Memorial on New Year's Day": the whole detail
                spans.append((match.start() - len(left) + birth.start() if birth else match.start(1), match.end(1)))
    if not analysis.words.isdisjoint(DAY_WORDS):
        for match in islice(_BOUND_DAY.finditer(analysis.lower), MAX_SPANS):
            group = next(g for g in (1, 2, 3) if match.group(g))
            s_start, sentence = analysis.sentence_lower(match.start())
            if _OWN_FAMILY_NEAR.search(sentence[: match.start() - s_start]):
                continue  # "My grandma turns 100 on Sunday": the author's own family
            if not _inside(spans, match.start(group)):
                spans.append(match.span(group))
    if digits and (":" in analysis.lower or "m" in analysis.lower):
        lower = analysis.lower
        for match in islice(_CLOCK_TIME.finditer(lower), MAX_SPANS):
            start, end = match.span()
            cue = _BOUND_TIME_LEFT.search(lower[max(0, start - 60) : start])
            if not cue or _inside(spans, start):
                continue
            if cue.group().lstrip().startswith("arrive") and not _POSSESSIVE_CARE.search(
                    analysis.sentence_lower(start)[1]):
                continue  # "arrive by 7:30" is a person's time only on the day of their own procedure
            if cue.group().lstrip().startswith("the") and not _THE_TIME_RIGHT.match(lower, end):
                continue  # "the 3:00 slot" is an opening; "the 2:15 on thurs" is whoever holds it
            owned = cue.group().rstrip().endswith(("'s", "’s")) or cue.group().lstrip().startswith(
                ("your", "his", "her", "their", "my", "ur", "a "))
            if owned and not (_BOUND_TIME_RIGHT.match(lower, end)
                              or (cue.group().lstrip().startswith("my") and _MY_TIME_RIGHT.match(lower, end))):
                continue  # "your 10:40" needs what it is: "your 10:40 slot"; "sorry to my 8:30," is a patient
            day = _DAY_AT_LEFT.search(lower, max(0, start - 25), start)  # "last night at 3 a.m.": one moment
            spans.append((day.start() if day else start, end))
    if "m" in analysis.lower:
        for match in islice(_TIME_SLOT_PERSON.finditer(analysis.lower), MAX_SPANS):
            if not _inside(spans, match.start()):
                spans.append(match.span())
    if not analysis.words.isdisjoint(_POSSESSIVES):
        # "your 8/19 mole removal", "her recheck on March 3": a date that belongs to one person's care
        for match in islice(_POSSESSED_DATE.finditer(analysis.lower), MAX_SPANS):
            group = 1 if match.group(1) else 2
            if not _inside(spans, match.start(group)):
                spans.append(match.span(group))
    if analysis.request.kind == "reply" and digits:
        _reply_dates(analysis, spans)
    if not analysis.words.isdisjoint(DAY_WORDS):
        _days_of_care(analysis, spans)
        for match in islice(_DAY_AFTER_CARE.finditer(analysis.lower), MAX_SPANS):
            if not _overlaps(spans, *match.span()):
                spans.append(match.span())
    if digits and spans:
        _with_times(analysis.text, spans)
        if "/10" in analysis.lower:  # "if the pain stays under a 3/10": a pain score, not March 10
            spans = [(s, e) for s, e in spans if not _pain_score(analysis.lower, s, e)]
    return _joined(analysis.text, spans) if len(spans) > 1 else spans


# A person's visit, day and hour: "see him Thursday at 10". (A weekday alone is too vague: "your physical on
# Monday" is left alone, as the reviewers of the labeled drafts left it.)
_SEE_ON_DAY = _ci(
    rf"\bsee\s+(you|him|her|them)\s+(?:on\s+)?({_WEEKDAY}\s+at\s+"
    r"(?:[01]?\d|2[0-3])(?::[0-5]\d)?(?:\s?[ap]\.?m\.?)?)(?![\w:/])")
# "the monday after his tonsils came out", "the Friday after he got his cast off": a day fixed by one
# person's treatment.
_DAY_AFTER_CARE = _ci(
    rf"\bthe\s+{_WEEKDAY}\s+(?:after|before)\s+(?:his|her|their|he|she|they)\s+"
    r"[^.!?,;\n]{0,30}?(?:came\s+(?:out|off)|(?:got|had)\s+(?:\w+\s+){0,2}?(?:out|off|removed|done|placed)|surgery|"
    r"procedure|operation|appointment|visit|infusion|biopsy|shots?|discharge|delivery)\b")
_SEE_EVENT = _ci(r"\b(?:fair|class|clinic|event|join\s+us|open|closed|drive|webinar|workshop|screenings?|camp|party|"
                 r"festival|walk|run|race|game|booth|tent|parade|park|path|trail|hike|everyone)\b")
#: A score out of ten, not a date, unless a visit follows it ("the 10/10 appointment").
_PAIN_SCALE = _ci(r"\b(?:a|an|the|under|over|below|above|rated?|about|around|maybe|"
                  r"pain(?:\s+(?:is|was|at|of|level|score))?)\s+\d{1,2}/10(?![\d/])"
                  rf"(?!\s+(?:[\w-]{{1,15}}\s+)?{_CARE_NOUN}\b)")


def _pain_score(lower: str, start: int, end: int) -> bool:
    """Whether the date at ``start``..``end`` is a score out of ten ("under a 3/10", "thanks for the 10/10")."""
    found = _PAIN_SCALE.search(lower, max(0, start - 12), end + 40)  # the words after it are read too
    return found is not None and found.start() < end


_WEEKDAY_BEFORE = _ci(rf"\b{_DAY_WORD}\.?,?\s+$")
_ON_WEEKDAY_AFTER = compile_fast(
    rf"(?i:(?:\s+(?:slot|spot|appointment|appt|visit))?,?\s+(?:on\s+|last\s+|this\s+(?:past\s+)?)?{_WEEKDAY})\b")
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
        if not _inside(spans, match.start(2)):
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


# In a reply, a calendar date is almost always the date of something that happened to the person
# answered or their family ("mailed to you on 10/2", "the charge on 9/30", "see you both on the 12th"):
# across the labeled corpora, 58 of 69 dates in replies were identifiers, and the 11 others announced a
# closure, hours or an event. A weekday before it and a clock time after it are part of the date.
_REPLY_DATE = compile_fast(
    r"(?:\b(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|Mon|Tues?|Wed|Thu|Thurs?|Fri|Sat|Sun)\.?,?\s+)?"
    r"(?:(?<![\d/.-])(?:1[0-2]|0?[1-9])/(?:[12]\d|3[01]|0?[1-9])(?:/(?:\d{4}|\d{2}))?(?![\d/%])"
    r"|\b(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|"
    r"Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?\s+(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?\b(?!\s*(?:%|-|–))"
    r"|\bthe\s+(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)\b(?!\s+(?:floor|grade|shift|st|street|ave|avenue|round|dose|"
    r"try|time|place|baby|child|kid|half|quarter|period|trimester|week|month|year|day|of\s+(?:the|these|those|them|us|our|my)\b))"
    r"|(?<![\w/-])(?:19|20)\d\d-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])(?![\w/-]))"
    r"(?:,?\s+(?:at\s+)?(?:[01]?\d|2[0-3])(?::[0-5]\d)(?:\s?[ap]\.?m\.?)?|,?\s+at\s+\d{1,2}\s?[ap]\.?m\.?)?")
# The practice's calendar, not a person's: "closed Friday, July 4", "screening is Saturday, March 8 from 9
# to noon", "requests in by noon on Dec. 23 will be processed".
_REPLY_DATE_NOT = _ci(
    r"\b(?:closed?|closing|closure|reopens?|reopening|open|holidays?|hours|screenings?|events?|clinic|walk-?ins?|"
    r"fair|deadline|noon|processed|starting|starts|begins?|until|through|every|each|join\s+us|sign\s+up|"
    r"register|class|webinar|workshop|group|meeting|meets|circle|physicals|vaccines|clinics|retire\w*|last\s+day|"
    r"party|5k|fun\s+run|sign\s+(?:her|his|their|the)\s+card|on\s+the\s+course|"
    r"next\s+(?:one|class|session|meeting|workshop|group|event|talk|walk|screening)|"
    r"info(?:rmation(?:al)?)?\s+(?:night|session|evening)|open\s+house|orientation|seminar|lecture|town\s+hall)\b")
_RANGE_NEXT = _ci(r",?\s*(?:from\s+)?\d{1,2}(?::\d\d)?\s*(?:a\.?m\.?|p\.?m\.?)?\s*(?:to|-|–|until)\s*(?:\d|noon)")


def _reply_dates(analysis: Analysis, spans: list[Span]) -> None:
    """Calendar dates in a reply, unless the sentence is about the practice's calendar (see _REPLY_DATE)."""
    text = analysis.text
    for match in islice(_REPLY_DATE.finditer(text), MAX_SPANS):
        start, end = match.span()
        if _overlaps(spans, start, end) or _RANGE_NEXT.match(text, end):
            continue
        _, sentence = analysis.sentence_lower(start)
        if not _REPLY_DATE_NOT.search(sentence):
            spans.append((start, end))


_POSSESSIVES = frozenset(["your", "ur", "his", "her", "their"])
_CARE_EVENT = (r"(?:appointment|appt|visit|recheck|re-check|follow-?up|surgery|procedure|removal|biopsy|check-?up|"
               r"physical|cleaning|infusion|injection|shot|scan|x-?ray|mri|ultrasound|labs?|bloodwork|consult|"
               r"session|delivery|c-section|induction|colonoscopy|mammogram|post-?op|pre-?op|op|check|stitches\s+out)")
# A date element (a weekday alone is not one: "your physical on Monday" names no date).
_DAY_OR_DATE = (rf"(?:\d{{1,2}}/\d{{1,2}}(?:/\d{{2,4}})?|{_MONTH}\.?\s+\d{{1,2}}(?:st|nd|rd|th)?"
                rf"|{_WEEKDAY}\s+(?:[01]?\d|2[0-3]):[0-5]\d(?:\s?[ap]\.?m\.?)?)")
_OWNER = f"(?:{'|'.join(sorted(_POSSESSIVES))})"
_POSSESSED_DATE = _ci(
    rf"\b{_OWNER}\s+({_DAY_OR_DATE}|{_FULL_MONTH}|{_WEEKDAY})\s+(?:[\w-]{{1,15}}\s+){{0,2}}?{_CARE_EVENT}\b"
    rf"|\b{_OWNER}\s+(?:[\w-]{{1,15}}\s+){{0,1}}?{_CARE_EVENT}\s+"
    # "your appointment with Dr. Patel on Monday": with whom, then when
    rf"(?:with\s+(?:(?:dr\.?\s+|nurse\s+)?[\w'’-]{{2,20}}|•+)\s+)?"
    rf"(?:is\s+|on\s+|this\s+|next\s+|set\s+for\s+|scheduled\s+for\s+){{0,2}}({_DAY_OR_DATE})(?![\w/])")


# "born ... on New Year's Day", "delivered on Christmas Eve": a holiday is a date of birth or care.
_HOLIDAY_DATE = compile_fast(
    r"\b(?i:on|over|since)\s+((?:New\s+Year['’]s\s+(?:Day|Eve)|Christmas(?:\s+(?:Day|Eve|morning))?|Thanksgiving(?:\s+Day)?|"
    r"Halloween|Valentine['’]s\s+Day|Easter(?:\s+Sunday)?|Independence\s+Day|the\s+Fourth\s+of\s+July|July\s+4th|"
    r"Mother['’]s\s+Day|Father['’]s\s+Day|Labor\s+Day|Memorial\s+Day)\b)")
_HOLIDAY_WORDS = frozenset(["year's", "christmas", "thanksgiving", "halloween", "valentine's", "easter", "independence",
                            "fourth", "4th", "mother's", "father's", "labor", "memorial", "year’s", "valentine’s"])
_HOLIDAY_TIE_RIGHT = _ci(
    r"[^.!?\n]{0,30}?\b(?:(?:she|he|they)\s+(?:delivered|gave\s+birth|was\s+admitted|passed\s+away|died|"
    r"had\s+(?:her|his|their)\s+(?:baby|surgery|stroke|heart\s+attack))|(?:was|were)\s+born)\b")
_BIRTH_LEFT = _ci(r"\b(?:born|delivered|arrived|passed\s+away|died)\b[^.!?\n,;]{0,45}$")
_HOLIDAY_TIE = _ci(
    r"\b(?:born|delivered|arrived|admitted|discharged|died|passed\s+away|diagnosed|surgery|operated|came\s+home|"
    r"broke|fell|injured|rushed|hospitali[sz]ed|seen|saw|treated|flown|airlifted|life-?flighted|lbs|pounds|sober|"
    r"intake)\b[^.!?\n]{0,50}$")
# "my 11am today", "ur 3pm botox client": a person referred to by their appointment time.
_TIME_SLOT_PERSON = _ci(
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
_BOUND_DAY = _ci(
    rf"\b(?:(?:your|his|her|their|ur|the)\s+(?:[\w-]{{1,20}}\s+){{0,2}}?(?:{_CARE_NOUN}|re-?check|recheck)"
    rf"\s+(?:is\s+|was\s+)?|\w{{2,20}}['’]s?\s+(?:[\w-]{{1,20}}\s+){{0,2}}?(?:{_CARE_NOUN}|re-?check|recheck)"
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
    rf"(?=\s+(?:for|at)\s+(?:your|his|her|the|their)\s+(?:[\w-]{{1,20}}\s+)?(?:{_CARE_NOUN}|re-?check)\b"
    rf"|\s+to\s+(?:take|get)\s+(?:them|the\s+stitches|the\s+cast|it)\s+(?:out|off)\b"
    rf"|\s+for\s+(?:suture|stitch(?:es)?|staples?|cast)\s+(?:removal|check)\b)")
# Found clock first (a digit is rare, a word boundary is everywhere), then the words around it are read.
_CLOCK_TIME = _ci(rf"(?<![\w:/.$-]){_CLOCK}(?![\w:/])")
_BOUND_TIME_LEFT = _ci(
    r"(?:\b(?:checked\s+in|signed\s+in|roomed|arrived|showed\s+up|rolled?\s+in|called\s+in|seen|came\s+in|"
    r"walked\s+in|got\s+here)\s+at|\b(?:in\s+a\s+room|roomed|seen|called\s+back)\s+by|\bborn\s+(?:[\w,/]+\s+){0,3}at"
    # a named baby's arrival ("made his grand entrance at 4:12 a.m."; a delivery alone, "delivered twins at 3am
    # for a mom I've followed", is left alone, as the labeled drafts leave it)
    r"|\b(?:entrance|came\s+into\s+the\s+world)\s+(?:[\w,/]+\s+){0,5}?at"
    r"|\b(?:moved|rescheduled|switched|bumped)\s+(?:[\w'’-]+\s+){0,2}?(?:from\s+\d{1,2}:\d\d\s+to|from|to)"
    r"|\barrive\s+(?:by|at)|\b(?:late|early|here|ready|on\s+time)\s+for\s+(?:his|her|your|their|ur)"
    r"|\b(?:your|his|her|their|my|ur|a|the)|\b\w{2,20}['’]s|\b\w{2,20}s['’])\s+$")
_DAY_AT_LEFT = _ci(rf"\b(?:{_REL_DAY}|today|{_WEEKDAY})\s+at\s+$")
_BOUND_TIME_RIGHT = _ci(
    rf"\s+(?:(?:[\w-]{{1,20}}\s+)?(?:slot|no-?show|placement|{_CARE_NOUN})|(?:w/|with)\s+(?:dr\.?|doctor|our)\b"
    rf"|(?:today|yesterday|this\s+(?:morning|afternoon)|on\s+{_DAY_WORD}))\b")
_THE_TIME_RIGHT = _ci(
    rf"\s+(?:(?:[\w-]{{1,20}}\s+)?(?:{_CARE_NOUN})\s+)?(?:today|yesterday|this\s+(?:morning|afternoon)|"
    rf"(?:on|last)\s+{_DAY_WORD})\b")
# "so sorry to my 8:30, I'm running late": the clinician's patient booked at that time.
_MY_TIME_RIGHT = _ci(r"\s*(?:[,;!]|\.(?:\s|$)|$|\s+(?:is|was|just|called|cancell?ed|no-?showed)\b)")


# "Thursday's appointment": one person's appointment on a given day.
_DAY_APPOINTMENT = _ci(rf"^{_WEEKDAY}'s\s+")
_REL_DAY_ANY = _ci(r"\b(?:tomorrow|yesterday|tonight|last\s+night)\b")
# A sentence about one person's own care: "...tomorrow to check your dad's wound dressing".
_OWN_CARE_REPLY = _ci(
    r"\b(?:your|his|her|their)\s+(?:[\w'’-]{1,20}\s+){0,2}?(?:appointment|appt|visit|surgery|procedure|wound|"
    r"dressing|results?|labs?|biopsy|follow-?up|stitches|cast|meds|medications?|prescription|refill|referral|tests?|"
    r"scan|mri|x-?ray|infusion|physical|exam|check-?up|delivery|induction|c-section|discharge|bloodwork|"
    r"blood\s+work|colonoscopy|mammogram|consult(?:ation)?|home\s+visit)\b")
_OWN_CARE_POST = _ci(
    r"\b(?:his|her|their)\s+(?:[\w'’-]{1,20}\s+){0,2}?(?:appointment|appt|visit|surgery|procedure|wound|"
    r"results?|labs?|biopsy|follow-?up|stitches|cast|infusion|delivery|induction|c-section|discharge|transplant|"
    r"chemo|scan|mri)\b|\b(?:icu|nicu|hospital|hospice|er)\b")
_CAP_MONTH = compile_fast(
    r"\b(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|"
    r"Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec"
    # typed in lower case ("his heart attack in march"): the whole name, and never "may", an everyday word
    r"|january|february|march|april|june|july|august|september|october|november|december)\b\.?")
_MONTH_PREP_LEFT = _ci(
    r"(?:\b(?:in|since|by|until|till|from|through|last|next|early|late|mid|back\s+in)[\s-]+|\(\s*"
    r"|\b(?:(?:first|second|third|last|early|late)\s+)?(?:week|weekend|end|middle|start|beginning|part)\s+of\s+)$")
# A care event within a few words before the month: "crutches in March", "recheck your TSH in April",
# "before (Feb)".
_MONTH_TIE_LEFT = _ci(
    r"\b(?:crutches|cast|surgery|surgeries|operation|diagnosed|diagnosis|born|delivered|admitted|discharged|"
    r"started|began|recheck|re-check|retest|follow[- ]?up|before|after|due|hospitali[sz]ed|transplant|chemo|"
    r"rehab|injury|injured|broke|broken|fracture|fractured|sprained|torn|fell|accident|stroke|heart\s+attack|biopsy|"
    r"treatment|arriv(?:ed|ing)|lost|passed|intake|"
    r"died|(?:your|his|her|their|first)\s+(?:[\w-]{1,15}\s+){0,2}?(?:visit|session|appointment|appt|check-?up|"
    r"med\s+check|fall|accident|injury|stroke|diagnosis|surgery))\b[^.!?\n]{0,25}$")
# ...or just after it, when the month opens the clause: "Last January I lost a patient", "In March she was
# diagnosed".
_MONTH_TIE_RIGHT = _ci(
    r"\.?(?:\s+\d{4})?,?\s+(?:(?:i|we|he|she|they|you)\s+)?(?:lost|passed|died|was\s+(?:diagnosed|admitted|"
    r"born|delivered|hospitali[sz]ed)|(?:got|was|were)\s+diagnosed|had\s+(?:his|her|their|your|a|the)\s+"
    r"(?:[\w-]+\s+)?(?:surgery|stroke|heart\s+attack|baby|fall|procedure|operation))\b")
_MONTH_PERSON = _ci(r"\b(?:he|she|his|her|him|their|they|[a-z]+['’]s)\b|@\w")
_MONTH_PERSON_REPLY = _ci(r"\b(?:you|your|you're|he|she|his|her|him|their|they|[a-z]+['’]s)\b|@\w")
# "turned 1 today", "happy 30th bday to our fave patient": a birthday, i.e. a date of birth.
_BIRTHDAY_TODAY = _ci(
    r"\b(?:turn(?:ed|s)|is\s+turning)\s+(?:\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten)\s+"
    r"(?:today|yesterday|tomorrow|this\s+(?:week|weekend|morning))\b"
    r"|\bhappy\s+\d{1,3}(?:st|nd|rd|th)\s+(?:birthday|bday|b-day)\b")
_BIRTHDAY_NOT_PERSON = _ci(
    r"^\s*(?:to\s+)?(?:us\b|•|our\s+(?:[\w-]+\s+)?(?:practice|clinic|office|team|location|building|business|blog|"
    r"podcast|website|company|foundation|program|app|page|group|center|centre)\b|(?:to\s+)?my\s+(?:[\w-]+\s+)?"
    r"(?:husband|wife|partner|son|daughter|kids?|mom|mother|dad|father|brother|sister|twins|baby|boy|girl|"
    r"hubby|bestie|best\s+friend|dog|cat|pup)"
    # "Happy 5th birthday to Biscuit, Luis's golden retriever": an animal, named in apposition
    r"|(?:to\s+)?[\w'’-]{1,20},\s+(?:[\w'’•-]+\s+){0,3}?(?:dog|pup|puppy|cat|kitty|kitten|retriever|lab|labrador|poodle|"
    r"doodle|terrier|beagle|spaniel|shepherd|corgi|dachshund|pet|mascot|horse|pony|bunny|rabbit|hamster|parrot|goldfish)\b)")


#: "My grandma June turns 91": the author's relative, named, right before an age.
_OWN_KIN_NAMED = _ci(
    r"\bmy\s+(?:[\w-]{1,15}\s+){0,2}?(?:husband|wife|partner|son|daughter|mom|mother|dad|father|brother|sister|"
    r"grandma|grandpa|grandmother|grandfather|granny|nana|aunt|uncle)\s+[a-z'’-]{2,20}\s+$")
_OWN_FAMILY_NEAR = _ci(
    r"\bmy\s+(?:[\w-]{1,15}\s+){0,2}?(?:husband|wife|partner|son|daughter|kids?|mom|mother|dad|father|brother|"
    r"sister|hubby|fianc[eé]e?|boyfriend|girlfriend|grandma|grandpa|grandmother|grandfather|twins|baby|bestie|"
    r"best\s+friend)\b")


# "born this morning", "passed away last night", "admitted yesterday": the day of one person's birth or care.
_EVENT_DAY = _ci(
    r"\b(?:(?:born|delivered|arrived|passed\s+away|died|admitted|discharged|diagnosed)\s+(?:[\w-]{1,15}\s+){0,3}?"
    # "To the gentleman who called this morning about his swollen ankle": the call singles the caller out
    r"|who\s+called\s+(?:us\s+|in\s+)?(?:at\s+\d{1,2}(?::\d\d)?\s?(?:a\.?m\.?|p\.?m\.?)?\s+)?)"
    r"((?:early\s+|late\s+)?this\s+(?:morning|afternoon|evening)|today|yesterday|last\s+night|tonight|overnight)\b")


# "strolled in last night at 8:58 p.m.", "limped into the walk-in tonight", "threw up at the walk-in Saturday at
# 10:40 p.m.": when one person arrived for care ("today" is left out: "so many kids came in today" is a busy day).
_ARRIVAL_DAY = _ci(
    r"\b(?:came\s+in|walked\s+in|strolled\s+in|limped\s+in(?:to)?|rolled\s+in|wheeled\s+in|showed\s+up|brought\s+in|"
    r"at\s+the\s+walk-?in)\s+(?:[\w-]{1,15}\s+){0,3}?"
    rf"((?:early\s+|late\s+)?this\s+(?:morning|afternoon|evening)|yesterday|last\s+night|tonight|overnight|"
    rf"(?:last\s+)?{_WEEKDAY}(?:\s+(?:night|morning|afternoon|evening))?)(?:\s+(?:at\s+)?{_CLOCK})?(?!\w)"
    r"(?!\s+(?:after|before)\b)")
#: The words one of which every match of _ARRIVAL_DAY contains.
_ARRIVAL_WORDS = frozenset(["came", "walked", "strolled", "limped", "rolled", "wheeled", "showed", "brought", "walk"])
_ONE_PERSON_WHO = _ci(r"\b(?:guy|gentleman|lady|man|woman|mom|dad|patient|kid|teen|girl|boy)\s+who\s+$")
_EVENT_DAY_WORDS = frozenset(["today", "overnight", "night"])
_GENERIC_LEFT = _ci(r"\b(?:babies|children|kids|people|anyone|everyone|those|patients|adults|women|men|many|most|who|"
                    r"if|when|whether)\s+(?:[\w-]{1,12}\s+)?$")


def _arrival_days(analysis: Analysis, spans: list[Span]) -> None:
    """The day and hour one person walked in ("strolled in last night at 8:58 p.m."), not a crowd's ("so
    many kids came in yesterday")."""
    for match in islice(_ARRIVAL_DAY.finditer(analysis.lower), MAX_SPANS):
        left = analysis.lower[max(0, match.start() - 25) : match.start()]
        if (not _GENERIC_LEFT.search(left) or _ONE_PERSON_WHO.search(left)) and not _inside(spans, match.start(1)):
            spans.append((match.start(1), match.end()))


def _relative_days(analysis: Analysis, spans: list[Span]) -> None:
    """"tomorrow", "yesterday", "last night" in a sentence about one person's own visit or treatment."""
    for match in islice(_EVENT_DAY.finditer(analysis.lower), MAX_SPANS):
        if _GENERIC_LEFT.search(analysis.lower[max(0, match.start() - 25) : match.start()]):
            continue  # "babies born today live longer": people in general
        if not _inside(spans, match.start(1)):
            spans.append(match.span(1))
    own = _OWN_CARE_REPLY if analysis.request.kind == "reply" else _OWN_CARE_POST
    for match in islice(_REL_DAY_ANY.finditer(analysis.lower), MAX_SPANS):
        if _inside(spans, match.start()):
            continue
        _, sentence = analysis.sentence_lower(match.start())
        if own.search(sentence) and not _EVENT.search(sentence):
            spans.append(match.span())


def _month_and_birthday_dates(analysis: Analysis, lexicons: Lexicons, spans: list[Span]) -> None:
    """A month alone tied to one person's care ("crutches in March", "recheck your TSH in April") and
    birthdays of a patient ("turned 1 today")."""
    text = analysis.text
    lower = analysis.lower
    person = _MONTH_PERSON_REPLY if analysis.request.kind == "reply" else _MONTH_PERSON
    if not analysis.words.isdisjoint(_DATE_WORDS):
        for match in islice(_CAP_MONTH.finditer(text), MAX_SPANS):
            start, end = match.span()
            if _inside(spans, start):
                continue
            left = lower[max(0, start - 60) : start]
            prep = _MONTH_PREP_LEFT.search(left)
            tie = _MONTH_TIE_LEFT.search(left[: prep.start()]) if prep else None
            if not prep or not (tie or _MONTH_TIE_RIGHT.match(lower, end)):
                continue
            _, sentence = analysis.sentence_lower(start)
            near = lower[max(0, start - 100) : end + 60]
            if (person.search(sentence) or person.search(near)) and not _EVENT.search(left[-30:]):
                # the span takes in the care event it dates ("crutches in March")
                first = start - len(left) + tie.start() if tie and len(left) - tie.start() <= 30 else start
                spans.append((first, end - 1 if len(match.group()) > 5 and match.group().endswith(".") else end))
    if ("today" in analysis.words or "happy" in analysis.words) and _talks_about_person(analysis, lexicons):
        for match in _BIRTHDAY_TODAY.finditer(lower):
            if not _BIRTHDAY_NOT_PERSON.match(lower[match.end() : match.end() + 60]) and not _OWN_FAMILY_NEAR.search(
                    lower[max(0, match.start() - 50) : match.start()]):
                spans.append(match.span())


_REL_WORDS = frozenset(["tomorrow", "yesterday", "tonight", "morning", "afternoon", "evening"])


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
    if _LOCAL_PHONE_CUE.search(analysis.lower):
        for match in islice(_LOCAL_PHONE.finditer(analysis.text), MAX_SPANS):
            left = analysis.lower[max(0, match.start() - 30) : match.start()]
            if _LOCAL_PHONE_LEFT.search(left) and not _inside(spans, match.start()):
                spans.append(match.span())
    return spans


# "call her at 555-0193": a seven-digit local number right after a call/text cue.
_LOCAL_PHONE_CUE = _ci(r"\b(?:call|calls|text|texts|reach|phone|cell|number|ring)\b")
_LOCAL_PHONE = compile_fast(r"(?<![\d(-])\d{3}[-.]\d{4}(?![\d-])")
_LOCAL_PHONE_LEFT = _ci(r"\b(?:call|text|reach|phone|cell|number|ring|at|is|on)\b[^.!?\n\d]{0,20}$")


def _email_spans(analysis: Analysis) -> list[Span]:
    """Where the draft's e-mail addresses are (found once per check: the e-mail, name and learned-span checks
    all ask)."""
    cached = analysis.__dict__.get("_phi_emails")
    if cached is None:
        text = analysis.text
        cached = [m.span() for m in islice(_emails(text), MAX_SPANS)] if "@" in text else []
        analysis.__dict__["_phi_emails"] = cached
    return cached


def _in_email(analysis: Analysis, offset: int) -> bool:
    return any(start <= offset < end for start, end in _email_spans(analysis))


def detect_emails(analysis: Analysis, lexicons: Lexicons, params: Mapping[str, Any]) -> list[Span]:
    """E-mail addresses other than the practice's own, organisational mailboxes (info@, hello@) and the
    author's own ("send it to my personal email, ..."): the author is staff, never the patient."""
    lower = analysis.lower
    return [
        (start, end) for start, end in _email_spans(analysis)
        if not _ORG_MAILBOX.match(lower[start:end])
        and not _OWN_EMAIL_LEFT.search(lower, max(0, start - 40), start)
        and not (start and lower[start - 1] == "•")  # "anika.p.home@...": a staff name in it, their own
    ]


#: What introduces the author's own address: "my (personal) email,", "email me at", "reach me directly at".
_OWN_EMAIL_LEFT = _ci(r"(?:\bmy\s+(?:own\s+|personal\s+|work\s+|direct\s+)?e-?mail(?:\s+address)?(?:\s+is)?|"
                      r"\b(?:e-?mail|reach|contact|message|write\s+to)\s+me\s+(?:directly\s+)?(?:at|@))\s*[,:]?\s*$")


def detect_addresses(analysis: Analysis, lexicons: Lexicons, params: Mapping[str, Any]) -> list[Span]:
    """Street addresses and ZIP codes (the practice's own address is masked before this runs)."""
    if not _HAS_DIGIT.search(analysis.text) and analysis.words.isdisjoint(_STREET_WORDS):
        return []
    text = analysis.text
    lower = analysis.lower
    spans: list[Span] = []
    for match in islice(_STREET.finditer(text), MAX_SPANS):
        if not _private_address(analysis, match.start(), match.end()):
            continue
        spans.append(match.span())
    for match in _ZIP.finditer(text):
        if not _inside(spans, match.start()) and _private_address(analysis, *match.span()):
            spans.append(match.span())
    if "zip" in analysis.words:
        for match in islice(_ANY_FIVE.finditer(text), MAX_SPANS):
            _, sentence = analysis.sentence_lower(match.start())
            if "zip" in sentence and not _overlaps(spans, *match.span()):
                spans.append(match.span())
    for match in islice(_STREET_LOWER.finditer(text), MAX_SPANS) if not text[:1].isupper() else ():
        if not _overlaps(spans, *match.span()) and _private_address(analysis, *match.span()):
            spans.append(match.span())  # "we mailed the letter to 412 birch ct": typed all in lower case
    for match in islice(_RURAL_ROUTE.finditer(text), MAX_SPANS):
        if _private_address(analysis, *match.span()):
            spans.append(match.span())
    if "room" in analysis.words and _talks_about_person(analysis, lexicons):
        for match in islice(_FACILITY_ROOM.finditer(text), MAX_SPANS):
            if not _overlaps(spans, *match.span()):
                spans.append(match.span())  # "Room 112 at Cedar Crest Manor": where one resident lives
    if _FIVE_DIGITS.search(text) and _BARE_ZIP.search(text) and _talks_about_person(analysis, lexicons):
        for match in _BARE_ZIP.finditer(text):
            if not _inside(spans, match.start(1)) and _private_address(analysis, *match.span(1)):
                spans.append(match.span(1))
    for match in _BARE_STREET.finditer(text):
        start, end = match.span(1)
        shop = _BUSINESS_LEFT.search(lower[max(0, match.start() - 30) : match.start()])
        if shop or _inside(spans, start):
            continue  # "the Walgreens on Monroe Street", "Kemper's Drug on Fifth Street": a shop, not a home
        _, sentence = analysis.sentence_lower(start)
        near = analysis.lower[max(0, start - 80) : end + 80]
        person = _PERSON_PRONOUN.search(sentence) or _PERSON_PRONOUN.search(near)
        if person and _private_address(analysis, start, end) and _talks_about_person(analysis, lexicons):
            spans.append((start, end))
            if match.group(2):
                spans.append(match.span(2))
    del lower
    return spans


_BUSINESS_LEFT = _ci(
    r"\b(?:walgreens|cvs|walmart|target|kroger|costco|pharmacy|drug|drugs|drugstore|store|shop|diner|cafe|café|"
    r"restaurant|bank|church|library|school|bakery|market|station|office|clinic|hospital|grill|hardware|salon|gym|"
    r"post\s+office|co-?op|[a-z]+['’]s)\s+$")


def _private_address(analysis: Analysis, start: int, end: int) -> bool:
    """Whether an address belongs to a person rather than to a public place or an event.

    "Free flu shots at the Eastside Library (2200 Cedar Ave.) this Thursday" names a venue; "a meal for
    the Petrovs at 418 Birch Court" and "we mailed it to 87 Linden Street" name where someone lives.
    """
    lower = analysis.lower
    left = lower[max(0, start - 50) : start]
    right = lower[end : end + 40]
    _, sentence = analysis.sentence_lower(start)
    if _YOUR_HIS_HER.search(left[-25:]) or _PRIVATE_CUE.search(sentence):
        return True
    return not (_PUBLIC_PLACE.search(left) or _EVENT_RIGHT.search(right) or _PUBLIC_PLACE.search(right[:25]))


_PRIVATE_CUE = _ci(
    r"\b(?:your|his|her|their|lives|living|home|house|apartment|mailed|delivered\s+to|dropped\s+off|"
    r"address\s+(?:is|to)|updated\s+your|sent\s+(?:it|them)\s+to|shipped|went\s+to|for\s+(?:mr|mrs|ms)\b"
    r"|(?:family|folks|farm|ranch)\s+(?:out\s+)?(?:at|on)\s+\d)")


_VANITY_PLATE = compile_fast(
    r"\b(?=[A-Z0-9]*[A-Z])([A-Z0-9]{3,8})\s+(?i:(?:vanity\s+|license\s+|licence\s+)?plates?)\b")


def detect_id_numbers(analysis: Analysis, lexicons: Lexicons, params: Mapping[str, Any]) -> list[Span]:
    """Record, member, account, licence, device and Social Security numbers, and IP addresses."""
    spans: list[Span] = []
    if "plates" in analysis.words or "plate" in analysis.words:
        # "the guy with the DRBEER plates": a vanity licence plate names one car's owner
        spans.extend(m.span(1) for m in _VANITY_PLATE.finditer(analysis.text))
    if not _THREE_DIGITS.search(analysis.lower) and "mbi" not in analysis.words and "medicare" not in analysis.words:
        return spans  # a Medicare number (MBI) mixes letters in, so it need not hold three digits in a row
    for match in _ID.finditer(analysis.lower):
        if sum(ch.isdigit() for ch in match.group(1)) >= 3:
            spans.append((match.start(), match.end(1)))
    spans.extend(m.span() for m in _SSN.finditer(analysis.text))
    if not analysis.words.isdisjoint(_BILLING_WORDS):
        spans.extend(m.span() for m in _BARE_CODE.finditer(analysis.text) if not _overlaps(spans, *m.span()))
    return spans


def detect_web(analysis: Analysis, lexicons: Lexicons, params: Mapping[str, Any]) -> list[Span]:
    """Links to a person's social-media profile, @handles of a person whose care is discussed, IP addresses."""
    spans: list[Span] = []
    if "@" in analysis.text:
        spans.extend(_person_handles(analysis, lexicons))
    if "/" not in analysis.lower or not _LINK_HOST.search(analysis.lower):
        if _DOTTED_NUMBERS.search(analysis.text):
            spans.extend(m.span() for m in _IP.finditer(analysis.text))
        return spans
    spans.extend(m.span() for m in _PROFILE_URL.finditer(analysis.lower))
    return spans


_HANDLE = compile_fast(r"(?<![\w@.])@([A-Za-z0-9_](?:[A-Za-z0-9_.]{0,28}[A-Za-z0-9_])?)(?![\w@])")
_ORG_HANDLE = _ci(
    r"^(?:cdc\w*|who|nih\w*|fda\w*|hhs\w*|ama\w*|aap\w*|aha\w*|american\w*|mayo\w*|\w*(?:health|clinic|"
    r"hospital|medical|medicine|pharmacy|dept|department|gov|official|news|foundation|association|society|"
    r"county|city|school|schools|university|college|library|ymca|redcross|team))$"
    # "Tdap @11–12y", "booster @16y": shorthand for "at age", not a handle
    r"|^\d{1,3}(?:y|yo|yrs?|mo|mos|m|wk|wks|w|d|h|hrs?|am|pm)?$")


_YOU = _ci(r"\b(?:you|your|ur|u)\b")
#: Words of a brand or a creator's collaboration: a handle in such a post is a business, not a patient.
_BRAND_WORDS = frozenset(("teamed", "partnered", "partner", "partnership", "sponsored", "sponsor", "collab", "creator",
                          "influencer", "code", "gifted", "buy", "shop", "brand", "ambassador"))
_HANDLE_CHEER_LEFT = _ci(
    r"\b(?:shout-?\s?outs?(?:\s+to)?|congrats(?:\s+to)?|congratulations(?:\s+to)?|kudos(?:\s+to)?|proud\s+of|"
    r"welcome\s+back|go|get\s+well(?:\s+soon)?|hugs\s+to|cheers\s+to|way\s+to\s+go|thanks\s+to|thank\s+you(?:\s+to)?)"
    r"\s*,?\s*$")


def _person_handles(analysis: Analysis, lexicons: Lexicons) -> list[Span]:
    """A person's @handle: in a reply about someone's care, or in a post sentence about a person's care."""
    spans: list[Span] = []
    for match in islice(_HANDLE.finditer(analysis.text), MAX_SPANS):
        if _ORG_HANDLE.match(match.group(1).lower()):
            continue
        if analysis.request.kind == "reply":
            if _talks_about_person(analysis, lexicons):
                spans.append(match.span())
            continue
        _, sentence = analysis.sentence_lower(match.start())
        if _POSSESSIVE_CARE.search(sentence) or "patient" in sentence:
            spans.append(match.span())
        elif _talks_about_person(analysis, lexicons) and analysis.words.isdisjoint(_BRAND_WORDS):
            spans.append(match.span())  # "- tasha w. (@tashaw_twinmom) … see the twins at their 4 month visit"
        elif not analysis.text[: match.start()].strip() and _YOU.search(analysis.lower) and (
                _talks_about_person(analysis, lexicons) or not analysis.words.isdisjoint(_health_words(lexicons))):
            spans.append(match.span())  # "@ronnie_bass_guy that bullseye on your calf is Lyme": a post to one person
        elif _HANDLE_CHEER_LEFT.search(analysis.lower[max(0, match.start() - 30) : match.start()]) and not _care_words(
                lexicons).isdisjoint(_COMMENT_WORD.findall(sentence)):
            spans.append(match.span())  # "Shoutout @jess_runs for finishing PT strong!"
    return spans


# "a force of nature at 92.", "especially at 93!": an age that ends a clause...
_AGE_AT_END = compile_fast(rf"\bat\s+{_OLD}(?=\s*[.!?;)]|\s*$)(?!\.\d)")
# ...unless it is a reading, a count or a place ("her sats held at 92.", "blood sugar steady at 95").
_READING_LEFT = _ci(
    r"\b(?:sats?|saturation|o2|oxygen|pressure|sugars?|glucose|readings?|rate|temp\w*|scores?|exit|miles?|mph|"
    r"bp|hr|pulse|levels?|percent|weight|lbs|pounds|a1c|ldl|hdl|cholesterol|heart|room|seats?|number|steady|"
    r"held|kept|stays?|stayed|capped|maxed|priced|costs?|lot|capacity|limit|max|full|count|total|\$)\b[^.!?\n]{0,30}$")


def detect_ages(analysis: Analysis, lexicons: Lexicons, params: Mapping[str, Any]) -> list[Span]:
    """Ages over 89, with the description that follows ("92-year-old retired fire chief")."""
    spans: list[Span] = []
    text = analysis.lower
    if not _OLD_NUMBER.search(text) and "ninety" not in text and "hundred" not in text and "enarian" not in text:
        return spans
    for match in _AGE.finditer(text):
        kin = match.group().split(maxsplit=1)[0]  # "my grandma turns 100": the kin word opens the match
        left = text[max(0, match.start() - 40) : match.start()]
        if _OWN_FAMILY_LEFT.search(left) or _OWN_FAMILY_LEFT.search(f"{left}{kin} ") or _OWN_KIN_NAMED.search(left):
            continue  # "My Nani turned 95 today": the author's own family, not a patient
        end = match.end()
        if "old" in match.group().lower():
            tail = _AGE_TAIL.match(text, end)
            if tail:
                end = tail.end()
        spans.append((match.start(), end))
    for match in _AGE_AT_END.finditer(text):
        start = match.start()
        if not _inside(spans, start) and not _READING_LEFT.search(text[max(0, start - 50) : start]):
            spans.append(match.span())
    return spans


_UNIQUE_CLAUSE = compile_fast(r"\s+(?:who|whose|that|to\s+(?:ever\s+)?\w+)\b[^.!?\n,;:()]{1,80}")


def detect_unique(analysis: Analysis, lexicons: Lexicons, params: Mapping[str, Any]) -> list[Span]:
    """Unique characteristics: "our oldest patient", "the first baby born in town this year", or a
    description that fits one person ("the Springfield High goalie who tore his ACL", "a 28-year-old
    mother of twins") when the draft is about that person's care."""
    spans: list[Span] = []
    if not analysis.words.isdisjoint(_UNIQUE_WORDS):
        spans = []
        for m in _UNIQUE.finditer(analysis.lower):
            clause = _UNIQUE_CLAUSE.match(analysis.lower, m.end())  # "our only patient who's run the Boston Marathon"
            spans.append((m.start(), clause.end() if clause else m.end()))
    # One person described this closely is identifiable whenever the draft is about health at all: a case
    # write-up ("a 47-year-old principal from Chatham ... perimenopause") names no care word a post needs.
    about_health = (_talks_about_person(analysis, lexicons) or not analysis.words.isdisjoint(_health_words(lexicons))
                    or _JOB_HEALTH.search(analysis.lower) is not None)
    if (("who" in analysis.words or "old" in analysis.words or "yo " in analysis.lower or "y/o" in analysis.lower)
            and not analysis.words.isdisjoint(_role_words(lexicons)) and about_health):
        for match in _with_roles(_UNIQUE_ROLE, _roles(lexicons)).finditer(analysis.text):
            if not _inside(spans, match.start()):
                spans.append((match.start(), match.end() - (len(match.group()) - len(match.group().rstrip()))))
    if about_health:
        _described_people(analysis, lexicons, spans)
        if not analysis.words.isdisjoint(_JOB_WORDS):
            _known_jobs(analysis, spans)
        if not analysis.words.isdisjoint(_CLASSROOM_WORDS) and _talks_about_person(analysis, lexicons):
            spans.extend(m.span() for m in islice(_CLASSROOM.finditer(analysis.lower), MAX_SPANS)
                         if not _inside(spans, m.start()))
        if "#" in analysis.text or "no." in analysis.lower or "number" in analysis.words:
            sport = _SPORT.search(analysis.lower) is not None
            jerseys = _JERSEY.finditer(analysis.text)
            for match in islice(chain(jerseys, _JERSEY_FOR.finditer(analysis.text)) if sport else jerseys, MAX_SPANS):
                team = match.group()[-1].isalpha()  # "No. 54 on the Warriors": the team is named
                if (team or sport) and not _inside(spans, match.start()):
                    spans.append(match.span())
    return spans


def _known_jobs(analysis: Analysis, spans: list[Span]) -> None:
    """The job and place a person is known by (see ``_KNOWN_JOB``), when the person is someone, not us:
    the job needs its place, its years or a name of its own ("the Route 4 bus"), or a "who" saying whose it is."""
    for match in islice(_KNOWN_JOB.finditer(analysis.text), MAX_SPANS):
        start, end = match.span()
        who = _KNOWN_JOB_WHO.search(analysis.text[max(0, start - 45) : start])
        named = any(ch.isupper() or ch.isdigit() for ch in match.group("what"))  # "the Route 4 school bus"
        if not (who or match.group("where") or named) or _inside(spans, start):
            continue
        if not who and _OWN_WORK_LEFT.search(analysis.lower[max(0, start - 40) : start]):
            continue
        spans.append((start - len(who.group()) if who else start, end))


#: "the Westfield Warriors" after a player's number: one to three capitalised words.
_TEAM_NAME = r"\s+the\s+(?:[A-Z][\w'’-]+\s*){1,3}(?<!\s)"
# A player's jersey number in a draft about their injury: "our #9, still on the bench after the concussion",
# "Tyler Brandt, #22", "No. 54 on the Westfield Warriors". (#1 is a ranking far more often: "the #1 cause".)
_JERSEY = compile_fast(
    r"\b[Oo]ur\s+#(?:[2-9]|[1-9]\d)(?![\w%])"
    r"|(?<=[a-z], )#(?:[2-9]|[1-9]\d)(?=[.,;!?)]|\s*$)"
    r"|(?<![\w&#])#(?:[2-9]|[1-9]\d)(?=\s+[A-Z][a-z'’]+(?:['’]s)?\b)"
    r"|(?<=[a-z] \()#(?:[2-9]|[1-9]\d)(?=\))"  # "Devontae (#44)"
    # "No. 54 on the Westfield Warriors", "#23 on the Oakridge Owls" ("#4 for the Lindqvist crew" is a fourth baby)
    r"|(?:\b(?:No\.|[Nn]umber)\s?(?:[2-9]|[1-9]\d)\s+(?:on|for)|(?<![\w&#])#(?:[2-9]|[1-9]\d)\s+on)"
    rf"{_TEAM_NAME}")
# "#22 for the Springfield East Eagles", read only in a draft about a game or a season ("#4 for the Lindqvist
# crew", a fourth baby, names no team and no sport).
_JERSEY_FOR = compile_fast(rf"(?<![\w&#])#(?:[2-9]|[1-9]\d)\s+for{_TEAM_NAME}")
_SPORT = _ci(r"\b(?:game|games|season|team|bench|sideline|field|court|playoffs|under\s+center|line|jersey|scrimmage|"
             r"tournament|varsity|jv|qb|quarterback|player|match|meet|wrestling|football|soccer|basketball|"
             r"volleyball|baseball|softball|hockey|lacrosse)\b")


# "the guy who runs the taco truck on 5th St", "the same one who coached my son's little league": a person
# singled out by what they do in the community.
_DESCRIBED_PERSON = _ci(
    r"\b(?:the|our|my|this)\s+(?:(?:same|fave|favorite|favourite|retired|former|local|sweet|friendly|young|old|new)\s+)"
    r"{0,2}(?:guy|man|woman|lady|gal|kid|one|dude|fella|gentleman|girl|boy|teen|mom|dad|grandpa|grandma)\s+"
    r"(?:in\s+(?:room|bed|bay)\s+\d{1,3}\s+(?:[\w-]{1,15}\s+){0,2}?)?(?:who|that)\s+(?:runs|ran|owns|owned|coaches|"
    r"coached|teaches|taught|works|worked|drives|drove|manages|managed|plays|played|sings|sang|delivers|delivered|"
    r"cuts|cut|preaches|serves|served|bakes|tends|lives|lived|sells|sold|fixes|fixed|cooks|started|founded|"
    r"umpires|referees|reffed|hosts|hosted|anchors|pastors|leads|led)\b[^.!?\n,;]{0,40}?"
    r"(?=\s+(?:is|was|and|but|who|with|came|got|has|had)\b|[.!?\n,;]|$)")
# "the Springfield High's football team", "Mrs. Grant's 2nd grade class": a small group that names a member.
#: The words one of which every match of _SCHOOL_GROUP ends with.
_GROUP_WORDS = frozenset(["class", "classroom", "homeroom", "team", "squad", "band", "roster", "choir", "orchestra"])
_SCHOOL_GROUP = compile_fast(
    r"\b(?i:(?:mrs?|ms|miss)\.?\s+[a-z]{1,20}['’]s\s+(?:\d(?:st|nd|rd|th)[- ]grade\s+|kindergarten\s+|pre-?k\s+)?"
    r"(?:class|classroom|homeroom))\b"
    r"|\b[A-Z][\w'’-]{1,25}\s+(?:High|Middle|Elementary|Academy|Prep)(?:['’]s)?\s+(?:[\w-]{1,15}\s+){0,2}?"
    r"(?:team|squad|class|band|roster|choir|orchestra)\b")
_GROUP_PERSON = _ci(r"\b(?:you|your|he|she|his|her|him|our\s+(?:girl|boy|guy|gal|kid)|little)\b")
_PLACE_UNIT = r"(?:station|engine|ladder|precinct|company|district|unit|post|troop|local|ward|room|grade)\s+#?\d{1,4}"


def _roles_alternation(roles: tuple[str, ...]) -> str:
    """The ``phi_roles`` lexicon as one alternation, longest first, any run of spaces matching any."""
    return "|".join(re.escape(r).replace(r"\ ", r"\s+") for r in sorted(roles, key=len, reverse=True))


@lru_cache(maxsize=32)
def _with_roles(template: str, roles: tuple[str, ...]) -> re.Pattern[str]:
    """``template`` with ``<<roles>>`` standing for the ``phi_roles`` lexicon, compiled once per lexicon."""
    return compile_fast(template.replace("<<roles>>", _roles_alternation(roles)))


def _roles(lexicons: Lexicons) -> tuple[str, ...]:
    return lexicons.named.get("phi_roles", ())


# The only one of a kind in a place is one person: "Springfield's only female tow-truck driver", "the one
# and only Sangamon County tractor-pull champion" (a unique characteristic, 45 CFR 164.514(b)(2)(i)(R)).
_ONLY_ONE = (
    r"(?:\b(?:[A-Z][a-z]+\s+){0,2}[A-Z][a-z]+(?:['’]s|s['’])|(?i:\bthe\s+one\s+and|\b(?:the\s+)?(?:town|county|city|"
    r"area|state|valley)['’]s))\s+(?i:only\s+(?:[\w'’-]{1,20}\s+){0,3}?(?:<<roles>>))\b"
    # "the only one-handed auctioneer in the county", "the only Haitian Creole-speaking pastor in Springfield"
    r"|(?i:\bthe\s+only\s+(?:[\w'’-]{1,20}\s+){0,3}?(?:<<roles>>)\s+(?:in|on|at)\s+)(?:(?i:(?:the\s+)?(?:county|town|"
    r"city|state|area|valley|region|league|district|team|school|tri-county))\b"
    r"|[A-Z][\w'’-]{2,25}(?:\s+[A-Z][\w'’-]{1,25}){0,2})")
# "our fave firefighter from station 4", "the retired librarian from the Lincoln branch".
_ROLE_PLACE = (
    r"(?i:\b(?:the|our|my)\s+(?:[\w-]{1,15}\s+){0,2}?(?:<<roles>>)\s+(?:from|at|of|on|in|over\s+at|"
    r"down\s+at)\s+)(?:(?:the\s+)?[A-Z][\w'’.-]{1,25}(?:\s+(?:[A-Z0-9][\w'’.-]{0,25}|branch|station|"
    rf"store|shop|office|school|church|plant|mill|base)){{0,2}}|(?i:{_PLACE_UNIT}))")


def _described_people(analysis: Analysis, lexicons: Lexicons, spans: list[Span]) -> None:
    text = analysis.text

    def push(start: int, end: int) -> None:
        if not any(s <= start < e or start <= s < end for s, e in spans):
            spans.append((start, end))

    if "who" in analysis.words or "that" in analysis.words:
        for match in islice(_DESCRIBED_PERSON.finditer(analysis.lower), MAX_SPANS):
            push(match.start(), match.end() - (len(match.group()) - len(match.group().rstrip())))
    if "only" in analysis.words and not analysis.words.isdisjoint(_role_words(lexicons)):
        for match in islice(_with_roles(_ONLY_ONE, _roles(lexicons)).finditer(text), MAX_SPANS):
            push(*match.span())
    if not analysis.words.isdisjoint(_role_words(lexicons)):
        for match in islice(_with_roles(_ROLE_PLACE, _roles(lexicons)).finditer(text), MAX_SPANS):
            if not _JOB_NOT_PATIENT_LEFT.search(analysis.lower[max(0, match.start() - 30) : match.start() + 4]):
                push(*match.span())
    if not analysis.words.isdisjoint(_SUPERLATIVE_WORDS):
        for match in islice(_with_roles(_SUPERLATIVE_PERSON, _roles(lexicons)).finditer(text), MAX_SPANS):
            owner = _SUPERLATIVE_OWNER.search(text, max(0, match.start() - 40), match.start())
            if owner:  # "our tiniest newborn ever", "Springfield's longest-serving crossing guard"
                push(owner.start(), match.end())
        for match in islice(_ONLY_WOMAN_ON.finditer(text), MAX_SPANS) if "only" in analysis.words else ():
            push(*match.span())  # "the only woman on the Sangamon Electric line crew"
    if not analysis.words.isdisjoint(_FAME_WORDS):
        for match in islice(_LOCAL_FAME.finditer(analysis.lower), MAX_SPANS):
            push(*match.span())  # "the mayor's son", "the Channel 7 weatherman": one person the whole town knows
    for match in islice(_SCHOOL_GROUP.finditer(text), MAX_SPANS) if not analysis.words.isdisjoint(_GROUP_WORDS) else ():
        _, sentence = analysis.sentence_lower(match.start())
        if _GROUP_PERSON.search(sentence):
            push(*match.span())
    # A job, school or team at a named place, in a sentence about that person's health: "15 y/o point guard
    # at Springfield High w/ syncope", "(late 40s, teaches 3rd grade at Lincoln Elementary) asked about her
    # migraines", "a nurse who works nights at Memorial, diagnosed with...".
    jobs = [] if not _role_before_place(analysis, lexicons) else list(
        islice(_with_roles(_JOB_AT_PLACE, _roles(lexicons)).finditer(text), MAX_SPANS))
    if not analysis.words.isdisjoint(_WORK_VERBS):
        jobs.extend(islice(_WORKS_AT.finditer(text), MAX_SPANS))
    if "old" in analysis.words or "y/o" in analysis.lower:
        jobs.extend(islice(_AGE_AT_PLACE.finditer(text), MAX_SPANS))
    care_words = _care_words(lexicons) | _health_words(lexicons)
    if not analysis.words.isdisjoint(_role_words(lexicons) | _PLAIN_ROLES):
        for match in islice(_with_roles(_NAMED_PLACE_ROLE, _roles(lexicons)).finditer(text), MAX_SPANS):
            # the person's own care must follow ("after his shoulder surgery", "with fresh stitches"), not
            # just a health word nearby ("the Tigers' coach asked us to teach his players about concussions");
            # with an age ("17yo Cedar Creek QB, brief LOC") the sentence need only be about health
            _, sentence = analysis.sentence_lower(match.start())
            if match.group()[0].isdigit():
                owned = [_COMMENT_WORD.findall(sentence)]
            else:
                owned = list(_own_care_phrases(sentence))
            if any(care_words.intersection(words) or _JOB_HEALTH.search(" ".join(words)) for words in owned):
                push(*match.span())
    for match in jobs:
        start, end = match.span()
        left = analysis.lower[max(0, start - 30) : start]
        if "•" in left or _JOB_NOT_PATIENT_LEFT.search(left):
            continue  # staff or a public thank-you, not a patient
        if analysis.lower[start:end].split()[-1].strip(".,") in care_words:
            continue  # "the only thing that works for ADHD": a condition, not a workplace
        s_start, sentence = analysis.sentence_lower(start)
        window = analysis.lower[max(0, s_start - 40) : s_start + len(sentence) + 80]
        if not _JOB_PERSON_TIE.search(window):
            continue
        if _JOB_HEALTH.search(window) or not care_words.isdisjoint(_COMMENT_WORD.findall(window)):
            push(start, end)


# One of a kind by a superlative, in a draft about health: "our tiniest newborn ever", "Springfield's
# longest-serving crossing guard", "the fastest girl on the Westfield cross country team", "the only woman on the
# Sangamon Electric line crew" (a unique characteristic, 45 CFR 164.514(b)(2)(i)(R)).
#: (Not "bravest" or "toughest": praise, said of many a child, singles no one out.)
_SUPERLATIVES = (r"youngest|oldest|tiniest|smallest|littlest|biggest|tallest|fastest|"
                 r"longest-serving|longest-standing|longest-running|last\s+living|last\s+surviving|last\s+working|"
                 r"one\s+and\s+only")
_SUPERLATIVE_WORDS = frozenset(["youngest", "oldest", "tiniest", "smallest", "littlest", "biggest", "tallest",
                                "fastest", "longest", "last", "only"])
#: The superlative and the person it describes ("tiniest newborn ever", "longest-serving crossing guard on the
#: Westfield line crew"); the owner before it is read separately (_SUPERLATIVE_OWNER), so the scan starts at a
#: superlative and not at every word of a long draft.
_SUPERLATIVE_PERSON = (
    rf"(?i:(?:{_SUPERLATIVES})\s+(?:\(?[\w'’-]{{1,20}}\)?\s+){{0,4}}?"
    r"(?:<<roles>>|patient|client|member|grad|graduate|newborn|baby|preemie|kid|guy|gal|lady|man|woman|girl|boy|"
    r"resident|regular|volunteer|player|quads|twins|triplets)\b(?!['’]?s\b)(?:\s+ever)?)"
    r"(?:\s+(?i:on|in|at|of|from)\s+(?:the\s+)?[A-Z][\w'’.-]{1,25}(?:\s+[A-Z][\w'’.-]{1,25}){0,3}"
    r"(?:\s+(?i:team|crew|squad|league|class|program))?)?")
_SUPERLATIVE_OWNER = compile_fast(r"\b(?i:our|my|the|[a-z]+['’]s)\s+(?i:very\s+)?$")
_ONLY_WOMAN_ON = compile_fast(
    r"(?i:\bthe\s+only\s+(?:woman|man|girl|boy|female|male|lady|guy)\s+(?:on|in|at)\s+the\s+)[A-Z][\w'’-]+"
    r"(?:\s+[\w'’-]+){0,4}?(?:\s+(?i:crew|team|squad|department|force|line|staff|league))")


# Someone the whole town knows, in a draft about health: a local official's or pastor's family member, or a
# local television personality. (The official alone, named in public business, is a public figure.)
_LOCAL_OFFICIALS = (r"(?:mayor|sheriff|police\s+chief|fire\s+chief|superintendent|principal|pastor|priest|rabbi|judge|"
                    r"coach|senator|congressman|congresswoman|governor|alderman|councilman|councilwoman|chief)")
_LOCAL_FAME = _ci(
    rf"\bthe\s+(?:(?:town|city|county|village|school)['’]s\s+|new\s+|old\s+)?{_LOCAL_OFFICIALS}['’]s\s+"
    r"(?:(?:teenage|teen|oldest|youngest|little|eldest|middle)\s+)?(?:son|daughter|wife|husband|kid|kids|boy|girl|mom|mother|"
    r"dad|father|grandson|granddaughter|brother|sister|nephew|niece|twins)\b"
    r"|\bthe\s+(?:channel|ch\.?)\s?\d{1,2}\s+(?:weather\s?(?:man|woman|guy|girl|lady)|meteorologist|"
    r"(?:news\s+|evening\s+|morning\s+|sports\s+)?(?:anchor|anchorman|anchorwoman|reporter|guy|lady))\b")
_FAME_WORDS = frozenset(["mayor", "sheriff", "chief", "superintendent", "principal", "pastor", "priest", "rabbi",
                         "judge", "coach", "senator", "congressman", "congresswoman", "governor", "alderman",
                         "councilman", "councilwoman", "channel", "ch"])


# A role named by the team, school or business it belongs to: "the Lincoln High QB", "the Ravens' kicker",
# "The Springfield Lions' starting goalie", "the Hartwell forklift guy". Kept only in a sentence about that
# person's health, like the jobs at a place above.
_PLAIN_ROLES = frozenset(["qb", "guy", "gal"])
_NAMED_PLACE_ROLE = (
    r"(?:\b(?i:the|an?)\s+(?:(?i:retired|former|longtime|local)\s+)?|\b\d{1,2}\s?(?i:yo|y/o|-year-old)\s+)"
    r"(?:[A-Z][\w'’.-]{1,25}\s+){1,3}(?i:(?:[a-z][\w-]{1,20}\s+){0,2}?(?:<<roles>>|qb|guy|gal))\b"
    r"(?![\w'’-])")
_OWN_CARE_AFTER = _ci(r"\b(his|her|their|with)\s+((?:[\w-]+\s+){0,4}[\w-]+)")
_PHRASE_ENDS = frozenset(["about", "of", "for", "to", "on", "in", "at", "from", "with", "and", "is", "was", "who",
                          "that", "but", "so"])


def _own_care_phrases(sentence: str) -> Iterator[list[str]]:
    """The words of each phrase owned by someone ("his shoulder surgery", "with a fresh set of stitches"),
    cut where a preposition or clause starts ("his players | about concussions")."""
    for own in _OWN_CARE_AFTER.finditer(sentence):
        words: list[str] = []
        for word in own.group(2).split():
            if word in _PHRASE_ENDS and not (word == "of" and own.group(1) == "with"):
                break
            words.append(word)
        yield words


_WORK_VERBS = frozenset(
    ["teaches", "taught", "works", "worked", "coaches", "coached", "plays", "played", "attends", "attended",
     "volunteers", "volunteered", "drives", "drove", "serves", "served", "studies", "studied", "preaches",
     "bartends", "manages", "managed", "runs", "ran", "owns", "owned", "pastors", "umpires", "referees"])
_WORKS_AT = compile_fast(
    r"\b(?i:(?:teaches|taught|works|worked|coaches|coached|plays|played|attends|attended|volunteers|volunteered|"
    r"drives|drove|serves|served|studies|studied|preaches|bartends|manages|managed|runs|ran|owns|owned|pastors|"
    r"umpires|referees)\s+(?:[\w-]{1,20}\s+){0,3}?(?:at|for|on)\s+)"
    r"(?:the\s+)?[A-Z][\w'’.-]{1,25}(?:\s+[A-Z0-9][\w'’.-]{0,25}){0,3}")
# "this sweet 8-year-old from Lincoln Elementary", "a 15 y/o at Central High": an age with a school or place.
_AGE_AT_PLACE = compile_fast(
    r"(?i:\b\d{1,2}(?:[- ](?:years?|yrs?|months?)[- ]old|\s?y/?o)(?:\s+(?:[\w-]{1,15}\s+)?(?:boy|girl|kid|son|daughter|"
    r"student|athlete|player|patient|man|woman|guy|lady|twins?|grandma|grandpa|mom|dad))?\s+(?:at|from|on|of)\s+)"
    r"(?:the\s+)?[A-Z][\w'’.-]{1,25}(?:\s+[A-Z0-9][\w'’.-]{0,25}){0,3}")
# Someone in particular with a health detail: "her migraines", "w/ syncope", "diagnosed", "a patient".
_JOB_PERSON_TIE = _ci(
    r"\b(?:his|her|their|w/|with|has|had|diagnosed|patients?|pt|case|y/o|yo|year-old|years\s+old|"
    r"came\s+in|saw|seen|treated|referred|admitted)\b")
_JOB_HEALTH = _ci(
    r"\b(?:syncope|faint\w*|collaps\w*|murmur|arrhythmia|palpitations|diagnos\w*|symptoms?|referred|"
    r"cardiology|ecg|ekg|qtc|migraines?|iud|pregnan\w*|chemo|tumou?r|surgery|injur\w*|torn|tore|broke|"
    r"concussion|seizures?|overdose|rehab|relapse|biopsy)\b")
_JOB_NOT_PATIENT_LEFT = _ci(
    r"\b(?:thanks?\s+(?:you\s+)?to|grateful\s+to|welcome|welcoming|our\s+(?:own\s+|new\s+)?(?:nurse|doctor|"
    r"team|staff|provider|partner|friends?)|dr\.?\s+\w+|hosted\s+by|sponsored\s+by|every|all|any|each)\s+"
    r"(?:[\w-]{1,20}\s+){0,2}$")
# A singular job, school or team role at a named place, with an optional age before it.
#: What every match of _JOB_AT_PLACE has after its role: "at", "for", "on" or "from", then a capital.
_PLACE_AFTER_ROLE = compile_fast(r"\s+(?i:at|for|on|from)\s+(?:(?i:the)\s+)?[A-Z]")
_TOKEN_BEFORE = compile_fast(r"[\w'’-]+$")


def _role_before_place(analysis: Analysis, lexicons: Lexicons) -> bool:
    """Whether a role word stands right before "at/for/on/from" and a capital, which every match of
    _JOB_AT_PLACE needs. That pattern tries its optional words and ~200 roles at every word of a draft
    (4 ms on 3,000 characters whenever a role word such as "mom" occurs anywhere); this finds the place words
    first and looks at the one word before each."""
    role_words = _role_words(lexicons)
    if analysis.words.isdisjoint(role_words):
        return False
    lower = analysis.lower
    for match in _PLACE_AFTER_ROLE.finditer(analysis.text):
        token = _TOKEN_BEFORE.search(lower, max(0, match.start() - 30), match.start())
        if token is None:
            continue
        word = token.group()
        # the role may start inside the token, after a hyphen or an apostrophe ("fifth-grader")
        starts = [0] + [index + 1 for index, char in enumerate(word) if char in "-'’"]
        if any(word[start:] in role_words for start in starts):
            return True
    return False


_JOB_AT_PLACE = (
    r"(?i:\b(?:\d{1,2}\s?(?:y/?o|yo|yrs?\s+old|[- ]years?[- ]old)\s+)?(?:[\w-]{1,20}\s+){0,2}?"
    r"(?:<<roles>>)\s+(?:at|for|on|from)\s+)"
    r"(?:the\s+)?[A-Z][\w'’.-]{1,25}(?:\s+[A-Z0-9][\w'’.-]{0,25}){0,3}")


def detect_initials(analysis: Analysis, lexicons: Lexicons, params: Mapping[str, Any]) -> list[Span]:
    """Initials with an identifying detail ("J.R., a third-grade teacher at Lincoln Elementary").

    The detail may follow in any form within the sentence: an apposition, a parenthesis ("J.K. (7th
    grade science teacher at Butler Middle)"), an age, or a job or family role tied to a named place.
    """
    text = analysis.text
    lower = analysis.lower
    spans: list[Span] = []
    initials = _has_initials(analysis)
    if initials and any(cue in lower for cue in (", a ", ", an ", ", our ", ", the ", ", who ", ", age", "year", "(")):
        spans = [m.span() for m in _INITIALS.finditer(text) if not _NOT_INITIALS.match(m.group())]
    if ". " not in text and "." not in text:
        return spans
    words = analysis.words
    has_detail = not (words.isdisjoint(_role_words(lexicons)) and "old" not in words and "age" not in words
                      and "aged" not in words)
    detail = _with_roles(_ROLE_DETAIL, _roles(lexicons))
    care = _care_words(lexicons)
    for match in islice(_BARE_INITIALS.finditer(text), MAX_SPANS) if initials else ():
        if _NOT_INITIALS.match(match.group()) or _inside(spans, match.start()):
            continue
        after = lower[match.end() : match.end() + 100]
        if _INITIALS_OWN_HEALTH.search(after) and not care.isdisjoint(_COMMENT_WORD.findall(after)):
            spans.append(match.span())  # "J.T. finally kicked his smoking habit", "A.B. is home after her surgery"
            continue
        place = _INITIALS_FROM.match(text, match.end())
        if place and _talks_about_person(analysis, lexicons):
            spans.append((match.start(), place.end()))  # "T.W. from the Oak Hill VFW": where one person belongs
            continue
        found = detail.search(text[match.end() : match.end() + 120]) if has_detail else None
        if found and _talks_about_person(analysis, lexicons):
            spans.append(match.span())
            spans.append((match.end() + found.start(), match.end() + found.end()))
        elif _INITIALS_PERSON_LEFT.search(lower, max(0, match.start() - 25), match.start()) and _talks_about_person(
                analysis, lexicons):
            spans.append((match.start(), match.end() - (len(match.group()) - len(match.group().rstrip()))))
            # "Everyone at the front desk adores R.T.", "Thinking of J.W. tonight"
    return spans


_INITIALS_OWN_HEALTH = _ci(
    r"^\s*(?:[\w'’-]{1,15}\s+){0,4}?(?:his|her|their|is\s+(?:home|recovering|cancer-free|doing|feeling)|was\s+"
    r"(?:diagnosed|admitted|discharged|so\s+brave)|came\s+in|came\s+to\s+(?:us|see\s+us)|got\s+(?:his|her))\b")
#: A verb or phrase that takes a person as its object, right before initials.
_INITIALS_PERSON_LEFT = _ci(
    r"\b(?:adores?|loves?|miss(?:es|ing)?|thinking\s+of|praying\s+for|prayers\s+for|remember(?:ing)?|"
    r"congrats(?:\s+to)?|shout-?\s?out\s+to|kudos\s+to|proud\s+of|saw|treated|cared\s+for|caring\s+for|"
    r"visited|hugs\s+to|tell|yes|hi|hey|dear|looking\s+at\s+you,?)\s+$")
_INITIALS_FROM = compile_fast(
    r"\s{0,3}from\s+(?:the\s+)?[A-Z][\w'’.-]{1,25}(?:\s+[A-Z0-9][\w'’.-]{0,25}){0,3}"
    r"(?:\s+(?i:trailer\s+park|park|farm|shop|barbershop|salon|plant|crew|team|church|store|office|station|school|"
    r"club|league|diner|garage|bar))?"
    rf"|\s{{0,3}}from\s+the\s+{_STALL}")  # "T.L. from the tamale cart"
_BARE_INITIALS = compile_fast(r"(?<![\w.])(?:[A-Z]\.\s?){2,3}(?=[\s,(])")


_ROLE = r"(?:<<roles>>)(?:s|es)?"
_UNIQUE_ROLE = (
    # "the Springfield High goalie who tore his ACL in the state semifinal"
    rf"\bthe\s+(?:(?:retired|former|longtime|local|beloved)\s+)?(?:[A-Z][\w'’.-]{{1,25}}\s+){{1,3}}(?:[\w-]{{1,20}}\s+)?"
    rf"{_ROLE}\s+(?:who|whose|that)\s+"
    r"[^.!?:;\n(\U0001F300-\U0001FAFF]{1,80}(?<!\s)"
    # "a 28-year-old mother of twins", "a 45-year-old firefighter from Chatham"
    r"|(?i:\b(?:a|an|the|our|this)\s+\d{1,2}(?:[- ](?:years?|yrs?|y/o)(?:[- ]old)?|\s?y/?o)\s+"
    r"(?:[\w-]{1,20}\s+){0,2}?"
    rf"{_ROLE}\s+(?:of|at|from|in)\s+)(?:(?:the\s+)?[A-Z][\w'’.-]{{1,25}}(?:\s+[A-Z][\w'’.-]{{1,25}}){{0,3}}"
    r"|(?i:the\s+(?:east|west|north|south)\s+(?:side|end))"
    r"|(?i:twins|triplets|quadruplets|(?:two|three|four|five|six|seven|eight|nine|ten|\d{1,2})\s+\w+))"
)
_ROLE_DETAIL = (
    rf"(?i:(?:[\w-]{{1,20}}\s+){{0,3}}?{_ROLE})\s+(?:at|from|for|of|in)\s+"
    r"(?:the\s+)?[A-Z][\w'’.-]{1,25}(?:\s+[A-Z0-9][\w'’.-]{0,25}){0,3}"
    r"|\b\d{1,3}[- ](?:years?|yrs?)[- ]old\b|\b(?i:age|aged)\s+\d{1,3}\b"
)


def _role_words(lexicons: Lexicons) -> frozenset[str]:
    """The last word of each role ("teacher" of "science teacher"), for a cheap set test."""
    return _last_words(_roles(lexicons))


@lru_cache(maxsize=32)
def _last_words(roles: tuple[str, ...]) -> frozenset[str]:
    return frozenset(form for r in roles for w in [r.split()[-1].split("-")[-1]] for form in (w, w + "s", w + "es"))


def detect_photos(analysis: Analysis, lexicons: Lexicons, params: Mapping[str, Any]) -> list[Span]:
    """Descriptions of an attached photo that shows a patient ("[photo: Benny on the exam table]")."""
    spans: list[Span] = []
    if "[" not in analysis.text and "(" not in analysis.text:
        return spans
    for match in _PHOTO.finditer(analysis.lower):
        body = analysis.text[match.start(1) : match.end(1)]
        named = _has_name(body, lexicons) or _PLURAL_FAMILY.search(body)
        seen = match.group(1)
        shown = _PHOTO_PERSON.search(seen) or (_PHOTO_PEOPLE.search(seen) and _PHOTO_CARE_CUE.search(seen))
        hidden = _PHOTO_DEIDENTIFIED.search(seen) or (_PHOTO_PARTIAL.search(seen) and not _PHOTO_FACE.search(seen))
        if named or (shown and not hidden):
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
        if low.isascii():
            return False
        low = _without_accents(low)  # "Tomás", "Inés": the list spells them plain
        if low not in lexicons.given_names:
            return False
    return not (strict and (low in lexicons.ambiguous_names))


def _without_accents(word: str) -> str:
    return "".join(ch for ch in unicodedata.normalize("NFKD", word) if not unicodedata.combining(ch))


def _unmistakable_given(low: str, lexicons: Lexicons, excluded: frozenset[str]) -> bool:
    """A listed given name that is no ordinary word and no ambiguous name ("tyler", not "will" or "june"), so
    it can be taken for a name even typed in lower case."""
    return (low in lexicons.given_names and low not in lexicons.common_words and low not in lexicons.ambiguous_names
            and low not in excluded)


def _is_nameish(token: str, lexicons: Lexicons) -> bool:
    """A word that can be a given name: in the name list, or not an ordinary English word."""
    low = token.lower()
    if low in lexicons.ambiguous_names or low in _word_set(lexicons.named.get("not_names_lower", ())):
        return False
    if low in lexicons.given_names:
        return True
    return low.isalpha() and len(low) >= 3 and low not in lexicons.common_words


#: A nickname in quotes or brackets between a given name and a surname: "Harold 'Hal' Jenkins", 'Maria "Cuca" Reyes'.
_QUOTED_NICKNAME = compile_fast(r"\s+(?:'[A-Z][a-z]{1,15}'|‘[A-Z][a-z]{1,15}’|\"[A-Z][a-z]{1,15}\"|“[A-Z][a-z]{1,15}”|"
                                r"\([A-Z][a-z]{1,15}\))(?=\s+[A-Z][a-z])")


def _extend_surname(text: str, end: int, lexicons: Lexicons, upper: bool) -> int:
    if upper:
        nickname = _QUOTED_NICKNAME.match(text, end)
        if nickname:
            after = _extend_surname(text, nickname.end(), lexicons, upper)
            if after > nickname.end():
                return after  # the nickname and the surname after it belong to the one name
    match = re.match(r"\s+([A-Za-z][a-z'’-]{1,25})", text[end : end + 30])
    if not match or _CALENDAR_WORD.fullmatch(match.group(1).lower()):
        return end  # "I saw Lucas Thursday": a day, not a surname
    word = match.group(1)
    if upper and word[0].isupper() and not _NOT_NAME_NEXT.match(match.group()):
        low = word.lower()
        if low in lexicons.surnames or low not in lexicons.common_words:
            return end + match.end()
    if not upper and word.islower() and word in lexicons.surnames and word not in lexicons.common_words:
        return end + match.end()
    return end


@lru_cache(maxsize=64)
def _word_set(words: tuple[str, ...]) -> frozenset[str]:
    """A lexicon as a set, built once (lexicons are immutable tuples), not on every check."""
    return frozenset(words)


def _given_name_words(analysis: Analysis, lexicons: Lexicons) -> list[Span]:
    """Where the draft's words that are listed given names occur, as whole words (once per check).

    One small alternation of just those names replaces a pass over every word, and the cues that follow
    a name ("'s been coming to", "'s rash") are then tried only at these places."""
    cached = analysis.__dict__.get("_phi_name_words")
    if cached is None:
        candidates = analysis.words.intersection(lexicons.given_names)
        if not analysis.lower.isascii():  # "Sofía", "Tomás": the listed name with its accents
            candidates |= {word for word in analysis.words
                           if not word.isascii() and _without_accents(word) in lexicons.given_names}
        cached = _whole_words(analysis.lower, candidates, 4 * MAX_SPANS) if candidates else []
        analysis.__dict__["_phi_name_words"] = cached
    return cached


#: Up to this length, whole words are found with ``str.find`` (a few calls per word); beyond it, a word
#: like "al" occurs inside so many others that one regex scan of the text is cheaper.
_FIND_WORDS_TEXT = 4000


def _whole_words(lower: str, words: Iterable[str], limit: int) -> list[Span]:
    r"""The first ``limit`` places (in order) where one of ``words`` (runs of word characters) stands as a
    whole word, not right after an apostrophe or a hyphen: what ``(?<![\w'’-])(?:w1|w2|...)(?!\w)``
    finds. Each such match is a whole run of word characters, so it is the one word equal to that run
    whatever the alternation's order; the regex, whose lookbehind lets it skip nothing, tries every offset."""
    if len(lower) > _FIND_WORDS_TEXT:
        names = "|".join(re.escape(word) for word in sorted(words, key=len, reverse=True))
        found = re.finditer(rf"(?<![\w'’-])(?:{names})(?![\w])", lower)
        return [match.span() for match in islice(found, limit)]
    spans: list[Span] = []
    length = len(lower)
    for word in words:
        size = len(word)
        start = lower.find(word)
        while start != -1:
            end = start + size
            before = lower[start - 1] if start else " "
            after = lower[end] if end < length else " "
            if not (before.isalnum() or before in "_'’-") and not (after.isalnum() or after == "_"):
                spans.append((start, end))
            start = lower.find(word, start + 1)
    spans.sort()
    return spans[:limit]


def _names_followed_by(
    analysis: Analysis, lexicons: Lexicons, after: re.Pattern[str], letters: tuple[int, int]
) -> list[Span]:
    """Given names (plain ASCII letters, as many as ``letters`` allows, not after a full stop) that
    ``after`` matches right behind: what a scan for ``[a-z]{m,n}`` + ``after`` finds among given names."""
    lower = analysis.lower
    found: list[Span] = []
    resume = 0
    for start, end in _given_name_words(analysis, lexicons):
        if start < resume or not letters[0] <= end - start <= letters[1] or not lower[start:end].isascii():
            continue
        if start and lower[start - 1] == ".":
            continue
        tail = after.match(lower, end)
        if tail is not None and lower[start:end].isalpha():
            found.append((start, end))
            resume = tail.end()
    return found


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

    def add(start: int, end: int, titled: bool = False) -> None:
        if lower[start:end] in _MONTH_NAMES and _DAY_NUMBER_NEXT.match(text, end):
            return  # "through Jan. 1", "June 14": a month, not a person
        left = lower[max(0, start - 40) : start]
        if _OWN_FAMILY_LEFT.search(left):
            return  # "my husband Raj": the author's own family, not a patient
        if (_PUBLIC_LEFT.search(left) and not titled) or _STAFF_LEFT.search(left) or _STAFF_RIGHT.match(
                text[end : end + 60]):
            return  # "Coach Dana" in a draft about someone's care (titled) is that person, not a public figure
        if _IN_PLACE_LEFT.search(left) and not text.startswith(("'s", "’s"), end):
            return  # "the AAP conference in Orlando": a place
        if _INSTITUTION_OF_LEFT.search(left) and text[start].isupper():
            return  # "the Asthma and Allergy Foundation of America": an institution's name
        if analysis.request.profile == "personal" and _MY_KID_LEFT.search(left):
            return  # "Happy 7th birthday to my girl Ellie" on the author's own account
        if _ARTICLE_LEFT.search(left) or _PLACE_ON_LEFT.search(left) or _SELF_LEFT.search(left) or (
                _TITLED_PUBLIC_LEFT.search(left) and not titled):
            return  # "kid deserves an Oscar", "their store on Monroe", "I'm Tessa", "President Ronald Reagan"
        if _THING_NEXT.match(text, end) or _PET_RIGHT.match(text, end):
            return  # "Omega-3 softgels", "Lumina Labs", "a full Elsa costume": a product or a character
        if _THANKED_FOR.match(text, end):
            return  # "Many thanks to Deb Hollister and the Senior Center crew for hosting": a helper
        if (_VENUE_LEFT.search(left) and _VENUE_RIGHT.match(text, end)) or _BUSINESS_RIGHT.match(text, end) or (
                _AT_WORK_RIGHT.match(text, end)):
            return  # "karaoke at Dusty's last night", "the Casey's pharmacy": a business named for someone
        if _NOT_KIN_NAME.search(lower[max(0, start - 8) : end]):
            return  # "Uncle Sam wants you": a figure of speech
        prefix = _NICK_LEFT.search(text[max(0, start - 12) : start])
        if prefix and _nick_prefix(prefix.group(1)):
            start -= len(prefix.group())  # "Tiny Tim", "Little Aubrey": the nickname is the identifier
        aged = _AGE_BEFORE_NAME.search(text[max(0, start - 20) : start])
        if aged:
            start -= len(aged.group())
        extended = _extend_surname(text, end, lexicons, text[start].isupper())
        if extended > end and _NOT_NAME_NEXT.match(text, extended):
            return  # "at Maple Grove Elementary": two name-like words that name a place
        end = extended
        detail = _NAME_DETAIL_RIGHT.match(text, end)
        spans.append((start, detail.end() if detail else end))

    def care() -> bool:
        return _talks_about_person(analysis, lexicons)

    not_person = _word_set(lexicons.named.get("phi_not_person_words", ()))
    greeting_words = not analysis.words.isdisjoint(_GREETING_WORDS)
    for match in _GREETING.finditer(lower) if greeting_words else ():
        word = text[match.start(1) : match.end(1)]
        if word.lower() in not_person or not care():
            continue
        if _CAMEL_CASE.match(word):
            continue  # "Thanks PharmaOne!": a brand, not a person
        if word.lower() in _NOT_NAMES_EXTRA or word.lower() in _word_set(lexicons.named.get("phi_not_names_lower", ())):
            continue
        if _is_nameish(word, lexicons) or (word[0].isupper() and word.lower() in lexicons.given_names) or (
                len(word) > 2 and word.lower() in lexicons.ambiguous_names and word.lower() not in lexicons.common_words
                and _CLOSED_GREETING.match(text, match.end(1))):
            add(match.start(1), match.end(1))
    not_lower = _word_set(lexicons.named.get("not_names_lower", ())) | _word_set(
        lexicons.named.get("phi_not_names_lower", ()))
    excluded = not_person | not_lower  # words never taken for a name without a title
    for match in _VOCATIVE.finditer(text) if "," in text else ():
        low = match.group(1).lower()
        if (low not in not_person and low not in not_lower and _is_given(match.group(1), lexicons, strict=False)
                and care()):
            add(match.start(1), match.end(1))
    for match in _VOCATIVE_LOWER.finditer(text) if "," in text else ():
        if _unmistakable_given(match.group(1), lexicons, excluded) and care():
            add(match.start(1), match.end(1))
    for match in _NICKNAME.finditer(text) if ("'" in text or "‘" in text or '"' in text or "“" in text) else ():
        if care():
            spans.append(match.span(1))
    if care():
        for match in _PLURAL_FAMILY.finditer(text):
            stem = match.group(1).lower()
            if (stem not in lexicons.common_words and stem not in not_person and f"{stem}s" not in not_person
                    and stem.isalpha()):
                tail = _FAMILY_MEMBERS_RIGHT.match(text, match.end())
                spans.append((match.start(1), tail.end() if tail else match.end()))
    titled = not analysis.words.isdisjoint(_TITLE_WORDS)
    for match in _TITLE_SURNAME.finditer(text) if titled else ():
        typed_lower = match.group("lower")
        if typed_lower and (typed_lower not in lexicons.surnames or typed_lower in lexicons.common_words):
            continue
        right = text[match.end() : match.end() + 60]
        if care() and not _STAFF_RIGHT.match(right) and not _NOT_PATIENT_RIGHT.match(right):
            # "Mr. Ray Dunbar": a title, a given name and the surname after it
            end = _extend_surname(text, match.end(), lexicons, True) if not typed_lower else match.end()
            detail = _NAME_DETAIL_RIGHT.match(text, end)  # "Mrs. Petrakis in room 14"
            spans.append((match.start(), detail.end() if detail else end))
    for start, end in islice(_given_name_words(analysis, lexicons), MAX_SPANS):
        token = text[start:end]
        low = lower[start:end]
        if not token[:1].isalpha() or (token[1:] and not token[1:].islower() and not token.islower()):
            continue  # "JOHN" or "mcDonald": not how a name is typed in running text
        if low in not_person and not re.search(r"(?:mr|mrs|ms|miss)\.?\s+$", lower[max(0, start - 6) : start]):
            continue  # "September", "Many", "Carry": a month or a word, not a name
        if low in lexicons.common_words and _at_sentence_start(text, start) and (
                low in _ABSTRACT_NAMES or not token[0].isupper() or not _PERSON_VERB_RIGHT.match(lower, end)):
            continue  # "Many concerns..." at the start of a sentence is a word, not a name
        if not token[0].isupper() and (low in lexicons.common_words or low in lexicons.ambiguous_names
                                       or low in not_lower):
            initial = _LOWER_INITIAL.match(text, end) if low not in not_lower and len(low) > 2 else None
            if initial and care():
                spans.append((start, initial.end()))  # "words from deb k.": a name and an initial
            continue  # a lower-case word ("in", "will", "may"): only a rare word can be a lower-case name
        cue = _NAME_CONTEXT_LEFT.search(lower[max(0, start - 25) : start])
        if token[0].isupper():
            if low in lexicons.ambiguous_names and not cue and not _POSSESSIVE_CARE_RIGHT.match(lower[end : end + 60]) \
                    and (low in _ABSTRACT_NAMES or not _PERSON_VERB_RIGHT.match(lower, end)):
                continue
            if _NOT_NAME_NEXT.match(text[end : end + 20]):
                continue
            if cue or care():
                add(start, end)
        elif cue:
            add(start, end)
        else:
            # lower-case full name: "marisol vega", or a name and an initial: "words from deb k."
            initial = _LOWER_INITIAL.match(text, end)
            after = initial.end() if initial else _extend_surname(text, end, lexicons, upper=False)
            if after > end and care():
                spans.append((start, after))
    # "the Nguyen family", "the Ramírez siblings": a household named by a surname or a name-like word
    if not analysis.words.isdisjoint(_FAMILY_WORDS) and care():
        for match in _FAMILY_MORE.finditer(text):
            staff_like = _STAFF_RIGHT.match(text[match.end() : match.end() + 60])
            surname = match.group(1) or match.group(2)
            if (surname.lower() in lexicons.surnames or _is_nameish(surname, lexicons)) and not staff_like:
                start = match.start(1) if match.group(1) else match.start()
                spans.append((start, match.end()))
    # little mateo / 4-year-old benny when the name list lacks the name
    little = not analysis.words.isdisjoint(_LITTLE_WORDS)
    for match in _LITTLE_NAME.finditer(lower) if little else ():
        word = match.group(1)
        nameish = _is_given(word, lexicons, strict=True) if match.group().startswith("little") else _is_nameish(
            word, lexicons)
        if nameish and not _inside(spans, match.start(1)):
            spans.append(match.span(1))
    _more_names(analysis, lexicons, spans, add, excluded)
    if analysis.request.kind == "reply" and "!" in text and not analysis.words.isdisjoint(_THANKS_WORDS):
        # "thx for the 5 stars tyler!!": a lower-case name closing a thank-you, typed as one would text it
        for match in islice(_THANKS_LOWER_NAME.finditer(text), MAX_SPANS):
            if (_unmistakable_given(match.group(1), lexicons, excluded) and care()
                    and not _inside(spans, match.start(1))):
                spans.append(match.span(1))
    if not analysis.words.isdisjoint(_KID_WORDS) and ("our" in analysis.words or "my" in analysis.words):
        # "That's our girl Sienna!": a name the list lacks, said with affection about someone in care
        for match in islice(_OUR_KID_NAME.finditer(text), MAX_SPANS):
            word = match.group(1)
            if (_is_nameish(word, lexicons) and word.lower() not in not_person and care()
                    and not _inside(spans, match.start(1))):
                add(match.start(1), match.end(1))
    if "!" in text:
        # "DENISE!!! 22 pounds since January", "CODY!! Seeing you walk in on your own": a name shouted in joy
        for match in islice(_SHOUTED_NAME.finditer(text), MAX_SPANS):
            if _unmistakable_given(match.group(1).lower(), lexicons, excluded) and care():
                add(match.start(1), match.end(1))
    if not analysis.words.isdisjoint(_WELL_WISH_WORDS) and care():
        # "Praying for Devontae", "Thinking of Keziah tonight": a wish for someone's recovery names them, even
        # a name the list lacks
        for match in islice(_WELL_WISH_NAME.finditer(text), MAX_SPANS):
            word = match.group(1)
            low = word.lower()
            if (_is_nameish(word, lexicons) and low not in not_person and low not in _ABSTRACT_NAMES
                    and not _NOT_NAME_NEXT.match(text, match.end(1)) and not _inside(spans, match.start(1))):
                add(match.start(1), match.end(1))
    if not analysis.words.isdisjoint(_COMMUNITY_TITLES) and care():
        # "caring for Coach Frank", "prayers for Pastor Mike": a community title with a first name is a person
        for match in islice(_TITLED_FIRST_NAME.finditer(text), MAX_SPANS):
            if (match.group(2).lower() in lexicons.given_names and match.group(2).lower() not in not_person
                    and not _inside(spans, match.start(2))):
                spans.append(match.span(1))
    if not analysis.words.isdisjoint(_KIN_TITLES) and care():
        # "Abuela Rosa turned 94", "grandma June was a trooper", "Coach Al Brandt": what the town calls
        # someone, with their name, in a draft about care (the author's own family is left out by add())
        for match in islice(_KIN_NAME.finditer(text), MAX_SPANS):
            low = match.group(1).lower()
            word = match.group(1)
            if word.endswith(("'s", "’s")):
                word, low = word[:-2], low[:-2]  # "Coach Dani's boy"
            community = match.group().split(maxsplit=1)[0].lower() in _SURNAME_TITLES  # "Coach Dwyer"
            after = match.start(1) + len(word)
            if community and (_HELPER_RIGHT.match(text, after) or (_ADDRESSED.match(text, after) and any(
                    analysis.sentences.around(s) == analysis.sentences.around(match.start()) for s, _ in spans))):
                continue  # "thanks to Coach Dana for hosting", "Praying for Loretta, Pastor Gene.": not the patient
            if ((low in lexicons.given_names or _without_accents(low) in lexicons.given_names
                 or (((community and low in lexicons.surnames) or _is_nameish(word, lexicons))
                 and low not in lexicons.common_words))
                    and low not in not_person and not _NOT_KIN_NAME.match(match.group().lower())
                    and not _inside(spans, match.start(1))):
                add(match.start(1), match.start(1) + len(word), titled=True)
    if not analysis.words.isdisjoint(_RELATIVES) and care():
        for match in islice(_RELATION_NAME.finditer(text), MAX_SPANS):
            low = match.group(1).lower()
            if (low not in not_person and low not in not_lower and low not in _ABSTRACT_NAMES
                    and not _NOT_NAME_NEXT.match(text[match.end(1) : match.end(1) + 20])
                    and (_is_nameish(match.group(1), lexicons) or low in lexicons.given_names)
                    and not _inside(spans, match.start(1))):
                add(match.start(1), match.end(1))
    if "#" in text:
        # "#LiamStrong", "#TeamEmma", "#PrayForAva": a campaign hashtag built on a person's first name
        for match in islice(_NAME_HASHTAG.finditer(text), MAX_SPANS):
            low = (match.group(1) or match.group(2)).lower()
            if (low in lexicons.given_names and low not in not_person and low not in _ABSTRACT_NAMES
                    and low not in lexicons.common_words):
                spans.append(match.span())
    for match in islice(_PAREN_VOCATIVE.finditer(text), MAX_SPANS) if "(" in text else ():
        low = match.group(1).lower()
        plain = low not in lexicons.common_words and low not in lexicons.ambiguous_names
        own_care = not analysis.words.isdisjoint(_care_words(lexicons))
        if (low in lexicons.given_names and low not in not_person and low not in not_lower and (plain or own_care)
                and low not in _ABSTRACT_NAMES and care()
                and not _inside(spans, match.start(1))):
            add(match.start(1), match.end(1))  # "(Jake, we're looking at you!)"
    if analysis.request.kind == "reply":
        # "Frank, I hear you.", "Tom - thank you for your patience": a reply that opens by addressing someone
        lead = _LEAD_VOCATIVE.match(text)
        if lead:
            low = lead.group(1).lower()
            plain = low not in lexicons.common_words and low not in lexicons.ambiguous_names
            own_care = not analysis.words.isdisjoint(_care_words(lexicons)) or not analysis.words.isdisjoint(
                _health_words(lexicons))
            if (low in lexicons.given_names and low not in not_person and low not in not_lower
                    and low not in _ABSTRACT_NAMES and care() and (plain or own_care)
                    and not _inside(spans, lead.start(1))):
                add(lead.start(1), lead.end(1))
    if not analysis.words.isdisjoint(_NICK_PREFIX) and care():
        # "tell big ray we said hi", "give little sam a hug from us": a nicknamed person the staff know
        for match in islice(_MESSAGE_TO_NAME.finditer(lower), MAX_SPANS):
            low = match.group(2)
            if (low in lexicons.given_names and low not in not_person and low not in not_lower
                    and not _inside(spans, match.start(1))):
                spans.append(match.span(1))
    if "tell" in analysis.words and care():
        # "tell tyler he passed everything", "Tell Rosa we said hi": a message for one person in the practice's care
        for match in islice(_TELL_NAME.finditer(text), MAX_SPANS):
            word = match.group(1)
            low = word.lower()
            # capitalised, any listed name; typed in lower case, only one that is no ordinary word
            listed = word[0].isupper() or _unmistakable_given(low, lexicons, excluded)
            if listed and low in lexicons.given_names and low not in excluded and not _inside(spans, match.start(1)):
                add(match.start(1), match.end(1))
    if not analysis.words.isdisjoint(_ONGOING_WORDS):
        # "maddie's been coming to dr reed since she was born", "Tom has been seeing us for his diabetes"
        for start, end in islice(_names_followed_by(analysis, lexicons, _ONGOING_CARE_AFTER_NAME, (3, 20)), MAX_SPANS):
            low = lower[start:end]
            if (low not in not_person and low not in not_lower
                    and low not in lexicons.ambiguous_names and low not in lexicons.common_words
                    and not _inside(spans, start)):
                add(start, end)
    if "—" in text or "–" in text or "-" in text:
        for match in islice(_ATTRIBUTION.finditer(text), MAX_SPANS):
            low = match.group(1).lower()
            if (low in lexicons.given_names and low not in not_person and low not in not_lower
                    and not _inside(spans, match.start(1))):
                add(match.start(1), match.end(1))
    if spans and (" and " in text or "&" in text):
        spans.extend(_coordinated_names(analysis, lexicons, spans, excluded))
    if " and " in lower and care():
        for match in islice(_LOWER_PAIR.finditer(text), MAX_SPANS):
            pair = (match.group(1), match.group(2))
            if all(_unmistakable_given(w, lexicons, excluded) for w in pair) and not _inside(
                    spans, match.start()):
                spans.extend([match.span(1), match.span(2)])  # "tyler and mia were total troopers"
    for match in islice(_MID_VOCATIVE.finditer(text), MAX_SPANS) if "," in text else ():
        low = match.group(1).lower()
        if (_is_given(match.group(1), lexicons, strict=False) and low not in not_person and low not in not_lower
                and low not in _ABSTRACT_NAMES and care() and not _inside(spans, match.start(1))):
            add(match.start(1), match.end(1))  # "Indeed I did, Carol, and I remember..."
    for index, (start, end) in enumerate(spans):
        prefix = _NICK_LEFT.search(text[max(0, start - 12) : start])
        if prefix and _nick_prefix(prefix.group(1)):  # "Coach Trina", "little mateo", however the name was found
            spans[index] = (start - len(prefix.group()), end)
    # On a clinician's own account a post's "Uncle Raj" or "Grandma June" is the author's family (measured: no
    # read writer labeled one); a reply there, as on the practice page, may be talking about a patient.
    if analysis.request.profile == "personal" and analysis.request.kind == "post":
        spans = _not_led_by(spans, lower, _FAMILY_KIN_TITLES)
    # "the Springfield kids": the practice's own town is a place, never a person's name
    spans = _not_led_by(spans, lower, practice_places(analysis.context.address))
    if spans and (_OLD_YEAR.search(text) or _HISTORY.search(lower)):
        spans = [(s, e) for s, e in spans if not _historical(analysis, s)]  # the draft is about the past
    staff = _introduced_staff(text) if spans else frozenset()
    # "Please welcome Dana Whitfield, DPT, to our team! Dana ...": a colleague, every time she is named
    spans = _not_led_by(spans, lower, staff)
    if spans and "@" in text:  # "kara.wells@...": a name inside an address is the address's (see detect_emails)
        spans = [(s, e) for s, e in spans if not _in_email(analysis, s)]
    return spans


_MONTH_NAMES = frozenset(["jan", "april", "may", "june", "july", "august"])
_DAY_NUMBER_NEXT = compile_fast(r"\.?\s*\d{1,2}(?!\d)")
_SHOUTED_NAME = compile_fast(r"(?:^|[.!?]\s+|\n)\W{0,3}([A-Z]{3,15})(?=\s*!)")
_WELL_WISH_WORDS = frozenset(["praying", "prayers", "thinking", "thoughts", "sending", "heal", "well"])
_WELL_WISH_NAME = compile_fast(
    r"\b(?i:praying\s+for|prayers\s+(?:for|to|go\s+out\s+to)|thinking\s+(?:of|about)|thoughts\s+(?:are\s+)?with|"
    r"sending\s+(?:(?:so\s+much|all\s+(?:the|our)|good|healing|positive|big)\s+)?(?:love|prayers|hugs|vibes|"
    r"strength|healing\s+vibes|good\s+vibes|wishes)\s+(?:to|for)|get\s+well\s+soon,?|heal\s+(?:up|fast|quickly|soon),?)"
    r"\s+([A-Z][a-z'’-]{2,20})\b(?!['’]s\s+(?:team|class|school|family\s+business))")
_KID_WORDS = frozenset(["girl", "boy", "guy", "gal", "kiddo", "champ", "warrior", "superstar", "hero"])
_OUR_KID_NAME = compile_fast(
    r"\b(?i:our|my)\s+(?i:(?:little|sweet|brave|favou?rite|tough)\s+)?(?i:girl|boy|guy|gal|kiddo|champ|warrior|"
    r"superstar|hero)\s+([A-ZÁÉÍÓÚÑ][a-zà-öø-ÿ'’-]{2,20})\b(?!['’]s\s+(?:team|class|school))")
# A name addressed in the middle of a sentence, set off by commas: "Indeed I did, Carol, and I remember".
_MID_VOCATIVE = compile_fast(r"\b(?:did|do|am|are|is|was|will|know|agree|promise|hear\s+you|thanks|thank\s+you|"
                             r"yes|no|oh|well|honestly|truly|of\s+course),\s+([A-Z][a-z'’-]{1,20}),\s")
# "Lily and Lucas", "Ava & Mia": a given name joined to a name already found is a second person, even when the
# word alone could be something else (a flower, a carol).
_LOWER_PAIR = compile_fast(r"(?<![\w@#.])([a-z]{3,20})\s+and\s+([a-z]{3,20})\b(?!['’-])")
_THANKS_WORDS = frozenset(["thx", "thanks", "thank", "ty", "tysm"])
_THANKS_LOWER_NAME = compile_fast(
    r"\b(?:thx|thanks|thank\s+(?:you|u)|ty|tysm)\b(?:\s+so\s+much)?[^.!?\n]{0,30}?\s([a-z][a-z'’-]{1,20})\s*!")
_AND_NAME_RIGHT = compile_fast(r"\s+(?:and|&)\s+([A-Z][a-z'’-]{1,20})\b")
_AND_NAME_LEFT = compile_fast(r"\b([A-Z][a-z'’-]{1,20})\s+(?:and|&)\s+$")


def _coordinated_names(analysis: Analysis, lexicons: Lexicons, spans: list[Span],
                       not_words: frozenset[str]) -> list[Span]:
    """Given names joined by "and" to a name found with a cue of its own."""
    text = analysis.text
    found: list[Span] = []
    for start, end in list(spans):
        for match, offset in ((_AND_NAME_RIGHT.match(text, end), 0),
                              (_AND_NAME_LEFT.search(text[max(0, start - 30) : start]), max(0, start - 30))):
            if not match:
                continue
            low = match.group(1).lower()
            span = (offset + match.start(1), offset + match.end(1))
            if (_is_given(match.group(1), lexicons, strict=False) and low not in not_words
                    and low not in _ABSTRACT_NAMES and not _NOT_NAME_NEXT.match(text[span[1] : span[1] + 20])
                    and not any(s <= span[0] < e for s, e in spans + found)):
                found.append(span)
    return found


# "On May 14, 1796, Edward Jenner inoculated James Phipps", "history night ... a young Abraham Lincoln": people
# of the past, not patients.
# A year before 1900, not a house number ("1442 Sycamore Ln", "1820 County Road 5") or part of an account
# number ("7730-1182").
_OLD_YEAR = compile_fast(
    # not a phone number's last digits ("555 649 1027") nor a road's number ("County Road 1200 N")
    r"(?<![\w#/.-])(?<!\d\s)(?<!Road\s)(?<!road\s)(?<!Route\s)(?<!route\s)(?<!Rd\s)(?<!Box\s)(?<!box\s)(?<!Hwy\s)"
    rf"1[0-8]\d\d(?![\w/-]|\.\d|\s\d|\s[NSEW]\b)(?!\s+(?:[NSEW]\.?\s+)?(?:[A-Z][a-z'-]{{1,20}}\s+){{1,3}}(?:{_STREET_SUFFIX}\b|Apt|Unit))")
_HISTORY = _ci(r"\b(?:history|historical|historian|historic|centuries|century|biography|on\s+this\s+day\s+in)\b")
_PRESENT_PERSON = _ci(r"\b(?:you|your|ur|our\s+patients?|my\s+patients?|today|this\s+week|yesterday)\b")


def _historical(analysis: Analysis, start: int) -> bool:
    """Whether the sentence around ``start`` tells of the past, in a draft already known to be about the past
    (a year before 1900, or history): the sentence has such a year, or nobody of the present in it."""
    _, sentence = analysis.sentence_lower(start)
    return bool(_OLD_YEAR.search(sentence)) or not _PRESENT_PERSON.search(sentence)


# A person introduced as a colleague: a name with a credential after it, or welcomed to the team.
_STAFF_INTRO = compile_fast(
    rf"\b([A-ZÁÉÍÓÚÑ][a-zà-öø-ÿ'’-]{{1,20}})(?:\s+[A-Z]\.?)?(?:\s+[A-ZÁÉÍÓÚÑ][a-zà-öø-ÿ'’-]{{1,25}})?,?\s+{_CREDENTIALS}(?![\w-])"
    rf"|\b(?i:welcomes?|welcoming|introduce|introducing|meet|say\s+(?:hello|hi)\s+to|please\s+welcome)\s+(?:Dr\.?\s+)?([A-ZÁÉÍÓÚÑ][a-zà-öø-ÿ'’-]{{1,20}})"
    rf"(?:\s+[A-ZÁÉÍÓÚÑ][a-zà-öø-ÿ'’-]{{1,25}})?,?"
    rf"\s+(?:to\s+(?:our|the)\s+(?:[\w-]+\s+){{0,2}}?(?:team|staff|crew|office|front\s+desk)|as\s+(?:our|the)\s+new"
    rf"|(?:our|the|•+['’]s)\s+(?:new(?:est)?\s+)?(?:[\w-]+\s+){{0,2}}?(?:member|nurse|hygienist|therapist|provider|physician|"
    rf"assistant|receptionist|coordinator|manager|doctor|worker|navigator|educator|interpreter|scheduler|biller))\b"
    # "call Denise in billing", "ask Rosa at the front desk": a colleague named by where she works
    rf"|\b([A-ZÁÉÍÓÚÑ][a-zà-öø-ÿ'’-]{{1,20}})\s+(?:in|at|from)\s+(?:billing|scheduling|records|the\s+front\s+desk|our\s+front\s+desk)\b")


def _not_led_by(spans: list[Span], lower: str, words: frozenset[str]) -> list[Span]:
    """``spans`` without those whose first word (apostrophes aside) is one of ``words``."""
    if not words:
        return spans
    return [(s, e) for s, e in spans if lower[s:e].split(maxsplit=1)[0].strip("'’") not in words]


def _introduced_staff(text: str) -> frozenset[str]:
    """Lower-cased first names of the people a draft introduces as colleagues."""
    return frozenset(name.lower() for match in _STAFF_INTRO.finditer(text) for name in match.groups() if name)


@lru_cache(maxsize=32)
def practice_places(address: str) -> frozenset[str]:
    """The words naming the practice's town and state ("120 Oak Street, Springfield, IL 62704" gives
    springfield and il): everything after the street, without numbers."""
    parts = [part for part in address.split(",")[1:] if part.strip()]
    return frozenset(word for part in parts for word in re.findall(r"[^\W\d_]+", part.lower()) if len(word) > 1)


_TITLED_FIRST_NAME = compile_fast(
    r"(?<![\w])(?i:caring\s+for|care\s+of|cared\s+for|treating|treated|miss(?:ing)?|prayers?\s+(?:for|to)|praying\s+for|"
    r"thoughts\s+(?:are\s+)?with|healing\s+(?:vibes\s+)?(?:for|to)|get\s+well(?:\s+soon)?,?|congrats\s+to|proud\s+of|"
    r"shout-?\s?out\s+to|kudos\s+to|welcome\s+back,?|so\s+long,?|rest\s+easy,?|rip)\s+"
    r"((?:Coach|Pastor|Officer|Deacon|Principal|Chief|Captain|Sarge|Judge|Father|Sister|Brother|Aunt|Uncle|Nana|"
    r"Papa|Grandma|Grandpa|Granny|Miss|Mister)\s+([A-Z][a-z'’-]{1,20}))")
_KIN_NAME = compile_fast(
    r"\b(?i:grandma|grandpa|granny|nana|nonna|nonno|abuela|abuelo|auntie|aunt|uncle|t[ií]a|t[ií]o|coach|pastor|"
    r"deacon|reverend|rabbi|don|doña|dona)\s+([A-ZÁÉÍÓÚÑ][a-zà-öø-ÿ'’-]{1,20})\b(?!['’]s\s+(?:pizza|restaurant|kitchen|diner|bakery))")
_KIN_TITLES = frozenset(["grandma", "grandpa", "granny", "nana", "nonna", "nonno", "abuela", "abuelo", "auntie",
                         "aunt", "uncle", "tía", "tia", "tío", "tio", "coach", "pastor", "deacon", "reverend", "rabbi",
                         "don", "doña", "dona"])
#: Community titles used with a surname as well as a given name ("Coach Dwyer", "Pastor Hale").
_SURNAME_TITLES = frozenset(["coach", "pastor", "deacon", "reverend", "rabbi", "don", "doña", "dona"])
#: The kin titles of a family ("Uncle", "Abuela"), the rest being the community's.
_FAMILY_KIN_TITLES = _KIN_TITLES - _SURNAME_TITLES
#: A titled person thanked for what they did, or addressed at the end of a sentence, is a helper or the commenter
#: (thanks "for hosting" and the like are left out for anyone, by _THANKED_FOR in detect_names).
_HELPER_RIGHT = compile_fast(
    r"(?:\s+[A-Z][a-z'’-]+)?\s+(?:and\s+(?:the|all|his|her|our)\b|for\s+(?:bringing|helping|leading|teaching|"
    r"running|inviting|having|sharing|spreading))")
_ADDRESSED = compile_fast(r"(?:\s+[A-Z][a-z'’-]+)?\s*[.!?]")
#: An article right before a capitalised word makes it a thing: "an Oscar", "a Jeep", "the Grammys".
_ARTICLE_LEFT = compile_fast(r"\b(?:an?)\s+$")
_PLACE_ON_LEFT = _ci(
    r"\b(?:store|shop|stores|office|location|restaurant|bakery|cafe|diner|pharmacy|church|park|bar|gym|salon|"
    r"market|station|library|walgreens|cvs|walmart|kroger|costco|target)\s+(?:on|off)\s+$")
#: "President Ronald Reagan": the title of a public figure before the given name.
_TITLED_PUBLIC_LEFT = _ci(r"\b(?:governor|senator|president|mayor|judge|professor|representative|secretary|sen\.|"
                          r"gov\.|rep\.)\s+[a-z'’-]+\s+$")
_THANKED_FOR = compile_fast(
    r"[^.!?\n]{0,60}?\bfor\s+(?:hosting|organizing|organising|sponsoring|partnering|coordinating|volunteering|"
    r"lending|donating)\b"
    # "coach Wendell Brooks is organizing it", "Pastor Ruth Engstrom has kindly invited Riverbend": the person acts
    r"|(?:\s+[A-Z][a-z'’-]+)?\s+(?:is|was|has|will\s+be)\s+(?:kindly\s+|graciously\s+|generously\s+)?(?:organizing|"
    r"organising|hosting|hosted|leading|running|coordinating|sponsoring|invited|inviting|donated|donating|"
    r"volunteering|teaching|speaking)\b")
_THING_NEXT = compile_fast(
    r"-\d|\s+(?:Labs?|Pharma(?:ceuticals)?|Wellness|Nutrition|Naturals|Supplements|Inc|LLC|Co\.)\b"
    r"|\s+(?:costume|doll|movie|song|cake|onesie|pajamas|t-shirt|sticker|balloon|plush)\b"
    r"|\s+(?:Skin|Skincare|Beauty|Aesthetics|Cosmetics|Serums?|Elite|Partner|Brand|Collection)\b"
    # "Davis Vision", "Omega drops": an insurer or a product, not a person
    r"|\s+(?:Vision|Dental|Optical|Eyecare|Eyewear|Insurance|Hearing)\b"
    r"|\s+(?:tablets|capsules|softgels|gummies|lozenges|ointment|lotion|shampoo|drops(?!\s+(?:by|off|in|out|over|to)\b))\b")
_LOWER_INITIAL = compile_fast(r"\s+[a-z]\.(?=\s|$)")
#: "Meet Gus! 🐶 our therapy dog": the office's pet.
_PET_RIGHT = compile_fast(r"[^.?\n]{0,12}?\b(?i:(?:the|our)\s+(?:[\w-]+\s+)?(?:dog|pup|puppy|cat|kitten|pet|mascot))\b")
_CLOSED_GREETING = compile_fast(r"\s*(?:[!,?]|\.(?!\s*[A-Z]))")
_IN_PLACE_LEFT = _ci(r"\b(?:in|near|outside|visiting)\s+$")
#: On the author's own account, "my girl Ellie", "our son Noah", "our daughter, Mia": their own children.
_MY_KID_LEFT = _ci(r"\b(?:my|our)\s+(?:(?:little|baby|big|oldest|youngest|eldest|middle|sweet)\s+)?(?:girl|boy|kiddo|"
                   r"little\s+one|kids?|son|daughter|twins|grandson|granddaughter|grandkids?)\s*,?\s+$")
#: "I'm Tessa Brandt, the new intern": the author introducing themself.
_SELF_LEFT = _ci(r"\b(?:i['’]?m|i\s+am|my\s+name\s+is)\s+$")
#: "Tony's Brick Oven", "Dalton's Pharmacy on Main": a possessive name on a capitalised word is a business.
_BUSINESS_RIGHT = compile_fast(
    r"['’]s\s+(?!(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|January|February|March|April|May|June|July|August|"
    r"September|October|November|December|Mom|Dad|Mama|Papa)[A-Z][a-z]+"
    r"|\s+family\s+(?:sells|runs|owns|makes|bakes|grows|operates)\b")
#: "Tell Earl at the counter": someone met at work, not a patient.
_AT_WORK_RIGHT = compile_fast(r"\s+(?:at|behind)\s+the\s+(?:counter|register|booth|stand|window|front\s+counter)\b")
_VENUE_LEFT = compile_fast(r"\b(?:[Aa]t|[Tt]he)\s+$")
_VENUE_RIGHT = compile_fast(rf"['’]s\b(?!\s+(?:[\w-]+\s+)?{_CARE_NOUN}\b)")
#: Figures of speech and brands that look like a kin title with a name.
_NOT_KIN_NAME = _ci(r"(?:uncle\s+sam|papa\s+john|aunt\s+jemima|grandma\s+moses|uncle\s+ben)\b")
#: The titles one of which every match of _TITLED_FIRST_NAME contains.
_COMMUNITY_TITLES = frozenset(
    ["coach", "pastor", "officer", "deacon", "principal", "chief", "captain", "sarge", "judge", "father", "sister",
     "brother", "aunt", "uncle", "nana", "papa", "grandma", "grandpa", "granny", "miss", "mister"])
# A given name with a verb of ongoing care: "maddie's been coming to dr reed", "Tom has been seeing us",
# "lily is a patient of", "Frank sees Jenna every month". Matched right after each given name the draft
# contains (a name is a whole word of 3 to 20 letters), not tried at every letter of the draft.
_ONGOING_CARE_AFTER_NAME = _ci(
    r"(?:['’]s|\s+has|\s+have|\s+had)\s+been\s+(?:coming\s+(?:in\s+)?(?:to|here)|seeing|"
    r"seen\s+(?:by|here|at)|going\s+to|a\s+patient|treated|cared\s+for|in\s+(?:our\s+)?care|with\s+us|"
    r"getting\s+(?:his|her|their)|on\s+(?:insulin|dialysis|chemo|oxygen|meds))"
    r"|\s+(?:is|was)\s+(?:a|our|one\s+of\s+our)\s+(?:[\w-]{1,15}\s+)?patient\b"
    r"|(?:['’]s|\s+is)\s+(?:(?:feeling|doing)\s+(?:so\s+|much\s+|a\s+lot\s+|way\s+){0,2}"
    r"(?:better|great|well)|(?:home|recovering|healing|on\s+the\s+mend|cancer-free|back\s+on\s+(?:his|her)\s+feet))\b")
_ONGOING_WORDS = frozenset(["been", "patient", "better", "home", "recovering", "healing", "mend", "cancer-free"])
_NAME_HASHTAG = compile_fast(
    r"#(?:Team|PrayFor|Pray4|PrayingFor|Go|Love|Support|StandWith|Fight4|FightFor)([A-Z][a-z]{2,20})\b"
    r"|#([A-Z][a-z]{2,20})(?:Strong|Tough|Warrior|Fights|Fight|s?Journey|Army|Nation|s?Squad|Brave|Bravery)\b")
_PAREN_VOCATIVE = compile_fast(
    r"\(\s*([A-Z][a-z'’-]{1,20}),\s+(?=(?i:we|we'?re|we’re|you|your|this|that|i|so|thank)\b)")
_LEAD_VOCATIVE = compile_fast(
    r"^[^\w]{0,6}([A-Z][a-z'’-]{1,20})\s*(?:,|\s[-–—])\s+(?=(?i:we|we'?re|we’re|i|i'?m|i’m|thank|thanks|sorry|so|"
    r"please|you|your|this|that|our|glad|happy|great|congrats|welcome|hi|hello|hey|it|what|wow|yes|no|of\s+course)\b)")
_TELL_NAME = compile_fast(r"\b[Tt]ell\s+([A-Za-z][a-z]{1,20})\s+(?:(?i:he|she|we|i|that|to|hi|hello|thanks|congrats|"
                          r"happy|our|his|her)\b|[!,.])")
_MESSAGE_TO_NAME = _ci(
    r"\b(?:tell|give|hug|hi\s+to|say\s+hi\s+to|love\s+to|high[- ]five\s+to|best\s+to|congrats\s+to|"
    r"shout-?\s?out\s+to)\s+"
    r"((?:big|little|lil|baby|sweet|brave|young|miss|mister)\s+([a-z]{2,20}))\b")


# A quote signed with a first name: "'Best flu shot ever!' — Kevin", "...changed my life.” - Maria S."
_ATTRIBUTION = compile_fast(r"[\"”’'!.]\s*(?:[—–]|-{1,2})\s*([A-Z][a-z]{2,20})\b")


# "Emily's journey", "lily's ear feels better", "Noah's rash": a given name owning a body part, an illness,
# a treatment or a recovery story is a person whose care is discussed, whatever its case or ambiguity.
_POSSESSIVE_AFTER_NAME = _ci(
    r"['’]s\s+(?:(?:left|right|poor|little|sore|broken|new|first|second|"
    r"latest|last|next|follow-?up|annual|whole|weight[- ]loss|recovery|health|skin|eczema|acne|asthma|"
    r"[a-z][a-z-]{2,14})\s+)?"
    r"(?:ears?|knees?|ankles?|arms?|legs?|foot|feet|hands?|wrists?|hips?|back|shoulders?|elbows?|skin|eyes?|"
    r"immunizations?|vaccinations?|records?|chart|forms?|paperwork|reflux|breathing|wheezing|"
    r"tooth|teeth|throat|tonsils|tummy|stomach|lungs|heart|rash|cough|fever|cold|flu|infection|cast|stitches|"
    r"wound|incision|scar|eczema|acne|asthma|diabetes|allergies|allergy|cancer|tumou?r|diagnosis|journey|story|"
    r"recovery|progress|transformation|results?|labs?|surgery|procedure|appointment|appt|visit|check-?up|"
    r"physical|shots?|vaccines?|meds|medications?|prescription|inhaler|therapy|treatment|condition|symptoms|"
    r"sugars?|blood\s+(?:pressure|sugar|work)|a1c|weight|pregnancy|delivery|birth|baby|mri|x-?ray|scan|"
    r"concussion|fracture|sprain|break|migraines?|seizures?|ptsd|adhd|anxiety|depression)\b")
# "Mrs. D", "Mr. B's", "Coach D", "mrs. k's 2nd grade class": a title with one initial stands for a person.
_INITIAL_TITLES = frozenset(
    ["mr", "mrs", "ms", "mx", "miss", "coach", "officer", "pastor", "aunt", "uncle", "nana", "papa", "grandma",
     "grandpa"])
_TITLE_INITIAL = compile_fast(
    r"\b(?:(?:Mr|Mrs|Ms|Mx)\.?|Miss|Coach|Officer|Pastor|Aunt|Uncle|Nana|Papa|Grandma|Grandpa)\s+[A-Z]\b\.?(?![\w.])"
    r"|\b(?:mr|mrs|ms)\.\s+[a-z](?:['’]s)?\b(?![\w.])")
#: What every match of _VOCATIVE_INITIALS, _INITIALS and _BARE_INITIALS contains (a cheap scan first: most
#: drafts have no initials), and what every match of _NAME_INITIAL does.
_TWO_INITIALS = compile_fast(r"[A-Z]\.\s?[A-Z]\.")
_SPACED_INITIAL = compile_fast(r"\s[A-Z]\.")


def _has_initials(analysis: Analysis) -> bool:
    """Whether the draft has two initials in a row ("J.T."), looked for once per check (two detectors ask)."""
    cached = analysis.__dict__.get("_phi_initials")
    if cached is None:
        cached = analysis.__dict__["_phi_initials"] = _TWO_INITIALS.search(analysis.text) is not None
    return cached
# "Sofia R.", "Ava M.": a given name with the initial of a surname.
_INITIAL_DOT = compile_fast(r"(?<![\w.])[A-Z]\.\s?[A-Z][a-z]")
_INITIAL_SURNAME = compile_fast(r"(?<![\w.])[A-Z]\.\s?([A-Z][a-z'’-]{1,20})\b(?!\s*[.,]?\s*(?:MD|DO|RN|NP|PA)\b)")
_NAME_INITIAL = compile_fast(r"\b([A-Z][a-z]{2,20})\s+[A-Z]\.(?=[\s,;:)'’\"!?]|$)")
# "Thank you so much, T.M.!", "Hi J.K.,": initials used to address someone.
_VOCATIVE_INITIALS = compile_fast(
    r"(?:\b(?:[Hh]i|[Hh]ey|[Hh]ello|[Dd]ear|[Tt]hanks|[Tt]hank\s+you(?:\s+so\s+much)?|[Cc]ongrats|"
    r"[Cc]ongratulations|[Ww]elcome(?:\s+back)?|[Kk]udos\s+to|[Ss]hout-?\s?out\s+to|that['’]s|[Tt]hat\s+is|"
    r"[Gg]o|[Yy]ay)\s*,?\s+|,\s+)"
    r"((?:[A-Z]\.\s?){2,3})(?=\s*[!,?]|\s*$|\s+[\U0001F300-\U0001FAFF])")


def _more_names(analysis: Analysis, lexicons: Lexicons, spans: list[Span], add: Callable[[int, int], None],
                not_words: frozenset[str]) -> None:
    """Names found by a strong cue of their own: a possessive with a body part or care word, a title with
    an initial, a name with a surname initial, initials used as a greeting."""
    text = analysis.text

    if "'" in text or "’" in text:
        for start, end in islice(_names_followed_by(analysis, lexicons, _POSSESSIVE_AFTER_NAME, (3, 21)), MAX_SPANS):
            token = text[start:end]
            low = analysis.lower[start:end]
            if low in _RELATIVES:
                continue  # "my son's heart murmur": a relation, not a name (a name after it is found on its own)
            if low not in not_words and not _inside(spans, start) and (token.islower() or token.istitle()):
                add(start, end)
    if not _talks_about_person(analysis, lexicons):
        return
    titled = not analysis.words.isdisjoint(_INITIAL_TITLES)
    for match in islice(_TITLE_INITIAL.finditer(text), MAX_SPANS) if titled else ():
        if not _inside(spans, match.start()):
            detail = _NAME_DETAIL_RIGHT.match(text, match.end())  # "Mr. K from Elm Street"
            spans.append((match.start(), detail.end() if detail else match.end()))
    if _SPACED_INITIAL.search(text) or _INITIAL_DOT.search(text):
        for match in islice(_NAME_INITIAL.finditer(text), MAX_SPANS):
            if _is_given(match.group(1), lexicons, strict=True) and not _inside(spans, match.start()):
                add(match.start(), match.end())
        for match in islice(_INITIAL_SURNAME.finditer(text), MAX_SPANS):
            low = match.group(1).lower()
            if low in lexicons.surnames and low not in lexicons.common_words and not _inside(spans, match.start()):
                add(match.start(), match.end())  # "a claim for W. Tran came back denied"
    if "patient" in analysis.words or "pt" in analysis.words or "client" in analysis.words:
        for match in islice(_PATIENT_INITIAL.finditer(text), MAX_SPANS):
            if not _inside(spans, match.start(1)):
                spans.append(match.span(1))  # "My patient J. is down 60 lbs": the initial names one person
    if _has_initials(analysis):
        for match in islice(_VOCATIVE_INITIALS.finditer(text), MAX_SPANS):
            if not _NOT_INITIALS.match(match.group(1)) and not _inside(spans, match.start(1)):
                spans.append((match.start(1), match.end(1) - (len(match.group(1)) - len(match.group(1).rstrip()))))


_PATIENT_INITIAL = compile_fast(r"\b(?i:my|our)\s+(?i:patient|pt|client)\s+([A-Z]\.)(?=[\s,)(])")
_CLINICIAN_LEFT = compile_fast(r"\b(?:[Dd]r\.?|[Dd]octor|NP|PA)\s+$")
#: An age over 89 in the comment: "my grandma is 92", "she's 94", "turned 91", "age 95", "93 years old".
_COMMENT_OLD_AGE = re.compile(
    r"\b(?i:is|she['’]s|he['’]s|turned|turns|turning|age|aged)\s+(9\d|1[01]\d)\b"
    r"|\b(9\d|1[01]\d)[- ](?i:years?|yrs?|y/?o)\b")
#: Initials in the comment ("my son T.J."), and a jersey or room number ("#12"): echoed, they point back to one person.
_COMMENT_INITIALS = re.compile(r"(?<![\w.])[A-Z]\.\s?[A-Z]\.(?:\s?[A-Z]\.)?(?![\w])")
_COMMENT_NUMBER_TAG = re.compile(r"(?<![\w#])#\d{2,3}(?!\w)")
#: "It's Dolores again", "this is dolores": a commenter giving their name (the lead words in any case).
_SELF_INTRODUCTION = re.compile(r"\b(?i:i['’]?m|i\s+am|my\s+name\s+is|this\s+is|it['’]?s)\s+([A-Za-z][a-z]{1,20})\b")


def detect_echo(analysis: Analysis, lexicons: Lexicons, params: Mapping[str, Any]) -> list[Span]:
    """Details from the comment being answered, repeated in the reply (names, numbers, e-mails)."""
    reply = analysis.reply
    if not reply or analysis.request.kind != "reply":
        return []
    candidates: set[str] = set()
    for match in _emails(reply):
        candidates.add(match.group())
    for match in re.finditer(r"\b\d[\d-]{3,}\d\b", reply):
        candidates.add(match.group())
    for match in _COMMENT_INITIALS.finditer(reply):
        if not _NOT_INITIALS.match(match.group()):
            candidates.add(match.group())  # "my son T.J." -> "T.J. worked so hard"
    for match in _COMMENT_NUMBER_TAG.finditer(reply):
        candidates.add(match.group())  # "T.J. (#12, Springfield Hawks)" -> "watch out for #12"
    for match in _COMMENT_OLD_AGE.finditer(reply):
        candidates.add(match.group(1) or match.group(2))  # "My grandma is 92" -> "at 92 we'll have the shot ready"
    for match in _SELF_INTRODUCTION.finditer(reply):
        name = match.group(1)  # capitalised, any name-like word; lower-case ("it's dolores"), a listed name only
        if _is_nameish(name, lexicons) if name[0].isupper() else _is_given(name, lexicons, strict=True):
            candidates.add(match.group(1))
    for match in _WORD.finditer(reply):
        token = match.group()
        if token[0].isupper() and _is_given(token, lexicons, strict=True) and not _CLINICIAN_LEFT.search(
                reply, max(0, match.start() - 10), match.start()) and not _NOT_NAME_NEXT.match(
                reply[match.end() : match.end() + 20]):
            candidates.add(token)  # not "Dr. Lin": the commenter's other doctor is no patient
    for match in _OWN_RELATION_NAME.finditer(reply):
        # a relative's name is a name even when it is also a word ("my daughter Lily", "my son Mason")
        token = match.group(1)
        low = token.lower()
        if low not in _ABSTRACT_NAMES and (low in lexicons.given_names or _is_nameish(token, lexicons)):
            candidates.add(token)
    spans: list[Span] = []
    lower = analysis.lower
    for candidate in candidates:
        spans.extend(_standalone(lower, lower_text(candidate)))
    return spans


def _standalone(lower: str, word: str) -> Iterator[Span]:
    """Where ``word`` occurs in ``lower`` not inside a longer word, handle or address (a plain scan: the
    comment's few words need no regex compiled for each draft)."""
    start = lower.find(word)
    while start >= 0:
        end = start + len(word)
        before = lower[start - 1] if start else " "
        after = lower[end] if end < len(lower) else " "
        if not (before.isalnum() or before in "_@.") and not (after.isalnum() or after in "_@"):
            yield start, end
        start = lower.find(word, start + 1)


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


#: "my wife, Carol", "our grandson Ben": a name right after the author's own relative is family, not a patient.
_OWN_RELATIVE_LEFT = _ci(rf"\b(?:my|our)\s+(?:[\w-]{{1,15}}\s+){{0,2}}?(?:{_OWN_RELATIONS}|grandson|granddaughter|"
                         r"grandkids?|grandchildren|twins)\s*,?\s+$")
_SLASHED_NUMBERS = compile_fast(r"(\d{1,3})/(\d{1,3})")


def _plausible_date(first: int, second: int) -> bool:
    return (1 <= first <= 12 and 1 <= second <= 31) or (1 <= second <= 12 and 1 <= first <= 31)


def not_an_identifier(analysis: Analysis, start: int, end: int) -> bool:
    """Why a span the learned model scored high is no identifier after all, for the reasons the detectors
    already know: "20/15" and "120/80" can be no day of the year (an eye chart, a blood pressure), and a name
    right after "my wife," is the author's own family. The model reads words, not these relations."""
    text = analysis.text
    slashed = _SLASHED_NUMBERS.fullmatch(text, start, end)
    if slashed:
        return not _plausible_date(int(slashed.group(1)), int(slashed.group(2)))
    if _in_email(analysis, start):
        return True  # part of an e-mail address: the address is the identifier, if any (see detect_emails)
    named = text[start:end].replace(" ", "").isalpha()  # a word, not a code such as "PHP-4408-2271"
    if named and _THING_NEXT.match(text, end):
        return True  # "Davis Vision", "Omega drops": an insurer or a product (a child's school can identify them)
    # "my wife, Carol" is the author's family, but not inside a quoted review ("“...my husband Gene...”")
    quoted = (text.count("“", 0, start) > text.count("”", 0, start)) or text.count('"', 0, start) % 2 == 1
    return not quoted and bool(_OWN_RELATIVE_LEFT.search(analysis.lower[max(0, start - 40) : start]))
