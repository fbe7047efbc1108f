"""Names of patients and their family (Safe Harbor identifier (A)): full names, a first name alone in a
greeting or a thank-you, lower-case names, nicknames, titles with a surname, and names coordinated with
one already found.

A capitalised word is a name only with a person's context (a greeting, a relation, a visit); the staff
the practice lists and the colleagues a draft introduces ("Rosa Delgado, LCSW, joins us") are masked or
set aside, and place, product and event names are told apart by the words that follow them.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from functools import cached_property, lru_cache
from itertools import islice
from typing import Any

from composer.checking.analysis import Analysis, Lexicons
from composer.checking.fastre import compile_fast
from composer.checking.phi.shared import (
    ABSTRACT_NAMES,
    CARE_HOME,
    CARE_HOME_WORDS,
    CARE_NOUN,
    FULL_MONTH,
    MAX_SPANS,
    NOT_INITIALS,
    NOT_NAME_NEXT,
    OWN_FAMILY_LEFT,
    PLURAL_FAMILY,
    RELATION_WORDS,
    STALL,
    STREET_SUFFIX,
    THING_NEXT,
    WEEKDAY,
    Span,
    care_words,
    ci,
    has_initials,
    health_words,
    in_email,
    inside,
    is_given,
    is_nameish,
    lexicon_set,
    talks_about_person,
    without_accents,
)
from composer.checking.text import MASK

_GREETING = ci(
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
_NAME_CONTEXT_LEFT = ci(
    # "'riverbend gave me my life back' - brandon k": who said the words quoted
    r"(?:['\"’”]\s*[-–—~]|"
    r"\b\d{1,3}[- ](?:year|month|week|day)[- ]old|\blittle|\bbaby|\bsweet|\bbrave|\btiny|\bpatient|"
    r"\bpatients|\bmy\s+patient|\bour\s+patient|\bof|\bmr\.?|\bmrs\.?|\bms\.?|\bmiss|"
    r"\b(?:her|his|their|your)\s+(?:[\w-]{1,12}\s+)?(?:husband|wife|son|daughter|mom|mother|dad|father|brother|sister|"
    r"grandson|granddaughter|grandma|grandpa|grandmother|grandfather|aunt|uncle|niece|nephew|cousin|partner|fianc[eé]e?|"
    r"boyfriend|girlfriend|twin|baby|kid|child|toddler|newborn|neighbou?r|roommate|coworker|co-worker)|"
    # "thx for the review mike!!": the reviewer answered by name
    r"\bth(?:anks|x|ank\s+(?:you|u))\s+(?:so\s+much\s+)?for\s+the\s+(?:[\w-]+\s+)?(?:review|feedback|note|comment|"
    r"shout-?out|stars?|kind\s+words)|"
    r"\b(?:our|my)\s+(?:[\w-]{1,12}\s+)?(?:girl|boy|guy|gal|kiddo|buddy|champ|warrior|friend|neighbor|regular|pt|grad|graduate|superstar|"
    r"hero|fighter|survivor|miracle|rockstar|trooper|patient|client)|"
    r"\b(?:(?:big|little|baby)\s+(?:brother|sister|bro|sis)s?|mama|papa|grandma|grandpa|granny|nana|auntie|uncle|big|lil|meet|shout-?\s?outs?\s+to|kudos\s+to|"
    r"congrats\s+to|prayers\s+for|caring\s+for|care\s+for|treating|treated|tell|love\s+ya|love\s+you|"
    r"thanks\s+to|thank\s+you\s+to|keep|hugs\s+to|honou?r(?:ing)?|remember(?:ing)?|celebrating|welcoming|"
    r"proud\s+of|rooting\s+for|cheering\s+(?:for|on)|go|miss(?:ing)?\s+our|thank\s+(?:u|you)|said|says|told|"
    r"(?:our|my)\s+very\s+own|start|started|put|looking\s+at\s+you,?|"
    # "Dr. Reed loves working with Mason": whom the staff enjoy treating
    r"(?:loves?|enjoys?|adores?)\s+(?:working\s+with|seeing|treating|caring\s+for|taking\s+care\s+of)))\s+$")
# A capitalised word that is also an ordinary word ("Grace", "Frank", "Tom") is a person when a person's
# verb follows: "Grace came in for her checkup", "Frank stopped by to show off his new hip".
_PERSON_VERB_RIGHT = ci(
    r"\s+(?:(?:just|finally|also|even|proudly|bravely)\s+)?(?:came|comes|stopped|walked|rang|celebrated|celebrates|"
    r"graduated|finished|beat|kicked|showed|told|asked|brought|hugged|smiled|laughed|cried|lost|quit|completed|"
    r"survived|visited|returned|recovered|recovers|heals|is\s+recovering|is\s+healing|is\s+(?:now\s+|finally\s+)?home|"
    r"went\s+home|"
    r"(?:got|had|gets|has)\s+(?:his|her|their)|(?:is|was)\s+(?:so\s+|super\s+|such\s+a\s+|one\s+)?(?:brave|tough|strong|trooper|champ)|"
    r"turned\s+\d|(?:and|&)\s+(?:his|her)\s+(?:mom|dad|wife|husband|family|parents|kids)|(?:is|was)\s+diagnosed|"
    r"rocked|crushed|nailed|conquered|battled|fought|started\s+(?:his|her)|sees|saw\s+(?:dr|our|•)|"
    r"is\s+(?:doing|feeling)\s+(?:so\s+|much\s+|a\s+lot\s+|way\s+){0,2}(?:better|great|well)|is\s+on\s+the\s+mend|"
    r"is\s+(?:now\s+)?cancer-free|is\s+back\s+(?:home|on\s+(?:her|his)\s+feet))\b")
_RELATION_NAME = compile_fast(
    rf"\b(?i:your|ur|his|her|their)\s+(?:[\w-]{{1,12}}\s+)?{RELATION_WORDS}\s*,?\s+([A-Z][a-z'’-]{{1,20}})\b")
#: The words one of which every match of _RELATION_NAME contains ("your son Eli", "her little one, Ava").
_RELATIVES = frozenset(
    ["husband", "wife", "son", "daughter", "mom", "mother", "dad", "father", "brother", "sister", "grandson",
     "granddaughter", "grandma", "grandpa", "grandmother", "grandfather", "aunt", "uncle", "niece", "nephew",
     "partner", "baby", "little", "boy", "girl", "twin", "twins", "tía", "tia", "tío", "tio", "abuela", "abuelo",
     "hija", "hijo", "hermana", "hermano", "mamá", "mama", "papá", "papa"])
#: Kin words in any language the drafts use, never a name by themselves.
_KIN_WORDS = _RELATIVES | frozenset(["abuelita", "abuelito", "mija", "mijo", "nieta", "nieto"])
# "Mrs. Alvarez", "Mr. and Mrs. Ortiz", "Mr. Gutiérrez", "Sra. Herrera", "Sgt. Ruiz"; typed all lower-case
# ("ms. pruitt") the title needs its dot and the surname must be a listed one (checked where this is used).
_TITLE_SURNAME = compile_fast(
    r"\b(?:(?:Mr|Mrs|Ms)\.?\s+(?:and|&)\s+)?(?:Mr|Mrs|Ms|Miss|Mx|Sra|Srta|Señora|Señorita|Señor|Doña)\.?\s+[A-ZÁÉÍÓÚÑ][a-zà-öø-ÿ'’-]{1,25}"
    r"(?:-[A-Z][a-zà-öø-ÿ]{1,20})?"
    r"|\b(?:mr|mrs|ms)\.\s+(?P<lower>[a-z]{2,25})\b"
    # a military rank is a title too, in a draft about care: "Commander Ed Ruiz", "Staff Sgt. R.M."
    r"|\b(?:Staff\s+|Master\s+|First\s+)?(?:Sgt|Sergeant|Cpl|Corporal|Lt|Capt|Cmdr|Commander|Spc|Pvt|PFC|"
    # (not the figures of speech: "Captain Obvious", "Captain America")
    r"Captain(?!\s+(?:Obvious|America|Hook|Crunch|Marvel|Planet|Underpants)\b))\.?\s+"
    r"(?:[A-Z][a-z'’-]{1,25}|[A-Z]\.(?:\s?[A-Z]\.){0,2})")
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
#: "the Allergy Foundation of America", "the University of Victoria": a name word that ends an institution's.
_INSTITUTION_OF_LEFT = ci(
    r"\b(?:foundation|association|society|academy|college|university|department|dept\.?|institutes?|bank|states|"
    r"centers?|centres?|journal|annals|archives|league|federation|council|board|ministry|bureau|alliance|coalition|"
    r"network|museum|hospital|republic|kingdom|commonwealth|daughters|sons|knights|"
    # an event's title: "RESOLVE's Walk of Hope", "the Ride of Courage", "our Garden of Remembrance"
    r"walk|run|ride|race|gala|march|festival|circle|garden|tree|wall|night|day)\s+of\s+(?:the\s+)?$")
_PUBLIC_LEFT = ci(
    r"\b(?:governor|gov\.|senator|sen\.|president|rep\.|representative|mayor|secretary|judge|"
    r"professor|prof\.|dr\.|doctor|vote\s+for|elect|candidate|coach|pastor|reverend|rev\.|"
    r"according\s+to|by|st\.|saint|first\s+lady)\s+$"
    # a maker named after her trade, also set off by a comma ("A local artist, Mara Quinlan, painted them")
    r"|\b(?:author|artist|painter|muralist|sculptor|photographer|illustrator|musician|singer|songwriter|poet|novelist|"
    r"journalist|reporter|columnist),?\s+$")
#: Clinical credentials written after a name ("Dana Whitfield, DPT"): a colleague, not a patient.
_CREDENTIALS = (r"(?:MD|DO|RN|NP|PA|PA-C|LPN|CMA|MA|FNP|FNP-C|FNP-BC|DNP|PhD|APRN|ARNP|RDN|RD|LCSW|DPT|PT|OT|OTR|"
                r"RDH|DDS|DMD|CNM|CRNA|LMFT|LPC|PsyD|AuD|OD|DC|ATC|CCMA|RRT|MSW|PharmD|CNP|IBCLC|LMT|MSN|BSN|CNA|"
                # "MS" only between commas ("Kendra Alvarez, MS, to our team"): "Linda, MS warrior" is about a disease
                r"MS(?=\s*,)|MSc|MEd|MPH|CEP|RCEP|CSCS|RPSGT|CDCES|CDE)")
#: What a colleague is introduced as ("our new lactation consultant", "our optical manager, Priya").
_ROLE_NOUN = (r"(?:consultant|technologist|technician|tech|specialist|assistant|aide|hire|addition|clinician|"
              r"practitioner|scribe|navigator|interpreter|phlebotomist|sonographer|optometrist|optician|audiologist|"
              r"nutritionist|dietitian|psychologist|psychiatrist|surgeon|resident|fellow|trainer|worker|administrator|"
              r"receptionist|coordinator|manager|director|supervisor|lead|educator|nurse|physician|provider|therapist|"
              r"counselor|hygienist|pharmacist|midwife|doctor|scheduler|biller|chaplain|volunteer|embryologist|"
              r"geneticist|andrologist|promotora|promotor|coach|team\s+member|"
              r"member\s+of\s+(?:the|our)\s+team)\b")
def _role_of(owner: str) -> str:
    """A colleague's role in the practice's words, right before their name: "our infusion suite's charge nurse",
    "our EEG tech extraordinaire", "our patient coordinator" (``owner`` is "our", or "your" in a comment to us)."""
    return rf"\b(?i:{owner})\s+(?:[\w'’-]+\s+){{0,2}}?(?i:{_ROLE_NOUN})(?i:\s+extraordinaire)?"


_STAFF_RIGHT = compile_fast(
    rf"^(?:\s+[A-Z][a-z'’-]+)?,?\s+(?:{_CREDENTIALS}\b|"
    r"(?:is\s+)?(?:our|the|a)\s+(?:new\s+|amazing\s+|wonderful\s+|own\s+)?(?:nurse|medical\s+assistant|"
    r"receptionist|physician|doctor|provider|office|front|billing|practice|lab|x-ray|tech|scheduler|team|"
    r"pediatrician|hygienist|manager|coordinator|volunteer|intern|staff|colleague|mail\s+carrier|"
    r"speaker|author|guest|partner|sponsor|mayor|principal|coach|pharmacist|dietitian|therapist|"
    r"counselor|social\s+worker|midwife|educator|director|owner|founder|chef|host)"
    # a new colleague introduced with a role a few words on: "Priya Nair, our new seasonal radiology technologist"
    rf"|(?:is\s+)?(?:our|the)\s+new(?:est)?\s+(?:[\w-]+\s+){{0,3}}?{_ROLE_NOUN}"
    # or with the role's kind before it: "Derek, our athletic trainer", "Tanya, our charge nurse" (not "our resident")
    rf"|(?:is\s+)?our\s+(?:[\w'’-]+\s+){{1,3}}?(?!resident\b|fellow\b|addition\b|hire\b){_ROLE_NOUN}"
    # a reply signed with a role: "– Kayla, Front Desk Lead", "Dee, Office Manager"
    r"|(?i:front\s+desk|office\s+manager|practice\s+(?:manager|administrator)|billing\s+(?:lead|manager|team|office)|"
    r"patient\s+(?:services|experience|relations|liaison|advocate)|care\s+coordinator|clinic\s+manager|"
    r"nurse\s+manager)\b)"
    # "Ms. Dunlap, the front desk asked for your co-pay": the office is the subject, the name is addressed
    r"(?!\s+(?:desk\s+|team\s+|staff\s+)?(?:asked|is|was|will|has|had|called|sent|said|told|can|could|would|"
    r"should|did|does|tried|needs?|wants?|made|gave|got)\b)"
)
_STAFF_LEFT = ci(
    r"(?:\bwelcome\s+to\s+the\s+team,?|\bwelcoming\s+our|\bcongrats\s+to\s+our|\bcongratulations\s+to\s+our|"
    r"\bour\s+own|\bteam\s+member|\bnurse|\bprovider|\bphysician|\bstaff|\bcolleague|\bcoworker|"
    # (roles of _ROLE_NOUN, "our new nurse", are the last alternative's)
    r"\bco-worker|\bour\s+(?:new\s+)?(?:pediatrician|ma|partner)|"
    # the practice's outreach staff: "our community health worker Yesenia", "promotora Lupe", "navigator Ana"
    r"\bhealth\s+worker|\bchw|\bpromotora|\bpromotor|\bpatient\s+navigator|\binterpreter|\bhealth\s+coach|"
    r"\bspeaker|\bauthor|\bthanks\s+to\s+our\s+(?:friends|partners|sponsor)s?\s+at)\s+$"
    # "please call our optical manager, Priya Nandakumar": the role first, set off by a comma, or right before the
    # name ("our infusion suite's charge nurse, Marisol", "our EEG tech extraordinaire, Dana", "our patient
    # coordinator Marisol")
    rf"|{_role_of('our')}(?:,\s+(?:[\w'’-]+\s+)?|\s+)$")
_POSSESSIVE_CARE_RIGHT = ci(rf"^['’]s\s+(?:[\w-]{{1,20}}\s+){{0,2}}?{CARE_NOUN}\b")
_NOT_PATIENT_RIGHT = ci(
    r"^(?:['’]s)?\s+(?:[\w-]{1,20}\s+){0,2}?(?:class|classroom|students|team|troop|store|shop|bakery|restaurant|"
    r"company|business|office|school|church|congregation|farm|garden|book|show|band)\b"
)
# "the Hendersons' two boys": the children of a named family.
_FAMILY_MEMBERS_RIGHT = compile_fast(
    r"['’]?\s+(?:(?:two|three|four|five|twin|little|youngest|oldest|eldest|new|baby)\s+)?(?i:boys?|girls?|kids|children|"
    r"sons?|daughters?|twins|triplets|baby|babies|grandkids|grandchildren|little\s+ones|toddlers?)\b")
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
    rf"firehouse|ranch|farm|pub|restaurant|market)\b|{STALL})"
    # the group, class or time slot of the practice's they belong to: "Mr. D. from our Tuesday diabetes group",
    # "Mr. T from the 3:30 slot", "Mrs. P from the 3rd Street apartments"
    r"|(?:\s+[A-Z]\.)?\s+from\s+(?:the|our|my)\s+(?:[\w'’:.-]{1,20}\s+){0,3}?(?:group|class|slot|apartments|building|"
    r"shift|program|choir|club|team|ward|unit)\b"
    # "Mrs. Petrakis in room 14", "Mr. Kowalski in 12B"
    r"|\s+in\s+(?:(?:room|bed|bay|unit|apt\.?|apartment|suite|#)\s*\d{1,4}[A-Z]?|\d{1,4}[A-Z])\b")
#: "8-year-old Jayden", "6 yo Mia": the age that goes with a child's name.
_AGE_BEFORE_NAME = compile_fast(r"\b\d{1,2}(?:[- ](?:years?|months?|weeks?)[- ]old|\s?y/?o)\s+$")


# "the Nguyen family", "Thank you, Martinez family!", "la familia Morales", "the Okonkwo baby": a household
# named by its surname (a team is not one: "the Westfield girls soccer team").
_FAMILY_MORE = re.compile(
    r"(?:\b[Tt]he\s+|,\s+|\b(?:[Tt]o|[Ff]or|[Tt]hanks|[Cc]ongrats|[Cc]ongratulations|[Dd]ear|[Hh]i|[Hh]ello)\s+)"
    r"(?:(?i:two|three|four|five|six|both|all|whole|entire)\s+)?"
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
_TITLE_WORDS = frozenset(["mr", "mrs", "ms", "miss", "mx", "sra", "srta", "señora", "señorita", "señor", "doña",
                          "sgt", "sergeant", "cpl", "corporal", "lt", "capt", "captain", "cmdr", "commander", "spc",
                          "pvt", "pfc"])
#: Abbreviated titles a greeting can stand before ("welcome Rev.", "thanks Fr."): never a name themselves.
_TITLE_ABBREVIATIONS = frozenset(["rev", "fr", "dr", "sr", "br", "msgr", "hon", "prof"])
_LITTLE_WORDS = frozenset(["little", "old"])
_LITTLE_NAME = ci(r"\b(?:little|\d{1,2}[- ](?:year|month)[- ]old)\s+([a-z][a-z-]{2,20})\b")


def _at_sentence_start(text: str, start: int) -> bool:
    """Whether only spaces, emoji, quotes or bullets stand between ``start`` and a sentence break."""
    i = start
    lowest = max(0, start - 14)
    while i > lowest and not (text[i - 1].isalnum() or text[i - 1] in ".!?:\n…,;"):
        i -= 1
    if i and text[i - 1].isdigit() and text[i : i + 1] in _LIST_MARK_AFTER:
        i -= 1  # "1️⃣ Chin tucks", "2) Shoulder rolls": the number of an item in a list opens its line
        while i and text[i - 1].isdigit():
            i -= 1
        return i == 0 or text[i - 1] in "\n \t"
    return i == 0 or text[i - 1] in ".!?:\n…"


#: What follows the number of a listed item: a keycap emoji's selector or frame, or a closing parenthesis.
_LIST_MARK_AFTER = frozenset(["\ufe0f", "\u20e3", ")"])


_NOT_NAMES_EXTRA = frozenset(["better", "soon", "again", "today", "too"])


_CALENDAR_WORD = ci(rf"{WEEKDAY}|{FULL_MONTH}|today|tonight|tomorrow|yesterday")


def _unmistakable_given(low: str, lexicons: Lexicons, excluded: frozenset[str]) -> bool:
    """A listed given name that is no ordinary word and no ambiguous name ("tyler", not "will" or "june"), so
    it can be taken for a name even typed in lower case."""
    return (low in lexicons.given_names and low not in lexicons.common_words and low not in lexicons.ambiguous_names
            and low not in excluded)


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
    if upper and word[0].isupper() and not NOT_NAME_NEXT.match(match.group()):
        low = word.lower()
        if low in lexicons.surnames or low not in lexicons.common_words:
            return end + match.end()
    if not upper and word.islower() and word in lexicons.surnames and word not in lexicons.common_words:
        return end + match.end()
    return end


def _surname_then_verb(text: str, lower: str, end: int, lexicons: Lexicons) -> bool:
    """A listed surname and a person's verb after a word that opens a sentence ("Mike Dunleavy has driven...")."""
    after = _extend_surname(text, end, lexicons, True)
    return after > end and lower[end:after].strip() in lexicons.surnames and bool(
        _PERSON_VERB_RIGHT.match(lower, after) or _HAS_DONE_RIGHT.match(lower, after))


#: A person's doing told in the perfect ("has driven", "has volunteered"), after a name and surname.
_HAS_DONE_RIGHT = compile_fast(r"\s+(?:has|had)\s+(?:been\s+|always\s+|never\s+)?[a-z]+(?:ed|en|wn|ne|ung|ught)\b")


def _given_name_words(analysis: Analysis, lexicons: Lexicons) -> list[Span]:
    """Where the draft's words that are listed given names occur, as whole words (once per check).

    One small alternation of just those names replaces a pass over every word, and the cues that follow
    a name ("'s been coming to", "'s rash") are then tried only at these places."""
    cached = analysis.__dict__.get("_phi_name_words")
    if cached is None:
        candidates = analysis.words.intersection(lexicons.given_names)
        if not analysis.lower.isascii():  # "Sofía", "Tomás": the listed name with its accents
            candidates |= {word for word in analysis.words
                           if not word.isascii() and without_accents(word) in lexicons.given_names}
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


class _NameSearch:
    """One draft's search for names. Each cue is a method that finds candidates its own way and hands them
    to ``add``, which drops the ones the words around show are no patient (the author's family, a public
    figure, a place, a product); ``finished`` then sets aside the colleagues and places the draft names."""

    def __init__(self, analysis: Analysis, lexicons: Lexicons) -> None:
        self.analysis = analysis
        self.lexicons = lexicons
        self.text = analysis.text
        self.lower = analysis.lower
        self.spans: list[Span] = []
        self.not_person = lexicon_set(lexicons.named.get("phi_not_person_words", ()))
        self.not_names = lexicon_set(lexicons.named.get("phi_not_names_lower", ()))
        self.not_lower = lexicon_set(lexicons.named.get("not_names_lower", ())) | self.not_names
        #: words never taken for a name without a title
        self.excluded = self.not_person | self.not_lower
        #: whether a brand list or a Spanish place word occurs at all (each test below runs only if so)
        self.brand_lists = not analysis.words.isdisjoint(_BRAND_LIST_WORDS)
        self.spanish_places = not analysis.words.isdisjoint(_SPANISH_PLACE_WORDS)

    def run(self) -> list[Span]:
        """Every cue, in an order that lets the later ones skip what the earlier found."""
        self._greetings()
        self._vocatives()
        self._nicknames_and_households()
        self._titled_surnames()
        self._listed_given_names()
        self._households_and_little_ones()
        self._strong_cues()
        self._cheers()
        self._titled_people()
        self._relatives()
        self._hashtags_and_asides()
        self._messages()
        self._ongoing_care_and_attributions()
        self._pairs()
        return self.finished()

    def care(self) -> bool:
        """The draft talks about someone's health or care (see ``talks_about_person``)."""
        return talks_about_person(self.analysis, self.lexicons)

    @cached_property
    def congratulated(self) -> bool:
        """The reply answers a comment congratulating the author on their work ("Congrats on the new role!")."""
        return self.analysis.request.kind == "reply" and bool(_CONGRATS_ON_WORK.search(self.analysis.reply.lower()))

    def add(self, start: int, end: int, titled: bool = False) -> None:
        """Keep a candidate name unless the words around it show it is no patient."""
        analysis, lexicons, text, lower = self.analysis, self.lexicons, self.text, self.lower
        if lower[start:end] in _MONTH_NAMES and _DAY_NUMBER_NEXT.match(text, end):
            return  # "through Jan. 1", "June 14": a month, not a person
        left = lower[max(0, start - 40) : start]
        if _THANKS_LEFT.search(left) and self.congratulated:
            return  # "Congrats on the new role!" "Thank you so much, Maya!": a colleague thanked, not a patient
        if OWN_FAMILY_LEFT.search(left):
            return  # "my husband Raj": the author's own family, not a patient
        if _DOCTOR_LEFT.search(left):
            return  # "Dr. Brooks is now accepting new patients": a physician, named as one
        if _CONTACT_LEFT.search(left) and MASK in analysis.sentence_lower(start)[1]:
            return  # "call Carla Jimenez at (555) 201-3300": whom to ask for on the practice's own line
        if _CREW_THANKS_LEFT.search(left) and _AND_CREW_RIGHT.match(text, end):
            return  # "Thank you Wes, Tammy and the whole crew": colleagues thanked, with their team
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
        if THING_NEXT.match(text, end) or _PET_RIGHT.match(text, end) or _PET_LEFT.search(left):
            return  # "Omega-3 softgels", "a full Elsa costume", "our stuffed giraffe Gigi": a product or a character
        if _THANKED_FOR.match(text, end):
            return  # "Many thanks to Deb Hollister and the Senior Center crew for hosting": a helper
        if (_VENUE_LEFT.search(left) and _VENUE_RIGHT.match(text, end)) or _BUSINESS_RIGHT.match(text, end) or (
                _AT_WORK_RIGHT.match(text, end)):
            return  # "karaoke at Dusty's last night", "the Casey's pharmacy": a business named for someone
        if _NOT_KIN_NAME.search(lower[max(0, start - 8) : end]):
            return  # "Uncle Sam wants you": a figure of speech
        if _PROGRAM_LEFT.search(left):
            return  # "the GutGlow 14-Day Kit", "our 6-Week Reset": the title of a product or a program
        if (self.brand_lists and _BRAND_LIST_LEFT.search(lower[max(0, start - 90) : start])) or (
                self.spanish_places and _SPANISH_PLACE_LEFT.search(text, max(0, start - 40), start)):
            return  # "frames from Ray-Ban, Kate Spade and Oakley", "Mercado La Esperanza", "Iglesia San José"
        if _PSEUDONYM_RIGHT.match(text, end):
            return  # '"Gloria" (not her real name)': a made-up name points to nobody
        if _OWN_THING_LEFT.search(left) and _PROGRAM_RIGHT.match(text, _extend_surname(text, end, lexicons, True)):
            return  # "our Vida Sana coach", "one of our Hope Rising participants": a program's name
        if _PUT_DOWN_NAME.search(text, max(0, start - 6), min(len(text), end + 6)):
            return  # "ok Karen 🙄": the name as a put-down (unprofessional, but nobody's identifier)
        prefix = _NICK_LEFT.search(text[max(0, start - 12) : start])
        if prefix and _nick_prefix(prefix.group(1)):
            start -= len(prefix.group())  # "Tiny Tim", "Little Aubrey": the nickname is the identifier
        aged = _AGE_BEFORE_NAME.search(text[max(0, start - 20) : start])
        if aged:
            start -= len(aged.group())
        extended = _extend_surname(text, end, lexicons, text[start].isupper())
        if extended > end and NOT_NAME_NEXT.match(text, extended):
            return  # "at Maple Grove Elementary": two name-like words that name a place
        end = extended
        detail = _NAME_DETAIL_RIGHT.match(text, end)
        self.spans.append((start, detail.end() if detail else end))

    def _greetings(self) -> None:
        """A greeting or thank-you before a name: "Hi Ronald", "Thanks so much Margaret!"."""
        analysis, lexicons = self.analysis, self.lexicons
        text, lower = self.text, self.lower
        add, care = self.add, self.care
        not_person, not_names = self.not_person, self.not_names
        greeting_words = not analysis.words.isdisjoint(_GREETING_WORDS)
        for match in _GREETING.finditer(lower) if greeting_words else ():
            word = text[match.start(1) : match.end(1)]
            if word.lower() in not_person or not care():
                continue
            if _CAMEL_CASE.match(word):
                continue  # "Thanks PharmaOne!": a brand, not a person
            if word.lower() in _NOT_NAMES_EXTRA or word.lower() in not_names:
                continue
            if word.lower() in _TITLE_ABBREVIATIONS and text.startswith(".", match.end(1)):
                continue  # "Please welcome Rev. Daniel Okafor": a title, the name comes after it
            if is_nameish(word, lexicons) or (word[0].isupper() and word.lower() in lexicons.given_names) or (
                    len(word) > 2 and word.lower() in lexicons.ambiguous_names
                    and word.lower() not in lexicons.common_words
                    and _CLOSED_GREETING.match(text, match.end(1))):
                add(match.start(1), match.end(1))

    def _vocatives(self) -> None:
        """A name addressed after a comma at a sentence's end: "We hear you, Margaret.", "so proud of you, mateo!"."""
        lexicons = self.lexicons
        text = self.text
        add, care = self.add, self.care
        not_person, not_lower, excluded = self.not_person, self.not_lower, self.excluded
        for match in _VOCATIVE.finditer(text) if "," in text else ():
            low = match.group(1).lower()
            if (low not in not_person and low not in not_lower and is_given(match.group(1), lexicons, strict=False)
                    and care()):
                add(match.start(1), match.end(1))
        for match in _VOCATIVE_LOWER.finditer(text) if "," in text else ():
            if _unmistakable_given(match.group(1), lexicons, excluded) and care():
                add(match.start(1), match.end(1))

    def _nicknames_and_households(self) -> None:
        """A quoted nickname ("'Bubba'") and a family named in the plural ("the Nguyens")."""
        lexicons = self.lexicons
        text, spans = self.text, self.spans
        care = self.care
        not_person = self.not_person
        for match in _NICKNAME.finditer(text) if ("'" in text or "‘" in text or '"' in text or "“" in text) else ():
            if care():
                spans.append(match.span(1))
        if care():
            for match in PLURAL_FAMILY.finditer(text):
                stem = match.group(1).lower()
                if (stem not in lexicons.common_words and stem not in not_person and f"{stem}s" not in not_person
                        and stem.isalpha() and not THING_NEXT.match(text, match.end())):  # not "the Krebs cycle"
                    tail = _FAMILY_MEMBERS_RIGHT.match(text, match.end())
                    spans.append((match.start(1), tail.end() if tail else match.end()))

    def _titled_surnames(self) -> None:
        """A title and a surname, with a given name between if there is one: "Mrs. Alvarez", "Mr. Ray Dunbar"."""
        analysis, lexicons = self.analysis, self.lexicons
        text, spans = self.text, self.spans
        care = self.care
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

    def _listed_given_names(self) -> None:
        """Every listed given name, kept when a cue or the draft's talk of care says it is a person."""
        analysis, lexicons = self.analysis, self.lexicons
        text, lower, spans = self.text, self.lower, self.spans
        add, care = self.add, self.care
        not_person, not_lower = self.not_person, self.not_lower
        for start, end in islice(_given_name_words(analysis, lexicons), MAX_SPANS):
            token = text[start:end]
            low = lower[start:end]
            if not token[:1].isalpha() or (token[1:] and not token[1:].islower() and not token.islower()):
                continue  # "JOHN" or "mcDonald": not how a name is typed in running text
            if low in not_person and not re.search(r"(?:mr|mrs|ms|miss)\.?\s+$", lower[max(0, start - 6) : start]):
                continue  # "September", "Many", "Carry": a month or a word, not a name
            if low in lexicons.common_words and _at_sentence_start(text, start) and (
                    low in ABSTRACT_NAMES or not token[0].isupper() or not (
                        _PERSON_VERB_RIGHT.match(lower, end) or _surname_then_verb(text, lower, end, lexicons)
                        or _POSSESSIVE_CARE_RIGHT.match(lower[end : end + 60]))):
                continue  # "Many concerns..." at the start of a sentence is a word, not a name
            if not token[0].isupper() and (low in lexicons.common_words or low in lexicons.ambiguous_names
                                           or low in not_lower):
                initial = _LOWER_INITIAL.match(text, end) if low not in not_lower and len(low) > 2 else None
                if initial and care():
                    spans.append((start, initial.end()))  # "words from deb k.": a name and an initial
                continue  # a lower-case word ("in", "will", "may"): only a rare word can be a lower-case name
            cue = _NAME_CONTEXT_LEFT.search(lower[max(0, start - 25) : start])
            if token[0].isupper():
                if low in lexicons.ambiguous_names and not cue and not _POSSESSIVE_CARE_RIGHT.match(
                        lower[end : end + 60]) and (low in ABSTRACT_NAMES or not _PERSON_VERB_RIGHT.match(lower, end)):
                    continue
                if NOT_NAME_NEXT.match(text[end : end + 20]):
                    continue
                if cue or care():
                    add(start, end)
            elif cue or (_PERSON_VERB_RIGHT.match(lower, end) and low not in lexicons.english_words and care()):
                add(start, end)  # "lillian told Jenna at her checkup...": a rare word that acts as a person does
            else:
                # lower-case full name: "marisol vega", or a name and an initial: "words from deb k."
                initial = _LOWER_INITIAL.match(text, end)
                after = initial.end() if initial else _extend_surname(text, end, lexicons, upper=False)
                if after > end and care():
                    spans.append((start, after))

    def _households_and_little_ones(self) -> None:
        """A household or a small child named the way one speaks of a patient or their family, even with a name
        the list lacks: "the Nguyen family", "little mateo", "4-year-old benny"."""
        analysis, lexicons = self.analysis, self.lexicons
        text, lower, spans = self.text, self.lower, self.spans
        care, not_person = self.care, self.not_person
        # "the Nguyen family", "the Ramírez siblings": a household named by a surname or a name-like word
        if not analysis.words.isdisjoint(_FAMILY_WORDS) and care():
            for match in _FAMILY_MORE.finditer(text):
                staff_like = _STAFF_RIGHT.match(text[match.end() : match.end() + 60])
                surname = match.group(1) or match.group(2)
                if surname.lower() in not_person:
                    continue  # "Illinois families", "the Cougars crew": a state or a team, not a household
                if (surname.lower() in lexicons.surnames or is_nameish(surname, lexicons)) and not staff_like:
                    start = match.start(1) if match.group(1) else match.start()
                    spans.append((start, match.end()))
        # little mateo / 4-year-old benny when the name list lacks the name
        little = not analysis.words.isdisjoint(_LITTLE_WORDS)
        for match in _LITTLE_NAME.finditer(lower) if little else ():
            word = match.group(1)
            nameish = is_given(word, lexicons, strict=True) if match.group().startswith("little") else is_nameish(
                word, lexicons)
            if nameish and word not in _KIN_WORDS and word not in not_person and not inside(spans, match.start(1)):
                spans.append(match.span(1))  # not "94-year-old abuela": a kin word, no name

    def _strong_cues(self) -> None:
        """Names with a strong cue of their own (see ``_more_names``)."""
        analysis, lexicons = self.analysis, self.lexicons
        spans = self.spans
        add = self.add
        excluded = self.excluded
        _more_names(analysis, lexicons, spans, add, excluded)

    def _cheers(self) -> None:
        """Names in a cheer or a wish: a texted thank-you, "our girl Sienna", a shouted name, "praying for"."""
        analysis, lexicons = self.analysis, self.lexicons
        text, spans = self.text, self.spans
        add, care = self.add, self.care
        not_person, excluded = self.not_person, self.excluded
        if analysis.request.kind == "reply" and "!" in text and not analysis.words.isdisjoint(_THANKS_WORDS):
            # "thx for the 5 stars tyler!!": a lower-case name closing a thank-you, typed as one would text it
            for match in islice(_THANKS_LOWER_NAME.finditer(text), MAX_SPANS):
                if (_unmistakable_given(match.group(1), lexicons, excluded) and care()
                        and not inside(spans, match.start(1))):
                    spans.append(match.span(1))
        if not analysis.words.isdisjoint(_KID_WORDS) and ("our" in analysis.words or "my" in analysis.words):
            # "That's our girl Sienna!": a name the list lacks, said with affection about someone in care
            for match in islice(_OUR_KID_NAME.finditer(text), MAX_SPANS):
                word = match.group(1)
                if (is_nameish(word, lexicons) and word.lower() not in not_person and care()
                        and not inside(spans, match.start(1))):
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
                if (is_nameish(word, lexicons) and low not in not_person and low not in ABSTRACT_NAMES
                        and not NOT_NAME_NEXT.match(text, match.end(1)) and not inside(spans, match.start(1))):
                    add(match.start(1), match.end(1))

    def _titled_people(self) -> None:
        """What a town calls someone, with their name: "Coach Frank", "Abuela Rosa", "grandma June"."""
        analysis, lexicons = self.analysis, self.lexicons
        text, spans = self.text, self.spans
        add, care = self.add, self.care
        not_person = self.not_person
        if not analysis.words.isdisjoint(_COMMUNITY_TITLES) and care():
            # "caring for Coach Frank", "prayers for Pastor Mike": a community title with a first name is a person
            for match in islice(_TITLED_FIRST_NAME.finditer(text), MAX_SPANS):
                if (match.group(2).lower() in lexicons.given_names and match.group(2).lower() not in not_person
                        and not inside(spans, match.start(2))):
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
                if ((low in lexicons.given_names or without_accents(low) in lexicons.given_names
                     or (((community and low in lexicons.surnames) or is_nameish(word, lexicons))
                     and low not in lexicons.common_words))
                        and low not in not_person and not _NOT_KIN_NAME.match(match.group().lower())
                        and not inside(spans, match.start(1))):
                    add(match.start(1), match.start(1) + len(word), titled=True)

    def _relatives(self) -> None:
        """A name after a relation: "her son Mateo", "his wife, Carol"."""
        analysis, lexicons = self.analysis, self.lexicons
        text, spans = self.text, self.spans
        add, care = self.add, self.care
        not_person, not_lower = self.not_person, self.not_lower
        if not analysis.words.isdisjoint(_RELATIVES) and care():
            for match in islice(_RELATION_NAME.finditer(text), MAX_SPANS):
                low = match.group(1).lower()
                if (low not in not_person and low not in not_lower and low not in ABSTRACT_NAMES
                        and not NOT_NAME_NEXT.match(text[match.end(1) : match.end(1) + 20])
                        and (is_nameish(match.group(1), lexicons) or low in lexicons.given_names)
                        and not inside(spans, match.start(1))):
                    add(match.start(1), match.end(1))

    def _hashtags_and_asides(self) -> None:
        """A name in a campaign hashtag, in an aside in parentheses, or opening a reply."""
        analysis, lexicons = self.analysis, self.lexicons
        text, spans = self.text, self.spans
        add, care = self.add, self.care
        not_person, not_lower = self.not_person, self.not_lower
        if "#" in text:
            # "#LiamStrong", "#TeamEmma", "#PrayForAva": a campaign hashtag built on a person's first name
            for match in islice(_NAME_HASHTAG.finditer(text), MAX_SPANS):
                low = (match.group(1) or match.group(2)).lower()
                if (low in lexicons.given_names and low not in not_person and low not in ABSTRACT_NAMES
                        and low not in lexicons.common_words):
                    spans.append(match.span())
        for match in islice(_PAREN_VOCATIVE.finditer(text), MAX_SPANS) if "(" in text else ():
            low = match.group(1).lower()
            plain = low not in lexicons.common_words and low not in lexicons.ambiguous_names
            own_care = not analysis.words.isdisjoint(care_words(lexicons))
            if (low in lexicons.given_names and low not in not_person and low not in not_lower and (plain or own_care)
                    and low not in ABSTRACT_NAMES and care()
                    and not inside(spans, match.start(1))):
                add(match.start(1), match.end(1))  # "(Jake, we're looking at you!)"
        if analysis.request.kind == "reply":
            # "Frank, I hear you.", "Tom - thank you for your patience": a reply that opens by addressing someone
            lead = _LEAD_VOCATIVE.match(text)
            if lead:
                low = lead.group(1).lower()
                plain = low not in lexicons.common_words and low not in lexicons.ambiguous_names
                own_care = not analysis.words.isdisjoint(care_words(lexicons)) or not analysis.words.isdisjoint(
                    health_words(lexicons))
                # "Bill, we are SO happy to see you back on your feet!": a name that is also a word, still the
                # commenter's when the reply speaks to them right after the comma
                spoken_to = text.startswith(",", lead.end(1)) and _SPOKEN_TO.match(self.lower, lead.end()) is not None
                if (is_given(lead.group(1), lexicons, strict=False) and low not in not_person and low not in not_lower
                        and low not in ABSTRACT_NAMES and care() and (plain or own_care or spoken_to)
                        and not inside(spans, lead.start(1))):
                    add(lead.start(1), lead.end(1))
        elif "," in text:
            # "Jake, you're welcome.", "Jim, since you asked at the block party": a post that turns to one person.
            # Found from what is said to them (rare), then the name that opens the sentence before the comma.
            for cue in islice(_POST_VOCATIVE_CUE.finditer(self.lower), MAX_SPANS):
                opening = _SENTENCE_OPENING_NAME.search(text, max(0, cue.start() - 30), cue.start())
                if not opening:
                    continue
                low = opening.group(1).lower()
                if (is_given(opening.group(1), lexicons, strict=True) and low not in not_person
                        and low not in not_lower and low not in ABSTRACT_NAMES and care()
                        and not inside(spans, opening.start(1))):
                    add(opening.start(1), opening.end(1))

    def _messages(self) -> None:
        """A message passed to one person: "tell big ray we said hi", "Tell Rosa we said hi"."""
        analysis, lexicons = self.analysis, self.lexicons
        text, lower, spans = self.text, self.lower, self.spans
        add, care = self.add, self.care
        not_person, not_lower, excluded = self.not_person, self.not_lower, self.excluded
        if not analysis.words.isdisjoint(_NICK_PREFIX) and care():
            # "tell big ray we said hi", "give little sam a hug from us": a nicknamed person the staff know
            for match in islice(_MESSAGE_TO_NAME.finditer(lower), MAX_SPANS):
                low = match.group(2)
                if (low in lexicons.given_names and low not in not_person and low not in not_lower
                        and not inside(spans, match.start(1))):
                    spans.append(match.span(1))
        if "tell" in analysis.words and care():
            # "tell tyler he passed everything", "Tell Rosa we said hi": a message for one person in the practice's care
            for match in islice(_TELL_NAME.finditer(text), MAX_SPANS):
                word = match.group(1)
                low = word.lower()
                # capitalised, any listed name; typed in lower case, only one that is no ordinary word
                listed = word[0].isupper() or _unmistakable_given(low, lexicons, excluded)
                if listed and low in lexicons.given_names and low not in excluded and not inside(spans, match.start(1)):
                    add(match.start(1), match.end(1))

    def _ongoing_care_and_attributions(self) -> None:
        """A name followed by ongoing care ("Tom has been seeing us") or signing a quote ("- Maria")."""
        analysis, lexicons = self.analysis, self.lexicons
        text, lower, spans = self.text, self.lower, self.spans
        add = self.add
        not_person, not_lower = self.not_person, self.not_lower
        if not analysis.words.isdisjoint(_ONGOING_WORDS):
            # "maddie's been coming to dr reed since she was born", "Tom has been seeing us for his diabetes"
            ongoing = _names_followed_by(analysis, lexicons, _ONGOING_CARE_AFTER_NAME, (3, 20))
            for start, end in islice(ongoing, MAX_SPANS):
                low = lower[start:end]
                if (low not in not_person and low not in not_lower
                        and low not in lexicons.ambiguous_names and low not in lexicons.common_words
                        and not inside(spans, start)):
                    add(start, end)
        if "—" in text or "–" in text or "-" in text:
            for match in islice(_ATTRIBUTION.finditer(text), MAX_SPANS):
                low = match.group(1).lower()
                if (low in lexicons.given_names and low not in not_person and low not in not_lower
                        and not inside(spans, match.start(1))):
                    add(match.start(1), match.end(1))

    def _pairs(self) -> None:
        """Names joined to one already found, pairs of lower-case names, and a name addressed mid-sentence."""
        analysis, lexicons = self.analysis, self.lexicons
        text, lower, spans = self.text, self.lower, self.spans
        add, care = self.add, self.care
        not_person, not_lower, excluded = self.not_person, self.not_lower, self.excluded
        if spans and (" and " in text or "&" in text):
            spans.extend(_coordinated_names(analysis, lexicons, spans, excluded))
        if " and " in lower and care():
            for match in islice(_LOWER_PAIR.finditer(text), MAX_SPANS):
                pair = (match.group(1), match.group(2))
                if all(_unmistakable_given(w, lexicons, excluded) for w in pair) and not inside(
                        spans, match.start()):
                    spans.extend([match.span(1), match.span(2)])  # "tyler and mia were total troopers"
        for match in islice(_MID_VOCATIVE.finditer(text), MAX_SPANS) if "," in text else ():
            low = match.group(1).lower()
            if (is_given(match.group(1), lexicons, strict=False) and low not in not_person and low not in not_lower
                    and low not in ABSTRACT_NAMES and care() and not inside(spans, match.start(1))):
                add(match.start(1), match.end(1))  # "Indeed I did, Carol, and I remember..."

    def finished(self) -> list[Span]:
        """The names found, without the colleagues, places and people of the past the draft names."""
        analysis = self.analysis
        text, lower, spans = self.text, self.lower, self.spans
        for index, (start, end) in enumerate(spans):
            prefix = _NICK_LEFT.search(text[max(0, start - 12) : start])
            if prefix and _nick_prefix(prefix.group(1)):  # "Coach Trina", "little mateo", however the name was found
                spans[index] = (start - len(prefix.group()), end)
        # On a clinician's own account a post's "Uncle Raj" or "Grandma June" is the author's family (measured: no
        # read writer labeled one); a reply there, as on the practice page, may be talking about a patient.
        # The same in a reply to a relative who calls the author "Aunt Anika" ("are u coming to the reunion?").
        if analysis.request.profile == "personal" and (
                analysis.request.kind == "post" or _FAMILY_ADDRESS.search(analysis.reply)):
            spans = _not_led_by(spans, lower, _FAMILY_KIN_TITLES)
        # "the Springfield kids": the practice's own town is a place, never a person's name
        spans = _not_led_by(spans, lower, practice_places(analysis.context.address))
        if spans and (_OLD_YEAR.search(text) or _HISTORY.search(lower)):
            spans = [(s, e) for s, e in spans if not _historical(analysis, s)]  # the draft is about the past
        if spans and any(word in text for word in CARE_HOME_WORDS):
            homes = {match.group(1).lower() for match in CARE_HOME.finditer(text)}
            spans = [(s, e) for s, e in spans if lower[s:e] not in homes]  # "family night at Maple Grove"
        staff = introduced_staff(analysis) if spans else frozenset()
        # "Please welcome Dana Whitfield, DPT, to our team! Dana ...": a colleague, every time she is named
        spans = _not_led_by(spans, lower, staff)
        if spans and "@" in text:  # "kara.wells@...": a name inside an address is the address's (see detect_emails)
            spans = [(s, e) for s, e in spans if not in_email(analysis, s)]
        return _pairs_joined(text, spans)


_PAIR_JOINT = frozenset([" and ", " & "])


def _pairs_joined(text: str, spans: list[Span]) -> list[Span]:
    """Two names joined by "and" as one underline ("proud parents Molly and Dev"): the pair is one household,
    which reviewers mark whole, and the underline still covers each name."""
    if len(spans) < 2 or (" and " not in text and " & " not in text):
        return spans
    joined: list[Span] = []
    for start, end in sorted(spans):
        if joined and text[joined[-1][1] : start] in _PAIR_JOINT:
            joined[-1] = (joined[-1][0], end)
        else:
            joined.append((start, end))
    return joined


def detect_names(analysis: Analysis, lexicons: Lexicons, params: Mapping[str, Any]) -> list[Span]:
    """Names of patients or their family.

    Found by cue rather than by dictionary alone: a greeting or vocative ("Hi Ronald", "Thanks,
    Margaret!"), a title ("Mrs. Alvarez"), an age or diminutive before it ("4-year-old Benny", "little
    mateo"), or any listed given name when the draft talks about care. Staff and the owner are masked,
    public figures after a title ("Senator", "vote for") and institutions ("Lincoln Elementary") are not.
    """
    return _NameSearch(analysis, lexicons).run()


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


def _joined_by_and(word: str) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """A ``word`` joined by "and" or "&" after a name and before one (the second searched in the text before it)."""
    return compile_fast(rf"\s+(?:and|&)\s+({word})\b"), compile_fast(rf"\b({word})\s+(?:and|&)\s+$")


_AND_NAME = _joined_by_and(r"[A-Z][a-z'’-]{1,20}")
#: The same beside a name typed in lower case: "dan & priya told us".
_AND_LOWER_NAME = _joined_by_and(r"[a-z][a-z'’-]{1,20}")


def _coordinated_names(analysis: Analysis, lexicons: Lexicons, spans: list[Span],
                       not_words: frozenset[str]) -> list[Span]:
    """Given names joined by "and" to a name found with a cue of its own ("Liam and Noah", "dan & priya")."""
    text = analysis.text
    found: list[Span] = []
    for start, end in list(spans):
        # a name typed in lower case is joined to one typed the same way
        right, left = _AND_LOWER_NAME if text[start:end].islower() else _AND_NAME
        for match, offset in ((right.match(text, end), 0),
                              (left.search(text[max(0, start - 30) : start]), max(0, start - 30))):
            if not match:
                continue
            low = match.group(1).lower()
            span = (offset + match.start(1), offset + match.end(1))
            if (is_given(match.group(1), lexicons, strict=False) and low not in not_words
                    and low not in ABSTRACT_NAMES and not NOT_NAME_NEXT.match(text[span[1] : span[1] + 20])
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
    rf"1[0-8]\d\d(?![\w/-]|\.\d|\s\d|\s[NSEW]\b)(?!\s+(?:[NSEW]\.?\s+)?(?:[A-Z][a-z'-]{{1,20}}\s+){{1,3}}(?:{STREET_SUFFIX}\b|Apt|Unit))")
_HISTORY = ci(r"\b(?:history|historical|historian|historic|centuries|century|biography|on\s+this\s+day\s+in)\b")
_PRESENT_PERSON = ci(r"\b(?:you|your|ur|our\s+patients?|my\s+patients?|today|this\s+week|yesterday)\b")


def _historical(analysis: Analysis, start: int) -> bool:
    """Whether the sentence around ``start`` tells of the past, in a draft already known to be about the past
    (a year before 1900, or history): the sentence has such a year, or nobody of the present in it."""
    _, sentence = analysis.sentence_lower(start)
    return bool(_OLD_YEAR.search(sentence)) or not _PRESENT_PERSON.search(sentence)


# A person introduced as a colleague: a name with a credential after it, or welcomed to the team.
_STAFF_INTRO = compile_fast(
    rf"\b([A-ZÁÉÍÓÚÑ][a-zà-öø-ÿ'’-]{{1,20}})(?:\s+[A-Z]\.?)?(?:\s+[A-ZÁÉÍÓÚÑ][a-zà-öø-ÿ'’-]{{1,25}})?,?\s+{_CREDENTIALS}(?![\w-])"
    rf"|\b(?i:welcomes?|welcoming|introduce|introducing|meet|say\s+(?:hello|hi)\s+to|please\s+welcome|welcome\s+to)\s+"
    rf"(?:(?:Dr|Rev|Reverend|Fr|Father|Pastor|Chaplain|Deacon|Rabbi|Sister)\.?\s+)?"
    rf"([A-ZÁÉÍÓÚÑ][a-zà-öø-ÿ'’]{{1,20}}(?:-[A-ZÁÉÍÓÚÑ]?[a-zà-öø-ÿ'’]{{1,20}})?)"
    rf"(?:\s+[A-ZÁÉÍÓÚÑ][a-zà-öø-ÿ'’-]{{1,25}})?,?"
    rf"\s+(?:to\s+(?:our|the)\s+(?:[\w-]+\s+){{0,2}}?(?:team|staff|crew|office|front\s+desk|lab|clinic|practice|unit|"
    rf"department|family)|as\s+(?:our|the)\s+new"
    # "welcome Rev. Daniel Okafor, who joins Riverbend's hospice team as our new chaplain"
    rf"|who\s+(?:joins|is\s+joining|has\s+joined|joined|will\s+join)\s+(?:our|the|•+['’]s)\s+"
    rf"(?:[\w-]+\s+){{0,2}}?(?:team|staff|practice|clinic|office)"
    rf"|(?:our|the|•+['’]s)\s+(?:new(?:est)?\s+)?(?:[\w'’-]+\s+){{0,3}}?(?:member\b|{_ROLE_NOUN}))"
    # "call Denise in billing", "ask Rosa at the front desk": a colleague named by where she works
    rf"|\b([A-ZÁÉÍÓÚÑ][a-zà-öø-ÿ'’-]{{1,20}})\s+(?:in|at|from)\s+(?:billing|scheduling|records|the\s+front\s+desk|our\s+front\s+desk)\b")


def _not_led_by(spans: list[Span], lower: str, words: frozenset[str]) -> list[Span]:
    """``spans`` without those whose first word (apostrophes aside) is one of ``words``."""
    if not words:
        return spans
    return [(s, e) for s, e in spans if lower[s:e].split(maxsplit=1)[0].strip("'’") not in words]


#: The name after a colleague's role: "..., Tanya", "... is Derek", "... Marisol" (captured).
_NAME_AFTER_ROLE = r"(?:,|\s+is)?\s+([A-ZÁÉÍÓÚÑ][a-zà-öø-ÿ'’-]{1,20})\b"
#: A colleague named after the role they hold here: "our charge nurse, Tanya Brooks", "our social worker is Derek
#: Fountain", "our patient coordinator Marisol", "if you'd like to talk with a social worker, ours is Derek".
_STAFF_ROLE_NAMED = compile_fast(
    rf"{_role_of('our')}{_NAME_AFTER_ROLE}"
    rf"|\b(?i:ours\s+is)\s+([A-ZÁÉÍÓÚÑ][a-zà-öø-ÿ'’-]{{1,20}})\b")
#: A colleague as the comment a reply answers names them: "shoutout to your volunteer Gary", "Congrats to Tasha on
#: her award!", "Tasha is the best teacher": one of the practice's own, praised for their work.
_COMMENT_STAFF_NAMED = compile_fast(
    rf"{_role_of('your')}{_NAME_AFTER_ROLE}"
    r"|\b(?i:congrat\w*|kudos|shout-?out)\s+(?i:to\s+)?([A-ZÁÉÍÓÚÑ][a-zà-öø-ÿ'’-]{1,20})\s+(?i:on\s+(?:her|his|their)\s+"
    r"(?:[\w-]+\s+)?(?:award|promotion|retirement|anniversary|certification|new\s+role|\d{1,2}\s+years))\b"
    rf"|\b([A-ZÁÉÍÓÚÑ][a-zà-öø-ÿ'’-]{{1,20}})\s+(?i:is|was)\s+(?i:the|an?|such\s+an?)\s+(?i:best|most\s+\w+|amazing|awesome|"
    rf"greatest|kindest|sweetest|nicest)\s+(?i:teacher|instructor|{_ROLE_NOUN})")


def introduced_staff(analysis: Analysis) -> frozenset[str]:
    """Lower-cased first names of the people a draft, or the comment it answers, introduces as colleagues (found
    once per check, for the name search, the echo check and the learned spans' vetting; kept on the check, not in a
    cache that would hold drafts' text)."""
    cached = analysis.__dict__.get("_phi_introduced_staff")
    if cached is None:
        text = analysis.text
        names = [name.lower() for match in _STAFF_INTRO.finditer(text) for name in match.groups() if name]
        names += [(match.group(1) or match.group(2)).lower() for match in _STAFF_ROLE_NAMED.finditer(text)]
        if analysis.request.kind == "reply":
            names += [name.lower() for match in _COMMENT_STAFF_NAMED.finditer(analysis.reply)
                      for name in match.groups() if name]
        # "Mei-Lin Chen": either part of a hyphenated name is how the draft may go on to call her
        cached = frozenset(names + [part for name in names if "-" in name for part in name.split("-") if part])
        analysis.__dict__["_phi_introduced_staff"] = cached
    return cached


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
_CREW_THANKS_LEFT = ci(r"\b(?:thank\s+you|thanks|shout-?out\s+to|kudos\s+to|hats\s+off\s+to|grateful\s+for)\b"
                       r"[^.!?\n]{0,60}$")
_AND_CREW_RIGHT = compile_fast(
    r"(?:,\s+[A-Z][\w'’-]+)*,?\s+(?:and|&)\s+(?i:(?:the|our)\s+)?(?i:(?:whole|entire|rest\s+of\s+the)\s+)?"
    r"(?:[\w-]+\s+)?(?i:crew|team|staff|gang|squad|volunteers)\b")
#: A doctor's title right before the name (and a given name between): "Dr. Brooks", "Dr. Nadia Brooks".
_DOCTOR_LEFT = ci(r"\b(?:dr|doctor|dra)\.?\s+(?:[\w'’-]+\s+)?$")
#: Whom a reader is told to reach ("call Carla", "ask for Carla Jimenez"): a colleague, when the practice's own
#: number or address is in the same sentence.
_CONTACT_LEFT = ci(r"\b(?:call|ask\s+for|contact|reach\s+out\s+to|email|e-mail|text|talk\s+to|speak\s+(?:to|with))\s+$")
#: A commenter addressing the author by a kin title and a name ("Aunt Anika!!", "Tío Luis"): a relative writing,
#: not "my aunt Rose", which tells of someone else. The author's own name is masked in the comment, as a staff name
#: is (a run of MASK characters).
_FAMILY_ADDRESS = compile_fast(
    r"(?<![Mm]y\s)(?<![Oo]ur\s)\b(?:[Aa]unt|[Aa]untie|[Uu]ncle|[Tt][ií]a|[Tt][ií]o|[Cc]ousin)\s+(?:[A-Z][a-z]+\b|\u2022)")
#: A titled person thanked for what they did, or addressed at the end of a sentence, is a helper or the commenter
#: (thanks "for hosting" and the like are left out for anyone, by _THANKED_FOR in detect_names).
_HELPER_RIGHT = compile_fast(
    r"(?:\s+[A-Z][a-z'’-]+)?\s+(?:and\s+(?:the|all|his|her|our)\b|for\s+(?:bringing|helping|leading|teaching|"
    r"running|inviting|having|sharing|spreading))")
_ADDRESSED = compile_fast(r"(?:\s+[A-Z][a-z'’-]+)?\s*[.!?]")
#: An article right before a capitalised word makes it a thing: "an Oscar", "a Jeep", "the Grammys".
_ARTICLE_LEFT = compile_fast(r"\b(?:an?)\s+$")
_PLACE_ON_LEFT = ci(
    r"\b(?:store|shop|stores|office|location|restaurant|bakery|cafe|diner|pharmacy|church|park|bar|gym|salon|"
    r"market|station|library|walgreens|cvs|walmart|kroger|costco|target)\s+(?:on|off)\s+$")
#: "President Ronald Reagan": the title of a public figure before the given name.
_TITLED_PUBLIC_LEFT = ci(r"\b(?:governor|senator|president|mayor|judge|professor|representative|secretary|sen\.|"
                          r"gov\.|rep\.)\s+[a-z'’-]+\s+$")
_THANKED_FOR = compile_fast(
    r"[^.!?\n]{0,60}?\bfor\s+(?:hosting|organizing|organising|sponsoring|partnering|coordinating|volunteering|"
    r"lending|donating)\b"
    # "coach Wendell Brooks is organizing it", "Pastor Ruth Engstrom has kindly invited Riverbend": the person acts
    r"|(?:\s+[A-Z][a-z'’-]+)?\s+(?:is|was|has|will\s+be)\s+(?:kindly\s+|graciously\s+|generously\s+)?(?:organizing|"
    r"organising|hosting|hosted|leading|running|coordinating|sponsoring|invited|inviting|donated|donating|"
    r"volunteering|teaching|speaking)\b")
_LOWER_INITIAL = compile_fast(r"\s+[a-z]\.(?=\s|$)")
#: "Meet Gus! 🐶 our therapy dog": the office's pet.
_PET_RIGHT = compile_fast(r"[^.?\n]{0,12}?\b(?i:(?:the|our)\s+(?:[\w-]+\s+)?(?:dog|pup|puppy|cat|kitten|pet|mascot))\b")
#: "our stuffed giraffe Gigi", "the office cat, Pickles": an animal, a toy or a mascot named after what it is.
_PET_LEFT = ci(r"\b(?:our|the|my)\s+(?:[\w-]+\s+)?(?:dog|pup|puppy|cat|kitten|pet|mascot|puppet|teddy(?:\s+bear)?|"
               r"(?:stuffed|plush|toy)\s+[\w-]+),?\s+$")
_CLOSED_GREETING = compile_fast(r"\s*(?:[!,?]|\.(?!\s*[A-Z]))")
_IN_PLACE_LEFT = ci(r"\b(?:in|near|outside|visiting)\s+$")
#: On the author's own account, "my girl Ellie", "our son Noah", "our daughter, Mia": their own children.
_MY_KID_LEFT = ci(r"\b(?:my|our)\s+(?:(?:little|baby|big|oldest|youngest|eldest|middle|sweet)\s+)?(?:girl|boy|kiddo|"
                   r"little\s+one|kids?|son|daughter|twins|grandson|granddaughter|grandkids?)\s*,?\s+$")
#: "I'm Tessa Brandt, the new intern": the author introducing themself.
_SELF_LEFT = ci(r"\b(?:i['’]?m|i\s+am|my\s+name\s+is)\s+$")
#: "Tony's Brick Oven", "Dalton's Pharmacy on Main": a possessive name on a capitalised word is a business.
_BUSINESS_RIGHT = compile_fast(
    r"['’]s\s+(?!(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|January|February|March|April|May|June|July|August|"
    r"September|October|November|December|Mom|Dad|Mama|Papa)[A-Z][a-z]+"
    r"|\s+family\s+(?:sells|runs|owns|makes|bakes|grows|operates)\b")
#: "Tell Earl at the counter": someone met at work, not a patient.
_AT_WORK_RIGHT = compile_fast(r"\s+(?:at|behind)\s+the\s+(?:counter|register|booth|stand|window|front\s+counter)\b")
_VENUE_LEFT = compile_fast(r"\b(?:[Aa]t|[Tt]he)\s+$")
_VENUE_RIGHT = compile_fast(rf"['’]s\b(?!\s+(?:[\w-]+\s+)?{CARE_NOUN}\b)")
#: A name used as a put-down ("ok Karen 🙄", "doesn't make you a doctor, Karen 💅").
_PUT_DOWN_NAME = compile_fast(r"\b(?i:ok(?:ay)?,?\s+karen\b|karen[\s.,!]{0,3}(?:🙄|🙃|💅|🤡))")
#: A length of days or weeks in a title ("14-Day Kit", "6-Week Reset"): what follows names a product.
_PROGRAM_LEFT = ci(r"\b\d{1,3}-(?:day|week|month)\s+$")
#: A comment congratulating the author on their work, and the thanks that answers it by the commenter's name.
_CONGRATS_ON_WORK = ci(
    r"\bcongrat\w*\s+(?:to\s+you\s+)?on\s+(?:the|your)\s+(?:new\s+|big\s+)?(?:[\w-]+\s+){0,2}?(?:role|job|position|"
    r"promotion|publication|paper|article|book|talk|award|podcast|committee|appointment|clinic|practice|opening|"
    r"retirement|anniversary|graduation|board|degree|certification|residency|fellowship|election)\b")
_THANKS_LEFT = ci(r"\b(?:thanks|thank\s+you|thx|ty)(?:\s+(?:so|very)\s+much)?\s*,?\s*$")
#: A list of brands or designers a name stands in: "frames from Ray-Ban, Kate Spade, Flexon and Oakley".
_BRAND_LIST_LEFT = ci(r"\b(?:frames|brands?|lines?|designers?|collections?|labels?)\s+"
                      r"(?:from|by|like|including|such\s+as)\s+(?:[\w'’.&-]+(?:\s+[\w'’.&-]+)?,?\s+(?:and\s+|&\s+)?){0,6}$")
#: The words one of which every _BRAND_LIST_LEFT match contains.
_BRAND_LIST_WORDS = frozenset(["frames", "brand", "brands", "line", "lines", "designer", "designers", "collection",
                               "collections", "label", "labels"])
#: A saint's name or a Spanish place word before a name makes it a place: "Iglesia San José", "Mercado La Esperanza".
_SPANISH_PLACE_LEFT = compile_fast(
    r"(?:\b(?:San|Santa|Santo|Santos|Nuestra\s+Señora\s+de)\s+|\bD[ií]a\s+(?:del|de\s+la|de\s+los|de)\s+"
    r"|\b(?:Mercado|Iglesia|Parroquia|Escuela|Colegio|Tienda|Panader[ií]a|Taquer[ií]a|Parque|Colonia|Calle|Cl[ií]nica|"
    r"Centro|Rancho|Barrio)\s+(?:[A-ZÁÉÍÓÚ][a-záéíóúñ]+\s+)?(?:(?:La|El|Los|Las|Del|De)\s+)?)$")
#: The words (lower-cased) one of which every _SPANISH_PLACE_LEFT match contains.
_SPANISH_PLACE_WORDS = frozenset(["san", "santa", "santo", "santos", "señora", "día", "dia", "mercado", "iglesia",
                                  "parroquia", "escuela", "colegio", "tienda", "panadería", "panaderia", "taquería",
                                  "taqueria", "parque", "colonia", "calle", "clínica", "clinica", "centro", "rancho",
                                  "barrio"])
#: A name the draft itself says is made up: "(not her real name)", "(name changed)", "names changed for privacy".
_PSEUDONYM_RIGHT = ci(
    r"[\"'”’]?\s*[(,—–-]\s*(?:not\s+(?:her|his|their|the)\s+real\s+name|names?\s+(?:has\s+been\s+|have\s+been\s+)?"
    r"changed|a\s+pseudonym|pseudonym|not\s+(?:her|his|their)\s+name)\b")
#: "our" or "the" before a name-like word used as a modifier ("our Vida Sana coach", "Sana" too)...
_OWN_THING_LEFT = ci(r"\b(?:our|the)\s+(?:[\w-]+\s+)?$")
#: ...of a program's people or parts, up to two other words between: then the words name the program.
_PROGRAM_RIGHT = ci(
    r"(?:\s+(?!(?:and|or|her|his|their|with|at|in|on|for|to|from|is|was|has|had|who|said|says)\b)[\w-]+){0,2}?"
    r"\s+(?:program|programme|programs|participants?|graduates?|grads?|coach|coaches|curriculum|cohort|initiative|"
    r"workshops?|series|classes|alumni|members|enrollees)\b")
#: Figures of speech and brands that look like a kin title with a name.
_NOT_KIN_NAME = ci(r"(?:uncle\s+sam|papa\s+john|aunt\s+jemima|grandma\s+moses|uncle\s+ben)\b")
#: The titles one of which every match of _TITLED_FIRST_NAME contains.
_COMMUNITY_TITLES = frozenset(
    ["coach", "pastor", "officer", "deacon", "principal", "chief", "captain", "sarge", "judge", "father", "sister",
     "brother", "aunt", "uncle", "nana", "papa", "grandma", "grandpa", "granny", "miss", "mister"])
# A given name with a verb of ongoing care: "maddie's been coming to dr reed", "Tom has been seeing us",
# "lily is a patient of", "Frank sees Jenna every month". Matched right after each given name the draft
# contains (a name is a whole word of 3 to 20 letters), not tried at every letter of the draft.
_ONGOING_CARE_AFTER_NAME = ci(
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
    r"^[^\w]{0,6}([A-ZÁÉÍÓÚÑ][a-zà-öø-ÿ'’-]{1,20})\s*(?:,|\s[-–—])\s+(?=(?i:we|we'?re|we’re|i|i'?m|i’m|thank|thanks|sorry|so|"
    r"please|you|your|this|that|our|glad|happy|great|congrats|welcome|hi|hello|hey|it|what|wow|yes|no|of\s+course)\b)")
#: A post's sentence that opens by naming someone and speaking to them ("Jake, you're welcome."): what is said to
#: them after the comma, and the name that opens the sentence right before it (searched up to the comma).
_POST_VOCATIVE_CUE = compile_fast(r",\s+(?:you|your|since|we|i|thank|thanks)\b")
_SENTENCE_OPENING_NAME = compile_fast(r"(?:^|[.!?]\s+)[^\w\s]{0,6}\s*([A-ZÁÉÍÓÚÑ][a-zà-öø-ÿ'’-]{1,20})$")
#: What a reply says to the person it opens by naming: "..., we are so happy", "..., thank you".
_SPOKEN_TO = ci(r"(?:we|we're|you|you're|your|so|thank|thanks|congrat\w*|welcome|glad|happy|sorry|our|it's|it\s+was)\b")
_TELL_NAME = compile_fast(r"\b[Tt]ell\s+([A-Za-z][a-z]{1,20})\s+(?:(?i:he|she|we|i|that|to|hi|hello|thanks|congrats|"
                          r"happy|our|his|her)\b|[!,.])")
_MESSAGE_TO_NAME = ci(
    r"\b(?:tell|give|hug|hi\s+to|say\s+hi\s+to|love\s+to|high[- ]five\s+to|best\s+to|congrats\s+to|"
    r"shout-?\s?out\s+to)\s+"
    r"((?:big|little|lil|baby|sweet|brave|young|miss|mister)\s+([a-z]{2,20}))\b")


# A quote signed with a first name: "'Best flu shot ever!' — Kevin", "...changed my life.” - Maria S."
_ATTRIBUTION = compile_fast(r"[\"”’'!.]\s*(?:[—–]|-{1,2})\s*([A-Z][a-z]{2,20})\b")


# "Emily's journey", "lily's ear feels better", "Noah's rash": a given name owning a body part, an illness,
# a treatment or a recovery story is a person whose care is discussed, whatever its case or ambiguity.
_POSSESSIVE_AFTER_NAME = ci(
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
    r"concussion|fracture|sprain|break|migraines?|seizures?|ptsd|adhd|anxiety|depression|"
    r"ulcers?|toes?|toenails?|heels?|bunions?|hearing|vision|cataracts?|implants?|braces|crowns?|fillings?|"
    r"retrieval|embryos?|adjustments?|spine|neck)\b")
# "Mrs. D", "Mr. B's", "Coach D", "mrs. k's 2nd grade class": a title with one initial stands for a person.
_INITIAL_TITLES = frozenset(
    ["mr", "mrs", "ms", "mx", "miss", "coach", "officer", "pastor", "aunt", "uncle", "nana", "papa", "grandma",
     "grandpa"])
_TITLE_INITIAL = compile_fast(
    r"\b(?:(?:Mr|Mrs|Ms|Mx)\.?|Miss|Coach|Officer|Pastor|Aunt|Uncle|Nana|Papa|Grandma|Grandpa)\s+[A-Z]\b\.?(?![\w.])"
    r"|\b(?:mr|mrs|ms)\.\s+[a-z](?:['’]s)?\b(?![\w.])")
_SPACED_INITIAL = compile_fast(r"\s[A-Z]\.")
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
            if low not in not_words and not inside(spans, start) and (token.islower() or token.istitle()):
                add(start, end)
    if not talks_about_person(analysis, lexicons):
        return
    titled = not analysis.words.isdisjoint(_INITIAL_TITLES)
    for match in islice(_TITLE_INITIAL.finditer(text), MAX_SPANS) if titled else ():
        if not inside(spans, match.start()):
            detail = _NAME_DETAIL_RIGHT.match(text, match.end())  # "Mr. K from Elm Street"
            spans.append((match.start(), detail.end() if detail else match.end()))
    if _SPACED_INITIAL.search(text) or _INITIAL_DOT.search(text):
        for match in islice(_NAME_INITIAL.finditer(text), MAX_SPANS):
            if is_given(match.group(1), lexicons, strict=True) and not inside(spans, match.start()):
                add(match.start(), match.end())
        for match in islice(_INITIAL_SURNAME.finditer(text), MAX_SPANS):
            low = match.group(1).lower()
            if low in lexicons.surnames and low not in lexicons.common_words and not inside(spans, match.start()):
                add(match.start(), match.end())  # "a claim for W. Tran came back denied"
    if "patient" in analysis.words or "pt" in analysis.words or "client" in analysis.words:
        for match in islice(_PATIENT_INITIAL.finditer(text), MAX_SPANS):
            if not inside(spans, match.start(1)):
                spans.append(match.span(1))  # "My patient J. is down 60 lbs": the initial names one person
    if has_initials(analysis):
        for match in islice(_VOCATIVE_INITIALS.finditer(text), MAX_SPANS):
            if not NOT_INITIALS.match(match.group(1)) and not inside(spans, match.start(1)):
                spans.append((match.start(1), match.end(1) - (len(match.group(1)) - len(match.group(1).rstrip()))))


_PATIENT_INITIAL = compile_fast(r"\b(?i:my|our)\s+(?i:patient|pt|client)\s+([A-Z]\.)(?=[\s,)(])")
