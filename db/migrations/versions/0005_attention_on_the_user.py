"""attention on the user: the per-kind policy memory moves from nudge_states to users.attention

It is always read and written with the user's row, so the planner writes one row per user
instead of up to seven, and loads it without a query of its own.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-29 17:00:00

"""

from collections import defaultdict
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import db.types

revision: str = "0005"
down_revision: str | Sequence[str] | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_users = sa.table("users", sa.column("id", sa.BigInteger), sa.column("attention", sa.JSON))
_states = sa.table(
    "nudge_states",
    sa.column("user_id", sa.BigInteger),
    sa.column("kind", sa.String),
    sa.column("enabled", sa.Boolean),
    sa.column("last_due_at", db.types.UTCDateTime()),
    sa.column("ignored", sa.SmallInteger),
)


def upgrade() -> None:
    with op.batch_alter_table("users") as batch_op:
        batch_op.add_column(sa.Column("attention", sa.JSON(), nullable=True))
    bind = op.get_bind()
    memory: dict[int, dict[str, dict[str, object]]] = defaultdict(dict)
    for row in bind.execute(sa.select(_states)).mappings():
        due = row["last_due_at"]
        memory[row["user_id"]][row["kind"]] = {
            "on": bool(row["enabled"]),
            "due": due.isoformat() if due else None,
            "ignored": row["ignored"],
        }
    if memory:
        bind.execute(
            sa.update(_users)
            .where(_users.c.id == sa.bindparam("user_id"))
            .values(attention=sa.bindparam("memory")),
            [{"user_id": uid, "memory": kinds} for uid, kinds in memory.items()],
        )
    op.drop_table("nudge_states")


def downgrade() -> None:
    from datetime import datetime

    op.create_table(
        "nudge_states",
        sa.Column("user_id", sa.BigInteger(), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("enabled", sa.Boolean(), nullable=False),
        sa.Column("last_due_at", db.types.UTCDateTime(), nullable=True),
        sa.Column("ignored", sa.SmallInteger(), nullable=False),
        sa.ForeignKeyConstraint(
            ["user_id"],
            ["users.id"],
            name=op.f("fk_nudge_states_user_id_users"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("user_id", "kind", name=op.f("pk_nudge_states")),
    )
    bind = op.get_bind()
    rows = [
        {
            "user_id": uid,
            "kind": kind,
            "enabled": bool(state.get("on", True)),
            "last_due_at": datetime.fromisoformat(state["due"]) if state.get("due") else None,
            "ignored": int(state.get("ignored", 0)),
        }
        for uid, memory in bind.execute(sa.select(_users.c.id, _users.c.attention))
        if memory
        for kind, state in memory.items()
    ]
    if rows:
        bind.execute(sa.insert(_states), rows)
    with op.batch_alter_table("users") as batch_op:
        batch_op.drop_column("attention")
