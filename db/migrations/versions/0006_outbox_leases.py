"""outbox leases: a dispatcher holds rows with a lease and marks each one as it hands it over

Rows that were `sending` when this version arrived had been handed to Telegram with no
recorded outcome: they become `ambiguous` (never retried).

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-29 18:00:00

"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import db.types

revision: str = "0006"
down_revision: str | Sequence[str] | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_outbox = sa.table("outbox", sa.column("status", sa.String))


def upgrade() -> None:
    with op.batch_alter_table("outbox") as batch_op:
        batch_op.add_column(sa.Column("owner", sa.String(length=64), nullable=True))
        batch_op.add_column(sa.Column("lease_until", db.types.UTCDateTime(), nullable=True))
        batch_op.add_column(sa.Column("handed_at", db.types.UTCDateTime(), nullable=True))
    op.get_bind().execute(
        sa.update(_outbox).where(_outbox.c.status == "sending").values(status="ambiguous")
    )


def downgrade() -> None:
    op.get_bind().execute(
        sa.update(_outbox).where(_outbox.c.status == "ambiguous").values(status="failed")
    )
    with op.batch_alter_table("outbox") as batch_op:
        batch_op.drop_column("handed_at")
        batch_op.drop_column("lease_until")
        batch_op.drop_column("owner")
