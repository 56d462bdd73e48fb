"""onboarding state (a command other than /start no longer signs anyone up for messages)

users.onboarded_at: when /start's questions were answered or skipped on purpose; NULL for a
row another command made (/followup, /checkin, … from someone who never ran /start, or ran
/forget), which the planner never claims, so no automatic message goes to them. Existing rows
are marked onboarded at their creation: everyone had been getting their check-ins, and they
keep getting them (this rewrites nothing a user sees).

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-03 09:00:00

"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import db.types

revision: str = "0010"
down_revision: str | Sequence[str] | None = "0009"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("users") as batch_op:
        batch_op.add_column(sa.Column("onboarded_at", db.types.UTCDateTime(), nullable=True))
    users = sa.table("users", sa.column("onboarded_at"), sa.column("created_at"))
    op.execute(users.update().values(onboarded_at=users.c.created_at))


def downgrade() -> None:
    with op.batch_alter_table("users") as batch_op:
        batch_op.drop_column("onboarded_at")
