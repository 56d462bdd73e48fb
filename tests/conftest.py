"""Shared fixtures: a database (SQLite file, or PostgreSQL when TEST_DATABASE_URL is set), the
Bot API emulator, and the real bot running against both."""

import os
import uuid
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

import asyncpg
import pytest
from sqlalchemy.engine import make_url

from tests.clock import ManualClock
from tests.emulator import BotAPIEmulator
from tests.harness import (
    NEEDS_POSTGRESQL,
    START,
    TOKEN,
    USER_ID,
    Chat,
    RunningBot,
    make_settings,
)
from tests.wheelhouse import WHEELS, build_wheelhouse, index_problem

# The whole session logs at DEBUG and fails if any record holds the bot token.
pytest_plugins = ("tests.token_watch",)


@pytest.fixture
def backend(request: pytest.FixtureRequest) -> str:
    """Which database a test runs on; parametrize with `indirect=True` to run on both."""
    return getattr(request, "param", "sqlite")


@asynccontextmanager
async def fresh_database(backend: str, folder: Path) -> AsyncIterator[str]:
    """A new, empty database: an SQLite file in `folder`, or a database on the PostgreSQL
    server of TEST_DATABASE_URL (dropped afterwards)."""
    if backend == "sqlite":
        yield f"sqlite+aiosqlite:///{folder}/marathon-{uuid.uuid4().hex[:8]}.sqlite3"
        return
    server = os.environ.get("TEST_DATABASE_URL")
    if not server:
        pytest.skip(NEEDS_POSTGRESQL)
    url = make_url(server)
    name = f"marathon_test_{uuid.uuid4().hex[:12]}"
    admin = await asyncpg.connect(
        host=url.host,
        port=url.port,
        user=url.username,
        password=url.password,
        database=url.database,
    )
    try:
        await admin.execute(f'CREATE DATABASE "{name}"')
        yield url.set(drivername="postgresql+asyncpg", database=name).render_as_string(
            hide_password=False
        )
        await admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    finally:
        await admin.close()


@pytest.fixture
async def database_url(backend: str, tmp_path: Path) -> AsyncIterator[str]:
    async with fresh_database(backend, tmp_path) as url:
        yield url


@pytest.fixture
def clock() -> ManualClock:
    return ManualClock(START)


@pytest.fixture
async def emulator() -> AsyncIterator[BotAPIEmulator]:
    async with BotAPIEmulator(TOKEN) as emu:
        yield emu


@pytest.fixture
async def bot(
    emulator: BotAPIEmulator, database_url: str, clock: ManualClock
) -> AsyncIterator[RunningBot]:
    running = RunningBot(emulator, make_settings(emulator, database_url), clock)
    await running.start()
    try:
        yield running
    finally:
        await running.stop()


@pytest.fixture
def chat(emulator: BotAPIEmulator) -> Chat:
    return Chat(emulator, USER_ID)


@pytest.fixture(scope="session")
def wheelhouse(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """`make wheels` once per session, for the install and image tests; they skip, saying why,
    when pip cannot reach a package index."""
    folder = tmp_path_factory.mktemp("wheelhouse")
    problem = index_problem(folder / "probe")
    if problem:
        pytest.skip(problem)
    build_wheelhouse(folder / WHEELS)
    return folder / WHEELS
