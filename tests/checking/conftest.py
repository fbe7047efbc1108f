"""Shared fixtures: the checker loads once per test session (it is immutable and thread-safe)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from composer.checking import Checker, PracticeContext, load_checker

CONTEXT = {
    "practice": {
        "name": "Riverbend Family Medicine",
        "phone": "(555) 201-3300",
        "fax": "(555) 201-3301",
        "email": "hello@riverbendfm.example",
        "website": "riverbendfm.example",
        "address": "120 Oak Street, Springfield, IL 62704",
    },
    "staff": ["Dr. Anika Patel", "Dr. Marcus Reed", "Jenna Cole", "Luis Ortega"],
    "personal_owner": "Dr. Anika Patel",
}


@pytest.fixture(scope="session")
def checker() -> Checker:
    return load_checker()


@pytest.fixture(scope="session")
def context() -> PracticeContext:
    return PracticeContext.from_json(CONTEXT)


@pytest.fixture()
def context_file(tmp_path: Path) -> Path:
    path = tmp_path / "context.json"
    path.write_text(json.dumps(CONTEXT), encoding="utf-8")
    return path
