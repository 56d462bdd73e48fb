"""/pause and /resume, and the buttons that pause (a holiday, an illness, a busy stretch).

A pause silences every automatic message and freezes the streak; it ends by itself on its day
with a short welcome back, or with /resume.
"""

from datetime import date, timedelta

from telegram import Update

from bot import callbacks, keyboards, texts
from bot.presenters.common import describe_when, full_date
from bot.runtime import BotContext
from db.models import User
from domain.pausing import PRESET_DAYS, PauseProblem, parse_pause
from domain.schedule import local_now
from handlers import start
from handlers.common import command_argument, pressed, pressed_by_user, reply, stale
from services import pauses, users


async def pause_command(update: Update, context: BotContext) -> None:
    user = await start.set_up_user(update, context)  # nothing to pause before onboarding
    if user is None:
        return
    text = command_argument(update)
    if not text:
        await reply(update, texts.PAUSE_ASK, reply_markup=keyboards.pause_choices())
        return
    request = parse_pause(text, local_now(context.now(), users.zone(user)), user.language)
    if isinstance(request, PauseProblem):
        await reply(update, texts.PAUSE_PROBLEMS[request])
        return
    await _pause(update, context, user, request.ends_on)


async def pause_menu_button(update: Update, context: BotContext) -> None:
    """ "Pause for a while" under a re-engagement message: how long?"""
    if await pressed(update, callbacks.PauseMenu) is None:
        return
    assert update.callback_query is not None
    await update.callback_query.answer()
    await reply(update, texts.PAUSE_ASK, reply_markup=keyboards.pause_choices())


async def pause_for_button(update: Update, context: BotContext) -> None:
    found = await pressed_by_user(update, context, callbacks.PauseFor)
    if found is None:
        return
    button, user = found
    if button.days not in (*PRESET_DAYS, 0):
        await stale(update)
        return
    assert update.callback_query is not None
    await update.callback_query.answer()
    today = users.today(user, context.now())
    ends_on = today + timedelta(days=button.days) if button.days else None
    await _pause(update, context, user, ends_on)


async def _pause(update: Update, context: BotContext, user: User, ends_on: date | None) -> None:
    await pauses.pause(context.db, user, ends_on, context.now())
    await context.db.commit()
    if ends_on is None:
        await reply(update, texts.PAUSED_OPEN)
    else:
        await reply(update, texts.PAUSED_UNTIL.format(day=full_date(ends_on)))


async def resume_command(update: Update, context: BotContext) -> None:
    user = context.user
    now = context.now()
    if user is None or not await pauses.resume(context.db, user, now):
        await reply(update, texts.NOT_PAUSED)
        return
    await context.db.commit()
    when = describe_when(users.next_checkin(user, now), user.timezone, now)
    await reply(update, texts.RESUMED.format(next=when))
