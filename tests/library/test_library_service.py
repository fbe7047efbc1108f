"""The topic library service: search, practice topics (SQLite and PostgreSQL), packs and draft seeds."""

from __future__ import annotations

import json
import time
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from composer.domain.errors import ComposerError
from composer.domain.topics import PACK_FORMAT, topics_to_pack
from composer.services.library import (
    DraftSeed,
    NoPracticeError,
    TopicLibrary,
    TopicPackError,
    delete_practice_topic,
    export_pack,
    import_pack,
    save_practice_topic,
    seed_from_topic,
    shipped_topics,
    slugify,
    topic_from_form,
)
from composer.services.workspace import Workspace
from tests.library.helpers import own_topic, practice_with_user

# --- search ------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def library() -> TopicLibrary:
    return TopicLibrary.load(None)


def test_every_query_word_must_match(library: TopicLibrary) -> None:
    hits = library.search("blood pressure")
    assert hits and all(
        "blood" in blob and "pressure" in blob
        for blob in (" ".join([t.title, t.summary, *t.key_points, *t.hashtags]).lower() for t in hits)
    )
    assert library.search("blood zzzunknown") == []


def test_search_is_case_and_accent_insensitive_and_matches_prefixes(library: TopicLibrary) -> None:
    assert library.search("VACC") == library.search("vacc")
    assert library.search("vaccíne") == library.search("vaccine")
    assert any(t.category == "vaccines" for t in library.search("vacc"))


def test_title_hits_rank_first(library: TopicLibrary) -> None:
    hits = library.search("blood pressure")
    assert "blood pressure" in hits[0].title.lower()
    ranks = ["blood" in t.title.lower() and "pressure" in t.title.lower() for t in hits]
    assert ranks == sorted(ranks, reverse=True)


def test_empty_query_lists_everything_in_library_order(library: TopicLibrary) -> None:
    assert library.search("") == library.all() == list(shipped_topics())


def test_filters_by_category_month_and_audience(library: TopicLibrary) -> None:
    vaccines = library.search(category="vaccines")
    assert vaccines and {t.category for t in vaccines} == {"vaccines"}
    october = library.search(month=10)
    assert october and all(10 in t.months for t in october)
    parents = library.search(audience="parents")
    assert parents and all("parents" in t.audience for t in parents)
    both = library.search("vaccine", category="vaccines", audience="parents")
    assert set(both) <= set(vaccines) & set(parents)


def test_categories_and_audiences_feed_the_filters(library: TopicLibrary) -> None:
    categories = dict(library.categories())
    assert categories["vaccines"] == "Vaccines"
    assert len(categories) == len({t.category for t in library.all()})
    assert "parents" in library.audiences()


def test_search_is_fast_enough_to_run_on_every_keystroke(library: TopicLibrary) -> None:
    big = TopicLibrary([replace(t, id=f"{t.id}-{n}") for n in range(3) for t in library.all()])
    assert len(big.all()) >= 100
    start = time.perf_counter()
    for query in ("h", "he", "hea", "heart", "heart b", "heart blood"):
        big.search(query, month=2)
    assert (time.perf_counter() - start) / 6 < 0.005


def test_due_for_review_uses_the_given_day(library: TopicLibrary) -> None:
    first_due = min(t.review_by for t in library.all())
    assert library.due_for_review(date(2000, 1, 1)) == []
    due = library.due_for_review(first_due)
    assert due and all(t.review_by <= first_due for t in due)
    assert len(library.due_for_review(date(2100, 1, 1))) == len(library.all())


def test_slugs_are_valid_ids_and_never_collide(library: TopicLibrary) -> None:
    assert slugify("Flu shots: what's new in 2026?") == "flu-shots-what-s-new-in-2026"
    taken = library.all()[0]
    assert library.unique_id(taken.id) == f"{taken.id}-2"


# --- draft seeds -------------------------------------------------------------------------------------


def test_seed_carries_the_post_text_and_every_citation(library: TopicLibrary) -> None:
    topic = library.all()[0]
    seed = seed_from_topic(topic)
    assert isinstance(seed, DraftSeed)
    assert seed.text == topic.short_post().text
    assert seed.citations == topic.citations and seed.topic_id == topic.id and seed.topic_title == topic.title
    long_post = next(p for p in topic.posts if p.length == "long")
    assert seed_from_topic(topic, "long").text == long_post.text
    assert seed_from_topic(topic, long_post).text == long_post.text


# --- practice topics (database) ----------------------------------------------------------------------


def audit_actions(workspace: Workspace) -> list[tuple[str, dict[str, str]]]:
    with workspace.store() as store:
        return [(entry.action, dict(entry.detail)) for entry in store.audit.all()]


def test_practice_topics_are_stored_flagged_and_audited(workspace: Workspace) -> None:
    user = practice_with_user(workspace)
    save_practice_topic(workspace, user, own_topic(review_by=date(2026, 1, 1)))
    library = TopicLibrary.load(workspace)
    topic = library.get("our-walking-club")
    assert topic is not None and library.is_practice_topic(topic.id)
    assert not library.is_practice_topic(library.all()[0].id)
    assert ("practice-news", "Practice News") in library.categories()
    assert library.due_for_review(date(2026, 6, 1)) == [topic]
    assert ("topic.saved", {"slug": "our-walking-club"}) in audit_actions(workspace)

    assert delete_practice_topic(workspace, user, "our-walking-club")
    assert TopicLibrary.load(workspace).get("our-walking-club") is None
    assert ("topic.deleted", {"slug": "our-walking-club"}) in audit_actions(workspace)
    assert not delete_practice_topic(workspace, user, "our-walking-club")


def test_a_practice_topic_shadows_the_shipped_one_with_its_id(workspace: Workspace) -> None:
    user = practice_with_user(workspace)
    shipped = shipped_topics()[0]
    save_practice_topic(workspace, user, replace(shipped, title="Our own version"))
    library = TopicLibrary.load(workspace)
    assert [t.title for t in library.all() if t.id == shipped.id] == ["Our own version"]
    assert library.is_practice_topic(shipped.id)
    assert library.all().index(library.get(shipped.id)) == 0  # keeps the shipped topic's place
    delete_practice_topic(workspace, user, shipped.id)
    restored = TopicLibrary.load(workspace)
    assert restored.get(shipped.id) == shipped and not restored.is_practice_topic(shipped.id)


def test_saving_revalidates_a_topic(workspace: Workspace) -> None:
    user = practice_with_user(workspace)
    with pytest.raises(TopicPackError, match="citations"):
        save_practice_topic(workspace, user, replace(own_topic(), citations=own_topic().citations[:1]))
    assert TopicLibrary.load(workspace).practice_topics() == []


def test_practice_topics_need_a_practice(workspace: Workspace) -> None:
    with workspace.store() as store:
        from composer.domain.model import Role

        user = store.users.add("Nobody", Role.ADMIN)
    with pytest.raises(NoPracticeError):
        save_practice_topic(workspace, user, own_topic())


# --- packs -------------------------------------------------------------------------------------------


def test_import_export_round_trip(workspace: Workspace, tmp_path: Path) -> None:
    user = practice_with_user(workspace)
    topics = [own_topic("walking-club"), own_topic("flu-clinic-hours", title="Flu clinic hours")]
    folder = tmp_path / "packs"
    folder.mkdir()
    source = export_pack(topics, folder / "ours.json")
    assert json.loads(source.read_text(encoding="utf-8"))["format"] == PACK_FORMAT
    assert [p.name for p in folder.iterdir()] == ["ours.json"]  # no temporary file left behind

    result = import_pack(workspace, user, source)
    assert result.added == ("walking-club", "flu-clinic-hours") and result.replaced == ()
    assert result.sentence() == "Imported 2 topics from ours.json."
    library = TopicLibrary.load(workspace)
    assert {t.id for t in library.practice_topics()} == {"walking-club", "flu-clinic-hours"}

    again = export_pack(library.practice_topics(), folder / "again.json")
    second = import_pack(workspace, user, again)
    assert set(second.replaced) == {"walking-club", "flu-clinic-hours"} and second.added == ()
    assert sorted(TopicLibrary.load(workspace).practice_topics(), key=lambda t: t.id) == sorted(
        topics, key=lambda t: t.id
    )


def test_a_malformed_pack_names_file_topic_and_field_and_writes_nothing(workspace: Workspace, tmp_path: Path) -> None:
    user = practice_with_user(workspace)
    pack = topics_to_pack([own_topic("good-one"), own_topic("bad-one")])
    del pack["topics"][1]["citations"][0]["url"]
    path = tmp_path / "broken.json"
    path.write_text(json.dumps(pack), encoding="utf-8")
    before = audit_actions(workspace)

    with pytest.raises(ComposerError) as caught:
        import_pack(workspace, user, path)
    message = str(caught.value)
    assert "broken.json" in message and "'bad-one'" in message and "citations[0].url" in message
    assert message.count(". ") == 0 and message.endswith(".") and "\n" not in message
    assert TopicLibrary.load(workspace).practice_topics() == []
    assert audit_actions(workspace) == before


@pytest.mark.parametrize(
    ("content", "phrase"),
    [("{not json", "not valid JSON"), ('{"format": "something-else"}', "not a Clinic Composer topic pack")],
)
def test_a_file_that_is_not_a_pack_is_refused_in_one_sentence(
    workspace: Workspace, tmp_path: Path, content: str, phrase: str
) -> None:
    user = practice_with_user(workspace)
    path = tmp_path / "other.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(TopicPackError, match=phrase) as caught:
        import_pack(workspace, user, path)
    assert str(caught.value).startswith(str(path))
    assert TopicLibrary.load(workspace).practice_topics() == []


def test_export_to_an_unwritable_place_is_one_sentence(tmp_path: Path) -> None:
    with pytest.raises(ComposerError, match="Could not write the topic pack"):
        export_pack([own_topic()], tmp_path / "missing-folder" / "x.json")


# --- the form ----------------------------------------------------------------------------------------


def form(**changes: object) -> dict[str, object]:
    fields: dict[str, object] = topics_to_pack([own_topic()])["topics"][0]
    fields.update(changes)
    return fields


def test_the_form_uses_the_library_rules() -> None:
    topic = topic_from_form(form())
    assert topic == own_topic()
    with pytest.raises(TopicPackError) as caught:
        topic_from_form(form(review_by="next year"))
    assert caught.value.field == "review_by" and "YYYY-MM-DD" in str(caught.value)
    with pytest.raises(TopicPackError) as caught:
        topic_from_form(form(key_points=["Only one point."]))
    assert caught.value.field == "key_points"
