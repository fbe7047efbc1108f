"""Contact and account identifiers: telephone and fax numbers, e-mail addresses, street addresses and
ZIP codes, record, member, account, licence and plate numbers, web addresses, IP addresses and social
handles that point to a person (Safe Harbor identifiers (B) and (D) to (O), 45 CFR 164.514(b)(2)(i)).

The practice's own number, mailbox, address and handle are masked before these run; what is left is
weighed for a private owner ("my cell", "her house on") against a business or an event.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from itertools import islice
from typing import Any

from composer.checking.analysis import Analysis, Lexicons
from composer.checking.fastre import compile_fast
from composer.checking.phi.shared import (
    COMMENT_WORD,
    HAS_DIGIT,
    MAX_SPANS,
    POSSESSIVE_CARE,
    STREET_SUFFIX,
    YOUR_HIS_HER,
    Span,
    care_words,
    ci,
    email_spans,
    health_words,
    inside,
    on_practice_street,
    overlaps,
    talks_about_person,
)

#: A number, or one with its last four digits blanked out ("555-867-xxxx" still points to one person).
_PHONE = compile_fast(
    r"(?<![\w+])(?:\+?1[\s.-]?)?(?:\(\d{3}\)\s?|\d{3}[\s.-])\d{3}[\s.-](?:\d{4}(?!\d)|[xX*]{4}(?![\w*]))")
_OWN_NUMBER = ci(
    r"\b(?:me|my\s+(?:cell|number|phone|line|personal\s+number))\s+(?:directly\s+)?(?:at|on|is|:)?\s*$")
#: A number the reader is asked to call to reach the office ("call us at", "Questions? Call", "call ... to book",
#: "RSVP at"): the practice's own line even when the context lists another, never a patient's (nobody is told to
#: call their own number; a patient's number is introduced as theirs: "we'll call you at", "her cell is").
_OFFICE_LINE_LEFT = ci(
    r"(?:(?:^|[.!?:]\s*|\b(?:please|or|and|just|questions\??|qs\??|info:?)\s+)(?:give\s+us\s+a\s+)?(?:call|text|phone|ring)"
    r"(?:\s+(?:us|the\s+(?:office|clinic|front\s+desk)|our\s+(?:office|clinic|team|front\s+desk|optical\s+shop)))?"
    r"(?:\s+(?:at|on))?|\b(?:rsvp|book|schedule|appointments?|questions|preguntas|llame|llámenos)(?:\s+at|\s*:|\s*\?)?"
    # one of the office's own lines, named as one: "call our after-hours nurse line at", "our billing team at",
    # "our after-hours counseling line is"
    r"|\b(?:call|text|reach|contact)\s+(?:our|the)\s+(?:[\w&/-]+\s+){0,3}?(?:line|hotline|team|office|desk|department|"
    r"center|centre)(?:\s+(?:at|on))?|\bour\s+(?:[\w&/-]+\s+){0,3}?(?:line|hotline|number)\s+is"
    # "we're here at", "our practice manager, at", "for anyone who needs us:", "your mom's questions too:"
    r"|\bwe['’]re\s+(?:always\s+)?(?:here\s+)?at|\bour\s+(?:[\w-]+\s+){0,2}?(?:manager|coordinator|director|team|office),?"
    r"\s+at|\bneeds?\s+us\s*:|\bquestions\s+too\s*:)\s*$")
_OFFICE_LINE_RIGHT = ci(r"\s+(?:to\s+(?:book|reserve|schedule|set\s+up|make|register|sign\s+up|rsvp|learn|ask|find)|"
                         r"today|and\s+(?:ask|press|book))\b")
#: "call ... to book": the word before a number whose purpose follows it.
_CALL_WORD = ci(r"\bcall\s*$")
#: "...at frontdesk@brightwatereye.example or (555) 340-2020": a mailbox, then the line that goes with it.
_MAILBOX_OR_LEFT = ci(r"\b([\w.+-]+@[\w.-]+)\s+or\s*$")
_ORG_PHONE = compile_fast(r"^(?:\+?1[\s.-]?)?\(?8(?:00|88|77|66|55|44|33)\)?")
_ORG_MAILBOX = ci(
    r"^(?:info|hello|contact|support|office|admin|billing|appointments?|help|team|noreply|no-reply|"
    r"press|media|careers|jobs|front-?desk|reception|scheduling|records|optical|hr|referrals|frontoffice|"
    # a department's mailbox: "studenthealth@", "counselingcenter@", "billingoffice@"
    r"[a-z]*(?:health|clinic|center|centre|office|desk|services|counseling|counselling|nursing))@")
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
# "Our driver reached room 214", "Tell Mrs. Petrakis in room 14", "J.A. in apt 214", "the patient in chair 7": where
# one person lives or sits for treatment, not an exam room.
_RESIDENT_ROOM = compile_fast(
    r"(?<!xam )(?<!reatment )(?<!rocedure )(?<!onference )(?<!aiting )(?<!to )"
    r"\b(?:[Rr]oom|[Aa]pt\.?|[Aa]partment|[Uu]nit|[Cc]ottage|[Vv]illa|[Bb]ay|[Cc]hair|[Bb]ed|[Ll]ot|[Cc]abin)"
    r"\s?#?\s?\d{1,4}[A-Z]?\b(?![-\w])(?!\s*(?:to|-|–|minutes|mins|hours|hrs|percent|%)\b)")
_RESIDENT_ROOM_CUE = ci(
    r"\b(?:his|her|him|their|your|resident|residents|mr|mrs|ms|miss|visiting|reached|moved\s+into|tell|patient|guy|"
    r"lady|gentleman|man|woman|kid|toddler)\b|\bin\s+(?:apt|apartment|cottage|villa)\b|\b[A-Z]\.\s?[A-Z]\.\s+in\b")
#: The words one of which a resident's room or unit is written with.
_UNIT_WORDS = frozenset(["room", "apt", "apartment", "unit", "cottage", "villa", "bay", "chair", "bed", "lot", "cabin"])
_RURAL_ROUTE = compile_fast(
    r"\b(?:(?:Rural\s+Route|RR)\s+\d{1,4}(?:,?\s+Box\s+\d{1,5})?|P\.?\s?O\.?\s+Box\s+\d{1,6}"
    # a country road by its number, with the grid direction if given: "Co Rd 1400 E", "county road 9", "Township
    # Rd 220" (any case: people type them in lower case too)
    r"|(?i:county\s+road|co\.?\s+rd\.?|county\s+rd\.?|township\s+(?:road|rd\.?)|twp\.?\s+rd\.?)\s+\d{1,5}"
    r"(?:\s+[NSEW](?![\w'’]))?)\b"
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
_STREET_WORDS = frozenset(
    ["street", "st", "avenue", "ave", "road", "rd", "drive", "dr", "lane", "ln", "boulevard", "blvd", "court", "ct",
     "way", "place", "pl", "terrace", "circle", "parkway", "pkwy", "highway", "hwy", "trail", "row", "loop", "pike"])
# A street named without a house number, tied to where a person lives or came from ("walked here from
# Elm St", "lives on Birch Court"); a parking lot or an event venue is not tied to anyone.
_BARE_STREET = compile_fast(
    rf"\b(?:from|on|off\s+of|lives\s+(?:on|off)|living\s+on|house\s+on|home\s+on)\s+"
    rf"((?:[A-Z][a-z'-]{{1,20}}\s+){{1,2}}{STREET_SUFFIX}\b\.?"
    # a numbered road only where someone lives ("the farm out on Route 9"); a shop "on Route 4" is public
    rf"|(?<=(?:out|ves|ing|use|ome|arm|ace) on )(?:Route|Rt\.|County\s+(?:Road|Rd\.?)|State\s+Route|Highway|Hwy\.?)"
    rf"\s+\d{{1,4}}(?:\s+[NSEW]\b)?)"
    # "(62707!)": a ZIP code in brackets after the road
    rf"(?:[^()\n]{{0,30}}?\(\s*(\d{{5}})(?![\d-])[^()\n]{{0,20}}\))?")
_PERSON_PRONOUN = ci(r"\b(?:he|she|his|her|him|they|their|who|your|you|lives|home|house|family|patient|place|farm)\b")
# A public place or the practice's own event near an address: "the Eastside Library (2200 Cedar Ave.)".
_PUBLIC_PLACE = ci(
    r"\b(?:library|park|school|elementary|high|middle|academy|college|university|church|temple|mosque|"
    r"synagogue|center|centre|hall|ymca|ywca|gym|arena|stadium|fairgrounds|pharmacy|hospital|clinic|"
    r"market|mall|plaza|store|station|parking|lot|garage|building|entrance|office|suite|venue|"
    r"join\s+us|free|event|fair|drive|festival|walk|run|screenings?|shots?\s+for|open\s+to|rsvp|"
    r"this\s+(?:mon|tues|wednes|thurs|fri|satur|sun)day|location|located|moved|moving|new\s+address|"
    r"our\s+(?:new\s+)?(?:office|clinic|location|building))\b")
_EVENT_RIGHT = ci(
    r"\b(?:a\.?m\.?|p\.?m\.?|noon|(?:mon|tues|wednes|thurs|fri|satur|sun)day|open|free|join|all\s+welcome)\b")
_ID = ci(
    r"\b(?:MRN|medical\s+record(?:\s+(?:number|no\.?|#))?|(?:patient|chart|record|case)\s+(?:number|no\.|#|ID)"
    r"|account(?:\s+(?:number|no\.?))?|acct\.?|member\s+(?:ID|number|no\.?|#)|(?:insurance|policy|group|"
    r"subscriber|claim|beneficiary|Medicare|Medicaid)\s+(?:ID|number|no\.?|#)|ID|SSN|social\s+security"
    r"(?:\s+number)?|licen[cs]e(?:\s+(?:plate|number|no\.?))?|plate|serial(?:\s+(?:number|no\.?))?|"
    r"device\s+(?:ID|number)|VIN|DEA|MBI|(?:credit\s+|debit\s+|insurance\s+)?card(?=\s+end)|invoice"
    r"|(?:visit|claim)(?=\s+[A-Z]{0,3}-?\d)|request(?=\s+#)|employee\s+(?:ID|number|no\.?|#)|(?:badge|employee|staff|worker)(?=\s*#)|CDL|driver['’]?s\s+licen[cs]e|(?:PA|prior\s+auth(?:orization)?|authorization|auth|reference|ref|confirmation|rx|"
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
_PROFILE_URL = ci(rf"\b(?:https?://)?(?:www\.)?{_PERSON_HOSTS}(?:in/|@|f/|visit/)?[\w.-]{{2,60}}")
_LINK_HOST = ci(rf"\b{_PERSON_HOSTS}")
_THREE_DIGITS = compile_fast(r"\d{3}")


def detect_phones(analysis: Analysis, lexicons: Lexicons, params: Mapping[str, Any]) -> list[Span]:
    """Telephone and fax numbers other than the practice's own (masked) and toll-free lines."""
    spans: list[Span] = []
    if not _THREE_DIGITS.search(analysis.text):
        return spans
    for match in islice(_PHONE.finditer(analysis.text), MAX_SPANS):
        if _ORG_PHONE.match(match.group()):
            continue
        left = analysis.lower[max(0, match.start() - 40) : match.start()]
        if _OWN_NUMBER.search(left):
            continue  # the author's own number: a profile problem, not a patient identifier
        mailbox = _MAILBOX_OR_LEFT.search(left)
        if _OFFICE_LINE_LEFT.search(left) or (_CALL_WORD.search(left) and _OFFICE_LINE_RIGHT.match(
                analysis.lower, match.end())) or (mailbox and _ORG_MAILBOX.match(mailbox.group(1))):
            continue  # "call us at ...", "call ... to book", "frontdesk@... or ...": the office's line
        spans.append(match.span())
    if _LOCAL_PHONE_CUE.search(analysis.lower):
        for match in islice(_LOCAL_PHONE.finditer(analysis.text), MAX_SPANS):
            left = analysis.lower[max(0, match.start() - 30) : match.start()]
            if _LOCAL_PHONE_LEFT.search(left) and not inside(spans, match.start()):
                spans.append(match.span())
    return spans


# "call her at 555-0193": a seven-digit local number right after a call/text cue.
_LOCAL_PHONE_CUE = ci(r"\b(?:call|calls|text|texts|reach|phone|cell|number|ring)\b")
_LOCAL_PHONE = compile_fast(r"(?<![\d(-])\d{3}[-.]\d{4}(?![\d-])")
_LOCAL_PHONE_LEFT = ci(r"\b(?:call|text|reach|phone|cell|number|ring|at|is|on)\b[^.!?\n\d]{0,20}$")


def detect_emails(analysis: Analysis, lexicons: Lexicons, params: Mapping[str, Any]) -> list[Span]:
    """E-mail addresses other than the practice's own, organisational mailboxes (info@, hello@) and the
    author's own ("send it to my personal email, ..."): the author is staff, never the patient."""
    lower = analysis.lower
    return [
        (start, end) for start, end in email_spans(analysis)
        if not _ORG_MAILBOX.match(lower[start:end])
        and not _OWN_EMAIL_LEFT.search(lower, max(0, start - 40), start)
        and not (start and lower[start - 1] == "•")  # "anika.p.home@...": a staff name in it, their own
    ]


#: What introduces the author's own address: "my (personal) email,", "email me at", "reach me directly at".
_OWN_EMAIL_LEFT = ci(r"(?:\bmy\s+(?:own\s+|personal\s+|work\s+|direct\s+)?e-?mail(?:\s+address)?(?:\s+is)?|"
                      r"\b(?:e-?mail|reach|contact|message|write\s+to)\s+me\s+(?:directly\s+)?(?:at|@))\s*[,:]?\s*$")


def detect_addresses(analysis: Analysis, lexicons: Lexicons, params: Mapping[str, Any]) -> list[Span]:
    """Street addresses and ZIP codes (the practice's own address is masked before this runs)."""
    if not HAS_DIGIT.search(analysis.text) and analysis.words.isdisjoint(_STREET_WORDS):
        return []
    text = analysis.text
    lower = analysis.lower
    spans: list[Span] = []
    for match in islice(_STREET.finditer(text), MAX_SPANS):
        if not _private_address(analysis, match.start(), match.end()):
            continue
        spans.append(match.span())
    for match in _ZIP.finditer(text):
        if not inside(spans, match.start()) and _private_address(analysis, *match.span()):
            spans.append(match.span())
    if "zip" in analysis.words:
        for match in islice(_ANY_FIVE.finditer(text), MAX_SPANS):
            _, sentence = analysis.sentence_lower(match.start())
            if "zip" in sentence and not overlaps(spans, *match.span()):
                spans.append(match.span())
    for match in islice(_STREET_LOWER.finditer(text), MAX_SPANS) if not text[:1].isupper() else ():
        if not overlaps(spans, *match.span()) and _private_address(analysis, *match.span()):
            spans.append(match.span())  # "we mailed the letter to 412 birch ct": typed all in lower case
    for match in islice(_RURAL_ROUTE.finditer(text), MAX_SPANS):
        if _private_address(analysis, *match.span()):
            spans.append(match.span())
    if not analysis.words.isdisjoint(_UNIT_WORDS) and talks_about_person(analysis, lexicons):
        for match in islice(_FACILITY_ROOM.finditer(text), MAX_SPANS):
            if not overlaps(spans, *match.span()):
                spans.append(match.span())  # "Room 112 at Cedar Crest Manor": where one resident lives
        for match in islice(_RESIDENT_ROOM.finditer(text), MAX_SPANS):
            _, sentence = analysis.sentence_lower(match.start())
            if not overlaps(spans, *match.span()) and _RESIDENT_ROOM_CUE.search(sentence):
                spans.append(match.span())
    if _FIVE_DIGITS.search(text) and _BARE_ZIP.search(text) and talks_about_person(analysis, lexicons):
        for match in _BARE_ZIP.finditer(text):
            if not inside(spans, match.start(1)) and _private_address(analysis, *match.span(1)):
                spans.append(match.span(1))
    for match in _BARE_STREET.finditer(text):
        start, end = match.span(1)
        shop = _BUSINESS_LEFT.search(lower[max(0, match.start() - 30) : match.start()])
        if shop or on_practice_street(analysis, start, end) or inside(spans, start):
            continue  # "the Walgreens on Monroe Street", "the side door on Oak Street" (the practice's): not a home
        _, sentence = analysis.sentence_lower(start)
        near = analysis.lower[max(0, start - 80) : end + 80]
        person = _PERSON_PRONOUN.search(sentence) or _PERSON_PRONOUN.search(near)
        if person and _private_address(analysis, start, end) and talks_about_person(analysis, lexicons):
            spans.append((start, end))
            if match.group(2):
                spans.append(match.span(2))
    del lower
    return spans


_BUSINESS_LEFT = ci(
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
    if YOUR_HIS_HER.search(left[-25:]) or _PRIVATE_CUE.search(sentence):
        return True
    return not (_PUBLIC_PLACE.search(left) or _EVENT_RIGHT.search(right) or _PUBLIC_PLACE.search(right[:25]))


_PRIVATE_CUE = ci(
    r"\b(?:your|his|her|their|lives|living|home|house|apartment|mailed|delivered\s+to|dropped\s+off|"
    r"address\s+(?:is|to)|updated\s+your|sent\s+(?:it|them)\s+to|shipped|went\s+to|for\s+(?:mr|mrs|ms)\b"
    r"|(?:family|folks|farm|ranch)\s+(?:out\s+)?(?:at|on)\s+\d)")


_VANITY_PLATE = compile_fast(
    r"\b(?=[A-Z0-9]*[A-Z])([A-Z0-9]{3,8})\s+(?i:(?:vanity\s+|license\s+|licence\s+)?plates?)\b")


#: A licence plate, whole or in part, after the word "plate" ("plate ending 4KX", "plate IL 8K 4471"); the
#: caller keeps only a plate with both letters and digits ("half your plate 2 times a day" is food).
_PLATE = compile_fast(
    r"\b(?i:(?:licen[cs]e\s+)?plates?(?:\s+(?:number|no\.?|#))?\s+(?:(?:ending|ends|starting|starts)\s+(?:in\s+|with\s+)?)?)"
    r"([A-Z0-9]{1,4}(?:[ -][A-Z0-9]{1,4}){0,2})\b")


def detect_id_numbers(analysis: Analysis, lexicons: Lexicons, params: Mapping[str, Any]) -> list[Span]:
    """Record, member, account, licence, device and Social Security numbers, and IP addresses."""
    spans: list[Span] = []
    if "plates" in analysis.words or "plate" in analysis.words:
        # "the guy with the DRBEER plates": a vanity licence plate names one car's owner
        spans.extend(m.span(1) for m in _VANITY_PLATE.finditer(analysis.text))
        # "plate ending 4KX", "plate number 7GHT 219": part of a plate still points to one car, whoever drives it
        spans.extend((m.start(), m.end(1)) for m in _PLATE.finditer(analysis.text)
                     if any(ch.isdigit() for ch in m.group(1)) and any(ch.isalpha() for ch in m.group(1)))
    if not _THREE_DIGITS.search(analysis.lower) and "mbi" not in analysis.words and "medicare" not in analysis.words:
        return spans  # a Medicare number (MBI) mixes letters in, so it need not hold three digits in a row
    for match in _ID.finditer(analysis.lower):
        if sum(ch.isdigit() for ch in match.group(1)) >= 3:
            spans.append((match.start(), match.end(1)))
    spans.extend(m.span() for m in _SSN.finditer(analysis.text))
    if not analysis.words.isdisjoint(_BILLING_WORDS):
        spans.extend(m.span() for m in _BARE_CODE.finditer(analysis.text) if not overlaps(spans, *m.span()))
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
_ORG_HANDLE = ci(
    r"^(?:cdc\w*|who|nih\w*|fda\w*|hhs\w*|ama\w*|aap\w*|aha\w*|american\w*|mayo\w*|\w*(?:health|clinic|"
    r"hospital|medical|medicine|pharmacy|dept|department|gov|official|news|foundation|association|society|"
    r"county|city|school|schools|university|college|library|ymca|redcross|team))$"
    # "Tdap @11–12y", "booster @16y": shorthand for "at age", not a handle
    r"|^\d{1,3}(?:y|yo|yrs?|mo|mos|m|wk|wks|w|d|h|hrs?|am|pm)?$")


_YOU = ci(r"\b(?:you|your|ur|u)\b")
#: Words of a brand or a creator's collaboration: a handle in such a post is a business, not a patient.
_BRAND_WORDS = frozenset(("teamed", "partnered", "partner", "partnership", "sponsored", "sponsor", "collab", "creator",
                          "influencer", "code", "gifted", "buy", "shop", "brand", "ambassador"))
_HANDLE_CHEER_LEFT = ci(
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
            if talks_about_person(analysis, lexicons):
                spans.append(match.span())
            continue
        _, sentence = analysis.sentence_lower(match.start())
        if POSSESSIVE_CARE.search(sentence) or "patient" in sentence:
            spans.append(match.span())
        elif talks_about_person(analysis, lexicons) and analysis.words.isdisjoint(_BRAND_WORDS):
            spans.append(match.span())  # "- tasha w. (@tashaw_twinmom) … see the twins at their 4 month visit"
        elif not analysis.text[: match.start()].strip() and _YOU.search(analysis.lower) and (
                talks_about_person(analysis, lexicons) or not analysis.words.isdisjoint(health_words(lexicons))):
            spans.append(match.span())  # "@ronnie_bass_guy that bullseye on your calf is Lyme": a post to one person
        elif _HANDLE_CHEER_LEFT.search(analysis.lower[max(0, match.start() - 30) : match.start()]) and not care_words(
                lexicons).isdisjoint(COMMENT_WORD.findall(sentence)):
            spans.append(match.span())  # "Shoutout @jess_runs for finishing PT strong!"
    return spans
