"""The SQLite engine: pragmas, the write lock up front, and one trip to aiosqlite's thread per
statement (db/engine.py), with results, row counts and errors as the driver gives them."""

from collections.abc import AsyncIterator
from pathlib import Path

import aiosqlite
import pytest
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncEngine

from db.engine import create_engine


@pytest.fixture
async def engine(tmp_path: Path) -> AsyncIterator[AsyncEngine]:
    engine = create_engine(f"sqlite+aiosqlite:///{tmp_path}/engine.sqlite3")
    try:
        yield engine
    finally:
        await engine.dispose()


@pytest.fixture
def trips(monkeypatch: pytest.MonkeyPatch) -> list[object]:
    """Every function aiosqlite runs on its thread, in order."""
    calls: list[object] = []
    original = aiosqlite.Connection._execute

    async def counted(
        self: aiosqlite.Connection, fn: object, *args: object, **kwargs: object
    ) -> object:
        calls.append(fn)
        return await original(self, fn, *args, **kwargs)

    monkeypatch.setattr(aiosqlite.Connection, "_execute", counted)
    return calls


async def test_pragmas_are_set(engine: AsyncEngine) -> None:
    async with engine.connect() as connection:
        mode = await connection.exec_driver_sql("PRAGMA journal_mode")
        keys = await connection.exec_driver_sql("PRAGMA foreign_keys")
        assert (mode.scalar(), keys.scalar()) == ("wal", 1)


async def test_each_statement_is_one_trip(engine: AsyncEngine, trips: list[object]) -> None:
    async with engine.begin() as connection:
        await connection.execute(text("CREATE TABLE t (id INTEGER PRIMARY KEY, x INTEGER)"))
        trips.clear()
        inserted = await connection.execute(text("INSERT INTO t (x) VALUES (:x)"), {"x": 1})
        assert inserted.lastrowid == 1
        many = await connection.execute(text("INSERT INTO t (x) VALUES (:x)"), [{"x": 2}, {"x": 3}])
        assert many.rowcount == 2
        updated = await connection.execute(text("UPDATE t SET x = x * 10 WHERE x > 1"))
        assert updated.rowcount == 2
        rows = await connection.execute(text("SELECT id, x FROM t ORDER BY id"))
        assert rows.all() == [(1, 1), (2, 20), (3, 30)]
        assert len(trips) == 4  # four statements, four trips (and nothing ran twice)


async def test_errors_arrive_as_sqlalchemy_errors(engine: AsyncEngine) -> None:
    async with engine.begin() as connection:
        await connection.execute(text("CREATE TABLE u (name TEXT UNIQUE)"))
        await connection.execute(text("INSERT INTO u VALUES ('Ann')"))
    async with engine.connect() as connection:
        with pytest.raises(IntegrityError):
            await connection.execute(text("INSERT INTO u VALUES ('Ann')"))
        await connection.rollback()
        count = await connection.execute(text("SELECT count(*) FROM u"))
        assert count.scalar() == 1  # the connection is still good
