"""The outbox: messages the bot decided to send, written before they are sent.

Planning inserts rows with a unique `dedupe_key`, so planning twice (a retried tick, a second
replica) never queues a message twice. A dispatcher claims rows with a lease (`owner`,
`lease_until`; `FOR UPDATE SKIP LOCKED` on PostgreSQL, so replicas never claim the same row), marks
each one `handed_at` just before its request goes to Telegram, and records the outcome right
after. If the dispatcher dies, rows it claimed but never handed over go out from any replica
once the lease expires; rows it handed over without an outcome are the only ambiguous ones, and
they are never retried (a missing message is better than a doubled one).
"""

from collections.abc import Mapping, Sequence
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import bindparam, func, or_, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.ext.asyncio import AsyncSession

from db.models import OutboxMessage, OutboxStatus
from domain.nudges import NudgeKind

# How long a claim holds. A dispatcher sends what it claims within seconds; a row whose lease
# ran out belongs to a dispatcher that died or stalled (waiting out a 429). A stalled one cannot
# send it any more: `hand_over` checks the owner. So a short lease only speeds up recovery.
LEASE = timedelta(seconds=30)


async def enqueue(
    session: AsyncSession,
    *,
    user_id: int,
    chat_id: int,
    kind: NudgeKind,
    key: str,
    payload: dict[str, Any],
    due_at: datetime,
    now: datetime,
    expires_at: datetime | None = None,
    status: OutboxStatus = OutboxStatus.PENDING,
) -> bool:
    """Insert one row unless its key exists; True when it was inserted."""
    dialect = session.get_bind().dialect.name
    insert = postgresql.insert if dialect == "postgresql" else sqlite.insert
    statement = (
        insert(OutboxMessage)
        .values(
            user_id=user_id,
            chat_id=chat_id,
            nudge_kind=kind,
            dedupe_key=key,
            payload=payload,
            status=status,
            due_at=due_at,
            not_before=due_at,
            expires_at=expires_at,
            attempts=0,
            created_at=now,
        )
        .on_conflict_do_nothing(index_elements=["dedupe_key"])
    )
    result = await session.execute(statement)
    return result.rowcount == 1


async def settle_abandoned(session: AsyncSession, now: datetime) -> list[int]:
    """Rows handed to Telegram whose dispatcher died before recording the outcome become
    ambiguous (not retried); returns their ids, for the log and the metrics."""
    query = (
        update(OutboxMessage)
        .where(
            OutboxMessage.status == OutboxStatus.PENDING,
            OutboxMessage.handed_at.is_not(None),
            OutboxMessage.lease_until < now,
        )
        .values(status=OutboxStatus.AMBIGUOUS, owner=None, last_error="handed over, no outcome")
        .returning(OutboxMessage.id)
    )
    return list((await session.scalars(query)).all())


async def expire_stale(session: AsyncSession, now: datetime) -> None:
    """Give up on rows past their deadline that nobody is sending right now."""
    await session.execute(
        update(OutboxMessage)
        .where(
            OutboxMessage.status == OutboxStatus.PENDING,
            OutboxMessage.expires_at < now,
            OutboxMessage.handed_at.is_(None),
            or_(OutboxMessage.lease_until.is_(None), OutboxMessage.lease_until < now),
        )
        .values(status=OutboxStatus.EXPIRED, owner=None)
    )


async def claim(
    session: AsyncSession, now: datetime, owner: str, limit: int, lease: timedelta = LEASE
) -> Sequence[OutboxMessage]:
    """Lease up to `limit` rows that are due, not expired, not handed over and not leased by
    anyone else, oldest first; the caller commits."""
    free = (
        select(OutboxMessage.id)
        .where(
            OutboxMessage.status == OutboxStatus.PENDING,
            OutboxMessage.not_before <= now,
            OutboxMessage.handed_at.is_(None),
            or_(OutboxMessage.expires_at.is_(None), OutboxMessage.expires_at >= now),
            or_(OutboxMessage.lease_until.is_(None), OutboxMessage.lease_until < now),
        )
        .order_by(OutboxMessage.not_before, OutboxMessage.id)
        .limit(limit)
        .with_for_update(skip_locked=True)
    )
    query = (
        update(OutboxMessage)
        .where(OutboxMessage.id.in_(free.scalar_subquery()))
        .values(owner=owner, lease_until=now + lease, claimed_at=now)
        .returning(OutboxMessage)
        .execution_options(synchronize_session=False)
    )
    rows = (await session.scalars(query)).all()
    return sorted(rows, key=lambda row: (row.not_before, row.id))


async def hand_over(
    session: AsyncSession, row_ids: Sequence[int], owner: str, now: datetime
) -> set[int]:
    """Mark rows as handed to Telegram, in one statement; returns those that were still ours
    to send (a row is not when its lease ran out and someone else has it, or the user deleted
    their data). The caller commits."""
    result = await session.execute(
        update(OutboxMessage)
        .where(
            OutboxMessage.id.in_(row_ids),
            OutboxMessage.owner == owner,
            OutboxMessage.status == OutboxStatus.PENDING,
            OutboxMessage.handed_at.is_(None),
        )
        .values(handed_at=now, attempts=OutboxMessage.attempts + 1)
        .returning(OutboxMessage.id)
        .execution_options(synchronize_session=False)
    )
    return set(result.scalars())


async def record(session: AsyncSession, outcomes: Mapping[int, dict[str, Any]]) -> None:
    """Store outcomes by row id, one statement for all the rows that set the same columns (a
    row deleted meanwhile, by /forget, is no error)."""
    table = OutboxMessage.__table__
    groups: dict[tuple[str, ...], list[dict[str, Any]]] = {}
    for row_id, values in outcomes.items():
        params = {"row_id": row_id, **{f"new_{name}": value for name, value in values.items()}}
        groups.setdefault(tuple(sorted(values)), []).append(params)
    for columns, params in groups.items():
        statement = (
            update(table)
            .where(table.c.id == bindparam("row_id"))
            .values({name: bindparam(f"new_{name}", type_=table.c[name].type) for name in columns})
        )
        await session.execute(statement, params)


async def depth(session: AsyncSession) -> dict[OutboxStatus, int]:
    """How many rows are in each status (the metrics' outbox depth)."""
    query = select(OutboxMessage.status, func.count()).group_by(OutboxMessage.status)
    return {status: count for status, count in await session.execute(query)}
