"""what a check-in understood (issue 15: the reader)

checkins.reading: what the reader took from the four answers and the user kept (people,
gives, asks, follow-ups, as JSON), so the summary's buttons can drop or fix an item after a
restart or on another replica. checkins.summary_message_id: the summary's Telegram message,
edited in place when an answer is edited. followups.checkin_id: the check-in a follow-up was
read from, so dropping it from the summary drops that row and no other. Existing rows keep
NULL: nothing users already have is rewritten.

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-02 06:00:00

"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0009"
down_revision: str | Sequence[str] | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("checkins") as batch_op:
        batch_op.add_column(sa.Column("reading", sa.JSON(), nullable=True))
        batch_op.add_column(sa.Column("summary_message_id", sa.BigInteger(), nullable=True))
    with op.batch_alter_table("followups") as batch_op:
        batch_op.add_column(
            sa.Column(
                "checkin_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=True
            )
        )
        batch_op.create_foreign_key(
            batch_op.f("fk_followups_checkin_id_checkins"),
            "checkins",
            ["checkin_id"],
            ["id"],
            ondelete="SET NULL",
        )
        batch_op.create_index(batch_op.f("ix_followups_checkin_id"), ["checkin_id"])


def downgrade() -> None:
    with op.batch_alter_table("followups") as batch_op:
        batch_op.drop_index(batch_op.f("ix_followups_checkin_id"))
        batch_op.drop_constraint(batch_op.f("fk_followups_checkin_id_checkins"), type_="foreignkey")
        batch_op.drop_column("checkin_id")
    with op.batch_alter_table("checkins") as batch_op:
        batch_op.drop_column("summary_message_id")
        batch_op.drop_column("reading")
