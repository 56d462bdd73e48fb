"""Migrations build exactly the schema the models describe, and step down and up again."""

import asyncio
from datetime import UTC, datetime, time, timedelta

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import MetaData, Table, insert, select
from sqlalchemy.engine import Connection

from db.engine import create_engine, create_sessionmaker
from db.migrate import alembic_config, upgrade
from db.models import Base, OutboxMessage, User
from domain.weekdays import EVERY_DAY
from scheduler.planner import plan_due
from tests.harness import both_backends

# A Monday: the prompt comes alone (the weekly review is on Fridays).
DUE = datetime(2026, 1, 5, 18, 0, tzinfo=UTC)


def _differences(connection: Connection) -> list[object]:
    context = MigrationContext.configure(connection, opts={"compare_type": True})
    return list(compare_metadata(context, Base.metadata))


def _reflect(connection: Connection, name: str) -> Table:
    """The table as the database has it at an older revision (the models' table would insert
    the defaults of columns added since)."""
    return Table(name, MetaData(), autoload_with=connection)


def _downgrade_to_base(connection: Connection) -> None:
    config = alembic_config()
    config.attributes["connection"] = connection
    command.downgrade(config, "base")


def _upgrade_to(connection: Connection, revision: str) -> None:
    config = alembic_config()
    config.attributes["connection"] = connection
    command.upgrade(config, revision)


@both_backends
async def test_migrations_match_the_models_and_round_trip(database_url: str) -> None:
    engine = create_engine(database_url)
    try:
        await upgrade(engine)
        async with engine.connect() as connection:
            assert await connection.run_sync(_differences) == []
        async with engine.begin() as connection:
            await connection.run_sync(_downgrade_to_base)
        await upgrade(engine)
        async with engine.connect() as connection:
            assert await connection.run_sync(_differences) == []
    finally:
        await engine.dispose()


@pytest.mark.parametrize("backend", ["postgresql"], indirect=True)
async def test_replicas_starting_together_migrate_once(database_url: str) -> None:
    """Three processes' worth of engines upgrade an empty database at the same moment: they
    take turns, none fails, and the schema ends current."""
    engines = [create_engine(database_url) for _ in range(3)]
    try:
        # without turns they deadlock or collide; the bound turns a hang into a failure
        await asyncio.wait_for(asyncio.gather(*(upgrade(e) for e in engines)), timeout=120)
        async with engines[0].connect() as connection:
            assert await connection.run_sync(_differences) == []
    finally:
        for engine in engines:
            await engine.dispose()


@both_backends
async def test_0010_marks_existing_users_onboarded_so_their_prompts_keep_coming(
    database_url: str,
) -> None:
    """Everyone with an account before 0010 was getting check-ins; the migration marks them
    onboarded (at their creation), so the planner, which claims only onboarded users, still
    plans their prompt."""
    engine = create_engine(database_url)
    created = DUE - timedelta(days=30)
    try:
        async with engine.begin() as connection:
            await connection.run_sync(_upgrade_to, "0009")
            users = await connection.run_sync(_reflect, "users")
            await connection.execute(
                insert(users).values(
                    id=1,
                    chat_id=1,
                    first_name="Ann",
                    timezone="UTC",
                    checkin_time=time(18),
                    networking_days=EVERY_DAY,
                    next_daily_at=DUE,
                    wake_at=DUE,
                    active=True,
                    created_at=created,
                    updated_at=created,
                )
            )
        await upgrade(engine)
        async with create_sessionmaker(engine)() as session:
            user = await session.get(User, 1)
            assert user is not None and user.onboarded_at == created
            assert await plan_due(session, DUE + timedelta(seconds=5)) == 1
            (prompt,) = (await session.scalars(select(OutboxMessage))).all()
            assert (prompt.nudge_kind, prompt.dedupe_key) == ("checkin", "checkin:1:2026-01-05")
    finally:
        await engine.dispose()
