"""``clinic-composer check`` through the stand-alone module entry point, as a subprocess."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def run(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "composer.services.check_command", *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        input=stdin,
        timeout=60,
    )


def test_clean_draft_exits_0(tmp_path: Path, context_file: Path) -> None:
    draft = tmp_path / "draft.txt"
    draft.write_text("The CDC recommends a yearly flu vaccine for everyone 6 months and older.", encoding="utf-8")
    done = run(str(draft), "--context", str(context_file))
    assert done.returncode == 0, done.stderr
    assert "no findings" in done.stdout


def test_error_finding_exits_1_and_json_shape(tmp_path: Path, context_file: Path) -> None:
    draft = tmp_path / "draft.txt"
    draft.write_text("Hi Ronald, your cholesterol results are in. We'll call you at (555) 384-2290.", encoding="utf-8")
    reply_to = tmp_path / "comment.txt"
    reply_to.write_text("Still waiting on my lab results.", encoding="utf-8")
    done = run(
        str(draft),
        "--context",
        str(context_file),
        "--reply-to",
        str(reply_to),
        "--format",
        "json",
        "--platform",
        "google",
    )
    assert done.returncode == 1, done.stderr
    data = json.loads(done.stdout)
    assert set(data) == {"id", "findings"}
    categories = {f["category"] for f in data["findings"]}
    assert {"phi", "patient-acknowledgement"} <= categories
    for finding in data["findings"]:
        assert set(finding) == {"category", "rule", "severity", "start", "end", "message", "suggestion"}


def test_stdin_and_text_format(context_file: Path) -> None:
    done = run(
        "-",
        "--context",
        str(context_file),
        "--profile-kind",
        "personal",
        stdin="Reminder to my patients: call to reschedule!",
    )
    assert done.returncode == 1
    assert "profile-mismatch" in done.stdout or "personal account" in done.stdout


def test_batch_jsonl(tmp_path: Path, context_file: Path) -> None:
    cases = tmp_path / "cases.jsonl"
    rows = [
        {"id": "a", "kind": "post", "profile": "practice", "platform": "x", "text": "Wash your hands!"},
        {
            "id": "b",
            "kind": "reply",
            "profile": "practice",
            "platform": "google",
            "text": "Hi Tom, see you at your follow-up!",
            "in_reply_to": "Great visit",
        },
    ]
    cases.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    done = run("--batch", str(cases), "--context", str(context_file), "--format", "jsonl")
    assert done.returncode == 0, done.stderr
    lines = [json.loads(line) for line in done.stdout.splitlines()]
    assert [line["id"] for line in lines] == ["a", "b"]
    assert lines[0]["findings"] == []
    assert {f["category"] for f in lines[1]["findings"]} >= {"phi", "patient-acknowledgement"}


def test_usage_errors_exit_2_with_one_sentence_and_no_draft_text(tmp_path: Path, context_file: Path) -> None:
    missing = run(str(tmp_path / "nope.txt"))
    assert missing.returncode == 2 and "does not exist" in missing.stderr and "Traceback" not in missing.stderr
    bad_batch = tmp_path / "bad.jsonl"
    bad_batch.write_text('{"id": "x", "text": "Hi Ronald secret"}\nnot json at all: Ronald\n', encoding="utf-8")
    done = run("--batch", str(bad_batch), "--context", str(context_file))
    assert done.returncode == 2 and "Line 2" in done.stderr
    assert "Ronald" not in done.stderr and "Traceback" not in done.stderr
    bad_context = tmp_path / "context.json"
    bad_context.write_text("{nope", encoding="utf-8")
    done = run("-", "--context", str(bad_context), stdin="hello")
    assert done.returncode == 2 and "not valid JSON" in done.stderr
    done = run("-", "--platform", "myspace", stdin="hello")
    assert done.returncode == 2 and "platform" in done.stderr
    nothing = run()
    assert nothing.returncode == 2


def test_spelling_option(tmp_path: Path) -> None:
    done = run("-", "--spelling", "--format", "json", stdin="Teh flu vaccine is recomended every year.")
    assert done.returncode == 0, done.stderr
    categories = [f["category"] for f in json.loads(done.stdout)["findings"]]
    assert categories.count("spelling") == 2
