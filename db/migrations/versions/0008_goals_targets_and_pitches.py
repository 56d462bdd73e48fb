"""goals, target companies and pitch versions (issue 8, "Aim and see")

goals: one row per user with the three answers of /goal (what you want, the roles who can help,
where those people gather), each NULL when skipped. goal_targets: the target companies, one row
each in the order given, hanging off the goal (deleting a goal deletes its targets). pitches:
every version of the elevator pitch, the newest being the current one. users.goal_offered_at:
when the check-in summary offered /goal, so it is offered once.

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-29 16:00:00

"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import db.types

revision: str = "0008"
down_revision: str | Sequence[str] | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "goals",
        sa.Column("user_id", sa.BigInteger(), nullable=False),
        sa.Column("want", sa.String(length=300), nullable=True),
        sa.Column("roles", sa.String(length=300), nullable=True),
        sa.Column("gather", sa.String(length=300), nullable=True),
        sa.Column("created_at", db.types.UTCDateTime(), nullable=False),
        sa.Column("updated_at", db.types.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["user_id"], ["users.id"], name=op.f("fk_goals_user_id_users"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("user_id", name=op.f("pk_goals")),
    )
    op.create_table(
        "goal_targets",
        sa.Column("id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("user_id", sa.BigInteger(), nullable=False),
        sa.Column("position", sa.SmallInteger(), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("created_at", db.types.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["user_id"],
            ["goals.user_id"],
            name=op.f("fk_goal_targets_user_id_goals"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_goal_targets")),
        sa.UniqueConstraint("user_id", "position", name=op.f("uq_goal_targets_user_id_position")),
    )
    op.create_table(
        "pitches",
        sa.Column("id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("user_id", sa.BigInteger(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("created_at", db.types.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["user_id"], ["users.id"], name=op.f("fk_pitches_user_id_users"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_pitches")),
    )
    with op.batch_alter_table("pitches") as batch_op:
        batch_op.create_index(
            "ix_pitches_user_id_created_at", ["user_id", "created_at"], unique=False
        )
    with op.batch_alter_table("users") as batch_op:
        batch_op.add_column(sa.Column("goal_offered_at", db.types.UTCDateTime(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("users") as batch_op:
        batch_op.drop_column("goal_offered_at")
    with op.batch_alter_table("pitches") as batch_op:
        batch_op.drop_index("ix_pitches_user_id_created_at")
    op.drop_table("pitches")
    op.drop_table("goal_targets")
    op.drop_table("goals")
