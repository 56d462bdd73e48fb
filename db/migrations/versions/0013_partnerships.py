"""accountability partners: partnerships, invites, and what a user shares

partners: one row per side of a partnership (user_id sees partner_id), with that side's memory
(the last cheer, the planner's last "quiet for two days", a nudge waiting and the last one
sent). partner_invites: single-use links for a week, by the SHA-256 of their token.
users.partner_share: what partners see (all, days, streak); everyone starts with "all".

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-02 15:00:00

"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import db.types

revision: str = "0013"
down_revision: str | Sequence[str] | None = "0012"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def upgrade() -> None:
    with op.batch_alter_table("users") as batch_op:
        batch_op.add_column(
            sa.Column("partner_share", sa.String(length=16), server_default="all", nullable=False)
        )
    op.create_table(
        "partners",
        sa.Column("id", ID, nullable=False),
        sa.Column("user_id", sa.BigInteger(), nullable=False),
        sa.Column("partner_id", sa.BigInteger(), nullable=False),
        sa.Column("since", db.types.UTCDateTime(), nullable=False),
        sa.Column("cheered_on", sa.Date(), nullable=True),
        sa.Column("suggested_at", db.types.UTCDateTime(), nullable=True),
        sa.Column("nudge_requested_at", db.types.UTCDateTime(), nullable=True),
        sa.Column("nudged_at", db.types.UTCDateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["user_id"], ["users.id"], name=op.f("fk_partners_user_id_users"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["partner_id"],
            ["users.id"],
            name=op.f("fk_partners_partner_id_users"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_partners")),
        sa.UniqueConstraint("user_id", "partner_id", name=op.f("uq_partners_user_id_partner_id")),
    )
    with op.batch_alter_table("partners") as batch_op:
        batch_op.create_index("ix_partners_partner_id", ["partner_id"], unique=False)
    op.create_table(
        "partner_invites",
        sa.Column("id", ID, nullable=False),
        sa.Column("user_id", sa.BigInteger(), nullable=False),
        sa.Column("token_hash", sa.String(length=64), nullable=False),
        sa.Column("created_at", db.types.UTCDateTime(), nullable=False),
        sa.Column("expires_at", db.types.UTCDateTime(), nullable=False),
        sa.Column("used_at", db.types.UTCDateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["user_id"],
            ["users.id"],
            name=op.f("fk_partner_invites_user_id_users"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_partner_invites")),
        sa.UniqueConstraint("token_hash", name=op.f("uq_partner_invites_token_hash")),
    )
    with op.batch_alter_table("partner_invites") as batch_op:
        batch_op.create_index(op.f("ix_partner_invites_user_id"), ["user_id"], unique=False)


def downgrade() -> None:
    op.drop_table("partner_invites")
    op.drop_table("partners")
    with op.batch_alter_table("users") as batch_op:
        batch_op.drop_column("partner_share")
