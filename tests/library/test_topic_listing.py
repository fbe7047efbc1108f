"""``topics list``: the shipped library by default, practice topics merged in when a database is given."""

from __future__ import annotations

import json

import pytest

from composer.services.library import save_practice_topic, shipped_topics
from composer.services.topic_listing import print_topics
from composer.services.workspace import Workspace
from tests.library.helpers import own_topic, practice_with_user


def test_default_output_is_the_shipped_library(capsys: pytest.CaptureFixture[str]) -> None:
    assert print_topics("json") == 0
    rows = json.loads(capsys.readouterr().out)
    assert [row["id"] for row in rows] == [t.id for t in shipped_topics()]
    assert "practice" not in rows[0] and {"source", "title", "url"} <= set(rows[0]["citations"][0])


def test_with_a_workspace_practice_topics_are_included_and_marked(
    workspace: Workspace, capsys: pytest.CaptureFixture[str]
) -> None:
    save_practice_topic(workspace, practice_with_user(workspace), own_topic())
    print_topics("json", workspace)
    rows = {row["id"]: row for row in json.loads(capsys.readouterr().out)}
    assert rows["our-walking-club"]["practice"] is True
    assert rows[shipped_topics()[0].id]["practice"] is False
    print_topics("text", workspace)
    assert "(practice)" in capsys.readouterr().out
