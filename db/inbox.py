"""The inbox: updates as they arrived, handled in order per chat, each once.

`store` keeps an update before Telegram is told it arrived. `claim` leases, for each chat with
waiting updates, its oldest one, and only when no other update of that chat is being handled:
so one chat's updates go one after another while different chats go side by side, across
replicas too. The handling transaction marks its row done (`mark_done`) with its effects.
"""

from collections.abc import Iterable, Sequence
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import delete, func, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import aliased

from db.models import InboxStatus, InboxUpdate

# How long a claim holds: handling an update takes well under a second (an import a few). A
# consumer whose lease ran out cannot mark the update done (`mark_done` checks the owner), so a
# short lease only speeds up recovery after a crash; it never lets an update run twice.
LEASE = timedelta(seconds=30)
MAX_ATTEMPTS = 3  # a handler that fails this often gives up on the update
KEEP_DONE = timedelta(days=7)  # handled updates are kept this long (a replay stays harmless)


async def store(session: AsyncSession, updates: Iterable[dict[str, Any]], now: datetime) -> int:
    """Insert raw updates (Telegram's JSON); one already stored is skipped. The caller commits
    before confirming them to Telegram. Returns how many were new."""
    rows = [_row(update, now) for update in updates]
    if not rows:
        return 0
    dialect = session.get_bind().dialect.name
    insert = postgresql.insert if dialect == "postgresql" else sqlite.insert
    known = await session.scalars(
        select(InboxUpdate.update_id).where(
            InboxUpdate.update_id.in_([row["update_id"] for row in rows])
        )
    )
    seen = set(known.all())
    statement = insert(InboxUpdate.__table__).on_conflict_do_nothing(index_elements=["update_id"])
    await session.execute(statement, rows)
    return sum(row["update_id"] not in seen for row in rows)


def _row(update: dict[str, Any], now: datetime) -> dict[str, Any]:
    chat, sender = _chat_and_sender(update)
    return {
        "update_id": int(update["update_id"]),
        "chat_id": chat or 0,
        "user_id": sender,
        "payload": update,
        "status": InboxStatus.PENDING,
        "attempts": 0,
        "received_at": now,
    }


def _chat_and_sender(update: dict[str, Any]) -> tuple[int | None, int | None]:
    """The chat and the sender of a raw update, wherever its kind keeps them."""
    for value in update.values():
        if not isinstance(value, dict):
            continue
        message = value.get("message") if "data" in value else value  # a callback query
        chat = (message or {}).get("chat") or value.get("chat")
        sender = value.get("from") or (message or {}).get("from")
        chat_id = chat.get("id") if isinstance(chat, dict) else None
        sender_id = sender.get("id") if isinstance(sender, dict) else None
        if chat_id is not None or sender_id is not None:
            return chat_id or sender_id, sender_id
    return None, None


async def claim(
    session: AsyncSession, now: datetime, owner: str, limit: int, lease: timedelta = LEASE
) -> Sequence[InboxUpdate]:
    """Lease the oldest waiting update of up to `limit` chats, skipping chats that have one
    leased to anyone; the caller commits."""
    busy = aliased(InboxUpdate)
    first = (
        select(func.min(InboxUpdate.id))
        .where(
            InboxUpdate.status == InboxStatus.PENDING,
            ~select(busy.id)
            .where(
                busy.chat_id == InboxUpdate.chat_id,
                busy.status == InboxStatus.PENDING,
                busy.lease_until >= now,
            )
            .exists(),
        )
        .group_by(InboxUpdate.chat_id)
        .limit(limit)
    )
    query = (
        update(InboxUpdate)
        .where(
            InboxUpdate.id.in_(first.scalar_subquery()),
            # Re-checked on the row itself, so two replicas never both take it, and an update
            # handled meanwhile is not taken again.
            InboxUpdate.status == InboxStatus.PENDING,
            (InboxUpdate.lease_until.is_(None)) | (InboxUpdate.lease_until < now),
        )
        .values(owner=owner, lease_until=now + lease, attempts=InboxUpdate.attempts + 1)
        .returning(InboxUpdate)
        .execution_options(synchronize_session=False)
    )
    rows = (await session.scalars(query)).all()
    return sorted(rows, key=lambda row: row.id)


async def give_up_abandoned(session: AsyncSession, now: datetime) -> int:
    """Fail updates whose handling died with its process MAX_ATTEMPTS times (one that crashes
    whoever handles it), so their chat moves on; the caller commits."""
    result = await session.execute(
        update(InboxUpdate)
        .where(
            InboxUpdate.status == InboxStatus.PENDING,
            InboxUpdate.attempts >= MAX_ATTEMPTS,
            InboxUpdate.lease_until < now,
        )
        .values(
            status=InboxStatus.FAILED,
            owner=None,
            lease_until=None,
            done_at=now,
            last_error=f"its handler never finished, {MAX_ATTEMPTS} times",
        )
    )
    return result.rowcount  # type: ignore[attr-defined,no-any-return]


async def mark_done(session: AsyncSession, row_id: int, owner: str, now: datetime) -> bool:
    """Done, in the handling transaction: committed with the update's effects, or not at all.
    False when the update is no longer this consumer's (its lease ran out and another took
    it): then it must not be handled here."""
    result = await session.execute(
        update(InboxUpdate)
        .where(
            InboxUpdate.id == row_id,
            InboxUpdate.owner == owner,
            InboxUpdate.status == InboxStatus.PENDING,
        )
        .values(status=InboxStatus.DONE, done_at=now, owner=None, lease_until=None)
    )
    return result.rowcount == 1  # type: ignore[attr-defined]


async def retry_or_fail(
    session: AsyncSession, row: InboxUpdate, error: str, now: datetime
) -> InboxStatus:
    """Its handler failed: try again (after the others of its chat wait their turn), or give up
    after MAX_ATTEMPTS."""
    status = InboxStatus.FAILED if row.attempts >= MAX_ATTEMPTS else InboxStatus.PENDING
    await session.execute(
        update(InboxUpdate)
        .where(InboxUpdate.id == row.id)
        .values(
            status=status,
            owner=None,
            lease_until=None,
            last_error=error[:500],
            done_at=now if status == InboxStatus.FAILED else None,
        )
    )
    return status


async def fail(session: AsyncSession, row: InboxUpdate, error: str, now: datetime) -> InboxStatus:
    """Give up on the update: its handler cannot handle it."""
    await session.execute(
        update(InboxUpdate)
        .where(InboxUpdate.id == row.id)
        .values(
            status=InboxStatus.FAILED,
            owner=None,
            lease_until=None,
            last_error=error[:500],
            done_at=now,
        )
    )
    return InboxStatus.FAILED


async def status_of(session: AsyncSession, row_id: int) -> InboxStatus | None:
    return await session.scalar(select(InboxUpdate.status).where(InboxUpdate.id == row_id))


async def oldest_waiting(session: AsyncSession) -> datetime | None:
    """When the oldest update still waiting arrived (the inbox lag)."""
    query = select(func.min(InboxUpdate.received_at)).where(
        InboxUpdate.status == InboxStatus.PENDING
    )
    return await session.scalar(query)


async def prune(session: AsyncSession, now: datetime) -> None:
    """Forget handled updates after KEEP_DONE: they hold what people wrote."""
    await session.execute(
        delete(InboxUpdate).where(
            InboxUpdate.status != InboxStatus.PENDING, InboxUpdate.done_at < now - KEEP_DONE
        )
    )


async def forget_sender(session: AsyncSession, user_id: int) -> None:
    """Every update the user sent (for /forget by someone without an account)."""
    await session.execute(delete(InboxUpdate).where(InboxUpdate.user_id == user_id))
