"""Retrain ``resources/rules/learned-model.json`` (see :mod:`composer.checking.learned`) and then
``resources/rules/learned-spans-model.json`` (see :mod:`composer.checking.learned_spans`)::

    python -m composer.checking.train_model            # both, the heads first
    python -m composer.checking.train_model --spans    # only the span model (after a rule change)

It learns from every labeled corpus in the repository (``tests/checking/data``, ``holdout`` and
``independent``) and from ``../shared/eval/dev.jsonl`` when that exists, never from the sealed
``tests/checking/final`` corpus and the ``tests/checking/untouched`` writers, which stay honest
measurements. The span model also leaves out the read writers listed in ``SPANS_LEFT_OUT``.
Drafts are masked exactly as the checker masks them (the practice's own details in the corpus's own
``<name>.context.json`` if it has one, else ``../shared/eval/context.json``, or none), so the model sees at
training time what it sees when checking.
The corpora's checksums are recorded in the model; a test fails when a corpus changes and the model was not retrained.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import Any

from composer.checking import learned_spans
from composer.checking.learned import FILE_NAME, LearnedModel, checksum, features, train
from composer.checking.model import COMPLIANCE_CATEGORIES, CheckRequest, PracticeContext

ROOT = Path(__file__).resolve().parents[2]
#: Identifiers stay with the rule detectors (they need exact spans), so the model has no phi head.
HEADS = tuple(category for category in COMPLIANCE_CATEGORIES if category != "phi")
#: Corpora kept out of training: the sealed final one and new writers not yet looked at (both also kept out
#: of tuning).
_HELD_OUT = frozenset(["final", "untouched"])
#: Read writers the heads learn from but the span model does not: trained on them, it found fewer of the
#: unread writers' identifiers (PHI recall of six writers 0.847 -> 0.833; see tests/checking/independent/README.md).
SPANS_LEFT_OUT = frozenset(f"independent-{writer}.jsonl" for writer in ("bi", "bj", "bk", "bl", "bm"))
#: Read writers neither model learns from. Retraining with br and bs (session of 2026-11-24, midday) was measured
#: and not kept: on ten unread writers the heads gained 0.002 macro-F1 but flagged more clean drafts (0.094 ->
#: 0.098) and cost the sealed corpus 0.002; the span model found a little more (PHI recall 0.766 -> 0.771) at
#: lower precision (0.812 -> 0.808) and began marking a weekday the dev labels leave alone (d-105). Retraining
#: with br, bs, bt and bu as well (evening session) was measured and not kept either: on seven unread writers the
#: heads gained 0.002 macro-F1 but flagged more clean drafts (0.081 -> 0.087), and flagged one of the sealed
#: corpus's clean drafts (0.000 -> 0.013) and cost dev 0.005; the span model raised unread PHI precision (0.803 ->
#: 0.835) but lost recall (0.747 -> 0.730), the weaker figure. Retraining with br to bw (late session) went the
#: same way on the five writers still unread (by to cc): the heads gained 0.005 macro-F1 and 0.010 PHI recall but
#: flagged more clean drafts (0.096 -> 0.109), flagged a clean draft of the sealed corpus (0.904 -> 0.897) and
#: cost dev 0.005; the span model raised PHI precision (0.772 -> 0.812) but lost recall (0.710 -> 0.700) and dev
#: its perfect precision (1.000 -> 0.979). bx to cc, read after that retraining, are not trained on either.
#: Retraining with all twelve (br to cc) went the same way a fourth time (2026-11-24, evening): on the four writers
#: nobody has read (cd to cg) macro-F1 0.901 -> 0.898 and PHI recall 0.796 -> 0.789, the sealed corpus 0.907 ->
#: 0.909, and dev lost 0.010 macro-F1 and its perfect PHI precision (1.000 -> 0.979). cd to cg, read on the night of
#: 2026-11-24, are not trained on either.
NOT_TRAINED_ON = frozenset(
    f"independent-{writer}.jsonl"
    for writer in ("br", "bs", "bt", "bu", "bv", "bw", "bx", "by", "bz", "ca", "cb", "cc", "cd", "ce", "cf", "cg",
                   "ch", "ci", "cj", "ck", "cl", "cm", "cn", "co", "cp", "cq", "cr", "cs", "ct", "cu", "cv", "cw",
                   "cx", "cy", "cz", "da", "db", "dc", "dd", "de", "df", "dg", "dh", "di", "dj", "dk", "dl", "dm",
                   "dn", "do", "dp", "dq", "dr", "ds", "dt", "du"))
#: Both models are trained from this many shuffles of their examples, their weights averaged. Heads from
#: one shuffle swung the sealed corpus's macro-F1 by 0.03 between retrains on nearly the same examples
#: (0.917 shipped, 0.887 retrained after a session's rule changes); averaged over four shuffles they did
#: as well or better than one shuffle on every held-out set (2026-11-24, night).
TRAINING_SEEDS = 4
#: Passes over the span model's examples (about 45,000 words; more passes changed nothing measured).
SPAN_EPOCHS = 10


def corpus_files(root: Path = ROOT, leave_out: frozenset[str] = frozenset(), spans: bool = False) -> list[Path]:
    """The labeled corpora a model learns from (``spans``: the span model), in a fixed order (the sealed
    one, the writers in ``NOT_TRAINED_ON``, and any file named in ``leave_out`` for measuring the model on drafts
    it has not seen, left out)."""
    leave_out = leave_out | NOT_TRAINED_ON
    if spans:
        leave_out = leave_out | SPANS_LEFT_OUT
    checking = root / "tests" / "checking"
    files = sorted(path for path in checking.glob("*/*.jsonl")
                   if path.parent.name not in _HELD_OUT and path.name not in leave_out)
    dev = root.parent / "shared" / "eval" / "dev.jsonl"
    return [dev, *files] if dev.exists() else files


def _context(root: Path, corpus: Path | None = None) -> PracticeContext:
    """The practice a corpus was written for: its own ``<name>.context.json`` beside it (a writer who made up
    another practice), else the shared one, else none."""
    own = corpus.with_name(f"{corpus.stem}.context.json") if corpus is not None else None
    path = own if own is not None and own.exists() else root.parent / "shared" / "eval" / "context.json"
    if not path.exists():
        return PracticeContext()
    return PracticeContext.from_json(json.loads(path.read_text(encoding="utf-8")))


def _checksums(files: list[Path], root: Path) -> dict[str, str]:
    """Each corpus's checksum by its path relative to ``root``, recorded in a model to show when it is stale."""
    return {Path(os.path.relpath(path, root)).as_posix(): checksum(path) for path in files}


def _drafts(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def _request(draft: dict[str, Any]) -> CheckRequest:
    return CheckRequest(text=draft["text"], kind=draft["kind"], profile=draft["profile"],
                        platform=draft["platform"], in_reply_to=draft.get("in_reply_to", ""))


def build(root: Path = ROOT, leave_out: frozenset[str] = frozenset()) -> LearnedModel:
    """Train on every corpus and the rules' examples and return the model (corpus paths are recorded
    relative to ``root``)."""
    from composer.checking.engine import load_checker

    checker = load_checker(with_model=False)
    examples: list[tuple[list[str], frozenset[str], frozenset[str]]] = []

    def add(request: CheckRequest, labels: frozenset[str], known: frozenset[str], context: PracticeContext) -> None:
        masked = checker.masked_text(request, context)
        examples.append((features(masked, request.kind, request.profile), labels, known))

    every = frozenset(HEADS)
    files = corpus_files(root, leave_out)
    for path in files:
        corpus_context = _context(root, path)
        for draft in _drafts(path):
            add(_request(draft), frozenset(draft["expect"]), every, corpus_context)
    context = _context(root)
    # The rules' own examples. A flag example belongs to its rule's category (it says nothing of the
    # others); a pass example is outside it, and outside every category when no rule finds anything in
    # it. These calm near-misses ("Sunburns raise the risk of skin cancer, per the AAD") teach the heads
    # tone rather than topic.
    for rule in checker.rules:
        if rule.type == "learned" or rule.category not in every:
            continue
        for example in rule.examples:
            request = CheckRequest(text=example.text, kind=example.kind, profile=example.profile,  # type: ignore[arg-type]
                                   platform=example.platform, in_reply_to=example.in_reply_to)
            if example.flag:
                add(request, frozenset([rule.category]), frozenset([rule.category]), context)
            else:
                clean = not any(f.category in every or f.category == "phi" for f in checker.check(request, context))
                add(request, frozenset(), every if clean else frozenset([rule.category]), context)
    return LearnedModel(HEADS, train(examples, HEADS, seeds=TRAINING_SEEDS), _checksums(files, root))


def _occurrences(text: str, needles: list[str]) -> list[tuple[int, int]]:
    """Every place each labeled identifier occurs (a name written twice is an identifier twice)."""
    found = []
    for needle in needles:
        start = text.find(needle) if needle else -1
        while start >= 0:
            found.append((start, start + len(needle)))
            start = text.find(needle, start + 1)
    return found


def span_examples(root: Path, files: list[Path]) -> list[tuple[list[str], frozenset[str], frozenset[str]]]:
    """One example per candidate word of every draft in ``files`` the rules found something in: its features, and
    whether it lies in a labeled identifier. The categories the features name come from the checker with
    its rules and heads (the shipped heads: train those first), as when checking."""
    from composer.checking.engine import load_checker

    checker = load_checker(with_spans=False)
    featurize = learned_spans.WordFeatures(checker.lexicons)
    head = frozenset([learned_spans.HEAD])
    examples: list[tuple[list[str], frozenset[str], frozenset[str]]] = []
    for path in files:
        context = _context(root, path)
        for draft in _drafts(path):
            request = _request(draft)
            categories = {finding.category for finding in checker.check(request, context)}
            if not categories:
                continue  # the model is never asked about such a draft
            gold = _occurrences(draft["text"], draft.get("phi", []))
            masked = checker.masked_text(request, context)[: learned_spans.MAX_CHARS]
            words = learned_spans.words_of(masked)
            for index, (start, end) in enumerate(learned_spans.offsets(masked, words)):
                found = featurize(words, index, request.kind, request.profile, categories)
                if found is not None:
                    inside = any(start < stop and begin < end for begin, stop in gold)
                    examples.append((found, head if inside else frozenset(), head))
    return examples


def build_spans(root: Path = ROOT, leave_out: frozenset[str] = frozenset()) -> LearnedModel:
    """Train the identifier span model (one head) on the candidate words of every corpus."""
    files = corpus_files(root, leave_out, spans=True)
    weights = train(span_examples(root, files), [learned_spans.HEAD], epochs=SPAN_EPOCHS, seeds=TRAINING_SEEDS)
    return LearnedModel((learned_spans.HEAD,), weights, _checksums(files, root))


def main(argv: list[str] | None = None) -> int:
    from composer.checking.engine import default_resources

    only_spans = "--spans" in (sys.argv[1:] if argv is None else argv)
    rules = default_resources() / "rules"
    if not only_spans:
        _write(build(), rules / FILE_NAME)
    _write(build_spans(), rules / learned_spans.FILE_NAME)
    return 0


def _write(model: LearnedModel, target: Path) -> None:
    target.write_text(model.to_json(), encoding="utf-8")
    print(f"{len(model.weights)} features from {len(model.corpora)} corpora -> {target}")


if __name__ == "__main__":
    sys.exit(main())
