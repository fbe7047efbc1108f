"""What describes one person closely enough to identify them: ages over 89 (Safe Harbor (C)), unique
characteristics and codes ("the only woman firefighter at Station 3", "our town's oldest resident", a
jersey number, initials with a detail; (R)) and photos that show a patient's face ((Q)).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from functools import lru_cache
from itertools import chain, islice
from typing import Any

from composer.checking.analysis import Analysis, Lexicons
from composer.checking.fastre import compile_fast
from composer.checking.phi.shared import (
    COMMENT_WORD,
    MAX_SPANS,
    NOT_INITIALS,
    ORD,
    OWN_FAMILY_LEFT,
    PLURAL_FAMILY,
    STALL,
    WEEKDAY,
    WORD,
    Span,
    care_words,
    ci,
    has_initials,
    health_words,
    inside,
    is_given,
    talks_about_person,
)

_OLD = r"(?:9\d|1[01]\d)"
_OLD_WORD = (r"(?:ninety(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?|(?:a|one)\s+hundred(?:\s+and\s+\w+)?|"
             r"1[01]\d|9\d)")
_AGE = ci(
    rf"\b{_OLD}[- ](?:years?|yrs?)[- ]old\b|\b{_OLD_WORD}[- ](?:years?|yrs?)[- ](?:old|young)\b"
    rf"|\b{_OLD}\s?(?:y/o|y\.o\.?|yo|yr\.?\s?old|yrs\.?\s?old)(?![\w/])"
    rf"|\b(?:aged?|age)\s+{_OLD}\b|\b{_OLD}{ORD}\s+birthday\b|\bhappy\s+(?:early\s+|belated\s+)?{_OLD}{ORD}\b(?!\s+(?:anniversary|year|season|annual|edition|issue|episode|birthday\s+to\s+(?:us|our\s+(?:practice|clinic|office|town|city|library|church|school))))"
    rf"|(?:\b(?:you|he|she|they|who|mom|dad|grandma|grandpa)\s+(?:just\s+|recently\s+)?)?"
    rf"\b(?:turned|turns|turn|is\s+turning|will\s+turn)\s+{_OLD}\b(?!\s*(?:%|percent|mg|minutes|degrees|°))"
    # "bea over in cottage 7, all 96 years of her"
    rf"|\ball\s+{_OLD_WORD}\s+years\s+of\s+(?:her|him|them)\b"
    # "not many 98-year-olds still drive themselves to every appointment": one person, praised against their age
    rf"|\b(?:not\s+many|very\s+few|few)\s+{_OLD}[- ](?:years?|yrs?)[- ]olds\b"
    rf"|\b(?:passed\s+away|died|still\s+\w+ing|celebrat\w+|retired|married|graduated)\b[^.!?\n]{{0,30}}?"
    rf"\bat\s+(?:the\s+age\s+of\s+)?{_OLD}\b(?!\s*(?:%|percent|degrees|°|a\.?m|p\.?m|miles|pounds|lbs))"
    # "Harold (93)", "At 93 he still...", "at ninety-four,", "97 and sharp as a tack", "turning 100", "our centenarian"
    rf"|(?<=[a-z] )\(\s*{_OLD}\s*\)|\bat\s+{_OLD_WORD}(?:\s+years\s+(?:of\s+age|old|young))?"
    rf"(?=\s*,|\s+(?:he|she|they|you|years|yrs|and|still|is|was|just|now|finally)\b)"
    rf"|\b(?:she|he|you)['’](?:s|re)\s+{_OLD}(?=\s+(?:and|now|today|this|years|yrs)\b|\s*[,.!?])"
    # "He was 96 and still charming every nurse", "she is 94.": the verb spelled out
    rf"|\b(?:she|he|you)\s+(?:is|was|are|were)\s+{_OLD}(?=\s+(?:and|when|now|today|this|years|yrs)\b|\s*[,.!?;])"
    # "the former band director, now 93,", "Walt, 94, who we see...", "my favorite 90-something patient"
    rf"|\bnow\s+{_OLD}(?=\s*[,.!?)]|\s+(?:and|years|yrs)\b)"
    rf"|(?<=[A-Za-z], ){_OLD}(?=,\s+(?:who|whom|still|is|was|has)\b)"
    rf"|\b(?:9\d|ninety)[- ]something\b"
    rf"|(?<![\d.,$-])\b{_OLD}[mf]\b(?=\s+(?:w/|(?:with|on|in|s/p|pmh|hx|c/o|presents?|presenting|admitted)\b))"
    rf"|\b{_OLD_WORD}\s+and\s+(?:still|sharp|going|counting|thriving|kicking|fabulous|feisty|as\s+sharp|undefeated|"
    rf"unstoppable|fierce)\b"
    rf"|\b(?:turning|hit|hits|reached|reaches)\s+{_OLD_WORD}\b(?!\s*(?:%|percent|mg|minutes|degrees|°|steps|pounds|lbs))"
    rf"|\b(?:age[ds]?|turned|turns)\s+ninety(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?\b"
    rf"|\b(?:at\s+)?the\s+age\s+of\s+{_OLD}\b"
    # Spanish: "cumpleaños número 100", "cumple 92 años", "tiene 95 años"
    rf"|\b(?:tiene|cumple|cumplió|cumplir|a\s+los|con)\s+{_OLD}\s+años\b"
    rf"|\b(?:cumpleaños|cumple)\s+(?:número\s+|#\s?)?{_OLD}\b"
    # "Our oldest participant is 97": the age and the superlative together pick out one person
    rf"|\b(?:our|the)\s+oldest\s+(?:[\w-]+\s+)?(?:patient|participant|member|resident|client|walker|student|"
    rf"graduate|grad|rehabber)\s+(?:is|was|just\s+turned|turned)\s+{_OLD}\b"
    rf"|\b(?:super)?(?:centenarian|nonagenarian)s?\b|\b{_OLD}(?:st|nd|rd|th)\s+(?:bday|b-day|trip\s+around\s+the\s+sun)\b")
_AGE_TAIL = compile_fast(
    r"(?:\s+(?!w/|(?:with|who|and|is|was|has|had|in|at|on|for|from|getting|after|before|to)\b)"
    r"[A-Za-z][\w'-]{0,20}){1,5}"
    # the place that goes with it (the text is lower-cased): "...retired judge from Maple Grove"
    r"(?:\s+from\s+(?!(?:the|a|an|our|my|his|her|their|your|home|work|school|church|here|there)\b)[a-z]{3,20}"
    r"(?:\s+(?!(?:and|who|that|with|to|for|in|on|at|he|she|they|was|is)\b)[a-z]{3,20})?)?"
)
#: The word that makes "happy 96th" a birthday.
_BIRTHDAY_AFTER = compile_fast(r"\s+(?:birthday|bday|b-day)\b")
#: How an age written short ends ("91yo", "93 y/o"): a description may follow it as it follows "-year-old".
_SHORT_AGE_ENDS = ("yo", "y/o", "y.o.", "y.o")
_UNIQUE = ci(
    r"\b(?:our|my)\s+(?:very\s+)?(?:oldest|youngest|first|only|longest-?standing|last)\s+(?:living\s+)?"
    r"(?:patient|client|member|centenarian|graduate|grad|participant)\b(?!s)"
    # "the only MEN2B diagnosis in our clinic's 20-year history", "the only member of the Springfield Roller Derby
    # team": one of a kind in a named group or a practice's whole history
    r"|\bthe\s+only\s+(?:[\w-]+\s+){0,2}?(?:case|diagnosis|patient)\s+(?:[\w-]+\s+){0,2}?in\s+(?:our|the|this)\s+"
    r"(?:[\w-]+['’]s\s+)?(?:\d{1,3}-year\s+)?history\b"
    r"|\bthe\s+only\s+(?:member|woman|man|girl|boy|player|one)\s+of\s+(?:the\s+)?(?-i:[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,3})"
    r"(?:\s+(?:team|crew|club|league|squad|band|choir))?"
    # "the county's first case of tularemia in 15 years": one case, the first in a place, is one person
    r"|\b(?:the\s+)?[a-z]{3,20}['’]s\s+(?:very\s+)?first\s+(?:case|diagnosis)\s+of\s+[\w-]{3,30}(?:\s+[\w-]{3,30})?"
    r"(?:\s+in\s+(?:over\s+|more\s+than\s+)?(?:\d{1,3}|a|two|three|five|ten|twenty)\s+(?:years|decades))?"
    r"|\b(?:the|our)\s+(?:very\s+)?(?:first(?:-ever)?|only|last|youngest|oldest)\s+(?:[\w-]{1,20}\s+){0,2}?"
    r"(?:baby|babies|twins|triplets|quadruplets|quintuplets|newborn|child|kid|person|patient|woman|man|"
    r"girl|boy|centenarian|resident|family)\b"
    # ...and what singles them out, to the end of the clause: "born in Harmon County in 30 years", "ever
    # delivered by our OB team", "showing Highland cattle at the county fair this year", "(the first girl) in
    # district history to throw a no-hitter"
    r"(?:\s+(?:[\w'’-]{1,20}\s+){0,4}?(?:born|delivered|treated|seen|diagnosed|showing|raising|competing|to\s+\w+|"
    r"had|met|fitted|cared\s+for)\b"
    r"[^.!?,;:()\n\U0001F300-\U0001FAFF]{0,60}(?<!\s)"
    # ...or where they are one of a kind: "(the only woman) blacksmith in Sangamon County", "on the Station 4 engine
    # crew", "(the only set of twins) in our epilepsy program"
    r"|(?:\s+[a-z][\w-]{2,20})?\s+(?:in|on|at|of|from)\s+"
    r"(?:(?!\s(?:and|who|but|with|so|that|is|was|are|were|has|had|have|got|gets|just|both|turned|trusted|came|said)"
    r"\b)(?:(?:st|mt|ft)\.\s|[^.!?,;:()\n\U0001F300-\U0001FAFF])){3,50}(?<!\s))?"
    r"|\bthe\s+only\s+(?:case|patient|person|one)\s+(?:of|with|in)\s+[^.!?,\n]{1,60}"
    # "the oldest player in Springfield's walking-soccer league": the oldest or youngest of a named group
    r"|\bthe\s+(?:oldest|youngest)\s+(?:[\w-]{1,20}\s+)?(?:player|member|runner|athlete|swimmer|golfer|bowler|"
    r"volunteer|graduate|veteran|competitor|finisher)\s+(?:in|on|at|of)\s+(?:(?!\s(?:and|who|but|with)\s)[^.!?,;:()\n]){3,60}(?<!\s)"
    r"|\b[a-z]{3,20}['’]s\s+(?:first(?:-ever)?|only|oldest|youngest)\s+(?:set\s+of\s+)?(?:[\w-]{1,20}\s+)?"
    r"(?:baby|babies|twins|triplets|quadruplets|quintuplets|newborn|centenarian|patient|resident)\b")
_INITIALS = compile_fast(
    r"(?<![\w.])(?:[A-Z]\.\s?){2,3}(?=,?\s)(?:,\s+(?:a|an|our|the|who|age|aged|\d{1,3}(?=\s+(?:years?|yrs?|y/?o)\b))\b[^,.!?\n;]{1,80}"
    r"|,\s+\d{1,3}(?=,)"  # "J.M., 34, came to us": the age set off by commas
    r"|\s+(?:\(\d{1,3}\)|\d{1,3}[- ]year[- ]old[^,.!?\n]{0,40}))"
)
#: What every _INITIALS match with its detail contains (tested first: the regex runs only when one is there).
_INITIALS_DETAIL_CUES = (", a ", ", an ", ", our ", ", the ", ", who ", ", age", "year", "(", "., ")
_PHOTO = ci(
    r"[\[(]\s*((?:(?:photo|picture|pic|image|video|img|selfie|screenshot)s?(?:\s+(?:carousel|collage|grid|series|set|"
    r"attached|reel|slideshow))?\s*:|screen-?shot\s+of\b)\s*[^\]\)\n\[(]{1,300})[\])]")
# People in a photo with a detail of care or identity ("four kids holding bandaged arms", "man in the
# injection chair, face visible", "a client's full face, week 0 to week 12", "the reviewer's name").
_PHOTO_PEOPLE = ci(
    r"\b(?:kids|children|boys|girls|man|woman|men|women|lady|guy|teens?|clients?|person|people|twins|triplets|"
    r"newborn|reviewer|athletes?|players?|students?|patients|residents|campers)\b")
_PHOTO_CARE_CUE = ci(
    r"\b(?:bandag\w*|band-?aids?|casts?|injection|exam|chair|face\s+visible|full[- ]face|before|after|week\s+\d|"
    r"scars?|wounds?|shots?|vaccines?|stitches|names?|birth\s?dates?|dobs?|sign-?in\s+(?:sheet|list|clipboard)|"
    r"profile\s+(?:photo|pic|picture)|wristband|gown|iv|"
    r"hospital|stretcher|crutches|brace|sling|recovery|treatment)\b")

_PHOTO_PERSON = ci(
    r"\b(?:patient|(?<!empty\s)exam\s+(?:table|room)|face|faces|baby|babies|infants?|newborns?|toddlers?|twins|triplets|quadruplets|"
    r"quads|child|kid|boy|girl|son|"
    r"daughter|mom|dad|mother|father|his|her|he|she|smiling|wristband|chart|hospital\s+bed|"
    r"wheelchair|walker|cast|stitches|scar|mr|mrs|ms|family|couple|grandma|grandpa)\b")
# A photo that hides who is in it ("face blurred", "from behind", "hands only") or shows only a body
# part close up ("smile close-up") is not a full-face or comparable image.
_PHOTO_DEIDENTIFIED = ci(
    r"\b(?:blurr?(?:ed|y)|pixell?ated|face\s+(?:hidden|covered|cropped|not\s+shown|out\s+of\s+frame)|"
    r"faces?\s+(?:hidden|covered|cropped|blurred|not\s+shown)|no\s+faces?|from\s+behind|back\s+to\s+(?:the\s+)?camera|"
    r"silhouette|hands?\s+only|anonymi[sz]ed|emoji\s+over|sticker\s+over|not\s+identifiable|"
    r"unidentifiable)\b")
# A close-up of a patch of skin ("close-up of a patient's cheek and jawline", "macro shot of skin texture") is not a
# full-face or comparable image unless the face itself is shown. A limb or a wound shown with a patient still
# counts (the regression set labels "close-up of a patient's arm" as an identifier).
_PHOTO_PARTIAL = ci(
    r"\b(?:close-?\s?ups?|macro(?:\s+shot)?|zoomed[- ]in|cropped\s+(?:to|at)|detail\s+shot)\s+"
    r"(?:(?:photo|shot|view|image)\s+)?"
    r"(?:of\s+)?(?:(?:a|an|the|one|his|her|their|our|a\s+patient['’]s|the\s+patient['’]s|a\s+client['’]s)\s+)?"
    r"(?:[\w-]{1,15}\s+){0,2}?(?:cheeks?|jaw(?:line)?|chin|forehead|skin|skin\s+texture|texture|pores|hairline|scalp|"
    r"temples?|under-?eye\s+area)\b")
_PHOTO_FACE = ci(r"\b(?:face|faces|full[- ]face|eyes|selfie|smiling\s+at|portrait|headshot)\b")
# A photo of the practice's own staff or of the author's own family ("[photo: our front desk crew smiling behind
# the counter]", "[photo: my daughter and me planting tomatoes]"), with nothing of anyone's care in it.
_PHOTO_OWN_PEOPLE = ci(
    r"^\s*(?:me\s+and\s+my\b|my\s+(?:[\w-]+\s+)?(?:daughter|son|kids|family|husband|wife|grandkids|grandchildren|"
    r"nieces?|nephews?|sister|brother|mom|dad|twins)\b|our\s+(?:whole\s+)?(?:front\s+desk|team|staff|crew|nurses|office)\b|"
    r"the\s+(?:doctor|columnist|author)\s+and\s+(?:his|her|their)\s+(?:[\w-]+\s+)?(?:sister|brother|kids|grandchildren|"
    r"grandkids|family|wife|husband|daughter|son|dog)\b)")
_PHOTO_CARE_WORD = ci(
    r"\b(?:patients?|exam|cast|stitches|wounds?|scars?|before|after|injur\w*|hospital|clinic\s+bed)\b")
_OLD_NUMBER = compile_fast(r"(?<!\d)(?:9\d|1[01]\d)(?!\d)")
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
_OWN_WORK_LEFT = ci(r"\b(?:we|i|our|us|team|staff|dr|doctor|nurses?|clinic|practice|volunteers?)\b[^.!?\n]{0,25}$")
# One classroom at a named school is one child's: "room 12 at jefferson elementary", "rm 4B at Lincoln Middle".
_CLASSROOM = ci(
    r"\b(?:room|rm\.?|classroom)\s+\d{1,3}[a-z]?\s+(?:at|in|of)\s+(?:the\s+)?(?:[\w'’.-]{2,20}\s+){1,3}?"
    r"(?:elementary|middle|high|academy|preschool|pre-k|daycare|montessori|school)\b"
    # "Carter in Ms. Lin's class", "from Mrs. Harper's first grade class": the one class a child is in
    r"|(?:(?<=\bfrom\s)|(?<=\bin\s))(?:mrs|mr|ms|miss|mx)\.?\s+[a-z][\w'’-]{1,20}['’]s\s+(?:[\w-]+\s+){0,3}?class(?:room)?\b")
_CLASSROOM_WORDS = frozenset(["room", "rm", "classroom", "class"])
_UNIQUE_WORDS = frozenset(["oldest", "youngest", "first", "only", "last", "longest", "longeststanding"])


#: "My grandma June turns 91": the author's relative, named, right before an age.
_OWN_KIN_NAMED = ci(
    r"\bmy\s+(?:[\w-]{1,15}\s+){0,2}?(?:husband|wife|partner|son|daughter|mom|mother|dad|father|brother|sister|"
    r"grandma|grandpa|grandmother|grandfather|granny|nana|aunt|uncle)\s+[a-z'’-]{2,20}\s+$")


# "a force of nature at 92.", "especially at 93!": an age that ends a clause...
_AGE_AT_END = compile_fast(rf"\bat\s+{_OLD}(?=\s*[.!?;)]|\s*$)(?!\.\d)")
# ...unless it is a reading, a count or a place ("her sats held at 92.", "blood sugar steady at 95").
_READING_LEFT = ci(
    r"\b(?:sats?|saturation|o2|oxygen|pressure|sugars?|glucose|readings?|rate|temp\w*|scores?|exit|miles?|mph|"
    r"bp|hr|pulse|levels?|percent|weight|lbs|pounds|a1c|ldl|hdl|cholesterol|heart|room|seats?|number|steady|"
    r"held|kept|stays?|stayed|capped|maxed|priced|costs?|lot|capacity|limit|max|full|count|total|\$)\b[^.!?\n]{0,30}$")


#: An age given with a pronoun and a verb ("she is 95"), which a reading just before can make no age at all.
_SPELLED_VERB_AGE = compile_fast(r"(?:she|he|you)\s")


#: The day an age is reached, right after it ("turns 100 this Saturday", "turning 95 tomorrow").
_TURNS_WHEN = compile_fast(rf"\s+(?:(?:this|next|on)\s+{WEEKDAY}|today|tomorrow|this\s+week(?:end)?|next\s+week)\b")


def detect_ages(analysis: Analysis, lexicons: Lexicons, params: Mapping[str, Any]) -> list[Span]:
    """Ages over 89, with the description that follows ("92-year-old retired fire chief")."""
    spans: list[Span] = []
    text = analysis.lower
    if not _OLD_NUMBER.search(text) and "ninety" not in text and "hundred" not in text and "enarian" not in text:
        return spans
    for match in _AGE.finditer(text):
        group = match.group()
        kin = group.split(maxsplit=1)[0]  # "my grandma turns 100": the kin word opens the match
        left = text[max(0, match.start() - 40) : match.start()]
        if OWN_FAMILY_LEFT.search(left) or OWN_FAMILY_LEFT.search(f"{left}{kin} ") or _OWN_KIN_NAMED.search(left):
            continue  # "My Nani turned 95 today": the author's own family, not a patient
        if _SPELLED_VERB_AGE.match(group) and _READING_LEFT.search(text[max(0, match.start() - 50) : match.start()]):
            continue  # "her oxygen was low but she is 95": a reading, not an age
        end = match.end()
        # "91yo Vietnam vet" like "91-year-old" (but "not many 96-year-olds" describes nobody after it)
        if ("old" in group and not group.endswith("olds")) or group.endswith(_SHORT_AGE_ENDS):
            tail = _AGE_TAIL.match(text, end)
            if tail:
                end = tail.end()
        elif group.startswith("happy"):
            birthday = _BIRTHDAY_AFTER.match(text, end)  # "happy early 96th birthday": the birthday is the detail
            if birthday:
                end = birthday.end()
        elif "turn" in group:
            when = _TURNS_WHEN.match(text, end)  # "who turn 92 this Saturday": the birthday is the same detail
            if when:
                end = when.end()
        spans.append((match.start(), end))
    for match in _AGE_AT_END.finditer(text):
        start = match.start()
        if not inside(spans, start) and not _READING_LEFT.search(text[max(0, start - 50) : start]):
            spans.append(match.span())
    return spans


#: What follows the one person of a kind and says what makes them so, after where they are, if the draft says
#: ("the only woman in Springfield who ever beat Dr. Patel at chess").
_UNIQUE_CLAUSE = compile_fast(
    r"(?:\s+(?:in|at|from|on)\s+[\w'’.-]{2,25}(?:\s+[\w'’.-]{2,25})?)?\s+(?:who|whose|that|to\s+(?:ever\s+)?\w+)\b"
    r"[^.!?\n,;:()]{1,80}")


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
    about_health = (talks_about_person(analysis, lexicons) or not analysis.words.isdisjoint(health_words(lexicons))
                    or _JOB_HEALTH.search(analysis.lower) is not None)
    if (("who" in analysis.words or "old" in analysis.words or "yo " in analysis.lower or "y/o" in analysis.lower)
            and not analysis.words.isdisjoint(_role_words(lexicons)) and about_health):
        for match in _with_roles(_UNIQUE_ROLE, _roles(lexicons)).finditer(analysis.text):
            if not inside(spans, match.start()):
                spans.append((match.start(), match.end() - (len(match.group()) - len(match.group().rstrip()))))
    if about_health:
        _described_people(analysis, lexicons, spans)
        if not analysis.words.isdisjoint(_JOB_WORDS):
            _known_jobs(analysis, spans)
        if not analysis.words.isdisjoint(_CLASSROOM_WORDS) and talks_about_person(analysis, lexicons):
            spans.extend(m.span() for m in islice(_CLASSROOM.finditer(analysis.lower), MAX_SPANS)
                         if not inside(spans, m.start()))
        if "#" in analysis.text or "no." in analysis.lower or "number" in analysis.words:
            sport = _SPORT.search(analysis.lower) is not None
            jerseys = _JERSEY.finditer(analysis.text)
            for match in islice(chain(jerseys, _JERSEY_FOR.finditer(analysis.text)) if sport else jerseys, MAX_SPANS):
                team = match.group()[-1].isalpha()  # "No. 54 on the Warriors": the team is named
                if (team or sport) and not inside(spans, match.start()):
                    spans.append(match.span())
    return spans


def _known_jobs(analysis: Analysis, spans: list[Span]) -> None:
    """The job and place a person is known by (see ``_KNOWN_JOB``), when the person is someone, not us:
    the job needs its place, its years or a name of its own ("the Route 4 bus"), or a "who" saying whose it is."""
    for match in islice(_KNOWN_JOB.finditer(analysis.text), MAX_SPANS):
        start, end = match.span()
        who = _KNOWN_JOB_WHO.search(analysis.text[max(0, start - 45) : start])
        named = any(ch.isupper() or ch.isdigit() for ch in match.group("what"))  # "the Route 4 school bus"
        if not (who or match.group("where") or named) or inside(spans, start):
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
_SPORT = ci(r"\b(?:game|games|season|team|bench|sideline|field|court|playoffs|under\s+center|line|jersey|scrimmage|"
             r"tournament|varsity|jv|qb|quarterback|player|match|meet|wrestling|football|soccer|basketball|"
             r"volleyball|baseball|softball|hockey|lacrosse)\b")


# "the guy who runs the taco truck on 5th St", "the same one who coached my son's little league": a person
# singled out by what they do in the community.
_DESCRIBED_PERSON = ci(
    r"\b(?:the|our|my|this)\s+(?:(?:same|fave|favorite|favourite|retired|former|local|sweet|friendly|young|old|new)\s+)"
    r"{0,2}(?:guy|man|woman|lady|gal|kid|one|dude|fella|gentleman|girl|boy|teen|mom|dad|grandpa|grandma)\s+"
    r"(?:in\s+(?:room|bed|bay)\s+\d{1,3}\s+(?:[\w-]{1,15}\s+){0,2}?)?(?:who|that)\s+(?:runs|ran|owns|owned|coaches|"
    r"coached|teaches|taught|works|worked|drives|drove|manages|managed|plays|played|sings|sang|delivers|delivered|"
    r"cuts|cut|preaches|serves|served|bakes|tends|lives|lived|sells|sold|fixes|fixed|cooks|started|founded|"
    r"umpires|referees|reffed|hosts|hosted|anchors|pastors|leads|led)\b[^.!?\n,;]{0,40}?"
    r"(?=\s+(?:is|was|and|but|who|with|came|got|has|had)\b|[.!?\n,;]|$)")
#: The practice's own work as what a described person does ("the one who teaches our injection classes").
_OWN_WORK = ci(r"\b(?:who|that)\s+[a-z]+\s+(?:all\s+)?(?:our|the\s+practice['’]s|•+['’]s)\b")
# "the Springfield High's football team", "Mrs. Grant's 2nd grade class": a small group that names a member.
#: The words one of which every match of _SCHOOL_GROUP ends with.
_GROUP_WORDS = frozenset(["class", "classroom", "homeroom", "team", "squad", "band", "roster", "choir", "orchestra"])
_SCHOOL_GROUP = compile_fast(
    r"\b(?i:(?:mrs?|ms|miss)\.?\s+[a-z]{1,20}['’]s\s+(?:\d(?:st|nd|rd|th)[- ]grade\s+|kindergarten\s+|pre-?k\s+)?"
    r"(?:class|classroom|homeroom))\b"
    r"|\b[A-Z][\w'’-]{1,25}\s+(?:High|Middle|Elementary|Academy|Prep)(?:['’]s)?\s+(?:[\w-]{1,15}\s+){0,2}?"
    r"(?:team|squad|class|band|roster|choir|orchestra)\b")
_GROUP_PERSON = ci(r"\b(?:you|your|he|she|his|her|him|our\s+(?:girl|boy|guy|gal|kid)|little)\b")
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
    r"|(?i:\bthe\s+only\s+(?:[\w'’-]{1,20}\s+){0,3}?(?:<<roles>>)\s+(?:in|on|at|from)\s+)(?:(?i:(?:the\s+)?(?:county|town|"
    r"city|state|area|valley|region|league|district|team|school|tri-county))\b"
    r"|[A-Z][\w'’-]{2,25}(?:\s+[A-Z][\w'’-]{1,25}){0,2})")
# "our fave firefighter from station 4", "the retired librarian from the Lincoln branch".
_ROLE_PLACE = (
    r"(?i:\b(?:the|our|my)\s+(?:[\w-]{1,15}\s+){0,2}?(?:<<roles>>)\s+(?:from|at|of|on|in|over\s+at|"
    r"down\s+at)\s+)(?:(?:the\s+)?[A-Z][\w'’.-]{1,25}(?:\s+(?:[A-Z0-9][\w'’.-]{0,25}|branch|station|"
    rf"store|shop|office|school|church|plant|mill|base)){{0,2}}|(?i:{_PLACE_UNIT}))"
    # "...at Station 4 of the Springfield Fire Department": the unit's department says which town's it is
    r"(?:\s+(?i:of|with)\s+the\s+[A-Z][\w'’.-]{1,25}(?:\s+[A-Z][\w'’.-]{1,25}){0,3})?")


def _described_people(analysis: Analysis, lexicons: Lexicons, spans: list[Span]) -> None:
    text = analysis.text

    def push(start: int, end: int) -> None:
        if not any(s <= start < e or start <= s < end for s, e in spans):
            spans.append((start, end))

    if "who" in analysis.words or "that" in analysis.words:
        for match in islice(_DESCRIBED_PERSON.finditer(analysis.lower), MAX_SPANS):
            if _OWN_WORK.search(match.group()):
                continue  # "she's the one who teaches our injection classes": a colleague, at the practice's work
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
    if "retired" in analysis.words and not analysis.words.isdisjoint(_role_words(lexicons)):
        for match in islice(_with_roles(_RETIRED_ROLE, _roles(lexicons)).finditer(text), MAX_SPANS):
            _, sentence = analysis.sentence_lower(match.start())
            if _RETIRED_PATIENT.search(sentence):
                push(*match.span())  # "the retired mail carrier ... who never missed a single infusion"
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
    health_vocabulary = care_words(lexicons) | health_words(lexicons)
    if not analysis.words.isdisjoint(_role_words(lexicons) | _PLAIN_ROLES):
        for match in islice(_with_roles(_NAMED_PLACE_ROLE, _roles(lexicons)).finditer(text), MAX_SPANS):
            # the person's own care must follow ("after his shoulder surgery", "with fresh stitches"), not
            # just a health word nearby ("the Tigers' coach asked us to teach his players about concussions");
            # with an age ("17yo Cedar Creek QB, brief LOC") the sentence need only be about health
            _, sentence = analysis.sentence_lower(match.start())
            if match.group()[0].isdigit():
                owned = [COMMENT_WORD.findall(sentence)]
            else:
                owned = list(_own_care_phrases(sentence))
            if any(health_vocabulary.intersection(words) or _JOB_HEALTH.search(" ".join(words)) for words in owned):
                push(*match.span())
    for match in jobs:
        start, end = match.span()
        left = analysis.lower[max(0, start - 30) : start]
        if "•" in left or _JOB_NOT_PATIENT_LEFT.search(left):
            continue  # staff or a public thank-you, not a patient
        if analysis.lower[start:end].split()[-1].strip(".,") in health_vocabulary:
            continue  # "the only thing that works for ADHD": a condition, not a workplace
        s_start, sentence = analysis.sentence_lower(start)
        window = analysis.lower[max(0, s_start - 40) : s_start + len(sentence) + 80]
        if not _JOB_PERSON_TIE.search(window):
            continue
        if _JOB_HEALTH.search(window) or not health_vocabulary.isdisjoint(COMMENT_WORD.findall(window)):
            push(start, end)


# A retired worker described by the job they held, with where or what if the draft says ("a retired Air Force
# colonel", "the retired opera singer in memory care"): in a sentence about that one person's care, a detail that
# narrows a small town's patients to one.
_RETIRED_ROLE = (
    r"(?i:\b(?:a|the|our)\s+retired\s+(?:[\w'’-]{1,20}\s+){0,2}?(?:<<roles>>))\b(?![\w'’-])"
    r"(?:\s+(?i:from|in|at|of)\s+(?:the\s+)?(?:[A-Z0-9][\w'’.-]{1,25}|(?i:memory\s+care|assisted\s+living))"
    r"(?:\s+[A-Z0-9][\w'’.-]{1,25}){0,2})?")
_RETIRED_PATIENT = ci(r"\b(?:patients?|survivor|resident|infusions?|chemo|surgery|treatment|visit|appointment|shot|"
                      r"told\s+me|who\s+(?:never|finally|just|still))\b")


# One of a kind by a superlative, in a draft about health: "our tiniest newborn ever", "Springfield's
# longest-serving crossing guard", "the fastest girl on the Westfield cross country team", "the only woman on the
# Sangamon Electric line crew" (a unique characteristic, 45 CFR 164.514(b)(2)(i)(R)).
#: (Not "bravest" or "toughest": praise, said of many a child, singles no one out.)
_SUPERLATIVES = (r"youngest|oldest|tiniest|smallest|littlest|biggest|tallest|fastest|"
                 r"longest-serving|longest-standing|longest-running|last\s+living|last\s+surviving|last\s+working|"
                 r"one\s+and\s+only")
_SUPERLATIVE_WORDS = frozenset(["youngest", "oldest", "tiniest", "smallest", "littlest", "biggest", "tallest",
                                "fastest", "longest", "last", "only"])
#: "...we've ever had", "...I've ever cared for": a superlative over everyone the practice or the author has seen.
_EVER_SEEN = r"(?:we|i)(?:['’]ve|\s+have)\s+ever\s+(?:had|seen|treated|met|delivered|fitted|cared\s+for)"
#: The superlative and the person it describes ("tiniest newborn ever", "longest-serving crossing guard on the
#: Westfield line crew"); the owner before it is read separately (_SUPERLATIVE_OWNER), so the scan starts at a
#: superlative and not at every word of a long draft.
_SUPERLATIVE_PERSON = (
    rf"(?i:(?:{_SUPERLATIVES})\s+(?:\(?[\w'’-]{{1,20}}\)?\s+){{0,4}}?"
    r"(?:(?:<<roles>>|patient|client|member|grad|graduate|newborn|baby|preemie|kid|guy|gal|lady|man|woman|girl|boy|"
    rf"resident|regular|volunteer|player|quads|twins|triplets|user|wearer|warrior|fighter)\b(?!['’]?s\b)"
    rf"(?:\s+ever|\s+{_EVER_SEEN})?"
    # several at once only with "ever": "the youngest patients we've ever had" (not "our youngest patients")
    rf"|(?:patients|clients|babies|preemies|kids)\s+(?:ever|{_EVER_SEEN})\b))"
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
_LOCAL_FAME = ci(
    rf"\bthe\s+(?:(?:town|city|county|village|school)['’]s\s+|new\s+|old\s+)?{_LOCAL_OFFICIALS}['’]s\s+"
    r"(?:(?:teenage|teen|oldest|youngest|little|eldest|middle)\s+)?(?:son|daughter|wife|husband|kid|kids|boy|girl|mom|mother|"
    r"dad|father|grandson|granddaughter|brother|sister|nephew|niece|twins)\b"
    r"|\bthe\s+(?:channel|ch\.?)\s?\d{1,2}\s+(?:weather\s?(?:man|woman|guy|girl|lady)|meteorologist|"
    r"(?:news\s+|evening\s+|morning\s+|sports\s+)?(?:anchor|anchorman|anchorwoman|reporter|guy|lady))\b"
    # "a local news anchor you'd all recognize", "a local radio host": a face the town knows
    r"|\ba\s+local\s+(?:tv\s+|television\s+|radio\s+|news\s+|sports\s+)*(?:anchor|anchorman|anchorwoman|reporter|"
    r"weather\s?(?:man|woman)|meteorologist|host|personality|celebrity)\b"
    r"(?:\s+(?:who\s+)?(?:you['’]d|you\s+would|y['’]all\s+would|everyone\s+would)\s+(?:all\s+)?(?:recognize|know))?")
_FAME_WORDS = frozenset(["mayor", "sheriff", "chief", "superintendent", "principal", "pastor", "priest", "rabbi",
                         "judge", "coach", "senator", "congressman", "congresswoman", "governor", "alderman",
                         "councilman", "councilwoman", "channel", "ch", "local"])


# A role named by the team, school or business it belongs to: "the Lincoln High QB", "the Ravens' kicker",
# "The Springfield Lions' starting goalie", "the Hartwell forklift guy". Kept only in a sentence about that
# person's health, like the jobs at a place above.
_PLAIN_ROLES = frozenset(["qb", "guy", "gal"])
_NAMED_PLACE_ROLE = (
    r"(?:\b(?i:the|an?)\s+(?:(?i:retired|former|longtime|local)\s+)?|\b\d{1,2}\s?(?i:yo|y/o|-year-old)\s+)"
    r"(?:[A-Z][\w'’.-]{1,25}\s+){1,3}(?i:(?:[a-z][\w-]{1,20}\s+){0,2}?(?:<<roles>>|qb|guy|gal))\b"
    r"(?![\w'’-])")
_OWN_CARE_AFTER = ci(r"\b(his|her|their|with)\s+((?:[\w-]+\s+){0,4}[\w-]+)")
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
_JOB_PERSON_TIE = ci(
    r"\b(?:his|her|their|w/|with|has|had|diagnosed|patients?|pt|case|y/o|yo|year-old|years\s+old|"
    r"came\s+in|saw|seen|treated|referred|admitted)\b")
_JOB_HEALTH = ci(
    r"\b(?:syncope|faint\w*|collaps\w*|murmur|arrhythmia|palpitations|diagnos\w*|symptoms?|referred|"
    r"cardiology|ecg|ekg|qtc|migraines?|iud|pregnan\w*|chemo|tumou?r|surgery|injur\w*|torn|tore|broke|"
    r"concussion|seizures?|overdose|rehab|relapse|biopsy)\b")
_JOB_NOT_PATIENT_LEFT = ci(
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
    initials = has_initials(analysis)
    if initials and any(cue in lower for cue in _INITIALS_DETAIL_CUES):
        spans = [m.span() for m in _INITIALS.finditer(text) if not NOT_INITIALS.match(m.group())]
    if ". " not in text and "." not in text:
        return spans
    words = analysis.words
    has_detail = not (words.isdisjoint(_role_words(lexicons)) and "old" not in words and "age" not in words
                      and "aged" not in words)
    detail = _with_roles(_ROLE_DETAIL, _roles(lexicons))
    care = care_words(lexicons)
    for match in islice(_BARE_INITIALS.finditer(text), MAX_SPANS) if initials else ():
        if NOT_INITIALS.match(match.group()) or inside(spans, match.start()):
            continue
        after = lower[match.end() : match.end() + 100]
        if _INITIALS_CARE_CAPTION.search(after):
            spans.append(match.span())
            continue
        if _INITIALS_OWN_HEALTH.search(after) and not care.isdisjoint(COMMENT_WORD.findall(after)):
            spans.append(match.span())  # "J.T. finally kicked his smoking habit", "A.B. is home after her surgery"
            continue
        place = _INITIALS_FROM.match(text, match.end())
        if place and talks_about_person(analysis, lexicons):
            spans.append((match.start(), place.end()))  # "T.W. from the Oak Hill VFW": where one person belongs
            continue
        found = detail.search(text[match.end() : match.end() + 120]) if has_detail else None
        if found and talks_about_person(analysis, lexicons):
            spans.append(match.span())
            spans.append((match.end() + found.start(), match.end() + found.end()))
        elif _INITIALS_PERSON_LEFT.search(lower, max(0, match.start() - 25), match.start()) and talks_about_person(
                analysis, lexicons):
            spans.append((match.start(), match.end() - (len(match.group()) - len(match.group().rstrip()))))
            # "Everyone at the front desk adores R.T.", "Thinking of J.W. tonight"
    return spans


_INITIALS_OWN_HEALTH = ci(
    r"^\s*(?:[\w'’-]{1,15}\s+){0,4}?(?:his|her|their|is\s+(?:home|recovering|cancer-free|doing|feeling)|was\s+"
    r"(?:diagnosed|admitted|discharged|so\s+brave)|came\s+in|came\s+to\s+(?:us|see\s+us)|got\s+(?:his|her))\b")
#: Initials captioned with the care they had: "G.M., fitted with new hearing aids last week".
_INITIALS_CARE_CAPTION = ci(
    r"^,?\s+(?:fitted|treated|seen|diagnosed|discharged|delivered|adjusted|vaccinated|cleared|casted|implanted|"
    r"operated\s+on)\s+(?:with|for|by|on|at|after|last|this|in|today|yesterday)\b")
#: A verb or phrase that takes a person as its object, right before initials.
_INITIALS_PERSON_LEFT = ci(
    r"\b(?:adores?|loves?|miss(?:es|ing)?|thinking\s+of|praying\s+for|prayers\s+for|remember(?:ing)?|"
    r"congrats(?:\s+to)?|shout-?\s?out\s+to|kudos\s+to|proud\s+of|saw|treated|cared\s+for|caring\s+for|"
    r"visited|hugs\s+to|tell|yes|hi|hey|dear|looking\s+at\s+you,?)\s+$")
_INITIALS_FROM = compile_fast(
    r"\s{0,3}from\s+(?:the\s+)?[A-Z][\w'’.-]{1,25}(?:\s+[A-Z0-9][\w'’.-]{0,25}){0,3}"
    r"(?:\s+(?i:trailer\s+park|park|farm|shop|barbershop|salon|plant|crew|team|church|store|office|station|school|"
    r"club|league|diner|garage|bar))?"
    rf"|\s{{0,3}}from\s+the\s+{STALL}")  # "T.L. from the tamale cart"
_BARE_INITIALS = compile_fast(r"(?<![\w.])(?:[A-Z]\.\s?){2,3}(?=[\s,(])")


_ROLE = r"(?:<<roles>>)(?:s|es)?"
_UNIQUE_ROLE = (
    # "the Springfield High goalie who tore his ACL in the state semifinal", "the Springfield College women's soccer
    # goalkeeper who came back from shoulder surgery"
    rf"\bthe\s+(?:(?:retired|former|longtime|local|beloved)\s+)?(?:[A-Z][\w'’.-]{{1,25}}\s+){{1,3}}(?:[\w'’-]{{1,20}}\s+){{0,2}}?"
    # (one person: "the School of Nursing students who volunteered" are many)
    r"(?:<<roles>>)\s+(?:who|whose|that)\s+"
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
        named = _has_name(body, lexicons) or PLURAL_FAMILY.search(body)
        seen = match.group(1)
        shown = _PHOTO_PERSON.search(seen) or (_PHOTO_PEOPLE.search(seen) and _PHOTO_CARE_CUE.search(seen))
        hidden = _PHOTO_DEIDENTIFIED.search(seen) or (_PHOTO_PARTIAL.search(seen) and not _PHOTO_FACE.search(seen))
        described = seen.split(":", 1)[-1]
        if _PHOTO_OWN_PEOPLE.search(described) and not _PHOTO_CARE_WORD.search(described):
            continue  # "[photo: our front desk crew smiling]", "[photo: my daughter and me planting tomatoes]"
        if named or (shown and not hidden):
            spans.append(match.span(1))
    return spans


def _has_name(text: str, lexicons: Lexicons) -> bool:
    for word in WORD.finditer(text):
        token = word.group()
        if token[0].isupper() and is_given(token, lexicons, strict=True):
            return True
    return False
