"""clear column names: outbox.nudge_kind, checkin_answers.answer_type

Three tables had a column called `kind`, each meaning something else. Interactions keep
theirs (met, give, ask, ...); the outbox's says which nudge a message is, and an answer's says
how the question was answered.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-29 13:00:00

"""

from collections.abc import Sequence

from alembic import op

revision: str = "0003"
down_revision: str | Sequence[str] | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("outbox") as batch_op:
        batch_op.alter_column("kind", new_column_name="nudge_kind")
    with op.batch_alter_table("checkin_answers") as batch_op:
        batch_op.alter_column("kind", new_column_name="answer_type")


def downgrade() -> None:
    with op.batch_alter_table("checkin_answers") as batch_op:
        batch_op.alter_column("answer_type", new_column_name="kind")
    with op.batch_alter_table("outbox") as batch_op:
        batch_op.alter_column("nudge_kind", new_column_name="kind")
