"""`db.types.among`: an IN over a batch's ids as one parameter (an array on PostgreSQL, JSON
text on SQLite for a long list)."""

import json
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
        many = [f"User {uid}" for uid in range(1, 1201, 2)] + ["Zoë", 'it\'s "quoted"', "\u200f"]
        assert await session.scalar(count.where(among(User.first_name, many))) == 600


async def test_a_long_list_is_one_parameter_looked_up_through_the_index(
    sessions: async_sessionmaker[AsyncSession],
) -> None:
    async with sessions() as session:
        await _users(session, list(range(1, 1201)))
        connection = await session.connection()
        ids = list(range(1, 1201, 3))
        query = select(User.id).where(among(User.id, ids))
        found = await connection.execute(query)
        assert sorted(found.scalars()) == ids
        parameters = found.context.compiled_parameters[0]
        assert len(parameters) == 1  # the whole list: one array, or one JSON text on SQLite
        if connection.dialect.name == "sqlite":
            compiled = query.compile(dialect=connection.dialect)
            plan = await connection.exec_driver_sql(
                f"EXPLAIN QUERY PLAN {compiled.string}", (json.dumps(ids),)
            )
            details = [row[3] for row in plan]
            assert any(d.startswith("SEARCH users") and "(id=?)" in d for d in details), details
            assert not any(detail.startswith("SCAN users") for detail in details), details


async def test_among_is_compiled_once_for_any_number_of_values(
    sessions: async_sessionmaker[AsyncSession],
) -> None:
    """The statement's cache key does not hold the values: lists of any length (on the same
    side of `Among.JSON_FROM`) reuse it."""
    async with sessions() as session:
        await _users(session, [1, 2, 3])
        connection = await session.connection()
        hits = []
        for ids in ([1], [1, 2, 3], [2, 3], []):
            result = await connection.execute(select(User.id).where(among(User.id, ids)))
            assert sorted(result.scalars()) == sorted(ids)
            hits.append(result.context.cache_hit.name)
        assert hits[1:] == ["CACHE_HIT"] * 3
