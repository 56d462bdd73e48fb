"""`python -m bot`: read the settings, then poll Telegram until stopped."""

import sys

from pydantic import ValidationError
from telegram import Update

from bot.config import Settings
from bot.logs import setup_logging

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
    try:
        settings = Settings()
    except ValidationError as error:
        print(f"marathon: {settings_problem(error)}", file=sys.stderr)
        return 2
    setup_logging(settings.log_level, secrets=(settings.token,))

    from bot.app import build_application  # imported late: a missing token fails fast

    build_application(settings).run_polling(allowed_updates=Update.ALL_TYPES)
    return 0


if __name__ == "__main__":
    sys.exit(main())
