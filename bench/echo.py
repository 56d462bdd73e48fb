"""The baseline for the inbound benchmark: a bare python-telegram-bot echo bot.

The shape of PTB's own `examples/echobot.py`: an `Application` with its defaults (long polling
through PTB's `Updater`, one update at a time), one `MessageHandler` that replies with the text
it got, nothing stored. `python -m bench.echo` reads `TELEGRAM_BOT_TOKEN` and
`TELEGRAM_API_BASE_URL` (the emulator) and prints READY once it polls.
"""

import os

from telegram import Update
from telegram.ext import Application, ContextTypes, MessageHandler, filters

READY = "echo bot is polling"


async def echo(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    assert update.message is not None and update.message.text is not None
    await update.message.reply_text(update.message.text)


async def announce(application: Application) -> None:  # type: ignore[type-arg]
    print(READY, flush=True)


def main() -> None:
    application = (
        Application.builder()
        .token(os.environ["TELEGRAM_BOT_TOKEN"])
        .base_url(os.environ["TELEGRAM_API_BASE_URL"])
        .post_init(announce)
        .build()
    )
    application.add_handler(MessageHandler(filters.TEXT, echo))
    application.run_polling(allowed_updates=Update.ALL_TYPES)


if __name__ == "__main__":
    main()
