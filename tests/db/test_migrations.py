"""Migrations build exactly the schema the models describe, and step down and up again."""

import asyncio

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy.engine import Connection

from db.engine import create_engine
from db.migrate import alembic_config, upgrade
from db.models import Base
from tests.harness import both_backends


def _differences(connection: Connection) -> list[object]:
    context = MigrationContext.configure(connection, opts={"compare_type": True})
    return list(compare_metadata(context, Base.metadata))


def _downgrade_to_base(connection: Connection) -> None:
    config = alembic_config()
    config.attributes["connection"] = connection
    command.downgrade(config, "base")


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
