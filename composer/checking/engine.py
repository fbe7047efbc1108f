"""The checker: runs every applicable rule over a masked snapshot of a draft.

``Checker.check`` is a pure function of its arguments (the engine holds only immutable, precompiled
state), so the editor can call it from a worker thread on every pause in typing, and the review queue,
the pre-publish gate and the CLI get identical results.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Callable, Mapping
from functools import lru_cache
from pathlib import Path
from typing import Any, cast

from composer.checking import phi, platforms
from composer.checking.analysis import Analysis, Lexicons
from composer.checking.errors import RuleFileError
from composer.checking.fastre import LiteralIndex, Matcher, compile_fast, lower_text, word_set
from composer.checking.learned import FILE_NAME as LEARNED_FILE
from composer.checking.learned import LearnedModel
from composer.checking.learned_spans import FILE_NAME as SPANS_FILE
from composer.checking.learned_spans import HEAD as SPAN_HEAD
from composer.checking.learned_spans import SpanModel
from composer.checking.model import CheckRequest, Finding, PracticeContext, Severity
from composer.checking.readability import grade_level
from composer.checking.rules import Rule, load_all_lexicons, load_rule_packs
from composer.checking.text import Masker, hashtag_clusters

Span = tuple[int, int]
#: Rule types that run after the others and read their findings; the learned identifier spans run last of
#: all, since they read which categories every other rule found (as when the model was trained).
_LATE_TYPES = ("derived", "learned", "learned-spans")
#: Work is capped here: no social platform accepts more, and a 1 MB paste must stay responsive.
MAX_CHECKED_CHARS = 100_000

#: An upper-case abbreviation, also with a lower-case prefix or a version digit ("mTBI", "SCAT6").
_ACRONYM = compile_fast(r"(?<![\w@#•.'’/-])[a-z]?[A-Z][A-Z]{1,4}\d?(?:s|i)?(?![\w'’])")
#: A shouted headline of three or more capitalised words ("FERIA DE SALUD", "FREE FLU SHOTS TODAY"): its words
#: are words in capitals, in whatever language, not abbreviations.
_HEADLINE = compile_fast(r"(?<![\w'’])[A-ZÁÉÍÓÚÑÜ]{2,}(?:[ \t]+[A-ZÁÉÍÓÚÑÜ]{2,}){2,}(?![\w'’])")
#: The digits of an identifier after its letters ("BCB-88310274", "claim BH-220914"): a code, not a term.
_ID_DIGITS_AFTER = compile_fast(r"-\d{3,}")
#: An explanation right after a term: words in brackets (not a bare figure: "LOC (~30s)" explains nothing), or
#: ", or ..." / ", meaning ...".
_EXPLAINED_AFTER = compile_fast(
    r"^\s*\((?![^)]{0,3}\))(?=[^)]*[A-Za-z]{3})[^)]{4,}\)|^\s*[,:]\s*(?:or|which|meaning|i\.e\.)\b", re.I)

#: What follows an organization's initials ("the IATA member page", "the NATA position statement"): a body's name,
#: which readers need no more than they need "CDC" explained.
_ORGANIZATION_AFTER = compile_fast(
    r"['’]?s?\s+(?:member|members|position|conference|meeting|annual|website|chapter|board|convention|"
    r"foundation|award|grant|journal)\b"
    # a body cited as the source: "The AAO-HNS says lean forward", "the ACR recommends"
    r"|(?:-[A-Z]{2,6})?\s+(?:says|recommends|advises|urges|reports|suggests)\b", re.I)

#: An explanation just before a term: the plain words name it ("a simple breathing test called spirometry").
_EXPLAINED_BEFORE = compile_fast(r"\b(?:called|known\s+as)\s+(?:an?\s+|the\s+)?$", re.I)


#: Roman numerals, which an all-capitals scan takes for abbreviations ("World War II").
_ROMAN_NUMERAL = re.compile(r"(?=[IVXL])X{0,3}(?:IX|IV|V?I{0,3})|XL|L")
_PROPER_NOUN_BEFORE = re.compile(r"\b[A-Z][a-z]+\s+$")


def _explained(text: str, start: int, end: int, spelled: dict[str, bool]) -> bool:
    """Whether the words around the term at ``start:end`` explain it, before or after, or, for an
    abbreviation, whether the draft spells it out anywhere ("IBD vs. IBS: ... Inflammatory bowel disease").
    ``spelled`` remembers the last answer for this draft's abbreviations: a long draft repeats them, and each look
    reads the whole draft (kept per check, not in a cache that would hold on to drafts' text)."""
    if _EXPLAINED_AFTER.match(text[end : end + 80]) or _EXPLAINED_BEFORE.search(text[max(0, start - 20) : start]):
        return True
    token = text[start:end]
    found = spelled.get(token)
    if found is None:
        expansion = _spelled_out(token)
        found = spelled[token] = expansion is not None and expansion.search(text) is not None
    return found


#: Small words an expansion may carry without their initial ("Centers for Disease Control": CDC).
_EXPANSION_FILLER = r"(?:[\s-]+(?:of|and|for|the|to|in|on))?"


@lru_cache(maxsize=512)
def _spelled_out(token: str) -> re.Pattern[str] | None:
    """Words whose initials make up the abbreviation ``token``, in order ("Inflammatory bowel disease" for
    "IBD", "non-steroidal anti-inflammatory drug" for "NSAID"). None for a token that is not a run of three to
    six capitals (a plural "s" aside): two letters begin some pair of words in almost any draft, and a word in
    lower case is a term, not an abbreviation."""
    letters = token[:-1] if len(token) > 2 and token.endswith("s") else token
    if not (3 <= len(letters) <= 6 and letters.isalpha() and letters.isupper()):
        return None
    # The first word capitalised, as a spelled-out name is ("Inflammatory bowel disease"): three words in a row
    # with the right initials turn up by chance in a long draft ("proven to reverse photoaging" for PRP), a
    # capitalised run much less often. Lower-case letters after each initial: the abbreviation is not its own
    # expansion.
    words = [f"{letters[0]}[a-z]+", *(f"[{letter}{letter.lower()}][a-z]+" for letter in letters[1:])]
    return re.compile(r"\b" + (_EXPANSION_FILLER + r"[\s-]+").join(words) + r"\b")


def _straight_apostrophes(text: str) -> str:
    """The text with typographic apostrophes (’, what phones type for ') written straight, so "Tuesday’s
    surgery" reads as "Tuesday's surgery" does. One character for one: every offset stays the same."""
    return text.replace("\u2019", "'") if "\u2019" in text else text


def _without_partial_word(text: str, start: int, end: int) -> Span:
    """A span that ends inside a word ("9 out of 10 k" of "kids", where a pattern's look-ahead took a letter, or a
    description cut at its length bound) ends before that word instead, so the underline never cuts a word in two.
    A span that is all one part of a word is left as it is."""
    cut = end
    while start < cut < len(text) and text[cut - 1].isalnum() and text[cut].isalnum():
        cut -= 1
    if cut == end or cut <= start:
        return start, end
    while cut > start and text[cut - 1].isspace():
        cut -= 1
    return (start, cut) if cut > start else (start, end)


class Checker:
    """Every rule pack and lexicon, compiled once; call :meth:`check` from any thread."""

    def __init__(self, rules: list[Rule], lexicons: Lexicons, platform_rules: platforms.PlatformTable,
                 learned: LearnedModel | None = None, spans: LearnedModel | None = None) -> None:
        self.rules = tuple(rules)
        self.lexicons = lexicons
        self.platforms = platform_rules
        self.learned = learned
        self.spans = SpanModel(spans, lexicons) if spans is not None else None
        # Learned rules run after the others: they only add a category no rule found (see _learned).
        self._primary = tuple(r for r in self.rules if r.type not in _LATE_TYPES)
        self._derived = tuple(sorted((r for r in self.rules if r.type in _LATE_TYPES),
                                     key=lambda r: r.type == "learned-spans"))
        for rule in self.rules:
            if rule.type == "phi" and rule.params["detector"] not in phi.DETECTORS:
                raise RuleFileError(rule.source, rule.id, "detector",
                                    f"unknown PHI detector (known: {', '.join(sorted(phi.DETECTORS))})")
        self._literals = LiteralIndex()
        for rule in self.rules:
            _each_matcher(rule.params, self._literals.attach)
        #: Per rule, literal ids one of which must occur in a draft for the rule to find anything.
        self._gates = {rule.id: gate for rule in self._primary if (gate := _gate(rule)) is not None}
        self._maskers: dict[PracticeContext, Masker] = {}
        self._plans: dict[tuple[Any, ...], tuple[tuple[Rule, ...], tuple[Rule, ...]]] = {}
        self._lock = threading.Lock()

    # -- public -----------------------------------------------------------------------------------
    def check(self, request: CheckRequest, context: PracticeContext | None = None) -> list[Finding]:
        """Return the findings for one draft, sorted by start offset."""
        context = context or PracticeContext()
        analysis = self._analyse(request, context)
        findings: list[Finding] = []
        primary, derived = self._plan(request)
        run = self._run
        present = analysis.present_literals()
        gates = self._gates
        for rule in primary:
            if present is not None:
                gate = gates.get(rule.id)
                if gate is not None and present.isdisjoint(gate):
                    continue  # none of the words its trigger needs is in the draft
            found = run(rule, analysis, findings)
            if found:
                findings.extend(found)
        for rule in derived:
            found = run(rule, analysis, findings)
            if found:
                findings.extend(found)
        return _dedupe(findings)

    def masked_text(self, request: CheckRequest, context: PracticeContext | None = None) -> str:
        """The draft as the rules read it: the practice's own name, contact details and staff masked."""
        return self._analyse(request, context or PracticeContext()).text

    def warm_up(self) -> None:
        """Compile every pattern now rather than on first use (the editor calls this in the background
        once the engine is loaded, so no check while typing pays for a compilation)."""
        for rule in self.rules:
            _each_matcher(rule.params, Matcher.prepare)

    def rule(self, rule_id: str) -> Rule:
        """The rule with this id (KeyError if none)."""
        for rule in self.rules:
            if rule.id == rule_id:
                return rule
        raise KeyError(rule_id)

    # -- preparation --------------------------------------------------------------------------------
    def _masker(self, context: PracticeContext) -> Masker:
        masker = self._maskers.get(context)
        if masker is None:
            masker = Masker(context)
            with self._lock:
                if len(self._maskers) > 32:
                    self._maskers.clear()
                self._maskers[context] = masker
        return masker

    def _analyse(self, request: CheckRequest, context: PracticeContext) -> Analysis:
        text = request.text[:MAX_CHECKED_CHARS]
        masker = self._masker(context)
        read = _straight_apostrophes(text)
        lowered = lower_text(read)
        words = word_set(lowered)
        masked, spans = masker.mask(read, lowered, words)
        reply = _straight_apostrophes(request.in_reply_to[:MAX_CHECKED_CHARS])
        return Analysis(request, context, text, masked, spans, lambda: masker.mask(reply)[0] if reply else "",
                        None if spans else lowered, None if spans else words, self._literals)

    def _plan(self, request: CheckRequest) -> tuple[tuple[Rule, ...], tuple[Rule, ...]]:
        """The primary and derived rules whose ``when`` holds, worked out once per kind of request."""
        key = (request.kind, request.profile, request.platform, bool(request.in_reply_to.strip()),
               bool(request.citations), request.authorized_testimonial)
        plan = self._plans.get(key)
        if plan is None:
            plan = (tuple(r for r in self._primary if self._applies(r, request)),
                    tuple(r for r in self._derived if self._applies(r, request)))
            with self._lock:
                if len(self._plans) > 256:
                    self._plans.clear()
                self._plans[key] = plan
        return plan

    @staticmethod
    def _applies(rule: Rule, request: CheckRequest) -> bool:
        when = rule.when
        if not when:
            return True
        if "kind" in when and request.kind not in when["kind"]:
            return False
        if "profile" in when and request.profile not in when["profile"]:
            return False
        if "platform" in when and request.platform not in when["platform"]:
            return False
        if "reply_to" in when and bool(request.in_reply_to.strip()) != when["reply_to"]:
            return False
        if "citations" in when and bool(request.citations) != when["citations"]:
            return False
        return not (
            "authorized_testimonial" in when and request.authorized_testimonial != when["authorized_testimonial"]
        )

    # -- detectors ---------------------------------------------------------------------------------------
    def _run(self, rule: Rule, analysis: Analysis, earlier: list[Finding]) -> list[Finding]:
        params = rule.params
        kind = rule.type
        plain: list[Span]
        replacement: str | None = None
        if kind == "existence" or kind == "pattern":
            plain, replacement = self._matches(rule, analysis, params["regex"]), rule.replacement
            if plain and params["outside_quotes"]:
                plain = [span for span in plain if not analysis.in_quotes(span[0])]
        elif kind == "phi":
            if params["params"].get("exempt_when_authorized") and phi.authorized_story(analysis):
                return []  # the person the draft is about authorized sharing it in writing
            detector = phi.DETECTORS[params["detector"]]
            plain, replacement = detector(analysis, self.lexicons, params["params"]), rule.replacement
        elif kind == "conditional":
            plain, replacement = self._conditional(rule, analysis, params), rule.replacement
        elif kind == "substitution":
            swapped = self._substitutions(analysis, params)
            if not swapped:
                return []
            limit = len(analysis.original)
            severity = cast(Severity, rule.severity)
            return [
                Finding(rule.category, rule.id, severity, s, e, rule.message, rule.why, rule.suggestion, r)
                for s, e, r in swapped
                if 0 <= s <= e <= limit
            ]
        elif kind == "readability":
            plain = self._readability(analysis, params)
        elif kind == "count":
            plain = self._count(analysis, params)
        elif kind == "learned":
            plain = self._learned(rule, analysis, params, earlier)
        elif kind == "learned-spans":
            plain = self._learned_spans(analysis, params, earlier)
        else:  # derived
            plain = self._derived_spans(rule, analysis, params, earlier)
        if not plain:
            return []
        plain = [_without_partial_word(analysis.original, s, e) for s, e in plain]
        severity = cast(Severity, rule.severity)
        limit = len(analysis.original)
        return [
            Finding(rule.category, rule.id, severity, s, e, rule.message, rule.why, rule.suggestion, replacement)
            for s, e in plain
            if 0 <= s <= e <= limit
        ]

    @staticmethod
    def _scope(rule: Rule, analysis: Analysis, start: int) -> tuple[int, int]:
        if rule.scope == "sentence":
            return analysis.sentences.around(start)
        if rule.scope == "context":
            return analysis.sentences.with_neighbours(start)
        return 0, len(analysis.text)

    def _matches(self, rule: Rule, analysis: Analysis, regex: Matcher) -> list[Span]:
        unless_matcher: Matcher | None = rule.params.get("unless")
        found = [match.span() for match in regex.finditer(analysis) if match.end() > match.start()]
        if not found or unless_matcher is None:
            return found
        # The exception's prefilter runs once per draft, and only if the rule matched at all (most
        # drafts match few rules, and most cannot match their exceptions either).
        unless = unless_matcher.searcher(analysis)
        if unless is None:
            return found
        spans = []
        verdicts: dict[tuple[int, int], bool] = {}
        for span in found:
            scope = self._scope(rule, analysis, span[0])
            blocked = verdicts.get(scope)
            if blocked is None:
                blocked = verdicts[scope] = unless(*scope)
            if not blocked:
                spans.append(span)
        return spans

    def _substitutions(self, analysis: Analysis, params: Mapping[str, Any]) -> list[tuple[int, int, str | None]]:
        swap = params["swap"]
        return [
            (m.start(), m.end(), swap.get(re.sub(r"\s+", " ", m.group().lower())))
            for m in params["regex"].finditer(analysis)
        ]

    def _disclosed(self, analysis: Analysis, unless: Matcher, scope: Span, within: int) -> bool:
        """Whether a disclosure occurs in ``scope`` (near the start and outside hashtag clusters if ``within``)."""
        if not within:
            return unless.search(analysis, *scope)
        clusters = hashtag_clusters(analysis.text)
        for found in unless.scan(analysis, scope[0], min(scope[1], within)):
            if not any(s <= found.start() < e for s, e in clusters):
                return True
        return False

    def _conditional(self, rule: Rule, analysis: Analysis, params: Mapping[str, Any]) -> list[Span]:
        requires_matcher: Matcher | None = params["requires"]
        unless_matcher: Matcher | None = params["unless"]
        reply_matcher: Matcher | None = params.get("reply_requires")
        within = params["disclosure_within"]
        spans: list[Span] = []
        verdicts: dict[Span, bool] = {}
        matches = params["trigger"].finditer(analysis)
        requires = unless = None
        prepared = False
        for match in matches:
            if match.end() <= match.start():
                continue
            if not prepared:  # prefilters of the conditions, once per draft and only if a trigger fired
                prepared = True
                if reply_matcher is not None and not reply_matcher.search(analysis.reply_snapshot):
                    return []  # the comment being answered lacks what the rule needs
                if requires_matcher is not None:
                    requires = requires_matcher.searcher(analysis)
                    if requires is None:
                        return []  # the required context cannot occur anywhere
                if unless_matcher is not None and unless_matcher.searcher(analysis) is not None:
                    unless = unless_matcher
            scope = self._scope(rule, analysis, match.start())
            ok = verdicts.get(scope)
            if ok is None:
                ok = (requires is None or requires(*scope)) and not (
                    unless is not None and self._disclosed(analysis, unless, scope, within)
                )
                verdicts[scope] = ok
            if not ok:
                continue
            if params["span"] == "sentence":
                spans.append(analysis.sentences.around(match.start()))
            else:
                spans.append(match.span())
        return spans

    def _readability(self, analysis: Analysis, params: Mapping[str, Any]) -> list[Span]:
        text = analysis.text
        spans: list[Span] = []
        spelled: dict[str, bool] = {}  # abbreviations the draft spells out, looked up once each (see _explained)
        for key in ("terms", "case_terms", "patterns"):
            regex: Matcher | None = params[key]
            if regex is None:
                continue
            for match in regex.finditer(analysis):
                if match.end() > match.start() and not _explained(text, match.start(), match.end(), spelled):
                    spans.append(match.span())
        if params["unknown_acronyms"]:
            spans.extend(self._unknown_acronyms(analysis, params["known_acronyms"], spans, spelled))
        if not spans:
            return []
        distinct = len({text[s:e].lower() for s, e in spans})
        if distinct >= params["min_terms"]:
            return spans
        if distinct >= params["min_terms_if_hard"] and grade_level(text) > params["max_grade"]:
            return spans
        return []

    def _unknown_acronyms(self, analysis: Analysis, known: frozenset[str], found: list[Span],
                          spelled: dict[str, bool]) -> list[Span]:
        """Upper-case abbreviations nobody explained: not a known public acronym, not an English word
        in capitals (shouting), not defined in brackets next to it."""
        text = analysis.text
        taken = {s for s, _ in found}
        headlines: list[Span] | None = None  # looked for only once an abbreviation turns up
        spans: list[Span] = []
        for match in _ACRONYM.finditer(text):
            token = match.group()
            start, end = match.span()
            if start in taken:
                continue
            if headlines is None:
                headlines = [headline.span() for headline in _HEADLINE.finditer(text)]
            if any(first <= start < last for first, last in headlines):
                continue
            stem = token[:-1] if token[-1] in "si" and token[:-1].isupper() and len(token) > 2 else token
            bare = stem.rstrip("0123456789").lstrip("abcdefghijklmnopqrstuvwxyz")  # "COVID19", "eGFR" -> known?
            if stem in known or token in known or bare in known or stem.lower() in self.lexicons.common_words:
                continue
            if _ROMAN_NUMERAL.fullmatch(token) and _PROPER_NOUN_BEFORE.search(text, max(0, start - 25), start):
                continue  # "World War II", "Title IX": part of a name, not an abbreviation ("graded I–III" stays)
            before, after = text[max(0, start - 2) : start], text[end : end + 3]
            if before.endswith("(") or _explained(text, start, end, spelled) or after.startswith(")") or (
                    _ID_DIGITS_AFTER.match(text, end)) or _ORGANIZATION_AFTER.match(text, end):
                continue
            spans.append((start, end))
        return spans

    def _count(self, analysis: Analysis, params: Mapping[str, Any]) -> list[Span]:
        measure, maximum = params["measure"], params["max"]
        request = analysis.request
        if measure == "hashtags":
            tags = analysis.hashtags
            return tags[maximum:] if len(tags) > maximum else []
        if measure == "alt-text":
            return [(0, 0) for image in request.images if not image.alt_text.strip()]
        # length: platform limit for this kind of draft
        overflow = self.platforms.overflow_offset(request.text, request.platform, request.kind)
        if overflow is None:
            return []
        return [(min(overflow, len(analysis.original)), len(analysis.original))]

    def _learned(self, rule: Rule, analysis: Analysis, params: Mapping[str, Any], earlier: list[Finding]) -> list[Span]:
        """The sentence the model finds most like this category, when the model is confident about the
        whole draft and no rule has found the category already (a second opinion, never a duplicate)."""
        model = self.learned
        if model is None or rule.category not in model.categories:
            return []
        if any(finding.category == rule.category for finding in earlier):
            return []
        kind, profile = analysis.request.kind, analysis.request.profile
        scores = analysis.__dict__.get("_learned_scores")
        if scores is None:  # every learned rule reads the same scores: one pass over the features per check
            scores = analysis.__dict__["_learned_scores"] = model.scores(analysis.text, kind, profile)
        if scores[rule.category] < params["threshold"] or not _conditions_hold(params, analysis):
            return []
        bounds = analysis.sentences.bounds
        if len(bounds) == 1:
            return [bounds[0]]
        sums = analysis.__dict__.get("_learned_sentence_sums")
        if sums is None:  # each sentence summed once per check, for every learned rule that fires
            text = analysis.text
            memo: dict[str, int] = {}  # a sentence repeated (a pasted list, a signature) is summed once
            sums = []
            for start, end in bounds:
                sentence = text[start:end]
                summed = memo.get(sentence)
                if summed is None:
                    summed = memo[sentence] = model.packed_sum(sentence, kind, profile)
                sums.append(summed)
            analysis.__dict__["_learned_sentence_sums"] = sums
        # The first sentence with the highest total; each distinct sum is read once (thousands of
        # repeated sentences cost one look-up, and list.index finds them in C).
        totals = {summed: model.head_total(summed, rule.category) for summed in set(sums)}
        top = max(totals.values())
        return [bounds[min(sums.index(summed) for summed, total in totals.items() if total == top)]]

    def _learned_spans(self, analysis: Analysis, params: Mapping[str, Any], earlier: list[Finding]) -> list[Span]:
        """Identifiers the span model is confident about, beyond those the detectors found."""
        if self.spans is None or not earlier or phi.authorized_story(analysis):
            return []  # an authorized story's names and dates are permitted (its contact details stay flagged)
        request = analysis.request
        found = [(f.start, f.end) for f in earlier if f.category == "phi"]
        scored = self.spans.spans(analysis.text, request.kind, request.profile, {f.category for f in earlier},
                                  params["threshold"], found)
        # the model scores words one by one: a date or hour it found part of is widened ("2:15" of "Thursday at 2:15")
        return [phi.whole_when(analysis, start, end) for start, end in scored
                if not phi.not_an_identifier(analysis, self.lexicons, start, end)]

    @staticmethod
    def _derived_spans(
        rule: Rule, analysis: Analysis, params: Mapping[str, Any], earlier: list[Finding]
    ) -> list[Span]:
        ignored = params["ignore_rules"]
        sources = [f for f in earlier if f.category in params["from_categories"] and f.rule not in ignored]
        if not sources or not _conditions_hold(params, analysis):
            return []
        first = min(sources, key=lambda f: f.start)
        return [(first.start, first.end)]


def _conditions_hold(params: Mapping[str, Any], analysis: Analysis) -> bool:
    """A derived or learned rule's own conditions: what the draft must say (``requires``: a personal post
    about fishing is not about a patient) and what makes it fine (``unless``: a written authorization on file)."""
    requires: Matcher | None = params["requires"]
    unless: Matcher | None = params["unless"]
    return (requires is None or requires.search(analysis)) and not (unless is not None and unless.search(analysis))


def _gate(rule: Rule) -> frozenset[int] | None:
    """The literal ids without which ``rule`` cannot fire: those of the pattern every finding of it
    starts from (None for detectors that are code, counts and readability)."""
    key = {"existence": "regex", "pattern": "regex", "substitution": "regex", "conditional": "trigger"}.get(rule.type)
    matcher = rule.params.get(key) if key else None
    return matcher.gate if isinstance(matcher, Matcher) else None


def _each_matcher(value: object, action: Callable[[Matcher], object]) -> None:
    """Apply ``action`` to every matcher in a rule's compiled parameters (nested in dicts, lists, tuples)."""
    if isinstance(value, Matcher):
        action(value)
    elif isinstance(value, Mapping):
        for item in value.values():
            _each_matcher(item, action)
    elif isinstance(value, (list, tuple)):
        for item in value:
            _each_matcher(item, action)


def _dedupe(findings: list[Finding]) -> list[Finding]:
    """Drop repeats of the same rule on overlapping spans; sort by position."""
    findings.sort(key=lambda f: (f.start, -f.end, f.rule))
    kept: list[Finding] = []
    last_end: dict[str, int] = {}
    for finding in findings:
        end = last_end.get(finding.rule, -1)
        if finding.start < end and finding.end <= end:
            continue
        last_end[finding.rule] = max(end, finding.end)
        kept.append(finding)
    return kept


def default_resources() -> Path:
    from composer.resources import resources_dir

    return resources_dir()


def load_checker(resources: Path | None = None, with_model: bool = True, with_spans: bool = True) -> Checker:
    """Load every rule pack, lexicon and platform table (not the spelling dictionary: see spelling.py),
    and the learned models when a rule uses them (``with_model=False``: the hand-written rules alone, which
    is what the heads are trained beside; ``with_spans=False``: without the identifier span model, which is
    trained beside the rules and the heads)."""
    root = resources or default_resources()
    rules_dir = root / "rules"
    named = load_all_lexicons(rules_dir)
    rules = load_rule_packs(rules_dir, named)
    lexicons = Lexicons.load(root / "dictionaries", named)
    learned = None
    if with_model and any(rule.type == "learned" for rule in rules):
        learned = LearnedModel.load(rules_dir / LEARNED_FILE)
    spans = None
    if with_model and with_spans and any(rule.type == "learned-spans" for rule in rules):
        spans = LearnedModel.load(rules_dir / SPANS_FILE)
        if spans.categories != (SPAN_HEAD,):
            raise RuleFileError(rules_dir / SPANS_FILE, "-", "categories", f"must be [{SPAN_HEAD!r}]")
    return Checker(rules, lexicons, platforms.load_platforms(root / "platforms"), learned, spans)
