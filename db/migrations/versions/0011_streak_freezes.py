"""streak freezes and milestones: what the user was already told

Freezes themselves are not stored: they follow from the check-ins and pauses
(domain.streaks). What is stored is what cannot be recomputed, the bot's own memory of what it
said, so that each thing is said once:

users.freeze_noted_on: the latest day a freeze covered that a message already mentioned
("A freeze covered Tuesday; 1 left"); NULL until one was.
users.streak_milestone: the highest streak milestone (7, 30, 100, 365) celebrated; 0 for none.

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-02 15:00:00

"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0011"
down_revision: str | Sequence[str] | None = "0010"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("users") as batch_op:
        batch_op.add_column(sa.Column("freeze_noted_on", sa.Date(), nullable=True))
        batch_op.add_column(
            sa.Column("streak_milestone", sa.SmallInteger(), nullable=False, server_default="0")
        )


def downgrade() -> None:
    with op.batch_alter_table("users") as batch_op:
        batch_op.drop_column("streak_milestone")
        batch_op.drop_column("freeze_noted_on")
