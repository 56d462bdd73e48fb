"""Marathon: a Telegram bot that coaches people to network consistently."""

import os

# Opt in to python-telegram-bot's future behaviour (time periods as `timedelta`), which our
# code already handles, instead of a deprecation warning on every flood-control error.
os.environ.setdefault("PTB_TIMEDELTA", "true")
