"""The inbox's queries on each backend: stored once, one update per chat at a time, handled
only by whoever holds it, and nothing stuck forever."""

from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from db import inbox as inbox_db
from db.models import InboxStatus, InboxUpdate
from tests.harness import both_backends

pytestmark = both_backends
NOW = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
LEASE = timedelta(seconds=30)


def message(update_id: int, chat_id: int) -> dict[str, Any]:
    sender = {"id": chat_id, "is_bot": False, "first_name": "Ann"}
    return {
        "update_id": update_id,
        "message": {
            "message_id": update_id,
            "date": 0,
            "chat": {"id": chat_id, "type": "private"},
            "from": sender,
            "text": f"hello {update_id}",
        },
    }


async def claim(session: AsyncSession, owner: str, at: datetime = NOW) -> list[int]:
    rows = await inbox_db.claim(session, at, owner, 10, LEASE)
    await session.commit()
    return [row.update_id for row in rows]


async def test_an_update_is_stored_once(sessions: async_sessionmaker[AsyncSession]) -> None:
    async with sessions() as session:
        assert await inbox_db.store(session, [message(1, 10), message(2, 10)], NOW) == 2
        assert await inbox_db.store(session, [message(2, 10), message(3, 11)], NOW) == 1
        await session.commit()
        ids = await session.scalars(select(InboxUpdate.update_id).order_by(InboxUpdate.id))
        assert ids.all() == [1, 2, 3]


async def test_one_update_per_chat_at_a_time_in_order(
    sessions: async_sessionmaker[AsyncSession],
) -> None:
    async with sessions() as session:
        await inbox_db.store(session, [message(1, 10), message(2, 10), message(3, 11)], NOW)
        await session.commit()
        assert await claim(session, "a") == [1, 3]  # the oldest of each chat
        assert await claim(session, "b") == []  # both chats are busy
        assert await inbox_db.mark_done(session, row_id=await _id(session, 1), owner="a", now=NOW)
        await session.commit()
        assert await claim(session, "b") == [2]  # chat 10's next, once the first is done


async def test_only_the_holder_marks_an_update_done(
    sessions: async_sessionmaker[AsyncSession],
) -> None:
    async with sessions() as session:
        await inbox_db.store(session, [message(1, 10)], NOW)
        await session.commit()
        assert await claim(session, "a") == [1]
        row_id = await _id(session, 1)
        later = NOW + LEASE + timedelta(seconds=1)  # a's lease ran out; b took it over
        assert await claim(session, "b", later) == [1]
        assert not await inbox_db.mark_done(session, row_id, "a", later)
        assert await inbox_db.mark_done(session, row_id, "b", later)
        await session.commit()
        assert await claim(session, "c", later + LEASE * 2) == []  # done is done


async def test_an_update_that_kills_every_handler_is_given_up(
    sessions: async_sessionmaker[AsyncSession],
) -> None:
    async with sessions() as session:
        await inbox_db.store(session, [message(1, 10), message(2, 10)], NOW)
        await session.commit()
        at = NOW
        for attempt in range(inbox_db.MAX_ATTEMPTS):  # each holder dies mid-way
            assert await inbox_db.give_up_abandoned(session, at) == 0, attempt
            assert await claim(session, f"replica-{attempt}", at) == [1]
            at += LEASE + timedelta(seconds=1)
        assert await inbox_db.give_up_abandoned(session, at) == 1
        await session.commit()
        assert await claim(session, "next", at) == [2]  # the chat moves on
        row = await session.get(InboxUpdate, await _id(session, 1))
        assert row is not None and row.status == InboxStatus.FAILED


async def test_handled_updates_are_forgotten_after_a_week(
    sessions: async_sessionmaker[AsyncSession],
) -> None:
    async with sessions() as session:
        await inbox_db.store(session, [message(1, 10), message(2, 11)], NOW)
        await session.commit()
        assert await claim(session, "a") == [1, 2]
        await inbox_db.mark_done(session, await _id(session, 1), "a", NOW)
        await inbox_db.prune(session, NOW + inbox_db.KEEP_DONE + timedelta(minutes=1))
        await session.commit()
        left = await session.scalars(select(InboxUpdate.update_id))
        assert left.all() == [2]  # the one not handled yet stays


async def _id(session: AsyncSession, update_id: int) -> int:
    found = await session.scalar(select(InboxUpdate.id).where(InboxUpdate.update_id == update_id))
    assert found is not None
    return found
