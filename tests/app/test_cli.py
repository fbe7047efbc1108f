"""The command line contract (DESIGN.md 2.1) for the foundation's commands."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from composer import __version__
from tests.app.test_startup_failures import run_cli


def test_version() -> None:
    result = run_cli("--version")
    assert result.returncode == 0
    assert __version__ in result.stdout


def test_console_script_and_module_agree() -> None:
    script = Path(sys.executable).with_name("clinic-composer")
    result = subprocess.run([str(script), "--version"], capture_output=True, text=True, timeout=30)
    assert result.stdout == run_cli("--version").stdout


def test_demo_then_audit_verify(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'x.db'}"
    filled = run_cli("demo", "--database", url)
    assert filled.returncode == 0, filled.stderr
    assert "sample practice" in filled.stdout
    verified = run_cli("audit", "verify", "--database", url)
    assert verified.returncode == 0
    assert "intact" in verified.stdout
    again = run_cli("demo", "--database", url)
    assert again.returncode == 1
    assert "already holds a practice" in again.stderr


def test_database_url_from_the_environment(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'env.db'}"
    assert run_cli("demo", env={"CLINIC_COMPOSER_DATABASE_URL": url}).returncode == 0
    assert (tmp_path / "env.db").exists()


def test_topics_list_json_has_citations() -> None:
    result = run_cli("topics", "list", "--format", "json")
    assert result.returncode == 0, result.stderr
    topics = json.loads(result.stdout)
    assert topics
    for topic in topics:
        assert {"id", "title", "category", "citations"} <= topic.keys()
        for citation in topic["citations"]:
            assert citation["url"].startswith("https://")
            assert citation["source"] and citation["title"]


def test_screenshot_writes_a_png_of_each_view(tmp_path: Path) -> None:
    for view in ("review", "profiles"):
        out = tmp_path / f"{view}.png"
        result = run_cli("screenshot", view, "--out", str(out), "--width", "900", "--height", "600")
        assert result.returncode == 0, result.stderr
        assert out.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_unknown_command_is_a_usage_error() -> None:
    result = run_cli("frobnicate")
    assert result.returncode == 2


def test_topics_list_with_a_database_adds_the_practice_topics(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'x.db'}"
    assert run_cli("demo", "--database", url).returncode == 0
    result = run_cli("topics", "list", "--format", "json", "--database", url)
    own = [t["id"] for t in json.loads(result.stdout) if t.get("practice")]
    assert sorted(own) == ["riverbend-saturday-flu-clinic", "riverbend-walk-with-us"]


def test_output_closed_early_is_not_an_error() -> None:
    process = subprocess.Popen(
        [sys.executable, "-m", "composer", "topics", "list"], stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )
    assert process.stdout is not None
    process.stdout.readline()
    process.stdout.close()
    _, errors = process.communicate(timeout=30)
    assert b"unexpected" not in errors
