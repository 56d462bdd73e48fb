"""The bot token never reaches a log line, exceptions included."""

import io
import logging
from collections.abc import Iterator

import pytest
from telegram import Bot
from telegram.ext import ExtBot

from bot.logs import RedactingFormatter, setup_logging
from tests.harness import TOKEN


def test_token_is_masked_in_messages_arguments_and_tracebacks() -> None:
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(RedactingFormatter("%(message)s", secrets=(TOKEN,)))
    log = logging.getLogger(f"{__name__}.redaction")  # a test logger: token_watch skips it
    log.addHandler(handler)
    log.setLevel(logging.DEBUG)
    try:
        log.debug("POST https://api.telegram.org/bot%s/getMe", TOKEN)
        try:
            raise RuntimeError(f"boom at https://api.telegram.org/bot{TOKEN}/sendMessage")
        except RuntimeError:
            log.exception("failed")
        log.info("another token 987654:abcdefghijklmnopqrstuvwxyz_- leaks")
    finally:
        log.removeHandler(handler)
    output = stream.getvalue()
    assert TOKEN not in output
    assert "abcdefghijklmnopqrstuvwxyz_-" not in output
    assert output.count("<redacted>") == 3  # the message, the exception, the other token


@pytest.fixture
def restored_logging() -> Iterator[None]:
    """setup_logging rewires the process's loggers; later tests get the session's back."""
    root = logging.getLogger()
    handlers, level = root.handlers[:], root.level
    loggers = [
        (logger, logger.level, logger.filters[:])
        for logger in logging.root.manager.loggerDict.values()
        if isinstance(logger, logging.Logger)
    ]
    yield
    root.handlers[:] = handlers
    root.setLevel(level)
    for logger, logger_level, filters in loggers:
        logger.setLevel(logger_level)
        logger.filters[:] = filters


@pytest.mark.usefixtures("restored_logging")
def test_setup_logging_silences_request_urls() -> None:
    setup_logging("DEBUG", secrets=(TOKEN,))
    assert logging.getLogger("httpx").getEffectiveLevel() >= logging.WARNING
    assert logging.getLogger().level == logging.DEBUG


class Kept(logging.Handler):
    """A handler that formats nothing: it gets the records exactly as loggers emit them."""

    def __init__(self) -> None:
        super().__init__()
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


@pytest.mark.usefixtures("restored_logging")
def test_the_api_urls_ptb_logs_at_debug_reach_no_handler_with_the_token() -> None:
    """PTB logs "Set Bot API URL: …/bot<token>" when a bot is built; found by token_watch."""
    setup_logging("DEBUG", secrets=(TOKEN,))
    kept = Kept()
    logging.getLogger().addHandler(kept)
    try:
        Bot(TOKEN, base_url="http://127.0.0.1:8081/bot")
        ExtBot(TOKEN)
    finally:
        logging.getLogger().removeHandler(kept)
    urls = [r.getMessage() for r in kept.records if r.getMessage().startswith("Set Bot API")]
    assert urls == [
        "Set Bot API URL: http://127.0.0.1:8081/bot<redacted>",
        "Set Bot API File URL: https://api.telegram.org/file/bot<redacted>",
        "Set Bot API URL: https://api.telegram.org/bot<redacted>",
        "Set Bot API File URL: https://api.telegram.org/file/bot<redacted>",
    ]
