"""The outbox: messages the bot decided to send, written before they are sent.

Planning inserts rows with a unique `dedupe_key`, so planning twice (a retried tick, a second
replica) never queues a message twice. Dispatch claims rows with `FOR UPDATE SKIP LOCKED`
(ignored by SQLite, which has one writer anyway) and marks them `sending` before the network
call: a row is sent at most once, even if the process dies mid-send.
"""

from collections.abc import Sequence
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.ext.asyncio import AsyncSession

from db.models import OutboxMessage, OutboxStatus
from domain.nudges import NudgeKind

# A row still `sending` after this long belongs to a process that died mid-send. It is not
# retried: we cannot know whether Telegram delivered it, and a duplicate is worse than a gap.
SENDING_LEASE = timedelta(minutes=5)


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


async def sent_since(session: AsyncSession, user_id: int, kind: NudgeKind, since: datetime) -> bool:
    """Whether a message of this kind was queued for the user since `since` (for pacing)."""
    query = select(OutboxMessage.id).where(
        OutboxMessage.user_id == user_id,
        OutboxMessage.nudge_kind == kind,
        OutboxMessage.created_at >= since,
    )
    return await session.scalar(query.limit(1)) is not None


async def expire_stale(session: AsyncSession, now: datetime) -> None:
    """Give up on rows past their deadline and on rows whose sender died mid-send."""
    await session.execute(
        update(OutboxMessage)
        .where(OutboxMessage.status == OutboxStatus.PENDING, OutboxMessage.expires_at < now)
        .values(status=OutboxStatus.EXPIRED)
    )
    await session.execute(
        update(OutboxMessage)
        .where(
            OutboxMessage.status == OutboxStatus.SENDING,
            OutboxMessage.claimed_at < now - SENDING_LEASE,
        )
        .values(status=OutboxStatus.FAILED, last_error="interrupted while sending; not retried")
    )


async def claim_due(session: AsyncSession, now: datetime, limit: int) -> Sequence[OutboxMessage]:
    """Mark up to `limit` due rows as `sending` and commit, so no one else sends them."""
    query = (
        select(OutboxMessage)
        .where(OutboxMessage.status == OutboxStatus.PENDING, OutboxMessage.not_before <= now)
        .order_by(OutboxMessage.not_before, OutboxMessage.id)
        .limit(limit)
        .with_for_update(skip_locked=True)
    )
    rows = (await session.scalars(query)).all()
    for row in rows:
        row.status = OutboxStatus.SENDING
        row.claimed_at = now
        row.attempts += 1
    await session.commit()
    return rows
