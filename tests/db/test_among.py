"""`db.types.among`: an IN over a batch's ids, one array parameter on PostgreSQL."""

from datetime import UTC, datetime, time

from sqlalchemy import func, insert, select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from db.models import User
from db.types import among
from tests.harness import both_backends

pytestmark = both_backends

NOW = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


async def _users(session: AsyncSession, ids: list[int]) -> None:
    rows = [
        {
            "id": uid,
            "chat_id": uid,
            "first_name": f"User {uid}",
            "timezone": "UTC",
            "checkin_time": time(9),
            "networking_days": 31,
            "created_at": NOW,
            "updated_at": NOW,
        }
        for uid in ids
    ]
    await session.execute(insert(User), rows)


async def test_among_finds_exactly_the_listed_rows(
    sessions: async_sessionmaker[AsyncSession],
) -> None:
    async with sessions() as session:
        await _users(session, list(range(1, 1201)))
        count = select(func.count()).select_from(User)
        assert await session.scalar(count.where(among(User.id, [3, 5, 9999]))) == 2
        assert await session.scalar(count.where(among(User.id, range(1, 1101)))) == 1100
        assert await session.scalar(count.where(among(User.id, []))) == 0
        names = ["User 7", "User 8", "nobody", 'it\'s "quoted"']
        assert await session.scalar(count.where(among(User.first_name, names))) == 2


async def test_among_is_compiled_once_for_any_number_of_values(
    sessions: async_sessionmaker[AsyncSession],
) -> None:
    """The statement's cache key does not hold the values: batches of any size reuse it."""
    async with sessions() as session:
        await _users(session, [1, 2, 3])
        connection = await session.connection()
        hits = []
        for ids in ([1], [1, 2, 3], [2, 3], []):
            result = await connection.execute(select(User.id).where(among(User.id, ids)))
            assert sorted(result.scalars()) == sorted(ids)
            hits.append(result.context.cache_hit.name)
        assert hits[1:] == ["CACHE_HIT"] * 3
