"""`python -m bot`: read the settings, then run until SIGINT or SIGTERM."""

import asyncio
import gc
import logging
import signal
import sys
from typing import TYPE_CHECKING

from pydantic import ValidationError

from bot.config import Settings, StartupError
from bot.logs import setup_logging

if TYPE_CHECKING:
    from bot.runtime import MarathonApplication

TOKEN_HELP = {
    "missing": "TELEGRAM_BOT_TOKEN is not set. Create a bot with @BotFather in Telegram "
    "(/newbot), then put TELEGRAM_BOT_TOKEN=<token> in .env (see .env.example).",
    "value_error": "TELEGRAM_BOT_TOKEN does not look like a bot token (digits:letters). Copy it "
    "again from @BotFather and put it in .env as TELEGRAM_BOT_TOKEN=<token>.",
}


def settings_problem(error: ValidationError) -> str:
    """One line that says what to fix, never a traceback (and never the token itself)."""
    for problem in error.errors():
        field = str(problem["loc"][0]) if problem["loc"] else ""
        if field == "telegram_bot_token":
            return TOKEN_HELP.get(problem["type"], TOKEN_HELP["value_error"])
    first = error.errors()[0]
    message = str(first["msg"]).removeprefix("Value error, ")
    if not first["loc"]:  # a rule across settings, e.g. webhook mode needs a URL and a secret
        return f"{message}. See .env.example."
    return f"{str(first['loc'][0]).upper()} is not valid: {message}. See .env.example."


def main() -> int:
    for signal_number in (signal.SIGINT, signal.SIGTERM):  # until `run` takes them over
        signal.signal(signal_number, _stop_before_start)
    try:
        settings = Settings()
    except ValidationError as error:
        print(f"marathon: {settings_problem(error)}", file=sys.stderr)
        return 2
    setup_logging(settings.log_level, secrets=(settings.token,))

    from bot.app import build_application  # imported late: a missing token fails fast

    try:
        asyncio.run(run(build_application(settings)))
    except StartupError as problem:
        print(f"marathon: {problem}", file=sys.stderr)
        return 2
    except Exception:  # a bug: its traceback goes through the log, which masks the token
        logging.getLogger("bot").critical("Marathon stopped on an unexpected error", exc_info=True)
        return 1
    return 0


def _stop_before_start(_signal: int, _frame: object) -> None:
    """A signal while the modules load (seconds on a slow machine): nothing started yet, so
    nothing to stop; exit quietly, as a signal later would."""
    raise SystemExit(0)


async def run(app: "MarathonApplication") -> None:
    """Open the servers, wait for the database and Telegram, start everything (the inbox, the
    planner, the dispatcher), then wait for a signal and stop in order: nothing received is
    lost, nothing half-sent is retried. A signal while waiting ends it at once."""
    from bot.startup import wait_for_services

    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for signal_number in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(signal_number, stop.set)
    try:
        await app.start_parts()  # /healthz says "starting" while we wait
        if not await wait_for_services(app, stop):
            return
        await app.initialize()
        if app.post_init:
            await app.post_init(app)
        await app.start()
        # What start-up loaded (modules, fonts, the ORM's registry: about 200,000 objects)
        # lives as long as the process; left in the collector's reach, every full collection
        # walked it all, a pause of 120-200 ms in the middle of someone's reply.
        gc.freeze()
        await stop.wait()
    finally:
        if app.running:
            await app.stop()
        await app.stop_parts()
        await app.shutdown()
        await app.bot.shutdown()  # its HTTP client, opened even if getMe never answered
        if app.post_shutdown:
            await app.post_shutdown(app)


if __name__ == "__main__":
    sys.exit(main())
