"""Alembic environment (async template, SQLite in batch mode).

The bot runs migrations itself on start by handing its own connection in
`config.attributes["connection"]` (see `db/migrate.py`). The `alembic` command line works too:
it reads `[tool.alembic]` from pyproject.toml and the database URL from the bot's settings
(`DATABASE_URL`).
"""

import asyncio
import os

from alembic import context
from sqlalchemy.engine import Connection

from db.models import Base

config = context.config
target_metadata = Base.metadata


def _configure(**kwargs: object) -> None:
    context.configure(
        target_metadata=target_metadata,
        render_as_batch=True,  # SQLite cannot ALTER most things; batch mode copies the table
        compare_type=True,
        **kwargs,
    )


def _url() -> str:
    """The command line's database: `DATABASE_URL` from the environment or `.env`."""
    from dotenv import dotenv_values

    env = {**dotenv_values(".env"), **os.environ}
    return env.get("DATABASE_URL") or "sqlite+aiosqlite:///./data/marathon.sqlite3"


def do_run_migrations(connection: Connection) -> None:
    _configure(connection=connection)
    with context.begin_transaction():
        context.run_migrations()


async def run_async_migrations() -> None:
    from db.engine import create_engine

    engine = create_engine(_url())
    async with engine.connect() as connection:
        await connection.run_sync(do_run_migrations)
    await engine.dispose()


if context.is_offline_mode():
    _configure(url=_url(), literal_binds=True, dialect_opts={"paramstyle": "named"})
    with context.begin_transaction():
        context.run_migrations()
elif (connection := config.attributes.get("connection")) is not None:
    do_run_migrations(connection)
else:
    asyncio.run(run_async_migrations())
