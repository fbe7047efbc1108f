"""``clinic-composer check``: check one draft or a batch from the command line (DESIGN 2.1, 2.2).

Imports no PySide6 and no SQLAlchemy, so it runs on a server or in a pre-commit hook. Errors are one
sentence on stderr and never repeat the draft's text (it may hold patient information).
Exit codes: 0 no error-severity finding, 1 at least one, 2 usage or input error.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any, TextIO

from composer.checking import Checker, CheckRequest, Finding, PracticeContext, RuleFileError, load_checker

EXIT_CLEAN, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2
_PLATFORMS = ("facebook", "instagram", "x", "linkedin", "google")


class _UsageError(Exception):
    """A problem with the arguments or input files, reported as one sentence."""


def configure_parser(parser: argparse.ArgumentParser) -> None:
    """Add the ``check`` options to ``parser`` (the sub-parser of the main CLI, or a standalone one)."""
    parser.add_argument("file", nargs="?", metavar="FILE|-", help="the draft to check ('-' for standard input)")
    parser.add_argument("--batch", metavar="CASES.jsonl", type=Path,
                        help="check many drafts: one JSON object a line with id, kind, profile, platform, "
                             "text and, for replies, in_reply_to")
    parser.add_argument("--context", metavar="FILE", type=Path,
                        help="JSON with the practice's name, contact details, staff and personal_owner")
    parser.add_argument("--profile-kind", choices=("practice", "personal"), default="practice",
                        help="which account publishes the draft")
    parser.add_argument("--platform", default="facebook", help=f"target platform ({', '.join(_PLATFORMS)})")
    parser.add_argument("--kind", choices=("post", "reply"), default=None,
                        help="post or reply (default: reply when --reply-to is given)")
    parser.add_argument("--reply-to", metavar="FILE", type=Path, help="the comment or review being answered")
    parser.add_argument("--format", choices=("text", "json", "jsonl"), default=None,
                        help="output format (default: text, or jsonl with --batch)")
    parser.add_argument("--spelling", action="store_true", help="also check spelling (slower to start)")


def _read_text(path: Path | str, what: str) -> str:
    try:
        if str(path) == "-":
            return sys.stdin.read()
        return Path(path).read_text(encoding="utf-8")
    except FileNotFoundError:
        raise _UsageError(f"The {what} file {path} does not exist.") from None
    except UnicodeDecodeError:
        raise _UsageError(f"The {what} file {path} is not UTF-8 text.") from None
    except OSError as error:
        raise _UsageError(f"The {what} file {path} cannot be read ({error.strerror}).") from None


def _load_context(path: Path | None) -> PracticeContext:
    if path is None:
        return PracticeContext()
    try:
        data = json.loads(_read_text(path, "context"))
        return PracticeContext.from_json(data)
    except json.JSONDecodeError as error:
        raise _UsageError(f"The context file {path} is not valid JSON (line {error.lineno}).") from None
    except ValueError:
        raise _UsageError(f"The context file {path} must hold a JSON object.") from None


def _request_from_case(case: Any, number: int) -> tuple[str, CheckRequest]:
    if not isinstance(case, dict):
        raise _UsageError(f"Line {number} of the batch file is not a JSON object.")
    text = case.get("text")
    if not isinstance(text, str):
        raise _UsageError(f"Line {number} of the batch file has no string field 'text'.")
    kind = case.get("kind", "post")
    profile = case.get("profile", "practice")
    if kind not in ("post", "reply"):
        raise _UsageError(f"Line {number} of the batch file has a kind other than 'post' or 'reply'.")
    if profile not in ("practice", "personal"):
        raise _UsageError(f"Line {number} of the batch file has a profile other than 'practice' or 'personal'.")
    citations = case.get("citations", [])
    return str(case.get("id", number)), CheckRequest(
        text=text,
        kind="reply" if kind == "reply" else "post",
        profile="personal" if profile == "personal" else "practice",
        platform=str(case.get("platform", "facebook")).lower(),
        in_reply_to=str(case.get("in_reply_to") or ""),
        citations=tuple(str(c) for c in citations) if isinstance(citations, list) else (),
        authorized_testimonial=bool(case.get("authorized_testimonial", False)),
    )


def _spelling_findings(enabled: bool, context: PracticeContext) -> Any:
    if not enabled:
        return None
    from composer.checking.spelling import SpellingChecker

    speller = SpellingChecker.load()
    return lambda text: speller.findings(text, extra_words=context.dictionary)


def _format_text(findings: list[Finding], text: str, out: TextIO, label: str = "") -> None:
    if not findings:
        out.write(f"{label}no findings\n")
        return
    for finding in findings:
        line = text.count("\n", 0, finding.start) + 1
        column = finding.start - (text.rfind("\n", 0, finding.start) + 1) + 1
        out.write(f"{label}{line}:{column}: {finding.severity}: {finding.message} [{finding.rule}]\n")
        if finding.suggestion:
            out.write(f"    suggestion: {finding.suggestion}\n")


def _check_all(checker: Checker, request: CheckRequest, context: PracticeContext, speller: Any) -> list[Finding]:
    findings = checker.check(request, context)
    if speller is not None:
        findings = sorted(findings + speller(request.text), key=lambda f: (f.start, f.end, f.rule))
    return findings


def _run_batch(args: argparse.Namespace, checker: Checker, context: PracticeContext, speller: Any) -> int:
    raw = _read_text(args.batch, "batch")
    fmt = args.format or "jsonl"
    out = sys.stdout
    rows = []
    for number, line in enumerate(raw.splitlines(), 1):
        if not line.strip():
            continue
        try:
            case = json.loads(line)
        except json.JSONDecodeError:
            raise _UsageError(f"Line {number} of the batch file is not valid JSON.") from None
        rows.append(_request_from_case(case, number))
    for case_id, request in rows:
        findings = _check_all(checker, request, context, speller)
        if fmt == "text":
            _format_text(findings, request.text, out, label=f"{case_id}: ")
        else:
            out.write(json.dumps({"id": case_id, "findings": [f.to_json() for f in findings]},
                                 ensure_ascii=False) + "\n")
    # A batch reports per draft; its exit code says only whether the batch itself could be read, so
    # tools (score.py, CI) can tell "findings" from "failure".
    return EXIT_CLEAN


def _run_single(args: argparse.Namespace, checker: Checker, context: PracticeContext, speller: Any) -> int:
    if args.file is None:
        raise _UsageError("Give a draft FILE (or - for standard input), or --batch CASES.jsonl.")
    text = _read_text(args.file, "draft")
    reply_to = _read_text(args.reply_to, "reply-to") if args.reply_to else ""
    kind = args.kind or ("reply" if args.reply_to else "post")
    request = CheckRequest(
        text=text,
        kind="reply" if kind == "reply" else "post",
        profile="personal" if args.profile_kind == "personal" else "practice",
        platform=args.platform.lower(),
        in_reply_to=reply_to,
    )
    findings = _check_all(checker, request, context, speller)
    fmt = args.format or "text"
    if fmt == "text":
        _format_text(findings, text, sys.stdout)
    else:
        sys.stdout.write(json.dumps({"id": str(args.file), "findings": [f.to_json() for f in findings]},
                                    ensure_ascii=False) + "\n")
    return EXIT_FINDINGS if any(f.severity == "error" for f in findings) else EXIT_CLEAN


def run(args: argparse.Namespace) -> int:
    """Run ``check`` with parsed arguments; returns the exit code (never raises for bad input)."""
    try:
        if args.batch is not None and args.file is not None:
            raise _UsageError("Give either a draft FILE or --batch, not both.")
        if args.platform.lower() not in _PLATFORMS:
            raise _UsageError(f"Unknown platform {args.platform!r}; use one of {', '.join(_PLATFORMS)}.")
        context = _load_context(args.context)
        checker = load_checker()
        speller = _spelling_findings(getattr(args, "spelling", False), context)
        if args.batch is not None:
            return _run_batch(args, checker, context, speller)
        return _run_single(args, checker, context, speller)
    except _UsageError as error:
        sys.stderr.write(f"clinic-composer check: {error}\n")
        return EXIT_USAGE
    except RuleFileError as error:
        sys.stderr.write(f"clinic-composer check: a rule pack is malformed: {error}\n")
        return EXIT_USAGE
    except BrokenPipeError:  # pragma: no cover - output closed early (e.g. piped into head)
        return EXIT_CLEAN


def main(argv: list[str] | None = None) -> int:
    """Stand-alone entry point (``python -m composer.services.check_command``)."""
    parser = argparse.ArgumentParser(prog="clinic-composer check", description=__doc__.splitlines()[0])
    configure_parser(parser)
    args = parser.parse_args(argv)
    return run(args)


if __name__ == "__main__":
    sys.exit(main())
