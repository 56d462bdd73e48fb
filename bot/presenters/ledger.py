"""/gave and /asked as the user reads them: the coach's tip for a vague ask (principle 6)."""

from datetime import date

from bot import texts
from bot.presenters.common import pick


def with_vague_ask_tip(text: str, day: date) -> str:
    """`text`, then one specific way to ask (a different example on different days)."""
    tip = texts.VAGUE_ASK_REWRITE.format(example=pick(texts.SPECIFIC_ASK_EXAMPLES, day))
    return f"{text}\n\n{tip}"
