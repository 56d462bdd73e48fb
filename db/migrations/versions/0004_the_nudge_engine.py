"""the nudge engine: one wake-up per user, the attention policy's memory, pauses, modes

users: next_checkin_at becomes next_daily_at (the check-in time, every day); wake_at (the
planner's index), last_active_at, last_nudged_at, re-engagement, mode, quiet hours and review
day. contacts: keep_warm_due_on replaces keep_warm_nudged_on, so the planner reads only the
contacts that are due. followups: at_chosen_time. New tables nudge_states and pauses.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-29 15:00:00

"""

from collections.abc import Sequence
from datetime import date, time, timedelta

import sqlalchemy as sa
from alembic import op

import db.types

revision: str = "0004"
down_revision: str | Sequence[str] | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# Frozen copies of the rules at the time of this migration (the code may change later).
_TIER_DAYS = {"decision_maker": 30, "insider": 21, "connector": 45, "peer": 60}
_QUIET = (time(21, 0), time(8, 0))

_users = sa.table(
    "users",
    sa.column("id", sa.BigInteger),
    sa.column("next_daily_at", db.types.UTCDateTime()),
    sa.column("wake_at", db.types.UTCDateTime()),
    sa.column("quiet_start", sa.Time),
    sa.column("quiet_end", sa.Time),
)
_followups = sa.table(
    "followups",
    sa.column("user_id", sa.BigInteger),
    sa.column("status", sa.String),
    sa.column("next_nudge_at", db.types.UTCDateTime()),
)
_contacts = sa.table(
    "contacts",
    sa.column("id", sa.BigInteger),
    sa.column("tier", sa.String),
    sa.column("keep_in_touch_days", sa.SmallInteger),
    sa.column("last_interaction_on", sa.Date),
    sa.column("created_at", db.types.UTCDateTime()),
    sa.column("keep_warm_nudged_on", sa.Date),
    sa.column("keep_warm_due_on", sa.Date),
)


def upgrade() -> None:
    with op.batch_alter_table("users") as batch_op:
        batch_op.alter_column("next_checkin_at", new_column_name="next_daily_at")
        batch_op.add_column(sa.Column("wake_at", db.types.UTCDateTime(), nullable=True))
        batch_op.add_column(sa.Column("last_active_at", db.types.UTCDateTime(), nullable=True))
        batch_op.add_column(sa.Column("last_nudged_at", db.types.UTCDateTime(), nullable=True))
        batch_op.add_column(sa.Column("reengage_since", db.types.UTCDateTime(), nullable=True))
        batch_op.add_column(sa.Column("reengaged_at", db.types.UTCDateTime(), nullable=True))
        batch_op.add_column(
            sa.Column("mode", sa.String(length=16), server_default="searching", nullable=False)
        )
        batch_op.add_column(sa.Column("quiet_start", sa.Time(), nullable=True))
        batch_op.add_column(sa.Column("quiet_end", sa.Time(), nullable=True))
        batch_op.add_column(
            sa.Column("review_day", sa.SmallInteger(), server_default="4", nullable=False)
        )
        batch_op.drop_index("ix_users_due")
        batch_op.create_index("ix_users_wake", ["active", "wake_at"], unique=False)
    with op.batch_alter_table("contacts") as batch_op:
        batch_op.add_column(sa.Column("keep_warm_due_on", sa.Date(), nullable=True))
    with op.batch_alter_table("followups") as batch_op:
        batch_op.add_column(
            sa.Column("at_chosen_time", sa.Boolean(), server_default=sa.true(), nullable=False)
        )
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
    op.create_table(
        "pauses",
        sa.Column("id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("user_id", sa.BigInteger(), nullable=False),
        sa.Column("starts_on", sa.Date(), nullable=False),
        sa.Column("ends_on", sa.Date(), nullable=True),
        sa.Column("welcomed_at", db.types.UTCDateTime(), nullable=True),
        sa.Column("created_at", db.types.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["user_id"], ["users.id"], name=op.f("fk_pauses_user_id_users"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_pauses")),
    )
    with op.batch_alter_table("pauses") as batch_op:
        batch_op.create_index("ix_pauses_user_id_starts_on", ["user_id", "starts_on"], unique=False)
    _backfill()
    with op.batch_alter_table("contacts") as batch_op:
        batch_op.drop_column("keep_warm_nudged_on")
        batch_op.create_index(
            "ix_contacts_user_id_keep_warm_due_on", ["user_id", "keep_warm_due_on"], unique=False
        )


def _backfill() -> None:
    """Existing users get the default quiet hours and wake at their next daily moment (or an
    earlier follow-up); existing contacts get their keep-warm due day."""
    bind = op.get_bind()
    bind.execute(sa.update(_users).values(quiet_start=_QUIET[0], quiet_end=_QUIET[1]))
    earliest = (
        sa.select(sa.func.min(_followups.c.next_nudge_at))
        .where(_followups.c.user_id == _users.c.id, _followups.c.status == "open")
        .scalar_subquery()
    )
    bind.execute(sa.update(_users).values(wake_at=_users.c.next_daily_at))
    bind.execute(
        sa.update(_users)
        .where(earliest.is_not(None))
        .where((_users.c.wake_at.is_(None)) | (earliest < _users.c.wake_at))
        .values(wake_at=earliest)
    )
    rows = bind.execute(
        sa.select(_contacts).where(
            _contacts.c.tier.is_not(None) | _contacts.c.keep_in_touch_days.is_not(None)
        )
    ).mappings()
    updates = [{"contact_id": row["id"], "due": _due_on(row)} for row in rows]
    if updates:
        bind.execute(
            sa.update(_contacts)
            .where(_contacts.c.id == sa.bindparam("contact_id"))
            .values(keep_warm_due_on=sa.bindparam("due")),
            updates,
        )


def _due_on(row: sa.RowMapping) -> date | None:
    own = row["keep_in_touch_days"]
    interval = (own or None) if own is not None else _TIER_DAYS.get(row["tier"])
    if interval is None:
        return None
    start = row["last_interaction_on"] or row["created_at"].date()
    nudged = row["keep_warm_nudged_on"]
    if nudged is not None and nudged >= start:
        return None  # already nudged since you last talked
    return start + timedelta(days=interval)


def downgrade() -> None:
    with op.batch_alter_table("contacts") as batch_op:
        batch_op.drop_index("ix_contacts_user_id_keep_warm_due_on")
        batch_op.add_column(sa.Column("keep_warm_nudged_on", sa.Date(), nullable=True))
        batch_op.drop_column("keep_warm_due_on")
    with op.batch_alter_table("pauses") as batch_op:
        batch_op.drop_index("ix_pauses_user_id_starts_on")
    op.drop_table("pauses")
    op.drop_table("nudge_states")
    with op.batch_alter_table("followups") as batch_op:
        batch_op.drop_column("at_chosen_time")
    with op.batch_alter_table("users") as batch_op:
        batch_op.drop_index("ix_users_wake")
        batch_op.create_index("ix_users_due", ["active", "next_daily_at"], unique=False)
        for column in (
            "review_day", "quiet_end", "quiet_start", "mode", "reengaged_at", "reengage_since",
            "last_nudged_at", "last_active_at", "wake_at",
        ):  # fmt: skip
            batch_op.drop_column(column)
        batch_op.alter_column("next_daily_at", new_column_name="next_checkin_at")
