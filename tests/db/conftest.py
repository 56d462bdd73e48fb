"""A migrated database for tests of the query layer, on each backend."""

from collections.abc import AsyncIterator

import pytest
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from db.engine import create_engine, create_sessionmaker
from db.migrate import upgrade


@pytest.fixture
async def sessions(database_url: str) -> AsyncIterator[async_sessionmaker[AsyncSession]]:
    engine = create_engine(database_url)
    await upgrade(engine)
    await upgrade(engine)  # a second run is a no-op
    try:
        yield create_sessionmaker(engine)
    finally:
        await engine.dispose()
