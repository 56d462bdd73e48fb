"""The whole test session, logged at DEBUG, never contains the bot token.

A pytest plugin (registered by `tests/conftest.py`). At session start it applies the bot's own
logging setup (`bot.logs.setup_logging` at DEBUG: everything at DEBUG except the loggers the bot
silences on purpose, such as httpx's request URLs) and attaches a handler to the root logger (and
to any logger that does not propagate), so it receives every record any handler would write,
whatever handlers a test adds or removes. It checks the raw message, exception text and stack,
not what `RedactingFormatter` makes of them: that formatter is the last line of defence, this
proves nothing needs it. At session end any leak fails the run, naming the test it came from.

Loggers under `tests.` belong to tests that plant a token on purpose (to test redaction), so
they are not the bot's and are not watched.
"""

from __future__ import annotations

import logging
import traceback
from collections.abc import Sequence
from dataclasses import dataclass

import pytest

from bot.logs import setup_logging
from tests.harness import TOKEN

OWN_NAMESPACE = "tests."
MASK = "<TOKEN>"


def secrets_of(token: str) -> tuple[str, ...]:
    """The token, and its secret half alone (a URL or a repr can split it at the colon)."""
    return (token, token.partition(":")[2])


def record_text(record: logging.LogRecord) -> str:
    """Everything a handler could write for `record`: message, exception and stack."""
    try:
        message = record.getMessage()
    except Exception:  # a malformed call still writes something: look at all of it
        message = f"{record.msg!r} {record.args!r}"
    parts = [message]
    if record.exc_info and record.exc_info[1] is not None:
        parts.append("".join(traceback.format_exception(*record.exc_info)))
    if record.exc_text:
        parts.append(record.exc_text)
    if record.stack_info:
        parts.append(record.stack_info)
    return "\n".join(parts)


@dataclass(frozen=True)
class Leak:
    where: str  # the test that was running (or "session")
    logger: str
    level: str
    excerpt: str  # the text around the token, with the token masked

    def __str__(self) -> str:
        return f"{self.where}: {self.logger} {self.level}: {self.excerpt}"


class TokenWatch(logging.Handler):
    """A handler that keeps every record holding one of `secrets` as a `Leak`."""

    def __init__(self, secrets: Sequence[str]) -> None:
        super().__init__(logging.NOTSET)
        self.secrets = tuple(secrets)
        self.leaks: list[Leak] = []
        self.where = "session"

    def check(self, record: logging.LogRecord) -> Leak | None:
        if record.name.startswith(OWN_NAMESPACE):
            return None
        text = record_text(record)
        for secret in self.secrets:
            at = text.find(secret)
            if at >= 0:
                excerpt = text[max(0, at - 80) : at + len(secret) + 80]
                for each in self.secrets:
                    excerpt = excerpt.replace(each, MASK)
                leak = Leak(self.where, record.name, record.levelname, excerpt)
                self.leaks.append(leak)
                return leak
        return None

    def emit(self, record: logging.LogRecord) -> None:
        self.check(record)

    def attach(self) -> None:
        """Listen at the root and at every logger whose records never reach it (idempotent:
        called before each test, in case a test rewired the handlers)."""
        loggers = [logging.getLogger()] + [
            logger
            for logger in list(logging.root.manager.loggerDict.values())
            if isinstance(logger, logging.Logger) and not logger.propagate
        ]
        for logger in loggers:
            if self not in logger.handlers:
                logger.addHandler(self)

    def detach(self) -> None:
        for logger in [logging.getLogger(), *logging.root.manager.loggerDict.values()]:
            if isinstance(logger, logging.Logger) and self in logger.handlers:
                logger.removeHandler(self)


def apply_bot_logging_levels(level: str = "DEBUG") -> None:
    """The levels `python -m bot` runs with, without its stderr handler (pytest captures)."""
    root = logging.getLogger()
    handlers = root.handlers[:]
    setup_logging(level, secrets=secrets_of(TOKEN))
    root.handlers[:] = handlers


_watch = TokenWatch(secrets_of(TOKEN))


def pytest_sessionstart(session: pytest.Session) -> None:
    apply_bot_logging_levels()
    _watch.attach()


def pytest_runtest_logstart(nodeid: str, location: object) -> None:
    _watch.where = nodeid
    _watch.attach()


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    _watch.detach()
    if not _watch.leaks:
        return
    reporter = session.config.pluginmanager.get_plugin("terminalreporter")
    lines = [f"token_watch: the bot token appeared in {len(_watch.leaks)} log record(s):"]
    lines += [f"  {leak}" for leak in _watch.leaks[:20]]
    if reporter is not None:
        reporter.write_sep("=", "bot token in the logs", red=True)
        reporter.write_line("\n".join(lines))
    else:
        print("\n".join(lines))
    session.exitstatus = pytest.ExitCode.TESTS_FAILED
