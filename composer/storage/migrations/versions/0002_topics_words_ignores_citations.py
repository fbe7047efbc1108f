"""Practice topics, practice words, ignores, citations and images

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-22
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "practice_topics",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("practice_id", sa.Integer(), nullable=False),
        sa.Column("slug", sa.String(length=120), nullable=False),
        sa.Column("data", sa.JSON(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["practice_id"], ["practices.id"], name=op.f("fk_practice_topics_practice_id_practices"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_practice_topics")),
        sa.UniqueConstraint("practice_id", "slug", name="uq_practice_topics_practice_slug"),
    )
    with op.batch_alter_table("practice_topics", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_practice_topics_practice_id"), ["practice_id"], unique=False)

    op.create_table(
        "practice_words",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("practice_id", sa.Integer(), nullable=False),
        sa.Column("word", sa.String(length=100), nullable=False),
        sa.Column("added_by", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["added_by"], ["users.id"], name=op.f("fk_practice_words_added_by_users"), ondelete="SET NULL"
        ),
        sa.ForeignKeyConstraint(
            ["practice_id"], ["practices.id"], name=op.f("fk_practice_words_practice_id_practices"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_practice_words")),
        sa.UniqueConstraint("practice_id", "word", name="uq_practice_words_practice_word"),
    )
    with op.batch_alter_table("practice_words", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_practice_words_practice_id"), ["practice_id"], unique=False)

    op.create_table(
        "finding_ignores",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("post_id", sa.Integer(), nullable=False),
        sa.Column("rule", sa.String(length=120), nullable=False),
        sa.Column("span_text", sa.Text(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["post_id"], ["posts.id"], name=op.f("fk_finding_ignores_post_id_posts"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["user_id"], ["users.id"], name=op.f("fk_finding_ignores_user_id_users"), ondelete="SET NULL"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_finding_ignores")),
    )
    with op.batch_alter_table("finding_ignores", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_finding_ignores_post_id"), ["post_id"], unique=False)

    op.create_table(
        "post_citations",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("post_id", sa.Integer(), nullable=False),
        sa.Column("organization", sa.String(length=200), nullable=False),
        sa.Column("title", sa.String(length=400), nullable=False),
        sa.Column("url", sa.String(length=1000), nullable=False),
        sa.Column("topic_slug", sa.String(length=120), nullable=False),
        sa.ForeignKeyConstraint(
            ["post_id"], ["posts.id"], name=op.f("fk_post_citations_post_id_posts"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_post_citations")),
    )
    with op.batch_alter_table("post_citations", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_post_citations_post_id"), ["post_id"], unique=False)

    op.create_table(
        "post_images",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("post_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("file_name", sa.String(length=400), nullable=False),
        sa.Column("alt_text", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["post_id"], ["posts.id"], name=op.f("fk_post_images_post_id_posts"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_post_images")),
    )
    with op.batch_alter_table("post_images", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_post_images_post_id"), ["post_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("post_images", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_post_images_post_id"))

    op.drop_table("post_images")
    with op.batch_alter_table("post_citations", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_post_citations_post_id"))

    op.drop_table("post_citations")
    with op.batch_alter_table("finding_ignores", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_finding_ignores_post_id"))

    op.drop_table("finding_ignores")
    with op.batch_alter_table("practice_words", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_practice_words_practice_id"))

    op.drop_table("practice_words")
    with op.batch_alter_table("practice_topics", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_practice_topics_practice_id"))

    op.drop_table("practice_topics")
