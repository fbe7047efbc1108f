"""Citations, images, ignores and the practice's own words and topics, kept per post and per practice."""

from __future__ import annotations

from composer.domain.model import Platform, ProfileKind, Role
from composer.services.workspace import Workspace


def _post(workspace: Workspace) -> tuple[int, int, int]:
    with workspace.store() as store:
        practice = store.practices.add("Lakeside Pediatrics")
        profile = store.profiles.add(practice.id, ProfileKind.PRACTICE, "Lakeside Pediatrics")
        user = store.users.add("Maria Santos", Role.STAFF)
        post = store.posts.add(profile.id, Platform.FACEBOOK, "Flu shots are here.")
        return practice.id, post.id, user.id


def test_citations_and_images_are_replaced_in_order(workspace: Workspace) -> None:
    _, post_id, _ = _post(workspace)
    with workspace.store() as store:
        store.extras.replace_citations(post_id, [("CDC", "Flu vaccine", "https://www.cdc.gov/flu/", "flu")])
        store.extras.replace_citations(
            post_id,
            [
                ("CDC", "Flu vaccine", "https://www.cdc.gov/flu/", "flu"),
                ("WHO", "Influenza", "https://www.who.int/", ""),
            ],
        )
        store.extras.replace_images(post_id, [("clinic.jpg", "Our lobby"), ("nurse.jpg", "")])
    with workspace.store() as store:
        assert [c.organization for c in store.extras.citations(post_id)] == ["CDC", "WHO"]
        assert [(i.file_name, i.alt_text) for i in store.extras.images(post_id)] == [
            ("clinic.jpg", "Our lobby"),
            ("nurse.jpg", ""),
        ]


def test_ignore_here_keeps_the_reason(workspace: Workspace) -> None:
    _, post_id, user_id = _post(workspace)
    with workspace.store() as store:
        store.extras.add_ignore(post_id, "phi.person-name", "Rosie", "Rosie is the clinic's therapy dog", user_id)
    with workspace.store() as store:
        (ignore,) = store.extras.ignores(post_id)
    assert (ignore.rule, ignore.span_text, ignore.user_id) == ("phi.person-name", "Rosie", user_id)
    assert "therapy dog" in ignore.reason


def test_practice_words_are_kept_once(workspace: Workspace) -> None:
    practice_id, _, user_id = _post(workspace)
    with workspace.store() as store:
        assert store.vocabulary.add_word(practice_id, "Riverbend", user_id)
        assert not store.vocabulary.add_word(practice_id, "Riverbend", user_id)
        store.vocabulary.add_word(practice_id, "Ortega", None)
    with workspace.store() as store:
        assert store.vocabulary.words(practice_id) == frozenset({"Riverbend", "Ortega"})


def test_practice_topics_insert_replace_and_delete(workspace: Workspace) -> None:
    practice_id, _, _ = _post(workspace)
    with workspace.store() as store:
        store.vocabulary.save_topic(practice_id, "walk-with-a-doc", {"title": "Walk with a Doc"})
        store.vocabulary.save_topic(practice_id, "walk-with-a-doc", {"title": "Walk with a Doc, Saturdays"})
    with workspace.store() as store:
        (topic,) = store.vocabulary.topics(practice_id)
        assert topic.data == {"title": "Walk with a Doc, Saturdays"}
        assert store.vocabulary.delete_topic(practice_id, "walk-with-a-doc")
        assert store.vocabulary.topics(practice_id) == []
