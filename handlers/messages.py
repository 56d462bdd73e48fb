"""Messages that are not commands: answers, settings input, and everything unexpected."""

from telegram import Update

from bot import texts
from bot.runtime import BotContext
from db.checkins import open_checkin
from db.users import get_user
from handlers import checkin, contacts, followups, settings
from handlers.common import reply


async def text(update: Update, context: BotContext) -> None:
    """Route free text to whatever the user is in the middle of.

    A question the user just asked for (/timezone, /followup, …) comes first; then an open
    check-in; anything else gets a pointer to /help.
    """
    assert update.effective_user is not None
    user = await get_user(context.db, update.effective_user.id)
    if user is not None:
        if user.awaiting in settings.TIMEZONE_STATES:
            await settings.timezone_from_text(update, context, user)
            return
        if user.awaiting in settings.TIME_STATES:
            await settings.checkin_time_from_text(update, context, user)
            return
        if user.awaiting in followups.STATES:
            await followups.from_text(update, context, user)
            return
        if user.awaiting in contacts.STATES:
            await contacts.field_from_text(update, context, user)
            return
        running = await open_checkin(context.db, user.id)
        if running is not None:
            await checkin.answer_text(update, context, running)
            return
    await reply(update, texts.STRAY_TEXT)


async def not_text(update: Update, context: BotContext) -> None:
    """Stickers, photos, voice notes…: nothing is stored, and the user learns what works."""
    assert update.effective_user is not None
    running = await open_checkin(context.db, update.effective_user.id)
    await reply(update, texts.ANSWER_NOT_TEXT if running else texts.NOT_TEXT)


async def unknown_command(update: Update, context: BotContext) -> None:
    assert update.effective_message is not None and update.effective_message.text is not None
    command = update.effective_message.text.split()[0].split("@")[0][:32]
    await reply(update, texts.UNKNOWN_COMMAND.format(command=command))
