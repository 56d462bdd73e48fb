"""inbox: every update is stored before Telegram is told it arrived, and handled from there

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-29 19:00:00

"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import db.types

revision: str = "0007"
down_revision: str | Sequence[str] | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "inbox",
        sa.Column("id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("update_id", sa.BigInteger(), nullable=False),
        sa.Column("chat_id", sa.BigInteger(), nullable=False),
        sa.Column("user_id", sa.BigInteger(), nullable=True),
        sa.Column("payload", sa.JSON(), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("attempts", sa.SmallInteger(), nullable=False),
        sa.Column("owner", sa.String(length=64), nullable=True),
        sa.Column("lease_until", db.types.UTCDateTime(), nullable=True),
        sa.Column("received_at", db.types.UTCDateTime(), nullable=False),
        sa.Column("done_at", db.types.UTCDateTime(), nullable=True),
        sa.Column("last_error", sa.String(length=500), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_inbox")),
        sa.UniqueConstraint("update_id", name=op.f("uq_inbox_update_id")),
    )
    with op.batch_alter_table("inbox") as batch_op:
        batch_op.create_index("ix_inbox_status_chat_id_id", ["status", "chat_id", "id"])
        batch_op.create_index("ix_inbox_user_id", ["user_id"])


def downgrade() -> None:
    with op.batch_alter_table("inbox") as batch_op:
        batch_op.drop_index("ix_inbox_user_id")
        batch_op.drop_index("ix_inbox_status_chat_id_id")
    op.drop_table("inbox")
