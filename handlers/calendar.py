"""/due (the next seven days: check-in days and follow-ups) and /calendar (the open follow-ups
as an .ics file for the user's own calendar app). Both only show: a stranger is pointed to
/start and gets no account."""

import asyncio

from telegram import Update

from bot import texts
from bot.presenters import calendar as present
from bot.runtime import BotContext
from handlers.common import known_user, reply, reply_long
from services import calendar, users


async def due_command(update: Update, context: BotContext) -> None:
    user = await known_user(update, context)
    if user is None:
        return
    ahead = await calendar.week_ahead(context.db, user, context.now())
    await reply_long(update, present.week(ahead, users.zone(user)))


async def calendar_command(update: Update, context: BotContext) -> None:
    user = await known_user(update, context)
    if user is None:
        return
    items = await calendar.open_followups(context.db, user)
    if not items:
        await reply(update, texts.CALENDAR_EMPTY)
        return
    # Building the file is pure CPU work (a few ms per event): off the event loop.
    content = await asyncio.to_thread(present.ics, items, user.id, context.now())
    assert update.effective_chat is not None
    await update.effective_chat.send_document(
        content, filename=present.FILENAME, caption=present.caption(len(items))
    )
