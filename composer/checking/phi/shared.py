"""What more than one PHI detector reads: the span type, the case-insensitive compiler, the calendar and
care vocabulary, the e-mail finder, name tests and the "is this draft about a person's health" cues.

Names here are public to the package (``composer.checking.phi``) and private to everything else.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterator, Mapping
from functools import lru_cache
from itertools import islice
from typing import Any

from composer.checking.analysis import Analysis, Lexicons
from composer.checking.fastre import compile_fast, lower_pattern

Span = tuple[int, int]
#: Enough findings of one kind for any real draft; bounds the work on a pasted file of look-alikes.
MAX_SPANS = 200
Detector = Callable[[Analysis, Lexicons, Mapping[str, Any]], list[Span]]


def ci(pattern: str) -> re.Pattern[str]:
    """Compile a case-insensitive pattern to run, flag-free and fast, on the lower-cased draft."""
    return compile_fast(lower_pattern(pattern))


WEEKDAY = r"(?:mon|tues|wednes|thurs|fri|satur|sun)day"
#: A month written out (abbreviations are left to _MONTH, where "mar" and "may" need a day after them).
FULL_MONTH = r"(?:january|february|march|april|may|june|july|august|september|october|november|december)"
ORD = r"(?:st|nd|rd|th)"
#: A clinician's visit to the patient's home ("your house call on the 12th", "a long day of house calls"): care.
HOME_VISIT = r"house[- ]call|home\s+visit"
CARE_NOUN = (r"(?:visit|appointment|appt|bloodwork|blood\s+work|surgery|procedure|operation|physical|exam|"
              r"check-?up|follow-?up|"
              r"test|labs?|results?|biopsy|scan|x-?ray|mri|mammogram|colonoscopy|shots?|vaccines?|"
              r"vaccination|injection|infusion|delivery|birth|birthday|admission|discharge|"
              # a fall, not the season: the lookbehinds come after the word, so the pattern still starts with a
              # letter the regex engine can skip ahead to (a leading lookbehind made every scan 40 times slower)
              r"fall(?<!this\sfall)(?<!last\sfall)(?<!next\sfall)(?<!late\sfall)(?<!early\sfall)"
              r"(?!\s+(?:meeting|season|semester|festival|fair|conference|sports|break|term|colors|back|into|in\s+love))|"
              r"accident|injury|diagnosis|treatment|therapy|session|stay|consult(?:ation)?|replacement|"
              r"transplant|stitches|cast|records?\s+request|refill|referral|prescription|rehab|chemo|crutches|re-?check|"
              rf"c-?section|cesarean|concussion|fracture|sprain|overdose|relapse|seizure|stroke|heart\s+attack|{HOME_VISIT})"
              r"(?:s|es)?")
POSSESSIVE_CARE = ci(
    rf"\b(?:your|his|her|their|my)\s+(?:[\w-]{{1,20}}\s+){{0,2}}?{CARE_NOUN}\b"
    r"|\b(?:you|she|he|they)\s+(?:were|was|got|had|came|started|finished|arrived|checked\s+in|signed\s+in|"
    r"showed\s+up)\b|\b(?:were|was)\s+(?:still\s+|finally\s+)?seen\b"
    r"|\b(?:saw|seen|treated|examined|vaccinated|admitted|discharged|delivered|moved|rescheduled|booked|"
    r"scheduled|with)\s+(?:you|him|her|them)\b")
EMAIL = compile_fast(r"(?<![\w.+-])[\w.+-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63}){1,8}\b")
ADDRESS_CHARACTER = re.compile(r"[\w.+-]")
#: An "@" right after an address character: the only kind an address can hold.
ADDRESS_AT = re.compile(r"[\w.+-]@")


def emails(text: str) -> Iterator[re.Match[str]]:
    """What ``EMAIL.finditer(text)`` finds, tried only at each "@" right after an address character: an
    address starts where the run of address characters before its "@" starts (the pattern cannot start
    inside that run), and holds one "@", so no two overlap. A scan of every word for an address was a
    tenth of a millisecond a draft; a loop over every "@" of a pasted run of them, a tenth of a second."""
    resume = 0
    next_at = ADDRESS_AT.search(text)
    while next_at is not None:
        at = next_at.end() - 1
        start = at
        while start > 0 and at - start <= 64 and ADDRESS_CHARACTER.match(text, start - 1):
            start -= 1
        found = EMAIL.match(text, start) if start >= resume else None
        if found is not None:
            yield found
            resume = found.end()
        next_at = ADDRESS_AT.search(text, max(at + 1, resume) - 1)


STREET_SUFFIX = (r"(?:Street|St|Avenue|Ave|Road|Rd|Drive|Dr|Lane|Ln|Boulevard|Blvd|Court|Ct|Way|Place|Pl|"
                  r"Terrace|Circle|Parkway|Pkwy|Highway|Hwy|Trail|Row|Loop|Pike)")
#: Initials that stand for a place, a degree, a time or a phrase, never a person.
NOT_INITIALS = compile_fast(r"^(?:U\.\s?S|U\.\s?K|D\.\s?C|A\.\s?M|P\.\s?M|M\.\s?D|R\.\s?N|N\.\s?P|P\.\s?A|"
                           r"B\.\s?S|M\.\s?S|E\.\s?R|I\.\s?V|O\.\s?R|E\.\s?g|I\.\s?e|P\.\s?S|D\.\s?O|L\.\s?A|"
                           r"N\.\s?Y|B\.\s?C|A\.\s?D|O\.\s?K|T\.\s?V)\.")
WORD = compile_fast(r"[A-Za-z][a-z]+(?:['’-][A-Z][a-z]+)?")
# "your dad Walt", "her husband, Arturo": the name given to a relative, listed or not.
RELATION_WORDS = (
    r"(?i:husband|wife|son|daughter|mom|mother|dad|father|brother|sister|grandson|granddaughter|grandma|grandpa|"
    r"grandmother|grandfather|aunt|uncle|niece|nephew|partner|baby|little\s+one|boy|girl|twins?|"
    r"t[ií]a|t[ií]o|abuel[ao]|hij[ao]|herman[ao]|mam[aá]|pap[aá])")
ABSTRACT_NAMES = frozenset(
    ["hope", "faith", "joy", "love", "charity", "patience", "mercy", "harmony", "honey", "sugar", "baby", "angel",
     "precious", "lovely", "will", "may", "summer", "spring", "winter", "autumn", "star", "sky", "rain", "storm",
     "king", "prince", "major", "young", "long", "white", "black", "brown", "green", "gray", "grey", "guy", "son",
     "ma", "an", "red", "candy", "cookie", "price", "page", "lane", "miles", "chase", "hunter", "rich"])
#: The author's own relatives, as "my ..." names them.
OWN_RELATIONS = (r"husband|wife|partner|son|daughter|kids?|mom|mother|dad|father|brother|sister|"
                  r"hubby|fianc[eé]e?|boyfriend|girlfriend|grandma|grandpa|grandmother|grandfather|granny|nana|nani|"
                  r"nonna|abuela|abuelo|oma|opa|uncle|aunt|auntie|cousin|niece|nephew|godson|goddaughter|"
                  r"stepson|stepdaughter|stepdad|stepmom|in-laws?|mother-in-law|father-in-law")
OWN_FAMILY_LEFT = ci(rf"\bmy\s+(?:[\w-]{{1,15}}\s+){{0,2}}?(?:{OWN_RELATIONS})\s+$")
PLURAL_FAMILY = compile_fast(
    r"\bthe\s+([A-Z][a-z'’]{1,20}[^\Wiusy])s\b(?![\s-]+(?:[A-Z]|family|team|office|clinic|lodge|club|hall|of\b))")
#: What a care home is called after its own name ("Memory Care", "Assisted Living", "Manor").
_CARE_HOME_KIND = r"(?:Memory\s+Care|Assisted\s+Living|Senior\s+Living|Nursing\s+(?:Home|Center)|Manor|Care\s+Center)"
#: The word after a name that makes it a place's or an institution's ("Lincoln Elementary"). Matched at a
#: position (no "^": with ``match(text, pos)`` a caret only ever matches at the start of the whole text).
NOT_NAME_NEXT = compile_fast(
    r"\s+(?:Elementary|School|High|Middle|Academy|College|University|Hospital|Medical|Center|Clinic|"
    r"Lane|Ln|Drive|Dr|Court|Ct|Way|Place|Blvd|Boulevard|Terrace|Circle|Parkway|Trail|St|Ave|Rd|Square|"
    r"Health|Park|Street|Avenue|Road|County|City|Church|Library|Pharmacy|Foundation|Institute|Memorial|"
    r"Day|Award|Act|Law|Hall|Bridge|River|Lake|Mountain|Bank|Credit|Company|Inc|LLC|Group|Lutheran|Baptist|"
    r"Methodist|Catholic|Presbyterian|Episcopal|Chapel|Temple|Synagogue|Mosque|Cathedral|Parish|Department|Dept|"
    r"Society|Association|Journal|Council|Board|Agency|Bureau|Ministry|Federation|Alliance|Coalition|Network|"
    r"Museum|Fund|Trust|Commission|"
    # a care home named like a person: "Maple Grove Memory Care", "Willow Creek Assisted Living"
    rf"{_CARE_HOME_KIND})\b"
)
#: The name of a care home the draft gives in full ("Maple Grove Memory Care"): said again alone ("family night at
#: Maple Grove"), it is still the home, not a person.
CARE_HOME = compile_fast(rf"\b([A-Z][a-z'’-]{{1,20}}(?:\s+[A-Z][a-z'’-]{{1,20}})?)\s+{_CARE_HOME_KIND}\b")
#: A word every CARE_HOME match contains (a cheap test before the regex runs).
CARE_HOME_WORDS = ("Care", "Manor", "Living", "Nursing")
CARE_CONTEXT = ci(
    # ("the most patient woman in the county" is a virtue, not a patient)
    rf"\b(?:(?<!most\s)(?<!very\s)(?<!more\s)(?<!so\s)(?<!too\s)(?<!less\s)patients?|{CARE_NOUN}|healing|recovery|"
    r"recovering|diagnos\w*|sick|illness|condition|"
    r"cancer|diabetes|asthma|pregnan\w*|postpartum|newborn|program|prescri\w*|medication|chart|"
    r"exam\s+room|hospital|ER|ICU|clinic|doctor|nurse|under\s+control|lost\s+\d+|before\s*(?:&|and|/)\s*after|"
    r"brave|cavity|cavities|filling|dental|teeth|tooth|fever|rash|stitches|injury|broken|crutches|walker|"
    # occupational medicine: one worker's screen or fit test ("your drug screen came back non-negative")
    r"drug\s+(?:screens?|tests?)|fit\s+tests?|non-negative|"
    r"wheelchair|rehab|chemo|remission|recover(?:s|ed|ing)?|heal(?:s|ed|ing)|stroke|heart\s+attack|"
    r"cleared\s+to|check-?up|physical\s+therapy|biopsy|malignant|benign|tumou?r|fracture|torn|tore|"
    r"concussion|hospice|passed\s+away|quit\s+smoking|off\s+(?:cigarettes|insulin|oxygen)|nicu|"
    r"came\s+home\s+from|urgent\s+care|memory\s+care|waiting\s+room|lactation|breastfeeding|"
    r"born\s+(?:\d|on\b|at\b|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec))|nursery|welcom\w*\s+(?:(?:a|their|our)\s+)?(?:new\s+)?baby|new\s+baby)\b")
# Review-reply words: a reply about waiting, billing or the office is a reply to a patient's review.
SERVICE_CONTEXT = ci(
    r"\b(?:delay|delays|wait|waited|waiting|late|rude|front\s+desk|office|staff|billing|bill|charged|"
    r"refills?|referrals?|insurance|appointments?|appts?|visits?|reviews?|stars?|statements?|balance|copays?|"
    r"payments?|experience|feedback|see\s+you|"
    r"doctor|dr|nurses?|pharmacy|prescription|portal|records?|chart|results?|seen|seeing|saw|treated|care|"
    r"short\s+notice|fit\s+(?:me|us)\s+in|meds?|medications?|antibiotics?|dose|course|shot|shots|"
    r"sick|ill|fever|cough|pain|symptoms?|paperwork|forms?|fmla|voicemails?|messages|msgs|call\s+(?:me|us)\s+back|(?:did|done)\s+for\s+(?:me|my|us|our)|"
    # "has been going to [the practice] for 20 years": the practice's name reaches this masked as a run of •
    r"(?:going|coming|gone|came|go|come)\s+to\s+•|(?:going|coming)\s+here\s+for|"
    r"took\s+care|taking\s+care|looked\s+after|caring\s+for|cared\s+for|squeez\w*\s+(?:me|my|us|him|her|them)\b|on\s+file|medical|"
    r"(?:your|my)\s+(?:card|account|file)|faxed|claims?|(?:work|school|doctor['’]?s|excuse|return-to-work)\s+(?:note|slip))\b")
#: The stall a person is known by, after "from the": "tamale cart", "hot dog stand".
STALL = r"(?:[a-z-]{2,15}\s+){1,2}(?:cart|truck|stand|stall)\b"
HAS_DIGIT = compile_fast(r"\d")
YOUR_HIS_HER = ci(r"\b(?:your|his|her)\b")


def overlaps(spans: list[Span], start: int, end: int) -> bool:
    """Whether ``start``..``end`` overlaps a span already found."""
    return any(s < end and start < e for s, e in spans)


def inside(spans: list[Span], position: int) -> bool:
    """Whether ``position`` falls within a span already found (a later detector leaves that place alone)."""
    return any(s <= position < e for s, e in spans)


def talks_about_person(analysis: Analysis, lexicons: Lexicons) -> bool:
    """Whether the draft is about someone's health or care (computed once per check).

    A post must talk about care itself. A reply counts when it, or the first-person comment it answers,
    is about care or the service ("waited an hour", "my refill"); a comeback to a comment that never
    touches anyone's health ("Doctors are all shills") names a commenter, not a patient.
    """
    cached = analysis.__dict__.get("_phi_care")
    if cached is None:
        lower = analysis.lower
        if CARE_CONTEXT.search(lower) or not analysis.words.isdisjoint(care_words(lexicons)) or (
                not analysis.words.isdisjoint(health_words(lexicons))):
            cached = True  # "cut your metformin in half": a drug or a condition is care too
        elif analysis.request.kind != "reply":
            cached = False
        elif SERVICE_CONTEXT.search(lower) or any(span.kind == "staff" for span in analysis.masked_spans):
            cached = True  # "Dr. Reed adores Liam and Noah": one of the staff, in a reply, is the practice's care
        else:
            comment = analysis.reply.lower()
            words = COMMENT_WORD.findall(comment)  # "ok to take Pepto with my mesalamine?": a drug is care too
            cached = not comment.strip() or bool(
                CARE_CONTEXT.search(comment) or SERVICE_CONTEXT.search(comment)
                or not care_words(lexicons).isdisjoint(words) or not health_words(lexicons).isdisjoint(words))
        analysis.__dict__["_phi_care"] = cached
    return cached


def health_words(lexicons: Lexicons) -> frozenset[str]:
    """Single-word drug and condition names from the shared lexicons (built once per lexicon set)."""
    key = id(lexicons)
    cached = HEALTH_WORDS.get(key)
    if cached is None:
        words = (w.lower() for name in ("drugs", "conditions") for w in lexicons.named.get(name, ()))
        cached = HEALTH_WORDS[key] = frozenset(w for w in words if w.isalpha())
    return cached


HEALTH_WORDS: dict[int, frozenset[str]] = {}
COMMENT_WORD = compile_fast(r"[a-z][a-z0-9-]*")
CARE_WORDS: dict[int, frozenset[str]] = {}


def care_words(lexicons: Lexicons) -> frozenset[str]:
    """Single words of care, treatment and illness (``phi_care_words``): a draft using one is about health."""
    key = id(lexicons)
    cached = CARE_WORDS.get(key)
    if cached is None:
        cached = CARE_WORDS[key] = frozenset(w.lower() for w in lexicons.named.get("phi_care_words", ()))
    return cached


def email_spans(analysis: Analysis) -> list[Span]:
    """Where the draft's e-mail addresses are (found once per check: the e-mail, name and learned-span checks
    all ask)."""
    cached = analysis.__dict__.get("_phi_emails")
    if cached is None:
        text = analysis.text
        cached = [m.span() for m in islice(emails(text), MAX_SPANS)] if "@" in text else []
        analysis.__dict__["_phi_emails"] = cached
    return cached


def in_email(analysis: Analysis, offset: int) -> bool:
    return any(start <= offset < end for start, end in email_spans(analysis))


def is_given(token: str, lexicons: Lexicons, strict: bool) -> bool:
    low = token.lower().rstrip("'’s") if token.lower().endswith(("'s", "’s")) else token.lower()
    if low not in lexicons.given_names:
        if low.isascii():
            return False
        low = without_accents(low)  # "Tomás", "Inés": the list spells them plain
        if low not in lexicons.given_names:
            return False
    return not (strict and (low in lexicons.ambiguous_names))


def without_accents(word: str) -> str:
    """"José" as "Jose": name lists and drafts spell accented names both ways."""
    return "".join(ch for ch in unicodedata.normalize("NFKD", word) if not unicodedata.combining(ch))


def is_nameish(token: str, lexicons: Lexicons) -> bool:
    """A word that can be a given name: in the name list, or no English word (frequent or not)."""
    low = token.lower()
    if low in lexicons.ambiguous_names or low in lexicon_set(lexicons.named.get("not_names_lower", ())):
        return False
    if low in lexicons.given_names:
        return True
    if low.endswith(_WORD_ENDINGS) and low not in lexicons.surnames:
        return False  # "colonoscopies", "bronchitis": rarer than the word lists reach, still no one's name
    if low.endswith("s") and (low[:-1] in lexicons.common_words or low[:-1] in lexicons.english_words):
        return False  # "Welcome back, Hawks!": a word in the plural (a team, a crowd), not a given name
    return low.isalpha() and len(low) >= 3 and low not in lexicons.common_words and low not in lexicons.english_words


#: Endings of English and medical words that no given name on the lists has (three do, "Clement", "Conception",
#: "Mable", and the lists are read first), so a word with one that is on neither list is a word, not a name.
_WORD_ENDINGS = ("ies", "tion", "tions", "ness", "ment", "ments", "ology", "ectomy", "otomy", "scopy", "itis",
                 "ings", "ful", "less", "ible", "able", "ously", "ism", "isms", "ists")


@lru_cache(maxsize=64)
def lexicon_set(words: tuple[str, ...]) -> frozenset[str]:
    """A lexicon as a set, built once (lexicons are immutable tuples), not on every check."""
    return frozenset(words)


THING_NEXT = compile_fast(
    r"-\d|\s+(?:Labs?|Pharma(?:ceuticals)?|Wellness|Nutrition|Naturals|Supplements|Inc|LLC|Co\.)\b"
    r"|\s+(?:costume|doll|movie|song|cake|onesie|pajamas|t-shirt|sticker|balloon|plush)\b"
    r"|\s+(?:Skin|Skincare|Beauty|Aesthetics|Cosmetics|Serums?|Elite|Partner|Brand|Collection)\b"
    # "Vitalis Collagen", "Zenbiotic Gummies": a supplement sold under a made-up name
    r"|\s+(?:Collagen|Gumm(?:y|ies)|Vitamins?|Multivitamins?|Probiotics?|Protein|Capsules|Softgels|Powder)\b"
    # "Davis Vision", "Omega drops": an insurer or a product, not a person
    r"|\s+(?:Vision|Dental|Optical|Eyecare|Eyewear|Insurance|Hearing)\b"
    # "Barrett's esophagus", "Bell's palsy": a condition named for the doctor who described it
    r"|'s\s+(?:disease|syndrome|esophagus|palsy|disorder|lymphoma|ulcer|phenomenon|contracture|neuroma|thyroiditis"
    r"|chorea|sign)\b"
    r"|\s+(?:tablets|capsules|softgels|gummies|lozenges|ointment|lotion|shampoo|drops(?!\s+(?:by|off|in|out|over|to)\b))\b"
    # "the Krebs cycle", "a Gleason score", "the Epley maneuver": a method or measure named for whoever devised it
    r"|\s+(?:cycle|score|scores|maneuver|manoeuvre|procedure|technique|method|classification|criteria|scale|smear"
    r"|reflex|exercises)\b"
    # "the Harlan Crossing VFW", "Bethel Methodist": a place or a congregation named for someone long ago
    r"|\s+(?:Crossing|Junction|Creek|Hollow|Heights|Township|Methodist|Baptist|Lutheran|Presbyterian|Catholic|VFW"
    r"|Legion|Grange)\b"
    # "Martin Luther King Jr. Day", "World Embryologist Day": a holiday or an observance named for someone
    r"|(?:\s+[A-Z][a-z]+){0,2}\s+(?:Jr\.?\s+)?Day\b"
    # "Ara h 2", "Bet v 1": an allergen's name (genus, species letter, number), not a person
    r"|\s+[a-z]\s+\d{1,2}\b"
    # "tai chi": an exercise, not a person called Tai
    r"|(?<=[Tt]ai)\s+[Cc]hi\b")
#: What every match of _VOCATIVE_INITIALS, _INITIALS and _BARE_INITIALS contains (a cheap scan first: most
#: drafts have no initials), and what every match of _NAME_INITIAL does.
TWO_INITIALS = compile_fast(r"[A-Z]\.\s?[A-Z]\.")


#: The draft says the person it is about gave written authorization to share it ("Shared with her signed written
#: authorization", "Daniel signed a written authorization for us to share his story", "photo shared with the
#: parents' signed written authorization on file"). A disclosure the patient authorized in writing is permitted
#: (45 CFR 164.508); none of the 95 labeled drafts saying so marks the person's name or dates as identifiers.
_AUTHORIZED_STORY = ci(
    r"\b(?:shared|posted|featured|used|printed)\s+(?:here\s+|this\s+|it\s+)?(?:with|w/?|under)\s+(?:[\w'’-]+\s+){0,3}?"
    r"(?:signed\s+)?written\s+(?:authorization|authorisation|permission|consent)\b"
    r"|\bsigned\s+(?:a\s+|the\s+|our\s+)?written\s+(?:authorization|authorisation|permission|consent)"
    r"(?:\s+form)?\s+(?:for\s+us\s+)?to\s+(?:share|post|feature|tell)\b"
    r"|\bgave\s+(?:us\s+)?(?:signed\s+)?written\s+(?:authorization|permission|consent)\s+to\s+(?:share|post|feature|tell)\b"
    r"|\bsigned\s+written\s+(?:authorization|permission|consent)\s+on\s+file\b")


def authorized_story(analysis: Analysis) -> bool:
    """Whether the draft states that its subject authorized sharing it in writing (see ``_AUTHORIZED_STORY``);
    computed once per check."""
    cached = analysis.__dict__.get("_phi_authorized")
    if cached is None:
        lower = analysis.lower
        cached = analysis.__dict__["_phi_authorized"] = "written" in lower and bool(_AUTHORIZED_STORY.search(lower))
    return cached


def has_initials(analysis: Analysis) -> bool:
    """Whether the draft has two initials in a row ("J.T."), looked for once per check (two detectors ask)."""
    cached = analysis.__dict__.get("_phi_initials")
    if cached is None:
        cached = analysis.__dict__["_phi_initials"] = TWO_INITIALS.search(analysis.text) is not None
    return cached


# "a 1/16 oz jig", "1/4 cup of oats", "3/8-inch drill bit", a 3/4" pipe: a fraction of a measure, never a day of
# the year.
_FRACTION = compile_fast(r"\d{1,2}/\d{1,2}")
_MEASURE_AFTER = ci(
    r"[\s-]?(?:oz|ounces?|in|inch(?:es)?|ft|feet|foot|yards?|mi|miles?|cups?|tsp|tbsp|teaspoons?|tablespoons?|"
    r"lbs?|pounds?|gallons?|quarts?|pints?|mg|mcg|ml|tabs?|tablets?|pills?|sheets?|scoops?|servings?)\b|\"")


# "cramping 2/2 insufflation", "SIADH 2/2 his SSRI": clinicians' shorthand for "secondary to", written between
# two words (a date after "on", "since" or "her" is still a date: "her 2/2 visit").
_SECONDARY_TO = compile_fast(r"(?<=[a-z)] )2/2(?= (?:to\b|his\b|her\b|their\b|[a-z]{4,}))")
_DATE_WORD_LEFT = ci(
    r"\b(?:on|since|by|from|until|till|thru|through|before|after|of|your|his|her|their|my|the|due|dated?)\s$")


def slash_not_a_date(lower: str, start: int, end: int) -> bool:
    """Whether the slashed numbers at ``start``..``end`` are a fraction followed by its unit ("1/16 oz") or
    the shorthand for "secondary to" ("cramping 2/2 insufflation"), not a day of the year."""
    if _FRACTION.fullmatch(lower, start, end) is not None and _MEASURE_AFTER.match(lower, end) is not None:
        return True
    shorthand = _SECONDARY_TO.match(lower, start)  # not fullmatch: its end would hide the word after from the lookahead
    return shorthand is not None and shorthand.end() == end and _DATE_WORD_LEFT.search(
        lower, max(0, start - 8), start) is None


#: Where someone lives, even on the practice's own street ("she lives on Oak Street too").
_LIVES_ON_LEFT = ci(r"\b(?:lives|living|house|home)\s+(?:on|off)\s+$")


@lru_cache(maxsize=64)
def _practice_street(address: str) -> re.Pattern[str] | None:
    """The street of the practice's own address, in any spelling of its street word ("120 Oak Street,
    Springfield" -> "Oak Street", "Oak St."); None when the address names no street."""
    words = address.split(",", 1)[0].strip().lstrip("0123456789-# ").split()
    if len(words) < 2:
        return None
    name = r"\s+".join(re.escape(word) for word in words[:-1])
    return compile_fast(rf"\b{name}\s+{STREET_SUFFIX}\b\.?", re.IGNORECASE)


def on_practice_street(analysis: Analysis, start: int, end: int) -> bool:
    """Whether ``start``..``end`` lies in a mention of the practice's own street ("the side door on Oak
    Street"): directions to the practice, not where a patient lives, unless someone is said to live there."""
    pattern = _practice_street(analysis.context.address)
    if pattern is None:
        return False
    for match in pattern.finditer(analysis.text, max(0, start - 40), min(len(analysis.text), end + 40)):
        if match.start() <= start and end <= match.end():
            return _LIVES_ON_LEFT.search(analysis.lower, max(0, match.start() - 20), match.start()) is None
    return False
