"""The bot token never reaches a log line, exceptions included."""

import io
import logging

from bot.logs import RedactingFormatter, setup_logging
from tests.harness import TOKEN


def test_token_is_masked_in_messages_arguments_and_tracebacks() -> None:
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(RedactingFormatter("%(message)s", secrets=(TOKEN,)))
    log = logging.getLogger("test.redaction")
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


def test_setup_logging_silences_request_urls() -> None:
    setup_logging("DEBUG", secrets=(TOKEN,))
    assert logging.getLogger("httpx").getEffectiveLevel() >= logging.WARNING
    assert logging.getLogger().level == logging.DEBUG
