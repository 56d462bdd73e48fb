"""Engine and session factory. SQLite gets WAL, foreign keys and a busy timeout."""

import sqlite3
from collections import deque
from pathlib import Path
from typing import Any

from sqlalchemy import event, text
from sqlalchemy.engine import make_url
from sqlalchemy.ext.asyncio import (
    AsyncEngine,
    AsyncSession,
    async_sessionmaker,
    create_async_engine,
)


def create_engine(url: str, **kwargs: Any) -> AsyncEngine:
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite":
        return create_async_engine(url, pool_pre_ping=True, **kwargs)

    if parsed.database and parsed.database != ":memory:":
        Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
        # One connection per process. SQLite has one writer at a time, and every transaction
        # here takes the write lock (see `_begin_immediate`): with several connections, the
        # waiting ones look again through SQLite's busy handler, which sleeps up to 100 ms
        # between looks, so the lock sat idle while work waited. With one, the pool hands it
        # to the next session in line the moment it is returned. Never hold one session while
        # opening another.
        kwargs = {"pool_size": 1, "max_overflow": 0, "pool_timeout": 120, **kwargs}
    engine = create_async_engine(url, **kwargs)

    @event.listens_for(engine.sync_engine, "connect")
    def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
        # Let SQLAlchemy, not the driver, open transactions (see `_begin_immediate`).
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA busy_timeout=10000")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.close()

    @event.listens_for(engine.sync_engine, "begin")
    def _begin_immediate(connection: Any) -> None:
        # Take the write lock up front: a deferred transaction that later writes can fail with
        # "database is locked" without waiting for the busy timeout.
        connection.exec_driver_sql("BEGIN IMMEDIATE")

    _execute_in_one_hop(engine)
    return engine


def _execute_in_one_hop(engine: AsyncEngine) -> None:
    """Each statement in one trip to aiosqlite's thread instead of three or four.

    aiosqlite runs SQLite on a thread of its own, and SQLAlchemy's adapter sends it the
    cursor's creation, the execution, the fetch and the close as separate trips; each trip is
    a hand-over between threads and a turn of the event loop, which cost more CPU than the
    statement itself (a check-in answer is about twenty statements). These hooks (SQLAlchemy's
    `do_execute` events) do the four steps in one function on that thread and hand the
    adapter's cursor its results, as its own `execute` would. Server-side cursors (streamed
    results, which nothing here asks for) keep the adapter's way.
    """

    def run(cursor: Any, statement: str, parameters: Any, many: bool) -> bool:
        if getattr(cursor, "server_side", False):
            return False
        connection = cursor._connection  # the aiosqlite Connection (as the adapter uses it)
        try:
            description, rows, lastrowid, rowcount = cursor.await_(
                connection._execute(_execute, connection._conn, statement, parameters, many)
            )
        except Exception as error:
            cursor._adapt_connection._handle_exception(error)
        cursor.description = description
        if description:
            cursor._rows = deque(rows)
            cursor.lastrowid = cursor.rowcount = -1
        else:
            cursor.lastrowid, cursor.rowcount = lastrowid, rowcount
        return True

    listen = engine.sync_engine
    event.listen(listen, "do_execute", lambda cur, sql, params, _: run(cur, sql, params, False))
    event.listen(listen, "do_executemany", lambda cur, sql, rows, _: run(cur, sql, rows, True))
    event.listen(listen, "do_execute_no_params", lambda cur, sql, _: run(cur, sql, None, False))


def _execute(connection: sqlite3.Connection, statement: str, parameters: Any, many: bool) -> Any:
    """On aiosqlite's thread: execute, fetch everything, close."""
    cursor = connection.cursor()
    try:
        if many:
            cursor.executemany(statement, parameters)
        elif parameters is None:
            cursor.execute(statement)
        else:
            cursor.execute(statement, parameters)
        description = cursor.description
        rows = cursor.fetchall() if description else None
        return description, rows, cursor.lastrowid, cursor.rowcount
    finally:
        cursor.close()


def create_sessionmaker(engine: AsyncEngine) -> async_sessionmaker[AsyncSession]:
    return async_sessionmaker(engine, expire_on_commit=False)


async def ping(engine: AsyncEngine) -> None:
    """Raises unless the database answers a `SELECT 1` (callers give it a deadline)."""
    async with engine.connect() as connection:
        await connection.execute(text("SELECT 1"))
