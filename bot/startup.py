"""Start calmly, fail clearly: wait for the database and the Bot API, stop on what only the
operator can fix.

A network blip or a database still starting is waited out: each is tried again with a growing
pause (1, 2, 4 … up to 60 s), with one log line per failed attempt saying what did not answer
and when the next try comes, never a traceback (under a restart policy, exiting would only make
a crash loop). A token Telegram rejects will not get better by waiting: that is a
`StartupError`, one line and status 2.
"""

import asyncio
import contextlib
import logging
from collections.abc import Awaitable, Callable, Iterator
from urllib.parse import urlsplit

from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError
from telegram.error import InvalidToken, NetworkError, RetryAfter

from bot.config import StartupError
from bot.logs import redact
from bot.runtime import MarathonApplication
from db.engine import ping

log = logging.getLogger(__name__)

FIRST_PAUSE = 1.0
LONGEST_PAUSE = 60.0
PING_TIMEOUT = 10.0  # a database that takes longer to say hello is not there yet

TOKEN_REJECTED = (
    "TELEGRAM_BOT_TOKEN was rejected by the Bot API ({reason}). Copy it again from @BotFather "
    "(/mybots, API Token) and put it in .env as TELEGRAM_BOT_TOKEN=<token>."
)


def pauses(first: float = FIRST_PAUSE, longest: float = LONGEST_PAUSE) -> Iterator[float]:
    """The waits between attempts: doubling from `first`, then `longest` for ever."""
    pause = first
    while True:
        yield min(pause, longest)
        pause *= 2


async def wait_for_services(app: MarathonApplication, stop: asyncio.Event) -> bool:
    """Wait until the database and the Bot API (`getMe`) both answer, trying both at once:
    True then, False if `stop` was set first. Raises `StartupError` for a rejected token."""
    settings = app.services.settings
    database = f"the database ({make_url(settings.database_url).render_as_string()})"
    bot_api = f"the Bot API ({urlsplit(settings.telegram_api_base_url).netloc})"
    app.waiting_for = [database, bot_api]
    done = asyncio.Event()  # asks both to stop after their attempt in flight
    # Whatever connecting raised: refused, timed out, the server still starting, a role or
    # database not created yet (asyncpg's own errors, which SQLAlchemy does not wrap).
    database_wait = asyncio.create_task(
        _until_answers(app, database, lambda: _ping(app), Exception, done)
    )
    api_wait = asyncio.create_task(
        _until_answers(app, bot_api, lambda: _get_me(app), (NetworkError, RetryAfter), done)
    )
    stopping = asyncio.create_task(stop.wait())
    try:
        for finished in asyncio.as_completed([database_wait, api_wait, stopping]):
            await finished  # a StartupError (or a bug) is raised here
            if stop.is_set() or (database_wait.done() and api_wait.done()):
                break
        return not stop.is_set()
    finally:
        done.set()
        # The Bot API's request in flight is cancelled; the database's ping is let finish
        # (within PING_TIMEOUT, usually at once): a connection cancelled half-made leaves
        # SQLAlchemy's aiosqlite adapter a task that never ends, logged as an error at exit.
        api_wait.cancel()
        stopping.cancel()
        await asyncio.gather(database_wait, api_wait, stopping, return_exceptions=True)


async def _until_answers(
    app: MarathonApplication,
    what: str,
    attempt: Callable[[], Awaitable[object]],
    passing: type[Exception] | tuple[type[Exception], ...],
    done: asyncio.Event,
) -> None:
    """Try `attempt` until it succeeds, pausing longer each time it raises `passing`; give up
    quietly once `done` is set."""
    failures = 0
    for pause in pauses():
        try:
            await attempt()
        except passing as error:
            failures += 1
            log.warning(
                "%s does not answer (%s); trying again in %g s (attempt %d)",
                what, describe(error), pause, failures,
            )  # fmt: skip
        else:
            app.waiting_for.remove(what)
            if failures:
                log.info("%s answers now", what)
            return
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(done.wait(), pause)
        if done.is_set():
            return


async def _ping(app: MarathonApplication) -> None:
    await asyncio.wait_for(ping(app.services.engine), PING_TIMEOUT)


async def _get_me(app: MarathonApplication) -> None:
    try:
        await app.bot.initialize()  # getMe: it proves the API is there and the token good
    except InvalidToken as error:
        # PTB's message quotes the whole token; only Telegram's own description is kept.
        reason = error.__cause__ or error
        raise StartupError(TOKEN_REJECTED.format(reason=redact(str(reason)))) from None


def describe(error: BaseException) -> str:
    """The error's kind and first line, without a traceback, a token or a password."""
    if isinstance(error, DBAPIError) and error.orig is not None:
        error = error.orig
    text = str(error).strip().splitlines()[0] if str(error).strip() else ""
    name = type(error).__name__
    return redact(f"{name}: {text}" if text else name)
