"""Rule packs: TOML files under ``resources/rules/`` read into validated, precompiled rules.

Why data: compliance wording changes more often than detection mechanisms, and reviewers who are not
programmers must be able to read why a rule exists and which examples it must and must not flag.
Every field is validated when the pack loads, so a typo fails fast with the file, the rule and the field
named, never later while someone is typing.
"""

from __future__ import annotations

import contextlib
import json
import re
import tomllib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, cast

from composer.checking import derived
from composer.checking.errors import RuleFileError
from composer.checking.fastre import REPEAT_OPS, Matcher, split_alternatives
from composer.checking.model import CATEGORIES, KINDS, PROFILES, SEVERITIES

try:  # Python 3.11+ keeps the regex parser here; used only to reject catastrophic patterns.
    import re._constants as _sre_constants
    import re._parser as _sre_parser
except ImportError:  # pragma: no cover - older layouts
    import sre_constants as _sre_constants
    import sre_parse as _sre_parser


DETECTOR_TYPES = ("existence", "pattern", "substitution", "conditional", "readability", "count", "phi",
                  "derived", "learned", "learned-spans")
_COMMON_FIELDS = {"id", "category", "severity", "type", "message", "why", "suggestion", "replacement",
                  "when", "examples", "ignore_case", "scope", "enabled"}
_TYPE_FIELDS: dict[str, set[str]] = {
    "existence": {"tokens", "unless", "outside_quotes"},
    "pattern": {"patterns", "unless", "outside_quotes"},
    "substitution": {"swap"},
    "conditional": {"trigger", "requires", "reply_requires", "unless", "disclosure_within", "span"},
    "readability": {"terms", "case_terms", "patterns", "min_terms", "max_grade", "min_terms_if_hard",
                    "unknown_acronyms", "known_acronyms"},
    "count": {"measure", "max"},
    "phi": {"detector", "params"},
    "derived": {"from_categories", "ignore_rules", "requires", "unless"},
    "learned": {"threshold", "requires", "unless"},
    "learned-spans": {"threshold"},
}
_WHEN_KEYS = {"kind", "profile", "platform", "reply_to", "citations", "authorized_testimonial"}
_SCOPES = ("text", "sentence", "context")  # context: the sentence and its neighbours
_LEXICON_REF = re.compile(r"<<([a-z_][a-z0-9_]*)>>")


@dataclass(frozen=True, slots=True)
class Example:
    """One example a rule must (``flag``) or must not flag, with the context to check it in."""

    text: str
    flag: bool
    kind: str = "post"
    profile: str = "practice"
    platform: str = "facebook"
    in_reply_to: str = ""
    images: int = 0  # images without alt text attached to the example


@dataclass(frozen=True, slots=True)
class Rule:
    """A validated rule with its detector's compiled parameters in ``params``."""

    id: str
    category: str
    severity: str
    type: str
    message: str
    why: str
    suggestion: str
    source: str
    replacement: str | None = None
    when: Mapping[str, Any] = field(default_factory=dict)
    scope: str = "text"
    params: Mapping[str, Any] = field(default_factory=dict)
    examples: tuple[Example, ...] = ()


def _nested_repeat(parsed: Any, inside_unbounded: bool = False) -> bool:
    """True if an unbounded repeat sits inside another unbounded repeat: the classic ReDoS shape."""
    for op, arg in parsed:
        if op in REPEAT_OPS:
            _low, high, sub = arg
            unbounded = high == _sre_constants.MAXREPEAT or high > 50
            if unbounded and inside_unbounded:
                return True
            if _nested_repeat(sub, inside_unbounded or unbounded):
                return True
        else:
            children: list[Any] = []
            if op == _sre_constants.SUBPATTERN:
                children = [arg[-1]]
            elif op == _sre_constants.BRANCH:
                children = list(arg[1])
            elif op in (_sre_constants.ASSERT, _sre_constants.ASSERT_NOT):
                children = [arg[1]]
            if any(_nested_repeat(child, inside_unbounded) for child in children):
                return True
    return False


class _Ctx:
    """Validation context: where we are, for error messages."""

    def __init__(self, path: Path, rule: str, lexicons: Mapping[str, tuple[str, ...]]) -> None:
        self.path = path
        self.rule = rule
        self.lexicons = lexicons

    def fail(self, field_name: str, problem: str) -> RuleFileError:
        return RuleFileError(self.path, self.rule, field_name, problem)

    def string(self, raw: Mapping[str, Any], key: str, required: bool = True) -> str:
        value = raw.get(key)
        if value is None:
            if required:
                raise self.fail(key, "is missing")
            return ""
        if not isinstance(value, str) or (required and not value.strip()):
            raise self.fail(key, "must be a non-empty string")
        return value

    def strings(self, raw: Mapping[str, Any], key: str, required: bool = True) -> tuple[str, ...]:
        value = raw.get(key)
        if value is None:
            if required:
                raise self.fail(key, "is missing")
            return ()
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
            raise self.fail(key, "must be a list of non-empty strings")
        if required and not value:
            raise self.fail(key, "must not be empty")
        return tuple(value)

    def expand(self, pattern: str, key: str) -> str:
        """Replace ``<<lexicon>>`` references with an alternation of that lexicon's entries."""

        def sub(match: re.Match[str]) -> str:
            name = match.group(1)
            if name not in self.lexicons:
                raise self.fail(key, f"refers to unknown lexicon <<{name}>>")
            words = sorted(self.lexicons[name], key=len, reverse=True)
            return r"(?<!\w)(?:" + "|".join(_phrase(w) for w in words) + r")(?!\w)"

        return _LEXICON_REF.sub(sub, pattern)

    def regex(self, patterns: Iterable[str], key: str, flags: int) -> Matcher:
        expanded = []
        parts: list[str | tuple[str, ...]] = []
        for pattern in patterns:
            whole = re.fullmatch(r"(?:\\b)?<<([a-z_][a-z0-9_]*)>>(?:\\b)?", pattern)
            if whole and whole.group(1) in self.lexicons:
                words = tuple(w for w in self.lexicons[whole.group(1)] if w.strip())
                parts.append(words)
                expanded.append(f"(?:{phrase_alternation(words)})")
                continue
            text = self.expand(pattern, key)
            known, safe = derived.lookup("safe", text, flags)
            if not (known and safe is True):  # a pattern once parsed and found safe needs no second look
                try:
                    parsed = _sre_parser.parse(text, flags)
                except re.error as error:
                    raise self.fail(key, f"invalid regular expression {pattern!r}: {error}") from None
                if _nested_repeat(parsed):
                    raise self.fail(key, f"pattern {pattern!r} nests unbounded repeats (catastrophic backtracking)")
                derived.remember("safe", text, flags, True)
            expanded.append(f"(?:{text})")
            parts.extend(f"(?:{alternative})" for alternative in split_alternatives(text))
        try:
            return Matcher("|".join(expanded), bool(flags & re.IGNORECASE), parts=tuple(parts),
                           build=phrase_alternation)
        except re.error as error:  # pragma: no cover - each part compiled above
            raise self.fail(key, f"invalid regular expression: {error}") from None


def _phrase(word: str) -> str:
    """A literal phrase as a regex: escaped, any run of spaces matching any whitespace."""
    return r"\s+".join(re.escape(part) for part in word.split())


def phrase_alternation(words: Iterable[str]) -> str:
    """Words and phrases as one alternation bounded by non-word characters, longest first."""
    unique = sorted({w.strip() for w in words if w.strip()}, key=lambda w: (-len(w), w))
    body = "|".join(_phrase(w) for w in unique)
    return rf"(?<![\w'’-])(?:{body})(?![\w'’])"


def _phrase_matcher(words: list[str] | tuple[str, ...], ignore_case: bool) -> Matcher:
    """An existence matcher whose prefilter is the first word of each phrase."""
    return Matcher(phrase_alternation(words), ignore_case, phrases=tuple(w for w in words if w.strip()),
                   build=phrase_alternation)


def _compile_when(ctx: _Ctx, raw: Any) -> dict[str, Any]:
    if raw is None:
        return {}
    if not isinstance(raw, dict):
        raise ctx.fail("when", "must be a table")
    when: dict[str, Any] = {}
    for key, value in raw.items():
        if key not in _WHEN_KEYS:
            raise ctx.fail(f"when.{key}", f"unknown condition (known: {', '.join(sorted(_WHEN_KEYS))})")
        if key in ("kind", "profile", "platform"):
            values = (value,) if isinstance(value, str) else value
            if not isinstance(values, list | tuple) or not all(isinstance(v, str) for v in values):
                raise ctx.fail(f"when.{key}", "must be a string or a list of strings")
            allowed = {"kind": KINDS, "profile": PROFILES}.get(key)
            for v in values:
                if allowed and v not in allowed:
                    raise ctx.fail(f"when.{key}", f"{v!r} is not one of {', '.join(allowed)}")
            when[key] = frozenset(values)
        else:
            if not isinstance(value, bool):
                raise ctx.fail(f"when.{key}", "must be true or false")
            when[key] = value
    return when


def _compile_examples(ctx: _Ctx, raw: Any, when: Mapping[str, Any]) -> tuple[Example, ...]:
    if raw is None:
        raise ctx.fail("examples", "is missing (every rule needs examples it must and must not flag)")
    if not isinstance(raw, dict):
        raise ctx.fail("examples", "must be a table with 'flag' and 'pass' lists")
    default_kind = sorted(when["kind"])[0] if "kind" in when else "post"
    default_profile = sorted(when["profile"])[0] if "profile" in when else "practice"
    default_platform = sorted(when["platform"])[0] if "platform" in when else "facebook"
    examples: list[Example] = []
    for key in ("flag", "pass"):
        items = raw.get(key)
        if not isinstance(items, list) or not items:
            raise ctx.fail(f"examples.{key}", "must be a non-empty list")
        for index, item in enumerate(items):
            where = f"examples.{key}[{index}]"
            if isinstance(item, str):
                examples.append(Example(item, key == "flag", default_kind, default_profile, default_platform,
                                        "A comment." if when.get("reply_to") else ""))
                continue
            if not isinstance(item, dict) or not isinstance(item.get("text"), str):
                raise ctx.fail(where, "must be a string or a table with 'text'")
            unknown = set(item) - {"text", "kind", "profile", "platform", "in_reply_to", "images"}
            if unknown:
                raise ctx.fail(where, f"unknown keys {sorted(unknown)}")
            examples.append(
                Example(
                    item["text"], key == "flag", str(item.get("kind", default_kind)),
                    str(item.get("profile", default_profile)), str(item.get("platform", default_platform)),
                    str(item.get("in_reply_to", "")), int(item.get("images", 0)),
                )
            )
    unknown = set(raw) - {"flag", "pass"}
    if unknown:
        raise ctx.fail("examples", f"unknown keys {sorted(unknown)}")
    return tuple(examples)


def _compile_params(ctx: _Ctx, kind: str, raw: Mapping[str, Any], flags: int) -> dict[str, Any]:
    params: dict[str, Any] = {}
    if kind == "existence":
        tokens = ctx.strings(raw, "tokens")
        expanded: list[str] = []
        for token in tokens:
            ref = _LEXICON_REF.fullmatch(token)
            if ref:
                if ref.group(1) not in ctx.lexicons:
                    raise ctx.fail("tokens", f"refers to unknown lexicon {token}")
                expanded.extend(ctx.lexicons[ref.group(1)])
            else:
                expanded.append(token)
        params["regex"] = _phrase_matcher(expanded, bool(flags & re.IGNORECASE))
    elif kind == "pattern":
        params["regex"] = ctx.regex(ctx.strings(raw, "patterns"), "patterns", flags)
    elif kind == "substitution":
        swap = raw.get("swap")
        if not isinstance(swap, dict) or not swap or not all(
            isinstance(k, str) and isinstance(v, str) for k, v in swap.items()
        ):
            raise ctx.fail("swap", "must be a non-empty table of term = \"plain wording\"")
        params["swap"] = {k.lower(): v for k, v in swap.items()}
        params["regex"] = _phrase_matcher(list(swap), bool(flags & re.IGNORECASE))
    elif kind == "conditional":
        params["trigger"] = ctx.regex(ctx.strings(raw, "trigger"), "trigger", flags)
        within = raw.get("disclosure_within", 0)
        if not isinstance(within, int) or within < 0:
            raise ctx.fail("disclosure_within", "must be a non-negative integer")
        params["disclosure_within"] = within
        span = raw.get("span", "trigger")
        if span not in ("trigger", "sentence"):
            raise ctx.fail("span", "must be 'trigger' or 'sentence'")
        params["span"] = span
    elif kind in ("learned", "learned-spans"):
        threshold = raw.get("threshold")
        if not isinstance(threshold, float) or not 0.5 <= threshold < 1.0:
            raise ctx.fail("threshold", "must be a probability from 0.5 to below 1.0, such as 0.7")
        params["threshold"] = threshold
    elif kind == "readability":
        terms = ctx.strings(raw, "terms", required=False)
        case_terms = ctx.strings(raw, "case_terms", required=False)
        params["terms"] = _phrase_matcher(terms, True) if terms else None
        params["case_terms"] = _phrase_matcher(case_terms, False) if case_terms else None
        pats = ctx.strings(raw, "patterns", required=False)
        params["patterns"] = ctx.regex(pats, "patterns", flags) if pats else None
        for key, default in (("min_terms", 3), ("min_terms_if_hard", 2)):
            value = raw.get(key, default)
            if not isinstance(value, int) or value < 1:
                raise ctx.fail(key, "must be a positive integer")
            params[key] = value
        unknown = raw.get("unknown_acronyms", False)
        if not isinstance(unknown, bool):
            raise ctx.fail("unknown_acronyms", "must be true or false")
        params["unknown_acronyms"] = unknown
        known = ctx.strings(raw, "known_acronyms", required=False)
        expanded_known: set[str] = set()
        for word in known:
            ref = _LEXICON_REF.fullmatch(word)
            if ref:
                if ref.group(1) not in ctx.lexicons:
                    raise ctx.fail("known_acronyms", f"refers to unknown lexicon {word}")
                expanded_known.update(ctx.lexicons[ref.group(1)])
            else:
                expanded_known.add(word)
        params["known_acronyms"] = frozenset(w.upper() for w in expanded_known)
        grade = raw.get("max_grade", 14)
        if not isinstance(grade, int | float) or grade <= 0:
            raise ctx.fail("max_grade", "must be a positive number")
        params["max_grade"] = float(grade)
    elif kind == "count":
        measure = raw.get("measure")
        if measure not in ("hashtags", "length", "alt-text"):
            raise ctx.fail("measure", "must be 'hashtags', 'length' or 'alt-text'")
        params["measure"] = measure
        maximum = raw.get("max", 0)
        if not isinstance(maximum, int) or maximum < 0:
            raise ctx.fail("max", "must be a non-negative integer")
        params["max"] = maximum
    elif kind == "phi":
        params["detector"] = ctx.string(raw, "detector")
        extra = raw.get("params", {})
        if not isinstance(extra, dict):
            raise ctx.fail("params", "must be a table")
        if not isinstance(extra.get("exempt_when_authorized", False), bool):
            raise ctx.fail("params", "exempt_when_authorized must be true or false")
        params["params"] = extra
    elif kind == "derived":
        sources = ctx.strings(raw, "from_categories")
        for source in sources:
            if source not in CATEGORIES:
                raise ctx.fail("from_categories", f"unknown category {source!r}")
        params["from_categories"] = frozenset(sources)
        # Findings of these rules do not count as sources ("phi.echoed-detail": a reply that repeats the
        # commenter's own details discloses them, but says nothing of whether the person was seen)
        params["ignore_rules"] = frozenset(ctx.strings(raw, "ignore_rules", required=False))
    if kind in ("conditional", "derived", "learned"):
        requires = ctx.strings(raw, "requires", required=False)
        params["requires"] = ctx.regex(requires, "requires", flags) if requires else None
    if kind == "conditional":
        # The comment being answered must match too: a reply's meaning can depend on it ("It was our
        # pleasure!" confirms care only when the comment thanks the practice for treating someone).
        reply_requires = ctx.strings(raw, "reply_requires", required=False)
        params["reply_requires"] = ctx.regex(reply_requires, "reply_requires", flags) if reply_requires else None
    if kind in ("existence", "pattern"):
        # Words inside quotation marks are someone else's (a patient's card, a commenter's question): a rule about
        # what the author says ("my wife", on the practice page) can leave them out.
        outside_quotes = raw.get("outside_quotes", False)
        if not isinstance(outside_quotes, bool):
            raise ctx.fail("outside_quotes", "must be true or false")
        params["outside_quotes"] = outside_quotes
    if kind in ("existence", "pattern", "conditional", "derived", "learned"):
        unless = ctx.strings(raw, "unless", required=False)
        params["unless"] = ctx.regex(unless, "unless", flags) if unless else None
    return params


def compile_rule(path: Path, raw: Any, lexicons: Mapping[str, tuple[str, ...]], index: int) -> Rule:
    """Validate one ``[[rule]]`` table and compile its detector parameters."""
    rule_id = raw.get("id") if isinstance(raw, dict) else None
    ctx = _Ctx(path, rule_id if isinstance(rule_id, str) and rule_id else f"#{index + 1}", lexicons)
    if not isinstance(raw, dict):
        raise ctx.fail("rule", "must be a table")
    ctx.string(raw, "id")
    if not re.fullmatch(r"[a-z][a-z0-9-]*(?:\.[a-z0-9-]+)+", raw["id"]):
        raise ctx.fail("id", "must look like 'category.rule-name' (lower case, dots and dashes)")
    category = ctx.string(raw, "category")
    if category not in CATEGORIES:
        raise ctx.fail("category", f"{category!r} is not one of {', '.join(CATEGORIES)}")
    severity = ctx.string(raw, "severity")
    if severity not in SEVERITIES:
        raise ctx.fail("severity", f"{severity!r} is not one of {', '.join(SEVERITIES)}")
    kind = ctx.string(raw, "type")
    if kind not in DETECTOR_TYPES:
        raise ctx.fail("type", f"{kind!r} is not one of {', '.join(DETECTOR_TYPES)}")
    unknown = set(raw) - _COMMON_FIELDS - _TYPE_FIELDS[kind]
    if unknown:
        raise ctx.fail(sorted(unknown)[0], f"is not a field of a {kind} rule")
    message = ctx.string(raw, "message")
    why = ctx.string(raw, "why")
    suggestion = ctx.string(raw, "suggestion")
    replacement = raw.get("replacement")
    if replacement is not None and not isinstance(replacement, str):
        raise ctx.fail("replacement", "must be a string")
    ignore_case = raw.get("ignore_case", True)
    if not isinstance(ignore_case, bool):
        raise ctx.fail("ignore_case", "must be true or false")
    scope = raw.get("scope", "text")
    if scope not in _SCOPES:
        raise ctx.fail("scope", f"must be one of {', '.join(_SCOPES)}")
    flags = re.IGNORECASE if ignore_case else 0
    when = _compile_when(ctx, raw.get("when"))
    params = _compile_params(ctx, kind, raw, flags)
    examples = _compile_examples(ctx, raw.get("examples"), when)
    return Rule(
        id=raw["id"], category=category, severity=severity, type=kind, message=message, why=why,
        suggestion=suggestion, source=str(path), replacement=replacement, when=when, scope=scope,
        params=params, examples=examples,
    )


def read_toml(path: Path) -> dict[str, Any]:
    """A TOML file's data. The parse of this exact text is kept with the derived facts as JSON, which
    loads about ten times faster than ``tomllib`` (pure Python) parses the rule files; a file edited
    since is parsed afresh. Fresh objects every time: callers may change what they get."""
    text = path.read_text(encoding="utf-8")
    known, fact = derived.lookup("toml", text, 0)
    if known and isinstance(fact, str):
        return cast(dict[str, Any], json.loads(fact))
    data = tomllib.loads(text)
    if derived.keeping_load_facts():
        with contextlib.suppress(TypeError, ValueError):  # dates and times have no JSON form: parsed each time
            derived.remember("toml", text, 0, json.dumps(data, ensure_ascii=False))
    return data


def load_lexicons(path: Path) -> dict[str, tuple[str, ...]]:
    """Read ``lexicons.toml``: named word lists shared by several rules (``<<name>>`` in patterns)."""
    if not path.exists():
        return {}
    try:
        data = read_toml(path)
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
        raise RuleFileError(path, "-", "-", f"not valid TOML: {error}") from None
    lexicons: dict[str, tuple[str, ...]] = {}
    for name, words in data.get("lexicon", {}).items():
        if not isinstance(words, list) or not all(isinstance(w, str) and w.strip() for w in words):
            raise RuleFileError(path, f"lexicon.{name}", name, "must be a list of non-empty strings")
        lexicons[name] = tuple(words)
    return lexicons


def load_rule_file(path: Path, lexicons: Mapping[str, tuple[str, ...]]) -> list[Rule]:
    """Load one rule pack. Raises :class:`RuleFileError` naming the file, rule and field."""
    try:
        data = read_toml(path)
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
        raise RuleFileError(path, "-", "-", f"not valid TOML: {error}") from None
    unknown = set(data) - {"rule", "pack"}
    if unknown:
        raise RuleFileError(path, "-", sorted(unknown)[0], "unknown top-level table (expected [[rule]])")
    raw_rules = data.get("rule", [])
    if not isinstance(raw_rules, list):
        raise RuleFileError(path, "-", "rule", "must be an array of tables ([[rule]])")
    return [compile_rule(path, raw, lexicons, i) for i, raw in enumerate(raw_rules)]


def is_lexicon_file(path: Path) -> bool:
    """``lexicons.toml`` and ``lexicons-<topic>.toml`` hold word lists, not rules."""
    return path.name == "lexicons.toml" or path.name.startswith("lexicons-")


def load_all_lexicons(folder: Path) -> dict[str, tuple[str, ...]]:
    """Every lexicon file in ``folder``; a name defined twice is an error naming both files."""
    merged: dict[str, tuple[str, ...]] = {}
    origin: dict[str, Path] = {}
    for path in sorted(p for p in folder.glob("*.toml") if is_lexicon_file(p)):
        for name, words in load_lexicons(path).items():
            if name in merged:
                raise RuleFileError(path, f"lexicon.{name}", name, f"is already defined in {origin[name].name}")
            merged[name], origin[name] = words, path
    return merged


def load_rule_packs(folder: Path, lexicons: Mapping[str, tuple[str, ...]] | None = None) -> list[Rule]:
    """Load every rule pack in ``folder`` (not the lexicon files) and check ids are unique; ``lexicons``
    are the folder's word lists if already read."""
    if lexicons is None:
        lexicons = load_all_lexicons(folder)
    rules: list[Rule] = []
    seen: dict[str, str] = {}
    for path in sorted(folder.glob("*.toml")):
        if is_lexicon_file(path):
            continue
        for rule in load_rule_file(path, lexicons):
            if rule.id in seen:
                raise RuleFileError(path, rule.id, "id", f"duplicates a rule in {Path(seen[rule.id]).name}")
            seen[rule.id] = rule.source
            rules.append(rule)
    for rule in rules:
        for ignored in sorted(rule.params.get("ignore_rules", ())):
            if ignored not in seen:
                raise RuleFileError(Path(rule.source), rule.id, "ignore_rules", f"names no rule: {ignored!r}")
    return rules
