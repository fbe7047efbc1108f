"""Repositories: round trips, optimistic locking, revisions, UTC times and the audit hash chain."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest
from sqlalchemy import text

from composer.domain.errors import ConcurrentEditError, NotFoundError
from composer.domain.model import Platform, PostKind, PostStatus, ProfileKind, Role
from composer.services.audit import verify
from composer.services.workspace import Workspace


def _profile(workspace: Workspace) -> int:
    with workspace.store() as store:
        practice = store.practices.add("Lakeside Pediatrics", phone="(555) 010-2000")
        return store.profiles.add(practice.id, ProfileKind.PRACTICE, "Lakeside Pediatrics").id


def test_post_round_trip_keeps_unicode_and_utc(workspace: Workspace) -> None:
    profile_id = _profile(workspace)
    when = datetime(2026, 12, 1, 9, 30, tzinfo=timezone(timedelta(hours=-6)))
    body = "Flu shots today 💉 — ¡bienvenidos! שלום"
    with workspace.store() as store:
        post = store.posts.add(profile_id, Platform.INSTAGRAM, body, scheduled_at=when)
    with workspace.store() as store:
        again = store.posts.get(post.id)
    assert again.body == body
    assert again.scheduled_at == when
    assert again.scheduled_at is not None and again.scheduled_at.tzinfo is not None
    assert again.scheduled_at.utcoffset() == timedelta(0)


def test_two_workstations_cannot_silently_overwrite_each_other(workspace: Workspace) -> None:
    profile_id = _profile(workspace)
    with workspace.store() as store:
        original = store.posts.add(profile_id, Platform.FACEBOOK, "first words")
    with workspace.store() as store:
        store.posts.update(original.id, original.version, body="saved at the front desk")
    with pytest.raises(ConcurrentEditError), workspace.store() as store:
        store.posts.update(original.id, original.version, body="saved in the back office")
    with workspace.store() as store:
        assert store.posts.get(original.id).body == "saved at the front desk"


def test_every_body_change_keeps_a_revision(workspace: Workspace) -> None:
    profile_id = _profile(workspace)
    with workspace.store() as store:
        post = store.posts.add(profile_id, Platform.X, "one")
        post = store.posts.update(post.id, post.version, body="two")
        post = store.posts.update(post.id, post.version, status=PostStatus.IN_REVIEW)
        post = store.posts.update(post.id, post.version, body="three")
        revisions = store.posts.revisions(post.id)
    assert [r.body for r in revisions] == ["one", "two", "three"]
    assert [r.version for r in revisions] == sorted(r.version for r in revisions)


def test_missing_post_is_a_plain_message(workspace: Workspace) -> None:
    with pytest.raises(NotFoundError, match="no longer exists"), workspace.store() as store:
        store.posts.get(999)


def test_failed_action_leaves_nothing_half_written(workspace: Workspace) -> None:
    profile_id = _profile(workspace)
    with pytest.raises(RuntimeError), workspace.store() as store:
        store.posts.add(profile_id, Platform.X, "half")
        raise RuntimeError("the user's action failed midway")
    with workspace.store() as store:
        assert store.posts.list() == []


def test_listing_filters_by_status_and_window(workspace: Workspace) -> None:
    profile_id = _profile(workspace)
    start = datetime(2026, 12, 1, tzinfo=UTC)
    with workspace.store() as store:
        for day, status in enumerate((PostStatus.SCHEDULED, PostStatus.DRAFT, PostStatus.SCHEDULED)):
            store.posts.add(
                profile_id, Platform.X, f"post {day}", status=status, scheduled_at=start + timedelta(days=day)
            )
        found = store.posts.list(statuses=(PostStatus.SCHEDULED,), scheduled_to=start + timedelta(days=2))
        counts = store.posts.count_by_status()
    assert [p.body for p in found] == ["post 0"]
    assert counts == {PostStatus.SCHEDULED: 2, PostStatus.DRAFT: 1}


def test_audit_chain_verifies_and_detects_tampering(workspace: Workspace) -> None:
    with workspace.store() as store:
        user = store.users.add("Maria Santos", Role.STAFF)
        for number in range(5):
            store.audit.append("post.created", "post", number, actor_id=user.id, detail={"n": str(number)})
    assert verify(workspace).intact
    # A person with database access edits history: drop the guard, change an entry, restore the guard.
    engine = workspace.database.engine
    with engine.begin() as connection:
        if engine.dialect.name == "sqlite":
            connection.execute(text("DROP TRIGGER audit_log_no_update"))
        else:
            connection.execute(text("ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only"))
        connection.execute(text("UPDATE audit_log SET action = 'post.deleted' WHERE id = 3"))
    verdict = verify(workspace)
    assert not verdict.intact
    assert verdict.broken_at is not None and verdict.broken_at.id == 3
    assert "entry 3" in verdict.sentence()


def test_demo_fills_every_status_and_both_profiles(demo_workspace: Workspace) -> None:
    with demo_workspace.store() as store:
        counts = store.posts.count_by_status()
        profiles = store.profiles.all()
        users = store.users.all()
        posts = store.posts.list()
    assert set(counts) == set(PostStatus)
    assert {p.kind for p in profiles} == {ProfileKind.PRACTICE, ProfileKind.PERSONAL}
    assert {u.role for u in users} == set(Role)
    assert {p.platform for p in posts} == set(Platform)
    assert any(p.kind is PostKind.REPLY for p in posts)
    dated = [p.scheduled_at for p in posts if p.scheduled_at]
    assert max(dated) - min(dated) >= timedelta(days=80)
    assert verify(demo_workspace).intact


def test_demo_has_practice_topics_one_due_for_review(demo_workspace: Workspace) -> None:
    from datetime import date

    from composer.services.library import TopicLibrary

    library = TopicLibrary.load(demo_workspace)
    own = [t for t in library.all() if library.is_practice_topic(t.id)]
    assert len(own) == 2
    assert [t.id for t in own if t.is_due_for_review(date.today())] == ["riverbend-walk-with-us"]
