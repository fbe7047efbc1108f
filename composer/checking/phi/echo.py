"""Details a reply echoes back from the comment it answers: the commenter's name, a relative's name,
initials, an age over 89 or a number tag. Repeating them confirms who wrote and what about, what HHS's
Office for Civil Rights has fined practices for in review replies.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from typing import Any

from composer.checking.analysis import Analysis, Lexicons
from composer.checking.fastre import compile_fast, lower_text
from composer.checking.phi.names import introduced_staff
from composer.checking.phi.shared import (
    ABSTRACT_NAMES,
    NOT_INITIALS,
    NOT_NAME_NEXT,
    RELATION_WORDS,
    THING_NEXT,
    WORD,
    Span,
    emails,
    is_given,
    is_nameish,
    lexicon_set,
)

#: "My daughter Lily is 7", "my brother Chuy": a commenter naming their own relative (echoed by a reply).
_OWN_RELATION_NAME = re.compile(
    rf"\b(?i:my|our)\s+(?:[\w-]{{1,12}}\s+){{0,3}}?(?:{RELATION_WORDS}|(?i:neighbou?r|friend|buddy|co-?worker|boss|"
    rf"roommate|client))\s*,?\s+([A-Z][a-z'’-]{{1,20}})\b")
_CLINICIAN_LEFT = compile_fast(r"\b(?:[Dd]r\.?|[Dd]octor|NP|PA)\s+$")
#: Where the practice's staff work, right after a name in the comment: "Tessa in the optical shop is AMAZING".
_STAFF_IN_COMMENT = re.compile(
    r"\s+(?i:(?:in|at|from|up\s+at)\s+(?:the\s+|your\s+)?(?:optical(?:\s+shop)?|front(?:\s+desk)?|billing|"
    r"reception|check-?in|check-?out|lab|x-?ray|scheduling|pharmacy)\b|,?\s+(?:your|the)\s+(?:receptionist|nurse|"
    r"optician|hygienist|tech|technician|assistant|scheduler|biller|office\s+manager|practice\s+manager)\b)")
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
    for match in emails(reply):
        candidates.add(match.group())
    for match in re.finditer(r"\b\d[\d-]{3,}\d\b", reply):
        candidates.add(match.group())
    for match in _COMMENT_INITIALS.finditer(reply):
        if not NOT_INITIALS.match(match.group()):
            candidates.add(match.group())  # "my son T.J." -> "T.J. worked so hard"
    for match in _COMMENT_NUMBER_TAG.finditer(reply):
        candidates.add(match.group())  # "T.J. (#12, Springfield Hawks)" -> "watch out for #12"
    for match in _COMMENT_OLD_AGE.finditer(reply):
        candidates.add(match.group(1) or match.group(2))  # "My grandma is 92" -> "at 92 we'll have the shot ready"
    for match in _SELF_INTRODUCTION.finditer(reply):
        name = match.group(1)  # capitalised, any name-like word; lower-case ("it's dolores"), a listed name only
        if is_nameish(name, lexicons) if name[0].isupper() else is_given(name, lexicons, strict=True):
            candidates.add(match.group(1))
    for match in WORD.finditer(reply):
        token = match.group()
        if token[0].isupper() and is_given(token, lexicons, strict=True) and not _CLINICIAN_LEFT.search(
                reply, max(0, match.start() - 10), match.start()) and not NOT_NAME_NEXT.match(
                reply[match.end() : match.end() + 20]) and not _STAFF_IN_COMMENT.match(reply, match.end()):
            # not "Dr. Lin": the commenter's other doctor is no patient; nor "Tessa in the optical shop", the staff
            candidates.add(token)
    for match in _OWN_RELATION_NAME.finditer(reply):
        # a relative's name is a name even when it is also a word ("my daughter Lily", "my son Mason")
        token = match.group(1)
        low = token.lower()
        if low not in ABSTRACT_NAMES and (low in lexicons.given_names or is_nameish(token, lexicons)):
            candidates.add(token)
    spans: list[Span] = []
    lower = analysis.lower
    text = analysis.text
    # "shoutout to your volunteer Gary" -> "Gary is one of our longtime volunteers": a colleague, not a patient
    colleagues = introduced_staff(analysis) if candidates else frozenset()
    for candidate in candidates:
        if candidate.lower() in colleagues:
            continue
        for start, end in _standalone(lower, lower_text(candidate)):
            if THING_NEXT.match(text, end):
                continue  # "past Harlan?" answered with "the Harlan Crossing VFW": a place's name
            surname = _SURNAME_AFTER.match(text, end) if text[start].isupper() else None
            if surname and _is_plain_surname(surname.group(1).lower(), lexicons):
                end = surname.end()  # "a light for Dale Pruitt": the echoed name with its surname
            elif candidate.isdigit() and lower.endswith("at ", 0, start):
                start -= 3  # "At 93 that's just her body...": the echoed age with the word that makes it one
            spans.append((start, end))
    return spans


#: A capitalised word right after an echoed name, to be taken in when it is a listed surname.
_SURNAME_AFTER = re.compile(r" ([A-Z][a-z'’-]{1,20})\b")


def _is_plain_surname(low: str, lexicons: Lexicons) -> bool:
    """A listed surname that is no ordinary word or holiday ("Pruitt", not "Grove" or "Christmas")."""
    return (low in lexicons.surnames and low not in lexicons.common_words
            and low not in lexicon_set(lexicons.named.get("phi_not_person_words", ())))


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
