"""Logging that never prints the bot token, whatever the level."""

import logging
import re
import sys

# Anything shaped like a Bot API URL path segment `bot<id>:<secret>` is masked too, in case a
# token other than the configured one (or a URL inside an exception) ever reaches a log line.
_TOKEN_IN_TEXT = re.compile(r"\d{3,20}:[A-Za-z0-9_-]{20,}")
_QUIET_LOGGERS = ("httpx", "httpcore", "apscheduler.executors.default", "aiosqlite")
# PTB logs its API URLs, token included, at DEBUG whenever a Bot is built ("Set Bot API URL").
_URL_LOGGERS = ("telegram.Bot", "telegram.ext.ExtBot")


class RedactingFormatter(logging.Formatter):
    """Masks secrets in the fully formatted line, exception tracebacks included."""

    def __init__(self, fmt: str, secrets: tuple[str, ...] = ()) -> None:
        super().__init__(fmt)
        self._secrets = tuple(s for s in secrets if s)

    def format(self, record: logging.LogRecord) -> str:
        return redact(super().format(record), self._secrets)


class RedactingFilter(logging.Filter):
    """Masks secrets in the record itself, so no handler ever receives them: not only ours,
    whose formatter would mask them too, but pytest's log capture or an error tracker."""

    def __init__(self, secrets: tuple[str, ...] = ()) -> None:
        super().__init__()
        self._secrets = tuple(s for s in secrets if s)

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except Exception:  # a malformed call is the handler's to report, not ours to raise
            return True
        masked = redact(message, self._secrets)
        if masked != message:
            record.msg, record.args = masked, None
        return True


def redact(text: str, secrets: tuple[str, ...] = ()) -> str:
    for secret in secrets:
        text = text.replace(secret, "<redacted>")
    return _TOKEN_IN_TEXT.sub("<redacted>", text)


def setup_logging(level: str, secrets: tuple[str, ...] = ()) -> None:
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(
        RedactingFormatter("%(asctime)s %(levelname)s %(name)s: %(message)s", secrets)
    )
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level)
    # httpx logs every request URL at INFO, and the URL contains the token.
    for name in _QUIET_LOGGERS:
        logging.getLogger(name).setLevel(max(logging.WARNING, root.level))
    for name in _URL_LOGGERS:
        logger = logging.getLogger(name)
        for old in [f for f in logger.filters if isinstance(f, RedactingFilter)]:
            logger.removeFilter(old)
        logger.addFilter(RedactingFilter(secrets))
