"""The baselines for the inbound benchmark: a bare python-telegram-bot echo bot, and the same
bot writing each update to the database before it replies.

The shape of PTB's own `examples/echobot.py`: an `Application` with its defaults (long polling
through PTB's `Updater`, one update at a time), one `MessageHandler` that replies with the text
it got. `python -m bench.echo` reads `TELEGRAM_BOT_TOKEN` and `TELEGRAM_API_BASE_URL` (the
emulator) and prints READY once it polls. With `ECHO_STORE=1` it first inserts each update into
a table of `DATABASE_URL` and commits, one session per update through our engine (SQLite
pragmas and all): the least that "a crash loses no update" costs, with nothing else done.
"""

import os
from collections.abc import Awaitable, Callable

from sqlalchemy import JSON, BigInteger, Column, MetaData, Table, insert
from telegram import Update
from telegram.ext import Application, ContextTypes, MessageHandler, filters

from db.engine import create_engine, create_sessionmaker

READY = "echo bot is polling"
STORED = Table(
    "echo_updates",
    MetaData(),
    Column("update_id", BigInteger, primary_key=True, autoincrement=False),
    Column("payload", JSON, nullable=False),
)


async def echo(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    assert update.message is not None and update.message.text is not None
    await update.message.reply_text(update.message.text)


Hook = Callable[..., Awaitable[None]]


def stored_echo(database_url: str) -> tuple[Hook, Hook]:
    """`echo` after the update is inserted and committed, and the start-up that creates the
    table before announcing READY."""
    sessions = create_sessionmaker(create_engine(database_url))

    async def handle(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        async with sessions() as session:
            await session.execute(
                insert(STORED).values(update_id=update.update_id, payload=update.to_dict())
            )
            await session.commit()
        await echo(update, context)

    async def create_table(application: Application) -> None:  # type: ignore[type-arg]
        async with sessions() as session:
            await session.run_sync(lambda sync: STORED.create(sync.connection(), checkfirst=True))
            await session.commit()
        await announce(application)

    return handle, create_table


async def announce(application: Application) -> None:  # type: ignore[type-arg]
    print(READY, flush=True)


def main() -> None:
    handler, ready = echo, announce
    if os.environ.get("ECHO_STORE") == "1":
        handler, ready = stored_echo(os.environ["DATABASE_URL"])
    application = (
        Application.builder()
        .token(os.environ["TELEGRAM_BOT_TOKEN"])
        .base_url(os.environ["TELEGRAM_API_BASE_URL"])
        .post_init(ready)
        .build()
    )
    application.add_handler(MessageHandler(filters.TEXT, handler))
    application.run_polling(allowed_updates=Update.ALL_TYPES)


if __name__ == "__main__":
    main()
