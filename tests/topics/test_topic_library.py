"""The shipped health-topic library is complete, well cited, fits X and passes the checker.

Practices rely on these texts being accurate and safe to publish as they stand, so the data files are
held to a schema here (not only in review): a missing citation or an over-long "short" post fails CI.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from datetime import date
from pathlib import Path

import pytest

from composer.domain.topics import (
    AUDIENCES,
    X_LIMIT,
    Topic,
    TopicFileError,
    load_topic_file,
    load_topic_library,
    topics_from_pack,
    topics_to_pack,
    x_length,
)
from composer.resources import resource_path

TOPICS_DIR = resource_path("topics")

# Observance names as listed in the shared reference (DOMAIN.md section 7); a topic may only name these
# so the calendar can match them exactly.
KNOWN_OBSERVANCES = frozenset(
    {
        "Cervical Health Awareness Month",
        "National Birth Defects Prevention Month",
        "National Blood Donor Month",
        "National Glaucoma Awareness Month",
        "American Heart Month",
        "National Wear Red Day",
        "National Children's Dental Health Month",
        "National Cancer Prevention Month",
        "World Cancer Day",
        "National Eating Disorders Awareness Week",
        "National Nutrition Month",
        "Colorectal Cancer Awareness Month",
        "American Diabetes Association Alert Day",
        "National Kidney Month",
        "Save Your Vision Month",
        "National Minority Health Month",
        "Alcohol Awareness Month",
        "National Public Health Week",
        "Mental Health Awareness Month",
        "National Physical Fitness and Sports Month",
        "Children's Mental Health Awareness Week",
        "National Safety Month",
        "Men's Health Month",
        "National Headache Awareness Week",
        "Sun Safety Week",
        "UV Safety Month",
        "National Minority Mental Health Awareness Month",
        "National Immunization Awareness Month",
        "National Breastfeeding Month",
        "World Breastfeeding Week",
        "National Cholesterol Education Month",
        "Healthy Aging Month",
        "Ovarian Cancer Awareness Month",
        "Prostate Cancer Awareness Month",
        "Childhood Cancer Awareness Month",
        "World Suicide Prevention Day",
        "Falls Prevention Awareness Week",
        "World Heart Day",
        "Gum Care Month",
        "Breast Cancer Awareness Month",
        "National Brush Day",
        "American Diabetes Month",
        "Lung Cancer Awareness Month",
        "COPD Awareness Month",
        "Alzheimer's Disease Awareness Month",
        "Great American Smokeout",
        "World AIDS Day",
    }
)

# The date the citations were checked; nothing may claim to have been accessed after today.
TODAY = date.today()
URL_RE = re.compile(r"^https://[a-z0-9.-]+\.[a-z]{2,}(/[^\s]*)?$")


@pytest.fixture(scope="module")
def library() -> list[Topic]:
    return load_topic_library()


# ------------------------------------------------------------------------------------------------
# The real library


def test_library_is_large_and_broad(library: list[Topic]) -> None:
    per_category = Counter(topic.category for topic in library)
    assert len(library) >= 60, f"only {len(library)} topics"
    assert len(per_category) >= 10, f"only {len(per_category)} categories"
    thin = {category: count for category, count in per_category.items() if count < 3}
    assert not thin, f"categories with fewer than 3 topics: {thin}"


def test_default_folder_is_the_shipped_one(library: list[Topic]) -> None:
    assert library == load_topic_library(TOPICS_DIR)


def test_ids_are_unique_across_files(library: list[Topic]) -> None:
    duplicates = [topic_id for topic_id, n in Counter(t.id for t in library).items() if n > 1]
    assert not duplicates


def test_each_file_is_one_category() -> None:
    for path in sorted(TOPICS_DIR.glob("*.toml")):
        topics = load_topic_file(path)
        assert topics, f"{path.name} has no topics"
        assert {topic.category for topic in topics} == {path.stem}


def test_every_topic_is_complete(library: list[Topic]) -> None:
    for topic in library:
        where = topic.id
        assert topic.title and topic.summary and topic.evidence, where
        assert topic.category_label, where
        assert 3 <= len(topic.key_points) <= 6, f"{where}: key points"
        assert topic.audience and set(topic.audience) <= AUDIENCES, where
        assert topic.months and all(1 <= m <= 12 for m in topic.months), where
        assert topic.hashtags and all(tag.startswith("#") for tag in topic.hashtags), where
        unknown = set(topic.observances) - KNOWN_OBSERVANCES
        assert not unknown, f"{where}: unknown observances {unknown}"
        lengths = [post.length for post in topic.posts]
        assert "short" in lengths and "long" in lengths, f"{where}: needs a short and a long post"
        assert len({post.text for post in topic.posts}) == len(topic.posts), f"{where}: repeated post"
        # Review within about a year: guidance moves, and a stale topic must come back to a clinician.
        assert TODAY < topic.review_by <= date(TODAY.year + 2, 1, 1), f"{where}: review_by"


def test_post_lengths_match_their_labels(library: list[Topic]) -> None:
    for topic in library:
        short = topic.short_post()
        assert short.length == "short", topic.id
        assert x_length(short.text) <= X_LIMIT, topic.id
        for post in topic.posts:
            if post.length == "long":
                assert 400 <= len(post.text) <= 900, f"{topic.id}: long post is {len(post.text)} chars"
            if post.length == "medium":
                assert len(post.text) <= 600, f"{topic.id}: medium post is {len(post.text)} chars"


def test_posts_attribute_their_source(library: list[Topic]) -> None:
    """Figures in a post must be attributed; each post names at least one cited organization."""
    for topic in library:
        names = {c.short for c in topic.citations} | {c.organization for c in topic.citations}
        for post in topic.posts:
            assert any(name in post.text for name in names), f"{topic.id}: {post.length} names no source"


def test_citations_are_well_formed(library: list[Topic]) -> None:
    for topic in library:
        assert len(topic.citations) >= 2, topic.id
        for citation in topic.citations:
            where = f"{topic.id}: {citation.url}"
            assert URL_RE.match(citation.url), where
            assert citation.organization and citation.short and citation.title, where
            assert 1990 <= citation.year <= 2026, where
            assert citation.year <= citation.accessed.year, where
            assert citation.accessed <= TODAY, where


def test_same_url_has_same_title_everywhere(library: list[Topic]) -> None:
    """A page cited by several topics is one page: its title and organization must agree."""
    seen: dict[str, tuple[str, str]] = {}
    for topic in library:
        for citation in topic.citations:
            key = (citation.organization, citation.title)
            assert seen.setdefault(citation.url, key) == key, f"{topic.id}: {citation.url}"


def test_sources_file_lists_every_cited_url(library: list[Topic]) -> None:
    sources = (TOPICS_DIR / "SOURCES.md").read_text(encoding="utf-8")
    missing = sorted({c.url for t in library for c in t.citations if c.url not in sources})
    assert not missing, f"cited but not recorded in SOURCES.md: {missing}"


def test_is_due_for_review(library: list[Topic]) -> None:
    topic = library[0]
    assert not topic.is_due_for_review(date(2026, 11, 22))
    assert topic.is_due_for_review(topic.review_by)


# ------------------------------------------------------------------------------------------------
# X counting


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("hello", 5),
        ("See https://www.cdc.gov/flu/vaccines/index.html today", 4 + 23 + 6),
        ("cdc.gov/flu", 23),
        ("👍", 2),
        ("café", 4),
    ],
)
def test_x_length(text: str, expected: int) -> None:
    assert x_length(text) == expected


# ------------------------------------------------------------------------------------------------
# Malformed files


GOOD_TOPIC = """
[[topics]]
id = "{id}"
title = "Wash your hands"
summary = "Why handwashing matters."
audience = ["general"]
observances = []
months = [1, 2]
key_points = ["Use soap.", "Scrub 20 seconds.", "Dry well."]
hashtags = ["#HandWashing"]
evidence = "CDC guidance."
review_by = 2027-06-01

[[topics.posts]]
length = "short"
text = "The CDC says to scrub your hands with soap for at least 20 seconds."

[[topics.posts]]
length = "long"
text = "Longer text about handwashing from the CDC."

[[topics.citations]]
organization = "Centers for Disease Control and Prevention"
short = "CDC"
title = "About Handwashing"
url = "{url}"
year = 2024
accessed = 2026-11-22

[[topics.citations]]
organization = "World Health Organization"
short = "WHO"
title = "Hand hygiene"
url = "https://www.who.int/hand-hygiene"
year = 2023
accessed = 2026-11-22
"""

HEADER = 'category = "hygiene"\nlabel = "Hygiene"\n'


def _write(tmp_path: Path, name: str, body: str) -> Path:
    path = tmp_path / name
    path.write_text(body, encoding="utf-8")
    return path


def _topic(topic_id: str = "hand-washing", url: str = "https://www.cdc.gov/clean-hands/") -> str:
    return GOOD_TOPIC.format(id=topic_id, url=url)


def test_good_file_loads(tmp_path: Path) -> None:
    topics = load_topic_file(_write(tmp_path, "hygiene.toml", HEADER + _topic()))
    assert [t.id for t in topics] == ["hand-washing"]
    assert topics[0].category_label == "Hygiene"
    assert topics[0].citations[0].accessed == date(2026, 11, 22)


def _assert_names(error: TopicFileError, path: Path, topic_id: str | None, field: str) -> None:
    message = str(error)
    assert str(path) in message
    if topic_id:
        assert f"'{topic_id}'" in message
    assert f"'{field}'" in message
    assert message.count(". ") == 0 and message.endswith("."), "one sentence"
    assert (error.topic_id, error.field) == (topic_id, field)


def test_missing_field_names_file_topic_and_field(tmp_path: Path) -> None:
    body = HEADER + _topic().replace('evidence = "CDC guidance."\n', "")
    path = _write(tmp_path, "hygiene.toml", body)
    with pytest.raises(TopicFileError) as caught:
        load_topic_file(path)
    _assert_names(caught.value, path, "hand-washing", "evidence")


def test_bad_url_names_the_citation(tmp_path: Path) -> None:
    path = _write(tmp_path, "hygiene.toml", HEADER + _topic(url="http://www.cdc.gov/clean-hands/"))
    with pytest.raises(TopicFileError) as caught:
        load_topic_file(path)
    _assert_names(caught.value, path, "hand-washing", "citations[0].url")


def test_duplicate_id_in_one_file(tmp_path: Path) -> None:
    path = _write(tmp_path, "hygiene.toml", HEADER + _topic() + _topic())
    with pytest.raises(TopicFileError) as caught:
        load_topic_file(path)
    _assert_names(caught.value, path, "hand-washing", "id")


def test_duplicate_id_across_files(tmp_path: Path) -> None:
    _write(tmp_path, "a.toml", 'category = "a"\nlabel = "A"\n' + _topic())
    second = _write(tmp_path, "b.toml", 'category = "b"\nlabel = "B"\n' + _topic())
    with pytest.raises(TopicFileError) as caught:
        load_topic_library(tmp_path)
    _assert_names(caught.value, second, "hand-washing", "id")
    assert "a.toml" in str(caught.value)


@pytest.mark.parametrize(
    ("old", "new", "field"),
    [
        ("months = [1, 2]", "months = [0, 13]", "months[0]"),
        ('audience = ["general"]', 'audience = ["everyone"]', "audience[0]"),
        ("year = 2024", "year = 1850", "citations[0].year"),
        ("year = 2024", 'year = "2024"', "citations[0].year"),
        ("review_by = 2027-06-01", 'review_by = "soon"', "review_by"),
        ('hashtags = ["#HandWashing"]', 'hashtags = ["hand washing"]', "hashtags[0]"),
        ('length = "long"', 'length = "huge"', "posts[1].length"),
        ('id = "hand-washing"', 'id = "Hand Washing"', "id"),
    ],
)
def test_bad_values_name_the_field(tmp_path: Path, old: str, new: str, field: str) -> None:
    body = HEADER + _topic().replace(old, new, 1)
    path = _write(tmp_path, "hygiene.toml", body)
    with pytest.raises(TopicFileError) as caught:
        load_topic_file(path)
    assert caught.value.field == field
    assert str(path) in str(caught.value)


def test_one_citation_is_not_enough(tmp_path: Path) -> None:
    body = HEADER + _topic()
    body = body[: body.rindex("[[topics.citations]]")]
    path = _write(tmp_path, "hygiene.toml", body)
    with pytest.raises(TopicFileError) as caught:
        load_topic_file(path)
    _assert_names(caught.value, path, "hand-washing", "citations")


def test_post_must_fit_x(tmp_path: Path) -> None:
    too_long = "word " * 60
    body = HEADER + _topic().replace(
        "The CDC says to scrub your hands with soap for at least 20 seconds.", too_long.strip()
    )
    path = _write(tmp_path, "hygiene.toml", body)
    with pytest.raises(TopicFileError) as caught:
        load_topic_file(path)
    _assert_names(caught.value, path, "hand-washing", "posts[0].text")


def test_invalid_toml_names_the_file(tmp_path: Path) -> None:
    path = _write(tmp_path, "hygiene.toml", HEADER + "[[topics]\n")
    with pytest.raises(TopicFileError) as caught:
        load_topic_file(path)
    assert str(path) in str(caught.value)


def test_missing_id_names_topic_by_position(tmp_path: Path) -> None:
    path = _write(tmp_path, "hygiene.toml", HEADER + _topic().replace('id = "hand-washing"\n', ""))
    with pytest.raises(TopicFileError) as caught:
        load_topic_file(path)
    _assert_names(caught.value, path, "#1", "id")


# ------------------------------------------------------------------------------------------------
# Topic packs


def test_pack_round_trip(library: list[Topic]) -> None:
    pack = topics_to_pack(library)
    text = json.dumps(pack)
    assert topics_from_pack(json.loads(text), "pack.json") == library


def test_pack_is_validated_the_same_way(library: list[Topic]) -> None:
    pack = json.loads(json.dumps(topics_to_pack(library[:2])))
    pack["topics"][1]["citations"][0]["url"] = "ftp://example.org"
    with pytest.raises(TopicFileError) as caught:
        topics_from_pack(pack, "shared.json")
    assert caught.value.source == "shared.json"
    assert caught.value.topic_id == library[1].id
    assert caught.value.field == "citations[0].url"


def test_pack_rejects_duplicates_and_foreign_json(library: list[Topic]) -> None:
    pack = json.loads(json.dumps(topics_to_pack([library[0], library[0]])))
    with pytest.raises(TopicFileError, match="duplicates"):
        topics_from_pack(pack, "shared.json")
    with pytest.raises(TopicFileError, match="format"):
        topics_from_pack({"topics": []}, "other.json")


# ------------------------------------------------------------------------------------------------
# Every shipped text passes the compliance checker


PLATFORM_FOR_LENGTH = {"short": "x", "medium": "instagram", "long": "facebook"}

def test_every_post_passes_the_checker(library: list[Topic]) -> None:
    from composer import checking

    checker = checking.load_checker()
    context = checking.PracticeContext(name="Riverbend Family Medicine")
    problems: list[str] = []
    for topic in library:
        for post in topic.posts:
            request = checking.CheckRequest(
                text=post.text, kind="post", profile="practice", platform=PLATFORM_FOR_LENGTH[post.length]
            )
            for finding in checker.check(request, context):
                flagged = post.text[finding.start : finding.end]
                if finding.severity != "error":
                    continue
                problems.append(f"{topic.id} ({post.length}): {finding.rule} on {flagged!r}: {finding.message}")
    assert not problems, "\n".join(problems)
