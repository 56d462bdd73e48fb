"""The last line of defence: log the error, apologise once, keep running."""

import logging

from telegram import Update
from telegram.error import Forbidden, NetworkError, TelegramError

from bot import texts
from bot.runtime import BotContext

log = logging.getLogger(__name__)


async def on_error(update: object, context: BotContext) -> None:
    error = context.error
    if isinstance(error, Forbidden):
        log.info("user blocked the bot while we replied: %s", error)
        return
    if isinstance(error, NetworkError):
        log.warning("network trouble talking to Telegram: %s", error)
        return
    log.error("error while handling an update", exc_info=error)
    if isinstance(update, Update) and update.effective_chat is not None:
        try:
            await update.effective_chat.send_message(texts.SOMETHING_WENT_WRONG)
        except TelegramError:
            log.warning("could not tell the user about the error")
